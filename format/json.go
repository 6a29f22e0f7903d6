package format

import (
	"strconv"
	"unicode/utf8"
)

// AppendJSONString appends s as a JSON string. Valid UTF-8 is kept; any
// other byte becomes the code point of the same value (U+0080–U+00FF, as
// Latin-1 reads it), so every byte survives.
func AppendJSONString(dst []byte, s []byte) []byte {
	dst = append(dst, '"')
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			switch {
			case c == '"' || c == '\\':
				dst = append(dst, '\\', c)
			case c == '\n':
				dst = append(dst, '\\', 'n')
			case c == '\t':
				dst = append(dst, '\\', 't')
			case c == '\r':
				dst = append(dst, '\\', 'r')
			case c < 0x20 || c == 0x7f:
				dst = append(dst, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&15])
			default:
				dst = append(dst, c)
			}
			i++
			continue
		}
		r, n := utf8.DecodeRune(s[i:])
		if r == utf8.RuneError && n <= 1 {
			dst = append(dst, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&15])
			i++
			continue
		}
		dst = append(dst, s[i:i+n]...)
		i += n
	}
	return append(dst, '"')
}

// AppendStraceValue appends the JSON value of one piece of strace's text
// (an argument, a return value, a siginfo), read by its syntax:
//
//	123, -1, 0x1f, 0755         numbers (octal and hex by their value)
//	NULL                        null
//	"a\nb"                      a string (escapes decoded; "..." after it dropped)
//	O_RDONLY                    a string (a named constant)
//	O_RDONLY|O_CLOEXEC|0x8      a list of the names and numbers
//	{a=1, b="x", ...}           an object; a bare "..." becomes "...": true
//	[1, 2] and [HUP INT]        an array
//	~[HUP]                      {"not": [...]}
//	htons(80), f(a, b)          {"htons": 80}, {"f": [a, b]}
//	3</etc/passwd>              {"fd": 3, "path": "/etc/passwd"}
//	/* comment */               skipped
//
// ok is false when the text does not follow that syntax; dst is then
// returned unchanged.
func AppendStraceValue(dst []byte, text []byte) ([]byte, bool) {
	p := svParser{s: text}
	out, ok := p.value(dst)
	p.space()
	if !ok || p.i != len(p.s) {
		return dst, false
	}
	return out, true
}

type svParser struct {
	s []byte
	i int
}

func (p *svParser) peek() byte {
	if p.i < len(p.s) {
		return p.s[p.i]
	}
	return 0
}

func (p *svParser) space() {
	for {
		for p.i < len(p.s) && p.s[p.i] == ' ' {
			p.i++
		}
		if p.i+1 < len(p.s) && p.s[p.i] == '/' && p.s[p.i+1] == '*' {
			j := p.i + 2
			for j+1 < len(p.s) && !(p.s[j] == '*' && p.s[j+1] == '/') {
				j++
			}
			if j+1 >= len(p.s) {
				return
			}
			p.i = j + 2
			continue
		}
		return
	}
}

// value: primary ('|' primary)*, a list when there is more than one.
func (p *svParser) value(dst []byte) ([]byte, bool) {
	p.space()
	start := len(dst)
	dst, ok := p.primary(dst)
	if !ok {
		return dst, false
	}
	if p.peek() != '|' {
		p.space()
		return dst, true
	}
	first := append([]byte(nil), dst[start:]...)
	dst = append(dst[:start], '[')
	dst = append(dst, first...)
	for p.peek() == '|' {
		p.i++
		dst = append(dst, ',')
		if dst, ok = p.primary(dst); !ok {
			return dst, false
		}
	}
	p.space()
	return append(dst, ']'), true
}

func isIdent(c byte, first bool) bool {
	return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (!first && c >= '0' && c <= '9')
}

