package main

import (
	"fmt"
	"io"
	"runtime/debug"
	"strconv"
	"time"

	"github.com/gotrace/gotrace/format"
	"github.com/gotrace/gotrace/ptrace"
	"github.com/gotrace/gotrace/syscalls"
	"golang.org/x/sys/unix"
)

// tstate is everything gotrace keeps for one traced thread.
type tstate struct {
	line   format.Line
	p      *format.Printer // where its lines go: the shared output, or FILE.TID with -ff
	call   syscalls.Call
	inSys  bool      // between a syscall's entry and exit
	shown  bool      // the syscall in flight is traced (passes -e trace=)
	start  time.Time // entry time, for -T
	held   []byte    // entry text held back until the exit (-e status=)
	holdng bool
	an     anThread // the analysis options' state (summary.go)
	// prev is the previous traced syscall, named by restart_syscall;
	// strace names "system call" while there is none (!prevSet). After
	// an attach it is 0 ("read"), which is what strace 6.1 names.
	prev    int
	prevSet bool
	inj     *injectThread // -e inject=: counters and the call in flight
	// -k: the stack taken at the entry of a call strace captures then
	// (exit, exit_group, execve), printed after the call's line or the
	// thread's end; compat: the last call was a 32-bit one (no stack).
	stackQ    []byte
	stackHeld bool
	compat    bool
}

// session turns tracer events into output: the Handler of ptrace.Tracer.
type session struct {
	cfg     *config
	tr      *ptrace.Tracer
	p       *format.Printer
	dec     *syscalls.Decoder
	mem     threadMem
	threads map[int]*tstate
	lastTid int       // the tid thread returned last
	lastSt  *tstate   // its state; nil once the table changed
	msgs    io.Writer // gotrace's own messages (stderr)
	toMsgs  bool      // the trace goes to the same stream as the messages
	hold    bool      // -e status= filters: hold each line until its exit
	buf     []byte
	rest    []byte
	ret     []byte

	an    *analysis    // the analysis options (summary.go)
	sep   *sepFiles    // -ff -o FILE: one file per thread, else nil
	lazy  *lazyFlusher // -o FILE: flushes shortly after the loop waits
	pidns *pidNS       // -Y, --decode-pids=pidns: pids as gotrace sees them
	// internalErrs counts the events whose handling panicked (a bug):
	// reported, survived (see survive).
	internalErrs int
	launched     int
	exitCode     int  // the launched command's exit status
	ended        bool // the launched command has exited (and is reaped)
	killedBy     int  // the signal that killed the launched command
	writeErr     error
	lastSignal   int
	inj          *injector    // -e inject=, -e fault=; nil without
	stack        *stackTracer // -k; nil without
}

// threadMem reads the memory of the thread whose event is being handled.
type threadMem struct {
	tr     *ptrace.Tracer
	tid    int
	remote []unix.RemoteIovec
}

func (m *threadMem) ReadMem(addr uint64, buf []byte) (int, error) {
	return m.tr.ReadMem(m.tid, addr, buf)
}

func (m *threadMem) ReadMemv(segs []syscalls.Seg, buf []byte) (int, error) {
	m.remote = m.remote[:0]
	for _, s := range segs {
		m.remote = append(m.remote, unix.RemoteIovec{Base: uintptr(s.Addr), Len: s.Len})
	}
	return m.tr.ReadMemv(m.tid, m.remote, buf)
}

