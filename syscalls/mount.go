package syscalls

import (
	"golang.org/x/sys/unix"
)

// mount(2). (umount2's flags are in file.go.)

// mount.go's flag and value sets are listed in xlat/mount.txt, from which
// go generate writes zxlat.go.

// mountFlagsOf returns mount's flags (args[3]) without the old magic
// number, and whether it was there.
func mountFlagsOf(c *Call) (uint64, bool) {
	f := c.Args[3]
	if f&unix.MS_MGC_MSK == unix.MS_MGC_VAL {
		return f &^ unix.MS_MGC_MSK, true
	}
	return f, false
}

// mountIgnores reports whether mount's type (and its data) mean nothing
// for these flags: MS_REMOUNT ignores the type; a bind, move or
// propagation change ignores both.
func mountIgnores(c *Call) (typ, data bool) {
	f, _ := mountFlagsOf(c)
	if f&unix.MS_REMOUNT != 0 {
		return true, false
	}
	if f&(unix.MS_BIND|unix.MS_MOVE|unix.MS_SHARED|unix.MS_PRIVATE|unix.MS_SLAVE|unix.MS_UNBINDABLE) != 0 {
		return true, true
	}
	return false, false
}

var (
	// MountType prints mount's filesystem type: a string, or its
	// address when the flags make the kernel ignore it.
	MountType = &Arg{Print: func(d *Decoder, c *Call, i int) {
		if t, _ := mountIgnores(c); t {
			d.Addr(c.Args[i])
			return
		}
		d.Str(c.Args[i])
	}}
	// MountFlags prints mount's flags: MS_MGC_VAL (the old magic, when
	// present) then the MS_* flags.
	MountFlags = &Arg{Print: func(d *Decoder, c *Call, i int) {
		f, magic := mountFlagsOf(c)
		if magic {
			d.B = appendXval(d.B, unix.MS_MGC_VAL, "MS_MGC_VAL", true, d.Opts.Style)
			if f == 0 {
				return
			}
			d.S("|")
		}
		d.Flags(mountFlags, f, "MS_???")
	}}
	// MountData prints mount's data: a string, or its address when the
	// flags make the kernel ignore it.
	MountData = &Arg{Print: func(d *Decoder, c *Call, i int) {
		if _, data := mountIgnores(c); data {
			d.Addr(c.Args[i])
			return
		}
		d.Str(c.Args[i])
	}}
)
