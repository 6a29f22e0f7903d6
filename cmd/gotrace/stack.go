package main

import (
	"github.com/gotrace/gotrace/ptrace"
	"github.com/gotrace/gotrace/ptrace/unwind"
	"golang.org/x/sys/unix"
)

// stackTracer is -k's state: the unwinder and its caches, and the
// launched command's first execve, whose stack strace takes at the exit
// (the new program's) rather than at the entry.
type stackTracer struct {
	uw       *unwind.Unwinder
	regs     unix.PtraceRegs
	execSeen bool
	buf      []byte
}

func newStackTracer() *stackTracer {
	return &stackTracer{uw: unwind.New(), buf: make([]byte, 0, 4096)}
}

// walk appends the stack of the stopped thread tid.
func (k *stackTracer) walk(s *session, dst []byte, tid int, captured bool) []byte {
	if err := s.tr.Regs(tid, &k.regs); err != nil {
		return dst
	}
	regs := unwind.FromPtrace(&k.regs)
	s.mem.tid = tid
	return k.uw.AppendStack(dst, tid, &s.mem, &regs, captured)
}

// enter takes the stack of a shown call that strace captures at its entry
// (exit, exit_group, execve, execveat), to print once the call is over.
//
// A stack stays held when its call's line was not printed (-e status=):
// strace prints it after the thread's next shown call, or at its end.
func (k *stackTracer) enter(s *session, st *tstate, ev *ptrace.Event) {
	if st.stackHeld || ev.Compat || !unwind.CapturedAtEntry(ev.Sysno) {
		return
	}
	if !k.execSeen && ev.Tid == s.launched && (ev.Sysno == unix.SYS_EXECVE || ev.Sysno == unix.SYS_EXECVEAT) {
		k.execSeen = true
		return
	}
	st.stackQ = k.walk(s, st.stackQ, ev.Tid, true)
	st.stackHeld = true
}

// exitSeen notes a call's exit, shown or not: after one that changes the
// mappings, every thread's are read again.
func (k *stackTracer) exitSeen(ev *ptrace.Event) {
	if !ev.Compat && unwind.InvalidatesMaps(ev.Sysno) {
		k.uw.Invalidate()
	}
}

// after prints a finished line's stack: the one taken at the entry, else
// the thread's stack now.
func (k *stackTracer) after(s *session, st *tstate, ev *ptrace.Event) {
	if st.stackHeld {
		k.flush(st)
		return
	}
	if st.compat {
		return
	}
	b := k.walk(s, k.buf[:0], ev.Tid, false)
	st.p.Raw(b)
	k.buf = b[:0]
}

// signal prints the stack at a signal-delivery or group stop.
func (k *stackTracer) signal(s *session, st *tstate, ev *ptrace.Event) {
	if st.compat {
		return
	}
	b := k.walk(s, k.buf[:0], ev.Tid, false)
	st.p.Raw(b)
	k.buf = b[:0]
}

// flush prints a stack taken at a call's entry, if one waits: after the
// call's line, or as strace does when the thread is gone (after its
// "+++ exited" line).
func (k *stackTracer) flush(st *tstate) {
	if st.stackHeld {
		st.p.Raw(st.stackQ)
		st.stackQ, st.stackHeld = st.stackQ[:0], false
	}
}

// stackWanted adds, for -k, the calls that change the mappings to those
// the tracer stops at: strace sees their exits, traced or not, and reads
// the mappings again after them.
func stackWanted(cfg *config, w func(int) bool) func(int) bool {
	if !cfg.stack || w == nil {
		return w
	}
	return func(nr int) bool { return w(nr) || unwind.InvalidatesMaps(nr) }
}
