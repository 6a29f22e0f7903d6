package format

import (
	"bytes"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
)

func TestAppendQuoted(t *testing.T) {
	cases := []struct {
		in   string
		x    XMode
		nul  bool
		want string
	}{
		{"hello", XNone, false, `"hello"`},
		{"a\"b\\c", XNone, false, `"a\"b\\c"`},
		{"\t\n\v\f\r", XNone, false, `"\t\n\v\f\r"`},
		// Octal: shortest form, three digits when an octal digit follows.
		{"\x01x", XNone, false, `"\1x"`},
		{"\x017", XNone, false, `"\0017"`},
		{"\x018", XNone, false, `"\18"`},
		{"\x00", XNone, false, `"\0"`},
		{"\x1b[", XNone, false, `"\33["`},
		{"\xff", XNone, false, `"\377"`},
		{"ab\x00cd", XNone, true, `"ab"`},
		// -x: hex only if some byte is not printable or whitespace.
		{"plain\n", XNonASCII, false, `"plain\n"`},
		{"caf\xc3\xa9", XNonASCII, false, `"\x63\x61\x66\xc3\xa9"`},
		{"ab", XAll, false, `"\x61\x62"`},
		{"", XNone, false, `""`},
	}
	for _, c := range cases {
		assert.Equal(t, c.want, string(AppendQuoted(nil, []byte(c.in), c.x, c.nul)), "%q x=%d", c.in, c.x)
	}
}

var testFlags = FlagSet{{0x3, "BOTH"}, {0x1, "ONE"}, {0x2, "TWO"}, {0x10, "SIXTEEN"}}

func TestFlagSet(t *testing.T) {
	assert.Equal(t, "0", string(testFlags.Append(nil, 0, Abbrev, "")))
	assert.Equal(t, "BOTH", string(testFlags.Append(nil, 3, Abbrev, "")))
	assert.Equal(t, "ONE|SIXTEEN|0x100", string(testFlags.Append(nil, 0x111, Abbrev, "")))
	assert.Equal(t, "0x100 /* X_??? */", string(testFlags.Append(nil, 0x100, Abbrev, "X_???")))
	assert.Equal(t, "0x11", string(testFlags.Append(nil, 0x11, Raw, "")))
	assert.Equal(t, "0x11 /* ONE|SIXTEEN */", string(testFlags.Append(nil, 0x11, Verbose, "")))
	vs := ValueSet{{1, "V1"}, {2, "V2"}}
	assert.Equal(t, "V2", string(vs.Append(nil, 2, Abbrev, "V_???", false)))
	assert.Equal(t, "0x9 /* V_??? */", string(vs.Append(nil, 9, Abbrev, "V_???", false)))
	assert.Equal(t, "9 /* V_??? */", string(vs.Append(nil, 9, Abbrev, "V_???", true)))
	assert.Equal(t, "0x2 /* V2 */", string(vs.Append(nil, 2, Verbose, "", false)))
	assert.Equal(t, "0x2", string(vs.Append(nil, 2, Raw, "", false)))
}

func TestPrinterPaddingAndDurations(t *testing.T) {
	var out bytes.Buffer
	p := NewPrinter(&out, 1024, PrinterOptions{Durations: true})
	l := &Line{Tid: 1}
	t0 := time.Unix(1700000000, 0)
	p.Enter(l, t0, "close", []byte("close(3"))
	p.Exit(l, t0, nil, []byte("0"), 1500*time.Microsecond)
	p.Enter(l, t0, "x", []byte("a_very_long_call_name_that_passes_the_column(1"))
	p.Exit(l, t0, nil, []byte("0"), 0)
	p.Flush()
	assert.Equal(t, "close(3)                                = 0 <0.001500>\n"+
		"a_very_long_call_name_that_passes_the_column(1) = 0 <0.000000>\n", out.String())
}

func TestPrinterUnfinishedResumed(t *testing.T) {
	var out bytes.Buffer
	p := NewPrinter(&out, 1024, PrinterOptions{Prefix: BracketPrefix})
	p.Many = true
	a, b := &Line{Tid: 10}, &Line{Tid: 200}
	t0 := time.Now()
	p.Enter(a, t0, "read", []byte("read(3, "))
	p.Enter(b, t0, "write", []byte(`write(1, "x", 1`))
	p.Exit(b, t0, nil, []byte("1"), -1)
	p.Exit(a, t0, []byte(`"hi", 10`), []byte("2"), -1)
	p.Whole(a, t0, []byte("+++ exited with 0 +++"))
	p.Flush()
	assert.Equal(t, "[pid    10] read(3,  <unfinished ...>\n"+
		"[pid   200] write(1, \"x\", 1)            = 1\n"+
		"[pid    10] <... read resumed>\"hi\", 10) = 2\n"+
		"[pid    10] +++ exited with 0 +++\n", out.String())
}

func TestPrinterStampsAndPlainPrefix(t *testing.T) {
	var out bytes.Buffer
	p := NewPrinter(&out, 1024, PrinterOptions{Prefix: PlainPrefix, Stamp: StampUsec})
	p.Loc = time.UTC
	l := &Line{Tid: 42}
	ts := time.Date(2026, 1, 2, 3, 4, 5, 6000, time.UTC)
	p.Whole(l, ts, []byte("+++ exited with 0 +++"))
	p2 := NewPrinter(&out, 1024, PrinterOptions{Stamp: StampUnix, Relative: true})
	p2.Whole(l, ts, []byte("x"))
	p2.Whole(l, ts.Add(1500*time.Millisecond), []byte("y"))
	p.Flush()
	p2.Flush()
	assert.Equal(t, "42    03:04:05.000006 +++ exited with 0 +++\n"+
		"1767323045.000006 (+     0.000000) x\n"+
		"1767323046.500006 (+     1.500000) y\n", out.String())
}

func TestPrinterDetached(t *testing.T) {
	var out bytes.Buffer
	p := NewPrinter(&out, 1024, PrinterOptions{})
	l := &Line{Tid: 1}
	p.Enter(l, time.Now(), "epoll_wait", []byte("epoll_wait(4, "))
	p.Detached(l)
	p.Flush()
	assert.Equal(t, "epoll_wait(4,  <detached ...>\n", out.String())
}

// TestQuoteXChars: --strings-in-hex=non-ascii-chars escapes what the
// default escapes, in hex instead of octal; C escapes and printable bytes
// stay.
func TestQuoteXChars(t *testing.T) {
	got := string(AppendQuoted(nil, []byte("a\x01\x1b\xc3\xa9\n\"1"), XChars, false))
	if want := `"a\x01\x1b\xc3\xa9\n\"1"`; got != want {
		t.Errorf("got %s, want %s", got, want)
	}
}
