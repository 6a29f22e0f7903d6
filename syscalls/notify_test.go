package syscalls

import (
	"encoding/binary"
	"strings"
	"testing"

	"github.com/gotrace/gotrace/format"
	"github.com/stretchr/testify/assert"
	"golang.org/x/sys/unix"
)

func TestNotifyFds(t *testing.T) {
	m := newFakeMem()
	d := testDecoder(m)
	assert.Equal(t, "eventfd2(5, EFD_SEMAPHORE|EFD_CLOEXEC|EFD_NONBLOCK) = 3",
		decodeLine(t, d, unix.SYS_EVENTFD2, 3, 5, unix.EFD_CLOEXEC|unix.EFD_NONBLOCK|unix.EFD_SEMAPHORE))
	assert.Equal(t, "eventfd2(0, 0x40 /* EFD_??? */) = -1 EINVAL (Invalid argument)",
		decodeLine(t, d, unix.SYS_EVENTFD2, -22, 0, 0x40))
	assert.Equal(t, "eventfd(4294967295) = 5", decodeLine(t, d, unix.SYS_EVENTFD, 5, 0xffffffff))
	assert.Equal(t, "timerfd_create(CLOCK_MONOTONIC, TFD_CLOEXEC|TFD_NONBLOCK) = 6",
		decodeLine(t, d, unix.SYS_TIMERFD_CREATE, 6, unix.CLOCK_MONOTONIC, unix.TFD_CLOEXEC|unix.TFD_NONBLOCK))
	its := make([]byte, 32)
	for k := 0; k < 4; k++ {
		binary.LittleEndian.PutUint64(its[8*k:], uint64(k+1))
	}
	a := m.put(0x1000, its)
	assert.Equal(t, "timerfd_settime(6, TFD_TIMER_ABSTIME|TFD_TIMER_CANCEL_ON_SET, {it_interval={tv_sec=1, tv_nsec=2}, it_value={tv_sec=3, tv_nsec=4}}, {it_interval={tv_sec=1, tv_nsec=2}, it_value={tv_sec=3, tv_nsec=4}}) = 0",
		decodeLine(t, d, unix.SYS_TIMERFD_SETTIME, 0, 6, unix.TFD_TIMER_ABSTIME|unix.TFD_TIMER_CANCEL_ON_SET, a, a))
	assert.Equal(t, "timerfd_settime(6, 0x8 /* TFD_??? */, 0x1, 0x1000) = -1 EINVAL (Invalid argument)",
		decodeLine(t, d, unix.SYS_TIMERFD_SETTIME, -22, 6, 8, 1, a))
	assert.Equal(t, "timerfd_gettime(999, 0x1000) = -1 EBADF (Bad file descriptor)",
		decodeLine(t, d, unix.SYS_TIMERFD_GETTIME, -9, 999, a))
	// Short: 16 of the 32 bytes.
	short := m.put(0x2000, its[:16])
	assert.Equal(t, "timerfd_gettime(6, 0x2000) = 0", decodeLine(t, d, unix.SYS_TIMERFD_GETTIME, 0, 6, short))

	set := m.put(0x3000, []byte{0, 2, 0, 0, 8, 0, 0, 0}) // USR1, RT_4
	assert.Equal(t, "signalfd4(-1, [USR1 RT_4], 8, SFD_CLOEXEC|SFD_NONBLOCK) = 7",
		decodeLine(t, d, unix.SYS_SIGNALFD4, 7, 0xffffffff, set, 8, unix.SFD_CLOEXEC|unix.SFD_NONBLOCK))
	assert.Equal(t, "signalfd4(-1, 0x3000, 4, 0) = -1 EINVAL (Invalid argument)",
		decodeLine(t, d, unix.SYS_SIGNALFD4, -22, 0xffffffff, set, 4, 0))
	assert.Equal(t, "signalfd4(-1, 0x3000, 1099511627776, 0) = -1 EINVAL (Invalid argument)",
		decodeLine(t, d, unix.SYS_SIGNALFD4, -22, 0xffffffff, set, 1<<40, 0))
	assert.Equal(t, "signalfd(-1, 0x1, 8) = -1 EFAULT (Bad address)",
		decodeLine(t, d, unix.SYS_SIGNALFD, -14, 0xffffffff, 1, 8))

	assert.Equal(t, "inotify_init1(IN_NONBLOCK|IN_CLOEXEC) = 9",
		decodeLine(t, d, unix.SYS_INOTIFY_INIT1, 9, unix.IN_CLOEXEC|unix.IN_NONBLOCK))
	assert.Equal(t, "inotify_init1(0x1 /* IN_??? */) = -1 EINVAL (Invalid argument)",
		decodeLine(t, d, unix.SYS_INOTIFY_INIT1, -22, 1))
	assert.Equal(t, "inotify_init() = 12", decodeLine(t, d, unix.SYS_INOTIFY_INIT, 12))
	p := m.put(0x4000, []byte("/tmp\x00"))
	assert.Equal(t, `inotify_add_watch(9, "/tmp", IN_MODIFY|IN_ONLYDIR|IN_ONESHOT) = 1`,
		decodeLine(t, d, unix.SYS_INOTIFY_ADD_WATCH, 1, 9, p, unix.IN_MODIFY|unix.IN_ONLYDIR|unix.IN_ONESHOT))
	assert.Equal(t, `inotify_add_watch(9, 0x1, IN_ACCESS|0x100000) = -1 EFAULT (Bad address)`,
		decodeLine(t, d, unix.SYS_INOTIFY_ADD_WATCH, -14, 9, 1, unix.IN_ACCESS|0x100000))
	assert.Equal(t, `inotify_add_watch(9, "/tmp", 0x100000 /* IN_??? */) = -1 EINVAL (Invalid argument)`,
		decodeLine(t, d, unix.SYS_INOTIFY_ADD_WATCH, -22, 9, p, 0x100000))
	assert.Equal(t, "inotify_rm_watch(9, -1) = -1 EINVAL (Invalid argument)",
		decodeLine(t, d, unix.SYS_INOTIFY_RM_WATCH, -22, 9, 0xffffffff))

	iov := make([]byte, 32)
	binary.LittleEndian.PutUint64(iov, m.put(0x5000, []byte("hello")))
	binary.LittleEndian.PutUint64(iov[8:], 5)
	binary.LittleEndian.PutUint64(iov[16:], 0x6000)
	binary.LittleEndian.PutUint64(iov[24:], 5)
	ia := m.put(0x7000, iov)
	assert.Equal(t, `vmsplice(4, [{iov_base="hello", iov_len=5}, {iov_base=0x6000, iov_len=5}], 2, SPLICE_F_NONBLOCK|SPLICE_F_GIFT) = 10`,
		decodeLine(t, d, unix.SYS_VMSPLICE, 10, 4, ia, 2, unix.SPLICE_F_NONBLOCK|unix.SPLICE_F_GIFT))
	out := decodeLine(t, d, unix.SYS_VMSPLICE, -22, 4, ia, 0x7fffffff, 0)
	assert.True(t, strings.HasSuffix(out, "... /* 0x7020 */], 2147483647, 0) = -1 EINVAL (Invalid argument)"), out)

	d.Opts.Style = format.Verbose
	assert.Equal(t, "eventfd2(5, 0x80801 /* EFD_SEMAPHORE|EFD_CLOEXEC|EFD_NONBLOCK */) = 3",
		decodeLine(t, d, unix.SYS_EVENTFD2, 3, 5, unix.EFD_CLOEXEC|unix.EFD_NONBLOCK|unix.EFD_SEMAPHORE))
	assert.Equal(t, "signalfd4(-1, [10 /* USR1 */ 36 /* RT_4 */], 8, 0) = 7",
		decodeLine(t, d, unix.SYS_SIGNALFD4, 7, 0xffffffff, set, 8, 0))
	d.Opts.Style = format.Raw
	assert.Equal(t, "timerfd_create(0x1, 0x80800) = 6",
		decodeLine(t, d, unix.SYS_TIMERFD_CREATE, 6, unix.CLOCK_MONOTONIC, unix.TFD_CLOEXEC|unix.TFD_NONBLOCK))
}

