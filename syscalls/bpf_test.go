package syscalls

import (
	"encoding/binary"
	"strings"
	"testing"

	"github.com/gotrace/gotrace/format"
	"github.com/stretchr/testify/assert"
	"golang.org/x/sys/unix"
)

// The expected lines are strace 6.1's for the same arguments.
func TestBpf(t *testing.T) {
	m := newFakeMem()
	create := make([]byte, 48)
	binary.LittleEndian.PutUint32(create[0:], unix.BPF_MAP_TYPE_HASH)
	binary.LittleEndian.PutUint32(create[4:], 4)
	binary.LittleEndian.PutUint32(create[8:], 8)
	binary.LittleEndian.PutUint32(create[12:], 4)
	binary.LittleEndian.PutUint32(create[16:], unix.BPF_F_NO_PREALLOC)
	copy(create[28:], "gotrace_hash")
	createAddr := m.put(0x1000, create)
	// A DELETE_ELEM attr of 256 bytes whose byte 200 is not zero.
	del := make([]byte, 256)
	del[200] = 1
	delAddr := m.put(0x2000, del)
	insns := m.put(0x3000, []byte{0xb7, 0, 0, 0, 0, 0, 0, 0, 0x95, 0, 0, 0, 0, 0, 0, 0})
	lic := m.put(0x3100, []byte("GPL\x00"))
	load := make([]byte, 72)
	binary.LittleEndian.PutUint32(load[0:], unix.BPF_PROG_TYPE_SOCKET_FILTER)
	binary.LittleEndian.PutUint32(load[4:], 2)
	binary.LittleEndian.PutUint64(load[8:], insns)
	binary.LittleEndian.PutUint64(load[16:], lic)
	binary.LittleEndian.PutUint32(load[40:], 0x050a11)
	loadAddr := m.put(0x4000, load)
	nextID := m.put(0x5000, []byte{0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0})
	d := testDecoder(m)

	assert.Equal(t, `bpf(BPF_MAP_CREATE, {map_type=BPF_MAP_TYPE_HASH, key_size=4, value_size=8, max_entries=4, map_flags=BPF_F_NO_PREALLOC, inner_map_fd=0, map_name="gotrace_hash", map_ifindex=0}, 48) = 4`,
		decodeLine(t, d, unix.SYS_BPF, 4, unix.BPF_MAP_CREATE, createAddr, 48))
	assert.Equal(t, `bpf(BPF_MAP_CREATE, {map_type=BPF_MAP_TYPE_HASH, key_size=4, value_size=8, max_entries=4}, 16) = -1 EINVAL (Invalid argument)`,
		decodeLine(t, d, unix.SYS_BPF, -22, unix.BPF_MAP_CREATE, createAddr, 16))
	assert.Equal(t, `bpf(BPF_MAP_DELETE_ELEM, {map_fd=0, key=NULL, ...}, 256) = -1 E2BIG (Argument list too long)`,
		decodeLine(t, d, unix.SYS_BPF, -7, unix.BPF_MAP_DELETE_ELEM, delAddr, 256))
	// Size 0, beyond a page, unknown command, unreadable: the address.
	assert.Equal(t, `bpf(BPF_MAP_CREATE, 0x1000, 0) = -1 EINVAL (Invalid argument)`,
		decodeLine(t, d, unix.SYS_BPF, -22, unix.BPF_MAP_CREATE, createAddr, 0))
	assert.Equal(t, `bpf(BPF_MAP_DELETE_ELEM, 0x2000, 8192) = -1 E2BIG (Argument list too long)`,
		decodeLine(t, d, unix.SYS_BPF, -7, unix.BPF_MAP_DELETE_ELEM, delAddr, 8192))
	assert.Equal(t, `bpf(0x63 /* BPF_??? */, 0x2000, 16) = -1 EINVAL (Invalid argument)`,
		decodeLine(t, d, unix.SYS_BPF, -22, 99, delAddr, 16))
	assert.Equal(t, `bpf(BPF_MAP_CREATE, 0x1020, 72) = -1 EFAULT (Bad address)`,
		decodeLine(t, d, unix.SYS_BPF, -14, unix.BPF_MAP_CREATE, createAddr+32, 72))
	assert.Equal(t, `bpf(BPF_PROG_LOAD, {prog_type=BPF_PROG_TYPE_SOCKET_FILTER, insn_cnt=2, insns=0x3000, license="GPL", log_level=0, log_size=0, log_buf=NULL, kern_version=KERNEL_VERSION(5, 10, 17), prog_flags=0, prog_name="", prog_ifindex=0, expected_attach_type=BPF_CGROUP_INET_INGRESS}, 72) = 3`,
		decodeLine(t, d, unix.SYS_BPF, 3, unix.BPF_PROG_LOAD, loadAddr, 72))

	// The id the kernel writes at exit follows "=>".
	c := &Call{Nr: unix.SYS_BPF, Args: [6]uint64{unix.BPF_MAP_GET_NEXT_ID, nextID, 12}}
	out := d.Enter(nil, c)
	assert.Equal(t, `bpf(BPF_MAP_GET_NEXT_ID, {start_id=0, next_id=0`, string(out))
	m.regions[nextID][4] = 7
	out = d.Exit(out, c)
	assert.Equal(t, `bpf(BPF_MAP_GET_NEXT_ID, {start_id=0, next_id=0 => 7, open_flags=0}, 12`, string(out))

	// -v: the instructions, and the non-zero bytes beyond the structure.
	v := testDecoder(m)
	v.Opts.Verbose = true
	assert.Contains(t, decodeLine(t, v, unix.SYS_BPF, 3, unix.BPF_PROG_LOAD, loadAddr, 72),
		`insns=[{code=BPF_ALU64|BPF_K|BPF_MOV, dst_reg=BPF_REG_0, src_reg=BPF_REG_0, off=0, imm=0}, {code=BPF_JMP|BPF_K|BPF_EXIT, dst_reg=BPF_REG_0, src_reg=BPF_REG_0, off=0, imm=0}], license="GPL"`)
	line := decodeLine(t, v, unix.SYS_BPF, -7, unix.BPF_MAP_DELETE_ELEM, delAddr, 256)
	assert.Contains(t, line, `{map_fd=0, key=NULL, extra_data="\x00`)
	assert.Contains(t, line, ` /* bytes 16..255 */}, 256) = -1 E2BIG (Argument list too long)`)

	// -e verbose=none: the address.
	terse := testDecoder(m)
	terse.Terse = true
	assert.Equal(t, `bpf(BPF_MAP_CREATE, 0x1000, 48) = 4`,
		decodeLine(t, terse, unix.SYS_BPF, 4, unix.BPF_MAP_CREATE, createAddr, 48))
}

