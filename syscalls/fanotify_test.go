package syscalls

import (
	"testing"

	"github.com/gotrace/gotrace/format"
	"github.com/stretchr/testify/assert"
	"golang.org/x/sys/unix"
)

func TestFanotifyUffd(t *testing.T) {
	m := newFakeMem()
	d := testDecoder(m)
	p := m.put(0x1000, []byte("fan.d\x00"))
	assert.Equal(t, "fanotify_init(FAN_CLASS_NOTIF|FAN_CLOEXEC|FAN_NONBLOCK, O_RDONLY) = 4",
		decodeLine(t, d, unix.SYS_FANOTIFY_INIT, 4, unix.FAN_CLOEXEC|unix.FAN_NONBLOCK, 0))
	assert.Equal(t, "fanotify_init(FAN_CLASS_CONTENT, O_RDWR) = 4", decodeLine(t, d, unix.SYS_FANOTIFY_INIT, 4, unix.FAN_CLASS_CONTENT, unix.O_RDWR))
	assert.Equal(t, "fanotify_init(0xc /* FAN_CLASS_??? */|0x80000000 /* FAN_??? */, O_RDONLY|0x40000000) = -1 EINVAL (Invalid argument)",
		decodeLine(t, d, unix.SYS_FANOTIFY_INIT, -22, 0x8000000c, 0x40000000))
	assert.Equal(t, "fanotify_mark(4, FAN_MARK_ADD|FAN_MARK_ONLYDIR, FAN_CLOSE_WRITE|FAN_OPEN|FAN_EVENT_ON_CHILD, AT_FDCWD, \"fan.d\") = 0",
		decodeLine(t, d, unix.SYS_FANOTIFY_MARK, 0, 4, unix.FAN_MARK_ADD|unix.FAN_MARK_ONLYDIR, unix.FAN_CLOSE_WRITE|unix.FAN_OPEN|unix.FAN_EVENT_ON_CHILD, uint64(1<<64+unix.AT_FDCWD), p))
	assert.Equal(t, "fanotify_mark(4, 0x80000000 /* FAN_MARK_??? */, 0x8000000000 /* FAN_??? */, FAN_NOFD, 0x1) = -1 EINVAL (Invalid argument)",
		decodeLine(t, d, unix.SYS_FANOTIFY_MARK, -22, 4, 0x80000000, 0x8000000000, 0xffffffff, 1))
	assert.Equal(t, "fanotify_mark(4, FAN_MARK_FLUSH, 0, 5, NULL) = 0", decodeLine(t, d, unix.SYS_FANOTIFY_MARK, 0, 4, unix.FAN_MARK_FLUSH, 0, 5, 0))
	assert.Equal(t, "userfaultfd(O_NONBLOCK|O_CLOEXEC) = 3", decodeLine(t, d, unix.SYS_USERFAULTFD, 3, unix.O_NONBLOCK|unix.O_CLOEXEC))
	assert.Equal(t, "userfaultfd(0x2 /* UFFD_??? */) = -1 EINVAL (Invalid argument)", decodeLine(t, d, unix.SYS_USERFAULTFD, -22, 2))
	d.Opts.Style = format.Raw
	assert.Equal(t, "fanotify_init(0|0x3, 0) = 4", decodeLine(t, d, unix.SYS_FANOTIFY_INIT, 4, 3, 0))
	assert.Equal(t, "fanotify_mark(4, 0x80, 0, -1, NULL) = 0", decodeLine(t, d, unix.SYS_FANOTIFY_MARK, 0, 4, unix.FAN_MARK_FLUSH, 0, 0xffffffff, 0))
	d.Opts.Style = format.Verbose
	assert.Equal(t, "fanotify_init(0 /* FAN_CLASS_NOTIF */|0x3 /* FAN_CLOEXEC|FAN_NONBLOCK */, 0 /* O_RDONLY */) = 4", decodeLine(t, d, unix.SYS_FANOTIFY_INIT, 4, 3, 0))
	assert.Equal(t, "userfaultfd(0x1 /* UFFD_USER_MODE_ONLY */) = 3", decodeLine(t, d, unix.SYS_USERFAULTFD, 3, 1))
}
