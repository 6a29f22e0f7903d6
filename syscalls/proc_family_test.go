package syscalls

import (
	"encoding/binary"
	"testing"

	"github.com/gotrace/gotrace/format"
	"github.com/stretchr/testify/assert"
	"golang.org/x/sys/unix"
)

func pl64(vs ...uint64) []byte {
	b := make([]byte, 8*len(vs))
	for i, v := range vs {
		binary.LittleEndian.PutUint64(b[8*i:], v)
	}
	return b
}

func pl32(vs ...uint32) []byte {
	b := make([]byte, 4*len(vs))
	for i, v := range vs {
		binary.LittleEndian.PutUint32(b[4*i:], v)
	}
	return b
}

func TestSignalCalls(t *testing.T) {
	m := newFakeMem()
	act := m.put(0x1000, pl64(0x401000, 0xd8000005, 0, 1<<1|1<<14|1<<33))
	old := m.put(0x2000, pl64(0, 0, 0, 0))
	rest := m.put(0x3000, pl64(1, 0x04001000, 0x1234, ^uint64(0)))
	set := m.put(0x4000, pl64(1<<9|1<<16))
	full := m.put(0x5000, pl64(^uint64(1<<31|1<<32)))
	d := testDecoder(m)
	assert.Equal(t, "rt_sigaction(SIGUSR2, {sa_handler=0x401000, sa_mask=[INT TERM RT_2], sa_flags=SA_ONSTACK|SA_RESTART|SA_NODEFER|SA_RESETHAND|SA_SIGINFO|SA_NOCLDSTOP}, {sa_handler=SIG_DFL, sa_mask=[], sa_flags=0}, 8) = 0",
		decodeLine(t, d, unix.SYS_RT_SIGACTION, 0, 12, act, old, 8))
	assert.Equal(t, "rt_sigaction(SIGUSR2, {sa_handler=SIG_IGN, sa_mask=~[], sa_flags=SA_RESTORER|0x1000, sa_restorer=0x1234}, NULL, 8) = 0",
		decodeLine(t, d, unix.SYS_RT_SIGACTION, 0, 12, rest, 0, 8))
	assert.Equal(t, "rt_sigaction(99, 0x1, 0x2000, 8) = -1 EINVAL (Invalid argument)",
		decodeLine(t, d, unix.SYS_RT_SIGACTION, -22, 99, 1, old, 8))
	assert.Equal(t, "rt_sigprocmask(SIG_BLOCK, [USR1 CHLD], [], 8) = 0",
		decodeLine(t, d, unix.SYS_RT_SIGPROCMASK, 0, 0, set, old, 8))
	assert.Equal(t, "rt_sigprocmask(SIG_SETMASK, ~[RTMIN RT_1], NULL, 8) = 0",
		decodeLine(t, d, unix.SYS_RT_SIGPROCMASK, 0, 2, full, 0, 8))
	assert.Equal(t, "rt_sigprocmask(0x63 /* SIG_??? */, 0x4000, NULL, 4) = -1 EINVAL (Invalid argument)",
		decodeLine(t, d, unix.SYS_RT_SIGPROCMASK, -22, 99, set, 0, 4))
	assert.Equal(t, "rt_sigprocmask(SIG_BLOCK, 0x4000, NULL, 18446744073709551615) = -1 EINVAL (Invalid argument)",
		decodeLine(t, d, unix.SYS_RT_SIGPROCMASK, -22, 0, set, 0, ^uint64(0)))
	assert.Equal(t, "rt_sigpending([USR1 CHLD], 4) = 0", decodeLine(t, d, unix.SYS_RT_SIGPENDING, 0, set, 4))
	assert.Equal(t, "rt_sigpending(0x1, 8) = -1 EFAULT (Bad address)", decodeLine(t, d, unix.SYS_RT_SIGPENDING, -14, 1, 8))
	assert.Equal(t, "kill(42, SIGTERM) = 0", decodeLine(t, d, unix.SYS_KILL, 0, 42, 15))
	assert.Equal(t, "kill(-1, 0) = 0", decodeLine(t, d, unix.SYS_KILL, 0, 0xffffffff, 0))
	assert.Equal(t, "tgkill(1, 2, SIGRT_8) = 0", decodeLine(t, d, unix.SYS_TGKILL, 0, 1, 2, 40))
	assert.Equal(t, "tkill(1, 77) = -1 EINVAL (Invalid argument)", decodeLine(t, d, unix.SYS_TKILL, -22, 1, 77))

	info := m.put(0x6000, mkSiginfo(int32(unix.SIGUSR2), 0, 16, 5, 4)[:])
	ts := m.put(0x7000, pl64(0, 1000))
	assert.Equal(t, "rt_sigtimedwait([USR1 CHLD], {si_signo=SIGUSR2, si_code=SI_USER, si_pid=5, si_uid=0}, {tv_sec=0, tv_nsec=1000}, 8) = 12 (SIGUSR2)",
		decodeLine(t, d, unix.SYS_RT_SIGTIMEDWAIT, 12, set, info, ts, 8))
	assert.Equal(t, "rt_sigtimedwait([USR1 CHLD], 0x6000, {tv_sec=0, tv_nsec=1000}, 8) = -1 EAGAIN (Resource temporarily unavailable)",
		decodeLine(t, d, unix.SYS_RT_SIGTIMEDWAIT, -11, set, info, ts, 8))
	assert.Equal(t, "rt_sigqueueinfo(5, SIGUSR2, {si_signo=SIGUSR2, si_code=SI_USER, si_pid=5, si_uid=0}) = 0",
		decodeLine(t, d, unix.SYS_RT_SIGQUEUEINFO, 0, 5, 12, info))
	// A short siginfo (the region ends early) prints as the address.
	short := m.put(0x8000, make([]byte, 100))
	assert.Equal(t, "rt_sigqueueinfo(5, SIGUSR2, 0x8000) = 0", decodeLine(t, d, unix.SYS_RT_SIGQUEUEINFO, 0, 5, 12, short))

	stk := m.put(0x9000, append(pl64(0x10000, 99), pl64(65536)...))
	assert.Equal(t, "sigaltstack({ss_sp=0x10000, ss_flags=SS_ONSTACK|SS_DISABLE|0x60, ss_size=65536}, NULL) = -1 EINVAL (Invalid argument)",
		decodeLine(t, d, unix.SYS_SIGALTSTACK, -22, stk, 0))
	assert.Equal(t, "sigaltstack(NULL, {ss_sp=0x10000, ss_flags=SS_ONSTACK|SS_DISABLE|0x60, ss_size=65536}) = 0",
		decodeLine(t, d, unix.SYS_SIGALTSTACK, 0, 0, stk))

	// -X raw and verbose.
	d.Opts.Style = format.Raw
	assert.Equal(t, "rt_sigprocmask(0, [10 17], [], 8) = 0", decodeLine(t, d, unix.SYS_RT_SIGPROCMASK, 0, 0, set, old, 8))
	d.Opts.Style = format.Verbose
	assert.Equal(t, "rt_sigprocmask(0 /* SIG_BLOCK */, [10 /* USR1 */ 17 /* CHLD */], [], 8) = 0",
		decodeLine(t, d, unix.SYS_RT_SIGPROCMASK, 0, 0, set, old, 8))
}

