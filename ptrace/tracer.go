package ptrace

import (
	"encoding/binary"
	"fmt"
	"os"
	"runtime"
	"strconv"
	"sync/atomic"
	"time"
	"unsafe"

	"golang.org/x/sys/unix"
)

// Kind says what a stop (or a tracer-level happening) was.
type Kind uint8

const (
	// SyscallEnter is a syscall-entry-stop: Sysno and Args are set.
	SyscallEnter Kind = iota + 1
	// SyscallExit is a syscall-exit-stop: Sysno and Args are those saved at
	// entry, Ret is the raw return value (a negative errno on failure).
	SyscallExit
	// SignalStop is a signal-delivery-stop: Sig and Siginfo are set. The
	// signal is re-injected when the thread is resumed, so the tracee gets it
	// as it would untraced.
	SignalStop
	// GroupStop is a group-stop: the thread stopped because of Sig (SIGSTOP,
	// SIGTSTP, …). It is resumed with PTRACE_LISTEN so it stays stopped until
	// a SIGCONT, as it would untraced.
	GroupStop
	// Exec is PTRACE_EVENT_EXEC: an execve succeeded in Tid. FormerTid is the
	// thread that called it (it differs when a non-leader thread exec'd).
	Exec
	// NewChild is a new tracee created by clone, fork or vfork of Tid
	// (PTRACE_EVENT_CLONE/FORK/VFORK); Child is its tid.
	NewChild
	// Exited means Tid exited with Status.
	Exited
	// Killed means Tid was killed by Sig; Core says a core was dumped.
	Killed
	// Attached means tracing of Tid began: with Followed, Tid is a new
	// child or thread seen at its first stop (under Follow); else Tid was
	// attached by Attach, with Threads threads of its process in all.
	Attached
	// ExitStop is PTRACE_EVENT_EXIT of a thread inside a syscall: that
	// syscall (Sysno, Args as at entry) will never return. Its exit status
	// follows as Exited or Killed.
	ExitStop
	// Detached means tracing of Tid ended by Detach while it was alive.
	// InSyscall tells whether it was between a syscall's entry and exit.
	Detached
)

// Event is one stop of one thread, handed to the Handler. The tracer reuses
// it: a handler must copy what it keeps.
type Event struct {
	Kind Kind
	Tid  int
	// Time is when the tracer learnt of the stop (right after wait4);
	// not set with Options.NoTime.
	Time time.Time

	Sysno int       // syscall number (entry and exit)
	Args  [6]uint64 // syscall arguments, as read at entry
	Ret   int64     // return value at exit: negative errno on failure
	SP    uint64    // the stack pointer at entry
	// IP is the instruction pointer: at syscall stops always; at
	// signal-delivery and group stops only with Options.IPs (IPOK set).
	IP   uint64
	IPOK bool
	// Compat is set for a 32-bit (int $0x80) syscall; Sysno is then an
	// i386 number.
	Compat bool

	Sig     int       // SignalStop, GroupStop, Killed
	Siginfo [128]byte // SignalStop: the raw siginfo_t
	Status  int       // Exited: the exit code
	Core    bool      // Killed: a core was dumped
	Child   int       // NewChild: the new tracee's tid
	Clone   int       // NewChild: PTRACE_EVENT_CLONE, _FORK or _VFORK
	Former  int       // Exec: the tid that called execve
	InSys   bool      // Detached: it was inside a syscall
	// Attached: Followed says a followed child's first stop; Threads is
	// how many threads Attach seized (1 without all).
	Followed bool
	Threads  int
	// STime is the system CPU time the stopped thread's process has used
	// (wait4's ru_stime), set on every stop when Options.Rusage is on:
	// what strace -c measures a syscall with.
	STime time.Duration

	// Tamper is nil when a syscall stop is reported; the handler sets it
	// to tamper with the call (-e inject=), see Tamper.
	Tamper *Tamper
	// Tampered is set at the exit of a call whose number was replaced at
	// entry (Tamper.SetNr): Ret is then the injected value. TamperFailed
	// says the call did not end as the replacement must (an error for
	// -1, success for a real call), so Ret was left as the kernel set it.
	Tampered, TamperFailed bool
}

// Tamper is what a handler asks of the tracer at a syscall stop.
type Tamper struct {
	// SetNr (at entry) replaces the call's number with Nr: -1 runs no
	// call (the kernel returns -ENOSYS), or a call without side effects.
	// At the exit, the return value becomes Ret (a negative errno for an
	// error), in the registers and in Event.Ret.
	SetNr bool
	Nr    int
	Ret   int64
	// Signal is delivered as the thread resumes from the entry: the
	// kernel queues it then, so it arrives after the call returns.
	Signal int
	// Hold keeps the thread stopped that long before resuming it (delay
	// injection). Other threads are traced meanwhile.
	Hold time.Duration
}

// Handler receives every event, on the tracer's goroutine. It may call
// Tracer.ReadMem for the event's thread. It must not block for long: the
// thread stays stopped until it returns.
type Handler interface {
	Handle(ev *Event)
	// BeforeWait is called before each wait for the next stop, so
	// buffered output can be flushed before gotrace sleeps: with block
	// false before the non-blocking probe that, with tracer and tracee on
	// one CPU, mostly finds the stop already there (see yieldWait); with
	// block true right before a wait4 that may sleep. Once or twice per
	// stop, so it must be cheap.
	BeforeWait(block bool)
}

