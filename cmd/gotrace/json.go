package main

// --output-format=json: one JSON object per line and per event. The schema
// (version 1) is documented in the README; json_test.go validates every
// line the test suite produces against it.

import (
	"strconv"
	"time"

	"github.com/gotrace/gotrace/format"
	"github.com/gotrace/gotrace/ptrace"
	"github.com/gotrace/gotrace/syscalls"
)

// jsonVersion is the schema version every event carries as "v".
const jsonVersion = 1

type jsonWriter struct {
	a   *analysis
	b   []byte
	tmp []byte
}

func newJSONWriter(a *analysis) *jsonWriter {
	return &jsonWriter{a: a, b: make([]byte, 0, 1024)}
}

// head starts an event: {"v":1,"type":…,"time":…,"pid":…,"tid":…
func (j *jsonWriter) head(typ string, t time.Time, tid int) []byte {
	b := append(j.b[:0], `{"v":`...)
	b = strconv.AppendInt(b, jsonVersion, 10)
	b = append(b, `,"type":"`...)
	b = append(b, typ...)
	b = append(b, `","time":`...)
	b = strconv.AppendInt(b, t.Unix(), 10)
	b = append(b, '.')
	us := strconv.Itoa(t.Nanosecond() / 1000)
	for i := len(us); i < 6; i++ {
		b = append(b, '0')
	}
	b = append(b, us...)
	b = append(b, `,"pid":`...)
	pid := tid
	if j.a.fds != nil {
		pid = j.a.fds.tgid(tid)
	}
	b = strconv.AppendInt(b, int64(pid), 10)
	b = append(b, `,"tid":`...)
	return strconv.AppendInt(b, int64(tid), 10)
}

func (j *jsonWriter) emit(b []byte) {
	b = append(b, "}\n"...)
	j.a.out.Raw(b)
	j.b = b[:0]
}

// text appends "textKey":"text" and, when the text parses, "valueKey":
// its typed value.
func (j *jsonWriter) text(b []byte, textKey, valueKey string, text []byte) []byte {
	b = append(b, `,"`...)
	b = append(b, textKey...)
	b = append(b, `":`...)
	b = format.AppendJSONString(b, text)
	if v, ok := format.AppendStraceValue(j.tmp[:0], text); ok {
		b = append(b, `,"`...)
		b = append(b, valueKey...)
		b = append(b, `":`...)
		b = append(b, v...)
		j.tmp = v[:0]
	}
	return b
}

// event writes the non-syscall events: signals, stops, exits.
func (j *jsonWriter) event(st *tstate, ev *ptrace.Event) {
	s := j.a.s
	switch ev.Kind {
	case ptrace.SignalStop:
		if !s.cfg.signals.Has(ev.Sig) {
			return
		}
		b := j.head("signal", ev.Time, ev.Tid)
		b = append(b, `,"signal":"`...)
		b = append(b, syscalls.SignalName(ev.Sig)...)
		b = append(b, `","signo":`...)
		b = strconv.AppendInt(b, int64(ev.Sig), 10)
		info := syscalls.AppendSiginfo(nil, &ev.Siginfo, s.dec.Opts)
		b = j.text(b, "siginfo_text", "siginfo", info)
		j.emit(b)
	case ptrace.GroupStop:
		if !s.cfg.signals.Has(ev.Sig) {
			return
		}
		b := j.head("stopped", ev.Time, ev.Tid)
		b = append(b, `,"signal":"`...)
		b = append(b, syscalls.SignalName(ev.Sig)...)
		b = append(b, '"')
		j.emit(b)
	case ptrace.ExitStop:
		j.unfinished(st, ev)
	case ptrace.Exited:
		j.unfinished(st, ev)
		b := j.head("exit", ev.Time, ev.Tid)
		b = append(b, `,"code":`...)
		b = strconv.AppendInt(b, int64(ev.Status), 10)
		j.emit(b)
	case ptrace.Killed:
		j.unfinished(st, ev)
		b := j.head("killed", ev.Time, ev.Tid)
		b = append(b, `,"signal":"`...)
		b = append(b, syscalls.SignalName(ev.Sig)...)
		b = append(b, `","core":`...)
		b = strconv.AppendBool(b, ev.Core)
		j.emit(b)
	}
}

// unfinished writes the syscall a thread was in when it ended, as the
// session prints "= ?" for it.
func (j *jsonWriter) unfinished(st *tstate, ev *ptrace.Event) {
	if st.inSys && st.shown && j.a.s.cfg.status.Has(syscalls.StatusUnfinished) {
		j.syscall(st, ev, nil, nil, true)
	}
}

// syscall writes one syscall: at its exit, or unfinished (exit_group,
// killed) with no return.
func (j *jsonWriter) syscall(st *tstate, ev *ptrace.Event, rest, ret []byte, unfinished bool) {
	c := &st.call
	if c.Entry == nil {
		return
	}
	b := j.head("syscall", st.start, ev.Tid)
	b = append(b, `,"name":`...)
	b = format.AppendJSONString(b, []byte(c.Entry.Name))
	b = append(b, `,"nr":`...)
	b = strconv.AppendInt(b, int64(c.Nr), 10)
	b = append(b, `,"args":[`...)
	n := 0
	for i := 0; i < c.Entry.NArgs && i < len(c.Spans); i++ {
		sp := c.Spans[i]
		if !sp.Shown {
			continue
		}
		src := st.held
		if sp.Exit {
			src = rest
		}
		if int(sp.End) > len(src) || sp.Start > sp.End {
			continue
		}
		if n > 0 {
			b = append(b, ',')
		}
		n++
		b = append(b, `{"index":`...)
		b = strconv.AppendInt(b, int64(i), 10)
		b = j.text(b, "text", "value", src[sp.Start:sp.End])
		b = append(b, '}')
	}
	b = append(b, ']')
	if unfinished {
		b = append(b, `,"status":"unfinished"`...)
		j.emit(b)
		return
	}
	b = append(b, `,"ret":`...)
	b = strconv.AppendInt(b, c.Ret, 10)
	b = append(b, `,"ret_text":`...)
	b = format.AppendJSONString(b, ret)
	if c.Failed() {
		b = append(b, `,"status":"failed","errno":`...)
		name := syscalls.ErrnoName(c.Errno())
		if name == "" {
			name = "ERRNO_" + strconv.Itoa(c.Errno())
		}
		b = format.AppendJSONString(b, []byte(name))
		b = append(b, `,"error":`...)
		b = format.AppendJSONString(b, []byte(syscalls.ErrnoMessage(c.Errno())))
	} else {
		b = append(b, `,"status":"successful"`...)
	}
	b = append(b, `,"duration":`...)
	d := ev.Time.Sub(st.start)
	b = strconv.AppendFloat(b, d.Seconds(), 'f', 6, 64)
	j.emit(b)
}
