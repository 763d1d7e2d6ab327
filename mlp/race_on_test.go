//go:build race

package mlp_test

const raceEnabled = true
