package syscalls

import (
	"encoding/binary"
	"strconv"

	"github.com/gotrace/gotrace/format"
	"golang.org/x/sys/unix"
)

// ptrace(2) as a traced call: the request by name, the pid, and addr and
// data by request, as strace 6.1 shows them on amd64.

// Constants x/sys lacks: the ELF note types strace names that it does
// not carry (linux/elf.h).
const (
	ntPlatform  = 5
	ntGwindows  = 7
	ntAsrs      = 8
	ntPstatus   = 10
	ntPsinfo    = 13
	ntPrcred    = 14
	ntUtsname   = 15
	ntLwpstatus = 16
	ntLwpsinfo  = 17
	ntPrfpxreg  = 20

	// userSize is sizeof(struct user) on amd64 (sys/user.h), the last
	// offset PTRACE_PEEKUSER's addr is named by.
	userSize = 912
)

// ptraceCmds are ptrace's requests on amd64.
var ptraceCmds = format.ValueSet{
	{Val: unix.PTRACE_TRACEME, Name: "PTRACE_TRACEME"},
	{Val: unix.PTRACE_PEEKTEXT, Name: "PTRACE_PEEKTEXT"},
	{Val: unix.PTRACE_PEEKDATA, Name: "PTRACE_PEEKDATA"},
	{Val: unix.PTRACE_PEEKUSR, Name: "PTRACE_PEEKUSER"},
	{Val: unix.PTRACE_POKETEXT, Name: "PTRACE_POKETEXT"},
	{Val: unix.PTRACE_POKEDATA, Name: "PTRACE_POKEDATA"},
	{Val: unix.PTRACE_POKEUSR, Name: "PTRACE_POKEUSER"},
	{Val: unix.PTRACE_CONT, Name: "PTRACE_CONT"},
	{Val: unix.PTRACE_KILL, Name: "PTRACE_KILL"},
	{Val: unix.PTRACE_SINGLESTEP, Name: "PTRACE_SINGLESTEP"},
	{Val: unix.PTRACE_ATTACH, Name: "PTRACE_ATTACH"},
	{Val: unix.PTRACE_DETACH, Name: "PTRACE_DETACH"},
	{Val: unix.PTRACE_SYSCALL, Name: "PTRACE_SYSCALL"},
	{Val: unix.PTRACE_SETOPTIONS, Name: "PTRACE_SETOPTIONS"},
	{Val: unix.PTRACE_GETEVENTMSG, Name: "PTRACE_GETEVENTMSG"},
	{Val: unix.PTRACE_GETSIGINFO, Name: "PTRACE_GETSIGINFO"},
	{Val: unix.PTRACE_SETSIGINFO, Name: "PTRACE_SETSIGINFO"},
	{Val: unix.PTRACE_GETREGSET, Name: "PTRACE_GETREGSET"},
	{Val: unix.PTRACE_SETREGSET, Name: "PTRACE_SETREGSET"},
	{Val: unix.PTRACE_SEIZE, Name: "PTRACE_SEIZE"},
	{Val: unix.PTRACE_INTERRUPT, Name: "PTRACE_INTERRUPT"},
	{Val: unix.PTRACE_LISTEN, Name: "PTRACE_LISTEN"},
	{Val: unix.PTRACE_PEEKSIGINFO, Name: "PTRACE_PEEKSIGINFO"},
	{Val: unix.PTRACE_GETSIGMASK, Name: "PTRACE_GETSIGMASK"},
	{Val: unix.PTRACE_SETSIGMASK, Name: "PTRACE_SETSIGMASK"},
	{Val: unix.PTRACE_SECCOMP_GET_FILTER, Name: "PTRACE_SECCOMP_GET_FILTER"},
	{Val: unix.PTRACE_SECCOMP_GET_METADATA, Name: "PTRACE_SECCOMP_GET_METADATA"},
	{Val: unix.PTRACE_GET_SYSCALL_INFO, Name: "PTRACE_GET_SYSCALL_INFO"},
	{Val: unix.PTRACE_GET_RSEQ_CONFIGURATION, Name: "PTRACE_GET_RSEQ_CONFIGURATION"},
	{Val: unix.PTRACE_GETREGS, Name: "PTRACE_GETREGS"},
	{Val: unix.PTRACE_SETREGS, Name: "PTRACE_SETREGS"},
	{Val: unix.PTRACE_GETFPREGS, Name: "PTRACE_GETFPREGS"},
	{Val: unix.PTRACE_SETFPREGS, Name: "PTRACE_SETFPREGS"},
	{Val: unix.PTRACE_GETFPXREGS, Name: "PTRACE_GETFPXREGS"},
	{Val: unix.PTRACE_SETFPXREGS, Name: "PTRACE_SETFPXREGS"},
	{Val: unix.PTRACE_OLDSETOPTIONS, Name: "PTRACE_OLDSETOPTIONS"},
	{Val: unix.PTRACE_GET_THREAD_AREA, Name: "PTRACE_GET_THREAD_AREA"},
	{Val: unix.PTRACE_SET_THREAD_AREA, Name: "PTRACE_SET_THREAD_AREA"},
	{Val: unix.PTRACE_SYSEMU, Name: "PTRACE_SYSEMU"},
	{Val: unix.PTRACE_SYSEMU_SINGLESTEP, Name: "PTRACE_SYSEMU_SINGLESTEP"},
	{Val: unix.PTRACE_SINGLEBLOCK, Name: "PTRACE_SINGLEBLOCK"},
	{Val: unix.PTRACE_ARCH_PRCTL, Name: "PTRACE_ARCH_PRCTL"},
}

