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

// The saved format, version 1, little-endian:
//
//	magic    [8]byte  "EMBERMLP"
//	version  uint32   1
//	length   uint64   bytes of payload
//	payload:
//	  inputs uint32, layers uint32,
//	  per layer: units uint32, activation uint8, initializer uint8, slope float32
//	  compiled uint8; if 1: loss uint8, optimizer kind uint8,
//	    lr, beta1, beta2, eps, weightDecay, momentum float32, nesterov uint8
//	  params uint64, then that many float32 (every layer's W, then b)
//	crc      uint32   CRC-32 (IEEE) of payload
//
// The optimizer's moments are not saved: a loaded model trains on from a
// fresh optimizer state.
const (
	saveMagic   = "EMBERMLP"
	saveVersion = 1
	// maxSaveBytes bounds the payload a header may announce (1 GiB of
	// weights), so a corrupted length cannot ask for absurd memory.
	maxSaveBytes = 1 << 30
)

// Save writes the model's architecture, weights and compile settings to w
// in ember's versioned, checksummed format (see Load).
func (m *Model) Save(w io.Writer) error {
	if err := m.built(); err != nil {
		return err
	}
	var p bytes.Buffer
	put := func(v any) { _ = binary.Write(&p, binary.LittleEndian, v) }
	put(uint32(m.inputs))
	put(uint32(len(m.layers)))
	for _, d := range m.layers {
		put(uint32(d.units))
		put(uint8(d.act))
		put(uint8(d.init))
		put(d.slope)
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

	var h bytes.Buffer
	h.WriteString(saveMagic)
	_ = binary.Write(&h, binary.LittleEndian, uint32(saveVersion))
	_ = binary.Write(&h, binary.LittleEndian, uint64(p.Len()))
	h.Write(p.Bytes())
	_ = binary.Write(&h, binary.LittleEndian, crc32.ChecksumIEEE(p.Bytes()))
	_, err := w.Write(h.Bytes())
	return err
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
	if v := binary.LittleEndian.Uint32(head[8:12]); v != saveVersion {
		return nil, fmt.Errorf("mlp: Load: format version %d, this build reads %d", v, saveVersion)
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
	return decodeModel(&payload)
}

func decodeModel(p *bytes.Buffer) (*Model, error) {
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
		var act, init uint8
		var slope float32
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
		want += in*uint64(l.units) + uint64(l.units)
		in = uint64(l.units)
		if want > maxSaveBytes/4 {
			break
		}
	}
	if nParams != want || uint64(p.Len()) != 4*nParams {
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
	return m, nil
}
