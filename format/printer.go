package format

import (
	"bufio"
	"io"
	"strconv"
	"time"
)

// Prefix says how a line names its thread.
type Prefix uint8

const (
	// NoPrefix: single-process output.
	NoPrefix Prefix = iota
	// BracketPrefix: "[pid  1234] ", used on stderr while more than one
	// thread is traced (the Printer's Many field).
	BracketPrefix
	// PlainPrefix: "1234  ", used with -o FILE and -f: every line.
	PlainPrefix
)

// Stamp is the -t setting.
type Stamp uint8

const (
	NoStamp   Stamp = iota
	StampSec        // -t:   12:00:00
	StampUsec       // -tt:  12:00:00.123456
	StampUnix       // -ttt: 1700000000.123456
)

// Precision is the number of digits after a second's point, plus one:
// the zero value means the option's default.
type Precision uint8

// The precisions strace names: s, ms, us, ns.
const (
	PrecDefault Precision = iota
	PrecS
	PrecMs
	PrecUs
	PrecNs
)

// digits is the number of fraction digits, def when p is PrecDefault.
func (p Precision) digits(def int) int {
	if p == PrecDefault {
		return def
	}
	return 3 * int(p-PrecS)
}

// appendFrac appends "." and the first n digits of ns nanoseconds (none
// when n is 0).
func appendFrac(b []byte, ns int64, n int) []byte {
	if n == 0 {
		return b
	}
	b = append(b, '.')
	var d [9]byte
	for i := 8; i >= 0; i-- {
		d[i] = byte('0' + ns%10)
		ns /= 10
	}
	return append(b, d[:n]...)
}

// PrinterOptions are the output settings of a Printer.
type PrinterOptions struct {
	Prefix    Prefix
	Stamp     Stamp
	Relative  bool // -r
	Durations bool // -T
	// Digits of the fraction of a second, by option, strace's
	// precision (s 0, ms 3, us 6, ns 9); PrecDefault is each option's
	// own (-t 0, -tt and -ttt 6, -r 6, -T 6).
	StampPrec, RelPrec, DurPrec Precision
	Column                      int  // -a: the column of " = " (default 40)
	Numbers                     bool // -n: "[  42] ", the syscall number, after the stamps
	IPs                         bool // -i: "[00007f…] ", the instruction pointer
}

// Line is the printing state of one thread. The caller owns one per thread
// and passes it to every call for that thread.
type Line struct {
	Tid  int
	Name string // the syscall whose entry is printed and exit awaited
	// Open: the entry is printed and the exit is not.
	Open bool
	// Cut: the open line was ended with " <unfinished ...>".
	Cut bool
	// Nr is the thread's current (or last) syscall number, for -n.
	Nr int
	// IP is the thread's instruction pointer at its current stop, for
	// -i; NoIP says it is unknown (the thread is gone): strace prints
	// question marks then.
	IP   uint64
	NoIP bool
	// Comm, with -Y, is the thread's command name, printed after its pid
	// in the prefix ("1234<nginx> ", "[pid  1234<nginx>] ").
	Comm string
}

// Printer assembles strace's lines into a buffered writer. It is used from
// one goroutine.
type Printer struct {
	o       PrinterOptions
	w       *bufio.Writer
	buf     []byte
	col     int   // characters on the current output line
	pending *Line // the thread whose line is open at the end of the output
	last    time.Time
	// Many says more than one thread is traced (for BracketPrefix).
	Many bool
	// Loc is the zone for -t/-tt stamps (time.Local by default).
	Loc *time.Location
}

// NewPrinter returns a Printer writing to w through a buffer of size bytes.
func NewPrinter(w io.Writer, size int, o PrinterOptions) *Printer {
	if o.Column == 0 {
		o.Column = 40
	}
	return &Printer{o: o, w: bufio.NewWriterSize(w, size), buf: make([]byte, 0, 1024), Loc: time.Local}
}

// Options returns the settings the Printer was made with.
func (p *Printer) Options() PrinterOptions { return p.o }

// Flush writes out what is buffered and returns the first write error met.
func (p *Printer) Flush() error { return p.w.Flush() }

