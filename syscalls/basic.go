package syscalls

// The basic argument kinds: numbers, pointers, descriptors, strings and
// plain buffers. Family files (file.go, socket.go, …) hold the rest.

var (
	// Raw prints the argument in hex (%#lx), as strace prints an
	// undecoded argument: 0 as "0".
	Raw = &Arg{Print: func(d *Decoder, c *Call, i int) { d.Hex(c.Args[i]) }}
	// Ptr prints an address it does not follow: NULL or hex.
	Ptr = &Arg{Print: func(d *Decoder, c *Call, i int) { d.Addr(c.Args[i]) }}
	// Int prints a C int (the low 32 bits, signed).
	Int = &Arg{Print: func(d *Decoder, c *Call, i int) { d.Int(int64(int32(c.Args[i]))) }}
	// Uint prints a C unsigned int.
	Uint = &Arg{Print: func(d *Decoder, c *Call, i int) { d.Uint(uint64(uint32(c.Args[i]))) }}
	// Long prints a C long, signed.
	Long = &Arg{Print: func(d *Decoder, c *Call, i int) { d.Int(int64(c.Args[i])) }}
	// Ulong prints a C unsigned long (size_t).
	Ulong = &Arg{Print: func(d *Decoder, c *Call, i int) { d.Uint(c.Args[i]) }}
	// Fd prints a file descriptor (an int), with its -y decoration.
	Fd = &Arg{Print: func(d *Decoder, c *Call, i int) { d.Fd(int(int32(c.Args[i]))) }}
	// Path prints a NUL-terminated path at entry (up to PATH_MAX, not
	// cut by -s).
	Path = &Arg{Print: func(d *Decoder, c *Call, i int) { d.Path(c.Args[i]) }}
	// Str prints a NUL-terminated string at entry, cut at -s bytes.
	Str = &Arg{Print: func(d *Decoder, c *Call, i int) { d.Str(c.Args[i]) }}
	// InBuf prints a buffer the call reads (write's data) at entry; its
	// length is the next argument.
	InBuf = &Arg{Print: func(d *Decoder, c *Call, i int) { d.Buf(c.Args[i], c.Args[i+1]) }}
	// OutBuf prints a buffer the call fills (read's data) at exit: as
	// many bytes as the call returned; the bare address if it failed.
	OutBuf = &Arg{AtExit: true, Print: func(d *Decoder, c *Call, i int) {
		if c.Failed() {
			d.Addr(c.Args[i])
			return
		}
		d.Buf(c.Args[i], uint64(c.Ret))
	}}
)
