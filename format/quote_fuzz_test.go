package format

import (
	"bytes"
	"testing"
)

// unquoteC undoes AppendQuoted: the bytes between the quotes, with strace's
// escapes (\" \\ \f \n \r \t \v, one to three octal digits, \xNN) decoded.
func unquoteC(t *testing.T, q []byte) []byte {
	t.Helper()
	if len(q) < 2 || q[0] != '"' || q[len(q)-1] != '"' {
		t.Fatalf("not quoted: %q", q)
	}
	q = q[1 : len(q)-1]
	var out []byte
	for i := 0; i < len(q); i++ {
		c := q[i]
		if c == '"' {
			t.Fatalf("bare quote in %q", q)
		}
		if c != '\\' {
			out = append(out, c)
			continue
		}
		i++
		if i == len(q) {
			t.Fatalf("trailing backslash in %q", q)
		}
		switch c = q[i]; c {
		case '"', '\\':
			out = append(out, c)
		case 'f':
			out = append(out, '\f')
		case 'n':
			out = append(out, '\n')
		case 'r':
			out = append(out, '\r')
		case 't':
			out = append(out, '\t')
		case 'v':
			out = append(out, '\v')
		case 'x':
			if i+2 >= len(q) {
				t.Fatalf("short \\x in %q", q)
			}
			var v byte
			for _, h := range q[i+1 : i+3] {
				switch {
				case h >= '0' && h <= '9':
					v = v<<4 | (h - '0')
				case h >= 'a' && h <= 'f':
					v = v<<4 | (h - 'a' + 10)
				default:
					t.Fatalf("bad \\x in %q", q)
				}
			}
			out = append(out, v)
			i += 2
		default:
			if c < '0' || c > '7' {
				t.Fatalf("unknown escape \\%c in %q", c, q)
			}
			v := int(c - '0')
			for k := 0; k < 2 && i+1 < len(q) && q[i+1] >= '0' && q[i+1] <= '7'; k++ {
				i++
				v = v*8 + int(q[i]-'0')
			}
			if v > 0xff {
				t.Fatalf("octal escape above 0377 in %q", q)
			}
			out = append(out, byte(v))
		}
	}
	return out
}

// FuzzAppendQuoted checks strace's string quoting on any bytes, in every
// -x mode, as C strings and not: quoted, bounded (at most four bytes out
// per byte in, and the quotes), decoding back to the input, and all in
// \xNN form with -xx.
func FuzzAppendQuoted(f *testing.F) {
	f.Add([]byte("hello, world\n"))
	f.Add([]byte("\x00\x01\x7f\x80\xff\"\\\t\v\f\r"))
	f.Add([]byte("\x0012\x01a\x018"))
	f.Fuzz(func(t *testing.T, s []byte) {
		for _, x := range []XMode{XNone, XNonASCII, XAll, XChars} {
			for _, nul := range []bool{false, true} {
				in := s
				if nul {
					if i := bytes.IndexByte(s, 0); i >= 0 {
						in = s[:i]
					}
				}
				out := AppendQuoted([]byte("prefix"), s, x, nul)
				if !bytes.HasPrefix(out, []byte("prefix")) {
					t.Fatalf("prefix overwritten: %q", out)
				}
				out = out[len("prefix"):]
				if len(out) > 4*len(in)+2 {
					t.Fatalf("%d bytes for %d in: %q", len(out), len(in), out)
				}
				if x == XAll && len(out) != 4*len(in)+2 {
					t.Fatalf("-xx: %q", out)
				}
				if ref := appendQuotedRef(nil, s, x, nul); !bytes.Equal(out, ref) {
					t.Fatalf("x=%d nul=%v: %q, the reference %q", x, nul, out, ref)
				}
				if got := unquoteC(t, out); !bytes.Equal(got, in) {
					t.Fatalf("x=%d nul=%v: %q decodes to %q, not %q", x, nul, out, got, in)
				}
			}
		}
	})
}

// appendQuotedRef is AppendQuoted a byte at a time, without its runs of
// plain bytes: FuzzAppendQuoted demands the same output from both.
func appendQuotedRef(dst, s []byte, x XMode, nul bool) []byte {
	dst = append(dst, '"')
	hex := x == XAll || (x == XNonASCII && needsHex(s, nul))
	for i, c := range s {
		if c == 0 && nul {
			break
		}
		if hex {
			dst = append(dst, '\\', 'x', hexDigits[c>>4], hexDigits[c&15])
		} else {
			dst = appendEscaped(dst, s, i, x)
		}
	}
	return append(dst, '"')
}
