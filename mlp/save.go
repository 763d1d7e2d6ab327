package mlp

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"math"
)

// The saved format, version 2, little-endian:
//
//	magic    [8]byte  "EMBERMLP"
//	version  uint32   2
//	length   uint64   bytes of payload
//	payload:
//	  inputs uint32, layers uint32,
//	  per layer: kind uint8 (0 Dense, 1 Dropout), then
//	    Dense: units uint32, activation uint8, initializer uint8, slope float32
//	    Dropout: rate float32
//	  compiled uint8; if 1: loss uint8, optimizer kind uint8,
//	    lr, beta1, beta2, eps, weightDecay, momentum float32, nesterov uint8
//	  params uint64, then that many float32 (every layer's W, then b)
//	  if compiled: steps uint64, moments uint8 (2 for Adam: m then v; 1
//	    for SGD: the velocity), then moments × params float32
//	  dropout stream: length uint8, then math/rand/v2 PCG's MarshalBinary
//	crc      uint32   CRC-32 (IEEE) of payload
//
// Version 1 (still read) had no layer kind (every layer Dense), no
// optimizer state and no dropout stream: such a model trains on from a
// fresh optimizer state.
const (
	saveMagic   = "EMBERMLP"
	saveVersion = 2
	// maxSaveBytes bounds the payload a header may announce (1 GiB of
	// weights), so a corrupted length cannot ask for absurd memory.
	maxSaveBytes = 1 << 30
)

// Save writes the model to w in ember's versioned, checksummed format
// (see Load): the architecture, the weights, the compile settings and the
// training state — the optimizer's moments and step count (which is also
// a Schedule's position) and the dropout stream — so that a loaded model
// trains on exactly as the saved one would have.
func (m *Model) Save(w io.Writer) error {
	if err := m.built(); err != nil {
		return err
	}
	var p bytes.Buffer
	put := func(v any) { _ = binary.Write(&p, binary.LittleEndian, v) }
	put(uint32(m.inputs))
	put(uint32(len(m.spec)))
	for _, l := range m.spec {
		put(uint8(l.kind))
		if l.kind == dropoutLayer {
			put(l.rate)
			continue
		}
		put(uint32(l.units))
		put(uint8(l.act))
		put(uint8(l.init))
		put(l.slope)
	}
	if m.compiled {
		o := m.opt
		put(uint8(1))
		put(uint8(m.loss))
		put(uint8(o.kind))
		put([]float32{o.lr, o.beta1, o.beta2, o.eps, o.weightDecay, o.momentum})
		nesterov := uint8(0)
		if o.nesterov {
			nesterov = 1
		}
		put(nesterov)
	} else {
		put(uint8(0))
	}
	put(uint64(len(m.params)))
	put(m.params)
	if m.compiled {
		put(uint64(m.state.step))
		moments := m.moments()
		put(uint8(len(moments)))
		for _, v := range moments {
			put(v)
		}
	}
	rng, _ := m.rng.MarshalBinary()
	put(uint8(len(rng)))
	put(rng)

	var h bytes.Buffer
	h.WriteString(saveMagic)
	_ = binary.Write(&h, binary.LittleEndian, uint32(saveVersion))
	_ = binary.Write(&h, binary.LittleEndian, uint64(p.Len()))
	h.Write(p.Bytes())
	_ = binary.Write(&h, binary.LittleEndian, crc32.ChecksumIEEE(p.Bytes()))
	_, err := w.Write(h.Bytes())
	return err
}

// moments returns the optimizer state vectors Save keeps: Adam's m and v,
// or SGD's velocity.
func (m *Model) moments() [][]float32 {
	if m.opt.kind == adamKind {
		return [][]float32{m.state.m, m.state.v}
	}
	return [][]float32{m.state.m}
}