// ptraceOptions are the PTRACE_O_* options of PTRACE_SEIZE and
// PTRACE_SETOPTIONS, in strace's order.
var ptraceOptions = format.FlagSet{
	{Val: unix.PTRACE_O_TRACESYSGOOD, Name: "PTRACE_O_TRACESYSGOOD"},
	{Val: unix.PTRACE_O_TRACEFORK, Name: "PTRACE_O_TRACEFORK"},
	{Val: unix.PTRACE_O_TRACEVFORK, Name: "PTRACE_O_TRACEVFORK"},
	{Val: unix.PTRACE_O_TRACECLONE, Name: "PTRACE_O_TRACECLONE"},
	{Val: unix.PTRACE_O_TRACEEXEC, Name: "PTRACE_O_TRACEEXEC"},
	{Val: unix.PTRACE_O_TRACEVFORKDONE, Name: "PTRACE_O_TRACEVFORKDONE"},
	{Val: unix.PTRACE_O_TRACEEXIT, Name: "PTRACE_O_TRACEEXIT"},
	{Val: unix.PTRACE_O_TRACESECCOMP, Name: "PTRACE_O_TRACESECCOMP"},
	{Val: unix.PTRACE_O_EXITKILL, Name: "PTRACE_O_EXITKILL"},
	{Val: unix.PTRACE_O_SUSPEND_SECCOMP, Name: "PTRACE_O_SUSPEND_SECCOMP"},
}

// peeksiginfoFlags are struct ptrace_peeksiginfo_args's flags.
var peeksiginfoFlags = format.FlagSet{{Val: unix.PTRACE_PEEKSIGINFO_SHARED, Name: "PTRACE_PEEKSIGINFO_SHARED"}}

