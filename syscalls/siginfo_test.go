package syscalls

import (
	"encoding/binary"
	"testing"

	"github.com/gotrace/gotrace/format"
	"github.com/stretchr/testify/assert"
	"golang.org/x/sys/unix"
)

// mkSiginfo builds a siginfo_t: signo, code, then (offset, value, size)
// triples for the union's fields.
func mkSiginfo(signo, code int32, fields ...uint64) *[128]byte {
	var b [128]byte
	binary.LittleEndian.PutUint32(b[0:], uint32(signo))
	binary.LittleEndian.PutUint32(b[8:], uint32(code))
	for i := 0; i+2 < len(fields); i += 3 {
		off, v, n := fields[i], fields[i+1], fields[i+2]
		if n == 8 {
			binary.LittleEndian.PutUint64(b[off:], v)
		} else {
			binary.LittleEndian.PutUint32(b[off:], uint32(v))
		}
	}
	return &b
}

func TestAppendSiginfo(t *testing.T) {
	o := Options{}
	cases := []struct {
		si   *[128]byte
		want string
	}{
		{mkSiginfo(0, 0), "{}"},
		{mkSiginfo(int32(unix.SIGCHLD), 1, 16, 1234, 4, 20, 0, 4, 24, 0, 4),
			"{si_signo=SIGCHLD, si_code=CLD_EXITED, si_pid=1234, si_uid=0, si_status=0, si_utime=0, si_stime=0}"},
		{mkSiginfo(int32(unix.SIGCHLD), 2, 16, 7, 4, 24, 9, 4, 32, 14, 8, 40, 205, 8),
			"{si_signo=SIGCHLD, si_code=CLD_KILLED, si_pid=7, si_uid=0, si_status=SIGKILL, si_utime=14 /* 0.14 s */, si_stime=205 /* 2.05 s */}"},
		{mkSiginfo(int32(unix.SIGUSR1), 0, 16, 42, 4, 20, 1000, 4),
			"{si_signo=SIGUSR1, si_code=SI_USER, si_pid=42, si_uid=1000}"},
		{mkSiginfo(int32(unix.SIGUSR1), -6, 16, 42, 4, 20, 0xffffffff, 4),
			"{si_signo=SIGUSR1, si_code=SI_TKILL, si_pid=42, si_uid=-1}"},
		{mkSiginfo(34+2, -1, 16, 5, 4, 24, 0xdeadbeef, 8),
			"{si_signo=SIGRT_4, si_code=SI_QUEUE, si_pid=5, si_uid=0, si_int=-559038737, si_ptr=0xdeadbeef}"},
		{mkSiginfo(int32(unix.SIGUSR1), -10, 16, 1, 4, 20, 2, 4),
			"{si_signo=SIGUSR1, si_code=0xfffffff6, si_pid=1, si_uid=2}"},
		{mkSiginfo(int32(unix.SIGUSR1), -2, 16, 0, 4, 20, 923, 4, 24, 42, 8),
			"{si_signo=SIGUSR1, si_code=SI_TIMER, si_timerid=0, si_overrun=923, si_int=42, si_ptr=0x2a}"},
		{mkSiginfo(int32(unix.SIGALRM), 0x80), "{si_signo=SIGALRM, si_code=SI_KERNEL}"},
		{mkSiginfo(int32(unix.SIGSEGV), 1, 16, 8, 8), "{si_signo=SIGSEGV, si_code=SEGV_MAPERR, si_addr=0x8}"},
		{mkSiginfo(int32(unix.SIGSEGV), 2, 16, 0, 8), "{si_signo=SIGSEGV, si_code=SEGV_ACCERR, si_addr=NULL}"},
		{mkSiginfo(int32(unix.SIGSEGV), 4, 16, 0x1000, 8, 32, 3, 4),
			"{si_signo=SIGSEGV, si_code=SEGV_PKUERR, si_addr=0x1000, si_pkey=3}"},
		{mkSiginfo(int32(unix.SIGBUS), 2, 16, 0x7f0000, 8), "{si_signo=SIGBUS, si_code=BUS_ADRERR, si_addr=0x7f0000}"},
		{mkSiginfo(int32(unix.SIGFPE), 1, 16, 0x401000, 8), "{si_signo=SIGFPE, si_code=FPE_INTDIV, si_addr=0x401000}"},
		{mkSiginfo(int32(unix.SIGILL), 2, 16, 0x401000, 8), "{si_signo=SIGILL, si_code=ILL_ILLOPN, si_addr=0x401000}"},
		{mkSiginfo(int32(unix.SIGTRAP), 1, 16, 0, 8), "{si_signo=SIGTRAP, si_code=TRAP_BRKPT, si_addr=NULL}"},
		{mkSiginfo(int32(unix.SIGIO), 1, 16, 65, 8, 24, 3, 4), "{si_signo=SIGIO, si_code=POLL_IN, si_band=65, si_fd=3}"},
		{mkSiginfo(int32(unix.SIGIO), -5, 16, 65, 8, 24, 3, 4), "{si_signo=SIGIO, si_code=SI_SIGIO, si_band=65, si_fd=3}"},
		{mkSiginfo(int32(unix.SIGIO), 6), "{si_signo=SIGIO, si_code=POLL_HUP, si_band=0, si_fd=0}"}, // as strace 6.1: every POLL_* code
		{mkSiginfo(int32(unix.SIGIO), 7), "{si_signo=SIGIO, si_code=0x7}"},
		{mkSiginfo(int32(unix.SIGPIPE), 0, 16, 9, 4), "{si_signo=SIGPIPE, si_code=SI_USER, si_pid=9, si_uid=0}"},
		{mkSiginfo(int32(unix.SIGURG), 0x80), "{si_signo=SIGURG, si_code=SI_KERNEL}"},
		{mkSiginfo(int32(unix.SIGSYS), 1, 16, 0x401000, 8, 24, unix.SYS_GETPID, 4, 28, unix.AUDIT_ARCH_X86_64, 4),
			"{si_signo=SIGSYS, si_code=SYS_SECCOMP, si_call_addr=0x401000, si_syscall=__NR_getpid, si_arch=AUDIT_ARCH_X86_64}"},
		{mkSiginfo(int32(unix.SIGSYS), 1, 24, 99999, 4, 28, 7, 4),
			"{si_signo=SIGSYS, si_code=SYS_SECCOMP, si_call_addr=NULL, si_syscall=99999, si_arch=0x7 /* AUDIT_ARCH_??? */}"},
		{mkSiginfo(int32(unix.SIGTERM), 5, 16, 1, 4), "{si_signo=SIGTERM, si_code=0x5, si_pid=1, si_uid=0}"},
		{mkSiginfo(200, 1), "{si_signo=200, si_code=0x1}"},
		{mkSiginfo(-1, 0x7fffffff, 4, 0, 0), "{si_signo=-1, si_code=0x7fffffff}"},
	}
	for _, c := range cases {
		assert.Equal(t, c.want, string(AppendSiginfo(nil, c.si, o)))
	}
	// si_errno, named.
	si := mkSiginfo(int32(unix.SIGUSR1), 0x80)
	binary.LittleEndian.PutUint32(si[4:], uint32(unix.EPERM))
	assert.Equal(t, "{si_signo=SIGUSR1, si_code=SI_KERNEL, si_errno=EPERM}", string(AppendSiginfo(nil, si, o)))
}