// Options chooses what the tracer follows.
type Options struct {
	// Follow traces new threads and child processes (-f).
	Follow bool
	// KillOnExit sets PTRACE_O_EXITKILL: tracees are killed if gotrace dies.
	KillOnExit bool
	// Rusage asks wait4 for the stopped tracee's resource usage and sets
	// Event.STime from it.
	Rusage bool
	// Wanted, if set, says which syscall numbers (native x86-64) the
	// handler wants to see; nil means all. An unwanted call's entry is
	// still reported, but its exit is neither read nor reported, and with
	// Follow a launched command gets a seccomp filter so that unwanted
	// calls do not stop at all (see seccomp.go).
	Wanted func(sysno int) bool
	// NoSeccomp turns the seccomp filter off (--no-seccomp-bpf).
	NoSeccomp bool
	// NoTime leaves Event.Time unset at syscall, signal and exit stops,
	// for a handler that prints no time and measures none (chosen for
	// speed: a clock read per stop was 1.3% of the tracer's time).
	NoTime bool
	// IPs reads the instruction pointer at signal-delivery and group
	// stops too (-i; one more request at those stops only).
	IPs bool
	// DetachOnExec detaches a tracee at the entry of its execve or
	// execveat, once the entry is reported (-b execve); the launched
	// command's own first execve excepted, as strace.
	DetachOnExec bool
}

// Error is a failed tracer operation on one pid. It unwraps to the errno.
type Error struct {
	Op  string // "PTRACE_SEIZE", "wait4", …
	Pid int
	Err error
}

func (e *Error) Error() string {
	return fmt.Sprintf("ptrace(%s, %d): %v", e.Op, e.Pid, e.Err)
}

func (e *Error) Unwrap() error { return e.Err }

// thread is the tracer's state for one traced thread.
type thread struct {
	tid       int
	inSyscall bool
	sysno     int
	compat    bool
	args      [6]uint64
	sp        uint64
	listening bool // in group-stop, resumed with PTRACE_LISTEN
	detaching bool // PTRACE_INTERRUPT sent by Detach, waiting for its stop
	hidden    bool // launch child before its execve: stops not reported
	stubRun   bool // launch child before its stubMark: PTRACE_CONT, no syscall stops
	fresh     bool // seized, first stop not yet seen
	followed  bool // auto-attached child (Follow): announced at its first stop
	early     bool // first stop came before its parent's clone event: held
	filtered  bool // under gotrace's seccomp filter: PTRACE_CONT between traced calls
	skipExit  bool // in an unwanted call: its exit stop is resumed unread
	dying     bool // past PTRACE_EVENT_EXIT: it will not stop again
	// firstExec: the launch child's execve is in flight. If it fails, the
	// child's error report and exit are hidden again (as strace hides its
	// child's), but the exit status is still reported (reportExit).
	firstExec bool
	// execed: the launch child's execve succeeded and the command has
	// made no syscall yet (see stubPreempt).
	execed     bool
	reportExit bool
	// tampered: the call in flight had its number replaced; at its exit
	// the return value becomes tamperRet (see Tamper). tamperNoFail: it
	// was replaced by a real call, which must succeed.
	tampered     bool
	tamperNoFail bool
	tamperRet    int64
	// held: kept stopped until holdUntil (delay injection), then resumed
	// with holdSig.
	held      bool
	holdUntil time.Time
	holdSig   int
}

var debug = os.Getenv("GOTRACE_DEBUG") != ""

// SetDebug turns on the engine's debug output (-d): every raw wait status
// the loop classifies, on stderr.
func SetDebug() { debug = true }

// Tracer runs one tracing session. Create it with New, then call Run.
type Tracer struct {
	opts      Options
	threads   map[int]*thread
	h         Handler
	ev        Event
	info      syscallInfo
	regs      unix.PtraceRegs
	noInfo    bool    // PTRACE_GET_SYSCALL_INFO unsupported: use registers
	noVMRead  bool    // process_vm_readv unsupported: use PTRACE_PEEKDATA
	misses    int     // yieldWait's probes in a row that found nothing
	probeOff  int     // stops left with yieldWait's probe off
	contended int     // yieldWait's slow yields, with few fast ones between
	calm      int     // yieldWait's fast timed yields since the last slow one or rest
	yields    int     // yieldWait's yields
	lastTid   int     // the tid lookup returned last
	lastTh    *thread // its thread; nil once the table changed
	launched  int     // pid of the launched command, 0 if none
	// filtering: the launched command runs under a seccomp filter.
	filtering bool
	// Held threads (delay injection): how many, the earliest release,
	// and waitHeld's watcher with its channels.
	nheld    int
	nextHold time.Time
	watching atomic.Bool
	ready    chan struct{}
	ack      chan struct{}
	acking   bool

	loopTid   int
	stops     uint32    // wait4 calls of the loop, for yield
	lastYield time.Time // see yield
	passive   bool      // Detach asked while filtered tracees live: trace silently
	// someHidden: hidden threads may exist (set by Launch), so Traced
	// counts; cleared once none is left.
	someHidden bool
	detachReq  atomic.Bool
	waker      atomic.Int32 // pid of the process started to wake wait4
	running    atomic.Bool
}

// New returns a Tracer with the given options.
func New(opts Options) *Tracer {
	return &Tracer{opts: opts, threads: make(map[int]*thread)}
}

// options are the PTRACE_O_* flags set on every tracee.
func (t *Tracer) options() int {
	// TRACESYSGOOD: syscall stops report SIGTRAP|0x80, so they cannot be
	// mistaken for a real SIGTRAP. TRACEEXEC: execve reports an event stop
	// instead of a plain SIGTRAP, and tells the tid swap of a non-leader exec.
	// TRACEEXIT: a thread stops once more as it exits, so a syscall it
	// never returns from (exit_group, a kill) ends at that moment, as
	// strace ends it, not when the exit is reaped (a leader's is reaped
	// only after its last thread's).
	o := unix.PTRACE_O_TRACESYSGOOD | unix.PTRACE_O_TRACEEXEC | unix.PTRACE_O_TRACEEXIT
	if t.opts.Follow {
		// TRACECLONE/FORK/VFORK: new threads and children are seized
		// automatically before their first instruction.
		o |= unix.PTRACE_O_TRACECLONE | unix.PTRACE_O_TRACEFORK | unix.PTRACE_O_TRACEVFORK
	}
	if t.opts.KillOnExit {
		// EXITKILL: the kernel sends SIGKILL to every tracee if gotrace dies.
		o |= unix.PTRACE_O_EXITKILL
	}
	return o
}

