package syscalls

import (
	"encoding/binary"

	"golang.org/x/sys/unix"
)

// perf_event_open (struct perf_event_attr).

// perf.go's flag and value sets are listed in xlat/perf.txt, from which go
// generate writes zxlat.go.

// Values x/sys lacks: PERF_COUNT_SW_CGROUP_SWITCHES (linux/perf_event.h)
// and the breakpoint types of linux/hw_breakpoint.h.
const (
	perfCountSwCgroupSwitches = 11

	hwBreakpointEmpty = 0
	hwBreakpointR     = 1
	hwBreakpointW     = 2
	hwBreakpointRW    = hwBreakpointR | hwBreakpointW
	hwBreakpointX     = 4
)

// struct perf_event_attr's layout: the size strace 6.1 knows
// (PERF_ATTR_SIZE_VER7), the first published size, the bytes read without
// -v (up to wakeup_events) and the offsets of the fields the size may cut.
const (
	perfAttrSize      = unix.PERF_ATTR_SIZE_VER7
	perfAttrVer0      = unix.PERF_ATTR_SIZE_VER0
	perfAttrAbbrev    = 48
	perfOffFlags      = 40
	perfOffBpLen      = 64
	perfOffBranchType = 72
	perfOffRegsUser   = 80
	perfOffStackUser  = 88
	perfOffClockid    = 92
	perfOffRegsIntr   = 96
	perfOffAuxWmark   = 104
	perfOffMaxStack   = 108
	perfOffReserved2  = 110
	perfOffAuxSample  = 112
	perfOffReserved3  = 116
	perfOffSigData    = 120
)

// perfAttrBits are the one-bit fields of the flag word at offset 40, by
// bit number; precise_ip (two bits) sits at 15, __reserved_1 from 38.
var perfAttrBits = [...]string{
	"disabled", "inherit", "pinned", "exclusive", "exclude_user",
	"exclude_kernel", "exclude_hv", "exclude_idle", "mmap", "comm", "freq",
	"inherit_stat", "enable_on_exec", "task", "watermark", "", "",
	"mmap_data", "sample_id_all", "exclude_host", "exclude_guest",
	"exclude_callchain_kernel", "exclude_callchain_user", "mmap2",
	"comm_exec", "use_clockid", "context_switch", "write_backward",
	"namespaces", "ksymbol", "bpf_event", "aux_output", "cgroup",
	"text_poke", "build_id", "inherit_thread", "remove_on_exec", "sigtrap",
}

const (
	perfBitFreq       = 10
	perfBitWatermark  = 14
	perfBitPreciseIP  = 15
	perfBitUseClockid = 25
	perfReserved1     = 38
)

var perfPreciseIP = [4]string{"arbitrary skid", "constant skid", "requested to have 0 skid", "must have 0 skid"}

// perfAttr is what perf_event_open's entry read of the attr keeps for the
// exit: the bytes (size of them) or bad when strace prints the address.
type perfAttr struct {
	b    [perfAttrSize]byte
	size int
	bad  bool
}

// fetchPerfAttr reads struct perf_event_attr at addr as strace does at
// entry: its size field says how much (0 meaning VER0, at most what
// strace knows; below VER0 the address prints), only up to wakeup_events
// without -v.
func (d *Decoder) fetchPerfAttr(addr uint64) *perfAttr {
	p := &perfAttr{bad: true}
	sb, ok := d.readRaw(addr+4, 4)
	if !ok {
		return p
	}
	size := int(binary.LittleEndian.Uint32(sb))
	if size > perfAttrSize {
		size = perfAttrSize
	}
	if size == 0 {
		size = perfAttrVer0
	}
	if size < perfAttrVer0 {
		return p
	}
	if !d.Opts.Verbose {
		size = perfAttrAbbrev
	}
	b, ok := d.Read(addr, size)
	if !ok {
		return p
	}
	copy(p.b[:], b)
	p.size, p.bad = size, false
	return p
}

