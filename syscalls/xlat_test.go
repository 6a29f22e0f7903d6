package syscalls

import (
	"bytes"
	"os"
	"testing"

	"github.com/gotrace/gotrace/syscalls/internal/xlatgen"
)

// TestZxlatUpToDate checks that zxlat.go is what mkxlat makes of
// xlat/*.txt: edit the lists, then run `go generate ./syscalls`.
func TestZxlatUpToDate(t *testing.T) {
	want, err := xlatgen.Generate(os.DirFS("xlat"))
	if err != nil {
		t.Fatal(err)
	}
	have, err := os.ReadFile("zxlat.go")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(have, want) {
		t.Fatal("zxlat.go is stale or was edited by hand: run `go generate ./syscalls` (make generate)")
	}
}