func newSession(cfg *config, tr *ptrace.Tracer, p *format.Printer, msgs io.Writer, toMsgs bool) *session {
	s := &session{
		cfg: cfg, tr: tr, p: p, msgs: msgs, toMsgs: toMsgs,
		threads: make(map[int]*tstate),
		buf:     make([]byte, 0, 4096),
		rest:    make([]byte, 0, 4096),
		ret:     make([]byte, 0, 256),
	}
	s.mem.tr = tr
	s.dec = syscalls.NewDecoder(syscalls.Options{
		StrSize: cfg.strSize, X: cfg.xmode, Style: cfg.style, Verbose: cfg.verbose,
	})
	s.dec.Mem = &s.mem
	if cfg.pidComm || cfg.pidNS {
		s.pidns = newPidNS(func() []int {
			tids := make([]int, 0, len(s.threads))
			for tid := range s.threads {
				tids = append(tids, tid)
			}
			return tids
		})
		s.dec.Opts.PidComm = s.decoratePid
	}
	s.hold = cfg.statusSet
	s.an = newAnalysis(s)
	s.inj = cfg.inject
	if cfg.stack {
		s.stack = newStackTracer()
	}
	return s
}

// thread returns the state of tid, made on first sight. The last one is
// kept until the table changes (chosen for speed, as ptrace.Tracer's
// lookup).
func (s *session) thread(tid int) *tstate {
	if s.lastSt != nil && s.lastTid == tid {
		return s.lastSt
	}
	st := s.threads[tid]
	if st == nil {
		st = &tstate{p: s.p}
		if s.sep != nil {
			st.p = s.sep.open(tid)
		}
		st.line.Tid = tid
		if s.cfg.pidComm {
			st.line.Comm = readComm(tid)
		}
		s.threads[tid] = st
	}
	s.lastTid, s.lastSt = tid, st
	return st
}

func (s *session) forget(tid int) {
	if s.pidns != nil {
		s.pidns.forget(tid)
	}
	if s.stack != nil {
		if st := s.threads[tid]; st != nil {
			s.stack.flush(st)
		}
		s.stack.uw.Forget(tid)
	}
	if st := s.threads[tid]; st != nil && s.sep != nil {
		s.noteErr(s.sep.close(st.p))
	}
	delete(s.threads, tid)
	s.lastSt = nil
}

// noteErr keeps the first output error and stops tracing on it.
func (s *session) noteErr(err error) {
	if err != nil && s.writeErr == nil {
		s.writeErr = err
		s.tr.Detach()
	}
}

// message writes one of gotrace's own lines ("gotrace: Process N
// attached") to stderr, after what the trace has buffered when both share
// the stream, so they appear in order.
func (s *session) message(text string) {
	if s.toMsgs {
		s.flush()
	}
	io.WriteString(s.msgs, "gotrace: "+text+"\n")
}

// survive is Handle's last resort: a bug in decoding, analysis or
// printing must not end the session, since gotrace dying would kill the
// command it launched (PTRACE_O_EXITKILL) or leave an attached one
// detached mid-call. The first such error is reported with its stack; the
// event's line may be left incomplete; tracing goes on.
func (s *session) survive(ev *ptrace.Event) {
	r := recover()
	if r == nil {
		return
	}
	if s.internalErrs++; s.internalErrs == 1 {
		s.message(fmt.Sprintf("internal error (tracing goes on) at %s of pid %d: %v\n%s",
			syscalls.Name(ev.Sysno), ev.Tid, r, debug.Stack()))
	}
}

func (s *session) flush() {
	err := s.p.Flush()
	if e := s.an.flush(); err == nil {
		err = e
	}
	if err != nil && s.writeErr == nil {
		s.writeErr = err
		s.tr.Detach()
	}
	if s.sep != nil {
		s.noteErr(s.sep.flush())
	}
}

// BeforeWait flushes the output while the tracer has nothing to do, so a
// quiet tracee's lines show at once and a busy one pays a write per many
// lines. With -o FILE the flush is left to the lazy flusher (flusher.go),
// and only a wait that may sleep (block) lets it in: while the tracer
// collects stop after stop without sleeping (yieldWait), the file waits
// for a full buffer.
func (s *session) BeforeWait(block bool) {
	if s.lazy != nil {
		if block {
			s.lazy.release()
		}
		return
	}
	s.flush()
}

