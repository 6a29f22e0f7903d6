package syscalls

import (
	"bytes"
	"encoding/binary"
	"strconv"

	"github.com/gotrace/gotrace/format"
	"golang.org/x/sys/unix"
)

// The process family: clone, clone3, wait4, waitid, kill, tkill, tgkill,
// the resource limits, getrusage, getrandom, uname, arch_prctl, prctl,
// sysinfo, sched_[gs]etaffinity, capget/capset, pidfd_open, the robust
// list and the id calls (which print no arguments).

// process.go's flag and value sets are listed in xlat/process.txt, from which
// go generate writes zxlat.go.

// clone3AllFlags is what clone3's flags print through.
var clone3AllFlags = append(append(format.FlagSet{}, cloneFlags...), clone3Flags...)

// cloneCSignal masks clone's exit signal (CSIGNAL; x/sys lacks it on
// Linux).
const cloneCSignal = 0xff

// cloneTidFlags are the flags that make clone write or use a tid pointer
// or the tls: only with them does strace print more at exit.
const cloneTidFlags = unix.CLONE_PARENT_SETTID | unix.CLONE_PIDFD | unix.CLONE_CHILD_SETTID |
	unix.CLONE_CHILD_CLEARTID | unix.CLONE_SETTLS

// rusageChildren is RUSAGE_CHILDREN (-1), a variable so that it converts
// to the unsigned int it prints as.
var rusageChildren = unix.RUSAGE_CHILDREN

// archCodes are arch_prctl's codes (asm/prctl.h; x/sys lacks ARCH_*).
const (
	archSetGS    = 0x1001
	archSetFS    = 0x1002
	archGetFS    = 0x1003
	archGetGS    = 0x1004
	archGetCPUID = 0x1011
)

// capNames are the capabilities by bit number, as strace 6.1 knows them.
var capNames = []string{
	unix.CAP_CHOWN: "CAP_CHOWN", unix.CAP_DAC_OVERRIDE: "CAP_DAC_OVERRIDE",
	unix.CAP_DAC_READ_SEARCH: "CAP_DAC_READ_SEARCH", unix.CAP_FOWNER: "CAP_FOWNER",
	unix.CAP_FSETID: "CAP_FSETID", unix.CAP_KILL: "CAP_KILL", unix.CAP_SETGID: "CAP_SETGID",
	unix.CAP_SETUID: "CAP_SETUID", unix.CAP_SETPCAP: "CAP_SETPCAP",
	unix.CAP_LINUX_IMMUTABLE: "CAP_LINUX_IMMUTABLE", unix.CAP_NET_BIND_SERVICE: "CAP_NET_BIND_SERVICE",
	unix.CAP_NET_BROADCAST: "CAP_NET_BROADCAST", unix.CAP_NET_ADMIN: "CAP_NET_ADMIN",
	unix.CAP_NET_RAW: "CAP_NET_RAW", unix.CAP_IPC_LOCK: "CAP_IPC_LOCK", unix.CAP_IPC_OWNER: "CAP_IPC_OWNER",
	unix.CAP_SYS_MODULE: "CAP_SYS_MODULE", unix.CAP_SYS_RAWIO: "CAP_SYS_RAWIO",
	unix.CAP_SYS_CHROOT: "CAP_SYS_CHROOT", unix.CAP_SYS_PTRACE: "CAP_SYS_PTRACE",
	unix.CAP_SYS_PACCT: "CAP_SYS_PACCT", unix.CAP_SYS_ADMIN: "CAP_SYS_ADMIN", unix.CAP_SYS_BOOT: "CAP_SYS_BOOT",
	unix.CAP_SYS_NICE: "CAP_SYS_NICE", unix.CAP_SYS_RESOURCE: "CAP_SYS_RESOURCE",
	unix.CAP_SYS_TIME: "CAP_SYS_TIME", unix.CAP_SYS_TTY_CONFIG: "CAP_SYS_TTY_CONFIG",
	unix.CAP_MKNOD: "CAP_MKNOD", unix.CAP_LEASE: "CAP_LEASE", unix.CAP_AUDIT_WRITE: "CAP_AUDIT_WRITE",
	unix.CAP_AUDIT_CONTROL: "CAP_AUDIT_CONTROL", unix.CAP_SETFCAP: "CAP_SETFCAP",
	unix.CAP_MAC_OVERRIDE: "CAP_MAC_OVERRIDE", unix.CAP_MAC_ADMIN: "CAP_MAC_ADMIN",
	unix.CAP_SYSLOG: "CAP_SYSLOG", unix.CAP_WAKE_ALARM: "CAP_WAKE_ALARM",
	unix.CAP_BLOCK_SUSPEND: "CAP_BLOCK_SUSPEND", unix.CAP_AUDIT_READ: "CAP_AUDIT_READ",
	unix.CAP_PERFMON: "CAP_PERFMON", unix.CAP_BPF: "CAP_BPF", unix.CAP_CHECKPOINT_RESTORE: "CAP_CHECKPOINT_RESTORE",
}

