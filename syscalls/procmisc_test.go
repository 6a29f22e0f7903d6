package syscalls

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"golang.org/x/sys/unix"

	"github.com/gotrace/gotrace/format"
)

func TestIoprio(t *testing.T) {
	d := testDecoder(newFakeMem())
	assert.Equal(t, `ioprio_get(IOPRIO_WHO_PGRP, 0) = 16388 (IOPRIO_PRIO_VALUE(IOPRIO_CLASS_BE, 4))`,
		decodeLine(t, d, unix.SYS_IOPRIO_GET, 16388, 2, 0))
	assert.Equal(t, `ioprio_get(0x7 /* IOPRIO_WHO_??? */, 0) = -1 EINVAL (Invalid argument)`,
		decodeLine(t, d, unix.SYS_IOPRIO_GET, -22, 7, 0))
	assert.Equal(t, `ioprio_set(IOPRIO_WHO_PROCESS, 0, IOPRIO_PRIO_VALUE(0x7ffff /* IOPRIO_CLASS_??? */, 8191)) = -1 EINVAL (Invalid argument)`,
		decodeLine(t, d, unix.SYS_IOPRIO_SET, -22, 1, 0, 0xffffffff))
	d.Opts.Style = format.Verbose
	assert.Equal(t, `ioprio_set(0x3 /* IOPRIO_WHO_USER */, -1, 8201 /* IOPRIO_PRIO_VALUE(0x1 /* IOPRIO_CLASS_RT */, 9) */) = 0`,
		decodeLine(t, d, unix.SYS_IOPRIO_SET, 0, 3, 0xffffffff, 8201))
	assert.Equal(t, `ioprio_get(0x1 /* IOPRIO_WHO_PROCESS */, 0) = 0 (IOPRIO_PRIO_VALUE(0 /* IOPRIO_CLASS_NONE */, 0))`,
		decodeLine(t, d, unix.SYS_IOPRIO_GET, 0, 1, 0))
	d.Opts.Style = format.Raw
	assert.Equal(t, `ioprio_get(0x1, 0) = 24576`, decodeLine(t, d, unix.SYS_IOPRIO_GET, 24576, 1, 0))
	assert.Equal(t, `ioprio_set(0x1, 0, -1) = 0`, decodeLine(t, d, unix.SYS_IOPRIO_SET, 0, 1, 0, 0xffffffff))
}

func TestKcmpAndPidfd(t *testing.T) {
	m := newFakeMem()
	slot := m.put(0x1000, []byte{6, 0, 0, 0, 3, 0, 0, 0, 1, 0, 0, 0})
	d := testDecoder(m)
	assert.Equal(t, `kcmp(10, 10, KCMP_FILE, 3, 5) = 0`, decodeLine(t, d, unix.SYS_KCMP, 0, 10, 10, 0, 3, 5))
	assert.Equal(t, `kcmp(10, 11, KCMP_SYSVSEM) = 1`, decodeLine(t, d, unix.SYS_KCMP, 1, 10, 11, 6, 3, 5))
	assert.Equal(t, `kcmp(10, 10, KCMP_EPOLL_TFD, 5, {efd=6, tfd=3, toff=1}) = 0`,
		decodeLine(t, d, unix.SYS_KCMP, 0, 10, 10, 7, 5, slot))
	assert.Equal(t, `kcmp(10, 10, KCMP_EPOLL_TFD, 5, 0x1004) = -1 EFAULT (Bad address)`,
		decodeLine(t, d, unix.SYS_KCMP, -14, 10, 10, 7, 5, slot+4))
	assert.Equal(t, `kcmp(-1, 0, 0x63 /* KCMP_??? */, 0, 0xffffffffffffffff) = -1 ESRCH (No such process)`,
		decodeLine(t, d, unix.SYS_KCMP, -3, 0xffffffff, 0, 99, 0, ^uint64(0)))
	assert.Equal(t, `setns(-1, CLONE_NEWPID|CLONE_NEWNET) = -1 EBADF (Bad file descriptor)`,
		decodeLine(t, d, unix.SYS_SETNS, -9, 0xffffffff, 0xffffffff60000000))
	assert.Equal(t, `setns(3, 0x1 /* CLONE_NEW??? */) = -1 EINVAL (Invalid argument)`,
		decodeLine(t, d, unix.SYS_SETNS, -22, 3, 1))
	assert.Equal(t, `process_mrelease(7, 0x11) = -1 EINVAL (Invalid argument)`,
		decodeLine(t, d, unix.SYS_PROCESS_MRELEASE, -22, 7, 0x11))
	// targetfd is decorated only when the pidfd is one.
	d.Opts.FdPath = func(fd int) string {
		return map[int]string{7: "anon_inode:[pidfd]", 3: "pipe:[1]", 4: "pipe:[2]", 8: "pipe:[2]"}[fd]
	}
	assert.Equal(t, `pidfd_getfd(7<anon_inode:[pidfd]>, 4<pipe:[2]>, 0) = 8<pipe:[2]>`,
		decodeLine(t, d, unix.SYS_PIDFD_GETFD, 8, 7, 4, 0))
	assert.Equal(t, `pidfd_getfd(3<pipe:[1]>, 4, 0x10) = -1 EBADF (Bad file descriptor)`,
		decodeLine(t, d, unix.SYS_PIDFD_GETFD, -9, 3, 4, 0x10))
}

func TestProcessVM(t *testing.T) {
	m := newFakeMem()
	src := m.put(0x1000, []byte("process_vm data: 0123456789"))
	dst := m.put(0x2000, []byte("process_vm data: 0123456789"))
	local := m.put(0x3000, iovecs(dst, 8, dst+8, 64))
	remote := m.put(0x4000, iovecs(src, 20))
	d := testDecoder(m)
	assert.Equal(t, `process_vm_readv(10, [{iov_base="process_", iov_len=8}, {iov_base="vm data: 012", iov_len=64}], 2, [{iov_base=0x1000, iov_len=20}], 1, 0) = 20`,
		decodeLine(t, d, unix.SYS_PROCESS_VM_READV, 20, 10, local, 2, remote, 1, 0))
	assert.Equal(t, `process_vm_readv(10, [{iov_base=0x2000, iov_len=8}, {iov_base=0x2008, iov_len=64}], 2, 0x8, 1, 1) = -1 EINVAL (Invalid argument)`,
		decodeLine(t, d, unix.SYS_PROCESS_VM_READV, -22, 10, local, 2, 8, 1, 1))
	// The pid's separator is printed at entry, the rest at exit.
	c := &Call{Nr: unix.SYS_PROCESS_VM_READV, Args: [6]uint64{10, local, 2, remote, 1, 0}}
	assert.Equal(t, `process_vm_readv(10, `, string(d.Enter(nil, c)))
	assert.Equal(t, `process_vm_writev(10, [{iov_base="process_", iov_len=8}], 1, [{iov_base=0x1000, iov_len=20}], 1, 255) = -1 EINVAL (Invalid argument)`,
		decodeLine(t, d, unix.SYS_PROCESS_VM_WRITEV, -22, 10, local, 1, remote, 1, 255))
	assert.Equal(t, `process_madvise(7, [{iov_base=0x2008, iov_len=64}, ... /* 0x3020 */], 3, 0x3e7 /* MADV_??? */, 0x5) = -1 EINVAL (Invalid argument)`,
		decodeLine(t, d, unix.SYS_PROCESS_MADVISE, -22, 7, local+16, 3, 999, 5))
}