// Run locks the goroutine to its OS thread, calls setup (which starts the
// session with Launch and Attach), then runs the wait loop until no tracee is
// left or Detach was called and every tracee is detached.
func (t *Tracer) Run(h Handler, setup func() error) error {
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	defaultSIGCHLD()
	if runtime.GOMAXPROCS(0) < 2 {
		// Chosen for speed: pinned to one CPU (taskset), Go runs with
		// one P, and each wait4 that blocks longer than a sysmon tick
		// has that P taken away and handed to another thread, costing
		// futex wake-ups and context switches at every stop of a quiet
		// or filtered tracee. With a second, idle P, sysmon leaves a
		// P in a syscall alone for 10 ms. Measured: -e trace=network
		// on the mixed workload 0.64 s -> 0.47 s (untraced 0.32 s).
		runtime.GOMAXPROCS(2)
	}
	t.h = h
	t.loopTid = unix.Gettid()
	if err := setup(); err != nil {
		t.detachAll()
		return err
	}
	if len(t.threads) == 0 {
		return nil
	}
	t.running.Store(true)
	defer t.running.Store(false)
	return t.loop()
}

// defaultSIGCHLD sets SIGCHLD's disposition back to SIG_DFL behind Go's
// runtime. Every stop of a tracee sends its tracer a SIGCHLD; Go installs a
// handler for it, so each stop cost a signal delivery (frame set-up, FPU
// state saved and restored, a sigreturn) on top of the wait4 that reports
// it: measured 10-15% of the tracer's time per stop. SIG_DFL (not SIG_IGN,
// which would reap our children behind wait4's back) makes the kernel
// drop it. Nothing in gotrace asks os/signal for SIGCHLD. (Chosen for speed.)
func defaultSIGCHLD() {
	var dfl [4]uintptr // struct kernel_sigaction: sa_handler = SIG_DFL
	unix.RawSyscall6(unix.SYS_RT_SIGACTION, uintptr(unix.SIGCHLD), uintptr(unsafe.Pointer(&dfl)), 0, 8, 0, 0)
}

// Tracing reports whether tid is traced (for the loop's goroutine).
func (t *Tracer) Tracing(tid int) bool { return t.threads[tid] != nil }

// Traced reports how many threads are traced (for the loop's goroutine).
// Hidden threads (the launch child's, until its execve) do not count.
func (t *Tracer) Traced() int {
	if !t.someHidden {
		return len(t.threads)
	}
	n, hidden := 0, false
	for _, th := range t.threads {
		if th.hidden {
			hidden = true
		} else {
			n++
		}
	}
	t.someHidden = hidden // only during a launch: then a plain count again
	return n
}

// Detach asks the loop to detach every tracee and return. It may be called
// from any goroutine, e.g. a signal handler's. The loop may be blocked in
// wait4 on an idle tracee; a tiny child process is started and reaped to wake
// it (a signal cannot: Go's handlers restart wait4).
func (t *Tracer) Detach() {
	if t.detachReq.Swap(true) {
		return
	}
	if !t.running.Load() {
		return
	}
	if pid, err := startWaker(); err == nil {
		t.waker.Store(int32(pid))
	}
}

func (t *Tracer) add(tid int) *thread {
	th := &thread{tid: tid, fresh: true}
	t.setThread(tid, th)
	return th
}

// Attach seizes a running thread and interrupts it so the loop takes over.
// With all set it seizes every thread of the process too, repeating until
// no new thread appears. It must be called from setup.
//
// A thread created by an already seized thread is seized by the kernel
// (PTRACE_O_TRACECLONE) and seizing it again fails with EPERM; one created
// by a thread not yet seized shows up in the next listing. The listing is
// repeated until a pass seizes nothing new, at most maxPasses times (a
// process cannot make threads faster than we seize them for long: each
// seized thread is stopped).
func (t *Tracer) Attach(pid int, all bool) error {
	if err := t.seize(pid); err != nil {
		return err
	}
	n := 1
	const maxPasses = 100
	for pass := 0; all && pass < maxPasses; pass++ {
		tids, err := listTasks(pid)
		if err != nil {
			break // the process is gone; the loop will see it
		}
		added := false
		for _, tid := range tids {
			if _, ok := t.threads[tid]; ok {
				continue
			}
			if err := t.seize(tid); err == nil {
				added = true
				n++
			}
		}
		if !added {
			break
		}
	}
	ev := &t.ev
	ev.Kind, ev.Tid, ev.Time, ev.Followed, ev.Threads = Attached, pid, time.Now(), false, n
	t.report(ev)
	return nil
}

func listTasks(pid int) ([]int, error) {
	f, err := os.Open("/proc/" + strconv.Itoa(pid) + "/task")
	if err != nil {
		return nil, err
	}
	defer f.Close()
	names, err := f.Readdirnames(-1)
	if err != nil {
		return nil, err
	}
	tids := make([]int, 0, len(names))
	for _, n := range names {
		if tid, err := strconv.Atoi(n); err == nil {
			tids = append(tids, tid)
		}
	}
	return tids, nil
}

func (t *Tracer) seize(tid int) error {
	if err := ptrace(unix.PTRACE_SEIZE, tid, 0, uintptr(t.options())); err != nil {
		return &Error{Op: "PTRACE_SEIZE", Pid: tid, Err: err}
	}
	if err := ptrace(unix.PTRACE_INTERRUPT, tid, 0, 0); err != nil {
		_ = ptrace(unix.PTRACE_DETACH, tid, 0, 0)
		return &Error{Op: "PTRACE_INTERRUPT", Pid: tid, Err: err}
	}
	t.add(tid)
	return nil
}