// capSet is capNames as a value set (PR_CAPBSET_READ's argument).
var capSet = func() format.ValueSet {
	vs := make(format.ValueSet, len(capNames))
	for i, n := range capNames {
		vs[i] = format.Value{Val: uint64(i), Name: n}
	}
	return vs
}()

// capMask0 and capMask1 name the bits of the low and the high 32-bit word
// of a capability set (strace prints the two words as two flag sets).
var capMask0, capMask1 = func() (format.FlagSet, format.FlagSet) {
	var lo, hi format.FlagSet
	for i, n := range capNames {
		if i < 32 {
			lo = append(lo, format.Flag{Val: 1 << i, Name: "1<<" + n})
		} else {
			hi = append(hi, format.Flag{Val: 1 << (i - 32), Name: "1<<" + n})
		}
	}
	return lo, hi
}()

// caps appends a capability set given as its two 32-bit words.
func (d *Decoder) caps(lo, hi uint32) {
	if lo != 0 || hi == 0 {
		d.Flags(capMask0, uint64(lo), "CAP_???")
	}
	if hi != 0 {
		if lo != 0 {
			d.S("|")
		}
		d.Flags(capMask1, uint64(hi), "CAP_???")
	}
}

// waitStatus appends a wait status as strace prints it: [{WIFEXITED(s) &&
// WEXITSTATUS(s) == 0}].
func (d *Decoder) waitStatus(s uint32) {
	d.S("[")
	switch {
	case s&0xff == 0x7f: // stopped
		sig := (s >> 8) & 0xff
		d.S("{WIFSTOPPED(s) && WSTOPSIG(s) == ")
		d.S(signame(int(sig & 0x7f)))
		if sig&0x80 != 0 {
			d.S(" | 0x80")
		}
		d.S("}")
		s &^= 0xffff
	case s&0x7f != 0 && s&0x7f != 0x7f: // signaled
		d.S("{WIFSIGNALED(s) && WTERMSIG(s) == ")
		d.S(signame(int(s & 0x7f)))
		if s&0x80 != 0 {
			d.S(" && WCOREDUMP(s)")
		}
		d.S("}")
		s &^= 0xff
	case s&0x7f == 0: // exited
		d.S("{WIFEXITED(s) && WEXITSTATUS(s) == ")
		d.Int(int64((s >> 8) & 0xff))
		d.S("}")
		s &^= 0xff00
	case s == 0xffff:
		d.S("{WIFCONTINUED(s)}")
		s = 0
	default: // none of the kinds: the number
		d.Hex(uint64(s))
		d.S("]")
		return
	}
	if s != 0 {
		if ev := s >> 16; ev != 0 {
			d.S("|")
			d.Value(ptraceEvents, uint64(ev), "PTRACE_EVENT_???")
			d.S("<<16")
			s &= 0xffff
		}
		if s != 0 {
			d.S("|")
			d.Hex(uint64(s))
		}
	}
	d.S("]")
}

// signame is strace's signal name of n, or n in decimal.
func signame(n int) string { return SignalName(n) }