// BPF_PROG_TEST_RUN: the fields each size holds, strace 6.1's lines.
func TestBpfProgTestRun(t *testing.T) {
	m := newFakeMem()
	b := make([]byte, 144)
	le := binary.LittleEndian
	le.PutUint32(b[0:], 5)
	le.PutUint32(b[8:], 64)
	le.PutUint32(b[12:], 64)
	le.PutUint64(b[16:], 0x7000)
	le.PutUint64(b[24:], 0x7100)
	le.PutUint32(b[32:], 1)
	le.PutUint32(b[36:], 9)
	le.PutUint32(b[40:], 4)
	le.PutUint32(b[64:], unix.BPF_F_TEST_RUN_ON_CPU|unix.BPF_F_TEST_XDP_LIVE_FRAMES|0x80)
	le.PutUint32(b[68:], 1)
	b[100] = 1
	a := m.put(0x1000, b)
	d := testDecoder(m)
	head := `bpf(BPF_PROG_TEST_RUN, {test={prog_fd=5, retval=0, data_size_in=64, data_size_out=64, data_in=0x7000, data_out=0x7100, repeat=1, duration=9`
	assert.Equal(t, head+`}}, 40) = -1 EINVAL (Invalid argument)`,
		decodeLine(t, d, unix.SYS_BPF, -22, unix.BPF_PROG_TEST_RUN, a, 40))
	assert.Equal(t, head+`, ctx_size_in=4, ctx_size_out=0, ctx_in=NULL, ctx_out=NULL}}, 48) = -1 EINVAL (Invalid argument)`,
		decodeLine(t, d, unix.SYS_BPF, -22, unix.BPF_PROG_TEST_RUN, a, 48))
	full := head + `, ctx_size_in=4, ctx_size_out=0, ctx_in=NULL, ctx_out=NULL, flags=BPF_F_TEST_RUN_ON_CPU|BPF_F_TEST_XDP_LIVE_FRAMES|0x80, cpu=1, batch_size=0}`
	assert.Equal(t, full+`}, 80) = -1 EINVAL (Invalid argument)`,
		decodeLine(t, d, unix.SYS_BPF, -22, unix.BPF_PROG_TEST_RUN, a, 80))
	assert.Equal(t, full+`, ...}, 144) = -1 EINVAL (Invalid argument)`,
		decodeLine(t, d, unix.SYS_BPF, -22, unix.BPF_PROG_TEST_RUN, a, 144))
	d.Opts.Verbose = true
	extra := `"` + strings.Repeat(`\x00`, 24) + `\x01` + strings.Repeat(`\x00`, 43) + `"`
	assert.Equal(t, full+`, extra_data=`+extra+` /* bytes 76..143 */}, 144) = -1 EINVAL (Invalid argument)`,
		decodeLine(t, d, unix.SYS_BPF, -22, unix.BPF_PROG_TEST_RUN, a, 144))
}

