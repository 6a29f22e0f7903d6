package syscalls

import (
	"encoding/binary"
	"testing"

	"github.com/stretchr/testify/assert"
	"golang.org/x/sys/unix"

	"github.com/gotrace/gotrace/format"
)

// u32s lays out 32-bit words little-endian, as the tracee stores them.
func u32s(v ...uint32) []byte {
	b := make([]byte, 4*len(v))
	for i, x := range v {
		binary.LittleEndian.PutUint32(b[4*i:], x)
	}
	return b
}

func TestCreds(t *testing.T) {
	m := newFakeMem()
	zero := m.put(0x1000, u32s(0))
	unset := m.put(0x1100, u32s(^uint32(0)))
	big := m.put(0x1200, u32s(4294967294))
	groups := m.put(0x2000, u32s(0, 33))
	many := make([]uint32, 40)
	for i := range many {
		many[i] = uint32(1000 + i)
	}
	manyp := m.put(0x3000, u32s(many...))
	d := testDecoder(m)

	assert.Equal(t, `setuid(0) = 0`, decodeLine(t, d, unix.SYS_SETUID, 0, 0))
	assert.Equal(t, `setuid(-1) = -1 EINVAL (Invalid argument)`,
		decodeLine(t, d, unix.SYS_SETUID, -22, 0xffffffff))
	// The upper half of the register is not the uid's.
	assert.Equal(t, `setgid(33) = 0`, decodeLine(t, d, unix.SYS_SETGID, 0, 0xdead00000021))
	assert.Equal(t, `setreuid(-1, 1000) = 0`, decodeLine(t, d, unix.SYS_SETREUID, 0, 0xffffffff, 1000))
	assert.Equal(t, `setresgid(-1, -1, 4294967294) = 0`,
		decodeLine(t, d, unix.SYS_SETRESGID, 0, 0xffffffff, 0xffffffff, 0xfffffffe))
	assert.Equal(t, `setfsuid(-1) = 0`, decodeLine(t, d, unix.SYS_SETFSUID, 0, 0xffffffff))

	assert.Equal(t, `getresuid([0], [-1], [4294967294]) = 0`,
		decodeLine(t, d, unix.SYS_GETRESUID, 0, zero, unset, big))
	// Unreadable and NULL pointers; all bare once the call failed.
	assert.Equal(t, `getresgid([0], 0x8, NULL) = 0`,
		decodeLine(t, d, unix.SYS_GETRESGID, 0, zero, 8, 0))
	assert.Equal(t, `getresgid(0x1000, 0x8, NULL) = -1 EFAULT (Bad address)`,
		decodeLine(t, d, unix.SYS_GETRESGID, -14, zero, 8, 0))

	assert.Equal(t, `getgroups(0, NULL) = 2`, decodeLine(t, d, unix.SYS_GETGROUPS, 2, 0, 0))
	assert.Equal(t, `getgroups(64, [0, 33]) = 2`, decodeLine(t, d, unix.SYS_GETGROUPS, 2, 64, groups))
	assert.Equal(t, `getgroups(64, []) = 0`, decodeLine(t, d, unix.SYS_GETGROUPS, 0, 64, groups))
	assert.Equal(t, `getgroups(-1, 0x2000) = -1 EINVAL (Invalid argument)`,
		decodeLine(t, d, unix.SYS_GETGROUPS, -22, 0xffffffff, groups))
	assert.Equal(t, `getgroups(64, 0x8) = 2`, decodeLine(t, d, unix.SYS_GETGROUPS, 2, 64, 8))
	assert.Equal(t, `setgroups(2, [0, 33]) = 0`, decodeLine(t, d, unix.SYS_SETGROUPS, 0, 2, groups))
	assert.Equal(t, `setgroups(1, 0x8) = -1 EFAULT (Bad address)`,
		decodeLine(t, d, unix.SYS_SETGROUPS, -14, 1, 8))
	// Counts beyond NGROUPS_MAX (or negative) are never read.
	assert.Equal(t, `setgroups(70000, 0x3000) = -1 EINVAL (Invalid argument)`,
		decodeLine(t, d, unix.SYS_SETGROUPS, -22, 70000, manyp))
	assert.Equal(t, `setgroups(-1, 0x3000) = -1 EINVAL (Invalid argument)`,
		decodeLine(t, d, unix.SYS_SETGROUPS, -22, 0xffffffff, manyp))
	// A count within NGROUPS_MAX but past the readable memory.
	assert.Equal(t, `setgroups(65536, [0, 33, ... /* 0x2008 */]) = -1 EFAULT (Bad address)`,
		decodeLine(t, d, unix.SYS_SETGROUPS, -14, 65536, groups))
	// Bounded by -s elements, unless -v.
	line := decodeLine(t, d, unix.SYS_SETGROUPS, 0, 40, manyp)
	assert.Contains(t, line, `setgroups(40, [1000, 1001, `)
	assert.Contains(t, line, `, 1031, ...]) = 0`)
	d.Opts.Verbose = true
	assert.Contains(t, decodeLine(t, d, unix.SYS_SETGROUPS, 0, 40, manyp), `, 1038, 1039]) = 0`)
	d.Opts.Verbose = false
}