func TestSigreturn(t *testing.T) {
	m := newFakeMem()
	frame := make([]byte, ucSigmaskOff+8)
	binary.LittleEndian.PutUint64(frame[ucSigmaskOff:], 1<<1)
	m.put(0x10000, frame)
	d := testDecoder(m)
	c := &Call{Nr: unix.SYS_RT_SIGRETURN, SP: 0x10000}
	b := d.Enter(nil, c)
	b = d.Exit(b, c)
	assert.Equal(t, "rt_sigreturn({mask=[INT]}", string(b))
	assert.Equal(t, "rt_sigreturn() = 0", decodeLine(t, d, unix.SYS_RT_SIGRETURN, 0))
}

func TestTimeCalls(t *testing.T) {
	m := newFakeMem()
	ts := m.put(0x1000, pl64(3, 4))
	tz := m.put(0x2000, pl32(0, 0))
	it := m.put(0x3000, pl64(1, 2, 3, 4))
	d := testDecoder(m)
	assert.Equal(t, "clock_gettime(CLOCK_MONOTONIC, {tv_sec=3, tv_nsec=4}) = 0", decodeLine(t, d, unix.SYS_CLOCK_GETTIME, 0, 1, ts))
	assert.Equal(t, "clock_gettime(0xffffd96a /* CLOCK_??? */, 0x1000) = -1 EINVAL (Invalid argument)",
		decodeLine(t, d, unix.SYS_CLOCK_GETTIME, -22, 0xffffffffffffd96a, ts))
	assert.Equal(t, "clock_gettime(CLOCK_REALTIME, 0xdead) = 0", decodeLine(t, d, unix.SYS_CLOCK_GETTIME, 0, 0, 0xdead))
	assert.Equal(t, "clock_getres(CLOCK_MONOTONIC, NULL) = 0", decodeLine(t, d, unix.SYS_CLOCK_GETRES, 0, 1, 0))
	assert.Equal(t, "gettimeofday({tv_sec=3, tv_usec=4}, {tz_minuteswest=0, tz_dsttime=0}) = 0",
		decodeLine(t, d, unix.SYS_GETTIMEOFDAY, 0, ts, tz))
	assert.Equal(t, "nanosleep({tv_sec=3, tv_nsec=4}, 0x1000) = 0", decodeLine(t, d, unix.SYS_NANOSLEEP, 0, ts, ts))
	assert.Equal(t, "nanosleep({tv_sec=3, tv_nsec=4}, {tv_sec=3, tv_nsec=4}) = ? ERESTART_RESTARTBLOCK (Interrupted by signal)",
		decodeLine(t, d, unix.SYS_NANOSLEEP, -516, ts, ts))
	assert.Equal(t, "clock_nanosleep(CLOCK_REALTIME, TIMER_ABSTIME, {tv_sec=3, tv_nsec=4}, 0x1000) = ? ERESTARTNOHAND (To be restarted if no handler)",
		decodeLine(t, d, unix.SYS_CLOCK_NANOSLEEP, -514, 0, 1, ts, ts))
	assert.Equal(t, "clock_nanosleep(CLOCK_REALTIME, 0x10 /* TIMER_??? */, {tv_sec=3, tv_nsec=4}, NULL) = 0",
		decodeLine(t, d, unix.SYS_CLOCK_NANOSLEEP, 0, 0, 0x10, ts, 0))
	assert.Equal(t, "setitimer(ITIMER_VIRTUAL, {it_interval={tv_sec=1, tv_usec=2}, it_value={tv_sec=3, tv_usec=4}}, NULL) = 0",
		decodeLine(t, d, unix.SYS_SETITIMER, 0, 1, it, 0))
	assert.Equal(t, "timer_settime(0, TIMER_ABSTIME, {it_interval={tv_sec=1, tv_nsec=2}, it_value={tv_sec=3, tv_nsec=4}}, NULL) = 0",
		decodeLine(t, d, unix.SYS_TIMER_SETTIME, 0, 0, 1, it, 0))
	assert.Equal(t, "getitimer(0x63 /* ITIMER_??? */, 0x3000) = -1 EINVAL (Invalid argument)",
		decodeLine(t, d, unix.SYS_GETITIMER, -22, 99, it))
	sev := m.put(0x4000, append(pl64(42), append(pl32(10, 4, 77), make([]byte, 48)...)...))
	id := m.put(0x5000, pl32(3))
	assert.Equal(t, "timer_create(CLOCK_REALTIME, {sigev_value={sival_int=42, sival_ptr=0x2a}, sigev_signo=SIGUSR1, sigev_notify=SIGEV_THREAD_ID, sigev_notify_thread_id=77}, [3]) = 0",
		decodeLine(t, d, unix.SYS_TIMER_CREATE, 0, 0, sev, id))
	tm := m.put(0x6000, pl64(1795569110))
	line := decodeLine(t, d, unix.SYS_TIME, 1795569110, tm)
	assert.Regexp(t, `^time\(\[1795569110 /\* 2026-11-2[45]T\d\d:\d\d:\d\d[-+]\d{4} \*/\]\) = 1795569110 \(2026-11-2[45]T.*\)$`, line)
	assert.Equal(t, "time(0x1) = -1 EFAULT (Bad address)", decodeLine(t, d, unix.SYS_TIME, -14, 1))
	tms := m.put(0x7000, pl64(14, 0, 0, 0))
	assert.Equal(t, "times({tms_utime=14 /* 0.14 s */, tms_stime=0, tms_cutime=0, tms_cstime=0}) = 1718048881",
		decodeLine(t, d, unix.SYS_TIMES, 1718048881, tms))
	assert.Equal(t, "alarm(100) = 0", decodeLine(t, d, unix.SYS_ALARM, 0, 100))
	d.Opts.Style = format.Verbose
	assert.Equal(t, "clock_gettime(0x1 /* CLOCK_MONOTONIC */, {tv_sec=3, tv_nsec=4}) = 0", decodeLine(t, d, unix.SYS_CLOCK_GETTIME, 0, 1, ts))
}

