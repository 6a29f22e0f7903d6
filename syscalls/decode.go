package syscalls

import (
	"strconv"

	"github.com/gotrace/gotrace/format"
)

// Memory reads tracee memory. ReadMem returns how many bytes it read at
// addr: fewer than len(buf) (and an error) when the range is not readable.
type Memory interface {
	ReadMem(addr uint64, buf []byte) (int, error)
}

// VecMemory is a Memory that also reads several ranges in one request.
type VecMemory interface {
	Memory
	// ReadMemv reads the ranges segs back to back into buf (as long as
	// their total) and returns how many bytes it read: fewer when a range
	// runs into an unmapped page, the ranges after it then left unread.
	ReadMemv(segs []Seg, buf []byte) (int, error)
}

// Seg is one range of tracee memory.
type Seg struct {
	Addr uint64
	Len  int
}

// Options are the output settings every decoder honours.
type Options struct {
	StrSize int          // -s: bytes of a string or buffer shown (default 32)
	X       format.XMode // -x / -xx
	Style   format.Style // -X raw|abbrev|verbose
	Verbose bool         // -v: structures in full
	// FdPath, if set, returns the text strace adds after an fd with -y
	// ("/etc/passwd", "TCP:[…]"), or "" for none.
	FdPath func(fd int) string
	// FdDecor, if set, is used instead of FdPath: it appends the whole
	// decoration after an fd ("</etc/passwd>", "</memfd:x>(deleted)") to
	// dst, without allocating. fd is AT_FDCWD for a dirfd argument that
	// is AT_FDCWD (strace decorates it with the working directory).
	FdDecor func(dst []byte, fd int) []byte
	// FdLink, if set, returns what fd of the current process links to in
	// /proc/PID/fd ("anon_inode:bpf-map"), or "" if unknown, whatever -y
	// says: strace decodes bpf's object information by it.
	FdLink func(fd int) string
	// PidComm, if set (-Y, --decode-pids=comm), appends "<comm>" after a
	// pid: the command name of process or thread pid, read when the pid
	// is printed (nothing once it is gone).
	PidComm func(dst []byte, pid int) []byte
	// NetlinkProto, if set, says what fd of the current process is, for
	// the netlink decoding of socket data: its netlink protocol
	// (NETLINK_ROUTE…), -1 for a netlink socket whose protocol is not
	// known (strace learns it through sock_diag, which does not list an
	// unbound socket), or -2 for anything else. It must be cheap: it
	// runs for every send and receive call.
	NetlinkProto func(fd int) int
}

// Call is one syscall in flight in one thread: the caller keeps it in the
// thread's state from entry to exit.
type Call struct {
	Nr    int
	Args  [6]uint64
	Ret   int64 // raw return value, set before Exit
	Entry *Entry
	next  int       // first argument still to print at exit
	Saved [4]uint64 // entry-time values kept for the exit (socklen, count…)
	SP    uint64    // the stack pointer at entry (rt_sigreturn reads the frame)
	// Priv holds entry state that does not fit in Saved (recvmmsg's
	// per-message name lengths); reset at every entry.
	Priv   any
	Detail string // text strace adds after the return value, " (…)"
	// Spans records where each argument's text lies in the output of
	// Enter or Exit (for JSON's per-argument strace text).
	Spans [6]ArgSpan
	// RetAs, when set, overrides the table's return kind for this call
	// (fcntl's F_GETFL returns flags in hex, F_DUPFD an fd).
	RetAs RetKind
}

// ArgSpan is where one argument's text lies: bytes [Start, End) of the
// slice Enter returned (Exit false) or of the one Exit returned (Exit
// true). Shown is false for an argument not printed.
type ArgSpan struct {
	Start, End int32
	Exit       bool
	Shown      bool
}

// Failed reports whether the call returned an error (-4095..-1).
func (c *Call) Failed() bool { return c.Ret < 0 && c.Ret >= -4095 }

// Errno returns the error number of a failed call.
func (c *Call) Errno() int { return int(-c.Ret) }

