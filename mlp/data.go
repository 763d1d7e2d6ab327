package mlp

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"strconv"

	"gonum.org/v1/gonum/mat"
)

// FromDense returns a copy of a gonum matrix as a Matrix (float64 values
// rounded to float32).
func FromDense(d *mat.Dense) Matrix {
	r, c := d.Dims()
	m := NewMatrix(r, c)
	for i := range r {
		for j := range c {
			m.Data[i*c+j] = float32(d.At(i, j))
		}
	}
	return m
}

// ToDense returns a copy of m as a gonum matrix. As mat.NewDense does, it
// panics if m is empty or its Data does not match its shape.
func ToDense(m Matrix) *mat.Dense {
	if err := m.checkShape("ToDense: m"); err != nil {
		panic(err.Error())
	}
	d := mat.NewDense(m.Rows, m.Cols, nil)
	for i := range m.Rows {
		for j := range m.Cols {
			d.Set(i, j, float64(m.Data[i*m.Cols+j]))
		}
	}
	return d
}

// ReadCSV reads a numeric CSV table with encoding/csv. With header, the
// first record is skipped. The column labelCol (negative counts from the
// end: −1 is the last) goes to y as a Rows×1 Matrix; every other column to
// x. Every record must have the same number of fields, and every field
// must parse as a number.
func ReadCSV(r io.Reader, header bool, labelCol int) (x, y Matrix, err error) {
	cr := csv.NewReader(r)
	cr.ReuseRecord = true
	first := true
	var cols int
	for line := 1; ; line++ {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return Matrix{}, Matrix{}, fmt.Errorf("mlp: ReadCSV: %w", err)
		}
		if first {
			first = false
			cols = len(rec)
			if labelCol < 0 {
				labelCol += cols
			}
			if cols < 2 || labelCol < 0 || labelCol >= cols {
				return Matrix{}, Matrix{}, fmt.Errorf("mlp: ReadCSV: label column out of range for %d columns", cols)
			}
			x.Cols, y.Cols = cols-1, 1
			if header {
				continue
			}
		}
		for j, f := range rec {
			v, err := strconv.ParseFloat(f, 32)
			if err != nil {
				return Matrix{}, Matrix{}, fmt.Errorf("mlp: ReadCSV: line %d, field %d: %w", line, j+1, err)
			}
			if j == labelCol {
				y.Data = append(y.Data, float32(v))
			} else {
				x.Data = append(x.Data, float32(v))
			}
		}
		x.Rows++
		y.Rows++
	}
	if x.Rows == 0 {
		return Matrix{}, Matrix{}, errors.New("mlp: ReadCSV: no data rows")
	}
	return x, y, nil
}

// OneHot turns a Rows×1 Matrix of class indices into Rows×classes one-hot
// rows, for CategoricalCrossEntropy.
func OneHot(labels Matrix, classes int) (Matrix, error) {
	if err := labels.checkShape("OneHot: labels"); err != nil {
		return Matrix{}, err
	}
	if labels.Cols != 1 {
		return Matrix{}, fmt.Errorf("mlp: OneHot: labels must be a column, not %d×%d", labels.Rows, labels.Cols)
	}
	if classes < 1 || classes > maxUnits {
		return Matrix{}, fmt.Errorf("mlp: OneHot: %d classes: need 1 to %d", classes, maxUnits)
	}
	if _, ok := shapeLen(labels.Rows, classes); !ok {
		return Matrix{}, fmt.Errorf("mlp: OneHot: %d×%d overflows", labels.Rows, classes)
	}
	out := NewMatrix(labels.Rows, classes)
	for i, v := range labels.Data {
		if v != float32(int(v)) || v < 0 || int(v) >= classes {
			return Matrix{}, fmt.Errorf("mlp: OneHot: label %d = %v is not a class in [0, %d)", i, v, classes)
		}
		out.Data[i*classes+int(v)] = 1
	}
	return out, nil
}

// Split shuffles the samples of (x, y) with seed and returns the first
// 1−testFraction of them as the training set and the rest as the test set
// (copies).
func Split(x, y Matrix, testFraction float64, seed uint64) (trainX, trainY, testX, testY Matrix, err error) {
	if err := x.checkShape("Split: x"); err != nil {
		return Matrix{}, Matrix{}, Matrix{}, Matrix{}, err
	}
	if err := y.checkShape("Split: y"); err != nil {
		return Matrix{}, Matrix{}, Matrix{}, Matrix{}, err
	}
	if x.Rows != y.Rows {
		return Matrix{}, Matrix{}, Matrix{}, Matrix{}, fmt.Errorf("mlp: Split: x has %d rows, y %d", x.Rows, y.Rows)
	}
	nTest := int(math.Round(float64(x.Rows) * testFraction))
	if !(testFraction > 0 && testFraction < 1) || nTest < 1 || nTest >= x.Rows {
		return Matrix{}, Matrix{}, Matrix{}, Matrix{}, fmt.Errorf("mlp: Split: test fraction %v of %d samples", testFraction, x.Rows)
	}
	perm := rand.New(rand.NewPCG(seed, seed^0x2545f4914f6cdd1d)).Perm(x.Rows)
	take := func(m Matrix, idx []int) Matrix {
		out := NewMatrix(len(idx), m.Cols)
		gatherRows(out.Data, m, idx)
		return out
	}
	nTrain := x.Rows - nTest
	return take(x, perm[:nTrain]), take(y, perm[:nTrain]), take(x, perm[nTrain:]), take(y, perm[nTrain:]), nil
}

// Standardizer rescales each feature to zero mean and unit variance with
// statistics fitted on training data, then applied unchanged to any data
// (training, validation, test), as scikit-learn's StandardScaler does.
type Standardizer struct {
	Mean, Std []float32 // per column; a constant column gets Std 1
}

// FitStandardizer computes the per-column mean and (population) standard
// deviation of x, in float64.
func FitStandardizer(x Matrix) (*Standardizer, error) {
	if err := x.check("x"); err != nil {
		return nil, err
	}
	s := &Standardizer{Mean: make([]float32, x.Cols), Std: make([]float32, x.Cols)}
	for j := range x.Cols {
		var sum, sq float64
		for i := range x.Rows {
			sum += float64(x.Data[i*x.Cols+j])
		}
		mean := sum / float64(x.Rows)
		for i := range x.Rows {
			d := float64(x.Data[i*x.Cols+j]) - mean
			sq += d * d
		}
		std := math.Sqrt(sq / float64(x.Rows))
		if std == 0 {
			std = 1
		}
		s.Mean[j], s.Std[j] = float32(mean), float32(std)
	}
	return s, nil
}

// Transform returns (x − Mean)/Std, column by column, as a new Matrix.
func (s *Standardizer) Transform(x Matrix) (Matrix, error) {
	if s == nil || len(s.Std) != len(s.Mean) {
		return Matrix{}, errors.New("mlp: Standardizer: not fitted (use FitStandardizer)")
	}
	if err := x.checkShape("Standardizer: x"); err != nil {
		return Matrix{}, err
	}
	if x.Cols != len(s.Mean) {
		return Matrix{}, fmt.Errorf("mlp: Standardizer: x has %d columns, fitted on %d", x.Cols, len(s.Mean))
	}
	out := NewMatrix(x.Rows, x.Cols)
	for i, v := range x.Data {
		j := i % x.Cols
		out.Data[i] = (v - s.Mean[j]) / s.Std[j]
	}
	return out, nil
}