// Handle is called by the tracer for every event.
func (s *session) Handle(ev *ptrace.Event) {
	defer s.survive(ev)
	if s.lazy != nil {
		s.lazy.hold()
	}
	st := s.thread(ev.Tid)
	s.an.event(st, ev)
	// strace's "[pid N] " prefix shows while more than one thread is
	// traced, the one exiting included.
	n := s.tr.Traced()
	if ev.Kind == ptrace.Exited || ev.Kind == ptrace.Killed {
		n++
	}
	s.p.Many = n > 1
	if s.cfg.numbers || s.cfg.ips {
		s.locate(st, ev)
	}
	switch ev.Kind {
	case ptrace.SyscallEnter:
		s.enter(st, ev)
	case ptrace.SyscallExit:
		s.exit(st, ev)
	case ptrace.SignalStop:
		s.lastSignal = ev.Sig
		if s.cfg.signals.Has(ev.Sig) {
			b := append(s.buf[:0], "--- "...)
			b = append(b, syscalls.SignalName(ev.Sig)...)
			b = append(b, ' ')
			b = syscalls.AppendSiginfo(b, &ev.Siginfo, s.dec.Opts)
			b = append(b, " ---"...)
			st.p.Whole(&st.line, ev.Time, b)
			s.buf = b[:0]
			if s.stack != nil {
				s.stack.signal(s, st, ev)
			}
		}
	case ptrace.GroupStop:
		if s.cfg.signals.Has(ev.Sig) {
			st.p.Whole(&st.line, ev.Time, []byte("--- stopped by "+syscalls.SignalName(ev.Sig)+" ---"))
			if s.stack != nil {
				s.stack.signal(s, st, ev)
			}
		}
	case ptrace.Exited:
		s.unfinished(st, ev)
		if s.cfg.quiet < 2 {
			st.p.Whole(&st.line, ev.Time, []byte("+++ exited with "+strconv.Itoa(ev.Status)+" +++"))
		}
		if ev.Tid == s.launched {
			s.exitCode, s.ended = ev.Status, true
		}
		s.forget(ev.Tid)
	case ptrace.Killed:
		s.unfinished(st, ev)
		if s.cfg.quiet < 2 && s.cfg.signals.Has(ev.Sig) {
			text := "+++ killed by " + syscalls.SignalName(ev.Sig)
			if ev.Core {
				text += " (core dumped)"
			}
			st.p.Whole(&st.line, ev.Time, []byte(text+" +++"))
		}
		if ev.Tid == s.launched {
			s.killedBy, s.ended = ev.Sig, true
		}
		s.forget(ev.Tid)
	case ptrace.Attached:
		if !ev.Followed {
			st.prev, st.prevSet = 0, true
		}
		if s.cfg.quiet == 0 {
			if ev.Threads > 1 {
				s.message("Process " + strconv.Itoa(ev.Tid) + " attached with " + strconv.Itoa(ev.Threads) + " threads")
			} else {
				s.message("Process " + strconv.Itoa(ev.Tid) + " attached")
			}
		}
	case ptrace.ExitStop:
		// Exiting inside a syscall (exit_group, a kill): it ends "= ?".
		s.unfinished(st, ev)
	case ptrace.Detached:
		if s.cfg.quiet == 0 {
			s.message("Process " + strconv.Itoa(ev.Tid) + " detached")
		}
		if st.inSys && st.shown && !st.holdng {
			st.p.Detached(&st.line)
		}
		s.forget(ev.Tid)
	case ptrace.NewChild:
		s.thread(ev.Child)
	case ptrace.Exec:
		if ev.Former != ev.Tid {
			s.superseded(st, ev)
			st = s.threads[ev.Tid]
		}
		if s.cfg.pidComm && st != nil {
			st.line.Comm = readComm(ev.Tid) // the new program's name
		}
	}
}

