package main

import (
	"bytes"
	"os"
	"strconv"

	"golang.org/x/sys/unix"
)

// pidNS translates a pid as a tracee sees it, in its own pid namespace (a
// container's), into the pid gotrace sees, for -Y (whose <comm> is the
// translated process's) and --decode-pids=pidns (which prints the
// translation: "1 /* 4242 in gotrace's PID NS */"), as strace does.
//
// A tracee in gotrace's own namespace costs one stat per thread. In
// another, a pid is looked up among the traced threads first (their NSpid
// lines are read once), then among every process in /proc; a hit is
// cached and checked again (its NSpid line) each time it is used, since a
// pid can be reused.
type pidNS struct {
	self    uint64            // inode of gotrace's pid namespace; 0 if unknown
	threads map[int]*nsThread // traced threads, by tid here
	cache   map[nsPid]int     // a pid in a namespace → the pid here
	known   func() []int      // the traced tids (candidates of a lookup)
}

// nsThread is a thread's pid namespace and its pids from gotrace's
// namespace down to its own (its NSpid line).
type nsThread struct {
	ino uint64
	ids []int // ids[0] is the pid here; ids[len-1] the pid in its own namespace
}

type nsPid struct {
	ino uint64
	pid int
}

// maxNSScan bounds a lookup's scan of /proc.
const maxNSScan = 1 << 16

func newPidNS(known func() []int) *pidNS {
	p := &pidNS{threads: map[int]*nsThread{}, cache: map[nsPid]int{}, known: known}
	var st unix.Stat_t
	if unix.Stat("/proc/self/ns/pid", &st) == nil {
		p.self = st.Ino
	}
	return p
}

// thread returns what is known of a traced thread, reading it once.
func (p *pidNS) thread(tid int) *nsThread {
	if t, ok := p.threads[tid]; ok {
		return t
	}
	t := readNSThread(tid)
	p.threads[tid] = t
	return t
}

// forget drops a thread that exited (its tid may be reused).
func (p *pidNS) forget(tid int) { delete(p.threads, tid) }

// translate returns the pid here of pid as thread tid sees it, and whether
// tid lives in another namespace (false: pid is the pid here). It returns
// 0, true when that namespace has no such process (any more).
func (p *pidNS) translate(tid, pid int) (int, bool) {
	t := p.thread(tid)
	if t == nil || p.self == 0 || t.ino == p.self {
		return pid, false
	}
	level := len(t.ids) - 1
	key := nsPid{t.ino, pid}
	if here, ok := p.cache[key]; ok {
		if c := readNSThread(here); c.is(t.ino, level, pid) {
			return here, true
		}
		delete(p.cache, key)
	}
	for _, cand := range p.known() {
		c := p.thread(cand)
		if c != nil && c.is(t.ino, level, pid) {
			p.cache[key] = c.ids[0]
			return c.ids[0], true
		}
	}
	if here := scanProc(t.ino, level, pid); here > 0 {
		p.cache[key] = here
		return here, true
	}
	return 0, true
}

// is says the thread is pid in namespace ino, found at the given level of
// the nesting (its own namespace, or one of its ancestors).
func (c *nsThread) is(ino uint64, level, pid int) bool {
	if c == nil || level >= len(c.ids) || c.ids[level] != pid {
		return false
	}
	if level == len(c.ids)-1 {
		return c.ino == ino
	}
	return ancestorNS(c.ids[0], len(c.ids)-1-level) == ino
}

// readNSThread reads /proc/TID/ns/pid and the NSpid line of
// /proc/TID/status; nil if the thread is gone or the kernel has neither.
func readNSThread(tid int) *nsThread {
	dir := "/proc/" + strconv.Itoa(tid)
	var st unix.Stat_t
	if unix.Stat(dir+"/ns/pid", &st) != nil {
		return nil
	}
	b, err := os.ReadFile(dir + "/status")
	if err != nil {
		return nil
	}
	i := bytes.Index(b, []byte("\nNSpid:"))
	if i < 0 {
		return nil
	}
	line := b[i+len("\nNSpid:"):]
	if j := bytes.IndexByte(line, '\n'); j >= 0 {
		line = line[:j]
	}
	t := &nsThread{ino: st.Ino}
	for _, f := range bytes.Fields(line) {
		n, err := strconv.Atoi(string(f))
		if err != nil {
			return nil
		}
		t.ids = append(t.ids, n)
	}
	if len(t.ids) == 0 || t.ids[0] != tid {
		return nil // /proc is not gotrace's namespace's
	}
	return t
}

// ancestorNS returns the inode of the pid namespace up levels above
// process pid's own (NS_GET_PARENT), or 0.
func ancestorNS(pid, up int) uint64 {
	fd, err := unix.Open("/proc/"+strconv.Itoa(pid)+"/ns/pid", unix.O_RDONLY|unix.O_CLOEXEC, 0)
	if err != nil {
		return 0
	}
	for ; up > 0; up-- {
		parent, err := unix.IoctlRetInt(fd, unix.NS_GET_PARENT)
		unix.Close(fd)
		if err != nil {
			return 0
		}
		fd = parent
	}
	defer unix.Close(fd)
	var st unix.Stat_t
	if unix.Fstat(fd, &st) != nil {
		return 0
	}
	return st.Ino
}

// scanProc looks for the process that is pid in namespace ino among every
// process of /proc (not their other threads), bounded.
func scanProc(ino uint64, level, pid int) int {
	d, err := os.Open("/proc")
	if err != nil {
		return 0
	}
	defer d.Close()
	names, _ := d.Readdirnames(maxNSScan)
	for _, name := range names {
		here, err := strconv.Atoi(name)
		if err != nil {
			continue
		}
		if c := readNSThread(here); c.is(ino, level, pid) {
			return here
		}
	}
	return 0
}