// loop is the wait loop: per stop, the wait4 that collects it (see
// yieldWait) and one resume.
func (t *Tracer) loop() error {
	var ws unix.WaitStatus
	var ru *unix.Rusage
	if t.opts.Rusage {
		ru = new(unix.Rusage)
	}
	for len(t.threads) > 0 {
		if t.detachReq.Load() && !t.passive {
			if !t.anyFiltered() {
				return t.detachAll()
			}
			// A tracee under gotrace's seccomp filter cannot be
			// detached unharmed (its traced calls would fail with
			// ENOSYS) and must not be killed: gotrace goes on as a
			// silent tracer until it exits (see seccomp.go).
			t.passive = true
		}
		// The handler hears of each wait (BeforeWait) and decides when
		// its output must reach the file: before every wait, or only
		// before one that may sleep.
		if t.stops++; t.stops&63 == 0 {
			t.yield()
		}
		var tid int
		var err error
		if t.nheld == 0 {
			t.h.BeforeWait(false)
			if tid = t.yieldWait(&ws, ru); tid == 0 {
				t.h.BeforeWait(true)
				tid, err = unix.Wait4(-1, &ws, unix.WALL, ru)
			}
		} else {
			t.h.BeforeWait(true)
			if t.releaseHeld(); t.nheld > 0 {
				if tid, err = t.waitHeld(&ws, ru); tid == 0 && err == nil {
					continue
				}
			} else {
				tid, err = unix.Wait4(-1, &ws, unix.WALL, ru)
			}
		}
		if ru != nil && err == nil {
			t.ev.STime = time.Duration(ru.Stime.Nano())
		}
		if err != nil {
			if err == unix.EINTR {
				continue
			}
			if err == unix.ECHILD {
				return nil
			}
			return &Error{Op: "wait4", Pid: -1, Err: err}
		}
		if w := t.waker.Load(); w != 0 && int32(tid) == w && !ws.Stopped() {
			// Reaped: forget its pid, which a tracee may get next.
			t.waker.CompareAndSwap(w, 0)
			continue
		}
		t.handle(tid, ws)
	}
	return nil
}

// yieldWait gives the CPU to the tracee just resumed and then collects its
// next stop without blocking: sched_yield, then wait4 with WNOHANG, both
// raw. It returns 0 when nothing has stopped yet; the loop then blocks in
// an ordinary wait4.
//
// Chosen for speed: with tracer and tracee on one CPU, the tracee runs to
// its next stop during the yield, and the tracer, never asleep, skips the
// sleep and wake-up of a blocking wait4 and the Go runtime's entry to and
// exit from a blocking system call (measured, pinned: getppid loop 3-5%
// faster, -p -e trace=network 8% faster). Neither call blocks, so the raw
// calls cannot hold up a stop-the-world.
//
// With several traced threads, a stop may already be waiting (a blocking
// wait4 would return at once): a first non-blocking wait4 takes it, and
// the yield comes only when none is (yielding regardless forced a switch
// there: the 4-thread loop ran 15% slower). A waiting stop is so taken
// before the thread just resumed can run again, as a blocking wait4 takes
// it, and no thread's stops wait behind a busy thread's (tried before:
// yielding whenever the last stops were one thread's, where wait4 kept
// returning the busy thread's new stop and the others' starved). Pinned:
// the 4-thread loop 3.5% faster; nginx attached keeps 1.30x what strace
// keeps instead of 1.22x. Where the tracee runs
// on another CPU the probe mostly finds nothing, so after missMax misses
// in a row it rests for probeRest stops. A yield that took longer than
// slowYield put the tracer behind another task on the CPU: the probe then
// rests longer, doubling each time until calmRun fast yields in a row show
// the CPU is the tracee's again; after a rest every yield is timed, then
// one in timedEvery.
func (t *Tracer) yieldWait(ws *unix.WaitStatus, ru *unix.Rusage) int {
	if t.probeOff > 0 {
		t.probeOff--
		return 0
	}
	if len(t.threads) > 1 {
		if r := rawWaitNoHang(ws, ru); r != 0 {
			return max(r, 0)
		}
	}
	// Every yield is timed until calmRun fast ones in a row, then one in
	// timedEvery (two clock reads a stop cost 1.5% of the getppid loop's
	// time).
	timed := t.calm < calmRun || t.yields%timedEvery == 0
	t.yields++
	var t0 time.Time
	if timed {
		t0 = time.Now()
	}
	unix.RawSyscall(unix.SYS_SCHED_YIELD, 0, 0, 0)
	r := rawWaitNoHang(ws, ru)
	if timed {
		if time.Since(t0) > slowYield {
			if t.contended < maxContended {
				t.contended++
			}
			t.calm, t.misses, t.probeOff = 0, 0, probeRest<<t.contended
			return r
		}
		if t.calm++; t.calm >= calmRun {
			t.contended = 0
		}
	}
	if r <= 0 {
		if t.misses++; t.misses >= missMax {
			t.calm, t.misses, t.probeOff = 0, 0, probeRest
		}
		return 0
	}
	t.misses = 0
	return r
}

// rawWaitNoHang is wait4(-1, ws, __WALL|WNOHANG, ru) as a raw system call
// (it never blocks): the tid of a thread with news, 0 for none, -1 on an
// error (which the blocking wait4 that follows reports).
func rawWaitNoHang(ws *unix.WaitStatus, ru *unix.Rusage) int {
	r, _, e := unix.RawSyscall6(unix.SYS_WAIT4, ^uintptr(0), uintptr(unsafe.Pointer(ws)), unix.WALL|unix.WNOHANG, uintptr(unsafe.Pointer(ru)), 0, 0)
	if e != 0 {
		return -1
	}
	return int(r)
}

