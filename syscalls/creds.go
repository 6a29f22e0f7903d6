package syscalls

import (
	"encoding/binary"

	"golang.org/x/sys/unix"

	"github.com/gotrace/gotrace/format"
)

// The credentials family: setuid, setgid, setreuid, setregid, setresuid,
// setresgid, getresuid, getresgid, getgroups, setgroups, setfsuid,
// setfsgid (whose uids and gids print through ID); with them the other
// calls a server makes while dropping privileges: chroot, mknod, mknodat,
// syncfs, readahead and personality. Their flag and value sets are listed
// in xlat/creds.txt.

// ngroupsMax is the kernel's NGROUPS_MAX (sysconf(_SC_NGROUPS_MAX)): a
// group list longer than that prints as its bare address, as strace does.
const ngroupsMax = 65536

// The personality types and flags (linux/personality.h), absent from
// x/sys.
const (
	perLinux   = 0
	perBSD     = 0x6
	perLinux32 = 0x8
	perRISCOS  = 0xc
	perOSF4    = 0xf
	perHPUX    = 0x10
	perMask    = 0xff

	uname26          = 0x0020000
	addrNoRandomize  = 0x0040000
	fdpicFuncptrs    = 0x0080000
	mmapPageZero     = 0x0100000
	addrCompatLayout = 0x0200000
	readImpliesExec  = 0x0400000
	addrLimit32bit   = 0x0800000
	shortInode       = 0x1000000
	wholeSeconds     = 0x2000000
	stickyTimeouts   = 0x4000000
	addrLimit3GB     = 0x8000000
)

var (
	// IDOut prints a uid or gid the call stores (getresuid's), at exit:
	// "[0]" (-1 as "[-1]"); NULL, or the bare address when unreadable or
	// the call failed.
	IDOut = &Arg{AtExit: true, Print: func(d *Decoder, c *Call, i int) {
		a := c.Args[i]
		if c.Failed() || a == 0 {
			d.Addr(a)
			return
		}
		v, ok := d.ReadU32(a)
		if !ok {
			d.Hex(a)
			return
		}
		d.S("[")
		d.id(v)
		d.S("]")
	}}
	// GroupsIn prints setgroups' list at entry, as many gids as the
	// previous argument says: "[0, 33]", cut after -s elements (unless
	// -v); the bare address when the count is beyond NGROUPS_MAX (or
	// negative) or the list unreadable.
	GroupsIn = &Arg{Print: func(d *Decoder, c *Call, i int) {
		d.groups(uint32(c.Args[i-1]), c.Args[i])
	}}
	// GroupsOut prints getgroups' list at exit, as many gids as the call
	// returned (getgroups(0, NULL) stays NULL); the bare address when
	// the call failed.
	GroupsOut = &Arg{AtExit: true, Print: func(d *Decoder, c *Call, i int) {
		d.groups(uint32(c.Ret), c.Args[i])
	}}
	// MknodMode prints mknod's mode (a 16-bit mode_t) symbolically:
	// S_IFIFO|0644; a mode of unknown type in octal only.
	MknodMode = &Arg{Print: func(d *Decoder, c *Call, i int) {
		d.symbolicMode(uint64(uint16(c.Args[i])))
	}}
	// MknodDev prints mknod's dev as makedev(major, minor), only for a
	// character or block device (the previous argument is the mode).
	MknodDev = &Arg{
		Skip: func(c *Call, i int) bool {
			t := uint32(uint16(c.Args[i-1])) & unix.S_IFMT
			return t != unix.S_IFCHR && t != unix.S_IFBLK
		},
		Print: func(d *Decoder, c *Call, i int) { d.dev(uint64(uint32(c.Args[i]))) },
	}
	// Persona prints personality's persona: 0xffffffff (a query) in hex,
	// else the type (PER_LINUX) then the flag bits, "|"-joined. The call's
	// exit hook, personalityDone, names the previous persona it returns.
	Persona = &Arg{Print: func(d *Decoder, c *Call, i int) {
		v := uint32(c.Args[i])
		if v == ^uint32(0) {
			d.Hex(uint64(v))
			return
		}
		d.B = appendPersona(d.B, v, d.Opts.Style)
	}}
)

// groups appends a list of n gids at addr, as strace prints a group list.
func (d *Decoder) groups(n uint32, addr uint64) {
	if n > ngroupsMax {
		d.Addr(addr)
		return
	}
	d.array(addr, uint64(n), 4, func(b []byte) { d.id(binary.LittleEndian.Uint32(b)) })
}

// appendPersona appends a persona in style st: the type (the low byte),
// then "|" and the flag bits above it when any is set.
func appendPersona(b []byte, v uint32, st format.Style) []byte {
	b = personaTypes.Append(b, uint64(v&perMask), st, "PER_???", false)
	if rest := uint64(v &^ perMask); rest != 0 {
		b = append(b, '|')
		b = personaFlags.Append(b, rest, st, "")
	}
	return b
}

// personalityDone is personality's exit hook: the previous persona it
// returns (in hex, the table's RetHex) is named after it, "= 0
// (PER_LINUX)".
func personalityDone(d *Decoder, c *Call) {
	if c.Failed() {
		return
	}
	c.Detail = string(appendPersona(nil, uint32(c.Ret), d.Opts.Style))
}
