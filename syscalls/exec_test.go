package syscalls

import (
	"encoding/binary"
	"strings"
	"testing"

	"github.com/gotrace/gotrace/format"
	"github.com/stretchr/testify/assert"
	"golang.org/x/sys/unix"
)

// strArray places NUL-terminated strings and a pointer array to them
// (terminated by NULL unless open) in m at base.
func strArray(m *fakeMem, base uint64, open bool, ptrs ...uint64) uint64 {
	n := len(ptrs)
	if !open {
		n++
	}
	b := make([]byte, 8*n)
	for i, p := range ptrs {
		binary.LittleEndian.PutUint64(b[8*i:], p)
	}
	return m.put(base, b)
}

func TestExecve(t *testing.T) {
	m := newFakeMem()
	path := m.put(0x100, []byte("/bin/ls\x00"))
	ls := m.put(0x200, []byte("ls\x00"))
	l := m.put(0x300, []byte("-l\x00"))
	long := m.put(0x400, []byte("a very long argument that is longer than thirty-two bytes\x00"))
	odd := m.put(0x500, []byte("\x01\xff\"q\"\x00"))
	a := m.put(0x600, []byte("A=1\x00"))
	argv := strArray(m, 0x1000, false, ls, l, long, odd)
	envp := strArray(m, 0x2000, false, a, a)
	empty := strArray(m, 0x3000, false)
	bad := strArray(m, 0x4000, false, ls, 8)
	unterminated := strArray(m, 0x5000, true, a, a, a)
	d := testDecoder(m)
	assert.Equal(t, `execve("/bin/ls", ["ls", "-l", "a very long argument that is lon"..., "\1\377\"q\""], 0x2000 /* 2 vars */) = 0`,
		decodeLine(t, d, unix.SYS_EXECVE, 0, path, argv, envp))
	assert.Equal(t, `execve("/bin/ls", [], 0x3000 /* 0 vars */) = -1 ENOENT (No such file or directory)`,
		decodeLine(t, d, unix.SYS_EXECVE, -2, path, empty, empty))
	assert.Equal(t, `execve("/bin/ls", NULL, NULL) = -1 ENOENT (No such file or directory)`,
		decodeLine(t, d, unix.SYS_EXECVE, -2, path, 0, 0))
	assert.Equal(t, `execve("/bin/ls", 0x8, 0x8) = -1 EFAULT (Bad address)`, decodeLine(t, d, unix.SYS_EXECVE, -14, path, 8, 8))
	assert.Equal(t, `execve("/bin/ls", ["ls", 0x8], 0x4000 /* 2 vars */) = -1 EFAULT (Bad address)`,
		decodeLine(t, d, unix.SYS_EXECVE, -14, path, bad, bad))
	one := strArray(m, 0x6000, false, ls)
	assert.Equal(t, `execve(0x8, ["ls"], 0x5000 /* 3 vars, unterminated */) = -1 EFAULT (Bad address)`,
		decodeLine(t, d, unix.SYS_EXECVE, -14, 8, one, unterminated))
	assert.Equal(t, `execve("/bin/ls", ["A=1", "A=1", "A=1", ... /* 0x5018 */], 0x5000 /* 3 vars, unterminated */) = -1 EFAULT (Bad address)`,
		decodeLine(t, d, unix.SYS_EXECVE, -14, path, unterminated, unterminated))
	assert.Equal(t, `execveat(AT_FDCWD, "/bin/ls", ["ls", "-l", "a very long argument that is lon"..., "\1\377\"q\""], 0x2000 /* 2 vars */, AT_SYMLINK_NOFOLLOW) = -1 ENOENT (No such file or directory)`,
		decodeLine(t, d, unix.SYS_EXECVEAT, -2, neg(-100), path, argv, envp, 0x100))
	assert.Equal(t, `execveat(5, "/bin/ls", [], 0x3000 /* 0 vars */, AT_EMPTY_PATH|0x1) = -1 EINVAL (Invalid argument)`,
		decodeLine(t, d, unix.SYS_EXECVEAT, -22, 5, path, empty, empty, 0x1001))

	d.Opts.Verbose = true
	assert.Equal(t, `execve("/bin/ls", ["ls", "-l", "a very long argument that is lon"..., "\1\377\"q\""], ["A=1", "A=1"]) = 0`,
		decodeLine(t, d, unix.SYS_EXECVE, 0, path, argv, envp))
	d.Opts.Verbose = false
	d.Opts.X = format.XNonASCII
	assert.Equal(t, `execve("/bin/ls", ["ls", "-l", "a very long argument that is lon"..., "\x01\xff\x22\x71\x22"], 0x2000 /* 2 vars */) = 0`,
		decodeLine(t, d, unix.SYS_EXECVE, 0, path, argv, envp))
}

func TestExecveManyArgs(t *testing.T) {
	m := newFakeMem()
	path := m.put(0x100, []byte("/bin/ls\x00"))
	s := m.put(0x200, []byte("m\x00"))
	ptrs := make([]uint64, 39)
	for i := range ptrs {
		ptrs[i] = s
	}
	many := strArray(m, 0x1000, false, ptrs...)
	d := testDecoder(m)
	want := `execve("/bin/ls", [` + strings.Repeat(`"m", `, 32) + `...], 0x1000 /* 39 vars */) = -1 ENOENT (No such file or directory)`
	assert.Equal(t, want, decodeLine(t, d, unix.SYS_EXECVE, -2, path, many, many))
	d.Opts.Verbose = true
	list := `[` + strings.TrimSuffix(strings.Repeat(`"m", `, 39), ", ") + `]`
	assert.Equal(t, `execve("/bin/ls", `+list+`, `+list+`) = -1 ENOENT (No such file or directory)`,
		decodeLine(t, d, unix.SYS_EXECVE, -2, path, many, many))
	d.Opts.Verbose = false
	d.Opts.StrSize = 4
	assert.Equal(t, `execve("/bin/ls", ["m", "m", "m", "m", ...], 0x1000 /* 39 vars */) = -1 ENOENT (No such file or directory)`,
		decodeLine(t, d, unix.SYS_EXECVE, -2, path, many, many))
}

// TestExecveHugeArray checks that a huge array of pointers to the same
// string is bounded even with -v.
func TestExecveHugeArray(t *testing.T) {
	m := newFakeMem()
	s := m.put(0x200, []byte("m\x00"))
	ptrs := make([]uint64, maxArgv+100)
	for i := range ptrs {
		ptrs[i] = s
	}
	arr := strArray(m, 0x100000, false, ptrs...)
	d := testDecoder(m)
	d.Opts.Verbose = true
	out := decodeLine(t, d, unix.SYS_EXECVE, -2, 0, arr, 0)
	assert.True(t, strings.HasSuffix(out, `"m", ...], NULL) = -1 ENOENT (No such file or directory)`), out[len(out)-80:])
	d.Opts.Verbose = false
	assert.Contains(t, decodeLine(t, d, unix.SYS_EXECVE, -2, 0, arr, arr), `/* 65636 vars */`)
}
