package syscalls

import (
	"encoding/binary"

	"github.com/gotrace/gotrace/format"

	"golang.org/x/sys/unix"
)

// bpf (union bpf_attr, by command).

// bpf.go's flag and value sets are listed in xlat/bpf.txt, from which go
// generate writes zxlat.go.

// The sizes of union bpf_attr's per-command structures strace 6.1 knows;
// bytes beyond them print only when not zero. A command missing here
// prints its attr as an address.
var bpfAttrSizes = map[uint32]int{
	unix.BPF_MAP_CREATE:                  72,
	unix.BPF_MAP_LOOKUP_ELEM:             32,
	unix.BPF_MAP_UPDATE_ELEM:             32,
	unix.BPF_MAP_DELETE_ELEM:             16,
	unix.BPF_MAP_GET_NEXT_KEY:            24,
	unix.BPF_PROG_LOAD:                   128,
	unix.BPF_OBJ_PIN:                     16,
	unix.BPF_OBJ_GET:                     16,
	unix.BPF_PROG_ATTACH:                 20,
	unix.BPF_PROG_DETACH:                 12,
	unix.BPF_PROG_GET_NEXT_ID:            12,
	unix.BPF_MAP_GET_NEXT_ID:             12,
	unix.BPF_BTF_GET_NEXT_ID:             12,
	unix.BPF_LINK_GET_NEXT_ID:            12,
	unix.BPF_PROG_GET_FD_BY_ID:           12,
	unix.BPF_MAP_GET_FD_BY_ID:            12,
	unix.BPF_BTF_GET_FD_BY_ID:            4,
	unix.BPF_LINK_GET_FD_BY_ID:           4,
	unix.BPF_MAP_LOOKUP_AND_DELETE_ELEM:  32,
	unix.BPF_MAP_FREEZE:                  4,
	unix.BPF_PROG_TEST_RUN:               76,
	unix.BPF_OBJ_GET_INFO_BY_FD:          16,
	unix.BPF_PROG_QUERY:                  28,
	unix.BPF_RAW_TRACEPOINT_OPEN:         16,
	unix.BPF_BTF_LOAD:                    28,
	unix.BPF_TASK_FD_QUERY:               48,
	unix.BPF_MAP_LOOKUP_BATCH:            56,
	unix.BPF_MAP_LOOKUP_AND_DELETE_BATCH: 56,
	unix.BPF_MAP_UPDATE_BATCH:            56,
	unix.BPF_MAP_DELETE_BATCH:            56,
	unix.BPF_LINK_CREATE:                 48, // the largest; by attach_type (st.known)
	unix.BPF_LINK_UPDATE:                 16,
}

// bpfMaxInsns is BPF_MAXINSNS: strace prints at most that many eBPF
// instructions.
const bpfMaxInsns = 4096

// bpfAttrState is what bpf keeps from entry to exit: the attr bytes read
// (zero-padded to the structure strace knows).
type bpfAttrState struct {
	b   []byte
	len int // bytes of the structure the size argument covers
	// BPF_OBJ_GET_INFO_BY_FD: what bpf_fd is (bpfInfo*), and a
	// program's info buffer at entry.
	infoKind  int
	infoEntry []byte
	// known, if set, is the structure's size by its contents
	// (BPF_LINK_CREATE's by attach_type), for the extra bytes.
	known int
}

// bpfGetNextID reports whether cmd is one of the *_GET_NEXT_ID commands,
// whose next_id prints at exit (BPF_OBJ_GET_INFO_BY_FD, which finishes at
// exit too, is not one).
func bpfGetNextID(cmd uint32) bool {
	switch cmd {
	case unix.BPF_PROG_GET_NEXT_ID, unix.BPF_MAP_GET_NEXT_ID, unix.BPF_BTF_GET_NEXT_ID, unix.BPF_LINK_GET_NEXT_ID:
		return true
	}
	return false
}

