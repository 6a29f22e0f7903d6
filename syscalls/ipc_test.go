package syscalls

import (
	"encoding/binary"
	"strings"
	"testing"

	"github.com/gotrace/gotrace/format"
	"github.com/stretchr/testify/assert"
	"golang.org/x/sys/unix"
)

// ipcPermBytes is a struct ipc64_perm.
func ipcPermBytes(key, uid, gid uint32, mode uint32) []byte {
	b := make([]byte, ipcPermSize)
	binary.LittleEndian.PutUint32(b[0:], key)
	binary.LittleEndian.PutUint32(b[4:], uid)
	binary.LittleEndian.PutUint32(b[8:], gid)
	binary.LittleEndian.PutUint32(b[12:], uid)
	binary.LittleEndian.PutUint32(b[16:], gid)
	binary.LittleEndian.PutUint32(b[20:], mode)
	return b
}

func TestIPCShm(t *testing.T) {
	m := newFakeMem()
	d := testDecoder(m)
	assert.Equal(t, "shmget(IPC_PRIVATE, 4096, IPC_CREAT|0600) = 0",
		decodeLine(t, d, unix.SYS_SHMGET, 0, 0, 4096, unix.IPC_CREAT|0o600))
	assert.Equal(t, "shmget(0x1234, 4096, 000) = -1 ENOENT (No such file or directory)",
		decodeLine(t, d, unix.SYS_SHMGET, -2, 0x1234, 4096, 0))
	huge := uint64(unix.IPC_CREAT | shmHugetlb | 21<<shmHugeShift | 0o644)
	assert.Equal(t, "shmget(0x1234, 4096, IPC_CREAT|SHM_HUGETLB|21<<SHM_HUGE_SHIFT|0644) = 2",
		decodeLine(t, d, unix.SYS_SHMGET, 2, 0x1234, 4096, huge))
	assert.Equal(t, "shmget(0x1234, 4096, 30<<SHM_HUGE_SHIFT|0600) = 2",
		decodeLine(t, d, unix.SYS_SHMGET, 2, 0x1234, 4096, 30<<shmHugeShift|0o600))
	assert.Equal(t, "shmat(0, NULL, SHM_RDONLY) = 0x7f0000001000",
		decodeLine(t, d, unix.SYS_SHMAT, 0x7f0000001000, 0, 0, unix.SHM_RDONLY))
	assert.Equal(t, "shmat(2147483647, NULL, SHM_RND|SHM_EXEC|0x1) = -1 EINVAL (Invalid argument)",
		decodeLine(t, d, unix.SYS_SHMAT, -22, 0x7fffffff, 0, unix.SHM_RND|shmExec|1))
	assert.Equal(t, "shmdt(0x7f0000001000) = 0", decodeLine(t, d, unix.SYS_SHMDT, 0, 0x7f0000001000))

	ds := make([]byte, shmidDsSize)
	copy(ds, ipcPermBytes(0, 0, 0, 0o600))
	binary.LittleEndian.PutUint64(ds[48:], 4096)
	binary.LittleEndian.PutUint64(ds[56:], 1700000000)
	binary.LittleEndian.PutUint64(ds[72:], 1700000001)
	binary.LittleEndian.PutUint32(ds[80:], 1234)
	binary.LittleEndian.PutUint32(ds[84:], 1235)
	binary.LittleEndian.PutUint64(ds[88:], 1)
	a := m.put(0x1000, ds)
	assert.Equal(t, "shmctl(0, IPC_STAT, {shm_perm={uid=0, gid=0, mode=0600, key=0, cuid=0, cgid=0}, shm_segsz=4096, shm_cpid=1234, shm_lpid=1235, shm_nattch=1, shm_atime=1700000000, shm_dtime=0, shm_ctime=1700000001}) = 0",
		decodeLine(t, d, unix.SYS_SHMCTL, 0, 0, unix.IPC_STAT, a))
	assert.Equal(t, "shmctl(0, IPC_64|IPC_STAT, 0x1000) = -1 EINVAL (Invalid argument)",
		decodeLine(t, d, unix.SYS_SHMCTL, -22, 0, unix.IPC_STAT|ipc64, a))
	assert.Equal(t, "shmctl(0, IPC_SET, {shm_perm={uid=0, gid=0, mode=0600}}) = 0",
		decodeLine(t, d, unix.SYS_SHMCTL, 0, 0, unix.IPC_SET, a))
	assert.Equal(t, "shmctl(0, IPC_RMID, NULL) = 0", decodeLine(t, d, unix.SYS_SHMCTL, 0, 0, unix.IPC_RMID, 0))
	assert.Equal(t, "shmctl(0, 0x63 /* SHM_??? */, 0x1000) = -1 EINVAL (Invalid argument)",
		decodeLine(t, d, unix.SYS_SHMCTL, -22, 0, 99, a))
	// Unreadable and short: the address.
	assert.Equal(t, "shmctl(0, IPC_STAT, 0x1) = 0", decodeLine(t, d, unix.SYS_SHMCTL, 0, 0, unix.IPC_STAT, 1))
	short := m.put(0x5000, ds[:100])
	assert.Equal(t, "shmctl(0, IPC_SET, 0x5000) = 0", decodeLine(t, d, unix.SYS_SHMCTL, 0, 0, unix.IPC_SET, short))
	info := make([]byte, shminfoSize)
	for k := 0; k < 5; k++ {
		binary.LittleEndian.PutUint64(info[8*k:], uint64(k+1))
	}
	ia := m.put(0x2000, info)
	assert.Equal(t, "shmctl(0, IPC_INFO, {shmmax=1, shmmin=2, shmmni=3, shmseg=4, shmall=5}) = 1",
		decodeLine(t, d, unix.SYS_SHMCTL, 1, 0, ipcInfo, ia))
	assert.Equal(t, "shmctl(0, SHM_INFO, {used_ids=1, shm_tot=2, shm_rss=3, shm_swp=4, swap_attempts=5, swap_successes=0}) = 1",
		decodeLine(t, d, unix.SYS_SHMCTL, 1, 0, shmInfo, ia))

	// An interrupted call shows what strace shows at entry.
	c := &Call{Nr: unix.SYS_SHMCTL, Args: [6]uint64{0, unix.IPC_STAT, a}}
	assert.Equal(t, "shmctl(0, IPC_STAT", string(d.Enter(nil, c)))
	c = &Call{Nr: unix.SYS_SHMCTL, Args: [6]uint64{0, unix.IPC_RMID, 0}}
	assert.Equal(t, "shmctl(0, IPC_RMID, NULL", string(d.Enter(nil, c)))

	d.Opts.Style = format.Raw
	assert.Equal(t, "shmget(0, 4096, 0xa00|21<<26|0644) = 2", decodeLine(t, d, unix.SYS_SHMGET, 2, 0, 4096, huge))
	assert.Equal(t, "shmctl(0, 0x100|0x2, 0x1000) = -1 EINVAL (Invalid argument)",
		decodeLine(t, d, unix.SYS_SHMCTL, -22, 0, unix.IPC_STAT|ipc64, a))
	d.Opts.Style = format.Verbose
	assert.Equal(t, "shmget(0 /* IPC_PRIVATE */, 4096, 0xa00 /* IPC_CREAT|SHM_HUGETLB */|21<<26 /* SHM_HUGE_SHIFT */|0644) = 2",
		decodeLine(t, d, unix.SYS_SHMGET, 2, 0, 4096, huge))
	assert.Equal(t, "shmctl(0, 0x100 /* IPC_64 */|0x2 /* IPC_STAT */, 0x1000) = -1 EINVAL (Invalid argument)",
		decodeLine(t, d, unix.SYS_SHMCTL, -22, 0, unix.IPC_STAT|ipc64, a))
}

