package ptrace

import (
	"bufio"
	"os"
	"os/exec"
	"runtime"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"unsafe"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/sys/unix"
)

// TestReadMemv reads ranges of this process's own memory (which
// process_vm_readv allows): two pages, the second made unreadable.
func TestReadMemv(t *testing.T) {
	pg := os.Getpagesize()
	mem, err := unix.Mmap(-1, 0, 2*pg, unix.PROT_READ|unix.PROT_WRITE, unix.MAP_PRIVATE|unix.MAP_ANONYMOUS)
	require.NoError(t, err)
	defer unix.Munmap(mem)
	copy(mem, "hello, ")
	copy(mem[100:], "world")
	copy(mem[pg-3:], "end")
	require.NoError(t, unix.Mprotect(mem[pg:], unix.PROT_NONE))
	base := uintptr(unsafe.Pointer(&mem[0]))
	tr := &Tracer{}
	me := os.Getpid()

	buf := make([]byte, 12)
	n, err := tr.ReadMemv(me, []unix.RemoteIovec{{Base: base, Len: 7}, {Base: base + 100, Len: 5}}, buf)
	require.NoError(t, err)
	assert.Equal(t, 12, n)
	assert.Equal(t, "hello, world", string(buf))

	// A range running into the unreadable page: the bytes before it, and
	// nothing of the ranges after.
	buf = make([]byte, 10)
	n, _ = tr.ReadMemv(me, []unix.RemoteIovec{{Base: base + uintptr(pg) - 3, Len: 5}, {Base: base, Len: 5}}, buf)
	assert.Equal(t, 3, n)
	assert.Equal(t, "end", string(buf[:n]))

	// The first range unreadable: nothing.
	n, _ = tr.ReadMemv(me, []unix.RemoteIovec{{Base: base + uintptr(pg), Len: 5}, {Base: base, Len: 5}}, buf)
	assert.Equal(t, 0, n)
}

// TestReadMemvPeek: the PTRACE_PEEKDATA fallback reads what
// process_vm_readv reads, from a real tracee stopped at its exec, up to
// the end of a mapping followed by a hole.
func TestReadMemvPeek(t *testing.T) {
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	cmd := exec.Command("/bin/sleep", "30")
	cmd.SysProcAttr = &syscall.SysProcAttr{Ptrace: true}
	require.NoError(t, cmd.Start())
	pid := cmd.Process.Pid
	defer func() {
		cmd.Process.Kill()
		cmd.Wait()
	}()
	var ws unix.WaitStatus
	_, err := unix.Wait4(pid, &ws, 0, nil)
	require.NoError(t, err)
	require.True(t, ws.Stopped(), "stopped at its exec")

	// The first mapping, and the end of one with no mapping after it.
	f, err := os.Open("/proc/" + strconv.Itoa(pid) + "/maps")
	require.NoError(t, err)
	var starts, ends []uintptr
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		lo, hi, _ := strings.Cut(strings.Fields(sc.Text())[0], "-")
		a, _ := strconv.ParseUint(lo, 16, 64)
		b, _ := strconv.ParseUint(hi, 16, 64)
		starts, ends = append(starts, uintptr(a)), append(ends, uintptr(b))
	}
	f.Close()
	require.NotEmpty(t, starts)
	hole := uintptr(0)
	for i := 0; i+1 < len(starts); i++ {
		if ends[i] != starts[i+1] {
			hole = ends[i]
			break
		}
	}
	require.NotZero(t, hole)

	remote := []unix.RemoteIovec{{Base: starts[0], Len: 4}, {Base: starts[0] + 13, Len: 21}, {Base: hole - 6, Len: 9}, {Base: starts[0], Len: 4}}
	vm := make([]byte, 38)
	n, _ := (&Tracer{}).ReadMemv(pid, remote, vm)
	require.Equal(t, 31, n, "up to the hole")
	assert.Equal(t, "\x7fELF", string(vm[:4]))
	pk := make([]byte, 38)
	m, _ := (&Tracer{noVMRead: true}).ReadMemv(pid, remote, pk)
	assert.Equal(t, n, m)
	assert.Equal(t, vm[:n], pk[:m])
}