// Arg is an argument kind: how one argument prints. A kind is one variable
// in its family's file, whose doc comment says what it decodes, when, and
// which neighbouring argument it reads.
type Arg struct {
	// AtExit: the argument is an out-parameter, printed at exit. Argument
	// printing at entry stops at the first such argument; the rest are
	// printed at exit.
	AtExit bool
	// Save, if set, runs at entry for an AtExit argument to keep entry
	// state in Call.Saved (e.g. the size an addrlen held before the call).
	Save func(d *Decoder, c *Call, i int)
	// Print appends the argument's text to d.B.
	Print func(d *Decoder, c *Call, i int)
	// Skip, if set, says the argument is not printed at all (and takes no
	// separator), e.g. open's mode without O_CREAT.
	Skip func(c *Call, i int) bool
	// OwnSep: for an AtExit argument, the ", " before it is printed at exit
	// rather than at entry, so an interrupted call reads as strace shows
	// it ("clone(child_stack=NULL, flags=… <unfinished ...>").
	OwnSep bool
}

// Decoder turns a Call into text. It is reused for every call: B is the
// output being built, scratch the buffer for memory reads.
type Decoder struct {
	Opts Options
	// Terse: the call is outside -e verbose='s set. Every structure and
	// array read (Read, ReadU32, ReadU64) then fails, so decoders print the
	// bare address, as strace does; strings and data buffers still print.
	Terse   bool
	Mem     Memory
	B       []byte
	scratch []byte
	strbuf  []byte
	arrays  []byte // array elements being printed, a stack (iov.go)
	// The buffers of the iovec array being printed, read together
	// (prefetch in iov.go): where each lies in preBuf.
	pre    []preRead
	preBuf []byte
	segs   []Seg
}

// NewDecoder returns a decoder with the given options.
func NewDecoder(o Options) *Decoder {
	if o.StrSize <= 0 {
		o.StrSize = 32
	}
	return &Decoder{Opts: o, B: make([]byte, 0, 512), scratch: make([]byte, 4096), strbuf: make([]byte, 0, 4096)}
}

// Enter appends "name(" and the arguments printable at entry to dst, and
// prepares c for Exit.
func (d *Decoder) Enter(dst []byte, c *Call) (out []byte) {
	defer func() {
		if r := recover(); r != nil {
			out = d.rawEntry(dst, c)
		}
	}()
	e := Lookup(c.Nr)
	c.Entry = e
	c.next = 0
	c.Detail = ""
	c.RetAs = RetTable
	c.Priv = nil
	d.B = dst
	d.B = append(d.B, e.Name...)
	d.B = append(d.B, '(')
	n := e.nargs()
	c.Spans = [6]ArgSpan{}
	first := true
	for i := 0; i < n; i++ {
		a := e.arg(i)
		if a.Skip != nil && a.Skip(c, i) {
			continue
		}
		if !first && !(a.AtExit && a.OwnSep) {
			d.B = append(d.B, ", "...)
		}
		first = false
		if a.AtExit {
			c.next = i
			for j := i; j < n; j++ {
				if s := e.arg(j).Save; s != nil {
					s(d, c, j)
				}
			}
			return d.B
		}
		start := len(d.B)
		a.Print(d, c, i)
		c.span(i, start, len(d.B), false)
	}
	c.next = n
	return d.B
}

// Pending reports whether the call's decoding is left unfinished after
// Enter: arguments or an exit hook wait for the exit. A call that never
// returns then prints " <unfinished ...>" before ") = ?", as strace does
// when its decoder had not said it was done at entry.
func (c *Call) Pending() bool {
	return c.Entry != nil && (c.next < c.Entry.nargs() || c.Entry.Done != nil)
}

func (c *Call) span(i, start, end int, exit bool) {
	if i < len(c.Spans) {
		c.Spans[i] = ArgSpan{Start: int32(start), End: int32(end), Exit: exit, Shown: true}
	}
}

// Exit appends the arguments left for the exit (after the call returned
// c.Ret), without the closing parenthesis.
func (d *Decoder) Exit(dst []byte, c *Call) (out []byte) {
	defer func() {
		if r := recover(); r != nil {
			// The rest is lost, never the trace: close the call.
			c.next = c.Entry.nargs()
			out = dst
		}
	}()
	d.B = dst
	e := c.Entry
	if e == nil {
		return d.B
	}
	n := e.nargs()
	for i := c.next; i < n; i++ {
		a := e.arg(i)
		if a.Skip != nil && a.Skip(c, i) {
			continue
		}
		if i > c.next || (a.OwnSep && i > 0) {
			d.B = append(d.B, ", "...)
		}
		start := len(d.B)
		a.Print(d, c, i)
		c.span(i, start, len(d.B), true)
	}
	c.next = n
	if e.Done != nil {
		e.Done(d, c)
	}
	return d.B
}

