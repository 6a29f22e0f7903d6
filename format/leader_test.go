package format

import (
	"bytes"
	"strings"
	"testing"
	"time"
)

// TestLeaderNumbersIPs: -n's number is right-aligned in four columns, -i's
// pointer is 16 hex digits, or question marks once the thread is gone.
func TestLeaderNumbersIPs(t *testing.T) {
	var out bytes.Buffer
	p := NewPrinter(&out, 4096, PrinterOptions{Numbers: true, IPs: true})
	l := &Line{Tid: 1, Nr: 1, IP: 0x7f919532c350}
	p.Whole(l, time.Time{}, []byte("a"))
	l.Nr, l.IP = 231, 0x409
	p.Whole(l, time.Time{}, []byte("b"))
	l.Nr, l.NoIP = 12345, true
	p.Whole(l, time.Time{}, []byte("c"))
	p.Flush()
	want := "[   1] [00007f919532c350] a\n[ 231] [0000000000000409] b\n[12345] [????????????????] c\n"
	if out.String() != want {
		t.Errorf("got\n%q\nwant\n%q", out.String(), want)
	}
}

// TestLeaderComm: with -Y the prefix carries the command name after the
// pid, in both prefix styles, and nothing when the name is unknown.
func TestLeaderComm(t *testing.T) {
	var out bytes.Buffer
	p := NewPrinter(&out, 4096, PrinterOptions{Prefix: PlainPrefix})
	p.Whole(&Line{Tid: 4, Comm: "sh"}, time.Time{}, []byte("a"))
	p.Whole(&Line{Tid: 4}, time.Time{}, []byte("b"))
	b := NewPrinter(&out, 4096, PrinterOptions{Prefix: BracketPrefix})
	b.Many = true
	b.Whole(&Line{Tid: 4, Comm: "sh"}, time.Time{}, []byte("c"))
	p.Flush()
	b.Flush()
	want := "4<sh> a\n4     b\n[pid     4<sh>] c\n"
	if out.String() != want {
		t.Errorf("got\n%q\nwant\n%q", out.String(), want)
	}
}

// TestLeaderBracket: "[pid N] " right-aligns N in five columns and lets a
// longer pid widen it; a line costs no allocation, cut short or not.
func TestLeaderBracket(t *testing.T) {
	var out bytes.Buffer
	p := NewPrinter(&out, 4096, PrinterOptions{Prefix: BracketPrefix, Column: 1})
	p.Many = true
	for _, tid := range []int{7, 4321, 12345, 1234567} {
		l := &Line{Tid: tid}
		p.Enter(l, time.Time{}, "getppid", []byte("getppid("))
		p.Exit(l, time.Time{}, nil, []byte("1"), -1)
	}
	p.Flush()
	want := "[pid     7] getppid() = 1\n[pid  4321] getppid() = 1\n[pid 12345] getppid() = 1\n[pid 1234567] getppid() = 1\n"
	if out.String() != want {
		t.Errorf("got\n%q\nwant\n%q", out.String(), want)
	}
	// Two threads' lines interleaved: " <unfinished ...>" and
	// "<... getppid resumed>" cost no allocation either.
	l, m := &Line{Tid: 123456}, &Line{Tid: 123457}
	if n := testing.AllocsPerRun(100, func() {
		p.Enter(l, time.Time{}, "getppid", []byte("getppid("))
		p.Enter(m, time.Time{}, "getppid", []byte("getppid("))
		p.Exit(l, time.Time{}, nil, []byte("1"), -1)
		p.Exit(m, time.Time{}, nil, []byte("1"), -1)
	}); n != 0 {
		t.Errorf("%v allocations per two lines", n)
	}
}

// TestAppendSpaces: padding of any width, beyond one run too.
func TestAppendSpaces(t *testing.T) {
	for _, n := range []int{0, 1, 63, 64, 65, 200} {
		b := appendSpaces([]byte("x"), n)
		if len(b) != n+1 || string(b[1:]) != strings.Repeat(" ", n) {
			t.Errorf("appendSpaces(%d): %q", n, b)
		}
	}
}

// TestRightAlign: padding on the left in place, none when wide enough.
func TestRightAlign(t *testing.T) {
	for _, c := range []struct {
		in    string
		width int
		want  string
	}{{"7", 5, "[    7"}, {"12345", 5, "[12345"}, {"1234567", 5, "[1234567"}, {"", 2, "[  "}} {
		if got := string(RightAlign([]byte("["+c.in), 1, c.width, ' ')); got != c.want {
			t.Errorf("RightAlign(%q, %d) = %q, want %q", c.in, c.width, got, c.want)
		}
	}
}
