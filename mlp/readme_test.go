package mlp_test

import (
	"os"
	"strings"
	"testing"
)

// TestReadmeQuotesExample: the README's mlp program is example_primer_test.go
// (imports and the body of Example) as package main, so what the README
// shows compiles as pasted and is the Example go test runs.
func TestReadmeQuotesExample(t *testing.T) {
	src, err := os.ReadFile("example_primer_test.go")
	if _, modErr := os.Stat("../go.mod"); err != nil && modErr != nil {
		// Not in the source tree: .ci/emulate runs the test binary in a
		// guest that has only the package's testdata.
		t.Skip("the module's source is not here:", err)
	}
	if err != nil {
		t.Fatal(err)
	}
	readme, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	s := string(src)
	i, j := strings.Index(s, "import ("), strings.Index(s, "func Example() {")
	if i < 0 || j < 0 {
		t.Fatal("example_primer_test.go: no import block or func Example")
	}
	imports := s[i : strings.Index(s[i:], ")\n")+i+2]
	body := s[j+len("func Example() {") : strings.LastIndex(s, "}")]
	want := "```go\npackage main\n\n" + imports + "\nfunc main() {" + body + "}\n```\n"
	if !strings.Contains(string(readme), want) {
		t.Errorf("README.md does not quote example_primer_test.go; it should contain:\n%s", want)
	}
}