// bpfReturnsFd reports whether cmd returns a new descriptor, which strace
// 6.1 decorates with -y: the map, program and BTF ones (BPF_OBJ_GET,
// BPF_LINK_CREATE and BPF_RAW_TRACEPOINT_OPEN are left undecorated:
// none could be checked against strace here).
func bpfReturnsFd(cmd uint32) bool {
	switch cmd {
	case unix.BPF_MAP_CREATE, unix.BPF_PROG_LOAD, unix.BPF_PROG_GET_FD_BY_ID, unix.BPF_MAP_GET_FD_BY_ID,
		unix.BPF_BTF_LOAD, unix.BPF_BTF_GET_FD_BY_ID:
		return true
	}
	return false
}

// bpfBatch reports whether cmd is one of the batch commands, whose count
// the kernel may change.
func bpfBatch(cmd uint32) bool {
	switch cmd {
	case unix.BPF_MAP_LOOKUP_BATCH, unix.BPF_MAP_LOOKUP_AND_DELETE_BATCH, unix.BPF_MAP_UPDATE_BATCH, unix.BPF_MAP_DELETE_BATCH:
		return true
	}
	return false
}

// bpfEnter appends bpf's attr at entry: the address when strace would not
// decode it (a size of 0 or beyond a page, a command it does not know, an
// unreadable attr), else the command's fields.
func (d *Decoder) bpfEnter(c *Call) {
	cmd, addr, size := uint32(c.Args[0]), c.Args[1], uint32(c.Args[2])
	if bpfReturnsFd(cmd) {
		c.RetAs = RetFd
	}
	known, ok := bpfAttrSizes[cmd]
	if size == 0 || size > pageSize || !ok {
		d.Addr(addr)
		return
	}
	raw, ok := d.Read(addr, int(size))
	if !ok {
		d.Addr(addr)
		return
	}
	st := &bpfAttrState{b: make([]byte, max(int(size), known)), len: min(int(size), known)}
	copy(st.b, raw)
	c.Priv = st
	d.bpfFields(c, cmd, st, false)
	if cmd == unix.BPF_OBJ_GET_INFO_BY_FD {
		d.bpfInfoEnter(st)
		return
	}
	if cmd == unix.BPF_PROG_QUERY || cmd == unix.BPF_TASK_FD_QUERY {
		return // finished at exit
	}
	if st.known != 0 {
		known = st.known
	}
	if !bpfGetNextID(cmd) {
		d.bpfTail(st, int(size), known)
	}
}

// bpfTail appends what follows a decoded attr: the bytes beyond the known
// structure when one is not zero ("..." without -v, else extra_data in
// hex and their range), then the closing brace.
func (d *Decoder) bpfTail(st *bpfAttrState, size, known int) {
	if size > known {
		extra := st.b[known:size]
		for _, x := range extra {
			if x == 0 {
				continue
			}
			if !d.Opts.Verbose {
				d.S(", ...")
				break
			}
			d.S(", extra_data=")
			d.quotedHex(extra)
			d.S(" /* bytes ")
			d.Uint(uint64(known))
			d.S("..")
			d.Uint(uint64(size - 1))
			d.S(" */")
			break
		}
	}
	d.S("}")
}

// quotedHex appends b as a string with every byte in \xNN form.
func (d *Decoder) quotedHex(b []byte) {
	const hexDigits = "0123456789abcdef"
	d.S(`"`)
	for _, x := range b {
		d.B = append(d.B, '\\', 'x', hexDigits[x>>4], hexDigits[x&0xf])
	}
	d.S(`"`)
}

