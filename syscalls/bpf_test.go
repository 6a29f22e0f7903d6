package syscalls

import (
	"encoding/binary"
	"testing"

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