// yieldWait's probe rests for probeRest stops after missMax misses in a
// row, and for probeRest<<n after n slow yields with fewer than calmRun
// fast ones between them (n at most maxContended).
const (
	missMax      = 8
	probeRest    = 256
	slowYield    = 30 * time.Microsecond
	maxContended = 12
	calmRun      = 64
	timedEvery   = 8
)

// yield lets the Go scheduler run the loop's goroutine afresh (a
// runtime.Gosched) once yieldEvery has passed since the last time; called
// every 64 stops.
//
// Chosen for speed: the loop's goroutine never blocks in Go, so to the
// scheduler it runs on the same time slice for ever. After 10 ms of that,
// sysmon preempts it and takes its P away while it sits in wait4, and every
// such retake resets sysmon's sleep to 20 µs, doubling only after 1 ms: on
// the CPU shared with the tracee that was some 5000 wake-ups a second.
// One Gosched, a handful of microseconds, starts a new time slice.
func (t *Tracer) yield() {
	now := time.Now()
	if now.Sub(t.lastYield) < yieldEvery {
		return
	}
	t.lastYield = now
	runtime.Gosched()
}

// yieldEvery is how often the loop starts a new scheduler time slice
// (sysmon's forcePreemptNS is 10 ms).
const yieldEvery = 4 * time.Millisecond

// lookup returns the traced thread tid, nil for none. The last thread
// looked up is kept until the table changes (chosen for speed: with four
// threads the map lookup at every stop was 1.5% of gotrace's own time).
func (t *Tracer) lookup(tid int) *thread {
	if t.lastTh != nil && t.lastTid == tid {
		return t.lastTh
	}
	th := t.threads[tid]
	t.lastTid, t.lastTh = tid, th
	return th
}

// setThread and dropThread are the table's only writes: each forgets
// lookup's last thread.
func (t *Tracer) setThread(tid int, th *thread) {
	t.threads[tid] = th
	t.lastTh = nil
}

func (t *Tracer) dropThread(tid int) {
	delete(t.threads, tid)
	t.lastTh = nil
}

// handle classifies one wait status and resumes the thread.
func (t *Tracer) handle(tid int, ws unix.WaitStatus) {
	th := t.lookup(tid)
	if th == nil {
		if !ws.Stopped() {
			return // not ours (a reaped helper) or already forgotten
		}
		// A new child's first stop can arrive before its parent's
		// PTRACE_EVENT_CLONE/FORK. Hold it stopped until that event
		// says whose it is: a hidden launch child's thread must stay
		// hidden, and its parent's event is announced first.
		th = t.add(tid)
		th.followed, th.early = true, true
		return
	}
	ev := &t.ev
	ev.Tid = tid
	if !t.opts.NoTime {
		ev.Time = time.Now()
	}
	if debug {
		fmt.Fprintf(os.Stderr, "DEBUG tid=%d status=%#x stopped=%v sig=%d cause=%d\n", tid, uint32(ws), ws.Stopped(), ws.StopSignal(), event(ws))
	}
	switch {
	case ws.Exited():
		t.dropThread(tid)
		ev.Kind, ev.Status = Exited, ws.ExitStatus()
		if !th.hidden || th.reportExit {
			t.report(ev)
		}
		return
	case ws.Signaled():
		t.dropThread(tid)
		ev.Kind, ev.Sig, ev.Core = Killed, int(ws.Signal()), ws.CoreDump()
		if !th.hidden || th.reportExit {
			t.report(ev)
		}
		return
	case !ws.Stopped():
		return
	}
	if th.fresh {
		th.fresh = false
		t.announce(th)
		ev.Tid = tid
	}
	sig := int(ws.StopSignal())
	if sig == int(unix.SIGTRAP)|0x80 {
		t.syscallStop(th)
		return
	}
	switch event(ws) {
	case 0:
		if th.stubRun && sig == int(stubMark) {
			// The launch child is about to exec: watch its
			// syscalls from here on (see stubMark).
			th.stubRun = false
			t.resume(th, 0)
			return
		}
		// Signal-delivery-stop: report it, then inject the signal.
		ev.Kind, ev.Sig = SignalStop, sig
		t.readIP(tid)
		ev.Siginfo = [128]byte{}
		_ = ptracePtr(unix.PTRACE_GETSIGINFO, tid, 0, unsafe.Pointer(&ev.Siginfo[0]))
		if th.execed && sig == int(unix.SIGURG) && stubPreempt(&ev.Siginfo) {
			// -D's process (a Go program) had its runtime ask its
			// own thread to yield (a preemption SIGURG) just before
			// the execve: gotrace's, not the command's. Dropped.
			t.resume(th, 0)
			return
		}
		if !th.hidden {
			t.report(ev)
		}
		t.resume(th, sig)
	case unix.PTRACE_EVENT_STOP:
		switch sig {
		case int(unix.SIGSTOP), int(unix.SIGTSTP), int(unix.SIGTTIN), int(unix.SIGTTOU):
			// Group-stop: stay stopped, but let a SIGCONT through.
			ev.Kind, ev.Sig = GroupStop, sig
			t.readIP(tid)
			if !th.hidden {
				t.report(ev)
			}
			th.listening = true
			if err := ptrace(unix.PTRACE_LISTEN, tid, 0, 0); err != nil {
				t.vanished(th, err)
			}
		default:
			// The stop after PTRACE_INTERRUPT (attach) or after a
			// SIGCONT ended a group-stop: just go on.
			th.listening = false
			t.resume(th, 0)
		}
	case unix.PTRACE_EVENT_EXIT:
		th.dying = true
		th.tampered = false
		if th.inSyscall {
			th.inSyscall = false
			ev.Kind = ExitStop
			ev.Sysno, ev.Args, ev.Compat = th.sysno, th.args, th.compat
			if !th.hidden {
				t.report(ev)
			}
		}
		t.resume(th, 0)
	case unix.PTRACE_EVENT_SECCOMP:
		if th.inSyscall {
			// Resumed with PTRACE_SYSCALL, the thread reported
			// this call's entry already (the launch child's execve).
			t.resume(th, 0)
			return
		}
		// The entry of a traced call under the filter.
		t.syscallStop(th)
	case unix.PTRACE_EVENT_EXEC:
		former, _ := eventMsg(tid)
		if old := t.threads[former]; old != nil && former != tid {
			// A non-leader thread exec'd and took over the leader's
			// tid (the leader is gone without an exit status): its
			// execve's exit-stop comes next, under tid.
			t.dropThread(former)
			old.tid = tid
			t.setThread(tid, old)
			th = old
		}
		ev.Kind, ev.Former = Exec, former
		if !th.hidden {
			t.report(ev)
		}
		t.resume(th, 0)
	case unix.PTRACE_EVENT_CLONE, unix.PTRACE_EVENT_FORK, unix.PTRACE_EVENT_VFORK:
		child, _ := eventMsg(tid)
		if child > 0 {
			c, known := t.threads[child]
			if !known {
				c = t.add(child)
				c.followed = true
			}
			c.hidden = th.hidden
			c.stubRun = th.hidden    // a thread of -D's hidden process never execs
			c.filtered = th.filtered // the filter is inherited
			ev.Kind, ev.Child, ev.Clone = NewChild, child, event(ws)
			if !th.hidden {
				t.report(ev)
			}
			if c.early {
				// Its first stop came before this event and was
				// held: take it now, then let it run.
				c.early, c.fresh = false, false
				t.announce(c)
				t.resume(c, 0)
				ev.Tid = tid
			}
		}
		t.resume(th, 0)
	default:
		t.resume(th, 0)
	}
}