// perfAttr appends the struct perf_event_attr fetched at entry; after
// E2BIG, the size the kernel wrote back follows the one passed.
func (d *Decoder) perfAttr(c *Call, addr uint64, p *perfAttr) {
	if p == nil || p.bad {
		d.Addr(addr)
		return
	}
	b := p.b[:]
	u16 := func(off int) uint64 { return uint64(binary.LittleEndian.Uint16(b[off:])) }
	u32 := func(off int) uint64 { return uint64(binary.LittleEndian.Uint32(b[off:])) }
	u64 := func(off int) uint64 { return binary.LittleEndian.Uint64(b[off:]) }
	typ, asize, cfg := u32(0), u32(4), u64(8)
	d.S("{type=")
	d.Value(perfTypes, typ, "PERF_TYPE_???")
	d.S(", size=")
	d.Value(perfAttrSizes, asize, "PERF_ATTR_SIZE_???")
	if c.Failed() && c.Errno() == int(unix.E2BIG) {
		d.S(" => ")
		if nb, ok := d.readRaw(addr+4, 4); ok {
			d.Value(perfAttrSizes, uint64(binary.LittleEndian.Uint32(nb)), "PERF_ATTR_SIZE_???")
		} else {
			d.S("???")
		}
	}
	d.S(", config=")
	d.perfConfig(typ, cfg)
	flags := u64(perfOffFlags)
	bit := func(n int) bool { return flags>>n&1 != 0 }
	if bit(perfBitFreq) {
		d.S(", sample_freq=")
	} else {
		d.S(", sample_period=")
	}
	d.Uint(u64(16))
	sampleType := u64(24)
	d.S(", sample_type=")
	d.Flags(perfSampleFormat, sampleType, "PERF_SAMPLE_???")
	d.S(", read_format=")
	d.Flags(perfReadFormat, u64(32), "PERF_FORMAT_???")
	for n, name := range perfAttrBits {
		if n == perfBitPreciseIP {
			pip := flags >> perfBitPreciseIP & 3
			d.S(", precise_ip=")
			d.Uint(pip)
			d.S(" /* ")
			d.S(perfPreciseIP[pip])
			d.S(" */")
		}
		if name == "" || (!d.Opts.Verbose && !bit(n)) {
			continue
		}
		d.S(", ")
		d.S(name)
		d.S("=")
		d.Uint(flags >> n & 1)
	}
	if r := flags >> perfReserved1; r != 0 {
		d.S(", __reserved_1=")
		d.Hex(r)
		d.S(" /* Bits 63..38 */")
	}
	if d.Opts.Verbose {
		d.perfAttrTail(typ, sampleType, flags, p.size, u16, u32, u64)
	}
	if (asize != 0 && asize > uint64(p.size)) || (asize == 0 && p.size < perfAttrVer0) {
		d.S(", ...")
	}
	d.S("}")
}