// Buffered reports how many bytes wait in the buffer.
func (p *Printer) Buffered() int { return p.w.Buffered() }

// Err returns the first write error met so far, if any.
func (p *Printer) Err() error {
	_, err := p.w.Write(nil)
	return err
}

func (p *Printer) write(b []byte) {
	for i := len(b) - 1; i >= 0; i-- {
		if b[i] == '\n' {
			p.col = len(b) - 1 - i
			p.w.Write(b)
			return
		}
	}
	p.col += len(b)
	p.w.Write(b)
}

// The ends of a line cut short, as byte slices made once (a conversion at
// each use allocated: with several threads, at nearly every syscall).
var (
	unfinishedTail = []byte(" <unfinished ...>\n")
	detachedTail   = []byte(" <detached ...>\n")
)

// cut ends another thread's open line with " <unfinished ...>".
func (p *Printer) cut(l *Line) {
	if p.pending != nil && p.pending != l {
		if p.pending.Open {
			p.write(unfinishedTail)
			p.pending.Cut = true
		}
		p.pending = nil
	}
}

// relative appends -r's time since the previous line: "     0.000123".
func (p *Printer) relative(b []byte, t time.Time) []byte {
	var d time.Duration
	if !p.last.IsZero() {
		d = t.Sub(p.last)
	}
	p.last = t
	s := strconv.FormatInt(int64(d/time.Second), 10)
	for i := len(s); i < 6; i++ {
		b = append(b, ' ')
	}
	b = append(b, s...)
	return appendFrac(b, int64(d%time.Second), p.o.RelPrec.digits(6))
}

// leader appends the thread prefix, the timestamp, and with -n and -i the
// syscall number and the instruction pointer.
func (p *Printer) leader(b []byte, l *Line, t time.Time) []byte {
	tid := l.Tid
	switch p.o.Prefix {
	case PlainPrefix:
		n := len(b)
		b = strconv.AppendInt(b, int64(tid), 10)
		if l.Comm != "" {
			b = append(b, '<')
			b = append(b, l.Comm...)
			b = append(b, '>')
		}
		for len(b)-n < 5 {
			b = append(b, ' ')
		}
		b = append(b, ' ')
	case BracketPrefix:
		if p.Many {
			b = append(b, "[pid "...)
			n := len(b)
			b = RightAlign(strconv.AppendInt(b, int64(tid), 10), n, 5, ' ')
			if l.Comm != "" {
				b = append(b, '<')
				b = append(b, l.Comm...)
				b = append(b, '>')
			}
			b = append(b, "] "...)
		}
	}
	if p.o.Relative && p.o.Stamp == NoStamp {
		b = p.relative(b, t)
		b = append(b, ' ')
	}
	switch p.o.Stamp {
	case StampSec:
		b = t.In(p.Loc).AppendFormat(b, "15:04:05")
		b = appendFrac(b, int64(t.Nanosecond()), p.o.StampPrec.digits(0))
		b = append(b, ' ')
	case StampUsec:
		b = t.In(p.Loc).AppendFormat(b, "15:04:05")
		b = appendFrac(b, int64(t.Nanosecond()), p.o.StampPrec.digits(6))
		b = append(b, ' ')
	case StampUnix:
		b = strconv.AppendInt(b, t.Unix(), 10)
		b = appendFrac(b, int64(t.Nanosecond()), p.o.StampPrec.digits(6))
		b = append(b, ' ')
	}
	if p.o.Relative && p.o.Stamp != NoStamp {
		// With -t as well, strace follows the stamp with "(+ 0.000123) ".
		b = append(b, "(+"...)
		b = p.relative(b, t)
		b = append(b, ") "...)
	}
	if p.o.Numbers {
		b = append(b, '[')
		n := len(b)
		b = RightAlign(strconv.AppendInt(b, int64(l.Nr), 10), n, 4, ' ')
		b = append(b, "] "...)
	}
	if p.o.IPs {
		if l.NoIP {
			b = append(b, "[????????????????] "...)
		} else {
			b = append(b, '[')
			n := len(b)
			b = RightAlign(strconv.AppendUint(b, l.IP, 16), n, 16, '0')
			b = append(b, "] "...)
		}
	}
	return b
}

