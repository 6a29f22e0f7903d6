package syscalls

import (
	"bytes"
	"encoding/binary"

	"github.com/gotrace/gotrace/format"
	"golang.org/x/sys/unix"
)

// The ioctl family: the request by name (the terminal requests of type
// 'T', the socket requests of type 0x89, a few file ones) or, when strace
// names none, in its _IOC(dir, type, nr, size) form; the argument decoded
// for the requests strace decodes (termios, winsize, ints behind pointers,
// struct ifreq), else in hex.

// The request encoding (asm-generic/ioctl.h).
const (
	iocNRBits    = 8
	iocTypeBits  = 8
	iocSizeBits  = 14
	iocTypeShift = iocNRBits
	iocSizeShift = iocTypeShift + iocTypeBits
	iocDirShift  = iocSizeShift + iocSizeBits
	iocWrite     = 1
	iocRead      = 2
)

// Requests x/sys lacks (asm-generic/ioctls.h, linux/sockios.h,
// linux/fs.h), and struct sizes.
const (
	fionread   = 0x541b
	fionbio    = 0x5421
	fionclex   = 0x5450
	fioclex    = 0x5451
	fioasync   = 0x5452
	fioqsize   = 0x5460
	fiosetown  = 0x8901
	fiogetown  = 0x8903
	fibmap     = 0x1
	figetbsz   = 0x2
	fifreeze   = 0xc0045877
	fithaw     = 0xc0045878
	sndTimerSt = 0x54a0 // SNDRV_TIMER_IOCTL_START and the next three

	sizeofTermios  = 36 // the kernel's struct termios: 4 flags, c_line, c_cc[19]
	sizeofTermios2 = 44 // and c_ispeed, c_ospeed
	sizeofTermio   = 18 // 4 shorts, c_line, c_cc[8]
	nccTermios     = 19
	nccTermio      = 8
	sizeofWinsize  = 8
	sizeofIfreq    = 40
	ibshift        = 16 // CIBAUD's shift (asm-generic/termbits.h)
)

// ioArg is how a request's third argument prints.
type ioArg uint8

const (
	ioHex         ioArg = iota // strace's default: the value in hex
	ioNone                     // nothing: the call has two arguments
	ioAddr                     // an address not followed: NULL or hex
	ioInt                      // the value itself, an int
	ioIntIn                    // [int] read at entry
	ioIntOut                   // [int] written, at exit
	ioModemIn                  // [TIOCM_*] at entry
	ioModemOut                 // [TIOCM_*] at exit
	ioTermiosIn                // struct termios at entry
	ioTermiosOut               // struct termios at exit
	ioTermios2In               // struct termios2 at entry
	ioTermios2Out              // struct termios2 at exit
	ioTermioIn                 // struct termio at entry
	ioTermioOut                // struct termio at exit
	ioWinsizeIn                // struct winsize at entry
	ioWinsizeOut               // struct winsize at exit
	ioTcflsh                   // TCFLSH's queue selector
	ioTcxonc                   // TCXONC's action
	ioChar                     // TIOCSTI: one byte, quoted
	ioIfname                   // a bridge name: a string of IFNAMSIZ bytes
	ioIfindex                  // {ifr_ifindex=…} at entry
	ioIfreqIn                  // struct ifreq at entry: the name and the field
	ioIfreqOut                 // struct ifreq: the name at entry, the field at exit
	ioIfconf                   // SIOCGIFCONF's struct ifconf: its length at entry, the array at exit
)

// ioctlReq is one request strace names, with how its argument prints.
type ioctlReq struct {
	Val  uint32
	Name string // several names joined by " or ", as strace prints a shared number
	Arg  ioArg
}