// readIP sets the event's instruction pointer with -i (Options.IPs) at a
// stop that is not a syscall stop: the rip of the thread's registers.
func (t *Tracer) readIP(tid int) {
	ev := &t.ev
	ev.IPOK = false
	if !t.opts.IPs {
		return
	}
	var ip uint64
	// PTRACE_PEEKUSER returns the word through data on Linux.
	if err := ptracePtr(unix.PTRACE_PEEKUSR, tid, ripOffset, unsafe.Pointer(&ip)); err == nil {
		ev.IP, ev.IPOK = ip, true
	}
}

// ripOffset is rip's offset in struct user_regs_struct (x86-64).
const ripOffset = 16 * 8

// report hands an event to the handler; a passive tracer (see loop)
// reports only exits, so the command's status is still known.
func (t *Tracer) report(ev *Event) {
	if t.passive && ev.Kind != Exited && ev.Kind != Killed {
		return
	}
	t.h.Handle(ev)
}

func (t *Tracer) anyFiltered() bool {
	for _, th := range t.threads {
		if th.filtered {
			return true
		}
	}
	return false
}

// announce reports a followed child at its first stop: strace announces
// one when it first sees it stopped, not at its parent's clone event.
func (t *Tracer) announce(th *thread) {
	if th.followed && !th.hidden {
		ev := &t.ev
		ev.Kind, ev.Tid, ev.Followed, ev.Threads = Attached, th.tid, true, 1
		t.report(ev)
	}
}

// syscallStop reads the syscall data (one PTRACE_GET_SYSCALL_INFO) and
// reports the entry or exit.
func (t *Tracer) syscallStop(th *thread) {
	ev := &t.ev
	if th.skipExit && th.inSyscall {
		// The exit of a call the handler does not want: not even
		// read (chosen for speed: one request at this stop).
		th.skipExit, th.inSyscall = false, false
		t.resume(th, 0)
		return
	}
	entry, ok := t.readSyscall(th)
	if !ok {
		t.resume(th, 0)
		return
	}
	if entry {
		th.inSyscall = true
		ev.Kind = SyscallEnter
		th.sysno, th.args, th.compat, th.sp = ev.Sysno, ev.Args, ev.Compat, ev.SP
		if th.hidden && th.tid == t.launched && ev.Sysno == unix.SYS_EXECVE && !ev.Compat {
			// The launch child is about to run the command: from
			// here on everything is the user's.
			th.hidden, th.firstExec = false, true
		}
		// The launch child's execve is read at its exit even when
		// unwanted: whether it failed decides what the tracee is.
		th.skipExit = !th.hidden && !th.firstExec && !ev.Compat && t.opts.Wanted != nil && !t.opts.Wanted(ev.Sysno)
	} else {
		if !th.inSyscall {
			// An exit without an entry (attached mid-call): nothing
			// to pair it with.
			t.resume(th, 0)
			return
		}
		th.inSyscall = false
		ev.Kind = SyscallExit
		ev.Sysno, ev.Args, ev.Compat, ev.SP = th.sysno, th.args, th.compat, th.sp
		ev.Tampered, ev.TamperFailed = th.tampered, false
		if th.tampered {
			t.finishTamper(th)
		}
	}
	ev.Tamper = nil
	if !th.hidden {
		t.report(ev)
	}
	if !entry && th.firstExec {
		th.firstExec = false
		if ev.Ret < 0 && ev.Ret > -4096 {
			th.hidden, th.reportExit = true, true
		} else {
			th.execed = true
		}
	} else if entry {
		th.execed = false
	}
	if ev.Tamper != nil {
		t.tamper(th, ev.Tamper, entry)
		return
	}
	if entry && t.opts.DetachOnExec && !th.hidden && !th.firstExec && !ev.Compat &&
		(ev.Sysno == unix.SYS_EXECVE || ev.Sysno == unix.SYS_EXECVEAT) {
		t.detachOne(th, 0)
		return
	}
	t.resume(th, 0)
}