func TestAppendSiginfoStyles(t *testing.T) {
	si := mkSiginfo(int32(unix.SIGUSR1), -2, 24, 42, 8)
	assert.Equal(t, "{si_signo=10, si_code=0xfffffffe, si_timerid=0, si_overrun=0, si_int=42, si_ptr=0x2a}",
		string(AppendSiginfo(nil, si, Options{Style: format.Raw})))
	assert.Equal(t, "{si_signo=10 /* SIGUSR1 */, si_code=0xfffffffe /* SI_TIMER */, si_timerid=0, si_overrun=0, si_int=42, si_ptr=0x2a}",
		string(AppendSiginfo(nil, si, Options{Style: format.Verbose})))
	chld := mkSiginfo(int32(unix.SIGCHLD), 1, 32, 5, 8)
	assert.Equal(t, "{si_signo=17, si_code=0x1, si_pid=0, si_uid=0, si_status=0, si_utime=5, si_stime=0}",
		string(AppendSiginfo(nil, chld, Options{Style: format.Raw})))
	io := mkSiginfo(int32(unix.SIGIO), 1, 24, 3, 4)
	assert.Equal(t, "{si_signo=SIGIO, si_code=POLL_IN, si_band=0, si_fd=3</etc/passwd>}",
		string(AppendSiginfo(nil, io, Options{FdPath: func(int) string { return "/etc/passwd" }})))
	// Appends, not overwrites.
	assert.Equal(t, "--- SIGALRM {si_signo=SIGALRM, si_code=SI_KERNEL}",
		string(AppendSiginfo([]byte("--- SIGALRM "), mkSiginfo(int32(unix.SIGALRM), 0x80), Options{})))
}

func FuzzAppendSiginfo(f *testing.F) {
	f.Add(mkSiginfo(int32(unix.SIGCHLD), 1)[:])
	f.Add(mkSiginfo(int32(unix.SIGSYS), 1, 24, 1<<31, 4)[:])
	f.Fuzz(func(t *testing.T, b []byte) {
		var si [128]byte
		copy(si[:], b)
		for _, st := range []format.Style{format.Abbrev, format.Raw, format.Verbose} {
			if out := AppendSiginfo(nil, &si, Options{Style: st}); len(out) > 1024 {
				t.Fatalf("output too long: %d", len(out))
			}
		}
	})
}
