package syscalls

// fanotify_init, fanotify_mark and userfaultfd.

// fanotify.go's flag and value sets are listed in xlat/fanotify.txt, from
// which go generate writes zxlat.go.

// The constants x/sys lacks: the class bits of fanotify_init's flags,
// fanotify_mark's "no dirfd", the FAN_DIR_MODIFY event strace 6.1 names
// (all linux/fanotify.h), and userfaultfd's UFFD_USER_MODE_ONLY
// (linux/userfaultfd.h).
const (
	fanDirModify     = 0x80000
	fanAllClassBits  = 0xc
	fanNoFd          = 1<<64 - 1 // -1 as a 64-bit value
	uffdUserModeOnly = 1
)

var (
	// FanInitFlags prints fanotify_init's flags: the class as a value,
	// then the other flags: FAN_CLASS_NOTIF|FAN_CLOEXEC.
	FanInitFlags = &Arg{Print: func(d *Decoder, c *Call, i int) {
		v := uint64(uint32(c.Args[i]))
		d.Value(fanClasses, v&fanAllClassBits, "FAN_CLASS_???")
		if rest := v &^ fanAllClassBits; rest != 0 {
			d.S("|")
			d.Flags(fanInitFlags, rest, "FAN_???")
		}
	}}
	// FanMarkFlags prints fanotify_mark's flags (FAN_MARK_*).
	FanMarkFlags = flagsArg(fanMarkFlags, "FAN_MARK_???")
	// FanEventMask prints fanotify_mark's 64-bit event mask (FAN_*).
	FanEventMask = &Arg{Print: func(d *Decoder, c *Call, i int) { d.Flags(fanEventFlags, c.Args[i], "FAN_???") }}
	// FanDirfd prints fanotify_mark's dirfd: FAN_NOFD for -1, else as
	// the *at calls' dirfd.
	FanDirfd = &Arg{Print: func(d *Decoder, c *Call, i int) {
		if int32(c.Args[i]) == -1 {
			d.ValueDec(fanNofd, fanNoFd, "")
			return
		}
		d.dirfd(c.Args[i])
	}}
	// UffdFlags prints userfaultfd's flags.
	UffdFlags = flagsArg(uffdFlags, "UFFD_???")
)