// ntTypes are the regset types of PTRACE_GETREGSET and PTRACE_SETREGSET
// (strace's list, amd64's and the generic ones).
var ntTypes = format.ValueSet{
	{Val: unix.NT_PRSTATUS, Name: "NT_PRSTATUS"},
	{Val: unix.NT_PRFPREG, Name: "NT_FPREGSET"},
	{Val: unix.NT_PRPSINFO, Name: "NT_PRPSINFO"},
	{Val: unix.NT_TASKSTRUCT, Name: "NT_PRXREG"},
	{Val: ntPlatform, Name: "NT_PLATFORM"},
	{Val: unix.NT_AUXV, Name: "NT_AUXV"},
	{Val: ntGwindows, Name: "NT_GWINDOWS"},
	{Val: ntAsrs, Name: "NT_ASRS"},
	{Val: ntPstatus, Name: "NT_PSTATUS"},
	{Val: ntPsinfo, Name: "NT_PSINFO"},
	{Val: ntPrcred, Name: "NT_PRCRED"},
	{Val: ntUtsname, Name: "NT_UTSNAME"},
	{Val: ntLwpstatus, Name: "NT_LWPSTATUS"},
	{Val: ntLwpsinfo, Name: "NT_LWPSINFO"},
	{Val: ntPrfpxreg, Name: "NT_PRFPXREG"},
	{Val: unix.NT_386_TLS, Name: "NT_386_TLS"},
	{Val: unix.NT_386_IOPERM, Name: "NT_386_IOPERM"},
	{Val: unix.NT_X86_XSTATE, Name: "NT_X86_XSTATE"},
	{Val: unix.NT_FILE, Name: "NT_FILE"},
	{Val: unix.NT_PRXFPREG, Name: "NT_PRXFPREG"},
	{Val: unix.NT_SIGINFO, Name: "NT_SIGINFO"},
}

// userOffsets are the named offsets into amd64's struct user that
// PTRACE_PEEKUSER and PTRACE_POKEUSER take, ascending; the last is its
// size. An offset between two names prints as the lower one "+n".
var userOffsets = func() []format.Value {
	regs := []string{"R15", "R14", "R13", "R12", "RBP", "RBX", "R11", "R10", "R9", "R8",
		"RAX", "RCX", "RDX", "RSI", "RDI", "ORIG_RAX", "RIP", "CS", "EFL", "RSP", "SS"}
	var vs []format.Value
	for k, r := range regs {
		vs = append(vs, format.Value{Val: uint64(8 * k), Name: "8*" + r})
	}
	for _, f := range []struct {
		off  uint64
		name string
	}{
		{216, "u_fpvalid"}, {224, "i387"}, {736, "u_tsize"}, {744, "u_dsize"},
		{752, "u_ssize"}, {760, "start_code"}, {768, "start_stack"}, {776, "signal"},
		{784, "reserved"}, {792, "u_ar0"}, {800, "u_fpstate"}, {808, "magic"},
		{816, "u_comm"}, {848, "u_debugreg"},
	} {
		vs = append(vs, format.Value{Val: f.off, Name: "offsetof(struct user, " + f.name + ")"})
	}
	return append(vs, format.Value{Val: userSize, Name: "sizeof(struct user)"})
}()

// userOffset appends a struct user offset: its name ("8*RAX",
// "offsetof(struct user, i387)+32") by the -X style, the bare address
// beyond the struct.
func (d *Decoder) userOffset(v uint64) {
	name := ""
	for k := len(userOffsets) - 1; k >= 0; k-- {
		u := userOffsets[k]
		if v < u.Val {
			continue
		}
		if v > u.Val && k == len(userOffsets)-1 {
			break
		}
		name = u.Name
		if v > u.Val {
			name += "+" + strconv.FormatUint(v-u.Val, 10)
		}
		break
	}
	if name == "" || d.Opts.Style != format.Abbrev {
		d.Addr(v)
	}
	switch {
	case name == "" || d.Opts.Style == format.Raw:
	case d.Opts.Style == format.Verbose:
		d.S(" /* ")
		d.S(name)
		d.S(" */")
	default:
		d.S(name)
	}
}

// ptraceReq is a ptrace call's request (args[0]).
func ptraceReq(c *Call) uint64 { return c.Args[0] }

// ptraceNoArgs reports whether the request ignores pid (TRACEME) or
// addr and data (ATTACH, INTERRUPT, KILL, LISTEN): strace stops there.
func ptraceStops(c *Call, i int) bool {
	switch ptraceReq(c) {
	case unix.PTRACE_TRACEME:
		return true
	case unix.PTRACE_ATTACH, unix.PTRACE_INTERRUPT, unix.PTRACE_KILL, unix.PTRACE_LISTEN:
		return i >= 2
	}
	return false
}

