package format

import "strconv"

// Style is the -X setting: how named constants print.
type Style uint8

const (
	// Abbrev prints names only (strace's default).
	Abbrev Style = iota
	// Raw prints numbers only.
	Raw
	// Verbose prints the number followed by the names in a comment.
	Verbose
)

// Flag is one named bit (or multi-bit mask) of a flag set.
type Flag struct {
	Val  uint64
	Name string
}

// FlagSet is an ordered list of flags. A wider mask must come before its
// subsets, and a zero value never belongs in one.
type FlagSet []Flag

// Value is one named value of a value set.
type Value = Flag

// ValueSet maps values to names (an xlat of constants, not bits).
type ValueSet []Value

// Name returns the name of v, if the set has one.
func (vs ValueSet) Name(v uint64) (string, bool) {
	for _, e := range vs {
		if e.Val == v {
			return e.Name, true
		}
	}
	return "", false
}

// AppendHex appends v as C's %#x: 0 for zero, else 0x… .
func AppendHex(dst []byte, v uint64) []byte {
	if v == 0 {
		return append(dst, '0')
	}
	dst = append(dst, '0', 'x')
	return strconv.AppendUint(dst, v, 16)
}

// AppendOctal appends v as C's %#o: 0 for zero, else 0… .
func AppendOctal(dst []byte, v uint64) []byte {
	if v == 0 {
		return append(dst, '0')
	}
	dst = append(dst, '0')
	return strconv.AppendUint(dst, v, 8)
}

// appendNames appends the names of the bits of v that fs knows, joined by
// '|', and returns the bits left over and how many names it wrote.
func (fs FlagSet) appendNames(dst []byte, v uint64) ([]byte, uint64, int) {
	n := 0
	for _, f := range fs {
		if f.Val != 0 && v&f.Val == f.Val {
			if n > 0 {
				dst = append(dst, '|')
			}
			dst = append(dst, f.Name...)
			v &^= f.Val
			n++
		}
	}
	return dst, v, n
}

// Append appends v as strace prints a flag word: the known names joined by
// '|', then the unknown bits in hex; 0 alone as "0". dflt, if not empty, is
// the comment strace adds when no bit is known (e.g. "MAP_???").
func (fs FlagSet) Append(dst []byte, v uint64, st Style, dflt string) []byte {
	switch st {
	case Raw:
		return AppendHex(dst, v)
	case Verbose:
		if v == 0 {
			return append(dst, '0')
		}
		dst = AppendHex(dst, v)
		mark := len(dst)
		dst = append(dst, " /* "...)
		var n int
		var rest uint64
		dst, rest, n = fs.appendNames(dst, v)
		if n == 0 {
			if dflt == "" {
				return dst[:mark]
			}
			dst = append(dst, dflt...)
		} else if rest != 0 {
			dst = append(dst, '|')
			dst = AppendHex(dst, rest)
		}
		return append(dst, " */"...)
	}
	if v == 0 {
		return append(dst, '0')
	}
	var n int
	var rest uint64
	dst, rest, n = fs.appendNames(dst, v)
	if rest != 0 {
		if n > 0 {
			dst = append(dst, '|')
		}
		dst = AppendHex(dst, rest)
		if n == 0 && dflt != "" {
			dst = append(dst, " /* "...)
			dst = append(dst, dflt...)
			dst = append(dst, " */"...)
		}
	}
	return dst
}

// Append appends v as strace prints a named constant: its name; an unknown
// value as a number (hex, or decimal with dec) followed by the dflt comment
// ("/* SOCK_??? */") when dflt is not empty.
func (vs ValueSet) Append(dst []byte, v uint64, st Style, dflt string, dec bool) []byte {
	num := func(dst []byte) []byte {
		if dec {
			return strconv.AppendInt(dst, int64(v), 10)
		}
		return AppendHex(dst, v)
	}
	name, ok := vs.Name(v)
	switch {
	case st == Raw:
		return num(dst)
	case st == Verbose:
		dst = num(dst)
		if ok {
			return append(append(append(dst, " /* "...), name...), " */"...)
		}
		if dflt != "" {
			return append(append(append(dst, " /* "...), dflt...), " */"...)
		}
		return dst
	case ok:
		return append(dst, name...)
	}
	dst = num(dst)
	if dflt != "" {
		dst = append(append(append(dst, " /* "...), dflt...), " */"...)
	}
	return dst
}