// perfAttrTail appends the fields after the flag word (-v), as far as
// the size read holds them.
func (d *Decoder) perfAttrTail(typ, sampleType, flags uint64, size int, u16, u32, u64 func(int) uint64) {
	bp := typ == unix.PERF_TYPE_BREAKPOINT
	if flags>>perfBitWatermark&1 != 0 {
		d.S(", wakeup_watermark=")
	} else {
		d.S(", wakeup_events=")
	}
	d.Uint(u32(48))
	if bp {
		t := u32(52)
		dflt := "HW_BREAKPOINT_???"
		if t <= hwBreakpointX|hwBreakpointRW {
			dflt = "HW_BREAKPOINT_INVALID"
		}
		d.S(", bp_type=")
		d.Value(hwBreakpointTypes, t, dflt)
		d.S(", bp_addr=")
	} else {
		d.S(", config1=")
	}
	d.Hex(u64(56))
	if perfOffBpLen >= size {
		return
	}
	if bp {
		d.S(", bp_len=")
		d.Uint(u64(perfOffBpLen))
	} else {
		d.S(", config2=")
		d.Hex(u64(perfOffBpLen))
	}
	if perfOffBranchType >= size {
		return
	}
	if sampleType&unix.PERF_SAMPLE_BRANCH_STACK != 0 {
		d.S(", branch_sample_type=")
		d.Flags(perfBranchSampleType, u64(perfOffBranchType), "PERF_SAMPLE_BRANCH_???")
	}
	if perfOffRegsUser >= size {
		return
	}
	d.S(", sample_regs_user=")
	d.Hex(u64(perfOffRegsUser))
	if perfOffStackUser >= size {
		return
	}
	if sampleType&unix.PERF_SAMPLE_STACK_USER != 0 {
		d.S(", sample_stack_user=")
		d.Hex(u32(perfOffStackUser))
	}
	if flags>>perfBitUseClockid&1 != 0 {
		if perfOffClockid >= size {
			return
		}
		d.S(", clockid=")
		d.Value(clockIDs, u32(perfOffClockid), "CLOCK_???")
	}
	if perfOffRegsIntr >= size {
		return
	}
	d.S(", sample_regs_intr=")
	d.Hex(u64(perfOffRegsIntr))
	if perfOffAuxWmark >= size {
		return
	}
	d.S(", aux_watermark=")
	d.Uint(u32(perfOffAuxWmark))
	if perfOffMaxStack >= size {
		return
	}
	d.S(", sample_max_stack=")
	d.Uint(u16(perfOffMaxStack))
	if perfOffReserved2 >= size {
		return
	}
	if r := u16(perfOffReserved2); r != 0 {
		d.S(" /* bytes 110..111: ")
		d.Hex(r)
		d.S(" */")
	}
	if perfOffAuxSample >= size {
		return
	}
	d.S(", aux_sample_size=")
	d.Uint(u32(perfOffAuxSample))
	if perfOffReserved3 >= size {
		return
	}
	if r := u32(perfOffReserved3); r != 0 {
		d.S(" /* bytes 116..119: ")
		d.Hex(r)
		d.S(" */")
	}
	if perfOffSigData >= size {
		return
	}
	d.S(", sig_data=")
	d.Hex(u64(perfOffSigData))
}

// perfConfig appends an event's config by its type: a hardware event (a
// PMU type in the high half), a software event, a tracepoint id, the
// three bytes of a cache event, else hex.
func (d *Decoder) perfConfig(typ, cfg uint64) {
	high := func() {
		if cfg>>32 != 0 {
			d.Hex(cfg >> 32)
			d.S("<<32|")
		}
	}
	switch typ {
	case unix.PERF_TYPE_HARDWARE:
		high()
		d.Value(perfHwIDs, cfg&0xffffffff, "PERF_COUNT_HW_???")
	case unix.PERF_TYPE_SOFTWARE:
		d.Value(perfSwIDs, cfg, "PERF_COUNT_SW_???")
	case unix.PERF_TYPE_TRACEPOINT:
		d.Uint(cfg)
	case unix.PERF_TYPE_HW_CACHE:
		high()
		if v := cfg & 0xffffffff >> 24; v != 0 {
			d.Hex(v)
			d.S("<<24|")
		}
		d.Value(perfHwCacheResults, cfg>>16&0xff, "PERF_COUNT_HW_CACHE_RESULT_???")
		d.S("<<16|")
		d.Value(perfHwCacheOps, cfg>>8&0xff, "PERF_COUNT_HW_CACHE_OP_???")
		d.S("<<8|")
		d.Value(perfHwCacheIDs, cfg&0xff, "PERF_COUNT_HW_CACHE_???")
	default:
		d.Hex(cfg)
	}
}

var (
	// PerfEventAttr prints perf_event_open's struct perf_event_attr: read
	// at entry (Call.Priv), printed at exit, where an E2BIG shows the
	// size the kernel wrote back.
	PerfEventAttr = &Arg{
		AtExit: true,
		Save: func(d *Decoder, c *Call, i int) {
			c.Priv = d.fetchPerfAttr(c.Args[i])
		},
		Print: func(d *Decoder, c *Call, i int) {
			p, _ := c.Priv.(*perfAttr)
			d.perfAttr(c, c.Args[i], p)
		},
	}
	// PerfEventFlags prints perf_event_open's flags (PERF_FLAG_*), a
	// 64-bit word.
	PerfEventFlags = &Arg{Print: func(d *Decoder, c *Call, i int) {
		d.Flags(perfOpenFlags, c.Args[i], "PERF_FLAG_???")
	}}
)
