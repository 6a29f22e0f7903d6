package syscalls

import (
	"encoding/binary"
	"sync"

	"github.com/gotrace/gotrace/format"
	"golang.org/x/sys/unix"
)

// BPF_OBJ_GET_INFO_BY_FD: {info={bpf_fd, info_len, info}}. info_len may
// change at exit ("=> N"); info prints as the address, or with -v, when
// bpf_fd is a map or a program at entry, as the struct bpf_map_info or
// bpf_prog_info the kernel wrote (the lengths and counts of a program
// that changed as "entry => exit").

// The sizes of the info structures strace 6.1 knows (bpf_map_info up to
// btf_value_type_id, bpf_prog_info up to verified_insns).
const (
	bpfMapInfoSize  = 80
	bpfProgInfoSize = 224
)

// The kinds of object bpf_fd refers to, as strace tells them.
const (
	bpfInfoOther = iota
	bpfInfoMap
	bpfInfoProg
)

// bpfInfoEnter finishes the entry part (after info_len): with -v, what
// bpf_fd is and, for a program, the info buffer as the caller gave it.
func (d *Decoder) bpfInfoEnter(st *bpfAttrState) {
	if !d.Opts.Verbose || d.Opts.FdLink == nil {
		return
	}
	fd := int(int32(binary.LittleEndian.Uint32(st.b)))
	switch d.Opts.FdLink(fd) {
	case "anon_inode:bpf-map":
		st.infoKind = bpfInfoMap
	case "anon_inode:bpf-prog":
		st.infoKind = bpfInfoProg
		st.infoEntry = make([]byte, bpfProgInfoSize)
		if b, ok := d.bpfInfoFetch(st.b); ok {
			copy(st.infoEntry, b)
		}
	}
}

// bpfInfoFetch reads the info buffer attr points to (info_len bytes,
// zero padded to a page), if info_len is 1..4096 and it is readable.
func (d *Decoder) bpfInfoFetch(attr []byte) ([]byte, bool) {
	n := binary.LittleEndian.Uint32(attr[4:])
	if n == 0 || n > pageSize {
		return nil, false
	}
	b, ok := d.readRaw(binary.LittleEndian.Uint64(attr[8:]), int(n))
	if !ok {
		return nil, false
	}
	buf := make([]byte, pageSize)
	copy(buf, b)
	return buf[:max(int(n), bpfProgInfoSize)], true
}

// bpfInfoExit appends the exit part: the new info_len, the info, the
// attr's extra bytes and the closing braces.
func (d *Decoder) bpfInfoExit(c *Call, st *bpfAttrState) {
	attr := make([]byte, 16)
	copy(attr, st.b[:min(len(st.b), 16)])
	if st.len > 4 {
		if b, ok := d.readRaw(c.Args[1], st.len); ok {
			copy(attr, b)
		}
	}
	le := binary.LittleEndian
	if o, n := le.Uint32(st.b[4:]), le.Uint32(attr[4:]); o != n {
		d.S(" => ")
		d.Uint(uint64(n))
	}
	d.S(", info=")
	info := le.Uint64(attr[8:])
	b, ok := []byte(nil), false
	if st.infoKind != bpfInfoOther {
		b, ok = d.bpfInfoFetch(attr)
	}
	switch {
	case !ok:
		d.Addr(info)
	case st.infoKind == bpfInfoMap:
		d.bpfMapInfo(b, int(le.Uint32(attr[4:])))
	default:
		d.bpfProgInfo(b, st.infoEntry, int(le.Uint32(attr[4:])))
	}
	d.S("}")
	d.bpfTail(st, int(uint32(c.Args[2])), bpfAttrSizes[unix.BPF_OBJ_GET_INFO_BY_FD])
}

// bpfInfoExtra appends ", ..." (or extra_data with -v, which this is
// under) when the kernel's info holds non-zero bytes past the structure
// strace knows.
func (d *Decoder) bpfInfoExtra(b []byte, size, known int) {
	st := bpfAttrState{b: b[:max(size, known)], len: known}
	d.bpfTail(&st, size, known)
}

// bpfMapInfo appends a struct bpf_map_info of size bytes.
func (d *Decoder) bpfMapInfo(b []byte, size int) {
	n := min(size, bpfMapInfoSize)
	le := binary.LittleEndian
	u32 := func(off int) uint64 { return uint64(le.Uint32(b[off:])) }
	u := func(name string, v uint64) { d.S(name); d.Uint(v) }
	d.S("{type=")
	d.Value(bpfMapTypes, u32(0), "BPF_MAP_TYPE_???")
	u(", id=", u32(4))
	u(", key_size=", u32(8))
	u(", value_size=", u32(12))
	u(", max_entries=", u32(16))
	d.S(", map_flags=")
	d.Flags(bpfMapFlags, u32(20), "BPF_F_???")
	if n > 24 {
		d.S(", name=")
		d.fixedCString(b[24:40])
	}
	if n > 40 {
		d.S(", ifindex=")
		d.ifindex(uint32(u32(40)))
		u(", btf_vmlinux_value_type_id=", u32(44))
		d.S(", netns_dev=")
		d.dev(le.Uint64(b[48:]))
		u(", netns_ino=", le.Uint64(b[56:]))
	}
	if n > 64 {
		u(", btf_id=", u32(64))
		u(", btf_key_type_id=", u32(68))
		u(", btf_value_type_id=", u32(72))
		d.bpfInfoExtra(b, size, bpfMapInfoSize)
		return
	}
	d.S("}")
}