// ioctlReqs are the requests named, in strace 6.1's words.
var ioctlReqs = []ioctlReq{
	{unix.TCGETS, "TCGETS", ioTermiosOut},
	{unix.TCSETS, "SNDCTL_TMR_START or TCSETS", ioTermiosIn},
	{unix.TCSETSW, "SNDCTL_TMR_STOP or TCSETSW", ioTermiosIn},
	{unix.TCSETSF, "SNDCTL_TMR_CONTINUE or TCSETSF", ioTermiosIn},
	{unix.TCGETA, "TCGETA", ioTermioOut},
	{unix.TCSETA, "TCSETA", ioTermioIn},
	{unix.TCSETAW, "TCSETAW", ioTermioIn},
	{unix.TCSETAF, "TCSETAF", ioTermioIn},
	{unix.TCSBRK, "TCSBRK", ioInt},
	{unix.TCXONC, "TCXONC", ioTcxonc},
	{unix.TCFLSH, "TCFLSH", ioTcflsh},
	{unix.TIOCEXCL, "TIOCEXCL", ioNone},
	{unix.TIOCNXCL, "TIOCNXCL", ioNone},
	{unix.TIOCSCTTY, "TIOCSCTTY", ioInt},
	{unix.TIOCGPGRP, "TIOCGPGRP", ioIntOut},
	{unix.TIOCSPGRP, "TIOCSPGRP", ioIntIn},
	{unix.TIOCOUTQ, "TIOCOUTQ", ioIntOut},
	{unix.TIOCSTI, "TIOCSTI", ioChar},
	{unix.TIOCGWINSZ, "TIOCGWINSZ", ioWinsizeOut},
	{unix.TIOCSWINSZ, "TIOCSWINSZ", ioWinsizeIn},
	{unix.TIOCMGET, "TIOCMGET", ioModemOut},
	{unix.TIOCMBIS, "TIOCMBIS", ioModemIn},
	{unix.TIOCMBIC, "TIOCMBIC", ioModemIn},
	{unix.TIOCMSET, "TIOCMSET", ioModemIn},
	{unix.TIOCGSOFTCAR, "TIOCGSOFTCAR", ioIntOut},
	{unix.TIOCSSOFTCAR, "TIOCSSOFTCAR", ioIntIn},
	{fionread, "FIONREAD", ioIntOut},
	{unix.TIOCLINUX, "TIOCLINUX", ioHex},
	{unix.TIOCCONS, "TIOCCONS", ioNone},
	{unix.TIOCGSERIAL, "TIOCGSERIAL", ioHex},
	{unix.TIOCSSERIAL, "TIOCSSERIAL", ioNone},
	{unix.TIOCPKT, "TIOCPKT", ioIntIn},
	{fionbio, "FIONBIO", ioIntIn},
	{unix.TIOCNOTTY, "TIOCNOTTY", ioNone},
	{unix.TIOCSETD, "TIOCSETD", ioIntIn},
	{unix.TIOCGETD, "TIOCGETD", ioIntOut},
	{unix.TCSBRKP, "TCSBRKP", ioInt},
	{unix.TIOCSBRK, "TIOCSBRK", ioNone},
	{unix.TIOCCBRK, "TIOCCBRK", ioNone},
	{unix.TIOCGSID, "TIOCGSID", ioIntOut},
	{unix.TIOCGRS485, "TIOCGRS485", ioHex},
	{unix.TIOCSRS485, "TIOCSRS485", ioHex},
	{unix.TCGETX, "TCGETX", ioHex},
	{unix.TCSETX, "TCSETX", ioHex},
	{unix.TCSETXF, "TCSETXF", ioHex},
	{unix.TCSETXW, "TCSETXW", ioHex},
	{unix.TIOCVHANGUP, "TIOCVHANGUP", ioNone},
	{unix.TIOCGPTPEER, "TIOCGPTPEER", ioHex},
	{fionclex, "FIONCLEX", ioNone},
	{fioclex, "FIOCLEX", ioNone},
	{fioasync, "FIOASYNC", ioIntIn},
	{unix.TIOCSERCONFIG, "TIOCSERCONFIG", ioHex},
	{unix.TIOCSERGWILD, "TIOCSERGWILD", ioHex},
	{unix.TIOCSERSWILD, "TIOCSERSWILD", ioHex},
	{unix.TIOCGLCKTRMIOS, "TIOCGLCKTRMIOS", ioTermiosOut},
	{unix.TIOCSLCKTRMIOS, "TIOCSLCKTRMIOS", ioTermiosIn},
	{unix.TIOCSERGSTRUCT, "TIOCSERGSTRUCT", ioHex},
	{unix.TIOCSERGETLSR, "TIOCSERGETLSR", ioHex},
	{unix.TIOCSERGETMULTI, "TIOCSERGETMULTI", ioHex},
	{unix.TIOCSERSETMULTI, "TIOCSERSETMULTI", ioHex},
	{unix.TIOCMIWAIT, "TIOCMIWAIT", ioHex},
	{unix.TIOCGICOUNT, "TIOCGICOUNT", ioHex},
	{fioqsize, "FIOQSIZE", ioHex},
	{sndTimerSt, "SNDRV_TIMER_IOCTL_START", ioHex},
	{sndTimerSt + 1, "SNDRV_TIMER_IOCTL_STOP", ioHex},
	{sndTimerSt + 2, "SNDRV_TIMER_IOCTL_CONTINUE", ioHex},
	{sndTimerSt + 3, "SNDRV_TIMER_IOCTL_PAUSE", ioHex},
	{unix.TUNGETDEVNETNS, "TUNGETDEVNETNS", ioHex},
	{unix.TCGETS2, "TCGETS2", ioTermios2Out},
	{unix.TCSETS2, "TCSETS2", ioTermios2In},
	{unix.TCSETSW2, "TCSETSW2", ioTermios2In},
	{unix.TCSETSF2, "TCSETSF2", ioTermios2In},
	{unix.TIOCGPTN, "TIOCGPTN", ioIntOut},
	{unix.TIOCSPTLCK, "TIOCSPTLCK", ioIntIn},
	{unix.TIOCGDEV, "TIOCGDEV", ioIntOut},
	{unix.TIOCSIG, "TIOCSIG", ioHex},
	{unix.TIOCGPKT, "TIOCGPKT", ioHex},
	{unix.TIOCGPTLCK, "TIOCGPTLCK", ioHex},
	{unix.TIOCGEXCL, "TIOCGEXCL", ioIntOut},

	{fiosetown, "FIOSETOWN", ioIntIn},
	{unix.SIOCSPGRP, "SIOCSPGRP", ioIntIn},
	{fiogetown, "FIOGETOWN", ioIntOut},
	{unix.SIOCGPGRP, "SIOCGPGRP", ioIntOut},
	{unix.SIOCATMARK, "SIOCATMARK", ioIntOut},
	{unix.SIOCGSTAMP_OLD, "SIOCGSTAMP_OLD", ioAddr},
	{unix.SIOCGSTAMPNS_OLD, "SIOCGSTAMPNS_OLD", ioAddr},
	{unix.SIOCADDRT, "SIOCADDRT", ioAddr},
	{unix.SIOCDELRT, "SIOCDELRT", ioAddr},
	{unix.SIOCRTMSG, "SIOCRTMSG", ioAddr},
	{unix.SIOCGIFNAME, "SIOCGIFNAME", ioIfreqOut},
	{unix.SIOCSIFLINK, "SIOCSIFLINK", ioAddr},
	{unix.SIOCGIFCONF, "SIOCGIFCONF", ioIfconf},
	{unix.SIOCGIFFLAGS, "SIOCGIFFLAGS", ioIfreqOut},
	{unix.SIOCSIFFLAGS, "SIOCSIFFLAGS", ioIfreqIn},
	{unix.SIOCGIFADDR, "SIOCGIFADDR", ioIfreqOut},
	{unix.SIOCSIFADDR, "SIOCSIFADDR", ioIfreqIn},
	{unix.SIOCGIFDSTADDR, "SIOCGIFDSTADDR", ioIfreqOut},
	{unix.SIOCSIFDSTADDR, "SIOCSIFDSTADDR", ioIfreqIn},
	{unix.SIOCGIFBRDADDR, "SIOCGIFBRDADDR", ioIfreqOut},
	{unix.SIOCSIFBRDADDR, "SIOCSIFBRDADDR", ioIfreqIn},
	{unix.SIOCGIFNETMASK, "SIOCGIFNETMASK", ioIfreqOut},
	{unix.SIOCSIFNETMASK, "SIOCSIFNETMASK", ioIfreqIn},
	{unix.SIOCGIFMETRIC, "SIOCGIFMETRIC", ioIfreqOut},
	{unix.SIOCSIFMETRIC, "SIOCSIFMETRIC", ioIfreqIn},
	{unix.SIOCGIFMEM, "SIOCGIFMEM", ioAddr},
	{unix.SIOCSIFMEM, "SIOCSIFMEM", ioAddr},
	{unix.SIOCGIFMTU, "SIOCGIFMTU", ioIfreqOut},
	{unix.SIOCSIFMTU, "SIOCSIFMTU", ioIfreqIn},
	{unix.SIOCSIFNAME, "SIOCSIFNAME", ioIfreqIn},
	{unix.SIOCSIFHWADDR, "SIOCSIFHWADDR", ioIfreqIn},
	{unix.SIOCGIFENCAP, "SIOCGIFENCAP", ioIntOut},
	{unix.SIOCSIFENCAP, "SIOCSIFENCAP", ioIntIn},
	{unix.SIOCGIFHWADDR, "SIOCGIFHWADDR", ioIfreqOut},
	{unix.SIOCGIFSLAVE, "SIOCGIFSLAVE", ioIfreqOut},
	{unix.SIOCSIFSLAVE, "SIOCSIFSLAVE", ioIfreqIn},
	{unix.SIOCADDMULTI, "SIOCADDMULTI", ioIfreqIn},
	{unix.SIOCDELMULTI, "SIOCDELMULTI", ioIfreqIn},
	{unix.SIOCGIFINDEX, "SIOCGIFINDEX", ioIfreqOut},
	{unix.SIOCSIFPFLAGS, "SIOCSIFPFLAGS", ioAddr},
	{unix.SIOCGIFPFLAGS, "SIOCGIFPFLAGS", ioAddr},
	{unix.SIOCDIFADDR, "SIOCDIFADDR", ioAddr},
	{unix.SIOCSIFHWBROADCAST, "SIOCSIFHWBROADCAST", ioIfreqIn},
	{unix.SIOCGIFCOUNT, "SIOCGIFCOUNT", ioAddr},
	{unix.SIOCGIFBR, "SIOCGIFBR", ioAddr},
	{unix.SIOCSIFBR, "SIOCSIFBR", ioAddr},
	{unix.SIOCGIFTXQLEN, "SIOCGIFTXQLEN", ioIfreqOut},
	{unix.SIOCSIFTXQLEN, "SIOCSIFTXQLEN", ioIfreqIn},
	{unix.SIOCETHTOOL, "SIOCETHTOOL", ioAddr},
	{unix.SIOCGMIIPHY, "SIOCGMIIPHY", ioAddr},
	{unix.SIOCGMIIREG, "SIOCGMIIREG", ioAddr},
	{unix.SIOCSMIIREG, "SIOCSMIIREG", ioAddr},
	{unix.SIOCWANDEV, "SIOCWANDEV", ioAddr},
	{unix.SIOCOUTQNSD, "SIOCOUTQNSD", ioIntOut},
	{unix.SIOCGSKNS, "SIOCGSKNS", ioAddr},
	{unix.SIOCDARP, "SIOCDARP", ioAddr},
	{unix.SIOCGARP, "SIOCGARP", ioAddr},
	{unix.SIOCSARP, "SIOCSARP", ioAddr},
	{unix.SIOCDRARP, "SIOCDRARP", ioAddr},
	{unix.SIOCGRARP, "SIOCGRARP", ioAddr},
	{unix.SIOCSRARP, "SIOCSRARP", ioAddr},
	{unix.SIOCGIFMAP, "SIOCGIFMAP", ioIfreqOut},
	{unix.SIOCSIFMAP, "SIOCSIFMAP", ioIfreqIn},
	{unix.SIOCADDDLCI, "SIOCADDDLCI", ioAddr},
	{unix.SIOCDELDLCI, "SIOCDELDLCI", ioAddr},
	{unix.SIOCGIFVLAN, "SIOCGIFVLAN", ioAddr},
	{unix.SIOCSIFVLAN, "SIOCSIFVLAN", ioAddr},
	{unix.SIOCBONDENSLAVE, "SIOCBONDENSLAVE", ioAddr},
	{unix.SIOCBONDRELEASE, "SIOCBONDRELEASE", ioAddr},
	{unix.SIOCBONDSETHWADDR, "SIOCBONDSETHWADDR", ioAddr},
	{unix.SIOCBONDSLAVEINFOQUERY, "SIOCBONDSLAVEINFOQUERY", ioAddr},
	{unix.SIOCBONDINFOQUERY, "SIOCBONDINFOQUERY", ioAddr},
	{unix.SIOCBONDCHANGEACTIVE, "SIOCBONDCHANGEACTIVE", ioAddr},
	{unix.SIOCBRADDBR, "SIOCBRADDBR", ioIfname},
	{unix.SIOCBRDELBR, "SIOCBRDELBR", ioIfname},
	{unix.SIOCBRADDIF, "SIOCBRADDIF", ioIfindex},
	{unix.SIOCBRDELIF, "SIOCBRDELIF", ioIfindex},
	{unix.SIOCSHWTSTAMP, "SIOCSHWTSTAMP", ioAddr},
	{unix.SIOCGHWTSTAMP, "SIOCGHWTSTAMP", ioAddr},
	{unix.SIOCPROTOPRIVATE, "SIOCPROTOPRIVATE", ioHex},
	{unix.SIOCDEVPRIVATE, "SIOCDEVPRIVATE", ioHex},

	{fibmap, "FIBMAP", ioHex},
	{figetbsz, "FIGETBSZ", ioHex},
	{fifreeze, "FIFREEZE", ioNone},
	{fithaw, "FITHAW", ioNone},
	{unix.BLKFLSBUF, "BLKFLSBUF", ioNone},
}

