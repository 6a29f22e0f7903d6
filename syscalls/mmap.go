package syscalls

import (
	"strconv"

	"github.com/gotrace/gotrace/format"
	"golang.org/x/sys/unix"
)

// The memory family: mmap and its kin, brk, madvise, msync, mlock, mincore.

// Values x/sys lacks (asm-generic/mman-common.h, linux/membarrier.h).
const (
	protSem         = 0x8
	madvSoftOffline = 101

	pkeyDisableAccess  = 0x1
	pkeyDisableWrite   = 0x2
	pkeyDisableExecute = 0x4 // arm64's, decoded on every arch by strace

	membarrierCmdQuery                            = 0
	membarrierCmdGlobal                           = 1 << 0
	membarrierCmdGlobalExpedited                  = 1 << 1
	membarrierCmdRegisterGlobalExpedited          = 1 << 2
	membarrierCmdPrivateExpedited                 = 1 << 3
	membarrierCmdRegisterPrivateExpedited         = 1 << 4
	membarrierCmdPrivateExpeditedSyncCore         = 1 << 5
	membarrierCmdRegisterPrivateExpeditedSyncCore = 1 << 6
	membarrierCmdPrivateExpeditedRseq             = 1 << 7
	membarrierCmdRegisterPrivateExpeditedRseq     = 1 << 8
	membarrierCmdFlagCPU                          = 0x1
)

// mmap.go's flag and value sets are listed in xlat/mmap.txt, from which
// go generate writes zxlat.go.

// membarrierCmdValues is membarrier's cmd as a value: MEMBARRIER_CMD_QUERY
// (zero, so not in the flag set membarrierCmds) and each command.
var membarrierCmdValues = append(format.ValueSet{{Val: membarrierCmdQuery, Name: "MEMBARRIER_CMD_QUERY"}}, membarrierCmds...)

// mmapHugeMask is the MAP_HUGE_* size field of mmap's flags.
const mmapHugeMask = unix.MAP_HUGE_MASK << unix.MAP_HUGE_SHIFT

// appendMmapFlags appends mmap's flags in the abbreviated style: the
// MAP_TYPE field as a value, the other flags, then the huge page size as
// N<<MAP_HUGE_SHIFT.
func appendMmapFlags(b []byte, v uint64) []byte {
	b = mmapTypes.Append(b, v&unix.MAP_TYPE, format.Abbrev, "MAP_???", false)
	v &^= unix.MAP_TYPE
	huge := v & mmapHugeMask
	v &^= mmapHugeMask
	if v != 0 {
		b = append(b, '|')
		b = mmapFlags.Append(b, v, format.Abbrev, "")
	}
	if huge != 0 {
		b = append(b, '|')
		b = strconv.AppendUint(b, huge>>unix.MAP_HUGE_SHIFT, 10)
		b = append(b, "<<MAP_HUGE_SHIFT"...)
	}
	return b
}

