package syscalls

import (
	"strconv"
	"strings"
	"syscall"

	"golang.org/x/sys/unix"
)

// kernelErrno fills what x/sys lacks: the kernel-internal codes (512 and
// up) that a tracer sees but a program never does, with strace's texts for
// the four restart codes, and strace's choice of name where an errno has
// two (95 is EOPNOTSUPP for strace, ENOTSUP for x/sys).
var kernelErrno = map[int][2]string{
	95:  {"EOPNOTSUPP", ""},
	512: {"ERESTARTSYS", "To be restarted if SA_RESTART is set"},
	513: {"ERESTARTNOINTR", "To be restarted"},
	514: {"ERESTARTNOHAND", "To be restarted if no handler"},
	515: {"ENOIOCTLCMD", ""},
	516: {"ERESTART_RESTARTBLOCK", "Interrupted by signal"},
	517: {"EPROBE_DEFER", ""},
	518: {"EOPENSTALE", ""},
	519: {"ENOPARAM", ""},
	521: {"EBADHANDLE", ""},
	522: {"ENOTSYNC", ""},
	523: {"EBADCOOKIE", ""},
	524: {"ENOTSUPP", ""},
	525: {"ETOOSMALL", ""},
	526: {"ESERVERFAULT", ""},
	527: {"EBADTYPE", ""},
	528: {"EJUKEBOX", ""},
	529: {"EIOCBQUEUED", ""},
	530: {"ERECALLCONFLICT", ""},
}

// ErrnoName returns the symbolic name strace prints for errno n, or "".
func ErrnoName(n int) string {
	if k, ok := kernelErrno[n]; ok {
		return k[0]
	}
	if n <= 0 || n > 4095 {
		return ""
	}
	return unix.ErrnoName(syscall.Errno(n))
}

// ErrnoMessage returns the C library's message for errno n, as strace
// prints it in parentheses. x/sys keeps glibc's strerror texts with the
// first letter lowered (mkerrors.sh does that); it is raised back here.
func ErrnoMessage(n int) string {
	if n > 0 && n < len(errnoMessages) && errnoMessages[n] != "" {
		return errnoMessages[n]
	}
	return errnoMessage(n)
}

// errnoMessages holds ErrnoMessage's texts for the named errnos below 512,
// made once (chosen for speed: made at each use, a failed call's line cost
// two allocations). Unnamed ones, which no real call returns, are made at
// each use rather than at every start.
var errnoMessages = func() (t [512]string) {
	for n := 1; n < len(t); n++ {
		if _, ok := kernelErrno[n]; ok || unix.ErrnoName(syscall.Errno(n)) != "" {
			t[n] = errnoMessage(n)
		}
	}
	return t
}()

func errnoMessage(n int) string {
	if k, ok := kernelErrno[n]; ok && k[1] != "" {
		return k[1]
	}
	if n > 0 && n < 512 && unix.ErrnoName(syscall.Errno(n)) != "" {
		s := syscall.Errno(n).Error()
		var b strings.Builder // one allocation
		b.Grow(len(s))
		c := s[0]
		if c >= 'a' && c <= 'z' {
			c -= 'a' - 'A'
		}
		b.WriteByte(c)
		b.WriteString(s[1:])
		return b.String()
	}
	return "Unknown error " + strconv.Itoa(n)
}

// SignalName returns strace's name for signal n: SIGHUP…SIGSYS, SIGRTMIN
// for 32, SIGRT_1…SIGRT_32 for the real-time signals above it (x/sys names
// only 1–31), or the number itself.
func SignalName(n int) string {
	switch {
	case n >= 1 && n <= 31:
		if s := unix.SignalName(syscall.Signal(n)); s != "" {
			return s
		}
	case n == 32:
		return "SIGRTMIN"
	case n > 32 && n <= 64:
		return "SIGRT_" + strconv.Itoa(n-32)
	}
	return strconv.Itoa(n)
}