// ioctlIndex finds a request in ioctlReqs or ioctlDevReqs (ioctl_dev.go).
var ioctlIndex = func() map[uint32]*ioctlReq {
	m := make(map[uint32]*ioctlReq, len(ioctlReqs)+len(ioctlDevReqs))
	for _, t := range [][]ioctlReq{ioctlReqs, ioctlDevReqs} {
		for i := range t {
			m[t[i].Val] = &t[i]
		}
	}
	return m
}()

var (
	// ioctl.go's flag and value sets are listed in xlat/ioctl.txt, from which
	// go generate writes zxlat.go.

	// termOdelays are the delay fields of c_oflag, each a value printed
	// before the flags.
	termOdelays = []struct {
		mask uint64
		vals format.ValueSet
		dflt string
	}{
		{unix.NLDLY, nlDelays, "NL?"},
		{unix.CRDLY, crDelays, "CR?"},
		{unix.TABDLY, tabDelays, "TAB?"},
		{unix.BSDLY, bsDelays, "BS?"},
		{unix.VTDLY, vtDelays, "VT?"},
		{unix.FFDLY, ffDelays, "FF?"},
	}
	// lineDiscs are c_line's line disciplines (linux/tty.h; x/sys has
	// none of them).
	lineDiscs = func() format.ValueSet {
		names := []string{"N_TTY", "N_SLIP", "N_MOUSE", "N_PPP", "N_STRIP", "N_AX25", "N_X25", "N_6PACK",
			"N_MASC", "N_R3964", "N_PROFIBUS_FDL", "N_IRDA", "N_SMSBLOCK", "N_HDLC", "N_SYNC_PPP", "N_HCI",
			"N_GIGASET_M101", "N_SLCAN", "N_PPS", "N_V253", "N_CAIF", "N_GSM0710", "N_TI_WL", "N_TRACESINK",
			"N_TRACEROUTER", "N_NCI", "N_SPEAKUP", "N_NULL"}
		vs := make(format.ValueSet, len(names))
		for i, n := range names {
			vs[i] = format.Value{Val: uint64(i), Name: n}
		}
		return vs
	}()
	// ccNames name c_cc's slots by index (unix.V*); the last two have none.
	ccNames = func() [nccTermios]string {
		var a [nccTermios]string
		for _, v := range []struct {
			i    int
			name string
		}{
			{unix.VINTR, "VINTR"}, {unix.VQUIT, "VQUIT"}, {unix.VERASE, "VERASE"}, {unix.VKILL, "VKILL"},
			{unix.VEOF, "VEOF"}, {unix.VTIME, "VTIME"}, {unix.VMIN, "VMIN"}, {unix.VSWTC, "VSWTC"},
			{unix.VSTART, "VSTART"}, {unix.VSTOP, "VSTOP"}, {unix.VSUSP, "VSUSP"}, {unix.VEOL, "VEOL"},
			{unix.VREPRINT, "VREPRINT"}, {unix.VDISCARD, "VDISCARD"}, {unix.VWERASE, "VWERASE"},
			{unix.VLNEXT, "VLNEXT"}, {unix.VEOL2, "VEOL2"},
		} {
			a[v.i] = v.name
		}
		return a
	}()
)