func sembuf(num uint16, op int16, flg uint16) []byte {
	b := make([]byte, sembufSize)
	binary.LittleEndian.PutUint16(b, num)
	binary.LittleEndian.PutUint16(b[2:], uint16(op))
	binary.LittleEndian.PutUint16(b[4:], flg)
	return b
}

func TestIPCSem(t *testing.T) {
	m := newFakeMem()
	d := testDecoder(m)
	assert.Equal(t, "semget(IPC_PRIVATE, 2, IPC_CREAT|0600) = 0",
		decodeLine(t, d, unix.SYS_SEMGET, 0, 0, 2, unix.IPC_CREAT|0o600))
	assert.Equal(t, "semget(0x5678, -1, IPC_CREAT|000) = -1 EINVAL (Invalid argument)",
		decodeLine(t, d, unix.SYS_SEMGET, -22, 0x5678, 0xffffffff, unix.IPC_CREAT))
	sops := m.put(0x1000, append(sembuf(0, 1, unix.IPC_NOWAIT), sembuf(1, -1, semUndo|unix.IPC_NOWAIT)...))
	assert.Equal(t, "semop(0, [{sem_num=0, sem_op=1, sem_flg=IPC_NOWAIT}, {sem_num=1, sem_op=-1, sem_flg=SEM_UNDO|IPC_NOWAIT}], 2) = 0",
		decodeLine(t, d, unix.SYS_SEMOP, 0, 0, sops, 2))
	assert.Equal(t, "semop(0, 0x1, 2) = -1 EFAULT (Bad address)", decodeLine(t, d, unix.SYS_SEMOP, -14, 0, 1, 2))
	assert.Equal(t, "semop(0, [], 0) = -1 EINVAL (Invalid argument)", decodeLine(t, d, unix.SYS_SEMOP, -22, 0, sops, 0))
	// A count beyond the memory: what is readable, then where it ends.
	assert.Equal(t, "semop(0, [{sem_num=0, sem_op=1, sem_flg=IPC_NOWAIT}, {sem_num=1, sem_op=-1, sem_flg=SEM_UNDO|IPC_NOWAIT}, ... /* 0x100c */], 3) = -1 EFAULT (Bad address)",
		decodeLine(t, d, unix.SYS_SEMOP, -14, 0, sops, 3))
	// An absurd count is cut at -s elements.
	many := make([]byte, 40*sembufSize)
	m.put(0x4000, many)
	out := decodeLine(t, d, unix.SYS_SEMOP, -7, 0, 0x4000, 40)
	assert.Equal(t, 32, strings.Count(out, "{sem_num="))
	assert.True(t, strings.HasSuffix(out, ", ...], 40) = -1 E2BIG (Argument list too long)"), out)
	out = decodeLine(t, d, unix.SYS_SEMOP, -7, 0, 0x4000, 0xffffffff)
	assert.True(t, strings.HasSuffix(out, "], 4294967295) = -1 E2BIG (Argument list too long)"), out)
	m.put(0x3000, []byte{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16})
	assert.Equal(t, "semtimedop(0, [{sem_num=0, sem_op=1, sem_flg=IPC_NOWAIT}], 1, {tv_sec=578437695752307201, tv_nsec=1157159078456920585}) = 0",
		decodeLine(t, d, unix.SYS_SEMTIMEDOP, 0, 0, sops, 1, 0x3000))
	assert.Equal(t, "semtimedop(0, [{sem_num=0, sem_op=1, sem_flg=IPC_NOWAIT}], 1, NULL) = 0",
		decodeLine(t, d, unix.SYS_SEMTIMEDOP, 0, 0, sops, 1, 0))

	assert.Equal(t, "semctl(0, 0, GETVAL, NULL) = 3", decodeLine(t, d, unix.SYS_SEMCTL, 3, 0, 0, semGetval, 0))
	assert.Equal(t, "semctl(0, 1, SETVAL, 0x5) = 0", decodeLine(t, d, unix.SYS_SEMCTL, 0, 0, 1, semSetval, 5))
	ds := make([]byte, semidDsSize)
	copy(ds, ipcPermBytes(7, 1000, 1000, 0o640))
	binary.LittleEndian.PutUint64(ds[80:], 2)
	a := m.put(0x2000, ds)
	assert.Equal(t, "semctl(0, 0, IPC_STAT, {sem_perm={uid=1000, gid=1000, mode=0640, key=7, cuid=1000, cgid=1000}, sem_otime=0, sem_ctime=0, sem_nsems=2}) = 0",
		decodeLine(t, d, unix.SYS_SEMCTL, 0, 0, 0, unix.IPC_STAT, a))
	assert.Equal(t, "semctl(0, 0, IPC_STAT, 0x2000) = -1 EACCES (Permission denied)",
		decodeLine(t, d, unix.SYS_SEMCTL, -13, 0, 0, unix.IPC_STAT, a))
	assert.Equal(t, "semctl(0, 0, IPC_SET, {sem_perm={uid=1000, gid=1000, mode=0640}}) = 0",
		decodeLine(t, d, unix.SYS_SEMCTL, 0, 0, 0, unix.IPC_SET, a))
	assert.Equal(t, "semctl(0, 0, SEM_INFO, {semmap=7, semmni=1000, semmns=1000, semmnu=1000, semmsl=1000, semopm=416, semume=0, semusz=0, semvmx=0, semaem=0}) = 0",
		decodeLine(t, d, unix.SYS_SEMCTL, 0, 0, 0, semInfo, a))
	assert.Equal(t, "semctl(0, 0, 0x63 /* SEM_??? */, 0x1234) = -1 EINVAL (Invalid argument)",
		decodeLine(t, d, unix.SYS_SEMCTL, -22, 0, 0, 99, 0x1234))
	d.Opts.Style = format.Raw
	assert.Equal(t, "semop(0, [{sem_num=1, sem_op=-1, sem_flg=0x1800}], 1) = 0",
		decodeLine(t, d, unix.SYS_SEMOP, 0, 0, sops+sembufSize, 1))
	assert.Equal(t, "semget(0, 2, 0x200|0600) = 0", decodeLine(t, d, unix.SYS_SEMGET, 0, 0, 2, unix.IPC_CREAT|0o600))
}