// Offsets in struct user_regs_struct (PTRACE_POKEUSER) of the registers
// tampering changes: rax holds the return value at exit, orig_rax the
// syscall number the kernel runs after the entry stop.
const (
	regRax     = 10 * 8
	regOrigRax = 15 * 8
)

// tamper carries out what the handler asked at a syscall stop (see
// Tamper) and resumes the thread, or holds it.
func (t *Tracer) tamper(th *thread, tp *Tamper, entry bool) {
	sig := 0
	if entry {
		if tp.SetNr {
			// One request: PTRACE_POKEUSER of orig_rax. Replaced
			// by -1, the kernel runs nothing and returns -ENOSYS.
			if err := ptrace(unix.PTRACE_POKEUSR, th.tid, regOrigRax, uintptr(tp.Nr)); err == nil {
				th.tampered, th.tamperNoFail, th.tamperRet = true, tp.Nr != -1, tp.Ret
			}
		}
		sig = tp.Signal
	}
	if tp.Hold > 0 {
		th.held, th.holdUntil, th.holdSig = true, time.Now().Add(tp.Hold), sig
		if t.nheld++; t.nheld == 1 || th.holdUntil.Before(t.nextHold) {
			t.nextHold = th.holdUntil
		}
		return
	}
	t.resume(th, sig)
}

// finishTamper sets the return value of a call whose number was replaced,
// at its exit stop (t.ev holds the exit's data). As strace does, it does
// nothing if the call did not end as the replacement must: an error for
// -1, success for a real call.
func (t *Tracer) finishTamper(th *thread) {
	ev := &t.ev
	th.tampered = false
	failed := ev.Ret < 0 && ev.Ret >= -4095
	if failed == th.tamperNoFail {
		ev.TamperFailed = true
		return
	}
	if err := ptrace(unix.PTRACE_POKEUSR, th.tid, regRax, uintptr(th.tamperRet)); err != nil {
		ev.TamperFailed = true
		return
	}
	ev.Ret = th.tamperRet
}

// releaseHeld resumes the held threads whose time has come and finds the
// next release time.
func (t *Tracer) releaseHeld() {
	now := time.Now()
	var next time.Time
	n := 0 // counted afresh: a held thread may have been killed meanwhile
	for _, th := range t.threads {
		if !th.held {
			continue
		}
		if !th.holdUntil.After(now) {
			th.held = false
			t.resume(th, th.holdSig)
			continue
		}
		n++
		if next.IsZero() || th.holdUntil.Before(next) {
			next = th.holdUntil
		}
	}
	t.nheld, t.nextHold = n, next
}

// waitHeld is wait4 for the loop while threads are held: it also returns
// (0, nil) when the next release time comes. wait4 has no timeout, so a
// watcher goroutine blocks in waitid(WNOWAIT), which sees the stops of the
// loop thread's tracees too (a wait covers the children and tracees of
// every thread of the process) without reaping them, and says when one
// is ready; the loop then reaps it with a WNOHANG wait4. Only sessions
// with delays pay for this: the loop's plain wait4 is unchanged.
func (t *Tracer) waitHeld(ws *unix.WaitStatus, ru *unix.Rusage) (int, error) {
	for {
		tid, err := unix.Wait4(-1, ws, unix.WALL|unix.WNOHANG, ru)
		if t.acking {
			// The watcher may look again: what it saw is reaped.
			t.acking = false
			t.ack <- struct{}{}
		}
		if tid != 0 || err != nil {
			return tid, err
		}
		d := time.Until(t.nextHold)
		if d <= 0 {
			return 0, nil
		}
		t.startWatcher()
		tm := time.NewTimer(d)
		select {
		case <-t.ready:
			tm.Stop()
			t.acking = true
		case <-tm.C:
			return 0, nil
		}
	}
}

// startWatcher starts the goroutine of waitHeld once (again if it ended
// when no child was left).
func (t *Tracer) startWatcher() {
	if t.watching.Swap(true) {
		return
	}
	if t.ready == nil {
		t.ready, t.ack = make(chan struct{}), make(chan struct{})
	}
	go func() {
		var si unix.Siginfo
		for {
			err := unix.Waitid(unix.P_ALL, 0, &si, unix.WEXITED|unix.WSTOPPED|unix.WALL|unix.WNOWAIT, nil)
			if err == unix.EINTR {
				continue
			}
			if err != nil {
				t.watching.Store(false)
				return
			}
			t.ready <- struct{}{}
			<-t.ack
		}
	}()
}

// resume restarts a stopped thread until its next syscall stop, delivering
// sig (0 for none). A thread under the seccomp filter, outside a traced
// call, runs with PTRACE_CONT: its next traced call stops by the filter.
func (t *Tracer) resume(th *thread, sig int) {
	req := unix.PTRACE_SYSCALL
	if th.filtered && !th.inSyscall && !th.hidden || th.stubRun {
		req = unix.PTRACE_CONT
	}
	if err := ptrace(req, th.tid, 0, uintptr(sig)); err != nil {
		t.vanished(th, err)
	}
}

// vanished handles a failed request on a thread: ESRCH means it was killed
// (e.g. SIGKILL) while we looked at it; its exit status is still to come
// from wait4, so only the failure is swallowed.
func (t *Tracer) vanished(th *thread, err error) {
	_ = th
	_ = err
}