func TestMount(t *testing.T) {
	m := newFakeMem()
	d := testDecoder(m)
	none := m.put(0x1000, []byte("none\x00"))
	dir := m.put(0x2000, []byte("/mnt\x00"))
	fs := m.put(0x3000, []byte("tmpfs\x00"))
	opt := m.put(0x4000, []byte("size=1m,a-string-longer-than-thirty-two-bytes\x00"))
	assert.Equal(t, `mount("none", "/mnt", "tmpfs", MS_RDONLY|MS_NOSUID, "size=1m,a-string-longer-than-thi"...) = 0`,
		decodeLine(t, d, unix.SYS_MOUNT, 0, none, dir, fs, unix.MS_RDONLY|unix.MS_NOSUID, opt))
	assert.Equal(t, `mount(NULL, "/mnt", 0x3000, MS_REMOUNT|MS_BIND, "size=1m,a-string-longer-than-thi"...) = 0`,
		decodeLine(t, d, unix.SYS_MOUNT, 0, 0, dir, fs, unix.MS_REMOUNT|unix.MS_BIND, opt))
	assert.Equal(t, `mount("none", "/mnt", NULL, MS_MGC_VAL|MS_BIND|MS_REC, NULL) = 0`,
		decodeLine(t, d, unix.SYS_MOUNT, 0, none, dir, 0, unix.MS_MGC_VAL|unix.MS_BIND|unix.MS_REC, 0))
	assert.Equal(t, `mount("none", "/mnt", "tmpfs", MS_MGC_VAL, "size=1m,a-string-longer-than-thi"...) = 0`,
		decodeLine(t, d, unix.SYS_MOUNT, 0, none, dir, fs, unix.MS_MGC_VAL, opt))
	assert.Equal(t, `mount("none", "/mnt", 0x3000, MS_REC|MS_PRIVATE, 0x4000) = 0`,
		decodeLine(t, d, unix.SYS_MOUNT, 0, none, dir, fs, unix.MS_PRIVATE|unix.MS_REC, opt))
	assert.Equal(t, `mount(0x1, 0x2, 0x3, MS_NOUSER, 0x4) = -1 EFAULT (Bad address)`,
		decodeLine(t, d, unix.SYS_MOUNT, -14, 1, 2, 3, unix.MS_NOUSER, 4))
	d.Opts.Style = format.Verbose
	assert.Equal(t, `mount("none", "/mnt", NULL, 0xc0ed0000 /* MS_MGC_VAL */|0x5000 /* MS_BIND|MS_REC */, NULL) = 0`,
		decodeLine(t, d, unix.SYS_MOUNT, 0, none, dir, 0, unix.MS_MGC_VAL|unix.MS_BIND|unix.MS_REC, 0))
	d.Opts.Style = format.Raw
	assert.Equal(t, `mount("none", "/mnt", NULL, 0xc0ed0000|0x5000, NULL) = 0`,
		decodeLine(t, d, unix.SYS_MOUNT, 0, none, dir, 0, unix.MS_MGC_VAL|unix.MS_BIND|unix.MS_REC, 0))
	assert.Equal(t, `mount("none", "/mnt", "tmpfs", 0, NULL) = 0`, decodeLine(t, d, unix.SYS_MOUNT, 0, none, dir, fs, 0, 0))
}