// BPF_OBJ_GET_INFO_BY_FD: the address without -v; with it, a map's or
// a program's info as the kernel wrote it (strace 6.1's lines for the
// same bytes, but for the ids and load time of a real run).
func TestBpfObjGetInfo(t *testing.T) {
	le := binary.LittleEndian
	m := newFakeMem()
	attr := make([]byte, 16)
	le.PutUint32(attr[0:], 4)
	le.PutUint32(attr[4:], 256)
	le.PutUint64(attr[8:], 0x8000)
	attrAddr := m.put(0x1000, attr)
	info := make([]byte, 256)
	infoAddr := m.put(0x8000, info)
	links := map[int]string{3: "anon_inode:bpf-map", 4: "anon_inode:bpf-map", 5: "anon_inode:bpf-prog", 6: "/dev/null"}
	run := func(d *Decoder, fd uint32, infoLen uint32, kernel func()) string {
		le.PutUint32(m.regions[attrAddr][0:], fd)
		le.PutUint32(m.regions[attrAddr][4:], infoLen)
		c := &Call{Nr: unix.SYS_BPF, Args: [6]uint64{unix.BPF_OBJ_GET_INFO_BY_FD, attrAddr, 16}}
		out := d.Enter(nil, c)
		kernel()
		out = d.Exit(out, c)
		out = append(out, ") = "...)
		return string(d.Return(out, c))
	}
	mapInfo := func() {
		b := m.regions[infoAddr]
		le.PutUint32(b[0:], unix.BPF_MAP_TYPE_HASH)
		le.PutUint32(b[4:], 500)
		le.PutUint32(b[8:], 4)
		le.PutUint32(b[12:], 8)
		le.PutUint32(b[16:], 4)
		le.PutUint32(b[20:], unix.BPF_F_NO_PREALLOC)
		copy(b[24:], "gotrace_hash")
		le.PutUint32(m.regions[attrAddr][4:], 104)
	}
	d := testDecoder(m)
	d.Opts.FdLink = func(fd int) string { return links[fd] }
	assert.Equal(t, `bpf(BPF_OBJ_GET_INFO_BY_FD, {info={bpf_fd=4, info_len=256 => 104, info=0x8000}}, 16) = 0`, run(d, 4, 256, mapInfo))
	d.Opts.Verbose = true
	assert.Equal(t, `bpf(BPF_OBJ_GET_INFO_BY_FD, {info={bpf_fd=4, info_len=256 => 104, info={type=BPF_MAP_TYPE_HASH, id=500, key_size=4, value_size=8, max_entries=4, map_flags=BPF_F_NO_PREALLOC, name="gotrace_hash", ifindex=0, btf_vmlinux_value_type_id=0, netns_dev=makedev(0, 0), netns_ino=0, btf_id=0, btf_key_type_id=0, btf_value_type_id=0}}}, 16) = 0`,
		run(d, 4, 256, mapInfo))
	assert.Equal(t, `bpf(BPF_OBJ_GET_INFO_BY_FD, {info={bpf_fd=3, info_len=40, info={type=BPF_MAP_TYPE_HASH, id=500, key_size=4, value_size=8, max_entries=4, map_flags=BPF_F_NO_PREALLOC, name="gotrace_hash"}}}, 16) = 0`,
		run(d, 3, 40, func() {}))
	// Not a bpf object: the address.
	assert.Equal(t, `bpf(BPF_OBJ_GET_INFO_BY_FD, {info={bpf_fd=6, info_len=232, info=0x8000}}, 16) = 0`, run(d, 6, 232, func() {}))

	// A program: the lengths and counts the kernel changed, "old => new".
	for i := range info {
		m.regions[infoAddr][i] = 0
	}
	progInfo := func() {
		b := m.regions[infoAddr]
		le.PutUint32(b[0:], unix.BPF_PROG_TYPE_SOCKET_FILTER)
		le.PutUint32(b[4:], 319)
		copy(b[8:], "\x59\xf4\xa9\x31\x74\x4d\xcd\xc6")
		le.PutUint32(b[16:], 20)
		le.PutUint32(b[20:], 16)
		copy(b[64:], "gotrace_prog")
		le.PutUint32(b[84:], 1)
		le.PutUint32(b[104:], 1)
		le.PutUint32(b[108:], 1)
		le.PutUint32(b[132:], 8)
		le.PutUint32(b[172:], 16)
		le.PutUint32(b[176:], 8)
		le.PutUint32(b[180:], 1)
		le.PutUint32(b[216:], 2)
		le.PutUint32(m.regions[attrAddr][4:], 232)
	}
	d.Opts.Style = format.Raw // no load time comment
	assert.Equal(t, `bpf(0xf, {info={bpf_fd=5, info_len=256 => 232, info={type=0x1, id=319, tag="\x59\xf4\xa9\x31\x74\x4d\xcd\xc6", jited_prog_len=0 => 20, jited_prog_insns=NULL, xlated_prog_len=0 => 16, xlated_prog_insns=NULL, load_time=0, created_by_uid=0, nr_map_ids=0, map_ids=NULL, name="gotrace_prog", ifindex=0, gpl_compatible=1, netns_dev=0, netns_ino=0, nr_jited_ksyms=0 => 1, nr_jited_func_lens=0 => 1, jited_ksyms=NULL, jited_func_lens=NULL, btf_id=0, func_info_rec_size=0 => 8, func_info=NULL, nr_func_info=0, nr_line_info=0, line_info=NULL, jited_line_info=NULL, nr_jited_line_info=0, line_info_rec_size=0 => 16, jited_line_info_rec_size=0 => 8, nr_prog_tags=0 => 1, prog_tags=NULL, run_time_ns=0, run_cnt=0, recursion_misses=0, verified_insns=2}}}, 16) = 0`,
		run(d, 5, 256, progInfo))
}

