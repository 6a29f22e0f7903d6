package syscalls

import (
	"encoding/binary"
	"strconv"

	"golang.org/x/sys/unix"
)

// Administration: syslog, ustat, pivot_root, acct, swapon, swapoff,
// reboot, sethostname, setdomainname, iopl, ioperm, init_module,
// finit_module, delete_module, kexec_load, kexec_file_load,
// lookup_dcookie, uselib. (strace 6.1 prints sysfs raw; quotactl and
// quotactl_fd are in quota.go.)

// admin.go's flag and value sets are listed in xlat/admin.txt, from which
// go generate writes zxlat.go.

// Values x/sys lacks: linux/reboot.h's other magic2 numbers and
// sys/swap.h's flags.
const (
	rebootMagic2A = 0x05121996
	rebootMagic2B = 0x16041998
	rebootMagic2C = 0x20112000

	swapFlagPrefer       = 0x8000
	swapFlagPrioMask     = 0x7fff
	swapFlagDiscard      = 0x10000
	swapFlagDiscardOnce  = 0x20000
	swapFlagDiscardPages = 0x40000

	newUtsLen = 64 // __NEW_UTS_LEN: longer names print as an address

	syslogConsoleLevel = 8
)

// syslogArgs says which of syslog's bufp and len print for type t: none,
// both at entry, or both at exit (the read commands).
func syslogArgs(t int32) (none, atExit bool) {
	switch t {
	case 0, 1, 5, 6, 7, 9, 10: // close, open, clear, console off/on, sizes
		return true, false
	case 2, 3, 4: // read, read all, read and clear
		return false, true
	}
	return false, false
}

// syslogEnter prints syslog's bufp and len at entry (Enter has appended
// ", "), or takes the separator back.
func syslogEnter(d *Decoder, c *Call, i int) {
	t := int32(c.Args[0])
	if none, exit := syslogArgs(t); none || exit {
		d.dropSep()
		return
	}
	d.Addr(c.Args[1])
	d.S(", ")
	if t == syslogConsoleLevel {
		d.B = appendXvalDec(d.B, syslogConsoleLevels, int64(int32(c.Args[2])), "LOGLEVEL_???")
		return
	}
	d.Int(int64(int32(c.Args[2])))
}

// syslogExit prints what the read commands filled, at exit.
func syslogExit(d *Decoder, c *Call, i int) {
	if _, exit := syslogArgs(int32(c.Args[0])); !exit {
		return
	}
	d.S(", ")
	if c.Failed() {
		d.Addr(c.Args[1])
	} else {
		d.strN(c.Args[1], uint64(c.Ret), 0)
	}
	d.S(", ")
	d.Int(int64(int32(c.Args[2])))
}

// appendXvalDec appends v as strace's XLAT_STYLE_VERBOSE|XLAT_STYLE_FMT_D
// prints it whatever -X says: "3 /* NAME */", or the dflt comment.
func appendXvalDec(b []byte, vs interface{ Name(uint64) (string, bool) }, v int64, dflt string) []byte {
	b = strconv.AppendInt(b, v, 10)
	name, ok := vs.Name(uint64(v))
	if !ok {
		name = dflt
	}
	b = append(b, " /* "...)
	b = append(b, name...)
	return append(b, " */"...)
}

// kexecSegments appends kexec_load's n segments at addr ({buf, bufsz,
// mem, memsz} each), or the address when n is over KEXEC_SEGMENT_MAX.
func (d *Decoder) kexecSegments(addr, n uint64) {
	if n > unix.KEXEC_SEGMENT_MAX {
		d.Addr(addr)
		return
	}
	d.array(addr, n, 32, func(b []byte) {
		d.S("{buf=")
		d.Addr(binary.LittleEndian.Uint64(b))
		d.S(", bufsz=")
		d.Uint(binary.LittleEndian.Uint64(b[8:]))
		d.S(", mem=")
		d.Addr(binary.LittleEndian.Uint64(b[16:]))
		d.S(", memsz=")
		d.Uint(binary.LittleEndian.Uint64(b[24:]))
		d.S("}")
	})
}