var (
	// IoctlReq prints ioctl's request (an unsigned int): its name, or
	// _IOC(dir, type, nr, size) when strace knows none; by -X style.
	IoctlReq = &Arg{Print: func(d *Decoder, c *Call, i int) { d.ioctlReq(uint32(c.Args[i])) }}

	// IoctlArg prints ioctl's third argument by the request (the previous
	// argument): nothing, a value, or what it points to, at entry or at
	// exit (an AtExit kind whose Save prints the entry part, like
	// FcntlArg).
	IoctlArg = &Arg{AtExit: true, Save: ioctlEnter, Print: ioctlExit}
)

// ioctlArgKind returns how request req's argument prints.
func ioctlArgKind(req uint32) ioArg {
	if r, ok := ioctlIndex[req]; ok {
		return r.Arg
	}
	return ioHex
}

func (d *Decoder) ioctlReq(req uint32) {
	switch d.Opts.Style {
	case format.Raw:
		d.Hex(uint64(req))
		return
	case format.Verbose:
		d.Hex(uint64(req))
		d.S(" /* ")
		defer d.S(" */")
	}
	if r, ok := ioctlIndex[req]; ok {
		d.S(r.Name)
		return
	}
	d.S("_IOC(")
	dir := uint64(req >> iocDirShift)
	if dir == 0 {
		d.S("_IOC_NONE")
	} else {
		d.B = iocDirs.Append(d.B, dir, format.Abbrev, "")
	}
	d.S(", ")
	d.Hex(uint64(req>>iocTypeShift) & (1<<iocTypeBits - 1))
	d.S(", ")
	d.Hex(uint64(req) & (1<<iocNRBits - 1))
	d.S(", ")
	d.Hex(uint64(req>>iocSizeShift) & (1<<iocSizeBits - 1))
	d.S(")")
}

