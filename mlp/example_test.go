package mlp_test

import (
	"fmt"
	"os"

	"github.com/emberml/ember/mlp"
)

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