func (p *svParser) primary(dst []byte) ([]byte, bool) {
	c := p.peek()
	switch {
	case c == '"':
		return p.str(dst)
	case c == '{':
		return p.object(dst)
	case c == '[':
		return p.array(dst)
	case c == '~' && p.i+1 < len(p.s) && p.s[p.i+1] == '[':
		p.i++
		dst = append(dst, `{"not":`...)
		dst, ok := p.array(dst)
		return append(dst, '}'), ok
	case c == '-' || (c >= '0' && c <= '9'):
		return p.number(dst)
	case c == '&' || c == '@' || isIdent(c, true):
		j := p.i + 1
		for j < len(p.s) && (isIdent(p.s[j], false) || p.s[j] == '.') {
			j++
		}
		name := p.s[p.i:j]
		p.i = j
		if p.peek() == '(' {
			return p.call(dst, name)
		}
		if string(name) == "NULL" {
			return append(dst, "null"...), true
		}
		if p.peek() == '<' {
			// a named fd and its path: AT_FDCWD</home/u>
			end := p.angle()
			if end < 0 {
				return dst, false
			}
			dst = append(dst, `{"fd":`...)
			dst = AppendJSONString(dst, name)
			dst = append(dst, `,"path":`...)
			dst = AppendJSONString(dst, unescape(p.s[p.i+1:end-1]))
			p.i = end
			return append(dst, '}'), true
		}
		return AppendJSONString(dst, name), true
	}
	return dst, false
}

func (p *svParser) number(dst []byte) ([]byte, bool) {
	j := p.i
	if p.s[j] == '-' {
		j++
	}
	k := j
	for k < len(p.s) && (isIdent(p.s[k], false)) {
		k++
	}
	lit := string(p.s[p.i:k])
	var v uint64
	var neg bool
	var err error
	digits := string(p.s[j:k])
	switch {
	case len(digits) > 2 && (digits[:2] == "0x" || digits[:2] == "0X"):
		v, err = strconv.ParseUint(digits[2:], 16, 64)
	case len(digits) > 1 && digits[0] == '0':
		v, err = strconv.ParseUint(digits[1:], 8, 64)
	default:
		v, err = strconv.ParseUint(digits, 10, 64)
	}
	if err != nil || digits == "" {
		return dst, false
	}
	neg = lit[0] == '-'
	p.i = k
	numStart := len(dst)
	if neg {
		dst = append(dst, '-')
	}
	dst = strconv.AppendUint(dst, v, 10)
	if p.peek() == '<' {
		// an fd and what it refers to: 3</etc/passwd>
		end := p.angle()
		if end < 0 {
			return dst, false
		}
		num := append([]byte(nil), dst[numStart:]...)
		dst = dst[:numStart]
		dst = append(dst, `{"fd":`...)
		dst = append(dst, num...)
		dst = append(dst, `,"path":`...)
		dst = AppendJSONString(dst, unescape(p.s[p.i+1:end-1]))
		p.i = end
		if p.i < len(p.s) && string(p.s[p.i:min(len(p.s), p.i+9)]) == "(deleted)" {
			p.i += 9
			dst = append(dst, `,"deleted":true`...)
		}
		dst = append(dst, '}')
	}
	return dst, true
}

// angle returns the end (past '>') of the bracketed text at p.i, nested
// brackets included, or -1.
func (p *svParser) angle() int {
	depth := 0
	for j := p.i; j < len(p.s); j++ {
		switch p.s[j] {
		case '\\':
			j++
		case '<':
			depth++
		case '>':
			if j > p.i && p.s[j-1] == '-' {
				continue // "->" in a socket's addresses
			}
			depth--
			if depth == 0 {
				return j + 1
			}
		}
	}
	return -1
}

// str reads a quoted string, and the "..." of a truncated one.
func (p *svParser) str(dst []byte) ([]byte, bool) {
	j := p.i + 1
	for j < len(p.s) && p.s[j] != '"' {
		if p.s[j] == '\\' {
			j++
		}
		j++
	}
	if j >= len(p.s) {
		return dst, false
	}
	dst = AppendJSONString(dst, unescape(p.s[p.i+1:j]))
	p.i = j + 1
	if p.i+3 <= len(p.s) && string(p.s[p.i:p.i+3]) == "..." {
		p.i += 3
	}
	return dst, true
}