// BPF_PROG_QUERY: the ids read at exit (the address when the call
// failed), the count "entry => exit" when the kernel changed it.
func TestBpfProgQuery(t *testing.T) {
	le := binary.LittleEndian
	m := newFakeMem()
	attr := make([]byte, 28)
	le.PutUint32(attr[0:], 4)
	le.PutUint32(attr[8:], unix.BPF_F_QUERY_EFFECTIVE|0x10)
	le.PutUint32(attr[12:], unix.BPF_F_ALLOW_MULTI)
	le.PutUint64(attr[16:], 0x9000)
	le.PutUint32(attr[24:], 4)
	a := m.put(0x1000, attr)
	m.put(0x9000, []byte{7, 0, 0, 0, 9, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0})
	d := testDecoder(m)
	head := `bpf(BPF_PROG_QUERY, {query={target_fd=4, attach_type=BPF_CGROUP_INET_INGRESS, query_flags=BPF_F_QUERY_EFFECTIVE|0x10, attach_flags=BPF_F_ALLOW_MULTI, prog_ids=`
	assert.Equal(t, head+`0x9000, prog_cnt=4}}, 28) = -1 EINVAL (Invalid argument)`,
		decodeLine(t, d, unix.SYS_BPF, -22, unix.BPF_PROG_QUERY, a, 28))
	c := &Call{Nr: unix.SYS_BPF, Args: [6]uint64{unix.BPF_PROG_QUERY, a, 28}}
	out := d.Enter(nil, c)
	assert.Equal(t, head, string(out))
	le.PutUint32(m.regions[a][24:], 2)
	out = d.Exit(out, c)
	assert.Equal(t, head+`[7, 9], prog_cnt=4 => 2}}, 28`, string(out))
}

