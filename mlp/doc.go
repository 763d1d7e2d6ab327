// Package mlp will hold ember's Keras-shaped multilayer-perceptron trainer
// (Dense layers, losses, optimizers, Fit/Predict/Evaluate, Save/Load) built
// on package kernels. It has no API yet: the kernels it needs come first.
package mlp