// ptraceDataAtExit reports whether the request's data is what the call
// fills, printed at exit.
func ptraceDataAtExit(req uint64) bool {
	switch req {
	case unix.PTRACE_PEEKDATA, unix.PTRACE_PEEKTEXT, unix.PTRACE_PEEKUSR,
		unix.PTRACE_GETEVENTMSG, unix.PTRACE_GETREGSET, unix.PTRACE_GETSIGINFO,
		unix.PTRACE_GETSIGMASK, unix.PTRACE_PEEKSIGINFO, unix.PTRACE_SECCOMP_GET_FILTER,
		unix.PTRACE_GET_SYSCALL_INFO:
		return true
	}
	return false
}

// regsetIov appends the one struct iovec of PTRACE_GETREGSET and
// PTRACE_SETREGSET at addr, its base as an address.
func (d *Decoder) regsetIov(addr uint64) {
	b, ok := d.Read(addr, 16)
	if !ok {
		d.Addr(addr)
		return
	}
	d.S("{iov_base=")
	d.Addr(binary.LittleEndian.Uint64(b))
	d.S(", iov_len=")
	d.Uint(binary.LittleEndian.Uint64(b[8:]))
	d.S("}")
}

// peeksiginfoArgs reads PTRACE_PEEKSIGINFO's struct
// ptrace_peeksiginfo_args at addr.
func (d *Decoder) peeksiginfoArgs(addr uint64) ([]byte, bool) { return d.Read(addr, 16) }

// ptraceDataEntry appends data at entry for the requests that pass it in.
func (d *Decoder) ptraceDataEntry(c *Call) {
	req, addr, data := ptraceReq(c), c.Args[2], c.Args[3]
	switch req {
	case unix.PTRACE_CONT, unix.PTRACE_DETACH, unix.PTRACE_SYSCALL, unix.PTRACE_SINGLESTEP,
		unix.PTRACE_SINGLEBLOCK, unix.PTRACE_SYSEMU, unix.PTRACE_SYSEMU_SINGLESTEP:
		d.Signal(int64(data))
	case unix.PTRACE_SEIZE, unix.PTRACE_SETOPTIONS, unix.PTRACE_OLDSETOPTIONS:
		d.Flags(ptraceOptions, data, "PTRACE_O_???")
	case unix.PTRACE_SETSIGINFO:
		d.siginfoAt(data)
	case unix.PTRACE_SETSIGMASK:
		d.sigsetAt(data, addr, nsigBytes)
	case unix.PTRACE_SETREGSET:
		d.regsetIov(data)
	default:
		d.Addr(data)
	}
}

// ptraceDataExit appends what the call stored through data, at exit.
func (d *Decoder) ptraceDataExit(c *Call) {
	req, addr, data := ptraceReq(c), c.Args[2], c.Args[3]
	switch req {
	case unix.PTRACE_GETREGSET:
		// strace shows the iovec whatever the call returned.
		d.regsetIov(data)
		return
	}
	if c.Failed() {
		d.Addr(data)
		return
	}
	switch req {
	case unix.PTRACE_PEEKDATA, unix.PTRACE_PEEKTEXT, unix.PTRACE_PEEKUSR:
		if v, ok := d.ReadU64(data); ok {
			d.S("[")
			d.Addr(v)
			d.S("]")
			return
		}
		d.Addr(data)
	case unix.PTRACE_GETEVENTMSG:
		if v, ok := d.ReadU64(data); ok {
			d.S("[")
			d.Uint(v)
			d.S("]")
			return
		}
		d.Addr(data)
	case unix.PTRACE_GETSIGINFO:
		d.siginfoAt(data)
	case unix.PTRACE_GETSIGMASK:
		d.sigsetAt(data, addr, nsigBytes)
	case unix.PTRACE_PEEKSIGINFO:
		d.array(data, uint64(c.Ret), siginfoBytes, func(b []byte) {
			var si [siginfoBytes]byte
			copy(si[:], b)
			d.siginfo(si[:])
		})
	case unix.PTRACE_SECCOMP_GET_FILTER:
		d.bpfProg(data, uint64(c.Ret))
	default:
		d.Addr(data)
	}
}