func TestIPCMsg(t *testing.T) {
	m := newFakeMem()
	d := testDecoder(m)
	assert.Equal(t, "msgget(IPC_PRIVATE, IPC_CREAT|0600) = 0", decodeLine(t, d, unix.SYS_MSGGET, 0, 0, unix.IPC_CREAT|0o600))
	assert.Equal(t, "msgget(0x9abc, IPC_CREAT|IPC_EXCL|0x10000|0666) = 1",
		decodeLine(t, d, unix.SYS_MSGGET, 1, 0x9abc, unix.IPC_CREAT|unix.IPC_EXCL|0x10000|0o666))
	msg := make([]byte, 8+40)
	binary.LittleEndian.PutUint64(msg, 7)
	copy(msg[8:], "hello\x00\x01world, and more than thirty-two")
	a := m.put(0x1000, msg)
	assert.Equal(t, `msgsnd(0, {mtype=7, mtext="hello\0\1world"}, 12, 0) = 0`, decodeLine(t, d, unix.SYS_MSGSND, 0, 0, a, 12, 0))
	assert.Equal(t, `msgsnd(0, {mtype=7, mtext="hello\0\1world, and more than thir"...}, 40, IPC_NOWAIT) = 0`,
		decodeLine(t, d, unix.SYS_MSGSND, 0, 0, a, 40, unix.IPC_NOWAIT))
	assert.Equal(t, `msgsnd(0, {mtype=7, mtext=""}, 0, 0) = 0`, decodeLine(t, d, unix.SYS_MSGSND, 0, 0, a, 0, 0))
	assert.Equal(t, "msgsnd(0, NULL, 12, 0) = -1 EFAULT (Bad address)", decodeLine(t, d, unix.SYS_MSGSND, -14, 0, 0, 12, 0))
	assert.Equal(t, "msgsnd(0, 0x1, 12, 0) = -1 EFAULT (Bad address)", decodeLine(t, d, unix.SYS_MSGSND, -14, 0, 1, 12, 0))
	// The header readable, the text not: the text's address.
	hdr := m.put(0x3000, msg[:16])
	assert.Equal(t, "msgsnd(0, {mtype=7, mtext=0x3008}, 100, 0) = 0", decodeLine(t, d, unix.SYS_MSGSND, 0, 0, hdr, 100, 0))
	// Shorter than strace's struct msgbuf: the address.
	tiny := m.put(0x4000, msg[:12])
	assert.Equal(t, "msgsnd(0, 0x4000, 4, 0) = 0", decodeLine(t, d, unix.SYS_MSGSND, 0, 0, tiny, 4, 0))
	// An absurd size reads no more than -s.
	assert.Equal(t, `msgsnd(0, {mtype=7, mtext="hello\0\1world, and more than thir"...}, 18446744073709551615, 0) = -1 EINVAL (Invalid argument)`,
		decodeLine(t, d, unix.SYS_MSGSND, -22, 0, a, ^uint64(0), 0))

	// msgrcv: the message at exit, msgsz bytes of it, as strace 6.1 shows.
	assert.Equal(t, `msgrcv(0, {mtype=7, mtext="hello\0\1world, an"}, 16, 7, IPC_NOWAIT) = 12`,
		decodeLine(t, d, unix.SYS_MSGRCV, 12, 0, a, 16, 7, unix.IPC_NOWAIT))
	assert.Equal(t, "msgrcv(0, 0x1000, 16, -5, MSG_EXCEPT|IPC_NOWAIT) = -1 ENOMSG (No message of desired type)",
		decodeLine(t, d, unix.SYS_MSGRCV, -int64(unix.ENOMSG), 0, a, 16, ^uint64(4), msgExcept|unix.IPC_NOWAIT))
	c := &Call{Nr: unix.SYS_MSGRCV, Args: [6]uint64{3, a, 16, 0, 0}}
	assert.Equal(t, "msgrcv(3", string(d.Enter(nil, c)))

	ds := make([]byte, msqidDsSize)
	copy(ds, ipcPermBytes(0, 0, 0, 0o600))
	binary.LittleEndian.PutUint64(ds[88:], 16384)
	binary.LittleEndian.PutUint32(ds[96:], 42)
	da := m.put(0x2000, ds)
	assert.Equal(t, "msgctl(0, IPC_STAT, {msg_perm={uid=0, gid=0, mode=0600, key=0, cuid=0, cgid=0}, msg_stime=0, msg_rtime=0, msg_ctime=0, msg_qnum=0, msg_qbytes=16384, msg_lspid=42, msg_lrpid=0}) = 0",
		decodeLine(t, d, unix.SYS_MSGCTL, 0, 0, unix.IPC_STAT, da))
	assert.Equal(t, "msgctl(0, IPC_SET, {msg_perm={uid=0, gid=0, mode=0600}, msg_qbytes=16384}) = 0",
		decodeLine(t, d, unix.SYS_MSGCTL, 0, 0, unix.IPC_SET, da))
	assert.Equal(t, "msgctl(0, MSG_INFO, {msgpool=0, msgmap=0, msgmax=0, msgmnb=0, msgmni=0, msgssz=384, msgtql=0, msgseg=0}) = 1",
		decodeLine(t, d, unix.SYS_MSGCTL, 1, 0, msgInfo, da))
	assert.Equal(t, "msgctl(0, MSG_STAT, 0x1) = -1 EFAULT (Bad address)", decodeLine(t, d, unix.SYS_MSGCTL, -14, 0, msgStat, 1))
	d.Opts.Style = format.Verbose
	assert.Equal(t, "msgctl(0, 0 /* IPC_RMID */, NULL) = 0", decodeLine(t, d, unix.SYS_MSGCTL, 0, 0, unix.IPC_RMID, 0))
	assert.Equal(t, `msgrcv(0, {mtype=7, mtext="hello\0\1world, an"}, 16, 7, 0x1800 /* MSG_NOERROR|IPC_NOWAIT */) = 12`,
		decodeLine(t, d, unix.SYS_MSGRCV, 12, 0, a, 16, 7, msgNoerror|unix.IPC_NOWAIT))
}

