package mlp_test

// This file is quoted in the README (as package main, with func main for
// func Example); TestReadmeQuotesExample keeps the two the same.

import (
	"fmt"
	"math/rand/v2"

	"github.com/emberml/ember/mlp"
)

// The deep-learning primer's toy: 100 samples of 2 uniform features with
// random 0/1 labels, Dense(10, ReLU) → Dense(1, Sigmoid), Adam 0.001,
// binary cross-entropy, 100 epochs of batch 10. The labels are noise, so
// the model can only learn the majority class: the loss settles near
// ln 2 ≈ 0.69 and the accuracy at the majority's share.
func Example() {
	// 100 samples: two features uniform in [0, 1), labels 0 or 1 at random.
	r := rand.New(rand.NewPCG(1, 2))
	x := mlp.NewMatrix(100, 2)
	y := mlp.NewMatrix(100, 1)
	for i := range x.Data {
		x.Data[i] = float32(r.Float64())
	}
	ones := 0
	for i := range y.Data {
		if r.Float64() >= 0.5 {
			y.Data[i] = 1
			ones++
		}
	}

	model, err := mlp.New(2,
		mlp.Dense(10, mlp.ReLU),
		mlp.Dense(1, mlp.Sigmoid))
	if err != nil {
		panic(err)
	}
	if err := model.Compile(mlp.Adam(0.001), mlp.BinaryCrossEntropy); err != nil {
		panic(err)
	}
	hist, err := model.Fit(x, y, mlp.FitConfig{Epochs: 100, BatchSize: 10, Seed: 1})
	if err != nil {
		panic(err)
	}
	loss, acc, err := model.Evaluate(x, y)
	if err != nil {
		panic(err)
	}
	fmt.Print(model.Summary())
	fmt.Printf("labels: %d ones of 100\n", ones)
	fmt.Printf("epochs: %d, first loss %.1f, final loss %.1f\n", len(hist.Epochs), hist.Epochs[0].Loss, loss)
	fmt.Printf("accuracy at least the majority's share: %v\n", acc >= float64(max(ones, 100-ones))/100-0.05)
	// Output:
	// Model: 2 inputs → 1 output
	// Layer (type)      Activation   Output shape   Params
	// dense_0 (Dense)   relu         (None, 10)     30
	// dense_1 (Dense)   sigmoid      (None, 1)      11
	// Total params: 41
	// Optimizer: Adam(lr=0.001, beta1=0.9, beta2=0.999, eps=1e-07), loss: binary_crossentropy, steps taken: 1000
	// labels: 47 ones of 100
	// epochs: 100, first loss 0.7, final loss 0.7
	// accuracy at least the majority's share: true
}
