// Package mlp is ember's Keras-shaped multilayer-perceptron trainer: Dense
// and Dropout layers, losses, optimizers with learning-rate schedules, Fit
// with callbacks, Predict, Evaluate, Save and Load, as idiomatic Go on
// package kernels (every matrix product is kernels.Sgemm, every
// activation, loss gradient and optimizer step an ember kernel).
//
// # Where to start
//
//	model, err := mlp.New(2,            // inputs
//		mlp.Dense(10, mlp.ReLU),
//		mlp.Dense(1, mlp.Sigmoid))
//	err = model.Compile(mlp.Adam(0.001), mlp.BinaryCrossEntropy)
//	hist, err := model.Fit(x, y, mlp.FitConfig{Epochs: 100, BatchSize: 10, Seed: 1})
//	pred, err := model.Predict(x)
//	loss, acc, err := model.Evaluate(x, y)
//
// Data are Matrix values (row-major float32); ReadCSV, FromDense, Split,
// OneHot and Standardizer prepare them. Sigmoid with BinaryCrossEntropy and
// Softmax with the categorical losses are fused and computed from the
// logits. Bad input returns an error and leaves the model unchanged.
//
// Summary prints the layers; Weights and SetWeights read and write them;
// PredictClasses gives class labels and PredictInto predicts into a
// caller's Matrix without allocating (for serving one sample at a time).
// FitConfig.Schedule (ExponentialDecay, CosineDecay, PiecewiseConstant),
// SetLearningRate and the ReduceLROnPlateau callback change the learning
// rate while keeping the optimizer's moments; Save keeps those too, so a
// loaded model resumes training exactly, and LoadWeights loads weights
// into a model of the same architecture.
//
// # Reproducibility and speed
//
// New draws the weights with DefaultSeed (Init(seed) draws again);
// FitConfig.Seed seeds the shuffling and the dropout masks; a fit is then
// reproducible for a given seed, kernel level and thread count (a product
// of one row may round differently from the same row in a batch). A
// training step (TrainOnBatch, or each step of Fit) allocates nothing once
// its buffers exist, nor does PredictInto; all weights sit in one vector,
// so the optimizer makes one fused pass. kernels.SetThreads bounds the
// goroutines each matrix product and optimizer step uses.
package mlp
