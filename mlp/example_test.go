package mlp_test

import (
	"fmt"
	"math/rand/v2"
	"os"

	"github.com/emberml/ember/mlp"
)

// The deep-learning primer's toy: 100 samples of 2 uniform features with
// random 0/1 labels, Dense(10, ReLU) → Dense(1, Sigmoid), Adam 0.001,
// binary cross-entropy, 100 epochs of batch 10. The labels are noise, so
// the model can only learn the majority class: the loss settles near
// ln 2 ≈ 0.69 and the accuracy at the majority's share.
func Example() {
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
	fmt.Printf("labels: %d ones of 100\n", ones)
	fmt.Printf("epochs: %d, first loss %.1f, final loss %.1f\n", len(hist.Epochs), hist.Epochs[0].Loss, loss)
	fmt.Printf("accuracy at least the majority's share: %v\n", acc >= float64(max(ones, 100-ones))/100-0.05)
	// Output:
	// labels: 47 ones of 100
	// epochs: 100, first loss 0.7, final loss 0.7
	// accuracy at least the majority's share: true
}

// Iris: standardised features, an 80/20 split, sparse labels.
func Example_iris() {
	f, err := os.Open("testdata/iris.csv")
	if err != nil {
		panic(err)
	}
	defer f.Close()
	x, y, err := mlp.ReadCSV(f, true, -1)
	if err != nil {
		panic(err)
	}
	trainX, trainY, testX, testY, err := mlp.Split(x, y, 0.2, 42)
	if err != nil {
		panic(err)
	}
	s, err := mlp.FitStandardizer(trainX)
	if err != nil {
		panic(err)
	}
	trainX, _ = s.Transform(trainX)
	testX, _ = s.Transform(testX)

	model, _ := mlp.New(4, mlp.Dense(16, mlp.ReLU), mlp.Dense(3, mlp.Softmax))
	if err := model.Compile(mlp.Adam(0.01), mlp.SparseCategoricalCrossEntropy); err != nil {
		panic(err)
	}
	if _, err := model.Fit(trainX, trainY, mlp.FitConfig{Epochs: 60, BatchSize: 16, Seed: 3}); err != nil {
		panic(err)
	}
	_, acc, _ := model.Evaluate(testX, testY)
	fmt.Println("test samples:", testX.Rows, "accuracy ≥ 90%:", acc >= 0.9)
	// Output: test samples: 30 accuracy ≥ 90%: true
}