// BPF_RAW_TRACEPOINT_OPEN: the name (a string of up to 128 bytes) and
// the program.
func TestBpfRawTracepointOpen(t *testing.T) {
	m := newFakeMem()
	name := m.put(0x2000, []byte("gotrace_no_such_tracepoint\x00"))
	attr := make([]byte, 16)
	binary.LittleEndian.PutUint64(attr, name)
	attr[8] = 5
	a := m.put(0x1000, attr)
	d := testDecoder(m)
	assert.Equal(t, `bpf(BPF_RAW_TRACEPOINT_OPEN, {raw_tracepoint={name="gotrace_no_such_tracepoint", prog_fd=5}}, 16) = -1 EINVAL (Invalid argument)`,
		decodeLine(t, d, unix.SYS_BPF, -22, unix.BPF_RAW_TRACEPOINT_OPEN, a, 16))
	assert.Equal(t, `bpf(BPF_RAW_TRACEPOINT_OPEN, {raw_tracepoint={name="gotrace_no_such_tracepoint", prog_fd=0}}, 8) = -1 EINVAL (Invalid argument)`,
		decodeLine(t, d, unix.SYS_BPF, -22, unix.BPF_RAW_TRACEPOINT_OPEN, a, 8))
	d.Opts.StrSize = 8
	assert.Equal(t, `bpf(BPF_RAW_TRACEPOINT_OPEN, {raw_tracepoint={name="gotrace_"..., prog_fd=5}}, 16) = -1 EINVAL (Invalid argument)`,
		decodeLine(t, d, unix.SYS_BPF, -22, unix.BPF_RAW_TRACEPOINT_OPEN, a, 16))
}

// BPF_BTF_LOAD: the BTF as a string of btf_size bytes, then the log.
func TestBpfBtfLoad(t *testing.T) {
	m := newFakeMem()
	btf := m.put(0x2000, []byte{0x9f, 0xeb, 1, 0, 24, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0})
	attr := make([]byte, 144)
	le := binary.LittleEndian
	le.PutUint64(attr[0:], btf)
	le.PutUint64(attr[8:], 0x3000)
	le.PutUint32(attr[16:], 24)
	le.PutUint32(attr[20:], 32)
	le.PutUint32(attr[24:], 1)
	a := m.put(0x1000, attr)
	d := testDecoder(m)
	assert.Equal(t, `bpf(BPF_BTF_LOAD, {btf="\237\353\1\0\30\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0", btf_log_buf=0x3000, btf_size=24, btf_log_size=32, btf_log_level=1}, 28) = -1 ENOSPC (No space left on device)`,
		decodeLine(t, d, unix.SYS_BPF, -28, unix.BPF_BTF_LOAD, a, 28))
	d.Opts.StrSize = 8
	assert.Equal(t, `bpf(BPF_BTF_LOAD, {btf="\237\353\1\0\30\0\0\0"..., btf_log_buf=0x3000, btf_size=24, btf_log_size=32, btf_log_level=1}, 144) = -1 ENOSPC (No space left on device)`,
		decodeLine(t, d, unix.SYS_BPF, -28, unix.BPF_BTF_LOAD, a, 144))
}