// Load reads a model written by Save. A truncated, corrupted or foreign
// input returns an error (never a panic): the magic, version, length and
// checksum are verified, then the architecture is rebuilt through New and
// Compile, so every setting is validated as when it was first made, and
// the weights must be finite.
func Load(r io.Reader) (*Model, error) {
	var head [20]byte
	if _, err := io.ReadFull(r, head[:]); err != nil {
		return nil, fmt.Errorf("mlp: Load: reading the header: %w", err)
	}
	if string(head[:8]) != saveMagic {
		return nil, errors.New("mlp: Load: not an ember model (bad magic)")
	}
	version := binary.LittleEndian.Uint32(head[8:12])
	if version < 1 || version > saveVersion {
		return nil, fmt.Errorf("mlp: Load: format version %d, this build reads 1 to %d", version, saveVersion)
	}
	n := binary.LittleEndian.Uint64(head[12:20])
	if n > maxSaveBytes {
		return nil, fmt.Errorf("mlp: Load: payload of %d bytes is implausible", n)
	}
	var payload bytes.Buffer
	if _, err := io.CopyN(&payload, r, int64(n)); err != nil {
		return nil, fmt.Errorf("mlp: Load: truncated payload: %w", err)
	}
	var sum [4]byte
	if _, err := io.ReadFull(r, sum[:]); err != nil {
		return nil, fmt.Errorf("mlp: Load: truncated checksum: %w", err)
	}
	if binary.LittleEndian.Uint32(sum[:]) != crc32.ChecksumIEEE(payload.Bytes()) {
		return nil, errors.New("mlp: Load: checksum mismatch (corrupted data)")
	}
	return decodeModel(&payload, version)
}

// LoadWeights reads a model written by Save (any version) and copies its
// weights into m, whose architecture (inputs, and every layer's kind,
// units, activation, slope and dropout rate) must be the same; the
// initializers may differ. m keeps its compile settings; its optimizer
// state starts afresh, as after Init (use Load to resume training). On an
// error, m is unchanged.
func (m *Model) LoadWeights(r io.Reader) error {
	if err := m.built(); err != nil {
		return err
	}
	src, err := Load(r)
	if err != nil {
		return err
	}
	if src.inputs != m.inputs {
		return fmt.Errorf("mlp: LoadWeights: the saved model has %d inputs, this one %d", src.inputs, m.inputs)
	}
	if len(src.spec) != len(m.spec) {
		return fmt.Errorf("mlp: LoadWeights: the saved model has %d layers, this one %d", len(src.spec), len(m.spec))
	}
	for i, l := range src.spec {
		want := m.spec[i]
		if l.kind != want.kind || l.units != want.units || l.act != want.act || l.slope != want.slope || l.rate != want.rate {
			return fmt.Errorf("mlp: LoadWeights: layer %d is %s in the saved model, %s in this one", i, l.describe(), want.describe())
		}
	}
	copy(m.params, src.params)
	m.resetOptimizer()
	return nil
}

// describe returns the layer as its constructor call would read.
func (l Layer) describe() string {
	if l.kind == dropoutLayer {
		return fmt.Sprintf("Dropout(%g)", l.rate)
	}
	if l.act == LeakyReLU {
		return fmt.Sprintf("Dense(%d, %v, slope %g)", l.units, l.act, l.slope)
	}
	return fmt.Sprintf("Dense(%d, %v)", l.units, l.act)
}