// rusage appends the struct rusage at addr: the two times, then "..."
// or, with -v, every field.
func (d *Decoder) rusage(addr uint64) {
	b, ok := d.Read(addr, 144)
	if !ok {
		d.Addr(addr)
		return
	}
	var v [144]byte
	copy(v[:], b)
	d.S("{ru_utime=")
	d.timevalBytes(v[0:16])
	d.S(", ru_stime=")
	d.timevalBytes(v[16:32])
	if !d.Opts.Verbose {
		d.S(", ...}")
		return
	}
	for k, name := range [...]string{"ru_maxrss", "ru_ixrss", "ru_idrss", "ru_isrss", "ru_minflt",
		"ru_majflt", "ru_nswap", "ru_inblock", "ru_oublock", "ru_msgsnd", "ru_msgrcv",
		"ru_nsignals", "ru_nvcsw", "ru_nivcsw"} {
		d.field(name)
		d.Uint(binary.LittleEndian.Uint64(v[32+8*k:])) // unsigned, as strace prints them
	}
	d.S("}")
}

// rlim appends one resource limit: RLIM64_INFINITY, 8192*1024 for whole
// KiB, or the number (always the number with -X raw).
func (d *Decoder) rlim(v uint64) {
	if d.Opts.Style == format.Raw {
		d.Uint(v)
		return
	}
	if v == unix.RLIM_INFINITY {
		if d.Opts.Style == format.Verbose {
			d.Uint(v)
			d.S(" /* RLIM64_INFINITY */")
			return
		}
		d.S("RLIM64_INFINITY")
		return
	}
	if v > 1024 && v%1024 == 0 {
		if d.Opts.Style == format.Verbose {
			d.Uint(v)
			d.S(" /* ")
		}
		d.Uint(v / 1024)
		d.S("*1024")
		if d.Opts.Style == format.Verbose {
			d.S(" */")
		}
		return
	}
	d.Uint(v)
}

// rlimit appends the struct rlimit at addr.
func (d *Decoder) rlimit(addr uint64) {
	b, ok := d.Read(addr, 16)
	if !ok {
		d.Addr(addr)
		return
	}
	cur, max := binary.LittleEndian.Uint64(b), binary.LittleEndian.Uint64(b[8:])
	d.S("{rlim_cur=")
	d.rlim(cur)
	d.S(", rlim_max=")
	d.rlim(max)
	d.S("}")
}

// utsname appends the struct utsname at addr: sysname and nodename, then
// "..." or, with -v, every field.
func (d *Decoder) utsname(addr uint64) {
	b, ok := d.Read(addr, 6*65)
	if !ok {
		d.Addr(addr)
		return
	}
	var v [6 * 65]byte
	copy(v[:], b)
	n := 2
	if d.Opts.Verbose {
		n = 6
	}
	fields := [...]string{"sysname", "nodename", "release", "version", "machine", "domainname"}
	for k, name := range fields[:n] {
		if k == 0 {
			d.S("{")
		} else {
			d.S(", ")
		}
		d.S(name)
		d.S("=")
		d.fixedCString(v[65*k : 65*k+65])
	}
	if !d.Opts.Verbose {
		d.S(", ...")
	}
	d.S("}")
}

// fixedCString appends a NUL-terminated string of the char array f as
// strace prints a structure's array: at most len(f)-1 bytes, then "..."
// when f holds no NUL.
func (d *Decoder) fixedCString(f []byte) {
	if i := bytes.IndexByte(f, 0); i >= 0 {
		d.B = format.AppendQuoted(d.B, f[:i], d.Opts.X, false)
		return
	}
	d.B = format.AppendQuoted(d.B, f[:len(f)-1], d.Opts.X, false)
	d.S("...")
}