var (
	// SyslogType prints syslog's type, always as "N /* NAME */" (strace
	// forces that style).
	SyslogType = &Arg{Print: func(d *Decoder, c *Call, i int) {
		d.B = appendXvalDec(d.B, syslogActions, int64(int32(c.Args[i])), "SYSLOG_ACTION_???")
	}}
	// SyslogArgs prints syslog's bufp and len by type (args[0]): none for
	// the commands that ignore them, the text read at exit for the
	// read commands, else an address and an int (a console level for
	// SYSLOG_ACTION_CONSOLE_LEVEL). Argument 2 is Hidden: this kind
	// prints it.
	SyslogArgs = &Arg{AtExit: true, Save: syslogEnter, Print: syslogExit}

	// DevArg prints a dev_t argument (ustat's): makedev(major, minor).
	DevArg = &Arg{Print: func(d *Decoder, c *Call, i int) { d.dev(uint64(uint32(c.Args[i]))) }}

	// SwapFlags prints swapon's flags: the SWAP_FLAG_* bits, if any,
	// then "|" and the priority in decimal.
	SwapFlags = &Arg{Print: func(d *Decoder, c *Call, i int) {
		f := uint64(uint32(c.Args[i]))
		if rest := f &^ swapFlagPrioMask; rest != 0 {
			d.Flags(swapFlags, rest, "SWAP_FLAG_???")
			d.S("|")
		}
		d.Uint(f & swapFlagPrioMask)
	}}

	// RebootMagic1, RebootMagic2 and RebootCmd print reboot's first three
	// arguments (unsigned ints).
	RebootMagic1 = &Arg{Print: func(d *Decoder, c *Call, i int) {
		d.Value(rebootMagic1, uint64(uint32(c.Args[i])), "LINUX_REBOOT_MAGIC_???")
	}}
	RebootMagic2 = &Arg{Print: func(d *Decoder, c *Call, i int) {
		d.Value(rebootMagic2, uint64(uint32(c.Args[i])), "LINUX_REBOOT_MAGIC_???")
	}}
	RebootCmd = &Arg{Print: func(d *Decoder, c *Call, i int) {
		d.Value(rebootCmds, uint64(uint32(c.Args[i])), "LINUX_REBOOT_CMD_???")
	}}
	// RebootArg prints LINUX_REBOOT_CMD_RESTART2's command string (up to
	// 255 bytes, cut at -s); other commands have no fourth argument.
	RebootArg = &Arg{
		Print: func(d *Decoder, c *Call, i int) { d.strN(c.Args[i], 255, strNul) },
		Skip:  func(c *Call, i int) bool { return uint32(c.Args[2]) != unix.LINUX_REBOOT_CMD_RESTART2 },
	}

	// HostName prints sethostname's and setdomainname's name: len
	// (the next argument) bytes, or the address when len is over the
	// kernel's limit.
	HostName = &Arg{Print: func(d *Decoder, c *Call, i int) {
		n := uint64(uint32(c.Args[i+1]))
		if n > newUtsLen {
			d.Addr(c.Args[i])
			return
		}
		d.strN(c.Args[i], n, 0)
	}}

	// DeleteModuleFlags prints delete_module's flags.
	DeleteModuleFlags = &Arg{Print: func(d *Decoder, c *Call, i int) { d.Flags(deleteModuleFlags, c.Args[i], "O_???") }}
	// ModuleInitFlags prints finit_module's flags (MODULE_INIT_*).
	ModuleInitFlags = &Arg{Print: func(d *Decoder, c *Call, i int) { d.Flags(moduleInitFlags, c.Args[i], "MODULE_INIT_???") }}

	// KexecSegments prints kexec_load's segments; their count is the
	// previous argument.
	KexecSegments = &Arg{Print: func(d *Decoder, c *Call, i int) { d.kexecSegments(c.Args[i], c.Args[i-1]) }}
	// KexecLoadFlags prints kexec_load's flags: the architecture as a
	// value, then "|" and the KEXEC_* flags.
	KexecLoadFlags = &Arg{Print: func(d *Decoder, c *Call, i int) {
		f := c.Args[i]
		d.Value(kexecArchs, f&unix.KEXEC_ARCH_MASK, "KEXEC_ARCH_???")
		if rest := f &^ unix.KEXEC_ARCH_MASK; rest != 0 {
			d.S("|")
			d.Flags(kexecLoadFlags, rest, "KEXEC_???")
		}
	}}
	// KexecCmdline prints kexec_file_load's command line: as many bytes
	// as the previous argument says.
	KexecCmdline = &Arg{Print: func(d *Decoder, c *Call, i int) { d.strN(c.Args[i], c.Args[i-1], 0) }}
	// KexecFileFlags prints kexec_file_load's flags (KEXEC_FILE_*).
	KexecFileFlags = &Arg{Print: func(d *Decoder, c *Call, i int) { d.Flags(kexecFileFlags, c.Args[i], "KEXEC_FILE_???") }}

	// DcookiePath prints lookup_dcookie's buffer at exit: the path, as
	// many bytes as the call returned; the address if it failed.
	DcookiePath = &Arg{AtExit: true, Print: func(d *Decoder, c *Call, i int) {
		if c.Failed() {
			d.Addr(c.Args[i])
			return
		}
		d.strN(c.Args[i], uint64(c.Ret), 0)
	}}
)
