package syscalls

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"golang.org/x/sys/unix"
)

func TestMountAPI(t *testing.T) {
	m := newFakeMem()
	path := m.put(0x1000, []byte("/mnt\x00"))
	k32 := m.put(0x2000, []byte(strings.Repeat("k", 32)+"\x00"))
	k33 := m.put(0x3000, []byte(strings.Repeat("k", 33)+"\x00"))
	// A string cut by an unreadable page before its NUL.
	cut := m.put(0x5000-3, []byte("abc"))
	blob := m.put(0x6000, []byte{1, 'a', 0, 0xff})
	attr := m.put(0x7000, u64s(unix.MOUNT_ATTR_RDONLY, unix.MOUNT_ATTR__ATIME, unix.MS_SHARED, 7))
	idmap := m.put(0x8000, append(u64s(unix.MOUNT_ATTR_IDMAP, 0, 0, 7, 0, 0x12), make([]byte, 4096)...))
	d := testDecoder(m)

	assert.Equal(t, `open_tree(AT_FDCWD, "/mnt", OPEN_TREE_CLONE|OPEN_TREE_CLOEXEC|AT_RECURSIVE) = 3`,
		decodeLine(t, d, unix.SYS_OPEN_TREE, 3, uint64(0xffffff9c), path, unix.OPEN_TREE_CLONE|unix.O_CLOEXEC|unix.AT_RECURSIVE))
	assert.Equal(t, `move_mount(3, "", AT_FDCWD, "/mnt", MOVE_MOUNT_F_EMPTY_PATH|0x80) = 0`,
		decodeLine(t, d, unix.SYS_MOVE_MOUNT, 0, 3, 0x1004, uint64(0xffffff9c), path, unix.MOVE_MOUNT_F_EMPTY_PATH|0x80))
	assert.Equal(t, `fsopen(0x4ffd, FSOPEN_CLOEXEC) = -1 EFAULT (Bad address)`,
		decodeLine(t, d, unix.SYS_FSOPEN, -14, cut, unix.FSOPEN_CLOEXEC))
	// strace 6.1's fsmount does not name MOUNT_ATTR_IDMAP.
	assert.Equal(t, `fsmount(3, FSMOUNT_CLOEXEC, MOUNT_ATTR_NOSUID|0x100000) = -1 EINVAL (Invalid argument)`,
		decodeLine(t, d, unix.SYS_FSMOUNT, -22, 3, 1, unix.MOUNT_ATTR_NOSUID|unix.MOUNT_ATTR_IDMAP))
	assert.Equal(t, `fspick(-1, NULL, 0x20 /* FSPICK_??? */) = -1 EINVAL (Invalid argument)`,
		decodeLine(t, d, unix.SYS_FSPICK, -22, 0xffffffff, 0, 0x20))

	// fsconfig's key: a string of at most 256 bytes, cut at -s; exactly
	// -s bytes before the NUL are not cut.
	assert.Equal(t, `fsconfig(3, FSCONFIG_SET_FLAG, "`+strings.Repeat("k", 32)+`", NULL, 0) = 0`,
		decodeLine(t, d, unix.SYS_FSCONFIG, 0, 3, unix.FSCONFIG_SET_FLAG, k32, 0, 0))
	assert.Equal(t, `fsconfig(3, FSCONFIG_SET_STRING, "`+strings.Repeat("k", 32)+`"..., 0x4ffd, 0) = 0`,
		decodeLine(t, d, unix.SYS_FSCONFIG, 0, 3, unix.FSCONFIG_SET_STRING, k33, cut, 0))
	assert.Equal(t, `fsconfig(3, FSCONFIG_SET_BINARY, "k", "\x01\x61\x00\xff", 4) = 0`,
		decodeLine(t, d, unix.SYS_FSCONFIG, 0, 3, unix.FSCONFIG_SET_BINARY, k32+31, blob, 4))
	// A blob longer than readable memory is its address; a size out of
	// range too.
	assert.Equal(t, `fsconfig(3, FSCONFIG_SET_BINARY, "k", 0x6000, 5) = 0`,
		decodeLine(t, d, unix.SYS_FSCONFIG, 0, 3, unix.FSCONFIG_SET_BINARY, k32+31, blob, 5))
	assert.Equal(t, `fsconfig(3, FSCONFIG_SET_BINARY, "k", 0x6000, -1) = 0`,
		decodeLine(t, d, unix.SYS_FSCONFIG, 0, 3, unix.FSCONFIG_SET_BINARY, k32+31, blob, 0xffffffff))
	assert.Equal(t, `fsconfig(3, FSCONFIG_SET_PATH, "k", "/mnt", AT_FDCWD) = 0`,
		decodeLine(t, d, unix.SYS_FSCONFIG, 0, 3, unix.FSCONFIG_SET_PATH, k32+31, path, uint64(0xffffff9c)))
	assert.Equal(t, `fsconfig(3, FSCONFIG_SET_FD, "k", 0x1, 4) = 0`,
		decodeLine(t, d, unix.SYS_FSCONFIG, 0, 3, unix.FSCONFIG_SET_FD, k32+31, 1, 4))
	assert.Equal(t, `fsconfig(3, 0x8 /* FSCONFIG_??? */, 0x2000, 0x1000, -1) = -1 EOPNOTSUPP (Operation not supported)`,
		decodeLine(t, d, unix.SYS_FSCONFIG, -95, 3, 8, k32, path, 0xffffffff))

	// struct mount_attr: below its first size, unreadable, in full, with
	// a non-zero tail (cut at -s, up to a page), with an unreadable tail.
	assert.Equal(t, `mount_setattr(-1, "", 0, 0x7000, 24) = -1 EINVAL (Invalid argument)`,
		decodeLine(t, d, unix.SYS_MOUNT_SETATTR, -22, 0xffffffff, 0x1004, 0, attr, 24))
	assert.Equal(t, `mount_setattr(-1, "", AT_RECURSIVE, 0x7008, 32) = -1 EFAULT (Bad address)`,
		decodeLine(t, d, unix.SYS_MOUNT_SETATTR, -14, 0xffffffff, 0x1004, unix.AT_RECURSIVE, attr+8, 32))
	assert.Equal(t, `mount_setattr(-1, "", 0, {attr_set=MOUNT_ATTR_RDONLY, attr_clr=MOUNT_ATTR_NOATIME|MOUNT_ATTR_STRICTATIME|0x40, propagation=MS_SHARED, userns_fd=7}, 32) = 0`,
		decodeLine(t, d, unix.SYS_MOUNT_SETATTR, 0, 0xffffffff, 0x1004, 0, attr, 32))
	assert.Equal(t, `mount_setattr(-1, "", 0, {attr_set=MOUNT_ATTR_RDONLY, attr_clr=MOUNT_ATTR_NOATIME|MOUNT_ATTR_STRICTATIME|0x40, propagation=MS_SHARED, userns_fd=7, ???}, 40) = 0`,
		decodeLine(t, d, unix.SYS_MOUNT_SETATTR, 0, 0xffffffff, 0x1004, 0, attr, 40))
	assert.Equal(t, `mount_setattr(-1, "", 0, {attr_set=MOUNT_ATTR_IDMAP, attr_clr=0, propagation=0 /* MS_??? */, userns_fd=7, /* bytes 32..4095 */ "`+
		`\x00\x00\x00\x00\x00\x00\x00\x00\x12`+strings.Repeat(`\x00`, 23)+`"...}, 5000) = 0`,
		decodeLine(t, d, unix.SYS_MOUNT_SETATTR, 0, 0xffffffff, 0x1004, 0, idmap, 5000))
	// Outside -e verbose the structure is its address.
	d.Terse = true
	assert.Equal(t, `mount_setattr(-1, "", 0, 0x7000, 32) = 0`,
		decodeLine(t, d, unix.SYS_MOUNT_SETATTR, 0, 0xffffffff, 0x1004, 0, attr, 32))
}