// bpfFields appends the fields of command cmd's structure, as far as the
// size holds them (st.len).
func (d *Decoder) bpfFields(c *Call, cmd uint32, st *bpfAttrState, exit bool) {
	b, n := st.b, st.len
	le := binary.LittleEndian
	u32 := func(off int) uint64 { return uint64(le.Uint32(b[off:])) }
	u64 := func(off int) uint64 { return le.Uint64(b[off:]) }
	sep := func(name string) {
		if name[0] != '{' {
			d.S(", ")
		}
		d.S(name)
	}
	u := func(name string, v uint64) { sep(name); d.Uint(v) }
	fd := func(name string, off int) { sep(name); d.Fd(int(int32(u32(off)))) }
	addr := func(name string, off int) { sep(name); d.Addr(u64(off)) }
	has := func(off int) bool { return n > off }
	switch cmd {
	case unix.BPF_MAP_CREATE:
		sep("{map_type=")
		d.Value(bpfMapTypes, u32(0), "BPF_MAP_TYPE_???")
		u("key_size=", u32(4))
		u("value_size=", u32(8))
		u("max_entries=", u32(12))
		if !has(16) {
			return
		}
		flags := u32(16)
		sep("map_flags=")
		d.Flags(bpfMapFlags, flags, "BPF_F_???")
		if !has(20) {
			return
		}
		fd("inner_map_fd=", 20)
		if !has(24) {
			return
		}
		if flags&unix.BPF_F_NUMA_NODE != 0 {
			u("numa_node=", u32(24))
		}
		if !has(28) {
			return
		}
		sep("map_name=")
		d.bpfName(b[28 : 28+min(16, n-28)])
		if !has(44) {
			return
		}
		u("map_ifindex=", u32(44))
		if !has(48) {
			return
		}
		fd("btf_fd=", 48)
		u("btf_key_type_id=", u32(52))
		u("btf_value_type_id=", u32(56))
		if !has(60) {
			return
		}
		u("btf_vmlinux_value_type_id=", u32(60))
		if !has(64) {
			return
		}
		u("map_extra=", u64(64))
	case unix.BPF_MAP_LOOKUP_ELEM, unix.BPF_MAP_LOOKUP_AND_DELETE_ELEM, unix.BPF_MAP_UPDATE_ELEM:
		fd("{map_fd=", 0)
		addr("key=", 8)
		addr("value=", 16)
		if cmd == unix.BPF_MAP_UPDATE_ELEM {
			sep("flags=")
			d.Value(bpfUpdateFlags, u64(24), "BPF_???")
			return
		}
		if !has(24) {
			return
		}
		sep("flags=")
		d.flagsZero(bpfLookupFlags, u64(24), "BPF_ANY", "BPF_???")
	case unix.BPF_MAP_DELETE_ELEM:
		fd("{map_fd=", 0)
		addr("key=", 8)
	case unix.BPF_MAP_GET_NEXT_KEY:
		fd("{map_fd=", 0)
		addr("key=", 8)
		addr("next_key=", 16)
	case unix.BPF_MAP_FREEZE:
		fd("{map_fd=", 0)
	case unix.BPF_PROG_LOAD:
		d.bpfProgLoad(b, n)
	case unix.BPF_OBJ_PIN, unix.BPF_OBJ_GET:
		sep("{pathname=")
		d.Path(u64(0))
		fd("bpf_fd=", 8)
		if !has(12) {
			return
		}
		sep("file_flags=")
		d.Flags(bpfFileFlags, u32(12), "BPF_F_???")
	case unix.BPF_PROG_ATTACH, unix.BPF_PROG_DETACH:
		fd("{target_fd=", 0)
		if cmd == unix.BPF_PROG_ATTACH {
			fd("attach_bpf_fd=", 4)
		}
		sep("attach_type=")
		d.Value(bpfAttachTypes, u32(8), "BPF_???")
		if cmd == unix.BPF_PROG_DETACH {
			return
		}
		sep("attach_flags=")
		d.Flags(bpfAttachFlags, u32(12), "BPF_F_???")
		if !has(16) {
			return
		}
		fd("replace_bpf_fd=", 16)
	case unix.BPF_PROG_GET_NEXT_ID, unix.BPF_MAP_GET_NEXT_ID, unix.BPF_BTF_GET_NEXT_ID, unix.BPF_LINK_GET_NEXT_ID:
		u("{start_id=", u32(0))
		if has(4) {
			u("next_id=", u32(4))
		}
	case unix.BPF_PROG_GET_FD_BY_ID, unix.BPF_MAP_GET_FD_BY_ID:
		if cmd == unix.BPF_PROG_GET_FD_BY_ID {
			u("{prog_id=", u32(0))
		} else {
			u("{map_id=", u32(0))
		}
		if !has(4) {
			return
		}
		u("next_id=", u32(4))
		if !has(8) {
			return
		}
		sep("open_flags=")
		d.Flags(bpfFileFlags, u32(8), "BPF_F_???")
	case unix.BPF_PROG_TEST_RUN:
		fd("{test={prog_fd=", 0)
		u("retval=", u32(4))
		u("data_size_in=", u32(8))
		u("data_size_out=", u32(12))
		addr("data_in=", 16)
		addr("data_out=", 24)
		u("repeat=", u32(32))
		u("duration=", u32(36))
		if has(40) {
			u("ctx_size_in=", u32(40))
			u("ctx_size_out=", u32(44))
			addr("ctx_in=", 48)
			addr("ctx_out=", 56)
		}
		if has(64) {
			sep("flags=")
			d.Flags(bpfTestRunFlags, u32(64), "BPF_F_TEST_???")
			u("cpu=", u32(68))
		}
		if has(72) {
			u("batch_size=", u32(72))
		}
		d.S("}")
	case unix.BPF_PROG_QUERY:
		fd("{query={target_fd=", 0)
		sep("attach_type=")
		d.Value(bpfAttachTypes, u32(4), "BPF_???")
		sep("query_flags=")
		d.Flags(bpfQueryFlags, u32(8), "BPF_F_QUERY_???")
		sep("attach_flags=")
		d.Flags(bpfAttachFlags, u32(12), "BPF_F_???")
		sep("prog_ids=")
	case unix.BPF_RAW_TRACEPOINT_OPEN:
		sep("{raw_tracepoint={name=")
		d.strN(u64(0), 128, strNul)
		fd("prog_fd=", 8)
		d.S("}")
	case unix.BPF_MAP_LOOKUP_BATCH, unix.BPF_MAP_LOOKUP_AND_DELETE_BATCH, unix.BPF_MAP_UPDATE_BATCH, unix.BPF_MAP_DELETE_BATCH:
		d.S("{batch={")
		lookup := cmd == unix.BPF_MAP_LOOKUP_BATCH || cmd == unix.BPF_MAP_LOOKUP_AND_DELETE_BATCH
		if lookup {
			d.S("in_batch=")
			d.Addr(u64(0))
			addr("out_batch=", 8)
			addr("keys=", 16)
		} else {
			d.S("keys=")
			d.Addr(u64(16))
		}
		if cmd != unix.BPF_MAP_DELETE_BATCH {
			addr("values=", 24)
		}
		u("count=", u32(32))
		fd("map_fd=", 36)
		sep("elem_flags=")
		d.flagsZero(bpfLookupFlags, u64(40), "BPF_ANY", "BPF_???")
		sep("flags=")
		d.Hex(u64(48))
		d.S("}")
	case unix.BPF_LINK_CREATE:
		d.bpfLinkCreate(st)
	case unix.BPF_LINK_UPDATE:
		fd("{link_update={link_fd=", 0)
		fd("new_prog_fd=", 4)
		flags := u32(8)
		sep("flags=")
		d.Flags(bpfAttachFlags, flags, "BPF_F_???")
		if flags&unix.BPF_F_REPLACE != 0 {
			fd("old_prog_fd=", 12)
		}
		d.S("}")
	case unix.BPF_TASK_FD_QUERY:
		sep("{task_fd_query={pid=")
		d.Pid(int64(int32(u32(0))))
		fd("fd=", 4)
		u("flags=", u32(8))
		u("buf_len=", u32(12))
	case unix.BPF_BTF_LOAD:
		sep("{btf=")
		d.strN(u64(0), u32(16), 0)
		addr("btf_log_buf=", 8)
		u("btf_size=", u32(16))
		u("btf_log_size=", u32(20))
		u("btf_log_level=", u32(24))
	case unix.BPF_OBJ_GET_INFO_BY_FD:
		fd("{info={bpf_fd=", 0)
		u("info_len=", u32(4))
	case unix.BPF_BTF_GET_FD_BY_ID:
		u("{btf_id=", u32(0))
	case unix.BPF_LINK_GET_FD_BY_ID:
		u("{link_id=", u32(0))
	}
}