// BPF_TASK_FD_QUERY: the input at entry, what the kernel wrote at exit.
func TestBpfTaskFdQuery(t *testing.T) {
	le := binary.LittleEndian
	m := newFakeMem()
	buf := m.put(0x2000, []byte("unchanged\x00\x00\x00\x00\x00\x00\x00"))
	attr := make([]byte, 48)
	le.PutUint32(attr[4:], 4)
	le.PutUint32(attr[12:], 16)
	le.PutUint64(attr[16:], buf)
	le.PutUint32(attr[24:], 7)
	le.PutUint32(attr[28:], unix.BPF_FD_TYPE_UPROBE)
	le.PutUint64(attr[32:], 0x10)
	a := m.put(0x1000, attr)
	d := testDecoder(m)
	assert.Equal(t, `bpf(BPF_TASK_FD_QUERY, {task_fd_query={pid=0, fd=4, flags=0, buf_len=16, buf="unchanged", prog_id=7, fd_type=BPF_FD_TYPE_UPROBE, probe_offset=0x10, probe_addr=0}}, 48) = -1 ENOENT (No such file or directory)`,
		decodeLine(t, d, unix.SYS_BPF, -2, unix.BPF_TASK_FD_QUERY, a, 48))
	c := &Call{Nr: unix.SYS_BPF, Args: [6]uint64{unix.BPF_TASK_FD_QUERY, a, 48}}
	out := d.Enter(nil, c)
	assert.Equal(t, `bpf(BPF_TASK_FD_QUERY, {task_fd_query={pid=0, fd=4, flags=0, buf_len=16`, string(out))
	copy(m.regions[buf], "uprobe\x00")
	le.PutUint32(m.regions[a][12:], 7)
	le.PutUint32(m.regions[a][28:], 99)
	out = d.Exit(out, c)
	assert.Equal(t, `bpf(BPF_TASK_FD_QUERY, {task_fd_query={pid=0, fd=4, flags=0, buf_len=16 => 7, buf="uprobe", prog_id=7, fd_type=0x63 /* BPF_FD_TYPE_??? */, probe_offset=0x10, probe_addr=0}}, 48`, string(out))
}

// The batch commands: their fields at entry, and the count the kernel
// changed at exit.
func TestBpfBatch(t *testing.T) {
	le := binary.LittleEndian
	m := newFakeMem()
	attr := make([]byte, 56)
	le.PutUint64(attr[8:], 0x2000)
	le.PutUint64(attr[16:], 0x3000)
	le.PutUint64(attr[24:], 0x4000)
	le.PutUint32(attr[32:], 4)
	le.PutUint32(attr[36:], 4)
	a := m.put(0x1000, attr)
	d := testDecoder(m)
	assert.Equal(t, `bpf(BPF_MAP_UPDATE_BATCH, {batch={keys=0x3000, values=0x4000, count=4, map_fd=4, elem_flags=BPF_ANY, flags=0}}, 56) = 0`,
		decodeLine(t, d, unix.SYS_BPF, 0, unix.BPF_MAP_UPDATE_BATCH, a, 56))
	le.PutUint64(m.regions[a][40:], unix.BPF_F_LOCK)
	le.PutUint64(m.regions[a][48:], 0x10)
	assert.Equal(t, `bpf(BPF_MAP_DELETE_BATCH, {batch={keys=0x3000, count=4, map_fd=4, elem_flags=BPF_F_LOCK, flags=0x10}}, 56) = -1 EINVAL (Invalid argument)`,
		decodeLine(t, d, unix.SYS_BPF, -22, unix.BPF_MAP_DELETE_BATCH, a, 56))
	c := &Call{Nr: unix.SYS_BPF, Args: [6]uint64{unix.BPF_MAP_LOOKUP_BATCH, a, 56}, Ret: -2}
	out := d.Enter(nil, c)
	le.PutUint32(m.regions[a][32:], 2)
	out = d.Exit(out, c)
	assert.Equal(t, `bpf(BPF_MAP_LOOKUP_BATCH, {batch={in_batch=NULL, out_batch=0x2000, keys=0x3000, values=0x4000, count=4, map_fd=4, elem_flags=BPF_F_LOCK, flags=0x10}} => {batch={count=2}}, 56`, string(out))
}