// locate keeps what -n and -i print in a line's leader: the thread's
// current syscall number (the last one entered, as strace's) and its
// instruction pointer at this stop, unknown once it is gone.
func (s *session) locate(st *tstate, ev *ptrace.Event) {
	switch ev.Kind {
	case ptrace.SyscallEnter:
		st.line.Nr = ev.Sysno
		st.line.IP, st.line.NoIP = ev.IP, !ev.IPOK
	case ptrace.SyscallExit, ptrace.SignalStop, ptrace.GroupStop:
		st.line.IP, st.line.NoIP = ev.IP, !ev.IPOK
	case ptrace.Exited, ptrace.Killed:
		st.line.NoIP = true
	}
}

func (s *session) enter(st *tstate, ev *ptrace.Event) {
	st.inSys, st.start = true, ev.Time
	c := &st.call
	if c.Nr != unix.SYS_RESTART_SYSCALL && st.shown {
		st.prev, st.prevSet = c.Nr, true
	}
	c.Nr, c.Args, c.SP = ev.Sysno, ev.Args, ev.SP
	st.shown = s.an.enter(st, ev, s.cfg.trace.Has(ev.Sysno))
	if s.inj != nil {
		s.mem.tid = ev.Tid
		s.inj.enter(s, st, ev)
	}
	st.compat = ev.Compat
	if !st.shown {
		return
	}
	if s.stack != nil {
		s.stack.enter(s, st, ev)
	}
	s.mem.tid = ev.Tid
	b := s.an.enterText(s.buf[:0], c)
	if c.Nr == unix.SYS_RESTART_SYSCALL {
		b = append(b, "<... resuming interrupted "...)
		if st.prevSet {
			b = append(b, syscalls.Name(st.prev)...)
		} else {
			b = append(b, "system call"...)
		}
		b = append(b, " ..."...)
		b = append(b, '>')
	}
	if s.hold {
		st.held = append(st.held[:0], b...)
		st.holdng = true
	} else {
		st.p.Enter(&st.line, ev.Time, c.Entry.Name, b)
	}
	s.buf = b[:0]
}

func (s *session) exit(st *tstate, ev *ptrace.Event) {
	if s.cfg.pidComm && ev.Sysno == unix.SYS_PRCTL && ev.Args[0] == unix.PR_SET_NAME && ev.Ret == 0 {
		// The new name shows from the next line on (strace's too).
		defer func() { st.line.Comm = readComm(ev.Tid) }()
	}
	st.inSys = false
	s.mem.tid = ev.Tid
	if s.stack != nil {
		s.stack.exitSeen(ev)
	}
	if st.inj != nil && st.inj.rule != nil {
		s.inj.exit(s, st, ev)
	}
	s.an.exit(st, ev)
	if !st.shown {
		return
	}
	c := &st.call
	c.Ret = ev.Ret
	rest := s.an.exitText(s.rest[:0], c)
	ret := s.an.retText(s.ret[:0], c, st, ev.Time)
	if st.inj != nil && st.inj.rule != nil {
		ret = s.inj.appendNote(ret, st, ev)
	}
	if st.holdng {
		st.holdng = false
		want := syscalls.StatusSuccessful
		if c.Failed() {
			want = syscalls.StatusFailed
		}
		if !s.cfg.status.Has(want) || !s.an.keep(st, ev) {
			s.rest, s.ret = rest[:0], ret[:0]
			return
		}
		st.p.Enter(&st.line, st.start, c.Entry.Name, st.held)
	}
	st.p.Exit(&st.line, ev.Time, rest, ret, callTime(st, ev))
	s.an.after(st, ev, rest, ret)
	s.rest, s.ret = rest[:0], ret[:0]
	if s.stack != nil {
		s.stack.after(s, st, ev)
	}
}

// callTime is the time a call took, from its entry's stop to its exit's;
// 0 when no time was read (ptrace.Options.NoTime: Sub on zero times takes
// its slow path, 1.5% of gotrace's own time on the 4-thread loop).
func callTime(st *tstate, ev *ptrace.Event) time.Duration {
	if ev.Time.IsZero() {
		return 0
	}
	return ev.Time.Sub(st.start)
}