// Return appends the return value as strace prints it after "= ".
func (d *Decoder) Return(dst []byte, c *Call) []byte {
	d.B = dst
	if c.Failed() {
		d.B = AppendErrno(d.B, c.Errno())
	} else {
		k := c.RetAs
		if k == RetTable && c.Entry != nil {
			k = c.Entry.Ret
		}
		d.appendRet(k, c.Ret)
	}
	if c.Detail != "" {
		d.B = append(d.B, " ("...)
		d.B = append(d.B, c.Detail...)
		d.B = append(d.B, ')')
	}
	return d.B
}

// rawEntry is the safety net of Enter: a decoder that panics on some
// hostile input (a bug; the fuzz targets hunt for them) must not take the
// tracer, and with it the tracees' tracing, down. The call then prints as
// strace prints an undecoded one: every argument in hex, at entry.
func (d *Decoder) rawEntry(dst []byte, c *Call) []byte {
	e := Lookup(c.Nr)
	c.Entry = e
	d.B = append(dst, e.Name...)
	d.B = append(d.B, '(')
	for i := 0; i < e.nargs(); i++ {
		if i > 0 {
			d.B = append(d.B, ", "...)
		}
		d.Hex(c.Args[i])
	}
	c.next = e.nargs()
	return d.B
}

// RetKind is how a successful return value prints.
type RetKind uint8

const (
	// RetTable in Call.RetAs means "as the table says"; in a table line
	// (the zero value) it prints like RetDec.
	RetTable RetKind = iota
	RetDec           // signed decimal
	RetHex           // hexadecimal (addresses: mmap, brk)
	RetOct           // octal (umask)
	RetUdec          // unsigned decimal
	RetFd            // a file descriptor (decorated with -y)
	RetPid           // a process or thread id (decorated with -Y)
	// RetClippedErrno: an errno the kernel returned in the low 32 bits
	// only (modify_ldt), printed as the number and the error's name.
	RetClippedErrno
)

func (d *Decoder) appendRet(k RetKind, v int64) {
	switch k {
	case RetHex:
		d.B = format.AppendHex(d.B, uint64(v))
	case RetOct:
		d.B = format.AppendOctal(d.B, uint64(v))
	case RetUdec:
		d.B = strconv.AppendUint(d.B, uint64(v), 10)
	case RetFd:
		d.Fd(int(v))
	case RetPid:
		d.Pid(v)
	case RetClippedErrno:
		d.B = strconv.AppendUint(d.B, uint64(v), 10)
		errno := int(-int32(v))
		d.B = append(d.B, ' ')
		d.B = append(d.B, ErrnoName(errno)...)
		d.B = append(d.B, " ("...)
		d.B = append(d.B, ErrnoMessage(errno)...)
		d.B = append(d.B, ')')
	default:
		d.B = strconv.AppendInt(d.B, v, 10)
	}
}

// AppendErrno appends a failed call's return: "-1 ENOENT (No such file or
// directory)", or "? ERESTARTSYS (To be restarted if SA_RESTART is set)" for
// the four kernel-internal restart codes (not 515, ENOIOCTLCMD), or
// "-1 (errno 4095)" for a number without a name (an injected error).
func AppendErrno(dst []byte, errno int) []byte {
	name, msg := ErrnoName(errno), ErrnoMessage(errno)
	if errno >= 512 && errno <= 516 && errno != 515 {
		dst = append(dst, "? "...)
	} else {
		dst = append(dst, "-1 "...)
	}
	if name == "" {
		dst = append(dst, "(errno "...)
		dst = strconv.AppendInt(dst, int64(errno), 10)
		return append(dst, ')')
	}
	dst = append(dst, name...)
	dst = append(dst, " ("...)
	dst = append(dst, msg...)
	return append(dst, ')')
}
