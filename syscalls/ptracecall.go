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

// ptracecall.go's flag and value sets are listed in xlat/ptracecall.txt, from which
// go generate writes zxlat.go.

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
		Print: func(d *Decoder, c *Call, i int) { d.Pid(int64(int32(c.Args[i]))) },
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
