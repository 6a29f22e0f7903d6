package syscalls

import (
	"bytes"
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestReadCString reads strings around the first read's size and across
// pages, with and without a NUL, ending in unreadable memory or not.
func TestReadCString(t *testing.T) {
	const base = 0x10000 - 300 // 300 bytes before a page boundary
	for _, n := range []int{0, 1, 255, 256, 257, 299, 300, 301, 1000, 4095, 4096, 5000} {
		s := bytes.Repeat([]byte{'a'}, n)
		m := newFakeMem()
		m.put(base, append(append([]byte(nil), s...), 0))
		d := NewDecoder(Options{})
		d.Mem = m
		got, ok := d.readCString(base, 4096)
		if n <= 4096 {
			assert.True(t, ok, "n=%d", n)
			assert.Equal(t, s, got, "n=%d", n)
		} else {
			// No NUL within max: max+1 bytes, to tell truncation.
			assert.True(t, ok, "n=%d", n)
			assert.Equal(t, s[:4097], got, "n=%d", n)
		}
		// The same string without its NUL, then unreadable memory.
		m = newFakeMem()
		m.put(base, s)
		d.Mem = m
		_, ok = d.readCString(base, 4096)
		assert.Equal(t, n > 4096, ok, "n=%d without NUL", n)
		// A shorter limit.
		m.put(base, append(append([]byte(nil), s...), 0))
		got, ok = d.readCString(base, 100)
		assert.True(t, ok)
		if n <= 100 {
			assert.Equal(t, s, got, "n=%d max 100", n)
		} else {
			assert.Equal(t, s[:101], got, "n=%d max 100", n)
		}
	}
}