// ioctlEnter is IoctlArg's entry half: Enter has appended ", "; print the
// argument after it, or take the separator back.
func ioctlEnter(d *Decoder, c *Call, i int) {
	req := uint32(c.Args[i-1])
	v := c.Args[i]
	c.Saved[0] = 0
	switch ioctlArgKind(req) {
	case ioNone, ioIntOut, ioModemOut, ioTermiosOut, ioTermios2Out, ioTermioOut, ioWinsizeOut:
		d.dropSep()
	case ioAddr:
		d.Addr(v)
	case ioInt:
		d.Int(int64(int32(v)))
	case ioIntIn:
		d.intPtr(v)
	case ioModemIn:
		d.modemFlags(v)
	case ioTermiosIn:
		d.termios(v, sizeofTermios)
	case ioTermios2In:
		d.termios(v, sizeofTermios2)
	case ioTermioIn:
		d.termio(v)
	case ioWinsizeIn:
		d.winsize(v)
	case ioTcflsh:
		d.Value(tcflshQueues, v, "TC???")
	case ioTcxonc:
		d.Value(tcxoncActions, v, "TC???")
	case ioChar:
		d.Buf(v, 1)
	case ioIfname:
		d.pathN(v, unix.IFNAMSIZ)
	case ioIfindex:
		b, ok := d.Read(v, sizeofIfreq)
		if !ok {
			d.Addr(v)
			return
		}
		d.S("{ifr_ifindex=")
		d.ifindex(binary.LittleEndian.Uint32(b[unix.IFNAMSIZ:]))
		d.S("}")
	case ioIfreqIn:
		b, ok := d.Read(v, sizeofIfreq)
		if !ok {
			d.Addr(v)
			return
		}
		var ifr [sizeofIfreq]byte
		copy(ifr[:], b)
		d.S("{ifr_name=")
		d.ifname(ifr[:unix.IFNAMSIZ])
		d.S(", ")
		d.ifreqField(req, ifr[:])
		d.S("}")
	case ioIfreqOut:
		b, ok := d.Read(v, sizeofIfreq)
		if !ok {
			d.Addr(v)
			return
		}
		if req == unix.SIOCGIFNAME {
			d.S("{ifr_ifindex=")
			d.Int(int64(int32(binary.LittleEndian.Uint32(b[unix.IFNAMSIZ:]))))
		} else {
			d.S("{ifr_name=")
			d.ifname(b[:unix.IFNAMSIZ])
		}
		c.Saved[0] = 1 // the structure is open: the exit closes it
	case ioIfconf:
		// Read whatever -e verbose= says, as strace's umove; only the
		// array follows it.
		b, ok := d.readRaw(v, sizeofIfconf)
		if !ok {
			d.Addr(v)
			return
		}
		n, buf := int32(binary.LittleEndian.Uint32(b)), binary.LittleEndian.Uint64(b[8:])
		// Asking for the size (a NULL buffer), the length is an
		// output only.
		d.S("{ifc_len=")
		if buf != 0 {
			d.ifcLen(n)
		}
		c.Saved[0], c.Saved[1], c.Saved[2] = 1, uint64(uint32(n)), buf
	default:
		if !d.ioctlDevEnter(c, req, v) {
			d.Hex(v)
		}
	}
}