// bpfQueryExit appends the rest of BPF_PROG_QUERY's attr at exit: the
// ids of the programs (the address if the call failed), as many as the
// kernel's prog_cnt, which follows ("entry => exit" if it changed).
func (d *Decoder) bpfQueryExit(c *Call, st *bpfAttrState) {
	attr := make([]byte, 28)
	copy(attr, st.b[:min(len(st.b), 28)])
	if b, ok := d.readRaw(c.Args[1], st.len); ok {
		copy(attr, b)
	}
	le := binary.LittleEndian
	ids, cnt := le.Uint64(attr[16:]), le.Uint32(attr[24:])
	if c.Failed() {
		d.Addr(ids)
	} else {
		d.array(ids, uint64(cnt), 4, func(b []byte) { d.Uint(uint64(le.Uint32(b))) })
	}
	d.S(", prog_cnt=")
	if old := le.Uint32(st.b[24:]); old != cnt {
		d.Uint(uint64(old))
		d.S(" => ")
	}
	d.Uint(uint64(cnt))
	d.S("}")
	d.bpfTail(st, int(uint32(c.Args[2])), bpfAttrSizes[unix.BPF_PROG_QUERY])
}

// bpfLinkCreate appends BPF_LINK_CREATE's fields: prog_fd, target_fd,
// attach_type, flags, then (given more than 16 bytes) the union's member
// strace 6.1 picks by attach_type: target_btf_id for
// BPF_CGROUP_INET_INGRESS (when not 0), iter_info for BPF_TRACE_ITER,
// perf_event for BPF_PERF_EVENT, kprobe_multi for BPF_TRACE_KPROBE_MULTI;
// none for the others. st.known is the structure's size that makes.
func (d *Decoder) bpfLinkCreate(st *bpfAttrState) {
	b, n := st.b, st.len
	le := binary.LittleEndian
	u32 := func(off int) uint64 { return uint64(le.Uint32(b[off:])) }
	u64 := func(off int) uint64 { return le.Uint64(b[off:]) }
	d.S("{link_create={prog_fd=")
	d.Fd(int(int32(u32(0))))
	d.S(", target_fd=")
	d.Fd(int(int32(u32(4))))
	typ := u32(8)
	d.S(", attach_type=")
	d.Value(bpfAttachTypes, typ, "BPF_???")
	d.S(", flags=")
	d.Hex(u32(12))
	st.known = 16
	if n > 16 {
		switch typ {
		case unix.BPF_CGROUP_INET_INGRESS:
			if id := u32(16); id != 0 {
				d.S(", target_btf_id=")
				d.Uint(id)
			}
			st.known = 20
		case unix.BPF_TRACE_ITER:
			d.S(", iter_info=")
			d.array(u64(16), u32(24), 4, func(e []byte) {
				d.S("{map={map_fd=")
				d.Fd(int(int32(le.Uint32(e))))
				d.S("}}")
			})
			d.S(", iter_info_len=")
			d.Uint(u32(24))
			st.known = 28
		case unix.BPF_PERF_EVENT:
			d.S(", perf_event={bpf_cookie=")
			d.Hex(u64(16))
			d.S("}")
			st.known = 24
		case unix.BPF_TRACE_KPROBE_MULTI:
			d.S(", kprobe_multi={flags=")
			d.Flags(bpfKprobeMultiFlags, u32(16), "BPF_F_???")
			d.S(", cnt=")
			d.Uint(u32(20))
			d.S(", syms=")
			d.Addr(u64(24))
			d.S(", addrs=")
			d.Addr(u64(32))
			d.S(", cookies=")
			d.Addr(u64(40))
			d.S("}")
			st.known = 48
		}
	}
	d.S("}")
}