func mqAttrBytes(flags, maxmsg, msgsize, cur int64) []byte {
	b := make([]byte, mqAttrSize)
	for k, v := range []int64{flags, maxmsg, msgsize, cur} {
		binary.LittleEndian.PutUint64(b[8*k:], uint64(v))
	}
	return b
}

func TestMq(t *testing.T) {
	m := newFakeMem()
	d := testDecoder(m)
	name := m.put(0x1000, []byte("gotrace_q\x00"))
	attr := m.put(0x2000, mqAttrBytes(unix.O_NONBLOCK, 4, 16, 0))
	assert.Equal(t, `mq_open("gotrace_q", O_RDWR|O_CREAT|O_EXCL, 0600, {mq_flags=2048, mq_maxmsg=4, mq_msgsize=16, mq_curmsgs=0}) = 3`,
		decodeLine(t, d, unix.SYS_MQ_OPEN, 3, name, unix.O_RDWR|unix.O_CREAT|unix.O_EXCL, 0o600, attr))
	assert.Equal(t, `mq_open("gotrace_q", O_RDONLY) = -1 ENOENT (No such file or directory)`,
		decodeLine(t, d, unix.SYS_MQ_OPEN, -2, name, unix.O_RDONLY, 0o600, attr))
	assert.Equal(t, `mq_open("gotrace_q", O_RDWR|O_CREAT, 0600, 0x1) = -1 EFAULT (Bad address)`,
		decodeLine(t, d, unix.SYS_MQ_OPEN, -14, name, unix.O_RDWR|unix.O_CREAT, 0o600, 1))
	assert.Equal(t, `mq_unlink("gotrace_q") = 0`, decodeLine(t, d, unix.SYS_MQ_UNLINK, 0, name))
	assert.Equal(t, `mq_unlink(0x1) = -1 EFAULT (Bad address)`, decodeLine(t, d, unix.SYS_MQ_UNLINK, -14, 1))
	msg := m.put(0x3000, []byte("hello\x00x"))
	assert.Equal(t, `mq_timedsend(3, "hello\0x", 7, 3, NULL) = 0`, decodeLine(t, d, unix.SYS_MQ_TIMEDSEND, 0, 3, msg, 7, 3, 0))
	prio := m.put(0x4000, []byte{3, 0, 0, 0})
	ts := m.put(0x5000, make([]byte, 16))
	assert.Equal(t, `mq_timedreceive(3, "hello\0x", 32, [3], {tv_sec=0, tv_nsec=0}) = 7`,
		decodeLine(t, d, unix.SYS_MQ_TIMEDRECEIVE, 7, 3, msg, 32, prio, ts))
	assert.Equal(t, `mq_timedreceive(3, 0x3000, 32, 0x4000, {tv_sec=0, tv_nsec=0}) = -1 ETIMEDOUT (Connection timed out)`,
		decodeLine(t, d, unix.SYS_MQ_TIMEDRECEIVE, -int64(unix.ETIMEDOUT), 3, msg, 32, prio, ts))
	assert.Equal(t, `mq_timedreceive(3, "hello", 32, NULL, 0x1) = 5`,
		decodeLine(t, d, unix.SYS_MQ_TIMEDRECEIVE, 5, 3, msg, 32, 0, 1))
	c := &Call{Nr: unix.SYS_MQ_TIMEDRECEIVE, Args: [6]uint64{3, msg, 32, prio, ts}}
	assert.Equal(t, "mq_timedreceive(3, ", string(d.Enter(nil, c)))
	assert.Equal(t, `mq_getsetattr(3, {mq_flags=O_NONBLOCK, mq_maxmsg=4, mq_msgsize=16, mq_curmsgs=0}, {mq_flags=O_NONBLOCK, mq_maxmsg=4, mq_msgsize=16, mq_curmsgs=0}) = 0`,
		decodeLine(t, d, unix.SYS_MQ_GETSETATTR, 0, 3, attr, attr))
	assert.Equal(t, `mq_getsetattr(3, NULL, 0x2000) = -1 EBADF (Bad file descriptor)`,
		decodeLine(t, d, unix.SYS_MQ_GETSETATTR, -9, 3, 0, attr))
	sev := make([]byte, 64)
	binary.LittleEndian.PutUint32(sev[12:], sigevNone)
	sa := m.put(0x6000, sev)
	assert.Equal(t, "mq_notify(3, {sigev_signo=0, sigev_notify=SIGEV_NONE}) = 0", decodeLine(t, d, unix.SYS_MQ_NOTIFY, 0, 3, sa))
	d.Opts.Style = format.Raw
	assert.Equal(t, `mq_getsetattr(3, {mq_flags=0x800, mq_maxmsg=4, mq_msgsize=16, mq_curmsgs=0}, NULL) = 0`,
		decodeLine(t, d, unix.SYS_MQ_GETSETATTR, 0, 3, attr, 0))
}
