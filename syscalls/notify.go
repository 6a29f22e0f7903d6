package syscalls

import (
	"github.com/gotrace/gotrace/format"
)

// The notification descriptors: eventfd, eventfd2, timerfd_create,
// timerfd_settime, timerfd_gettime, signalfd, signalfd4, inotify_init,
// inotify_init1, inotify_add_watch, inotify_rm_watch.

// notify.go's flag and value sets are listed in xlat/notify.txt, from which
// go generate writes zxlat.go.

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
