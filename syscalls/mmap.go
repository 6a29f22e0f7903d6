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

var (
	// mmapProt is mmap's and mprotect's prot (PROT_NONE, the zero, is
	// named apart).
	mmapProt = format.FlagSet{
		{Val: unix.PROT_READ, Name: "PROT_READ"},
		{Val: unix.PROT_WRITE, Name: "PROT_WRITE"},
		{Val: unix.PROT_EXEC, Name: "PROT_EXEC"},
		{Val: protSem, Name: "PROT_SEM"},
		{Val: unix.PROT_GROWSDOWN, Name: "PROT_GROWSDOWN"},
		{Val: unix.PROT_GROWSUP, Name: "PROT_GROWSUP"},
	}
	// mmapTypes is the MAP_TYPE field of mmap's flags, printed as a
	// value before the other flags.
	mmapTypes = format.ValueSet{
		{Val: unix.MAP_SHARED, Name: "MAP_SHARED"},
		{Val: unix.MAP_PRIVATE, Name: "MAP_PRIVATE"},
		{Val: unix.MAP_SHARED_VALIDATE, Name: "MAP_SHARED_VALIDATE"},
		{Val: unix.MAP_FILE, Name: "MAP_FILE"},
	}
	// mmapFlags is the rest of mmap's flags, in strace's order.
	mmapFlags = format.FlagSet{
		{Val: unix.MAP_FIXED, Name: "MAP_FIXED"},
		{Val: unix.MAP_ANONYMOUS, Name: "MAP_ANONYMOUS"},
		{Val: unix.MAP_32BIT, Name: "MAP_32BIT"},
		{Val: unix.MAP_NORESERVE, Name: "MAP_NORESERVE"},
		{Val: unix.MAP_POPULATE, Name: "MAP_POPULATE"},
		{Val: unix.MAP_NONBLOCK, Name: "MAP_NONBLOCK"},
		{Val: unix.MAP_GROWSDOWN, Name: "MAP_GROWSDOWN"},
		{Val: unix.MAP_DENYWRITE, Name: "MAP_DENYWRITE"},
		{Val: unix.MAP_EXECUTABLE, Name: "MAP_EXECUTABLE"},
		{Val: unix.MAP_LOCKED, Name: "MAP_LOCKED"},
		{Val: unix.MAP_STACK, Name: "MAP_STACK"},
		{Val: unix.MAP_HUGETLB, Name: "MAP_HUGETLB"},
		{Val: unix.MAP_SYNC, Name: "MAP_SYNC"},
		{Val: unix.MAP_FIXED_NOREPLACE, Name: "MAP_FIXED_NOREPLACE"},
	}
	// madviseAdvice is madvise's advice.
	madviseAdvice = format.ValueSet{
		{Val: unix.MADV_NORMAL, Name: "MADV_NORMAL"},
		{Val: unix.MADV_RANDOM, Name: "MADV_RANDOM"},
		{Val: unix.MADV_SEQUENTIAL, Name: "MADV_SEQUENTIAL"},
		{Val: unix.MADV_WILLNEED, Name: "MADV_WILLNEED"},
		{Val: unix.MADV_DONTNEED, Name: "MADV_DONTNEED"},
		{Val: unix.MADV_FREE, Name: "MADV_FREE"},
		{Val: unix.MADV_REMOVE, Name: "MADV_REMOVE"},
		{Val: unix.MADV_DONTFORK, Name: "MADV_DONTFORK"},
		{Val: unix.MADV_DOFORK, Name: "MADV_DOFORK"},
		{Val: unix.MADV_MERGEABLE, Name: "MADV_MERGEABLE"},
		{Val: unix.MADV_UNMERGEABLE, Name: "MADV_UNMERGEABLE"},
		{Val: unix.MADV_HUGEPAGE, Name: "MADV_HUGEPAGE"},
		{Val: unix.MADV_NOHUGEPAGE, Name: "MADV_NOHUGEPAGE"},
		{Val: unix.MADV_DONTDUMP, Name: "MADV_DONTDUMP"},
		{Val: unix.MADV_DODUMP, Name: "MADV_DODUMP"},
		{Val: unix.MADV_WIPEONFORK, Name: "MADV_WIPEONFORK"},
		{Val: unix.MADV_KEEPONFORK, Name: "MADV_KEEPONFORK"},
		{Val: unix.MADV_COLD, Name: "MADV_COLD"},
		{Val: unix.MADV_PAGEOUT, Name: "MADV_PAGEOUT"},
		{Val: unix.MADV_POPULATE_READ, Name: "MADV_POPULATE_READ"},
		{Val: unix.MADV_POPULATE_WRITE, Name: "MADV_POPULATE_WRITE"},
		{Val: unix.MADV_DONTNEED_LOCKED, Name: "MADV_DONTNEED_LOCKED"},
		{Val: unix.MADV_COLLAPSE, Name: "MADV_COLLAPSE"},
		{Val: unix.MADV_HWPOISON, Name: "MADV_HWPOISON"},
		{Val: madvSoftOffline, Name: "MADV_SOFT_OFFLINE"},
	}
	// msyncFlags is msync's flags.
	msyncFlags = format.FlagSet{
		{Val: unix.MS_SYNC, Name: "MS_SYNC"},
		{Val: unix.MS_ASYNC, Name: "MS_ASYNC"},
		{Val: unix.MS_INVALIDATE, Name: "MS_INVALIDATE"},
	}
	// mlockFlags is mlock2's flags.
	mlockFlags = format.FlagSet{{Val: unix.MLOCK_ONFAULT, Name: "MLOCK_ONFAULT"}}
	// mlockallFlags is mlockall's flags.
	mlockallFlags = format.FlagSet{
		{Val: unix.MCL_CURRENT, Name: "MCL_CURRENT"},
		{Val: unix.MCL_FUTURE, Name: "MCL_FUTURE"},
		{Val: unix.MCL_ONFAULT, Name: "MCL_ONFAULT"},
	}
	// pkeyAccess is pkey_alloc's access rights.
	pkeyAccess = format.FlagSet{
		{Val: pkeyDisableAccess, Name: "PKEY_DISABLE_ACCESS"},
		{Val: pkeyDisableWrite, Name: "PKEY_DISABLE_WRITE"},
		{Val: pkeyDisableExecute, Name: "PKEY_DISABLE_EXECUTE"},
	}
	// membarrierCmds is membarrier's cmd: a value at entry, and the set
	// of commands MEMBARRIER_CMD_QUERY returns, as flags (the query, the
	// zero, is left out there). strace 6.1 stops at the RSEQ pair.
	membarrierCmds = format.FlagSet{
		{Val: membarrierCmdGlobal, Name: "MEMBARRIER_CMD_GLOBAL"},
		{Val: membarrierCmdGlobalExpedited, Name: "MEMBARRIER_CMD_GLOBAL_EXPEDITED"},
		{Val: membarrierCmdRegisterGlobalExpedited, Name: "MEMBARRIER_CMD_REGISTER_GLOBAL_EXPEDITED"},
		{Val: membarrierCmdPrivateExpedited, Name: "MEMBARRIER_CMD_PRIVATE_EXPEDITED"},
		{Val: membarrierCmdRegisterPrivateExpedited, Name: "MEMBARRIER_CMD_REGISTER_PRIVATE_EXPEDITED"},
		{Val: membarrierCmdPrivateExpeditedSyncCore, Name: "MEMBARRIER_CMD_PRIVATE_EXPEDITED_SYNC_CORE"},
		{Val: membarrierCmdRegisterPrivateExpeditedSyncCore, Name: "MEMBARRIER_CMD_REGISTER_PRIVATE_EXPEDITED_SYNC_CORE"},
		{Val: membarrierCmdPrivateExpeditedRseq, Name: "MEMBARRIER_CMD_PRIVATE_EXPEDITED_RSEQ"},
		{Val: membarrierCmdRegisterPrivateExpeditedRseq, Name: "MEMBARRIER_CMD_REGISTER_PRIVATE_EXPEDITED_RSEQ"},
	}
	membarrierCmdValues = append(format.ValueSet{{Val: membarrierCmdQuery, Name: "MEMBARRIER_CMD_QUERY"}}, membarrierCmds...)
	// membarrierFlags is membarrier's flags.
	membarrierFlags = format.FlagSet{{Val: membarrierCmdFlagCPU, Name: "MEMBARRIER_CMD_FLAG_CPU"}}

	// mremapFlags is mremap's flags.
	mremapFlags = format.FlagSet{
		{Val: unix.MREMAP_MAYMOVE, Name: "MREMAP_MAYMOVE"},
		{Val: unix.MREMAP_FIXED, Name: "MREMAP_FIXED"},
		{Val: unix.MREMAP_DONTUNMAP, Name: "MREMAP_DONTUNMAP"},
	}
)

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