func TestFutex(t *testing.T) {
	m := newFakeMem()
	ts := m.put(0x1000, pl64(0, 1000))
	d := testDecoder(m)
	const f = 0x55ca2089e018
	cases := []struct {
		want string
		ret  int64
		args []uint64
	}{
		{"futex(0x55ca2089e018, FUTEX_WAIT, 0, NULL) = -1 EAGAIN (Resource temporarily unavailable)", -11, []uint64{f, 0, 0, 0, 0, 0}},
		{"futex(0x55ca2089e018, FUTEX_WAIT_PRIVATE, 1, {tv_sec=0, tv_nsec=1000}) = 0", 0, []uint64{f, 0x80, 1, ts, 0, 0}},
		{"futex(0x55ca2089e018, FUTEX_WAIT|FUTEX_CLOCK_REALTIME, 1, 0x1) = 0", 0, []uint64{f, 0x100, 1, 1, 0, 0}},
		{"futex(0x55ca2089e018, FUTEX_WAKE_PRIVATE, 2147483647) = 0", 0, []uint64{f, 0x81, 0x7fffffff, 0, 0, 0}},
		{"futex(0x55ca2089e018, FUTEX_FD|FUTEX_PRIVATE_FLAG, 1) = 0", 0, []uint64{f, 0x82, 1, 0, 0, 0}},
		{"futex(0x55ca2089e018, FUTEX_CMP_REQUEUE_PRIVATE, 1, 2, 0x55ca2089e01c, 1) = 0", 0, []uint64{f, 0x84, 1, 2, f + 4, 1}},
		{"futex(0x55ca2089e018, FUTEX_WAKE_OP_PRIVATE, 1, 1, 0x55ca2089e01c, FUTEX_OP_ADD<<28|0x1<<12|FUTEX_OP_CMP_GT<<24|0) = 0", 0, []uint64{f, 0x85, 1, 1, f + 4, 0x14001000}},
		{"futex(0x55ca2089e018, FUTEX_WAKE_OP, 1, 1, 0x55ca2089e01c, FUTEX_OP_OPARG_SHIFT<<28|0x7<<28 /* FUTEX_OP_??? */|0x12<<12|0xe<<24 /* FUTEX_OP_CMP_??? */|0x345) = 0", 0, []uint64{f, 5, 1, 1, f + 4, 0xfe012345}},
		{"futex(0x55ca2089e018, FUTEX_LOCK_PI2, {tv_sec=0, tv_nsec=1000}) = 0", 0, []uint64{f, 13, 0, ts, 0, 0}},
		{"futex(0x55ca2089e018, FUTEX_UNLOCK_PI) = 0", 0, []uint64{f, 7, 0, 0, 0, 0}},
		{"futex(0x55ca2089e018, FUTEX_WAIT_BITSET_PRIVATE|FUTEX_CLOCK_REALTIME, 1, {tv_sec=0, tv_nsec=1000}, FUTEX_BITSET_MATCH_ANY) = 0", 0, []uint64{f, 0x189, 1, ts, 0, 0xffffffff}},
		{"futex(0x55ca2089e018, FUTEX_WAKE_BITSET, 1, 0x3) = 0", 0, []uint64{f, 10, 1, 0, 0, 3}},
		{"futex(0x55ca2089e018, FUTEX_WAIT_REQUEUE_PI, 1, {tv_sec=0, tv_nsec=1000}, 0x55ca2089e01c) = 0", 0, []uint64{f, 11, 1, ts, f + 4, 0}},
		{"futex(0x55ca2089e018, 0xe3 /* FUTEX_??? */, 1, 0x2, 0x3, 0x4) = -1 ENOSYS (Function not implemented)", -38, []uint64{f, 0xe3, 1, 2, 3, 4}},
		{"futex(0x55ca2089e018, 0x106 /* FUTEX_??? */, {tv_sec=0, tv_nsec=1000}) = 0", 0, []uint64{f, 0x106, 0, ts, 0, 0}},
	}
	for _, c := range cases {
		assert.Equal(t, c.want, decodeLine(t, d, unix.SYS_FUTEX, c.ret, c.args...))
	}
	d.Opts.Style = format.Raw
	assert.Equal(t, "futex(0x55ca2089e018, 0x85, 1, 1, 0x55ca2089e01c, 0x1<<28 /* FUTEX_OP_??? */|0x1<<12|0x4<<24 /* FUTEX_OP_CMP_??? */|0) = 0",
		decodeLine(t, d, unix.SYS_FUTEX, 0, f, 0x85, 1, 1, f+4, 0x14001000))
	d.Opts.Style = format.Verbose
	assert.Equal(t, "futex(0x55ca2089e018, 0x5 /* FUTEX_WAKE_OP */, 1, 1, 0x55ca2089e01c, 0x8 /* FUTEX_OP_OPARG_SHIFT */<<28|0 /* FUTEX_OP_SET */<<28|0x5<<12|0 /* FUTEX_OP_CMP_EQ */<<24|0x3) = 0",
		decodeLine(t, d, unix.SYS_FUTEX, 0, f, 5, 1, 1, f+4, 0x80005003))
}