// bpfProgInfo appends a struct bpf_prog_info of size bytes; old is the
// buffer as it was at entry (the lengths and counts the caller gave).
func (d *Decoder) bpfProgInfo(b, old []byte, size int) {
	n := min(size, bpfProgInfoSize)
	le := binary.LittleEndian
	u32 := func(off int) uint64 { return uint64(le.Uint32(b[off:])) }
	u64 := func(off int) uint64 { return le.Uint64(b[off:]) }
	u := func(name string, v uint64) { d.S(name); d.Uint(v) }
	// chg prints a count the kernel may have changed: "old => new".
	chg := func(name string, off int) {
		d.S(name)
		if o := uint64(le.Uint32(old[off:])); o != u32(off) {
			d.Uint(o)
			d.S(" => ")
		}
		d.Uint(u32(off))
	}
	chgAddr := func(name string, off int) {
		d.S(name)
		if o := le.Uint64(old[off:]); o != u64(off) {
			d.Addr(o)
			d.S(" => ")
		}
		d.Addr(u64(off))
	}
	d.S("{type=")
	d.Value(bpfProgTypes, u32(0), "BPF_PROG_TYPE_???")
	u(", id=", u32(4))
	d.S(", tag=")
	d.hexBytes(b[8:16])
	chg(", jited_prog_len=", 16)
	d.S(", jited_prog_insns=")
	d.strN(u64(24), u32(16), strHex)
	chg(", xlated_prog_len=", 20)
	d.S(", xlated_prog_insns=")
	if cnt := min(uint64(le.Uint32(old[20:])), u32(20)) / bpfInsnSize; d.Opts.Verbose {
		d.ebpfInsns(u64(32), cnt)
	} else {
		d.Addr(u64(32))
	}
	if n <= 40 {
		d.S("}")
		return
	}
	u(", load_time=", u64(40))
	d.bootTimeComment(u64(40))
	d.S(", created_by_uid=")
	d.id32(uint32(u32(48)))
	chg(", nr_map_ids=", 52)
	d.S(", map_ids=")
	d.array(u64(56), min(uint64(le.Uint32(old[52:])), u32(52)), 4, func(e []byte) {
		d.Uint(uint64(le.Uint32(e)))
	})
	d.S(", name=")
	d.fixedCString(b[64:80])
	if n <= 80 {
		d.S("}")
		return
	}
	d.S(", ifindex=")
	d.ifindex(uint32(u32(80)))
	u(", gpl_compatible=", u32(84)&1)
	d.S(", netns_dev=")
	d.dev(u64(88))
	u(", netns_ino=", u64(96))
	if n <= 104 {
		d.S("}")
		return
	}
	chg(", nr_jited_ksyms=", 104)
	chg(", nr_jited_func_lens=", 108)
	chgAddr(", jited_ksyms=", 112)
	chgAddr(", jited_func_lens=", 120)
	if n <= 128 {
		d.S("}")
		return
	}
	u(", btf_id=", u32(128))
	chg(", func_info_rec_size=", 132)
	d.S(", func_info=")
	d.Addr(u64(136))
	chg(", nr_func_info=", 144)
	chg(", nr_line_info=", 148)
	d.S(", line_info=")
	d.Addr(u64(152))
	chgAddr(", jited_line_info=", 160)
	chg(", nr_jited_line_info=", 168)
	chg(", line_info_rec_size=", 172)
	chg(", jited_line_info_rec_size=", 176)
	chg(", nr_prog_tags=", 180)
	d.S(", prog_tags=")
	d.Addr(u64(184))
	if n <= 192 {
		d.S("}")
		return
	}
	u(", run_time_ns=", u64(192))
	u(", run_cnt=", u64(200))
	if n <= 208 {
		d.S("}")
		return
	}
	u(", recursion_misses=", u64(208))
	if n <= 216 {
		d.S("}")
		return
	}
	u(", verified_insns=", u32(216))
	d.bpfInfoExtra(b, size, bpfProgInfoSize)
}

// id32 appends a uid or gid: -1 for (uid_t)-1, else unsigned.
func (d *Decoder) id32(v uint32) {
	if v == ^uint32(0) {
		d.S("-1")
		return
	}
	d.Uint(uint64(v))
}

var (
	bootOffsetOnce sync.Once
	bootOffsetNs   int64 // CLOCK_REALTIME - CLOCK_BOOTTIME, in ns
	bootOffsetOK   bool
)

// bootTimeComment appends a time since boot (ns) as an approximate date
// comment, " /* 2026-11-25T04:38:25+0000 */", as strace does (none with
// -X raw).
func (d *Decoder) bootTimeComment(ns uint64) {
	if d.Opts.Style == format.Raw {
		return
	}
	bootOffsetOnce.Do(func() {
		var boot, rtc unix.Timespec
		if unix.ClockGettime(unix.CLOCK_BOOTTIME, &boot) != nil || unix.ClockGettime(unix.CLOCK_REALTIME, &rtc) != nil {
			return
		}
		bootOffsetNs, bootOffsetOK = rtc.Nano()-boot.Nano(), true
	})
	if !bootOffsetOK {
		return
	}
	t := int64(ns/1e9)*1e9 + int64(ns%1e9) + bootOffsetNs
	d.B = appendDateComment(d.B, t/1e9)
}