func decodeModel(p *bytes.Buffer, version uint32) (*Model, error) {
	var err error
	get := func(v any) {
		if err == nil {
			err = binary.Read(p, binary.LittleEndian, v)
		}
	}
	var inputs, nLayers uint32
	get(&inputs)
	get(&nLayers)
	if err != nil {
		return nil, fmt.Errorf("mlp: Load: %w", err)
	}
	if inputs > 1<<24 || nLayers > 1<<10 {
		return nil, fmt.Errorf("mlp: Load: implausible model (%d inputs, %d layers)", inputs, nLayers)
	}
	layers := make([]Layer, nLayers)
	for i := range layers {
		var units uint32
		var kind, act, init uint8
		var slope float32
		if version >= 2 {
			get(&kind)
			if kind == uint8(dropoutLayer) {
				var rate float32
				get(&rate)
				layers[i] = Dropout(rate)
				continue
			}
			if kind != uint8(denseLayer) {
				return nil, fmt.Errorf("mlp: Load: layer %d has an unknown kind %d", i, kind)
			}
		}
		get(&units)
		get(&act)
		get(&init)
		get(&slope)
		if units > 1<<24 {
			return nil, fmt.Errorf("mlp: Load: layer %d has an implausible %d units", i, units)
		}
		layers[i] = Layer{units: int(units), act: Activation(act), init: Initializer(init), slope: slope}
	}
	var compiled uint8
	get(&compiled)
	var loss, kind, nesterov uint8
	hyper := make([]float32, 6)
	if compiled == 1 {
		get(&loss)
		get(&kind)
		get(hyper)
		get(&nesterov)
	}
	var nParams uint64
	get(&nParams)
	if err != nil {
		return nil, fmt.Errorf("mlp: Load: %w", err)
	}
	if compiled > 1 || nesterov > 1 {
		return nil, errors.New("mlp: Load: corrupted flags")
	}
	// Check the stored weights against the architecture before building
	// it, so a corrupted shape cannot make New allocate absurd memory.
	want, in := uint64(0), uint64(inputs)
	for _, l := range layers {
		if l.kind == dropoutLayer {
			continue
		}
		want += in*uint64(l.units) + uint64(l.units)
		in = uint64(l.units)
		if want > maxSaveBytes/4 {
			break
		}
	}
	if nParams != want || uint64(p.Len()) < 4*nParams || (version == 1 && uint64(p.Len()) != 4*nParams) {
		return nil, fmt.Errorf("mlp: Load: %d weights stored (%d bytes) for an architecture of %d", nParams, p.Len(), want)
	}
	m, err := New(int(inputs), layers...)
	if err != nil {
		return nil, fmt.Errorf("mlp: Load: %w", err)
	}
	if err := binary.Read(p, binary.LittleEndian, m.params); err != nil {
		return nil, fmt.Errorf("mlp: Load: %w", err)
	}
	for i, v := range m.params {
		if math.IsNaN(float64(v)) || math.IsInf(float64(v), 0) {
			return nil, fmt.Errorf("mlp: Load: weight %d is %v", i, v)
		}
	}
	if compiled == 1 {
		o := Optimizer{kind: optimizerKind(kind), lr: hyper[0], beta1: hyper[1], beta2: hyper[2], eps: hyper[3],
			weightDecay: hyper[4], momentum: hyper[5], nesterov: nesterov == 1}
		if err := m.Compile(o, Loss(loss)); err != nil {
			return nil, fmt.Errorf("mlp: Load: %w", err)
		}
	}
	if version == 1 {
		return m, nil
	}
	if err := m.decodeState(p, compiled == 1); err != nil {
		return nil, fmt.Errorf("mlp: Load: %w", err)
	}
	return m, nil
}

// decodeState reads version 2's training state into the fresh model m:
// the optimizer's step count and moments (if compiled) and the dropout
// stream; nothing may follow.
func (m *Model) decodeState(p *bytes.Buffer, compiled bool) error {
	le := binary.LittleEndian
	if compiled {
		var steps uint64
		var n uint8
		if err := binary.Read(p, le, &steps); err != nil {
			return err
		}
		if err := binary.Read(p, le, &n); err != nil {
			return err
		}
		moments := m.moments()
		if int(n) != len(moments) || steps > math.MaxInt32 {
			return fmt.Errorf("corrupted optimizer state (%d moments, %d steps)", n, steps)
		}
		for i, v := range moments {
			if err := binary.Read(p, le, v); err != nil {
				return err
			}
			for _, f := range v {
				// Adam's second moment is a mean of squares: never negative.
				if math.IsNaN(float64(f)) || math.IsInf(float64(f), 0) || (i == 1 && f < 0) {
					return fmt.Errorf("optimizer moment %v", f)
				}
			}
		}
		m.state.step = int(steps)
	}
	var n uint8
	if err := binary.Read(p, le, &n); err != nil {
		return err
	}
	rng := make([]byte, n)
	if _, err := io.ReadFull(p, rng); err != nil {
		return err
	}
	if err := m.rng.UnmarshalBinary(rng); err != nil {
		return fmt.Errorf("dropout stream: %w", err)
	}
	if p.Len() != 0 {
		return fmt.Errorf("%d bytes after the model", p.Len())
	}
	return nil
}
