package syscalls

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"golang.org/x/sys/unix"

	"github.com/gotrace/gotrace/format"
)

func TestXattr(t *testing.T) {
	m := newFakeMem()
	path := m.put(0x1000, []byte("f\x00"))
	name := m.put(0x2000, []byte("user.gotrace\x00"))
	val := m.put(0x3000, []byte("value\x01x"))
	list := m.put(0x4000, []byte("user.a\x00user.b\x00"))
	d := testDecoder(m)
	assert.Equal(t, `setxattr("f", "user.gotrace", "value\1x", 7, XATTR_CREATE) = 0`,
		decodeLine(t, d, unix.SYS_SETXATTR, 0, path, name, val, 7, unix.XATTR_CREATE))
	assert.Equal(t, `fsetxattr(3, "user.gotrace", "value\1x", 7, 0x10 /* XATTR_??? */) = -1 EINVAL (Invalid argument)`,
		decodeLine(t, d, unix.SYS_FSETXATTR, -22, 3, name, val, 7, 0x10))
	assert.Equal(t, `getxattr("f", "user.gotrace", "value\1x", 256) = 7`,
		decodeLine(t, d, unix.SYS_GETXATTR, 7, path, name, val, 256))
	assert.Equal(t, `getxattr("f", "user.gotrace", NULL, 0) = 7`,
		decodeLine(t, d, unix.SYS_GETXATTR, 7, path, name, 0, 0))
	assert.Equal(t, `lgetxattr("f", "user.gotrace", 0x3000, 256) = -1 ENODATA (No data available)`,
		decodeLine(t, d, unix.SYS_LGETXATTR, -int64(unix.ENODATA), path, name, val, 256))
	assert.Equal(t, `listxattr("f", "user.a\0user.b\0", 256) = 14`,
		decodeLine(t, d, unix.SYS_LISTXATTR, 14, path, list, 256))
	assert.Equal(t, `fremovexattr(3, "user.gotrace") = 0`,
		decodeLine(t, d, unix.SYS_FREMOVEXATTR, 0, 3, name))
	// Unreadable name, absurd size: bounded, the bare address.
	assert.Equal(t, `getxattr("f", 0x8, 0x3000, 18446744073709551615) = -1 EFAULT (Bad address)`,
		decodeLine(t, d, unix.SYS_GETXATTR, -14, path, 8, val, ^uint64(0)))
	d.Opts.Style = format.Verbose
	assert.Equal(t, `setxattr("f", "user.gotrace", "value\1x", 7, 0x1 /* XATTR_CREATE */) = 0`,
		decodeLine(t, d, unix.SYS_SETXATTR, 0, path, name, val, 7, unix.XATTR_CREATE))
}