func TestMknodChrootPersonality(t *testing.T) {
	m := newFakeMem()
	path := m.put(0x1000, []byte("fifo.tmp\x00"))
	d := testDecoder(m)
	assert.Equal(t, `mknod("fifo.tmp", S_IFIFO|0644) = 0`,
		decodeLine(t, d, unix.SYS_MKNOD, 0, path, unix.S_IFIFO|0o644, 0))
	assert.Equal(t, `mknodat(AT_FDCWD, "fifo.tmp", S_IFCHR|0600, makedev(0x1, 0x3)) = 0`,
		decodeLine(t, d, unix.SYS_MKNODAT, 0, uint64(0xffffffffffffff9c), path, unix.S_IFCHR|0o600, unix.Mkdev(1, 3)))
	assert.Equal(t, `mknod("fifo.tmp", S_IFBLK|S_ISUID|0640, makedev(0x103, 0x10007)) = 0`,
		decodeLine(t, d, unix.SYS_MKNOD, 0, path, unix.S_IFBLK|unix.S_ISUID|0o640, unix.Mkdev(259, 65543)))
	assert.Equal(t, `mknod("fifo.tmp", 0644) = 0`, decodeLine(t, d, unix.SYS_MKNOD, 0, path, 0o644, 5))
	assert.Equal(t, `mknod("fifo.tmp", 0170644) = -1 EINVAL (Invalid argument)`,
		decodeLine(t, d, unix.SYS_MKNOD, -22, path, 0o170644, 0))
	assert.Equal(t, `mknod(0x8, S_IFIFO|0600) = -1 EFAULT (Bad address)`,
		decodeLine(t, d, unix.SYS_MKNOD, -14, 8, 0xffff0000|unix.S_IFIFO|0o600, 0))
	assert.Equal(t, `chroot("fifo.tmp") = 0`, decodeLine(t, d, unix.SYS_CHROOT, 0, path))
	assert.Equal(t, `syncfs(3) = 0`, decodeLine(t, d, unix.SYS_SYNCFS, 0, 3))
	assert.Equal(t, `readahead(-1, -5, 100) = -1 EBADF (Bad file descriptor)`,
		decodeLine(t, d, unix.SYS_READAHEAD, -9, 0xffffffff, uint64(0xfffffffffffffffb), 100))

	assert.Equal(t, `personality(0xffffffff) = 0 (PER_LINUX)`,
		decodeLine(t, d, unix.SYS_PERSONALITY, 0, 0xffffffff))
	assert.Equal(t, `personality(PER_LINUX|ADDR_NO_RANDOMIZE|READ_IMPLIES_EXEC) = 0x80000006 (PER_BSD|0x80000000)`,
		decodeLine(t, d, unix.SYS_PERSONALITY, 0x80000006, 0x440000))
	assert.Equal(t, `personality(0x34 /* PER_??? */|0x1200) = -1 EPERM (Operation not permitted)`,
		decodeLine(t, d, unix.SYS_PERSONALITY, -1, 0x1234))

	d.Opts.Style = format.Raw
	assert.Equal(t, `mknodat(-100, "fifo.tmp", 020600, 0x103) = 0`,
		decodeLine(t, d, unix.SYS_MKNODAT, 0, uint64(0xffffffffffffff9c), path, unix.S_IFCHR|0o600, unix.Mkdev(1, 3)))
	assert.Equal(t, `personality(0|0x440000) = 0x1234 (0x34|0x1200)`,
		decodeLine(t, d, unix.SYS_PERSONALITY, 0x1234, 0x440000))
	d.Opts.Style = format.Verbose
	assert.Equal(t, `mknod("fifo.tmp", 010644 /* S_IFIFO|0644 */) = 0`,
		decodeLine(t, d, unix.SYS_MKNOD, 0, path, unix.S_IFIFO|0o644, 0))
	assert.Equal(t, `personality(0x6 /* PER_BSD */|0x80000000) = 0x440000 (0 /* PER_LINUX */|0x440000 /* ADDR_NO_RANDOMIZE|READ_IMPLIES_EXEC */)`,
		decodeLine(t, d, unix.SYS_PERSONALITY, 0x440000, 0x80000006))
}

