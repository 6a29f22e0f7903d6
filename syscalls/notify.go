package syscalls

import (
	"github.com/gotrace/gotrace/format"
	"golang.org/x/sys/unix"
)

// The notification descriptors: eventfd, eventfd2, timerfd_create,
// timerfd_settime, timerfd_gettime, signalfd, signalfd4, inotify_init,
// inotify_init1, inotify_add_watch, inotify_rm_watch.

// efdFlags are eventfd2's flags, in strace's order.
var efdFlags = format.FlagSet{
	{Val: unix.EFD_SEMAPHORE, Name: "EFD_SEMAPHORE"},
	{Val: unix.EFD_CLOEXEC, Name: "EFD_CLOEXEC"},
	{Val: unix.EFD_NONBLOCK, Name: "EFD_NONBLOCK"},
}

// timerfdFlags are timerfd_create's and timerfd_settime's flags: strace
// has one table for both.
var timerfdFlags = format.FlagSet{
	{Val: unix.TFD_TIMER_ABSTIME, Name: "TFD_TIMER_ABSTIME"},
	{Val: unix.TFD_TIMER_CANCEL_ON_SET, Name: "TFD_TIMER_CANCEL_ON_SET"},
	{Val: unix.TFD_CLOEXEC, Name: "TFD_CLOEXEC"},
	{Val: unix.TFD_NONBLOCK, Name: "TFD_NONBLOCK"},
}

// sfdFlags are signalfd4's flags.
var sfdFlags = format.FlagSet{
	{Val: unix.SFD_CLOEXEC, Name: "SFD_CLOEXEC"},
	{Val: unix.SFD_NONBLOCK, Name: "SFD_NONBLOCK"},
}

// inotifyInitFlags are inotify_init1's flags, in strace's order.
var inotifyInitFlags = format.FlagSet{
	{Val: unix.IN_NONBLOCK, Name: "IN_NONBLOCK"},
	{Val: unix.IN_CLOEXEC, Name: "IN_CLOEXEC"},
}

// inotifyMask is inotify_add_watch's event mask.
var inotifyMask = format.FlagSet{
	{Val: unix.IN_ACCESS, Name: "IN_ACCESS"},
	{Val: unix.IN_MODIFY, Name: "IN_MODIFY"},
	{Val: unix.IN_ATTRIB, Name: "IN_ATTRIB"},
	{Val: unix.IN_CLOSE_WRITE, Name: "IN_CLOSE_WRITE"},
	{Val: unix.IN_CLOSE_NOWRITE, Name: "IN_CLOSE_NOWRITE"},
	{Val: unix.IN_OPEN, Name: "IN_OPEN"},
	{Val: unix.IN_MOVED_FROM, Name: "IN_MOVED_FROM"},
	{Val: unix.IN_MOVED_TO, Name: "IN_MOVED_TO"},
	{Val: unix.IN_CREATE, Name: "IN_CREATE"},
	{Val: unix.IN_DELETE, Name: "IN_DELETE"},
	{Val: unix.IN_DELETE_SELF, Name: "IN_DELETE_SELF"},
	{Val: unix.IN_MOVE_SELF, Name: "IN_MOVE_SELF"},
	{Val: unix.IN_UNMOUNT, Name: "IN_UNMOUNT"},
	{Val: unix.IN_Q_OVERFLOW, Name: "IN_Q_OVERFLOW"},
	{Val: unix.IN_IGNORED, Name: "IN_IGNORED"},
	{Val: unix.IN_ONLYDIR, Name: "IN_ONLYDIR"},
	{Val: unix.IN_DONT_FOLLOW, Name: "IN_DONT_FOLLOW"},
	{Val: unix.IN_EXCL_UNLINK, Name: "IN_EXCL_UNLINK"},
	{Val: unix.IN_MASK_CREATE, Name: "IN_MASK_CREATE"},
	{Val: unix.IN_MASK_ADD, Name: "IN_MASK_ADD"},
	{Val: unix.IN_ISDIR, Name: "IN_ISDIR"},
	{Val: unix.IN_ONESHOT, Name: "IN_ONESHOT"},
}

// flagsArg returns a kind printing a C unsigned int through fs, with dflt
// for a value none of whose bits fs knows.
func flagsArg(fs format.FlagSet, dflt string) *Arg {
	return &Arg{Print: func(d *Decoder, c *Call, i int) {
		d.Flags(fs, uint64(uint32(c.Args[i])), dflt)
	}}
}

var (
	// EfdFlags prints eventfd2's flags (EFD_*).
	EfdFlags = flagsArg(efdFlags, "EFD_???")
	// TimerfdFlags prints timerfd_create's and timerfd_settime's flags
	// (TFD_*).
	TimerfdFlags = flagsArg(timerfdFlags, "TFD_???")
	// SfdFlags prints signalfd4's flags (SFD_*).
	SfdFlags = flagsArg(sfdFlags, "SFD_???")
	// InotifyInitFlags prints inotify_init1's flags (IN_NONBLOCK…).
	InotifyInitFlags = flagsArg(inotifyInitFlags, "IN_???")
	// InotifyMask prints inotify_add_watch's event mask (IN_*).
	InotifyMask = flagsArg(inotifyMask, "IN_???")
	// SignalfdMask prints signalfd's and signalfd4's mask at entry: a
	// signal set whose size is the next argument (the address when that
	// size is not the kernel's).
	SignalfdMask = &Arg{Print: func(d *Decoder, c *Call, i int) {
		d.sigsetAt(c.Args[i], c.Args[i+1], nsigBytes)
	}}
)
