package mlp_test

import (
	"bytes"
	"encoding/binary"
	"math"
	"testing"

	"github.com/emberml/ember/mlp"
)

// fuzzModel returns a small compiled model for a loss chosen by k (one of
// the four, so every output path is reached).
func fuzzModel(k uint8) *mlp.Model {
	var m *mlp.Model
	var loss mlp.Loss
	switch k % 5 {
	case 4:
		m, _ = mlp.New(2, mlp.Dropout(0.5), mlp.Dense(3, mlp.ReLU), mlp.Dropout(0.25), mlp.Dense(1, mlp.Sigmoid))
		loss = mlp.BinaryCrossEntropy
	case 0:
		m, _ = mlp.New(2, mlp.Dense(3, mlp.ReLU), mlp.Dense(1, mlp.Sigmoid))
		loss = mlp.BinaryCrossEntropy
	case 1:
		m, _ = mlp.New(2, mlp.Dense(3, mlp.Tanh), mlp.Dense(3, mlp.Softmax))
		loss = mlp.CategoricalCrossEntropy
	case 2:
		m, _ = mlp.New(2, mlp.Dense(3, mlp.LeakyReLU), mlp.Dense(3, mlp.Softmax))
		loss = mlp.SparseCategoricalCrossEntropy
	default:
		m, _ = mlp.New(2, mlp.Dense(3, mlp.Sigmoid), mlp.Dense(2, mlp.Linear))
		loss = mlp.MSE
	}
	if err := m.Compile(mlp.Adam(0.01), loss); err != nil {
		panic(err)
	}
	return m
}

// floats decodes b as little-endian float32 values (at most max).
func floats(b []byte, max int) []float32 {
	n := min(len(b)/4, max)
	out := make([]float32, n)
	for i := range out {
		out[i] = math.Float32frombits(binary.LittleEndian.Uint32(b[4*i:]))
	}
	return out
}

// FuzzEntryPoints: Fit, Predict, PredictClasses, PredictInto, Evaluate,
// TrainOnBatch and InputGradients
// with arbitrary Matrix headers (any Rows and Cols, overflowing or
// negative, against up to 64 values of arbitrary bits) and arbitrary
// configurations never panic; the read-only calls and a failed
// TrainOnBatch leave the model unchanged.
func FuzzEntryPoints(f *testing.F) {
	f.Add(uint8(0), int64(4), int64(2), int64(4), int64(1), []byte("\x00\x00\x80\x3f\x00\x00\x00\x00\x00\x00\x80\x3f\x00\x00\x00\x00\x00\x00\x80\x3f\x00\x00\x00\x00\x00\x00\x80\x3f\x00\x00\x00\x00"), int8(1), int64(2), 0.0, uint64(1))
	f.Add(uint8(1), int64(1<<62), int64(4), int64(1<<62), int64(3), []byte{}, int8(1), int64(1<<28), 0.5, uint64(2))
	f.Add(uint8(2), int64(2), int64(2), int64(2), int64(1), []byte("\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x40\x00\x00\x80\x3f"), int8(2), int64(math.MaxInt64), 0.4, uint64(3))
	f.Add(uint8(3), int64(-1), int64(-2), int64(1<<62+1), int64(4), []byte("\x00\x00\xc0\x7f"), int8(3), int64(-5), math.NaN(), uint64(4))
	f.Fuzz(func(t *testing.T, k uint8, xr, xc, yr, yc int64, raw []byte, epochs int8, batch int64, split float64, seed uint64) {
		m := fuzzModel(k)
		data := floats(raw, 64)
		// x takes the first values its header asks for (if plausible), y
		// the rest; either header may lie about its length.
		nx := 0
		if xr >= 0 && xc >= 0 && xr < 64 && xc < 64 && int(xr*xc) <= len(data) {
			nx = int(xr * xc)
		}
		x := mlp.Matrix{Rows: int(xr), Cols: int(xc), Data: data[:nx]}
		y := mlp.Matrix{Rows: int(yr), Cols: int(yc), Data: data[nx:]}
		var before bytes.Buffer
		if err := m.Save(&before); err != nil {
			t.Fatal(err)
		}
		unchanged := func(call string) {
			var after bytes.Buffer
			if err := m.Save(&after); err != nil || !bytes.Equal(before.Bytes(), after.Bytes()) {
				t.Fatalf("%s changed the model", call)
			}
		}
		if p, err := m.Predict(x); err == nil && (p.Rows != x.Rows || p.Cols != m.Outputs() || len(p.Data) != p.Rows*p.Cols) {
			t.Fatalf("Predict: %d×%d with %d values", p.Rows, p.Cols, len(p.Data))
		}
		unchanged("Predict")
		if c, err := m.PredictClasses(x); err == nil && len(c) != x.Rows {
			t.Fatalf("PredictClasses: %d classes for %d rows", len(c), x.Rows)
		}
		unchanged("PredictClasses")
		_ = m.PredictInto(y, x)
		unchanged("PredictInto")
		_, _, _ = m.Evaluate(x, y)
		unchanged("Evaluate")
		_, _ = m.InputGradients(x)
		unchanged("InputGradients")
		if _, _, err := m.TrainOnBatch(x, y); err != nil {
			unchanged("a failed TrainOnBatch")
		}
		cfg := mlp.FitConfig{Epochs: int(epochs % 4), BatchSize: int(batch), Seed: seed, ValidationSplit: split,
			Schedule: mlp.ExponentialDecay{Initial: 0.01, DecaySteps: 1 + int(seed%7), Rate: 0.9}}
		_, _ = m.Fit(x, y, cfg)
		cfg.ValidationSplit = 0
		cfg.ValidationX, cfg.ValidationY = &y, &x
		_, _ = m.Fit(x, y, cfg)
	})
}

// FuzzReadCSV: arbitrary bytes never make ReadCSV panic, and what it
// returns is well formed: x and y have the same rows, y one column, and
// each Data the length its shape says.
func FuzzReadCSV(f *testing.F) {
	f.Add([]byte("a,b,label\n1,2,0\n3,4,1\n"), true, -1)
	f.Add([]byte("1,2\n3\n"), false, 0)
	f.Add([]byte("1e50,2\nNaN,Inf\n"), false, 1)
	f.Add([]byte("\"1\",\"2\"\r\n\"3\",4"), false, math.MinInt)
	f.Fuzz(func(t *testing.T, data []byte, header bool, labelCol int) {
		x, y, err := mlp.ReadCSV(bytes.NewReader(data), header, labelCol)
		if err != nil {
			return
		}
		if x.Rows < 1 || x.Rows != y.Rows || y.Cols != 1 || x.Cols < 1 ||
			len(x.Data) != x.Rows*x.Cols || len(y.Data) != y.Rows {
			t.Fatalf("ReadCSV returned x %d×%d (%d values), y %d×%d (%d values)",
				x.Rows, x.Cols, len(x.Data), y.Rows, y.Cols, len(y.Data))
		}
	})
}