// ioctlExit is IoctlArg's exit half.
func ioctlExit(d *Decoder, c *Call, i int) {
	req := uint32(c.Args[i-1])
	v := c.Args[i]
	kind := ioctlArgKind(req)
	switch kind {
	case ioIntOut, ioModemOut, ioTermiosOut, ioTermios2Out, ioTermioOut, ioWinsizeOut:
		d.S(", ")
		if c.Failed() {
			d.Addr(v)
			return
		}
	case ioIfconf:
		if c.Saved[0] == 0 {
			return
		}
		d.ifconfExit(c, v)
		return
	case ioIfreqOut:
		if c.Saved[0] == 0 {
			return
		}
		if !c.Failed() {
			if b, ok := d.Read(v, sizeofIfreq); ok {
				var ifr [sizeofIfreq]byte
				copy(ifr[:], b)
				d.S(", ")
				d.ifreqField(req, ifr[:])
			}
		}
		d.S("}")
		return
	default:
		d.ioctlDevExit(c, req, v)
		return
	}
	switch kind {
	case ioIntOut:
		d.intPtr(v)
	case ioModemOut:
		d.modemFlags(v)
	case ioTermiosOut:
		d.termios(v, sizeofTermios)
	case ioTermios2Out:
		d.termios(v, sizeofTermios2)
	case ioTermioOut:
		d.termio(v)
	case ioWinsizeOut:
		d.winsize(v)
	}
}

// modemFlags appends the TIOCM_* bits at addr as [flags].
func (d *Decoder) modemFlags(addr uint64) {
	v, ok := d.ReadU32(addr)
	if !ok {
		d.Addr(addr)
		return
	}
	d.S("[")
	d.Flags(modemFlags, uint64(v), "TIOCM_???")
	d.S("]")
}

// winsize appends the struct winsize at addr.
func (d *Decoder) winsize(addr uint64) {
	b, ok := d.Read(addr, sizeofWinsize)
	if !ok {
		d.Addr(addr)
		return
	}
	le := binary.LittleEndian
	d.S("{ws_row=")
	d.Uint(uint64(le.Uint16(b)))
	d.S(", ws_col=")
	d.Uint(uint64(le.Uint16(b[2:])))
	d.S(", ws_xpixel=")
	d.Uint(uint64(le.Uint16(b[4:])))
	d.S(", ws_ypixel=")
	d.Uint(uint64(le.Uint16(b[6:])))
	d.S("}")
}

// termios appends the kernel's struct termios (n = sizeofTermios) or
// struct termios2 (sizeofTermios2) at addr: the four flag words, then
// "..." or, with -v, c_line, c_cc and termios2's speeds.
func (d *Decoder) termios(addr uint64, n int) {
	b, ok := d.Read(addr, n)
	if !ok {
		d.Addr(addr)
		return
	}
	var t [sizeofTermios2]byte
	copy(t[:], b)
	le := binary.LittleEndian
	d.S("{")
	d.termFlags(uint64(le.Uint32(t[0:])), uint64(le.Uint32(t[4:])), uint64(le.Uint32(t[8:])), uint64(le.Uint32(t[12:])))
	if !d.Opts.Verbose {
		d.S(", ...}")
		return
	}
	d.termLineCC(t[16], t[17:17+nccTermios])
	if n == sizeofTermios2 {
		d.S(", c_ispeed=")
		d.Uint(uint64(le.Uint32(t[36:])))
		d.S(", c_ospeed=")
		d.Uint(uint64(le.Uint32(t[40:])))
	}
	d.S("}")
}