func TestSched(t *testing.T) {
	m := newFakeMem()
	param := m.put(0x1000, u32s(5))
	ts := m.put(0x2000, make([]byte, 16))
	cpu := m.put(0x3000, u32s(3, 0))
	d := testDecoder(m)

	assert.Equal(t, `getpriority(PRIO_PROCESS, 0) = 20`, decodeLine(t, d, unix.SYS_GETPRIORITY, 20, 0, 0))
	assert.Equal(t, `getpriority(0x63 /* PRIO_??? */, 0) = -1 EINVAL (Invalid argument)`,
		decodeLine(t, d, unix.SYS_GETPRIORITY, -22, 99, 0))
	assert.Equal(t, `setpriority(PRIO_USER, 1000, -5) = 0`,
		decodeLine(t, d, unix.SYS_SETPRIORITY, 0, unix.PRIO_USER, 1000, 0xfffffffb))

	assert.Equal(t, `sched_getscheduler(0) = 0 (SCHED_OTHER)`, decodeLine(t, d, unix.SYS_SCHED_GETSCHEDULER, 0, 0))
	assert.Equal(t, `sched_getscheduler(-1) = -1 EINVAL (Invalid argument)`,
		decodeLine(t, d, unix.SYS_SCHED_GETSCHEDULER, -22, 0xffffffff))
	// A policy with SCHED_RESET_ON_FORK has no name.
	assert.Equal(t, `sched_getscheduler(0) = 1073741827`,
		decodeLine(t, d, unix.SYS_SCHED_GETSCHEDULER, 0x40000003, 0))
	assert.Equal(t, `sched_setscheduler(0, SCHED_FIFO, [5]) = 0`,
		decodeLine(t, d, unix.SYS_SCHED_SETSCHEDULER, 0, 0, unix.SCHED_FIFO, param))
	assert.Equal(t, `sched_setscheduler(-1, 0x40000003 /* SCHED_??? */, NULL) = -1 EINVAL (Invalid argument)`,
		decodeLine(t, d, unix.SYS_SCHED_SETSCHEDULER, -22, 0xffffffff, 0x40000003, 0))
	assert.Equal(t, `sched_getparam(0, [5]) = 0`, decodeLine(t, d, unix.SYS_SCHED_GETPARAM, 0, 0, param))
	assert.Equal(t, `sched_getparam(0, 0x1000) = -1 ESRCH (No such process)`,
		decodeLine(t, d, unix.SYS_SCHED_GETPARAM, -3, 0, param))
	assert.Equal(t, `sched_setparam(0, 0x8) = -1 EFAULT (Bad address)`,
		decodeLine(t, d, unix.SYS_SCHED_SETPARAM, -14, 0, 8))
	assert.Equal(t, `sched_get_priority_max(SCHED_IDLE) = 0`,
		decodeLine(t, d, unix.SYS_SCHED_GET_PRIORITY_MAX, 0, unix.SCHED_IDLE))
	assert.Equal(t, `sched_get_priority_min(0x4d /* SCHED_??? */) = -1 EINVAL (Invalid argument)`,
		decodeLine(t, d, unix.SYS_SCHED_GET_PRIORITY_MIN, -22, 77))
	assert.Equal(t, `sched_rr_get_interval(0, {tv_sec=0, tv_nsec=0}) = 0`,
		decodeLine(t, d, unix.SYS_SCHED_RR_GET_INTERVAL, 0, 0, ts))
	assert.Equal(t, `sched_rr_get_interval(-1, 0x2000) = -1 EINVAL (Invalid argument)`,
		decodeLine(t, d, unix.SYS_SCHED_RR_GET_INTERVAL, -22, 0xffffffff, ts))

	assert.Equal(t, `getcpu([3], [0], NULL) = 0`, decodeLine(t, d, unix.SYS_GETCPU, 0, cpu, cpu+4, 0))
	assert.Equal(t, `getcpu(0x8, NULL, 0x10) = 0`, decodeLine(t, d, unix.SYS_GETCPU, 0, 8, 0, 16))
	assert.Equal(t, `getcpu(0x3000, 0x3004, 0x10) = -1 EFAULT (Bad address)`,
		decodeLine(t, d, unix.SYS_GETCPU, -14, cpu, cpu+4, 16))

	d.Opts.Style = format.Raw
	assert.Equal(t, `sched_setscheduler(0, 0, [5]) = 0`,
		decodeLine(t, d, unix.SYS_SCHED_SETSCHEDULER, 0, 0, 0, param))
	assert.Equal(t, `sched_getscheduler(0) = 0 (SCHED_OTHER)`, decodeLine(t, d, unix.SYS_SCHED_GETSCHEDULER, 0, 0))
	assert.Equal(t, `getpriority(0, 0) = 20`, decodeLine(t, d, unix.SYS_GETPRIORITY, 20, 0, 0))
	d.Opts.Style = format.Verbose
	assert.Equal(t, `sched_get_priority_max(0x1 /* SCHED_FIFO */) = 99`,
		decodeLine(t, d, unix.SYS_SCHED_GET_PRIORITY_MAX, 99, unix.SCHED_FIFO))
	assert.Equal(t, `setpriority(0x1 /* PRIO_PGRP */, 0, 0) = 0`,
		decodeLine(t, d, unix.SYS_SETPRIORITY, 0, unix.PRIO_PGRP, 0, 0))
}
