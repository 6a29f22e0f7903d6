package format

// XMode is the -x setting: how non-printable string bytes are shown.
type XMode uint8

const (
	// XNone escapes non-printable bytes as C escapes or octal (default).
	XNone XMode = iota
	// XNonASCII (-x) prints a whole string in \xNN form if any byte of it
	// is neither printable ASCII nor one of \t\n\v\f\r.
	XNonASCII
	// XAll (-xx) prints every string in \xNN form.
	XAll
	// XChars (--strings-in-hex=non-ascii-chars) escapes the
	// non-printable bytes as XNone does, in \xNN form instead of octal.
	XChars
)

const hexDigits = "0123456789abcdef"

// needsHex reports whether -x turns s into hex: a byte above 0x7e, or a
// control byte other than \t \n \v \f \r. With nul, the string ends at the
// first NUL byte.
func needsHex(s []byte, nul bool) bool {
	for _, c := range s {
		if c == 0 && nul {
			return false
		}
		if c > 0x7e || (c < ' ' && (c < 9 || c > 13)) {
			return true
		}
	}
	return false
}

// AppendQuoted appends s as strace quotes a string: in double quotes,
// printable ASCII as is, \" \\ \f \n \r \t \v as C escapes, other bytes in
// octal (three digits when the next byte is an octal digit, else as few as
// needed), or in \xNN form per x. With nul, s ends at its first NUL byte
// (a C string). The quotes are included.
func AppendQuoted(dst, s []byte, x XMode, nul bool) []byte {
	dst = append(dst, '"')
	hex := x == XAll || (x == XNonASCII && needsHex(s, nul))
	for i := 0; i < len(s); i++ {
		if !hex {
			// A run of bytes that print as they are, appended at
			// once (chosen for speed: most strings are text).
			j := i
			for j < len(s) && plain[s[j]] {
				j++
			}
			dst = append(dst, s[i:j]...)
			if i = j; i == len(s) {
				break
			}
		}
		c := s[i]
		if c == 0 && nul {
			break
		}
		if hex {
			dst = append(dst, '\\', 'x', hexDigits[c>>4], hexDigits[c&15])
			continue
		}
		dst = appendEscaped(dst, s, i, x)
	}
	return append(dst, '"')
}

// appendEscaped appends s[i] as AppendQuoted prints it outside -x's hex
// form: as it is, as a C escape, or in octal (\xNN with XChars); the next
// byte decides how many octal digits.
func appendEscaped(dst, s []byte, i int, x XMode) []byte {
	c := s[i]
	switch c {
	case '"', '\\':
		return append(dst, '\\', c)
	case '\f':
		return append(dst, '\\', 'f')
	case '\n':
		return append(dst, '\\', 'n')
	case '\r':
		return append(dst, '\\', 'r')
	case '\t':
		return append(dst, '\\', 't')
	case '\v':
		return append(dst, '\\', 'v')
	}
	if c >= ' ' && c <= 0x7e {
		return append(dst, c)
	}
	if x == XChars {
		return append(dst, '\\', 'x', hexDigits[c>>4], hexDigits[c&15])
	}
	dst = append(dst, '\\')
	if i+1 < len(s) && s[i+1] >= '0' && s[i+1] <= '7' {
		dst = append(dst, '0'+c>>6, '0'+(c>>3)&7)
	} else if c>>3 != 0 {
		if c>>6 != 0 {
			dst = append(dst, '0'+c>>6)
		}
		dst = append(dst, '0'+(c>>3)&7)
	}
	return append(dst, '0'+c&7)
}

// plain says which bytes AppendQuoted prints as they are: printable ASCII
// but the quote and the backslash.
var plain = func() (t [256]bool) {
	for c := ' '; c <= 0x7e; c++ {
		t[c] = c != '"' && c != '\\'
	}
	return t
}()