// termio appends the struct termio at addr (flags in shorts, eight c_cc).
func (d *Decoder) termio(addr uint64) {
	b, ok := d.Read(addr, sizeofTermio)
	if !ok {
		d.Addr(addr)
		return
	}
	var t [sizeofTermio]byte
	copy(t[:], b)
	le := binary.LittleEndian
	d.S("{")
	d.termFlags(uint64(le.Uint16(t[0:])), uint64(le.Uint16(t[2:])), uint64(le.Uint16(t[4:])), uint64(le.Uint16(t[6:])))
	if !d.Opts.Verbose {
		d.S(", ...}")
		return
	}
	d.termLineCC(t[8], t[9:9+nccTermio])
	d.S("}")
}

// termFlags appends c_iflag, c_oflag (its delay fields, then flags),
// c_cflag (the speeds, the character size, then flags) and c_lflag.
func (d *Decoder) termFlags(iflag, oflag, cflag, lflag uint64) {
	// strace prints nothing for a zero set of flags here (its flags
	// printer without a default): "c_iflag=", "FF0|".
	flags := func(fs format.FlagSet, v uint64) {
		if v != 0 {
			d.Flags(fs, v, "")
		}
	}
	d.S("c_iflag=")
	flags(termIflags, iflag)
	d.S(", c_oflag=")
	for _, f := range termOdelays {
		d.Value(f.vals, oflag&f.mask, f.dflt)
		d.S("|")
		oflag &^= f.mask
	}
	flags(termOflags, oflag)
	d.S(", c_cflag=")
	d.Value(baudRates, cflag&unix.CBAUD, "B???")
	d.S("|")
	if ib := cflag & unix.CIBAUD; ib != 0 {
		d.Value(baudRates, ib>>ibshift, "B???")
		d.S("<<")
		d.Value(format.ValueSet{{Val: ibshift, Name: "IBSHIFT"}}, ibshift, "")
		d.S("|")
	}
	d.Value(charSizes, cflag&unix.CSIZE, "CS?")
	d.S("|")
	flags(termCflags, cflag&^(unix.CBAUD|unix.CIBAUD|unix.CSIZE))
	d.S(", c_lflag=")
	flags(termLflags, lflag)
}

// termLineCC appends ", c_line=…, c_cc=[[VINTR]=0x3, …]".
func (d *Decoder) termLineCC(line byte, cc []byte) {
	d.S(", c_line=")
	d.Value(lineDiscs, uint64(line), "N_???")
	d.S(", c_cc=[")
	for k, ch := range cc {
		if k > 0 {
			d.S(", ")
		}
		d.S("[")
		if ccNames[k] != "" {
			d.S(ccNames[k])
		} else {
			d.Uint(uint64(k))
		}
		d.S("]=")
		d.Hex(uint64(ch))
	}
	d.S("]")
}

// ifname appends an interface name of IFNAMSIZ bytes: up to its NUL, or
// all of it and "..." when there is none.
func (d *Decoder) ifname(b []byte) {
	if i := bytes.IndexByte(b, 0); i >= 0 {
		d.B = format.AppendQuoted(d.B, b[:i], d.Opts.X, false)
		return
	}
	d.B = format.AppendQuoted(d.B, b, d.Opts.X, false)
	d.S("...")
}