func TestProcessCalls(t *testing.T) {
	m := newFakeMem()
	st := m.put(0x1000, pl32(3<<8))
	killed := m.put(0x1100, pl32(9|0x80))
	stopped := m.put(0x1200, pl32(0x137f|0x30000))
	ru := m.put(0x2000, pl64(0, 45, 0, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14))
	d := testDecoder(m)
	assert.Equal(t, "wait4(77, [{WIFEXITED(s) && WEXITSTATUS(s) == 3}], 0, NULL) = 77", decodeLine(t, d, unix.SYS_WAIT4, 77, 77, st, 0, 0))
	assert.Equal(t, "wait4(-1, [{WIFSIGNALED(s) && WTERMSIG(s) == SIGKILL && WCOREDUMP(s)}], WNOHANG|__WALL, {ru_utime={tv_sec=0, tv_usec=45}, ru_stime={tv_sec=0, tv_usec=0}, ...}) = 77",
		decodeLine(t, d, unix.SYS_WAIT4, 77, 0xffffffff, killed, 1|0x40000000, ru))
	assert.Equal(t, "wait4(-1, [{WIFSTOPPED(s) && WSTOPSIG(s) == SIGSTOP}|PTRACE_EVENT_CLONE<<16], __WALL, NULL) = 77",
		decodeLine(t, d, unix.SYS_WAIT4, 77, 0xffffffff, stopped, 0x40000000, 0))
	assert.Equal(t, "wait4(-1, 0x1000, WNOHANG, 0x2000) = 0", decodeLine(t, d, unix.SYS_WAIT4, 0, 0xffffffff, st, 1, ru))
	assert.Equal(t, "wait4(-1, 0x1, 0x8000 /* W??? */, NULL) = -1 EINVAL (Invalid argument)", decodeLine(t, d, unix.SYS_WAIT4, -22, 0xffffffff, 1, 0x8000, 0))
	d.Opts.Verbose = true
	assert.Equal(t, "getrusage(RUSAGE_CHILDREN, {ru_utime={tv_sec=0, tv_usec=45}, ru_stime={tv_sec=0, tv_usec=0}, ru_maxrss=1, ru_ixrss=2, ru_idrss=3, ru_isrss=4, ru_minflt=5, ru_majflt=6, ru_nswap=7, ru_inblock=8, ru_oublock=9, ru_msgsnd=10, ru_msgrcv=11, ru_nsignals=12, ru_nvcsw=13, ru_nivcsw=14}) = 0",
		decodeLine(t, d, unix.SYS_GETRUSAGE, 0, 0xffffffff, ru))
	d.Opts.Verbose = false

	rl := m.put(0x3000, pl64(8192*1024, ^uint64(0)))
	rl2 := m.put(0x3100, pl64(1024, 4096))
	assert.Equal(t, "prlimit64(0, RLIMIT_NOFILE, {rlim_cur=1024, rlim_max=4*1024}, {rlim_cur=8192*1024, rlim_max=RLIM64_INFINITY}) = 0",
		decodeLine(t, d, unix.SYS_PRLIMIT64, 0, 0, 7, rl2, rl))
	assert.Equal(t, "getrlimit(0x63 /* RLIMIT_??? */, 0x3000) = -1 EINVAL (Invalid argument)", decodeLine(t, d, unix.SYS_GETRLIMIT, -22, 99, rl))

	rnd := m.put(0x4000, []byte{0x1c, 'a', 0})
	assert.Equal(t, `getrandom("\x1c\x61\x00", 3, GRND_NONBLOCK|GRND_RANDOM) = 3`, decodeLine(t, d, unix.SYS_GETRANDOM, 3, rnd, 3, 3))
	assert.Equal(t, `getrandom(0x4000, 16, 0x10 /* GRND_??? */) = -1 EINVAL (Invalid argument)`, decodeLine(t, d, unix.SYS_GETRANDOM, -22, rnd, 16, 0x10))

	uts := make([]byte, 6*65)
	for k, s := range []string{"Linux", "vm", "6.1", "#1", "x86_64", "(none)"} {
		copy(uts[65*k:], s)
	}
	u := m.put(0x5000, uts)
	assert.Equal(t, `uname({sysname="Linux", nodename="vm", ...}) = 0`, decodeLine(t, d, unix.SYS_UNAME, 0, u))
	d.Opts.Verbose = true
	assert.Equal(t, `uname({sysname="Linux", nodename="vm", release="6.1", version="#1", machine="x86_64", domainname="(none)"}) = 0`, decodeLine(t, d, unix.SYS_UNAME, 0, u))
	d.Opts.Verbose = false
	// A field without a NUL: 64 of its 65 bytes, then "..." (strace's
	// quoting of a char array).
	for i := range uts {
		uts[i] = 'A'
	}
	u2 := m.put(0x5400, uts)
	assert.Contains(t, decodeLine(t, d, unix.SYS_UNAME, 0, u2), `sysname="AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"..., nodename=`)

	fs := m.put(0x6000, pl64(0x7f0000001000))
	assert.Equal(t, "arch_prctl(ARCH_GET_FS, [0x7f0000001000]) = 0", decodeLine(t, d, unix.SYS_ARCH_PRCTL, 0, 0x1003, fs))
	assert.Equal(t, "arch_prctl(ARCH_SET_FS, 0x7f0000001000) = 0", decodeLine(t, d, unix.SYS_ARCH_PRCTL, 0, 0x1002, 0x7f0000001000))
	assert.Equal(t, "arch_prctl(ARCH_GET_FS, 0x1) = -1 EFAULT (Bad address)", decodeLine(t, d, unix.SYS_ARCH_PRCTL, -14, 0x1003, 1))
	assert.Equal(t, "arch_prctl(0x3001 /* ARCH_??? */, 0) = -1 EINVAL (Invalid argument)", decodeLine(t, d, unix.SYS_ARCH_PRCTL, -22, 0x3001, 0))

	assert.Equal(t, "clone(child_stack=NULL, flags=SIGCHLD) = 5", decodeLine(t, d, unix.SYS_CLONE, 5, 17, 0, 0, 0, 0))
	tid := m.put(0x7000, pl32(9871))
	assert.Equal(t, "clone(child_stack=NULL, flags=CLONE_PARENT_SETTID|SIGCHLD, parent_tid=[9871]) = 9871",
		decodeLine(t, d, unix.SYS_CLONE, 9871, unix.CLONE_PARENT_SETTID|17, 0, tid, 0, 0))
	assert.Equal(t, "clone(child_stack=0x1000, flags=CLONE_THREAD|CLONE_NEWNS|CLONE_NEWPID) = -1 EINVAL (Invalid argument)",
		decodeLine(t, d, unix.SYS_CLONE, -22, unix.CLONE_THREAD|unix.CLONE_NEWNS|unix.CLONE_NEWPID, 0x1000, 0, 0, 0x2000))
	assert.Equal(t, "clone(child_stack=0x1000, flags=CLONE_VM|CLONE_SETTLS|CLONE_CHILD_CLEARTID, tls=0x2000, child_tidptr=0x7000) = 5",
		decodeLine(t, d, unix.SYS_CLONE, 5, unix.CLONE_VM|unix.CLONE_SETTLS|unix.CLONE_CHILD_CLEARTID, 0x1000, 0, tid, 0x2000))

	pidfd := m.put(0x8000, pl32(3))
	ca := pl64(unix.CLONE_PIDFD|unix.CLONE_CHILD_SETTID, pidfd, 0x7000, 0, 17, 0, 0, 0, 0, 0, 0)
	cap3 := m.put(0x9000, ca)
	assert.Equal(t, "clone3({flags=CLONE_PIDFD|CLONE_CHILD_SETTID, pidfd=0x8000, child_tid=0x7000, exit_signal=SIGCHLD, stack=NULL, stack_size=0} => {pidfd=[3]}, 88) = 9873",
		decodeLine(t, d, unix.SYS_CLONE3, 9873, cap3, 88))
	assert.Equal(t, "clone3(0x9000, 1) = -1 EINVAL (Invalid argument)", decodeLine(t, d, unix.SYS_CLONE3, -22, cap3, 1))
	assert.Equal(t, "clone3(NULL, 64) = -1 EFAULT (Bad address)", decodeLine(t, d, unix.SYS_CLONE3, -14, 0, 64))

	mask := m.put(0xa000, pl64(3, 0))
	assert.Equal(t, "sched_getaffinity(0, 16, [0 1]) = 16", decodeLine(t, d, unix.SYS_SCHED_GETAFFINITY, 16, 0, 16, mask))
	assert.Equal(t, "sched_getaffinity(0, 1, 0xa000) = -1 EINVAL (Invalid argument)", decodeLine(t, d, unix.SYS_SCHED_GETAFFINITY, -22, 0, 1, mask))
	assert.Equal(t, "sched_setaffinity(0, 4294967295, 0xa000) = -1 EINVAL (Invalid argument)", decodeLine(t, d, unix.SYS_SCHED_SETAFFINITY, -22, 0, 0xffffffff, mask))

	name := m.put(0xb000, []byte("proc_misc\x00"))
	sig := m.put(0xb100, pl32(15))
	assert.Equal(t, `prctl(PR_SET_NAME, "proc_misc") = 0`, decodeLine(t, d, unix.SYS_PRCTL, 0, unix.PR_SET_NAME, name, 0, 0, 0))
	assert.Equal(t, `prctl(PR_GET_NAME, "proc_misc") = 0`, decodeLine(t, d, unix.SYS_PRCTL, 0, unix.PR_GET_NAME, name, 0, 0, 0))
	assert.Equal(t, `prctl(PR_GET_PDEATHSIG, [SIGTERM]) = 0`, decodeLine(t, d, unix.SYS_PRCTL, 0, unix.PR_GET_PDEATHSIG, sig, 0, 0, 0))
	assert.Equal(t, `prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) = 0`, decodeLine(t, d, unix.SYS_PRCTL, 0, unix.PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0))
	assert.Equal(t, `prctl(PR_CAPBSET_READ, CAP_CHOWN) = 1`, decodeLine(t, d, unix.SYS_PRCTL, 1, unix.PR_CAPBSET_READ, 0, 0, 0, 0))
	assert.Equal(t, `prctl(0x270f /* PR_??? */, 0x1, 0x2, 0x3, 0x4) = -1 EINVAL (Invalid argument)`, decodeLine(t, d, unix.SYS_PRCTL, -22, 9999, 1, 2, 3, 4))

	hdr := m.put(0xc000, pl32(unix.LINUX_CAPABILITY_VERSION_3, 0))
	data := m.put(0xc100, pl32(3, 3, 0, 1, 0, 0))
	assert.Equal(t, "capget({version=_LINUX_CAPABILITY_VERSION_3, pid=0}, {effective=1<<CAP_CHOWN|1<<CAP_DAC_OVERRIDE|1<<CAP_MAC_OVERRIDE, permitted=1<<CAP_CHOWN|1<<CAP_DAC_OVERRIDE, inheritable=0}) = 0",
		decodeLine(t, d, unix.SYS_CAPGET, 0, hdr, data))

	info := m.put(0xd000, mkSiginfo(int32(unix.SIGCHLD), 5, 16, 7, 4, 24, 19, 4)[:])
	assert.Equal(t, "waitid(P_PID, 7, {si_signo=SIGCHLD, si_code=CLD_STOPPED, si_pid=7, si_uid=0, si_status=SIGSTOP, si_utime=0, si_stime=0}, WSTOPPED, NULL) = 0",
		decodeLine(t, d, unix.SYS_WAITID, 0, 1, 7, info, 2, 0))
	assert.Equal(t, "waitid(0x63 /* P_??? */, 0, NULL, WEXITED, NULL) = -1 EINVAL (Invalid argument)",
		decodeLine(t, d, unix.SYS_WAITID, -22, 99, 0, 0, 4, 0))
	robust := m.put(0xe000, pl64(24))
	assert.Equal(t, "get_robust_list(0, [0x7f0000001000], [24]) = 0", decodeLine(t, d, unix.SYS_GET_ROBUST_LIST, 0, 0, fs, robust))
}