// bpfTaskFdQueryExit appends the rest of BPF_TASK_FD_QUERY's attr at
// exit, as the kernel left it: buf_len ("=> N" if changed), the name in
// buf (at most the smaller length), the program and what it probes.
func (d *Decoder) bpfTaskFdQueryExit(c *Call, st *bpfAttrState) {
	attr := make([]byte, 48)
	copy(attr, st.b[:min(len(st.b), 48)])
	if b, ok := d.readRaw(c.Args[1], st.len); ok {
		copy(attr, b)
	}
	le := binary.LittleEndian
	old, n := le.Uint32(st.b[12:]), le.Uint32(attr[12:])
	if old != n {
		d.S(" => ")
		d.Uint(uint64(n))
	}
	d.S(", buf=")
	d.strN(le.Uint64(attr[16:]), uint64(min(old, n)), strNul)
	d.S(", prog_id=")
	d.Uint(uint64(le.Uint32(attr[24:])))
	d.S(", fd_type=")
	d.Value(bpfTaskFdTypes, uint64(le.Uint32(attr[28:])), "BPF_FD_TYPE_???")
	d.S(", probe_offset=")
	d.Hex(le.Uint64(attr[32:]))
	d.S(", probe_addr=")
	d.Hex(le.Uint64(attr[40:]))
	d.S("}")
	d.bpfTail(st, int(uint32(c.Args[2])), bpfAttrSizes[unix.BPF_TASK_FD_QUERY])
}