// ifreqField appends the field of struct ifreq (ifr, sizeofIfreq bytes)
// that request req reads or writes, after its name.
func (d *Decoder) ifreqField(req uint32, ifr []byte) {
	u := ifr[unix.IFNAMSIZ:]
	le := binary.LittleEndian
	addr := func(field string) {
		d.S(field)
		d.S("=")
		d.sockaddr16(u)
	}
	intField := func(field string) {
		d.S(field)
		d.S("=")
		d.Int(int64(int32(le.Uint32(u))))
	}
	switch req {
	case unix.SIOCSIFADDR, unix.SIOCGIFADDR:
		addr("ifr_addr")
	case unix.SIOCSIFDSTADDR, unix.SIOCGIFDSTADDR:
		addr("ifr_dstaddr")
	case unix.SIOCSIFBRDADDR, unix.SIOCGIFBRDADDR:
		addr("ifr_broadaddr")
	case unix.SIOCSIFNETMASK, unix.SIOCGIFNETMASK:
		addr("ifr_netmask")
	case unix.SIOCSIFFLAGS, unix.SIOCGIFFLAGS:
		d.S("ifr_flags=")
		d.Flags(iffFlags, uint64(le.Uint16(u)), "IFF_???")
	case unix.SIOCSIFHWADDR, unix.SIOCGIFHWADDR, unix.SIOCADDMULTI, unix.SIOCDELMULTI, unix.SIOCSIFHWBROADCAST:
		// struct sockaddr: the hardware type, then as many bytes of
		// sa_data as that type's addresses have (all 14 when unknown).
		t := le.Uint16(u)
		d.S("ifr_hwaddr={sa_family=")
		d.Value(arpHardwareTypes, uint64(t), "ARPHRD_???")
		d.S(", sa_data=")
		n, ok := hwaddrLen[t]
		if !ok {
			n = 14
		}
		mac := func() {
			for j, c := range u[2 : 2+n] {
				if j > 0 {
					d.S(":")
				}
				d.B = append(d.B, "0123456789abcdef"[c>>4], "0123456789abcdef"[c&15])
			}
		}
		switch d.Opts.Style {
		case format.Raw: // the whole of sa_data as a string
			d.B = format.AppendQuoted(d.B, u[2:16], format.XAll, false)
		case format.Verbose: // and the address, if any, in a comment
			d.B = format.AppendQuoted(d.B, u[2:16], format.XAll, false)
			if n > 0 {
				d.S(" /* ")
				mac()
				d.S(" */")
			}
		default:
			mac()
		}
		d.S("}")
	case unix.SIOCGIFINDEX:
		intField("ifr_ifindex")
	case unix.SIOCSIFMETRIC, unix.SIOCGIFMETRIC:
		intField("ifr_metric")
	case unix.SIOCSIFMTU, unix.SIOCGIFMTU:
		intField("ifr_mtu")
	case unix.SIOCSIFTXQLEN, unix.SIOCGIFTXQLEN:
		intField("ifr_qlen")
	case unix.SIOCSIFSLAVE, unix.SIOCGIFSLAVE:
		d.S("ifr_slave=")
		d.ifname(u[:unix.IFNAMSIZ])
	case unix.SIOCSIFNAME:
		d.S("ifr_newname=")
		d.ifname(u[:unix.IFNAMSIZ])
	case unix.SIOCGIFNAME:
		d.S("ifr_name=")
		d.ifname(ifr[:unix.IFNAMSIZ])
	case unix.SIOCSIFMAP, unix.SIOCGIFMAP:
		d.S("ifr_map={mem_start=")
		d.Hex(le.Uint64(u))
		d.S(", mem_end=")
		d.Hex(le.Uint64(u[8:]))
		d.S(", base_addr=")
		d.Hex(uint64(le.Uint16(u[16:])))
		d.S(", irq=")
		d.Hex(uint64(u[18]))
		d.S(", dma=")
		d.Hex(uint64(u[19]))
		d.S(", port=")
		d.Hex(uint64(u[20]))
		d.S("}")
	}
}

// sizeofIfconf is struct ifconf's size: an int (padded) and a pointer.
const sizeofIfconf = 16

// ifcLen appends an ifc_len, with the number of struct ifreq it holds
// when it is a whole non-zero number of them.
func (d *Decoder) ifcLen(n int32) {
	d.Int(int64(n))
	if k := uint32(n) / sizeofIfreq; n > 0 && k*sizeofIfreq == uint32(n) {
		d.S(" /* ")
		d.Uint(uint64(k))
		d.S(" * sizeof(struct ifreq) */")
	}
}

// ifconfExit ends SIOCGIFCONF's struct ifconf at the exit: the length the
// kernel wrote (after the entry's, when they differ), and the interfaces
// it listed, each a name and an address; only the buffer's address when
// the call asked for the size, failed, or the structure cannot be read.
func (d *Decoder) ifconfExit(c *Call, v uint64) {
	inLen, inBuf := int32(uint32(c.Saved[1])), c.Saved[2]
	b, ok := d.readRaw(v, sizeofIfconf)
	if !ok {
		if inBuf == 0 {
			d.ifcLen(inLen)
		}
		d.S(", ifc_buf=")
		d.Addr(inBuf)
		d.S("}")
		return
	}
	n, buf := int32(binary.LittleEndian.Uint32(b)), binary.LittleEndian.Uint64(b[8:])
	if inBuf != 0 && inLen != n {
		d.S(" => ")
	}
	if inBuf == 0 || inLen != n {
		d.ifcLen(n)
	}
	d.S(", ifc_buf=")
	if inBuf == 0 || c.Failed() {
		d.Addr(inBuf)
		if inBuf != buf {
			d.S(" => ")
			d.Addr(buf)
		}
		d.S("}")
		return
	}
	// A negative length is a huge count (strace divides it as an
	// unsigned long): the array is then only its address.
	d.array(buf, uint64(int64(n))/sizeofIfreq, sizeofIfreq, func(e []byte) {
		d.S("{ifr_name=")
		d.ifname(e[:unix.IFNAMSIZ])
		d.S(", ifr_addr=")
		d.sockaddr16(e[unix.IFNAMSIZ:])
		d.S("}")
	})
	d.S("}")
}

// hwaddrLen is the length of a hardware address by ARPHRD type where it
// is not sa_data's 14 bytes, as strace 6.1 prints SIOCGIFHWADDR's (found
// by feeding it every type through poke_exit).
var hwaddrLen = map[uint16]int{0: 7, 1: 6, 3: 7, 6: 6, 7: 1, 15: 2, 27: 8, 256: 0, 270: 5, 271: 0, 280: 0, 290: 1, 512: 0, 518: 0, 519: 0, 768: 4, 772: 6, 773: 1, 774: 6, 776: 4, 777: 0, 778: 4, 779: 0, 780: 6, 783: 4, 801: 6, 802: 6, 803: 6, 804: 8, 805: 8, 820: 1, 821: 1, 822: 0, 824: 0, 825: 8, 826: 0}
