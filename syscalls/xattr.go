package syscalls

// The extended-attribute calls: setxattr, getxattr, listxattr,
// removexattr and their l*/f* forms. Their flag set is in xlat/xattr.txt.

var (
	// XattrFlags prints setxattr's flags (XATTR_CREATE, XATTR_REPLACE).
	XattrFlags = &Arg{Print: func(d *Decoder, c *Call, i int) {
		d.Flags(xattrFlagSet, uint64(uint32(c.Args[i])), "XATTR_???")
	}}
	// XattrValue prints getxattr's value (or listxattr's NUL-separated
	// name list) at exit: as many bytes as the call returned, cut at -s;
	// NULL, or the bare address when the call failed.
	XattrValue = OutBuf
)