func bpf(code uint16, jt, jf uint8, k uint32) []byte {
	b := make([]byte, bpfInsnSize)
	binary.LittleEndian.PutUint16(b, code)
	b[2], b[3] = jt, jf
	binary.LittleEndian.PutUint32(b[4:], k)
	return b
}

func TestSeccomp(t *testing.T) {
	m := newFakeMem()
	d := testDecoder(m)
	var prog []byte
	prog = append(prog, bpf(unix.BPF_LD|unix.BPF_W|unix.BPF_ABS, 0, 0, 4)...)
	prog = append(prog, bpf(unix.BPF_JMP|unix.BPF_JEQ|unix.BPF_K, 1, 0, 0xc000003e)...)
	prog = append(prog, bpf(unix.BPF_RET|unix.BPF_K, 0, 0, unix.SECCOMP_RET_ERRNO|38)...)
	prog = append(prog, bpf(unix.BPF_RET|unix.BPF_K, 0, 0, unix.SECCOMP_RET_ALLOW)...)
	pa := m.put(0x1000, prog)
	fp := make([]byte, sockFprogSize)
	binary.LittleEndian.PutUint16(fp, 4)
	binary.LittleEndian.PutUint64(fp[8:], pa)
	fa := m.put(0x2000, fp)
	assert.Equal(t, "seccomp(SECCOMP_SET_MODE_FILTER, SECCOMP_FILTER_FLAG_TSYNC, {len=4, filter=0x1000}) = 0",
		decodeLine(t, d, unix.SYS_SECCOMP, 0, unix.SECCOMP_SET_MODE_FILTER, unix.SECCOMP_FILTER_FLAG_TSYNC, fa))
	d.Opts.Verbose = true
	assert.Equal(t, "seccomp(SECCOMP_SET_MODE_FILTER, 0, {len=4, filter=[BPF_STMT(BPF_LD|BPF_W|BPF_ABS, 0x4), BPF_JUMP(BPF_JMP|BPF_K|BPF_JEQ, 0xc000003e, 0x1, 0), BPF_STMT(BPF_RET|BPF_K, SECCOMP_RET_ERRNO|0x26), BPF_STMT(BPF_RET|BPF_K, SECCOMP_RET_ALLOW)]}) = 0",
		decodeLine(t, d, unix.SYS_SECCOMP, 0, unix.SECCOMP_SET_MODE_FILTER, 0, fa))
	// A length beyond the memory, and an absurd one: bounded.
	binary.LittleEndian.PutUint16(fp, 0xffff)
	m.put(0x2000, fp)
	out := decodeLine(t, d, unix.SYS_SECCOMP, -22, unix.SECCOMP_SET_MODE_FILTER, 0, fa)
	assert.True(t, strings.HasSuffix(out, "SECCOMP_RET_ALLOW), ... /* 0x1020 */]}) = -1 EINVAL (Invalid argument)"), out)
	m.put(0x10000, make([]byte, 0xffff*bpfInsnSize))
	binary.LittleEndian.PutUint64(fp[8:], 0x10000)
	m.put(0x2000, fp)
	out = decodeLine(t, d, unix.SYS_SECCOMP, -22, unix.SECCOMP_SET_MODE_FILTER, 0, fa)
	assert.Equal(t, unix.BPF_MAXINSNS, strings.Count(out, "BPF_STMT("))
	assert.True(t, strings.HasSuffix(out, ", ...]}) = -1 EINVAL (Invalid argument)"), out)
	d.Opts.Verbose = false
	assert.Equal(t, "seccomp(SECCOMP_SET_MODE_FILTER, 0x40 /* SECCOMP_FILTER_FLAG_??? */, 0x1) = -1 EFAULT (Bad address)",
		decodeLine(t, d, unix.SYS_SECCOMP, -14, unix.SECCOMP_SET_MODE_FILTER, 0x40, 1))
	assert.Equal(t, "seccomp(SECCOMP_SET_MODE_STRICT, 0x1, NULL) = -1 EINVAL (Invalid argument)",
		decodeLine(t, d, unix.SYS_SECCOMP, -22, unix.SECCOMP_SET_MODE_STRICT, 1, 0))
	assert.Equal(t, "seccomp(0x55 /* SECCOMP_SET_MODE_??? */, 0, NULL) = -1 EINVAL (Invalid argument)",
		decodeLine(t, d, unix.SYS_SECCOMP, -22, 0x55, 0, 0))
	act := m.put(0x3000, []byte{0, 0, 0xfc, 0x7f})
	assert.Equal(t, "seccomp(SECCOMP_GET_ACTION_AVAIL, 0, [SECCOMP_RET_LOG]) = 0",
		decodeLine(t, d, unix.SYS_SECCOMP, 0, unix.SECCOMP_GET_ACTION_AVAIL, 0, act))
	sz := m.put(0x4000, []byte{80, 0, 24, 0, 64, 0})
	assert.Equal(t, "seccomp(SECCOMP_GET_NOTIF_SIZES, 0, {seccomp_notif=80, seccomp_notif_resp=24, seccomp_data=64}) = 0",
		decodeLine(t, d, unix.SYS_SECCOMP, 0, unix.SECCOMP_GET_NOTIF_SIZES, 0, sz))
	assert.Equal(t, "seccomp(SECCOMP_GET_NOTIF_SIZES, 0x1, 0x4000) = -1 EINVAL (Invalid argument)",
		decodeLine(t, d, unix.SYS_SECCOMP, -22, unix.SECCOMP_GET_NOTIF_SIZES, 1, sz))
	d.Opts.Style = format.Verbose
	assert.Equal(t, "seccomp(0x2 /* SECCOMP_GET_ACTION_AVAIL */, 0, [0x7ffc0000 /* SECCOMP_RET_LOG */]) = 0",
		decodeLine(t, d, unix.SYS_SECCOMP, 0, unix.SECCOMP_GET_ACTION_AVAIL, 0, act))
}