// bpfName appends a fixed-size name field: the bytes before the first
// NUL, quoted; all of them followed by "..." when there is none.
func (d *Decoder) bpfName(b []byte) {
	for i, x := range b {
		if x == 0 {
			d.B = format.AppendQuoted(d.B, b[:i], d.Opts.X, false)
			return
		}
	}
	d.B = format.AppendQuoted(d.B, b, d.Opts.X, false)
	d.S("...")
}

// bpfProgLoad appends BPF_PROG_LOAD's fields.
func (d *Decoder) bpfProgLoad(b []byte, n int) {
	le := binary.LittleEndian
	u32 := func(off int) uint64 { return uint64(le.Uint32(b[off:])) }
	u64 := func(off int) uint64 { return le.Uint64(b[off:]) }
	u := func(name string, v uint64) { d.S(name); d.Uint(v) }
	d.S("{prog_type=")
	d.Value(bpfProgTypes, u32(0), "BPF_PROG_TYPE_???")
	cnt := u32(4)
	u(", insn_cnt=", cnt)
	d.S(", insns=")
	if d.Opts.Verbose {
		d.ebpfInsns(u64(8), cnt)
	} else {
		d.Addr(u64(8))
	}
	d.S(", license=")
	d.Str(u64(16))
	if n <= 24 {
		return
	}
	u(", log_level=", u32(24))
	logSize := u32(28)
	u(", log_size=", logSize)
	d.S(", log_buf=")
	d.strN(u64(32), logSize, strNul)
	if n <= 40 {
		return
	}
	d.S(", kern_version=")
	d.kernelVersion(u32(40))
	if n <= 44 {
		return
	}
	d.S(", prog_flags=")
	d.Flags(bpfProgFlags, u32(44), "BPF_F_???")
	if n <= 48 {
		return
	}
	d.S(", prog_name=")
	d.bpfName(b[48 : 48+min(16, n-48)])
	if n <= 64 {
		return
	}
	u(", prog_ifindex=", u32(64))
	if n <= 68 {
		return
	}
	d.S(", expected_attach_type=")
	d.Value(bpfAttachTypes, u32(68), "BPF_???")
	if n <= 72 {
		return
	}
	d.S(", prog_btf_fd=")
	d.Fd(int(int32(u32(72))))
	u(", func_info_rec_size=", u32(76))
	d.S(", func_info=")
	d.Addr(u64(80))
	u(", func_info_cnt=", u32(88))
	u(", line_info_rec_size=", u32(92))
	d.S(", line_info=")
	d.Addr(u64(96))
	u(", line_info_cnt=", u32(104))
	if n <= 108 {
		return
	}
	u(", attach_btf_id=", u32(108))
	if n <= 112 {
		return
	}
	d.S(", attach_prog_fd=")
	d.Fd(int(int32(u32(112))))
	if n <= 120 {
		return
	}
	d.S(", fd_array=")
	d.Addr(u64(120))
}

// kernelVersion appends a KERNEL_VERSION(a, b, c) number by -X: the
// macro, its hex value (raw), or both (verbose).
func (d *Decoder) kernelVersion(kv uint64) {
	if d.Opts.Style != format.Abbrev {
		d.Hex(kv)
		if d.Opts.Style == format.Raw {
			return
		}
		d.S(" /* ")
	}
	d.S("KERNEL_VERSION(")
	d.Uint(kv >> 16)
	d.S(", ")
	d.Uint(kv >> 8 & 0xff)
	d.S(", ")
	d.Uint(kv & 0xff)
	d.S(")")
	if d.Opts.Style == format.Verbose {
		d.S(" */")
	}
}