var (
	// PtraceRequest prints ptrace's request: PTRACE_PEEKDATA, or hex with
	// /* PTRACE_??? */.
	PtraceRequest = &Arg{Print: func(d *Decoder, c *Call, i int) {
		d.Value(ptraceCmds, c.Args[i], "PTRACE_???")
	}}
	// PtracePid prints ptrace's pid (none for PTRACE_TRACEME).
	PtracePid = &Arg{
		Print: func(d *Decoder, c *Call, i int) { d.Int(int64(int32(c.Args[i]))) },
		Skip:  ptraceStops,
	}
	// PtraceAddr prints ptrace's addr by request: a struct user offset
	// (PEEKUSER, POKEUSER), a regset type (GETREGSET, SETREGSET), a size
	// in decimal (GETSIGMASK, SETSIGMASK, SECCOMP_GET_FILTER,
	// SECCOMP_GET_METADATA, GET_SYSCALL_INFO), PEEKSIGINFO's struct
	// ptrace_peeksiginfo_args, else an address; none for the requests
	// that ignore it, GETREGS, SETREGS, GETFPREGS and SETFPREGS among them
	// on amd64.
	PtraceAddr = &Arg{
		Skip: func(c *Call, i int) bool {
			switch ptraceReq(c) {
			case unix.PTRACE_GETREGS, unix.PTRACE_SETREGS, unix.PTRACE_GETFPREGS, unix.PTRACE_SETFPREGS:
				return true
			}
			return ptraceStops(c, i)
		},
		Print: func(d *Decoder, c *Call, i int) {
			v := c.Args[i]
			switch ptraceReq(c) {
			case unix.PTRACE_PEEKUSR, unix.PTRACE_POKEUSR:
				d.userOffset(v)
			case unix.PTRACE_GETREGSET, unix.PTRACE_SETREGSET:
				d.Value(ntTypes, v, "NT_???")
			case unix.PTRACE_GETSIGMASK, unix.PTRACE_SETSIGMASK, unix.PTRACE_SECCOMP_GET_FILTER,
				unix.PTRACE_SECCOMP_GET_METADATA, unix.PTRACE_GET_SYSCALL_INFO:
				d.Uint(v)
			case unix.PTRACE_PEEKSIGINFO:
				b, ok := d.peeksiginfoArgs(v)
				if !ok {
					d.Addr(v)
					return
				}
				d.S("{off=")
				d.Uint(binary.LittleEndian.Uint64(b))
				d.S(", flags=")
				d.Flags(peeksiginfoFlags, uint64(binary.LittleEndian.Uint32(b[8:])), "PTRACE_PEEKSIGINFO_???")
				d.S(", nr=")
				d.Uint(uint64(binary.LittleEndian.Uint32(b[12:])))
				d.S("}")
			default:
				d.Addr(v)
			}
		},
	}
	// PtraceData prints ptrace's data by request: a signal to deliver
	// (CONT, SYSCALL, DETACH…), PTRACE_O_* options (SEIZE, SETOPTIONS),
	// SETSIGINFO's siginfo, SETSIGMASK's set and SETREGSET's iovec at
	// entry; what PEEK*, GETEVENTMSG, GETREGSET, GETSIGINFO, GETSIGMASK,
	// PEEKSIGINFO and SECCOMP_GET_FILTER stored at exit (GET_SYSCALL_INFO's
	// structure is left as its address); else an address.
	PtraceData = &Arg{
		AtExit: true,
		Skip:   ptraceStops,
		Save: func(d *Decoder, c *Call, i int) {
			req := ptraceReq(c)
			if ptraceDataAtExit(req) {
				c.Saved[3] = 0
				if req == unix.PTRACE_PEEKSIGINFO {
					if _, ok := d.peeksiginfoArgs(c.Args[2]); !ok {
						// strace gives up on an unreadable
						// ptrace_peeksiginfo_args: data's address, now.
						c.Saved[3] = 1
						d.Addr(c.Args[i])
						return
					}
				}
				d.dropSep()
				return
			}
			d.ptraceDataEntry(c)
		},
		Print: func(d *Decoder, c *Call, i int) {
			if !ptraceDataAtExit(ptraceReq(c)) {
				return
			}
			if c.Saved[3] != 0 {
				return
			}
			d.S(", ")
			d.ptraceDataExit(c)
		},
	}
)
