package syscalls

import (
	"encoding/binary"

	"github.com/gotrace/gotrace/format"
)

// quotactl and quotactl_fd.

// quota.go's flag and value sets are listed in xlat/quota.txt, from which
// go generate writes zxlat.go.

// The quota commands (linux/quota.h, linux/dqblk_xfs.h; x/sys has none):
// the value of QCMD(cmd, type) >> 8. The old v1 and v2 ones are their
// number << 8, the current ones 0x800000 | number, XFS's ('X' << 8) +
// number.
const (
	qV1QuotaOn  = 0x1 << 8
	qV1QuotaOff = 0x2 << 8
	qV1GetQuota = 0x3 << 8
	qV1SetQuota = 0x4 << 8
	qV1SetUse   = 0x5 << 8
	qV1Sync     = 0x6 << 8
	qSetQlim    = 0x7 << 8
	qV1GetStats = 0x8 << 8
	qV1Rsquash  = 0x10 << 8
	qV2GetQuota = 0xd << 8
	qV2SetQuota = 0xe << 8
	qV2SetUse   = 0xf << 8
	qV2GetInfo  = 0x9 << 8
	qV2SetInfo  = 0xa << 8
	qV2SetGrace = 0xb << 8
	qV2SetFlags = 0xc << 8
	qV2GetStats = 0x11 << 8

	qNew          = 0x800000
	qSync         = qNew | 1
	qQuotaOn      = qNew | 2
	qQuotaOff     = qNew | 3
	qGetFmt       = qNew | 4
	qGetInfo      = qNew | 5
	qSetInfo      = qNew | 6
	qGetQuota     = qNew | 7
	qSetQuota     = qNew | 8
	qGetNextQuota = qNew | 9

	qXqm           = 'X' << 8
	qXQuotaOn      = qXqm + 1
	qXQuotaOff     = qXqm + 2
	qXGetQuota     = qXqm + 3
	qXSetQlim      = qXqm + 4
	qXGetQstat     = qXqm + 5
	qXQuotaRm      = qXqm + 6
	qXQuotaSync    = qXqm + 7
	qXGetQstatV    = qXqm + 8
	qXGetNextQuota = qXqm + 9
)

// The sizes strace reads: struct if_dqblk (packed), if_nextdqblk,
// if_dqinfo, fs_disk_quota, fs_quota_stat and fs_quota_statv.
const (
	ifDqblkSize     = 68
	ifNextDqblkSize = 72
	ifDqinfoSize    = 24
	fsDiskQuotaSize = 112
	fsQuotaStatSize = 80
	fsQuotaStatVSz  = 160
)

// quotaArgs says what follows quotactl's special (quotactl_fd's cmd) for
// command cmd: the id (a uid, or Q_QUOTAON's format), the data, and
// whether the data is an out-parameter, printed at exit.
func quotaArgs(cmd uint32) (id, data, out bool) {
	switch cmd {
	case qQuotaOff, qSync, qXQuotaSync:
		return false, false, false
	case qGetQuota, qGetNextQuota, qXGetQuota, qXGetNextQuota:
		return true, true, true
	case qGetFmt, qGetInfo, qXGetQstat, qXGetQstatV:
		return false, true, true
	case qSetInfo, qXQuotaOn, qXQuotaOff, qXQuotaRm:
		return false, true, false
	}
	return true, true, false
}

// qcmd appends QCMD(cmd, type) by -X: QCMD(Q_SYNC, USRQUOTA), its number
// (raw), or both (verbose); names inside QCMD() always print abbreviated.
func (d *Decoder) qcmd(v uint32) {
	if d.Opts.Style != format.Abbrev {
		d.Uint(uint64(v))
	}
	if d.Opts.Style == format.Raw {
		return
	}
	if d.Opts.Style == format.Verbose {
		d.S(" /* ")
	}
	d.S("QCMD(")
	d.B = quotaCmds.Append(d.B, uint64(v>>8), format.Abbrev, "Q_???", false)
	d.S(", ")
	d.B = quotaTypes.Append(d.B, uint64(v&0xff), format.Abbrev, "???QUOTA", false)
	d.S(")")
	if d.Opts.Style == format.Verbose {
		d.S(" */")
	}
}