// ebpfInsns appends an array of eBPF instructions (-v): at most
// BPF_MAXINSNS, then "...".
func (d *Decoder) ebpfInsns(addr, cnt uint64) {
	shown := 0
	d.array(addr, cnt, bpfInsnSize, func(b []byte) {
		if shown >= bpfMaxInsns {
			return
		}
		shown++
		d.S("{code=")
		d.ebpfCode(b[0])
		d.S(", dst_reg=")
		d.Value(ebpfRegs, uint64(b[1]&0xf), "BPF_REG_???")
		d.S(", src_reg=")
		d.Value(ebpfRegs, uint64(b[1]>>4), "BPF_REG_???")
		d.S(", off=")
		d.Int(int64(int16(binary.LittleEndian.Uint16(b[2:]))))
		d.S(", imm=")
		d.Hex(uint64(binary.LittleEndian.Uint32(b[4:])))
		d.S("}")
	})
}

// ebpfCode appends an eBPF instruction's code: class|size|mode for loads
// and stores, class|source|operation for arithmetic and jumps.
func (d *Decoder) ebpfCode(code byte) {
	v := uint64(code)
	class := v & bpfClassMask
	d.Value(ebpfClasses, class, "BPF_???")
	switch class {
	case unix.BPF_LD, unix.BPF_LDX, unix.BPF_ST, unix.BPF_STX:
		d.S("|")
		d.Value(bpfSizes, v&bpfSizeMask, "BPF_???")
		d.S("|")
		d.Value(bpfModes, v&bpfModeMask, "BPF_???")
	case unix.BPF_ALU, unix.BPF_ALU64:
		d.S("|")
		d.Value(bpfSrcs, v&bpfSrcMask, "BPF_???")
		d.S("|")
		d.Value(bpfALUOps, v&bpfOpMask, "BPF_???")
	default:
		d.S("|")
		d.Value(bpfSrcs, v&bpfSrcMask, "BPF_???")
		d.S("|")
		d.Value(bpfJmpOps, v&bpfOpMask, "BPF_???")
	}
}

var (
	// BpfCmd prints bpf's command (BPF_*).
	BpfCmd = &Arg{Print: func(d *Decoder, c *Call, i int) {
		d.Value(bpfCommands, uint64(uint32(c.Args[i])), "BPF_???")
	}}
	// BpfAttr prints bpf's union bpf_attr by command at entry (its size
	// is the next argument); the *_GET_NEXT_ID commands' next_id
	// finishes at exit, with the id the kernel wrote after "=>".
	BpfAttr = &Arg{
		AtExit: true,
		Save: func(d *Decoder, c *Call, i int) {
			d.bpfEnter(c)
		},
		Print: func(d *Decoder, c *Call, i int) {
			st, _ := c.Priv.(*bpfAttrState)
			cmd := uint32(c.Args[0])
			if st != nil && cmd == unix.BPF_OBJ_GET_INFO_BY_FD {
				d.bpfInfoExit(c, st)
				return
			}
			if st != nil && cmd == unix.BPF_PROG_QUERY {
				d.bpfQueryExit(c, st)
				return
			}
			if st != nil && bpfBatch(cmd) {
				// The count the kernel left, if it changed.
				if nb, ok := d.readRaw(c.Args[1]+32, 4); ok && st.len > 32 {
					if nv := binary.LittleEndian.Uint32(nb); nv != binary.LittleEndian.Uint32(st.b[32:]) {
						d.S(" => {batch={count=")
						d.Uint(uint64(nv))
						d.S("}}")
					}
				}
				return
			}
			if st != nil && cmd == unix.BPF_TASK_FD_QUERY {
				d.bpfTaskFdQueryExit(c, st)
				return
			}
			if st == nil || !bpfGetNextID(cmd) {
				return
			}
			if st.len > 4 && !c.Failed() {
				if nb, ok := d.readRaw(c.Args[1]+4, 4); ok {
					if nv := binary.LittleEndian.Uint32(nb); nv != binary.LittleEndian.Uint32(st.b[4:]) {
						d.S(" => ")
						d.Uint(uint64(nv))
					}
				}
			}
			if st.len > 8 {
				d.S(", open_flags=")
				d.Flags(bpfFileFlags, uint64(binary.LittleEndian.Uint32(st.b[8:])), "BPF_F_???")
			}
			d.bpfTail(st, int(uint32(c.Args[2])), bpfAttrSizes[cmd])
		},
	}
)