// BPF_LINK_CREATE: the union member by attach_type (strace 6.1's
// choice), the extra bytes past it; BPF_LINK_UPDATE: old_prog_fd with
// BPF_F_REPLACE only.
func TestBpfLink(t *testing.T) {
	le := binary.LittleEndian
	m := newFakeMem()
	attr := make([]byte, 144)
	le.PutUint32(attr[0:], 1000)
	le.PutUint32(attr[4:], 1001)
	for i := 16; i < 64; i++ {
		attr[i] = byte(i)
	}
	a := m.put(0x1000, attr)
	d := testDecoder(m)
	line := func(typ uint32, size uint64) string {
		le.PutUint32(m.regions[a][8:], typ)
		return decodeLine(t, d, unix.SYS_BPF, -9, unix.BPF_LINK_CREATE, a, size)
	}
	head := `bpf(BPF_LINK_CREATE, {link_create={prog_fd=1000, target_fd=1001, attach_type=`
	assert.Equal(t, head+`BPF_TRACE_ITER, flags=0, iter_info=0x1716151413121110, iter_info_len=454695192}, ...}, 144) = -1 EBADF (Bad file descriptor)`, line(unix.BPF_TRACE_ITER, 144))
	assert.Equal(t, head+`BPF_TRACE_ITER, flags=0, iter_info=[], iter_info_len=0}}, 20) = -1 EBADF (Bad file descriptor)`, line(unix.BPF_TRACE_ITER, 20))
	assert.Equal(t, head+`BPF_PERF_EVENT, flags=0, perf_event={bpf_cookie=0x13121110}}}, 20) = -1 EBADF (Bad file descriptor)`, line(unix.BPF_PERF_EVENT, 20))
	assert.Equal(t, head+`BPF_TRACE_KPROBE_MULTI, flags=0, kprobe_multi={flags=0x13121110 /* BPF_F_??? */, cnt=387323156, syms=0x1f1e1d1c1b1a1918, addrs=0x2726252423222120, cookies=0x2f2e2d2c2b2a2928}}, ...}, 144) = -1 EBADF (Bad file descriptor)`, line(unix.BPF_TRACE_KPROBE_MULTI, 144))
	assert.Equal(t, head+`BPF_TRACE_FENTRY, flags=0}, ...}, 20) = -1 EBADF (Bad file descriptor)`, line(unix.BPF_TRACE_FENTRY, 20))
	assert.Equal(t, head+`BPF_CGROUP_INET_INGRESS, flags=0, target_btf_id=319951120}, ...}, 144) = -1 EBADF (Bad file descriptor)`, line(unix.BPF_CGROUP_INET_INGRESS, 144))
	assert.Equal(t, head+`BPF_CGROUP_INET_INGRESS, flags=0}}, 16) = -1 EBADF (Bad file descriptor)`, line(unix.BPF_CGROUP_INET_INGRESS, 16))

	upd := make([]byte, 24)
	le.PutUint32(upd[0:], 1000)
	le.PutUint32(upd[4:], 1001)
	le.PutUint32(upd[12:], 1002)
	upd[20] = 9
	u := m.put(0x3000, upd)
	assert.Equal(t, `bpf(BPF_LINK_UPDATE, {link_update={link_fd=1000, new_prog_fd=1001, flags=0}, ...}, 24) = -1 EINVAL (Invalid argument)`,
		decodeLine(t, d, unix.SYS_BPF, -22, unix.BPF_LINK_UPDATE, u, 24))
	m.regions[u][8] = unix.BPF_F_REPLACE | unix.BPF_F_ALLOW_MULTI | unix.BPF_F_ALLOW_OVERRIDE
	assert.Equal(t, `bpf(BPF_LINK_UPDATE, {link_update={link_fd=1000, new_prog_fd=1001, flags=BPF_F_ALLOW_OVERRIDE|BPF_F_ALLOW_MULTI|BPF_F_REPLACE, old_prog_fd=1002}}, 16) = -1 EINVAL (Invalid argument)`,
		decodeLine(t, d, unix.SYS_BPF, -22, unix.BPF_LINK_UPDATE, u, 16))
}

// The commands that return a descriptor decorate it with -y, as strace
// 6.1 does; the others return a number.
func TestBpfReturnsFd(t *testing.T) {
	m := newFakeMem()
	a := m.put(0x1000, make([]byte, 72))
	d := testDecoder(m)
	d.Opts.FdPath = func(fd int) string { return "anon_inode:bpf-map" }
	assert.Equal(t, `bpf(BPF_MAP_CREATE, {map_type=BPF_MAP_TYPE_UNSPEC, key_size=0, value_size=0, max_entries=0}, 16) = 4<anon_inode:bpf-map>`,
		decodeLine(t, d, unix.SYS_BPF, 4, unix.BPF_MAP_CREATE, a, 16))
	assert.Equal(t, `bpf(BPF_MAP_UPDATE_BATCH, {batch={keys=NULL, values=NULL, count=0, map_fd=0<anon_inode:bpf-map>, elem_flags=BPF_ANY, flags=0}}, 56) = 0`,
		decodeLine(t, d, unix.SYS_BPF, 0, unix.BPF_MAP_UPDATE_BATCH, a, 56))
}
