package syscalls

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"golang.org/x/sys/unix"

	"github.com/gotrace/gotrace/format"
)

func TestNumaPolicies(t *testing.T) {
	m := newFakeMem()
	mode := m.put(0x1000, []byte{2, 0, 0, 0})
	mask := m.put(0x2000, iovecs(1, 0x1234, 0))
	d := testDecoder(m)
	assert.Equal(t, `get_mempolicy([MPOL_BIND], [0x00000000000001, 0x00000000001234], 129, NULL, MPOL_F_MEMS_ALLOWED) = 0`,
		decodeLine(t, d, unix.SYS_GET_MEMPOLICY, 0, mode, mask, 129, 0, unix.MPOL_F_MEMS_ALLOWED))
	// Failed: the out-parameters as addresses, an empty mask as [].
	assert.Equal(t, `get_mempolicy(0x1000, 0x2000, 129, NULL, MPOL_F_NODE|MPOL_F_ADDR|0x10) = -1 EINVAL (Invalid argument)`,
		decodeLine(t, d, unix.SYS_GET_MEMPOLICY, -22, mode, mask, 129, 0, 0x13))
	assert.Equal(t, `get_mempolicy(0x1000, [], 0, NULL, 0) = -1 EINVAL (Invalid argument)`,
		decodeLine(t, d, unix.SYS_GET_MEMPOLICY, -22, mode, mask, 0, 0, 0))
	// maxnode 1 makes no whole word; a maxnode that wraps neither.
	assert.Equal(t, `get_mempolicy([MPOL_BIND], 0x2000, 1, NULL, 0) = 0`,
		decodeLine(t, d, unix.SYS_GET_MEMPOLICY, 0, mode, mask, 1, 0, 0))
	assert.Equal(t, `set_mempolicy(MPOL_DEFAULT, 0x2000, 18446744073709551615) = -1 EINVAL (Invalid argument)`,
		decodeLine(t, d, unix.SYS_SET_MEMPOLICY, -22, 0, mask, ^uint64(0)))
	// Unreadable pointers and a mask running off its memory.
	assert.Equal(t, `get_mempolicy(0x8, 0x10, 129, NULL, 0xff00 /* MPOL_??? */) = 0`,
		decodeLine(t, d, unix.SYS_GET_MEMPOLICY, 0, 8, 16, 129, 0, 0xff00))
	assert.Equal(t, `set_mempolicy(MPOL_INTERLEAVE, [0x00000000001234, 0000000000000000, ... /* 0x2018 */], 257) = -1 EFAULT (Bad address)`,
		decodeLine(t, d, unix.SYS_SET_MEMPOLICY, -14, 3, mask+8, 257))
	// Modes with flags, known and unknown; mbind's mode is a whole word.
	assert.Equal(t, `set_mempolicy(MPOL_BIND|MPOL_F_STATIC_NODES, [0x00000000000001], 65) = 0`,
		decodeLine(t, d, unix.SYS_SET_MEMPOLICY, 0, 0x8002, mask, 65))
	assert.Equal(t, `set_mempolicy(MPOL_F_RELATIVE_NODES|0x4d, NULL, 0) = -1 EINVAL (Invalid argument)`,
		decodeLine(t, d, unix.SYS_SET_MEMPOLICY, -22, 0x404d, 0, 0))
	assert.Equal(t, `set_mempolicy(MPOL_LOCAL, NULL, 0) = 0`,
		decodeLine(t, d, unix.SYS_SET_MEMPOLICY, 0, 0xffffffff00000004, 0, 0))
	assert.Equal(t, `mbind(0x3000, 8192, 0xffffffff00000002 /* MPOL_??? */, NULL, 0, MPOL_MF_STRICT) = -1 EINVAL (Invalid argument)`,
		decodeLine(t, d, unix.SYS_MBIND, -22, 0x3000, 8192, 0xffffffff00000002, 0, 0, 0xffffffff00000001))
	d.Opts.Style = format.Verbose
	assert.Equal(t, `set_mempolicy(0xc001 /* MPOL_PREFERRED|MPOL_F_STATIC_NODES|MPOL_F_RELATIVE_NODES */, NULL, 0) = 0`,
		decodeLine(t, d, unix.SYS_SET_MEMPOLICY, 0, 0xc001, 0, 0))
	assert.Equal(t, `mbind(NULL, 0, 0xffffffff00004002 /* MPOL_F_RELATIVE_NODES|0xffffffff00000002 */, NULL, 0, 0x110 /* MPOL_??? */) = 0`,
		decodeLine(t, d, unix.SYS_MBIND, 0, 0, 0, 0xffffffff00004002, 0, 0, 0x110))
	d.Opts.Style = format.Raw
	assert.Equal(t, `set_mempolicy(0x8002, NULL, 0) = 0`, decodeLine(t, d, unix.SYS_SET_MEMPOLICY, 0, 0x8002, 0, 0))
	assert.Equal(t, `get_mempolicy([0x2], NULL, 0, NULL, 0x3) = 0`, decodeLine(t, d, unix.SYS_GET_MEMPOLICY, 0, mode, 0, 0, 0, 3))
}