// detachAll detaches every tracee, leaving each running (or stopped if it
// was group-stopped, as it would be untraced), and pending signals
// delivered.
func (t *Tracer) detachAll() error {
	// Every thread is running or listening: interrupt each, then detach it
	// at its next stop. early: children let go before their parent's
	// clone event was seen; that event must not wait for them.
	var early map[int]bool
	for _, th := range t.threads {
		if th.held {
			// Stopped by a delay: cut it short. Held at an entry
			// whose number was replaced, it runs to the exit, where
			// its return value is set before it is let go.
			th.held = false
			t.nheld--
			if th.tampered {
				if err := ptrace(unix.PTRACE_SYSCALL, th.tid, 0, uintptr(th.holdSig)); err == nil {
					th.detaching = true
					continue
				}
			}
			t.detachOne(th, th.holdSig)
			continue
		}
		if th.dying {
			// It will not stop again; a thread-group leader that
			// exited before its threads stays a zombie until they
			// are gone, so waiting for it could take forever. The
			// kernel lets it go when the tracer exits.
			t.detachOne(th, -1)
			continue
		}
		if th.early {
			// Held in its first stop: it is stopped already.
			t.detachOne(th, 0)
			if early == nil {
				early = make(map[int]bool)
			}
			early[th.tid] = true
			continue
		}
		if err := ptrace(unix.PTRACE_INTERRUPT, th.tid, 0, 0); err != nil {
			t.dropThread(th.tid)
			continue
		}
		th.detaching = true
	}
	var ws unix.WaitStatus
	for len(t.threads) > 0 {
		tid, err := unix.Wait4(-1, &ws, unix.WALL, nil)
		if err != nil {
			if err == unix.EINTR {
				continue
			}
			if err == unix.ECHILD {
				break
			}
			return &Error{Op: "wait4", Pid: -1, Err: err}
		}
		th := t.threads[tid]
		if th == nil {
			if ws.Stopped() {
				// A new child whose first stop came before its
				// parent's clone event: let it go now, and not
				// wait for it when that event comes.
				if event(ws) == unix.PTRACE_EVENT_EXEC {
					// Not new: a non-leader thread that exec'd
					// under the tid of a leader already let go.
					if former, err := eventMsg(tid); err == nil {
						t.dropThread(former)
					}
				}
				_ = ptrace(unix.PTRACE_DETACH, tid, 0, 0)
				if early == nil {
					early = make(map[int]bool)
				}
				early[tid] = true
			}
			continue
		}
		if ws.Exited() || ws.Signaled() {
			t.handle(tid, ws)
			continue
		}
		if !ws.Stopped() {
			continue
		}
		sig := 0
		switch event(ws) {
		case 0:
			if s := int(ws.StopSignal()); s != int(unix.SIGTRAP)|0x80 {
				sig = s // a signal-delivery-stop: deliver it on detach
			} else if th.tampered {
				// The exit of a call whose number was replaced:
				// its return value is set, or the tracee would
				// see ENOSYS (or the replacement's result).
				if entry, ok := t.readSyscall(th); ok && !entry {
					t.finishTamper(th)
				}
			}
		case unix.PTRACE_EVENT_EXEC:
			// A non-leader thread exec'd and took tid: the thread
			// it was will not report again.
			if former, err := eventMsg(tid); err == nil && former != tid {
				t.dropThread(former)
			}
		case unix.PTRACE_EVENT_CLONE, unix.PTRACE_EVENT_FORK, unix.PTRACE_EVENT_VFORK:
			// A child born while detaching is traced already and
			// will report its first stop: detach it there too.
			if child, err := eventMsg(tid); err == nil && child > 0 {
				if _, ok := t.threads[child]; !ok && !early[child] {
					c := t.add(child)
					c.hidden, c.detaching = th.hidden, true
				}
			}
		}
		t.detachOne(th, sig)
	}
	return nil
}

// detachOne detaches a stopped thread, delivering sig; sig -1 (a dying
// thread) only forgets it.
func (t *Tracer) detachOne(th *thread, sig int) {
	t.dropThread(th.tid)
	if sig >= 0 {
		if err := ptrace(unix.PTRACE_DETACH, th.tid, 0, uintptr(sig)); err != nil {
			return
		}
	}
	if th.hidden {
		return
	}
	ev := &t.ev
	ev.Kind, ev.Tid, ev.Time, ev.InSys = Detached, th.tid, time.Now(), th.inSyscall
	t.report(ev)
}

// event returns the PTRACE_EVENT_* of a stop status (0 for none). x/sys's
// TrapCause reports it only for SIGTRAP stops, but group-stops under
// PTRACE_SEIZE carry PTRACE_EVENT_STOP with the stopping signal.
func event(ws unix.WaitStatus) int { return int(uint32(ws) >> 16) }

func eventMsg(tid int) (int, error) {
	var msg uint64
	err := ptracePtr(unix.PTRACE_GETEVENTMSG, tid, 0, unsafe.Pointer(&msg))
	return int(msg), err
}

// ptrace issues one request. RawSyscall: a ptrace request never blocks, so
// telling the scheduler (Syscall) would be wasted work on the hot path.
func ptrace(req, pid int, addr, data uintptr) error {
	_, _, e := unix.RawSyscall6(unix.SYS_PTRACE, uintptr(req), uintptr(pid), addr, data, 0, 0)
	if e != 0 {
		return e
	}
	return nil
}

func ptracePtr(req, pid int, addr uintptr, data unsafe.Pointer) error {
	_, _, e := unix.RawSyscall6(unix.SYS_PTRACE, uintptr(req), uintptr(pid), addr, uintptr(data), 0, 0)
	if e != 0 {
		return e
	}
	return nil
}

// stubPreempt says a SIGURG's siginfo is the Go runtime's preemption
// signal of -D's process (the launch child, a fork running no Go code,
// sends none): sent with tgkill (SI_TKILL). One sent just before the
// execve stays pending and is delivered to the command before its first
// instruction; the command itself cannot have sent it, having made no
// syscall yet.
//
// The sender is not checked: seen once with another pid (a Go runtime
// thread of the launch, before its exec), and nothing else can know the
// new program's thread before it made a syscall.
func stubPreempt(si *[128]byte) bool {
	const siTkill = -6
	return int32(binary.LittleEndian.Uint32(si[8:])) == siTkill
}
