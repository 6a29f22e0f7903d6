package syscalls

// The exec family: execve and execveat's string arrays.

// maxArgv bounds the elements of an argv or envp array followed, whatever
// the tracee put there (the kernel's own bound is far larger).
const maxArgv = 1 << 16

// exec.go's flag and value sets are listed in xlat/exec.txt, from which
// go generate writes zxlat.go.

var (
	// Argv prints a NULL-terminated array of strings at entry (execve's
	// argv): ["ls", "-l"], each string cut at -s, and without -v at
	// most -s elements then "..."; NULL, or the address when the array
	// is unreadable; an unreadable string prints as its address.
	Argv = &Arg{Print: func(d *Decoder, c *Call, i int) { d.argv(c.Args[i]) }}

	// Envp prints execve's envp at entry: the address and
	// "/* N vars */", or with -v the whole array as Argv prints it.
	Envp = &Arg{Print: func(d *Decoder, c *Call, i int) {
		if d.Opts.Verbose {
			d.argv(c.Args[i])
			return
		}
		d.argc(c.Args[i])
	}}

	// ExecveatFlags prints execveat's flags (AT_*).
	ExecveatFlags = &Arg{Print: func(d *Decoder, c *Call, i int) {
		d.Flags(execveatFlags, uint64(uint32(c.Args[i])), "AT_???")
	}}
)

// argv appends the string array at addr.
func (d *Decoder) argv(addr uint64) {
	if addr == 0 {
		d.S("NULL")
		return
	}
	var prev uint64
	n := 0
	for ; ; prev, addr, n = addr, addr+8, n+1 {
		word, ok := d.ReadU64(addr)
		if addr < prev || !ok {
			if n == 0 {
				d.Hex(addr)
				return
			}
			d.S(", ... /* ")
			d.Hex(addr)
			d.S(" */")
			break
		}
		if n == 0 {
			d.S("[")
		}
		if word == 0 {
			break
		}
		if n != 0 {
			d.S(", ")
		}
		if (!d.Opts.Verbose && n+1 > d.Opts.StrSize) || n >= maxArgv {
			d.S("...")
			break
		}
		d.Str(word)
	}
	d.S("]")
}

// argc appends the address of a string array and a comment counting its
// elements: 0x7ffd… /* 23 vars */.
func (d *Decoder) argc(addr uint64) {
	d.Addr(addr)
	if addr == 0 {
		return
	}
	var prev uint64
	n := 0
	for ; addr > prev && n < maxArgv*16; prev, addr, n = addr, addr+8, n+1 {
		word, ok := d.ReadU64(addr)
		if !ok {
			if n == 0 {
				return
			}
			addr = 0
			break
		}
		if word == 0 {
			break
		}
	}
	d.S(" /* ")
	d.Int(int64(n))
	d.S(" var")
	if n != 1 {
		d.S("s")
	}
	if addr < prev {
		d.S(", unterminated")
	}
	d.S(" */")
}
