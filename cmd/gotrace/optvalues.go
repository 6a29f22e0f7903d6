package main

import (
	"strings"

	"github.com/gotrace/gotrace/format"
)

// The options that strace takes as a letter to repeat (-tt, -xx, -qq) or
// set (-r, -T) and as a long form with an optional argument
// (--absolute-timestamps=format:unix,precision:ns, --syscall-times=ms,
// --strings-in-hex=non-ascii, --quiet=attach,exit). Each is one pflag
// Value under both names: a bare letter or long option sets "+1" (pflag's
// NoOptDefVal), an argument is parsed as strace parses it. A bad argument
// is kept and reported after parsing, in strace's words.

// noArg is what pflag passes for an option given without an argument.
const noArg = "+1"

// optValue is the part the option values share: the first bad argument
// and under which name it came.
type optValue struct {
	bad string
}

func (o *optValue) fail(v string) {
	if o.bad == "" {
		o.bad = v
	}
}

// precisionOf reads strace's precision words.
func precisionOf(v string) (format.Precision, bool) {
	switch v {
	case "s":
		return format.PrecS, true
	case "ms":
		return format.PrecMs, true
	case "us":
		return format.PrecUs, true
	case "ns":
		return format.PrecNs, true
	}
	return 0, false
}

// stampValue is -t and --absolute-timestamps / --timestamps: -t counts
// (-t time, -tt time.us, -ttt unix.us), the long forms set a format (none,
// time, unix) and a precision, "format:" and "precision:" being optional.
type stampValue struct {
	optValue
	count int
	set   bool // a long form with an argument was given
	stamp format.Stamp
	prec  format.Precision
}

func (v *stampValue) String() string { return "" }
func (v *stampValue) Type() string   { return "count" }

func (v *stampValue) Set(s string) error {
	if s == noArg {
		v.count++
		return nil
	}
	stamp, prec, ok := format.StampSec, format.PrecDefault, true
	for _, part := range strings.Split(s, ",") {
		key, val, has := strings.Cut(part, ":")
		if !has {
			val = key
			key = ""
		}
		switch {
		case (key == "" || key == "format") && (val == "none" || val == "time" || val == "unix"):
			stamp = map[string]format.Stamp{"none": format.NoStamp, "time": format.StampSec, "unix": format.StampUnix}[val]
		case key == "" || key == "precision":
			p, good := precisionOf(val)
			if !good {
				ok = false
			}
			prec = p
		default:
			ok = false
		}
	}
	if !ok {
		v.fail(s)
		return nil
	}
	v.set, v.stamp, v.prec = true, stamp, prec
	return nil
}

// result is the stamp and its precision: a long form wins over -t (the
// default precision of "unix" and "time" being seconds, as strace's).
func (v *stampValue) result() (format.Stamp, format.Precision) {
	if v.set {
		prec := v.prec
		if prec == format.PrecDefault {
			prec = format.PrecS
		}
		return v.stamp, prec
	}
	switch {
	case v.count == 1:
		return format.StampSec, format.PrecDefault
	case v.count == 2:
		return format.StampUsec, format.PrecDefault
	case v.count >= 3:
		return format.StampUnix, format.PrecDefault
	}
	return format.NoStamp, format.PrecDefault
}

// precValue is -r / --relative-timestamps[=PREC] and -T /
// --syscall-times[=PREC].
type precValue struct {
	optValue
	on   bool
	prec format.Precision
}

func (v *precValue) String() string { return "" }
func (v *precValue) Type() string   { return "count" }

func (v *precValue) Set(s string) error {
	v.on = true
	if s == noArg {
		return nil
	}
	p, ok := precisionOf(s)
	if !ok {
		v.fail(s)
		return nil
	}
	v.prec = p
	return nil
}

// hexValue is -x / --strings-in-hex[=none|non-ascii-chars|non-ascii|all]:
// -x non-ASCII strings, -xx (or the long form alone) all.
type hexValue struct {
	optValue
	count int
	long  bool // the long form alone counts as all
	mode  format.XMode
	set   bool
}

func (v *hexValue) String() string { return "" }
func (v *hexValue) Type() string   { return "count" }

func (v *hexValue) Set(s string) error {
	if s == noArg {
		v.count++
		return nil
	}
	m, ok := map[string]format.XMode{"none": format.XNone, "non-ascii-chars": format.XChars, "non-ascii": format.XNonASCII, "all": format.XAll}[s]
	if !ok {
		v.fail(s)
		return nil
	}
	v.mode, v.set = m, true
	return nil
}

func (v *hexValue) result() format.XMode {
	switch {
	case v.set:
		return v.mode
	case v.count == 1:
		return format.XNonASCII
	case v.count >= 2:
		return format.XAll
	}
	return format.XNone
}

// quietValue is -q / --quiet[=SET] (and --silent, --silence): -q attach
// messages, -qq exit messages too, -qqq everything; the long form takes
// -e quiet='s set, which the expression parser reads (kept in sets).
type quietValue struct {
	count int
	sets  []string
}

func (v *quietValue) String() string { return "" }
func (v *quietValue) Type() string   { return "count" }

func (v *quietValue) Set(s string) error {
	if s == noArg {
		v.count++
		return nil
	}
	v.sets = append(v.sets, s)
	return nil
}

// daemonValue is -D / --daemonize[=grandchild|pgroup|pgrp|session]: -D
// counts (1 grandchild, 2 process group, 3 session), the long form names
// the level.
type daemonValue struct {
	optValue
	level int
}

func (v *daemonValue) String() string { return "" }
func (v *daemonValue) Type() string   { return "count" }

func (v *daemonValue) Set(s string) error {
	switch s {
	case noArg:
		v.level++
	case "grandchild":
		v.level = 1
	case "pgroup", "pgrp":
		v.level = 2
	case "session":
		v.level = 3
	default:
		v.fail(s)
	}
	return nil
}