// sysinfo appends the struct sysinfo at addr, every field.
func (d *Decoder) sysinfo(addr uint64) {
	b, ok := d.Read(addr, 112)
	if !ok {
		d.Addr(addr)
		return
	}
	var v [112]byte
	copy(v[:], b)
	u := func(off int) uint64 { return binary.LittleEndian.Uint64(v[off:]) }
	d.S("{uptime=")
	d.Uint(u(0))
	d.S(", loads=[")
	d.Uint(u(8))
	d.S(", ")
	d.Uint(u(16))
	d.S(", ")
	d.Uint(u(24))
	d.S("]")
	for k, name := range [...]string{"totalram", "freeram", "sharedram", "bufferram", "totalswap", "freeswap"} {
		d.field(name)
		d.Uint(u(32 + 8*k))
	}
	d.field("procs")
	d.Uint(uint64(binary.LittleEndian.Uint16(v[80:])))
	d.field("totalhigh")
	d.Uint(u(88))
	d.field("freehigh")
	d.Uint(u(96))
	d.field("mem_unit")
	d.Uint(uint64(binary.LittleEndian.Uint32(v[104:])))
	d.S("}")
}

// cpuMaxBytes bounds a CPU set read.
const cpuMaxBytes = 8192

// cpuset appends the CPU mask of n bytes at addr: [0 1 5].
func (d *Decoder) cpuset(addr, n uint64) {
	if n > cpuMaxBytes {
		n = cpuMaxBytes
	}
	b, ok := d.Read(addr, int(n))
	if !ok || addr == 0 {
		d.Addr(addr)
		return
	}
	d.S("[")
	first := true
	for i, c := range b {
		for j := 0; j < 8; j++ {
			if c&(1<<j) != 0 {
				if !first {
					d.S(" ")
				}
				first = false
				d.Int(int64(i*8 + j))
			}
		}
	}
	d.S("]")
}

// capHeader appends the struct __user_cap_header_struct at addr.
func (d *Decoder) capHeader(addr uint64) {
	b, ok := d.Read(addr, 8)
	if !ok {
		d.Addr(addr)
		return
	}
	d.S("{version=")
	d.Value(capVersions, uint64(binary.LittleEndian.Uint32(b)), "_LINUX_CAPABILITY_VERSION_???")
	d.S(", pid=")
	d.Int(int64(int32(binary.LittleEndian.Uint32(b[4:]))))
	d.S("}")
}

// capData appends the capability sets at addr: one struct for version 1,
// two (64 bits) otherwise; the header (args[0]) gives the version.
func (d *Decoder) capData(c *Call, addr uint64) {
	n := 2
	if v, ok := d.ReadU32(c.Args[0]); ok && v == unix.LINUX_CAPABILITY_VERSION_1 {
		n = 1
	}
	b, ok := d.Read(addr, 12*n)
	if !ok {
		d.Addr(addr)
		return
	}
	var v [24]byte
	copy(v[:], b)
	get := func(field int) (uint32, uint32) {
		lo := binary.LittleEndian.Uint32(v[4*field:])
		if n == 2 {
			return lo, binary.LittleEndian.Uint32(v[12+4*field:])
		}
		return lo, 0
	}
	d.S("{effective=")
	d.caps(get(0))
	d.S(", permitted=")
	d.caps(get(1))
	d.S(", inheritable=")
	d.caps(get(2))
	d.S("}")
}

// numOut appends an int or a pointer the call stores, [v], or the address.
func (d *Decoder) numOut(addr uint64, ptr bool) {
	if ptr {
		v, ok := d.ReadU64(addr)
		if !ok {
			d.Addr(addr)
			return
		}
		d.S("[")
		d.Addr(v) // a pointer: NULL for zero
		d.S("]")
		return
	}
	v, ok := d.ReadU32(addr)
	if !ok {
		d.Addr(addr)
		return
	}
	d.S("[")
	d.Int(int64(int32(v)))
	d.S("]")
}

// cloneFlagsText appends clone's flags with the exit signal split off.
func (d *Decoder) cloneFlagsText(v uint64) {
	sig := v & cloneCSignal
	fl := v &^ cloneCSignal
	switch {
	case fl != 0:
		d.Flags(cloneFlags, fl, "CLONE_???")
		if sig != 0 {
			d.S("|")
			d.Signal(int64(sig))
		}
	case sig != 0:
		d.Signal(int64(sig))
	default:
		d.S("0")
	}
}