var (
	// Prot prints mmap's and mprotect's prot: PROT_READ|PROT_WRITE, or
	// PROT_NONE.
	Prot = &Arg{Print: func(d *Decoder, c *Call, i int) {
		d.flagsZero(mmapProt, c.Args[i], "PROT_NONE", "PROT_???")
	}}

	// MmapFlags prints mmap's flags: the MAP_TYPE field as a value
	// first, then the MAP_* flags, then the huge page size.
	MmapFlags = &Arg{Print: func(d *Decoder, c *Call, i int) {
		v := c.Args[i]
		switch d.Opts.Style {
		case format.Raw:
			d.Hex(v)
		case format.Verbose:
			d.Hex(v)
			d.S(" /* ")
			d.B = appendMmapFlags(d.B, v)
			d.S(" */")
		default:
			d.B = appendMmapFlags(d.B, v)
		}
	}}

	// Madvice prints madvise's advice (MADV_*).
	Madvice = &Arg{Print: func(d *Decoder, c *Call, i int) {
		d.Value(madviseAdvice, uint64(uint32(c.Args[i])), "MADV_???")
	}}

	// MsyncFlags prints msync's flags (MS_*).
	MsyncFlags = &Arg{Print: func(d *Decoder, c *Call, i int) { d.Flags(msyncFlags, uint64(uint32(c.Args[i])), "MS_???") }}

	// MlockFlags prints mlock2's flags (MLOCK_ONFAULT).
	MlockFlags = &Arg{Print: func(d *Decoder, c *Call, i int) {
		d.Flags(mlockFlags, uint64(uint32(c.Args[i])), "MLOCK_???")
	}}

	// MlockallFlags prints mlockall's flags (MCL_*).
	MlockallFlags = &Arg{Print: func(d *Decoder, c *Call, i int) {
		d.Flags(mlockallFlags, uint64(uint32(c.Args[i])), "MCL_???")
	}}

	// MremapFlags prints mremap's flags (MREMAP_*).
	MremapFlags = &Arg{Print: func(d *Decoder, c *Call, i int) {
		d.Flags(mremapFlags, c.Args[i], "MREMAP_???")
	}}

	// MremapNewAddr prints mremap's new address, only when the previous
	// argument (the flags) holds both MREMAP_MAYMOVE and MREMAP_FIXED.
	MremapNewAddr = &Arg{
		Print: func(d *Decoder, c *Call, i int) { d.Addr(c.Args[i]) },
		Skip: func(c *Call, i int) bool {
			const both = unix.MREMAP_MAYMOVE | unix.MREMAP_FIXED
			return c.Args[i-1]&both != both
		},
	}

	// PkeyAccess prints pkey_alloc's access rights (PKEY_DISABLE_*).
	PkeyAccess = &Arg{Print: func(d *Decoder, c *Call, i int) {
		d.Flags(pkeyAccess, c.Args[i], "PKEY_???")
	}}

	// MembarrierCmd prints membarrier's cmd (an int) as a value.
	MembarrierCmd = &Arg{Print: func(d *Decoder, c *Call, i int) {
		d.Value(membarrierCmdValues, uint64(uint32(c.Args[i])), "MEMBARRIER_CMD_???")
	}}

	// MembarrierFlags prints membarrier's flags (MEMBARRIER_CMD_FLAG_*).
	MembarrierFlags = &Arg{Print: func(d *Decoder, c *Call, i int) {
		d.Flags(membarrierFlags, uint64(uint32(c.Args[i])), "MEMBARRIER_CMD_FLAG_???")
	}}

	// MembarrierCPU prints membarrier's cpu_id (an int), only when the
	// flags (the previous argument) hold MEMBARRIER_CMD_FLAG_CPU.
	MembarrierCPU = &Arg{
		Print: func(d *Decoder, c *Call, i int) { d.Int(int64(int32(c.Args[i]))) },
		Skip:  func(c *Call, i int) bool { return uint32(c.Args[i-1])&membarrierCmdFlagCPU == 0 },
	}

	// MincoreVec prints mincore's vector at exit: one 0 or 1 per page
	// of the length (the previous argument), at most -s of them; the
	// address on failure.
	MincoreVec = &Arg{AtExit: true, Print: func(d *Decoder, c *Call, i int) {
		addr := c.Args[i]
		if c.Failed() || addr == 0 {
			d.Addr(addr)
			return
		}
		n := c.Args[i-1]/pageSize + min(c.Args[i-1]%pageSize, 1)
		show := min(n, uint64(d.Opts.StrSize))
		b, ok := d.Read(addr, int(show))
		if !ok {
			d.Addr(addr)
			return
		}
		d.S("[")
		for k, v := range b {
			if k > 0 {
				d.S(", ")
			}
			d.Uint(uint64(v & 1))
		}
		if n > show {
			if show > 0 {
				d.S(", ")
			}
			d.S("...")
		}
		d.S("]")
	}}
)

// membarrierDone is membarrier's exit hook: MEMBARRIER_CMD_QUERY's
// non-zero result is the set of supported commands, in hex with their
// names after it.
func membarrierDone(d *Decoder, c *Call) {
	if c.Failed() || c.Ret == 0 || uint32(c.Args[0]) != membarrierCmdQuery {
		return
	}
	c.RetAs = RetHex
	c.Detail = string(membarrierCmds.Append(nil, uint64(c.Ret), d.Opts.Style, ""))
}