func TestHostileInput(t *testing.T) {
	// Every kind over unreadable memory and absurd values: no panic.
	d := testDecoder(newFakeMem())
	for _, nr := range []int{unix.SYS_RT_SIGACTION, unix.SYS_RT_SIGPROCMASK, unix.SYS_RT_SIGTIMEDWAIT, unix.SYS_SIGALTSTACK,
		unix.SYS_FUTEX, unix.SYS_CLONE, unix.SYS_CLONE3, unix.SYS_WAIT4, unix.SYS_WAITID, unix.SYS_PRCTL, unix.SYS_PRLIMIT64,
		unix.SYS_CAPGET, unix.SYS_CAPSET, unix.SYS_TIMER_CREATE, unix.SYS_SCHED_GETAFFINITY, unix.SYS_SCHED_SETAFFINITY,
		unix.SYS_FUTEX_WAITV, unix.SYS_UNAME, unix.SYS_SYSINFO, unix.SYS_TIME, unix.SYS_TIMES, unix.SYS_RT_SIGRETURN,
		unix.SYS_GETRANDOM, unix.SYS_ARCH_PRCTL, unix.SYS_RT_SIGQUEUEINFO} {
		for _, ret := range []int64{0, -14, 1 << 40, -516} {
			for _, v := range []uint64{0, 1, ^uint64(0), 1 << 63, 0xdead0000} {
				decodeLine(t, d, nr, ret, v, v, v, v, v, v)
			}
		}
	}
}