var (
	// Covered takes no place: the argument is printed by an earlier
	// argument's kind (futex's, clone's, prctl's).
	Covered = &Arg{Skip: func(*Call, int) bool { return true }, Print: func(*Decoder, *Call, int) {}}
	// CloneArgs prints clone's stack and flags (args[1] and args[0], in
	// that order, named) at entry.
	CloneArgs = &Arg{Print: func(d *Decoder, c *Call, i int) {
		d.S("child_stack=")
		d.Addr(c.Args[1])
		d.S(", flags=")
		d.cloneFlagsText(c.Args[0])
	}}
	// CloneTids prints at exit what clone wrote or took through its tid
	// pointers and tls (args[2..4]), as its flags (args[0]) say; it takes
	// no place without such flags.
	CloneTids = &Arg{
		AtExit: true,
		OwnSep: true,
		Skip:   func(c *Call, i int) bool { return c.Args[0]&cloneTidFlags == 0 },
		Print: func(d *Decoder, c *Call, i int) {
			fl := c.Args[0]
			sep := ""
			if fl&(unix.CLONE_PARENT_SETTID|unix.CLONE_PIDFD) != 0 {
				if fl&unix.CLONE_PARENT_SETTID != 0 {
					d.S("parent_tid=")
				} else {
					d.S("pidfd=")
				}
				if c.Failed() {
					d.Addr(c.Args[2])
				} else {
					d.numOut(c.Args[2], false)
				}
				sep = ", "
			}
			if fl&unix.CLONE_SETTLS != 0 {
				d.S(sep + "tls=")
				d.Addr(c.Args[4])
				sep = ", "
			}
			if fl&(unix.CLONE_CHILD_SETTID|unix.CLONE_CHILD_CLEARTID) != 0 {
				d.S(sep + "child_tidptr=")
				d.Addr(c.Args[3])
			}
		}}
	// Clone3Args prints clone3's struct clone_args (its size is the next
	// argument) and, after a successful call, " => {pidfd=[…],
	// parent_tid=[…]}". It is printed at exit.
	Clone3Args = &Arg{AtExit: true, Print: func(d *Decoder, c *Call, i int) {
		addr, size := c.Args[i], c.Args[i+1]
		if size < 64 {
			d.Addr(addr)
			return
		}
		n := size
		if n > 88 {
			n = 88
		}
		b, ok := d.Read(addr, int(n))
		if !ok {
			d.Addr(addr)
			return
		}
		var v [88]byte
		copy(v[:], b)
		u := func(off int) uint64 { return binary.LittleEndian.Uint64(v[off:]) }
		fl := u(0)
		d.S("{flags=")
		d.Flags(clone3AllFlags, fl, "CLONE_???")
		if fl&unix.CLONE_PIDFD != 0 {
			d.S(", pidfd=")
			d.Addr(u(8))
		}
		if fl&(unix.CLONE_CHILD_SETTID|unix.CLONE_CHILD_CLEARTID) != 0 {
			d.S(", child_tid=")
			d.Addr(u(16))
		}
		if fl&unix.CLONE_PARENT_SETTID != 0 {
			d.S(", parent_tid=")
			d.Addr(u(24))
		}
		d.S(", exit_signal=")
		if es := u(32); es < 1<<31-1 {
			d.Signal(int64(es))
		} else {
			d.Uint(es)
		}
		d.S(", stack=")
		d.Addr(u(40))
		d.S(", stack_size=")
		d.Hex(u(48))
		if fl&unix.CLONE_SETTLS != 0 {
			d.S(", tls=")
			d.Addr(u(56))
		}
		if n >= 80 && (u(64) != 0 || u(72) != 0) {
			d.S(", set_tid=")
			d.Addr(u(64))
			d.S(", set_tid_size=")
			d.Uint(u(72))
		}
		if n > 80 && (u(80) != 0 || fl&unix.CLONE_INTO_CGROUP != 0) {
			d.S(", cgroup=")
			d.Uint(u(80))
		}
		d.S("}")
		if c.Failed() || fl&(unix.CLONE_PIDFD|unix.CLONE_PARENT_SETTID) == 0 {
			return
		}
		d.S(" => {")
		if fl&unix.CLONE_PIDFD != 0 {
			d.S("pidfd=")
			d.numOut(u(8), false)
			if fl&unix.CLONE_PARENT_SETTID != 0 {
				d.S(", ")
			}
		}
		if fl&unix.CLONE_PARENT_SETTID != 0 {
			d.S("parent_tid=")
			d.numOut(u(24), false)
		}
		d.S("}")
	}}
	// WaitStatus prints wait4's wstatus at exit: the decoded status, or
	// the address when nothing was reaped or the call failed.
	WaitStatus = &Arg{AtExit: true, Print: func(d *Decoder, c *Call, i int) {
		if c.Failed() || c.Ret == 0 {
			d.Addr(c.Args[i])
			return
		}
		v, ok := d.ReadU32(c.Args[i])
		if !ok {
			d.Addr(c.Args[i])
			return
		}
		d.waitStatus(v)
	}}
	// WaitOptions prints wait4's and waitid's options.
	WaitOptions = &Arg{Print: func(d *Decoder, c *Call, i int) {
		d.Flags(waitOptions, uint64(uint32(c.Args[i])), "W???")
	}}
	// RusageWait prints wait4's rusage at exit: only when a child was
	// reaped (a positive return), else the address.
	RusageWait = &Arg{AtExit: true, Print: func(d *Decoder, c *Call, i int) {
		if c.Ret <= 0 {
			d.Addr(c.Args[i])
			return
		}
		d.rusage(c.Args[i])
	}}
	// RusageOut prints a struct rusage the call fills (getrusage,
	// waitid) at exit.
	RusageOut = out((*Decoder).rusage)
	// IDType prints waitid's idtype: P_PID…
	IDType = &Arg{Print: func(d *Decoder, c *Call, i int) {
		d.Value(idTypes, uint64(uint32(c.Args[i])), "P_???")
	}}
	// RusageWho prints getrusage's who.
	RusageWho = &Arg{Print: func(d *Decoder, c *Call, i int) {
		d.Value(rusageWho, uint64(uint32(c.Args[i])), "RUSAGE_???")
	}}
	// Resource prints an RLIMIT_* resource.
	Resource = &Arg{Print: func(d *Decoder, c *Call, i int) {
		d.Value(rlimitResources, uint64(uint32(c.Args[i])), "RLIMIT_???")
	}}
	// RlimitIn prints a struct rlimit the call reads, at entry.
	RlimitIn = in((*Decoder).rlimit)
	// RlimitOut prints a struct rlimit the call fills, at exit.
	RlimitOut = out((*Decoder).rlimit)
	// RandomBuf prints getrandom's buffer at exit: as many bytes as
	// returned, always in \x form; the address if it failed.
	RandomBuf = &Arg{AtExit: true, Print: func(d *Decoder, c *Call, i int) {
		if c.Failed() {
			d.Addr(c.Args[i])
			return
		}
		x := d.Opts.X
		d.Opts.X = format.XAll
		d.Buf(c.Args[i], uint64(c.Ret))
		d.Opts.X = x
	}}
	// GrndFlags prints getrandom's flags.
	GrndFlags = &Arg{Print: func(d *Decoder, c *Call, i int) {
		d.Flags(grndFlags, uint64(uint32(c.Args[i])), "GRND_???")
	}}
	// UtsnameOut prints uname's struct utsname at exit.
	UtsnameOut = out((*Decoder).utsname)
	// SysinfoOut prints sysinfo's struct sysinfo at exit.
	SysinfoOut = out((*Decoder).sysinfo)
	// ArchCode prints arch_prctl's code.
	ArchCode = &Arg{Print: func(d *Decoder, c *Call, i int) {
		d.Value(archCodes, uint64(uint32(c.Args[i])), "ARCH_???")
	}}
	// ArchAddr prints arch_prctl's addr at exit, as its code (the
	// previous argument) says: [value] for ARCH_GET_FS/GS, nothing for
	// ARCH_GET_CPUID, else the value in hex.
	ArchAddr = &Arg{
		AtExit: true,
		Skip:   func(c *Call, i int) bool { return uint32(c.Args[i-1]) == archGetCPUID },
		Print: func(d *Decoder, c *Call, i int) {
			switch uint32(c.Args[i-1]) {
			case archGetFS, archGetGS:
				if c.Failed() {
					d.Addr(c.Args[i])
					return
				}
				d.numOut(c.Args[i], true)
			default:
				d.Hex(c.Args[i])
			}
		}}
	// PtrOut prints a pointer the call stores ([0x1000]) at exit.
	PtrOut = out(func(d *Decoder, a uint64) { d.numOut(a, true) })
	// UlongOut prints an unsigned long the call stores ([24]) at exit.
	UlongOut = out(func(d *Decoder, a uint64) {
		v, ok := d.ReadU64(a)
		if !ok {
			d.Addr(a)
			return
		}
		d.S("[")
		d.Uint(v)
		d.S("]")
	})
	// CPUSetIn prints sched_setaffinity's mask at entry; its size is the
	// previous argument.
	CPUSetIn = &Arg{Print: func(d *Decoder, c *Call, i int) { d.cpuset(c.Args[i], c.Args[i-1]) }}
	// CPUSetOut prints sched_getaffinity's mask at exit: as many bytes as
	// the call returned.
	CPUSetOut = &Arg{AtExit: true, Print: func(d *Decoder, c *Call, i int) {
		if c.Failed() {
			d.Addr(c.Args[i])
			return
		}
		d.cpuset(c.Args[i], uint64(c.Ret))
	}}
	// CapHeader prints capget's and capset's header at entry.
	CapHeader = in((*Decoder).capHeader)
	// CapDataIn prints capset's data at entry (the header, args[0], gives
	// its version).
	CapDataIn = &Arg{Print: func(d *Decoder, c *Call, i int) { d.capData(c, c.Args[i]) }}
	// CapDataOut prints capget's data at exit.
	CapDataOut = &Arg{AtExit: true, Print: func(d *Decoder, c *Call, i int) {
		if c.Failed() {
			d.Addr(c.Args[i])
			return
		}
		d.capData(c, c.Args[i])
	}}
	// PidfdOpenFlags prints pidfd_open's flags.
	PidfdOpenFlags = &Arg{Print: func(d *Decoder, c *Call, i int) {
		d.Flags(pidfdOpenFlags, uint64(uint32(c.Args[i])), "PIDFD_???")
	}}
)

