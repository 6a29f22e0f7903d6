package syscalls

import (
	"encoding/binary"
	"testing"

	"github.com/stretchr/testify/assert"
	"golang.org/x/sys/unix"

	"github.com/gotrace/gotrace/format"
)

func TestQuotactl(t *testing.T) {
	m := newFakeMem()
	dev := m.put(0x1000, []byte("/dev/sda1\x00"))
	// struct if_nextdqblk: six limits and counts, two times, valid, id.
	dq := u64s(100, 90, 4096, 10, 9, 3, 1700000000, 0)
	dq = binary.LittleEndian.AppendUint32(dq, 0x3f|0x40)
	dq = binary.LittleEndian.AppendUint32(dq, 1001)
	dqAddr := m.put(0x2000, dq)
	info := append(u64s(604800, 86400), 1, 0, 0, 0, 7, 0, 0, 0)
	infoAddr := m.put(0x3000, info)
	fmtAddr := m.put(0x4000, []byte{2, 0, 0, 0})
	// struct fs_quota_statv: version 1, flags UDQ_ACCT|UDQ_ENFD, 5 dquots
	// in core, three quota files, the limits.
	qsv := make([]byte, fsQuotaStatVSz)
	qsv[0] = 1
	binary.LittleEndian.PutUint16(qsv[2:], 3)
	binary.LittleEndian.PutUint32(qsv[4:], 5)
	binary.LittleEndian.PutUint64(qsv[8:], 131)
	binary.LittleEndian.PutUint64(qsv[16:], 2)
	binary.LittleEndian.PutUint32(qsv[24:], 1)
	binary.LittleEndian.PutUint32(qsv[80:], 604800)
	binary.LittleEndian.PutUint16(qsv[92:], 5)
	qsvAddr := m.put(0x5000, qsv)
	d := testDecoder(m)

	getq := uint64(qGetQuota<<8 | 0)
	assert.Equal(t, `quotactl(QCMD(Q_GETQUOTA, USRQUOTA), "/dev/sda1", 1001, {dqb_bhardlimit=100, dqb_bsoftlimit=90, dqb_curspace=4096, dqb_ihardlimit=10, dqb_isoftlimit=9, dqb_curinodes=3, ...}) = 0`,
		decodeLine(t, d, unix.SYS_QUOTACTL, 0, getq, dev, 1001, dqAddr))
	// A failed get prints the address; a set prints its data at entry.
	assert.Equal(t, `quotactl(QCMD(Q_GETQUOTA, USRQUOTA), "/dev/sda1", -1, 0x2000) = -1 ESRCH (No such process)`,
		decodeLine(t, d, unix.SYS_QUOTACTL, -3, getq, dev, 0xffffffff, dqAddr))
	assert.Equal(t, `quotactl(QCMD(Q_GETNEXTQUOTA, GRPQUOTA), "/dev/sda1", 1000, {dqb_bhardlimit=100, dqb_bsoftlimit=90, dqb_curspace=4096, dqb_ihardlimit=10, dqb_isoftlimit=9, dqb_curinodes=3, dqb_id=1001, ...}) = 0`,
		decodeLine(t, d, unix.SYS_QUOTACTL, 0, qGetNextQuota<<8|1, dev, 1000, dqAddr))
	assert.Equal(t, `quotactl(QCMD(Q_GETINFO, PRJQUOTA), "/dev/sda1", {dqi_bgrace=604800, dqi_igrace=86400, dqi_flags=DQF_ROOT_SQUASH, dqi_valid=IIF_BGRACE|IIF_IGRACE|IIF_FLAGS}) = 0`,
		decodeLine(t, d, unix.SYS_QUOTACTL, 0, qGetInfo<<8|2, dev, 0, infoAddr))
	assert.Equal(t, `quotactl_fd(3, QCMD(Q_GETFMT, USRQUOTA), [QFMT_VFS_V0]) = 0`,
		decodeLine(t, d, unix.SYS_QUOTACTL_FD, 0, 3, qGetFmt<<8, 0, fmtAddr))
	assert.Equal(t, `quotactl_fd(3, QCMD(Q_XGETQSTATV, USRQUOTA), {qs_version=1, ...}) = 0`,
		decodeLine(t, d, unix.SYS_QUOTACTL_FD, 0, 3, qXGetQstatV<<8, 0, qsvAddr))
	assert.Equal(t, `quotactl_fd(3, QCMD(Q_SYNC, 0x7 /* ???QUOTA */)) = 0`,
		decodeLine(t, d, unix.SYS_QUOTACTL_FD, 0, 3, qSync<<8|7, 0, 0))
	assert.Equal(t, `quotactl(QCMD(0x123 /* Q_??? */, USRQUOTA), NULL, 7, 0x1) = -1 EINVAL (Invalid argument)`,
		decodeLine(t, d, unix.SYS_QUOTACTL, -22, 0x12300, 0, 7, 1))
	// An unreadable structure, and one cut short, print the address.
	assert.Equal(t, `quotactl(QCMD(Q_SETQUOTA, USRQUOTA), "/dev/sda1", 0, 0x2008) = -1 EINVAL (Invalid argument)`,
		decodeLine(t, d, unix.SYS_QUOTACTL, -22, qSetQuota<<8, dev, 0, dqAddr+8))
	assert.Equal(t, `quotactl(QCMD(Q_QUOTAON, USRQUOTA), "/dev/sda1", QFMT_VFS_V1, "/dev/sda1") = 0`,
		decodeLine(t, d, unix.SYS_QUOTACTL, 0, qQuotaOn<<8, dev, 4, dev))

	// -v: every field.
	v := testDecoder(m)
	v.Opts.Verbose = true
	assert.Equal(t, `quotactl(QCMD(Q_GETNEXTQUOTA, GRPQUOTA), "/dev/sda1", 1000, {dqb_bhardlimit=100, dqb_bsoftlimit=90, dqb_curspace=4096, dqb_ihardlimit=10, dqb_isoftlimit=9, dqb_curinodes=3, dqb_btime=1700000000, dqb_itime=0, dqb_valid=QIF_BLIMITS|QIF_SPACE|QIF_ILIMITS|QIF_INODES|QIF_BTIME|QIF_ITIME|0x40, dqb_id=1001}) = 0`,
		decodeLine(t, v, unix.SYS_QUOTACTL, 0, qGetNextQuota<<8|1, dev, 1000, dqAddr))
	assert.Equal(t, `quotactl_fd(3, QCMD(Q_XGETQSTATV, USRQUOTA), {qs_version=1, qs_flags=FS_QUOTA_UDQ_ACCT|FS_QUOTA_UDQ_ENFD, qs_incoredqs=5, qs_uquota={qfs_ino=131, qfs_nblks=2, qfs_nextents=1}, qs_gquota={qfs_ino=0, qfs_nblks=0, qfs_nextents=0}, qs_pquota={qfs_ino=0, qfs_nblks=0, qfs_nextents=0}, qs_btimelimit=604800, qs_itimelimit=0, qs_rtbtimelimit=0, qs_bwarnlimit=5, qs_iwarnlimit=0}) = 0`,
		decodeLine(t, v, unix.SYS_QUOTACTL_FD, 0, 3, qXGetQstatV<<8, 0, qsvAddr))

	// -X raw and verbose: the command word in decimal.
	raw := testDecoder(m)
	raw.Opts.Style = format.Raw
	assert.Equal(t, `quotactl_fd(3, 2147484672, [0x2]) = 0`,
		decodeLine(t, raw, unix.SYS_QUOTACTL_FD, 0, 3, qGetFmt<<8, 0, fmtAddr))
	verb := testDecoder(m)
	verb.Opts.Style = format.Verbose
	assert.Equal(t, `quotactl_fd(3, 2147484672 /* QCMD(Q_GETFMT, USRQUOTA) */, [0x2 /* QFMT_VFS_V0 */]) = 0`,
		decodeLine(t, verb, unix.SYS_QUOTACTL_FD, 0, 3, qGetFmt<<8, 0, fmtAddr))

	// -e verbose=none: structures are addresses, strings still print.
	terse := testDecoder(m)
	terse.Terse = true
	assert.Equal(t, `quotactl(QCMD(Q_GETINFO, PRJQUOTA), "/dev/sda1", 0x3000) = 0`,
		decodeLine(t, terse, unix.SYS_QUOTACTL, 0, qGetInfo<<8|2, dev, 0, infoAddr))
}