// unfinished ends the line of a thread that exits inside a syscall
// (exit_group, or killed): strace prints "= ?".
func (s *session) unfinished(st *tstate, ev *ptrace.Event) {
	if !st.inSys || !st.shown {
		return
	}
	st.inSys = false
	if st.holdng {
		st.holdng = false
		if !s.cfg.status.Has(syscalls.StatusUnfinished) || !s.an.keep(st, ev) {
			return
		}
		st.p.Enter(&st.line, st.start, st.call.Entry.Name, st.held)
	}
	var rest []byte
	if st.call.Pending() {
		rest = []byte(" <unfinished ...>")
	}
	st.p.Exit(&st.line, ev.Time, rest, []byte("?"), -1)
}

// superseded handles a non-leader thread's execve: the thread takes over
// the leader's tid, and the leader is gone without an exit status. As
// strace does, the thread keeps its state (its execve in flight) under the
// new tid, takes over the leader's output (its file with -ff), and
// "+++ superseded by execve in pid FORMER +++" is printed under the leader's
// tid; the execve then ends as "<... execve resumed>".
func (s *session) superseded(leader *tstate, ev *ptrace.Event) {
	old := s.threads[ev.Former]
	if old == nil {
		return
	}
	old.p.Interrupt(&old.line, "pid changed to "+strconv.Itoa(ev.Tid)+" ...")
	old.p, leader.p = leader.p, old.p
	s.forget(ev.Tid) // the leader, with the thread's former file
	delete(s.threads, ev.Former)
	old.line.Tid = ev.Tid
	old.line.Cut = old.line.Open
	s.threads[ev.Tid] = old
	s.lastSt = nil
	if s.cfg.quiet < 3 {
		old.p.Whole(&old.line, ev.Time, []byte("+++ superseded by execve in pid "+strconv.Itoa(ev.Former)+" +++"))
	}
}

// readComm is a thread's command name (/proc/TID/comm), "" once it is
// gone. With -Y the prefix shows the name read when gotrace first saw the
// thread, after each execve and after prctl(PR_SET_NAME), as strace's.
func readComm(tid int) string {
	var buf [64]byte
	return string(commOf(buf[:0], tid))
}

// decoratePid is the decoder's PidComm hook (-Y, --decode-pids=pidns) for
// a pid as the current thread sees it: "<comm>" of that process, read at
// print time, and with pidns, when the thread lives in another pid
// namespace, " /* PID in gotrace's PID NS */"; nothing for a process gone.
func (s *session) decoratePid(dst []byte, pid int) []byte {
	here, moved := s.pidns.translate(s.mem.tid, pid)
	if here <= 0 {
		return dst
	}
	if s.cfg.pidComm {
		dst = appendComm(dst, here)
	}
	if s.cfg.pidNS && moved && here != pid {
		dst = append(dst, " /* "...)
		dst = strconv.AppendInt(dst, int64(here), 10)
		dst = append(dst, " in gotrace's PID NS */"...)
	}
	return dst
}

// appendComm appends "<comm>" of process pid, read at print time, or
// nothing when the process is gone.
func appendComm(dst []byte, pid int) []byte {
	var buf [64]byte
	c := commOf(buf[:0], pid)
	if len(c) == 0 {
		return dst
	}
	dst = append(dst, '<')
	dst = append(dst, c...)
	return append(dst, '>')
}

func commOf(dst []byte, tid int) []byte {
	fd, err := unix.Open("/proc/"+strconv.Itoa(tid)+"/comm", unix.O_RDONLY|unix.O_CLOEXEC, 0)
	if err != nil {
		return dst
	}
	defer unix.Close(fd)
	n, err := unix.Read(fd, dst[len(dst):cap(dst)])
	if err != nil || n <= 0 {
		return dst
	}
	dst = dst[:len(dst)+n]
	for len(dst) > 0 && dst[len(dst)-1] == '\n' {
		dst = dst[:len(dst)-1]
	}
	return dst
}