// quotaData appends what quotactl's data points to for command cmd.
func (d *Decoder) quotaData(cmd uint32, addr uint64) {
	var n int
	switch cmd {
	case qGetQuota, qSetQuota:
		n = ifDqblkSize
	case qGetNextQuota:
		n = ifNextDqblkSize
	case qXGetQuota, qXGetNextQuota, qXSetQlim:
		n = fsDiskQuotaSize
	case qGetFmt, qXQuotaOn, qXQuotaOff, qXQuotaRm:
		n = 4
	case qGetInfo, qSetInfo:
		n = ifDqinfoSize
	case qXGetQstat:
		n = fsQuotaStatSize
	case qXGetQstatV:
		n = fsQuotaStatVSz
	default:
		d.Addr(addr)
		return
	}
	b, ok := d.Read(addr, n)
	if !ok {
		d.Addr(addr)
		return
	}
	le := binary.LittleEndian
	u := func(name string, v uint64) {
		d.S(name)
		d.Uint(v)
	}
	i := func(name string, v int64) {
		d.S(name)
		d.Int(v)
	}
	u64 := func(off int) uint64 { return le.Uint64(b[off:]) }
	u32 := func(off int) uint64 { return uint64(le.Uint32(b[off:])) }
	u16 := func(off int) uint64 { return uint64(le.Uint16(b[off:])) }
	s32 := func(off int) int64 { return int64(int32(le.Uint32(b[off:]))) }
	more := func() { d.S(", ...") }
	switch cmd {
	case qGetQuota, qSetQuota, qGetNextQuota:
		u("{dqb_bhardlimit=", u64(0))
		u(", dqb_bsoftlimit=", u64(8))
		u(", dqb_curspace=", u64(16))
		u(", dqb_ihardlimit=", u64(24))
		u(", dqb_isoftlimit=", u64(32))
		u(", dqb_curinodes=", u64(40))
		next := cmd == qGetNextQuota
		if d.Opts.Verbose {
			u(", dqb_btime=", u64(48))
			u(", dqb_itime=", u64(56))
			d.S(", dqb_valid=")
			d.Flags(dqblkValid, u32(64), "QIF_???")
			if next {
				u(", dqb_id=", u32(68))
			}
		} else {
			if next {
				u(", dqb_id=", u32(68))
			}
			more()
		}
		d.S("}")
	case qXGetQuota, qXGetNextQuota, qXSetQlim:
		i("{d_version=", int64(int8(b[0])))
		d.S(", d_flags=")
		d.Flags(xfsDqblkFlags, uint64(b[1]), "FS_???_QUOTA")
		d.S(", d_fieldmask=")
		d.Hex(u16(2))
		u(", d_id=", u32(4))
		u(", d_blk_hardlimit=", u64(8))
		u(", d_blk_softlimit=", u64(16))
		u(", d_ino_hardlimit=", u64(24))
		u(", d_ino_softlimit=", u64(32))
		u(", d_bcount=", u64(40))
		u(", d_icount=", u64(48))
		if d.Opts.Verbose {
			i(", d_itimer=", s32(56))
			i(", d_btimer=", s32(60))
			u(", d_iwarns=", u16(64))
			u(", d_bwarns=", u16(66))
			u(", d_rtb_hardlimit=", u64(72))
			u(", d_rtb_softlimit=", u64(80))
			u(", d_rtbcount=", u64(88))
			i(", d_rtbtimer=", s32(96))
			u(", d_rtbwarns=", u16(100))
		} else {
			more()
		}
		d.S("}")
	case qGetFmt:
		d.S("[")
		d.Value(quotaFormats, u32(0), "QFMT_VFS_???")
		d.S("]")
	case qXQuotaOn, qXQuotaOff:
		d.S("[")
		d.Flags(xfsQuotaFlags, u32(0), "FS_QUOTA_???")
		d.S("]")
	case qXQuotaRm:
		d.S("[")
		d.Flags(xfsDqblkFlags, u32(0), "FS_???_QUOTA")
		d.S("]")
	case qGetInfo, qSetInfo:
		u("{dqi_bgrace=", u64(0))
		u(", dqi_igrace=", u64(8))
		d.S(", dqi_flags=")
		d.Flags(dqinfoFlags, u32(16), "DQF_???")
		d.S(", dqi_valid=")
		d.Flags(dqinfoValid, u32(20), "IIF_???")
		d.S("}")
	case qXGetQstat, qXGetQstatV:
		i("{qs_version=", int64(int8(b[0])))
		if !d.Opts.Verbose {
			more()
			d.S("}")
			return
		}
		d.S(", qs_flags=")
		d.Flags(xfsQuotaFlags, u16(2), "FS_QUOTA_???")
		filestat := func(name string, off int) {
			d.S(name)
			u("{qfs_ino=", u64(off))
			u(", qfs_nblks=", u64(off+8))
			u(", qfs_nextents=", u32(off+16))
			d.S("}")
		}
		tail := 56
		if cmd == qXGetQstat {
			filestat(", qs_uquota=", 8)
			filestat(", qs_gquota=", 32)
			u(", qs_incoredqs=", u32(56))
			tail = 60
		} else {
			u(", qs_incoredqs=", u32(4))
			filestat(", qs_uquota=", 8)
			filestat(", qs_gquota=", 32)
			filestat(", qs_pquota=", 56)
			tail = 80
		}
		i(", qs_btimelimit=", s32(tail))
		i(", qs_itimelimit=", s32(tail+4))
		i(", qs_rtbtimelimit=", s32(tail+8))
		u(", qs_bwarnlimit=", u16(tail+12))
		u(", qs_iwarnlimit=", u16(tail+14))
		d.S("}")
	}
}