// Enter prints a syscall's entry: the leader, then text ("name(args, ").
// The line stays open for Exit.
func (p *Printer) Enter(l *Line, t time.Time, name string, text []byte) {
	p.cut(l)
	b := p.leader(p.buf[:0], l, t)
	b = append(b, text...)
	p.write(b)
	p.buf = b[:0]
	l.Name, l.Open, l.Cut = name, true, false
	p.pending = l
}

// Exit finishes a syscall's line: the rest of the arguments, ") ", padding
// to the column, "= ", ret, and with -T the duration in angle brackets (a
// negative dur prints none).
func (p *Printer) Exit(l *Line, t time.Time, rest []byte, ret []byte, dur time.Duration) {
	b := p.buf[:0]
	if p.pending != l || !l.Open {
		p.cut(l)
		b = p.leader(b, l, t)
		b = append(b, "<... "...)
		b = append(b, l.Name...)
		b = append(b, " resumed>"...)
	}
	b = append(b, rest...)
	b = append(b, ") "...)
	if col := p.col + len(b); col < p.o.Column {
		b = appendSpaces(b, p.o.Column-col)
	}
	b = append(b, "= "...)
	b = append(b, ret...)
	if p.o.Durations && dur >= 0 {
		b = append(b, " <"...)
		b = strconv.AppendInt(b, int64(dur/time.Second), 10)
		b = appendFrac(b, int64(dur%time.Second), p.o.DurPrec.digits(6))
		b = append(b, '>')
	}
	b = append(b, '\n')
	p.write(b)
	p.buf = b[:0]
	l.Open, l.Cut = false, false
	p.pending = nil
}

// RightAlign right-aligns b[start:] in width columns, padding on its left
// with pad, in place (no string made); b is returned as is when b[start:]
// is that wide already.
func RightAlign(b []byte, start, width int, pad byte) []byte {
	k := width - (len(b) - start)
	if k <= 0 {
		return b
	}
	for i := 0; i < k; i++ {
		b = append(b, pad)
	}
	copy(b[start+k:], b[start:len(b)-k])
	for i := start; i < start+k; i++ {
		b[i] = pad
	}
	return b
}

// appendSpaces appends n spaces, a run at a time.
func appendSpaces(b []byte, n int) []byte {
	const run = "                                                                "
	for n > len(run) {
		b = append(b, run...)
		n -= len(run)
	}
	return append(b, run[:n]...)
}

// Whole prints a line of its own for a thread: "--- SIGCHLD {...} ---",
// "+++ exited with 0 +++"...
func (p *Printer) Whole(l *Line, t time.Time, text []byte) {
	p.cut(l)
	if p.pending == l && l.Open {
		// The same thread's entry is still open (it cannot normally
		// be): end it the way strace does.
		p.write(unfinishedTail)
		l.Cut = true
		p.pending = nil
	}
	b := p.leader(p.buf[:0], l, t)
	b = append(b, text...)
	b = append(b, '\n')
	p.write(b)
	p.buf = b[:0]
}

// Detached ends a thread's open line as strace does when it detaches from a
// thread inside a syscall.
func (p *Printer) Detached(l *Line) {
	if !l.Open {
		return
	}
	if p.pending == l {
		p.write(detachedTail)
		p.pending = nil
	}
	l.Open = false
}

// Interrupt ends l's entry, if it is the open line at the end of the
// output, with " <"+note+">" (strace's "<pid changed to N ...>"). The
// call stays open: its Exit prints as "<... NAME resumed>".
func (p *Printer) Interrupt(l *Line, note string) {
	if p.pending != l || !l.Open {
		return
	}
	p.write([]byte(" <" + note + ">\n"))
	l.Cut = true
	p.pending = nil
}

// Raw writes text as is (a dump line, a summary table).
func (p *Printer) Raw(text []byte) {
	p.cut(nil)
	p.write(text)
}