// Pid prints a pid (an int), with -Y its command name.
var Pid = &Arg{Print: func(d *Decoder, c *Call, i int) { d.Pid(int64(int32(c.Args[i]))) }}

// Pid appends a pid; with -Y (Options.PidComm) a positive one is followed
// by "<comm>" while the process exists. strace decorates neither process
// groups (negative pids) nor 0 and -1.
func (d *Decoder) Pid(v int64) {
	d.B = strconv.AppendInt(d.B, v, 10)
	if v > 0 && d.Opts.PidComm != nil {
		d.B = d.Opts.PidComm(d.B, int(v))
	}
}

// WaitidID prints waitid's id: a pid (decorated with -Y) for P_PID, else
// an int (a process group, a pidfd, or unused).
var WaitidID = &Arg{Print: func(d *Decoder, c *Call, i int) {
	if uint32(c.Args[0]) == unix.P_PID {
		d.Pid(int64(int32(c.Args[i])))
		return
	}
	d.Int(int64(int32(c.Args[i])))
}}

// PrioWho prints getpriority's and setpriority's who: a pid (decorated
// with -Y) for PRIO_PROCESS, else an int (a process group, a user).
var PrioWho = &Arg{Print: func(d *Decoder, c *Call, i int) {
	if uint32(c.Args[0]) == unix.PRIO_PROCESS {
		d.Pid(int64(int32(c.Args[i])))
		return
	}
	d.Int(int64(int32(c.Args[i])))
}}

// UnshareFlags prints unshare's flags (CLONE_NEW*…).
var UnshareFlags = &Arg{Print: func(d *Decoder, c *Call, i int) {
	d.Flags(unshareFlags, c.Args[i], "CLONE_???")
}}
