package syscalls

import (
	"github.com/gotrace/gotrace/format"
	"golang.org/x/sys/unix"
)

// mount(2). (umount2's flags are in file.go.)

// mountFlags are mount's MS_* flags, in strace's order.
var mountFlags = format.FlagSet{
	{Val: unix.MS_RDONLY, Name: "MS_RDONLY"},
	{Val: unix.MS_NOSUID, Name: "MS_NOSUID"},
	{Val: unix.MS_NODEV, Name: "MS_NODEV"},
	{Val: unix.MS_NOEXEC, Name: "MS_NOEXEC"},
	{Val: unix.MS_SYNCHRONOUS, Name: "MS_SYNCHRONOUS"},
	{Val: unix.MS_REMOUNT, Name: "MS_REMOUNT"},
	{Val: unix.MS_MANDLOCK, Name: "MS_MANDLOCK"},
	{Val: unix.MS_DIRSYNC, Name: "MS_DIRSYNC"},
	{Val: unix.MS_NOSYMFOLLOW, Name: "MS_NOSYMFOLLOW"},
	{Val: unix.MS_NOATIME, Name: "MS_NOATIME"},
	{Val: unix.MS_NODIRATIME, Name: "MS_NODIRATIME"},
	{Val: unix.MS_BIND, Name: "MS_BIND"},
	{Val: unix.MS_MOVE, Name: "MS_MOVE"},
	{Val: unix.MS_REC, Name: "MS_REC"},
	{Val: unix.MS_SILENT, Name: "MS_SILENT"},
	{Val: unix.MS_POSIXACL, Name: "MS_POSIXACL"},
	{Val: unix.MS_UNBINDABLE, Name: "MS_UNBINDABLE"},
	{Val: unix.MS_PRIVATE, Name: "MS_PRIVATE"},
	{Val: unix.MS_SLAVE, Name: "MS_SLAVE"},
	{Val: unix.MS_SHARED, Name: "MS_SHARED"},
	{Val: unix.MS_RELATIME, Name: "MS_RELATIME"},
	{Val: unix.MS_KERNMOUNT, Name: "MS_KERNMOUNT"},
	{Val: unix.MS_I_VERSION, Name: "MS_I_VERSION"},
	{Val: unix.MS_STRICTATIME, Name: "MS_STRICTATIME"},
	{Val: unix.MS_LAZYTIME, Name: "MS_LAZYTIME"},
	{Val: unix.MS_SUBMOUNT, Name: "MS_SUBMOUNT"},
	{Val: unix.MS_NOREMOTELOCK, Name: "MS_NOREMOTELOCK"},
	{Val: unix.MS_NOSEC, Name: "MS_NOSEC"},
	{Val: unix.MS_BORN, Name: "MS_BORN"},
	{Val: unix.MS_ACTIVE, Name: "MS_ACTIVE"},
	{Val: unix.MS_NOUSER, Name: "MS_NOUSER"},
}

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