// unescape decodes strace's string escapes.
func unescape(s []byte) []byte {
	out := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c != '\\' || i+1 >= len(s) {
			out = append(out, c)
			continue
		}
		i++
		switch s[i] {
		case 'n':
			out = append(out, '\n')
		case 't':
			out = append(out, '\t')
		case 'r':
			out = append(out, '\r')
		case 'f':
			out = append(out, '\f')
		case 'v':
			out = append(out, '\v')
		case 'x':
			if i+2 < len(s) {
				if v, err := strconv.ParseUint(string(s[i+1:i+3]), 16, 8); err == nil {
					out = append(out, byte(v))
					i += 2
					continue
				}
			}
			out = append(out, 'x')
		default:
			if s[i] >= '0' && s[i] <= '7' {
				v, n := 0, 0
				for n < 3 && i+n < len(s) && s[i+n] >= '0' && s[i+n] <= '7' {
					v = v*8 + int(s[i+n]-'0')
					n++
				}
				out = append(out, byte(v))
				i += n - 1
				continue
			}
			out = append(out, s[i])
		}
	}
	return out
}

// object reads {key=value, ...}.
func (p *svParser) object(dst []byte) ([]byte, bool) {
	p.i++
	dst = append(dst, '{')
	n := 0
	var ok bool
	for {
		p.space()
		if p.peek() == '}' {
			p.i++
			return append(dst, '}'), true
		}
		if n > 0 {
			dst = append(dst, ',')
		}
		n++
		if p.i+3 <= len(p.s) && string(p.s[p.i:p.i+3]) == "..." {
			p.i += 3
			dst = append(dst, `"...":true`...)
		} else {
			j := p.i
			for j < len(p.s) && (isIdent(p.s[j], false) || p.s[j] == '.' || p.s[j] == '[' || p.s[j] == ']') {
				j++
			}
			if j < len(p.s) && p.s[j] == '=' && j > p.i {
				dst = AppendJSONString(dst, p.s[p.i:j])
				dst = append(dst, ':')
				p.i = j + 1
				if dst, ok = p.value(dst); !ok {
					return dst, false
				}
			} else {
				// a positional member: {fd=3, events=POLLIN} has
				// none, but "{0, 0}" and "{tv_sec=1, ...}" do.
				dst = append(dst, '"')
				dst = strconv.AppendInt(dst, int64(n-1), 10)
				dst = append(dst, `":`...)
				if dst, ok = p.value(dst); !ok {
					return dst, false
				}
			}
		}
		p.space()
		switch p.peek() {
		case ',':
			p.i++
		case '}':
		default:
			return dst, false
		}
	}
}

// array reads [a, b] or [A B].
func (p *svParser) array(dst []byte) ([]byte, bool) {
	p.i++
	dst = append(dst, '[')
	n := 0
	var ok bool
	for {
		p.space()
		if p.peek() == ']' {
			p.i++
			return append(dst, ']'), true
		}
		if n > 0 {
			dst = append(dst, ',')
		}
		n++
		if p.i+3 <= len(p.s) && string(p.s[p.i:p.i+3]) == "..." {
			p.i += 3
			dst = append(dst, `"..."`...)
		} else if dst, ok = p.value(dst); !ok {
			return dst, false
		}
		if p.peek() == ',' {
			p.i++
		}
	}
}

// call reads name(args): {"name": arg} for one argument, else a list.
func (p *svParser) call(dst []byte, name []byte) ([]byte, bool) {
	p.i++
	dst = append(dst, '{')
	dst = AppendJSONString(dst, name)
	dst = append(dst, ':')
	mark := len(dst)
	dst = append(dst, '[')
	n := 0
	var ok bool
	for {
		p.space()
		if p.peek() == ')' {
			p.i++
			break
		}
		if n > 0 {
			dst = append(dst, ',')
		}
		n++
		if dst, ok = p.value(dst); !ok {
			return dst, false
		}
		if p.peek() == ',' {
			p.i++
		}
	}
	if n == 1 {
		// unwrap: {"htons":80}
		inner := append([]byte(nil), dst[mark+1:]...)
		dst = append(dst[:mark], inner...)
	} else {
		dst = append(dst, ']')
	}
	return append(dst, '}'), true
}