func TestMovePages(t *testing.T) {
	m := newFakeMem()
	pages := m.put(0x1000, iovecs(0x7000, 0, 0x9000))
	nodes := m.put(0x2000, []byte{0, 0, 0, 0, 5, 0, 0, 0, 0xff, 0xff, 0xff, 0xff})
	status := m.put(0x3000, []byte{0, 0, 0, 0, 0xf2, 0xff, 0xff, 0xff, 0x18, 0xfc, 0xff, 0xff})
	d := testDecoder(m)
	assert.Equal(t, `move_pages(0, 3, [0x7000, NULL, 0x9000], [0, 5, -1], [0, -EFAULT, -1000], MPOL_MF_MOVE) = 0`,
		decodeLine(t, d, unix.SYS_MOVE_PAGES, 0, 0, 3, pages, nodes, status, 2))
	assert.Equal(t, `move_pages(-1, 3, [0x7000, NULL, 0x9000], NULL, 0x3000, MPOL_MF_MOVE|0xf1) = -1 EINVAL (Invalid argument)`,
		decodeLine(t, d, unix.SYS_MOVE_PAGES, -22, 0xffffffff, 3, pages, 0, status, 0xf3))
	assert.Equal(t, `move_pages(0, 0, [], [], [], 0) = 0`, decodeLine(t, d, unix.SYS_MOVE_PAGES, 0, 0, 0, pages, nodes, status, 0))
	assert.Equal(t, `move_pages(0, 4, [0x7000, NULL, 0x9000, ... /* 0x1018 */], 0x8, [0, -EFAULT, -1000, ... /* 0x300c */], 0xf0 /* MPOL_??? */) = 0`,
		decodeLine(t, d, unix.SYS_MOVE_PAGES, 0, 0, 4, pages, 8, status, 0xf0))
	d.Opts.Style = format.Verbose
	assert.Equal(t, `move_pages(0, 2, [0x7000, NULL], NULL, [0, -14 /* -EFAULT */], 0) = 0`,
		decodeLine(t, d, unix.SYS_MOVE_PAGES, 0, 0, 2, pages, 0, status, 0))
	d.Opts.Style = format.Raw
	assert.Equal(t, `move_pages(0, 2, [0x7000, NULL], NULL, [0, -14], 0) = 0`,
		decodeLine(t, d, unix.SYS_MOVE_PAGES, 0, 0, 2, pages, 0, status, 0))
	// An interrupted call shows no separator before its status.
	c := &Call{Nr: unix.SYS_MOVE_PAGES, Args: [6]uint64{0, 1, pages, 0, status, 0}}
	assert.Equal(t, `move_pages(0, 1, [0x7000], NULL`, string(d.Enter(nil, c)))
	assert.Equal(t, `migrate_pages(0, 3, [0x00000000000001], NULL) = 0`,
		decodeLine(t, d, unix.SYS_MIGRATE_PAGES, 0, 0, 3, m.put(0x4000, iovecs(1)), 0))
	assert.Equal(t, `set_mempolicy_home_node(0x1000, 8192, 0, 0x3) = -1 EINVAL (Invalid argument)`,
		decodeLine(t, d, unix.SYS_SET_MEMPOLICY_HOME_NODE, -22, 0x1000, 8192, 0, 3))
}