// quotaRest returns the kind of quotactl's id (and data, which it
// prints too: the table's data argument is QuotaSkip), the command being
// argument cmdArg. At entry it prints the id and an input structure; an
// output one prints at exit, as the address when the call failed.
func quotaRest(cmdArg int) *Arg {
	return &Arg{
		AtExit: true,
		Save: func(d *Decoder, c *Call, i int) {
			cmd := uint32(c.Args[cmdArg]) >> 8
			id, data, out := quotaArgs(cmd)
			switch {
			case !id && !data:
				d.dropSep()
				return
			case cmd == qQuotaOn:
				d.Value(quotaFormats, uint64(uint32(c.Args[i])), "QFMT_VFS_???")
				d.S(", ")
				d.Path(c.Args[i+1])
				return
			case id:
				d.id(uint32(c.Args[i]))
				d.S(", ")
			}
			if !out {
				d.quotaData(cmd, c.Args[i+1])
			}
		},
		Print: func(d *Decoder, c *Call, i int) {
			cmd := uint32(c.Args[cmdArg]) >> 8
			if _, _, out := quotaArgs(cmd); !out {
				return
			}
			if c.Failed() {
				d.Addr(c.Args[i+1])
				return
			}
			d.quotaData(cmd, c.Args[i+1])
		},
	}
}

var (
	// QuotaCmd prints quotactl's and quotactl_fd's QCMD(cmd, type) (an
	// unsigned int).
	QuotaCmd = &Arg{Print: func(d *Decoder, c *Call, i int) { d.qcmd(uint32(c.Args[i])) }}
	// QuotactlID prints quotactl's id and data by command (args[0]).
	QuotactlID = quotaRest(0)
	// QuotactlFdID prints quotactl_fd's id and data by command (args[1]).
	QuotactlFdID = quotaRest(1)
	// QuotaSkip is quotactl's data: printed with the id (QuotactlID).
	QuotaSkip = &Arg{Skip: func(*Call, int) bool { return true }, Print: func(*Decoder, *Call, int) {}}
)