func TestPtraceCall(t *testing.T) {
	m := newFakeMem()
	d := testDecoder(m)
	const pid = 999999
	word := m.put(0x1000, []byte{0x34, 0x12, 0, 0, 0, 0, 0, 0})
	assert.Equal(t, "ptrace(PTRACE_TRACEME) = -1 EPERM (Operation not permitted)",
		decodeLine(t, d, unix.SYS_PTRACE, -1, unix.PTRACE_TRACEME, 5, 6, 7))
	assert.Equal(t, "ptrace(PTRACE_ATTACH, 999999) = -1 ESRCH (No such process)",
		decodeLine(t, d, unix.SYS_PTRACE, -3, unix.PTRACE_ATTACH, pid, 6, 7))
	assert.Equal(t, "ptrace(PTRACE_PEEKDATA, 999999, 0x7000, [0x1234]) = 0",
		decodeLine(t, d, unix.SYS_PTRACE, 0, unix.PTRACE_PEEKDATA, pid, 0x7000, word))
	assert.Equal(t, "ptrace(PTRACE_PEEKDATA, 999999, 0x7000, 0x1000) = -1 ESRCH (No such process)",
		decodeLine(t, d, unix.SYS_PTRACE, -3, unix.PTRACE_PEEKDATA, pid, 0x7000, word))
	assert.Equal(t, "ptrace(PTRACE_GETEVENTMSG, 999999, NULL, [4660]) = 0",
		decodeLine(t, d, unix.SYS_PTRACE, 0, unix.PTRACE_GETEVENTMSG, pid, 0, word))
	assert.Equal(t, "ptrace(PTRACE_SEIZE, 999999, NULL, PTRACE_O_TRACESYSGOOD|PTRACE_O_EXITKILL) = 0",
		decodeLine(t, d, unix.SYS_PTRACE, 0, unix.PTRACE_SEIZE, pid, 0, unix.PTRACE_O_TRACESYSGOOD|unix.PTRACE_O_EXITKILL))
	assert.Equal(t, "ptrace(PTRACE_CONT, 999999, NULL, SIGUSR1) = 0",
		decodeLine(t, d, unix.SYS_PTRACE, 0, unix.PTRACE_CONT, pid, 0, uint64(unix.SIGUSR1)))
	assert.Equal(t, "ptrace(PTRACE_GETREGS, 999999, 0x1000) = 0",
		decodeLine(t, d, unix.SYS_PTRACE, 0, unix.PTRACE_GETREGS, pid, 0x10, word))
	assert.Equal(t, "ptrace(PTRACE_PEEKUSER, 999999, 8*R14+1, 0x1000) = -1 ESRCH (No such process)",
		decodeLine(t, d, unix.SYS_PTRACE, -3, unix.PTRACE_PEEKUSR, pid, 9, word))
	assert.Equal(t, "ptrace(PTRACE_PEEKUSER, 999999, offsetof(struct user, i387)+32, 0x1000) = -1 ESRCH (No such process)",
		decodeLine(t, d, unix.SYS_PTRACE, -3, unix.PTRACE_PEEKUSR, pid, 256, word))
	assert.Equal(t, "ptrace(PTRACE_PEEKUSER, 999999, sizeof(struct user), 0x1000) = -1 ESRCH (No such process)",
		decodeLine(t, d, unix.SYS_PTRACE, -3, unix.PTRACE_PEEKUSR, pid, 912, word))
	assert.Equal(t, "ptrace(PTRACE_PEEKUSER, 999999, 0x391, 0x1000) = -1 ESRCH (No such process)",
		decodeLine(t, d, unix.SYS_PTRACE, -3, unix.PTRACE_PEEKUSR, pid, 913, word))
	iov := make([]byte, 16)
	binary.LittleEndian.PutUint64(iov[8:], 7)
	ia := m.put(0x2000, iov)
	assert.Equal(t, "ptrace(PTRACE_GETREGSET, 999999, NT_PRSTATUS, {iov_base=NULL, iov_len=7}) = -1 ESRCH (No such process)",
		decodeLine(t, d, unix.SYS_PTRACE, -3, unix.PTRACE_GETREGSET, pid, unix.NT_PRSTATUS, ia))
	assert.Equal(t, "ptrace(PTRACE_GETREGSET, 999999, 0x999 /* NT_??? */, 0x1) = -1 ESRCH (No such process)",
		decodeLine(t, d, unix.SYS_PTRACE, -3, unix.PTRACE_GETREGSET, pid, 0x999, 1))
	set := m.put(0x3000, []byte{0, 8, 0, 0, 0, 0, 0, 0})
	assert.Equal(t, "ptrace(PTRACE_SETSIGMASK, 999999, 8, [USR2]) = 0",
		decodeLine(t, d, unix.SYS_PTRACE, 0, unix.PTRACE_SETSIGMASK, pid, 8, set))
	assert.Equal(t, "ptrace(PTRACE_GETSIGMASK, 999999, 8, [USR2]) = 0",
		decodeLine(t, d, unix.SYS_PTRACE, 0, unix.PTRACE_GETSIGMASK, pid, 8, set))
	psi := m.put(0x4000, []byte{0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0})
	assert.Equal(t, "ptrace(PTRACE_PEEKSIGINFO, 999999, {off=0, flags=PTRACE_PEEKSIGINFO_SHARED, nr=1}, 0x5000) = -1 ESRCH (No such process)",
		decodeLine(t, d, unix.SYS_PTRACE, -3, unix.PTRACE_PEEKSIGINFO, pid, psi, 0x5000))
	assert.Equal(t, "ptrace(PTRACE_PEEKSIGINFO, 999999, 0x1, 0x5000) = -1 ESRCH (No such process)",
		decodeLine(t, d, unix.SYS_PTRACE, -3, unix.PTRACE_PEEKSIGINFO, pid, 1, 0x5000))
	assert.Equal(t, "ptrace(0x9999 /* PTRACE_??? */, 999999, NULL, NULL) = -1 EIO (Input/output error)",
		decodeLine(t, d, unix.SYS_PTRACE, -5, 0x9999, pid, 0, 0))
	// An interrupted PEEKDATA stops before data.
	c := &Call{Nr: unix.SYS_PTRACE, Args: [6]uint64{unix.PTRACE_PEEKDATA, pid, 0x7000, word}}
	assert.Equal(t, "ptrace(PTRACE_PEEKDATA, 999999, 0x7000", string(d.Enter(nil, c)))
	d.Opts.Style = format.Verbose
	assert.Equal(t, "ptrace(0x3 /* PTRACE_PEEKUSER */, 999999, NULL /* 8*R15 */, 0x1000) = -1 ESRCH (No such process)",
		decodeLine(t, d, unix.SYS_PTRACE, -3, unix.PTRACE_PEEKUSR, pid, 0, word))
	d.Opts.Style = format.Raw
	assert.Equal(t, "ptrace(0x3, 999999, 0x9, 0x1000) = -1 ESRCH (No such process)",
		decodeLine(t, d, unix.SYS_PTRACE, -3, unix.PTRACE_PEEKUSR, pid, 9, word))
}
