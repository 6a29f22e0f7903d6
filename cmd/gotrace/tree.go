package main

// --tree: attach to each -p PID and to every process descended from it,
// with their threads under -f. Children born after a parent was attached
// are followed by the kernel (PTRACE_O_TRACEFORK); those born before it
// are found by walking the parent links in /proc/*/stat, again after each
// round of attaches, until a round finds no one new.

import (
	"bytes"
	"os"
	"strconv"
)

// treeRounds bounds the walk: each round attaches every descendant known so
// far, so only a process that forks faster than we attach needs another.
const treeRounds = 16

// parents maps every visible process to its parent, from /proc/*/stat.
func parents() map[int]int {
	d, err := os.Open("/proc")
	if err != nil {
		return nil
	}
	defer d.Close()
	names, _ := d.Readdirnames(-1)
	m := make(map[int]int, len(names))
	var buf [512]byte
	for _, n := range names {
		pid, err := strconv.Atoi(n)
		if err != nil {
			continue
		}
		if ppid, ok := readPPid(pid, buf[:]); ok {
			m[pid] = ppid
		}
	}
	return m
}

// readPPid reads the fourth field of /proc/PID/stat. The second, the
// command name in parentheses, may hold spaces and parentheses itself, so
// fields are counted from the last ')'.
func readPPid(pid int, buf []byte) (int, bool) {
	f, err := os.Open("/proc/" + strconv.Itoa(pid) + "/stat")
	if err != nil {
		return 0, false
	}
	n, _ := f.Read(buf)
	f.Close()
	b := buf[:n]
	i := bytes.LastIndexByte(b, ')')
	if i < 0 {
		return 0, false
	}
	fields := bytes.Fields(b[i+1:])
	if len(fields) < 2 {
		return 0, false
	}
	ppid, err := strconv.Atoi(string(fields[1]))
	return ppid, err == nil
}

// descendants returns the processes below the roots in m (not the roots),
// parents before children.
func descendants(m map[int]int, roots map[int]bool) []int {
	kids := make(map[int][]int)
	for pid, ppid := range m {
		kids[ppid] = append(kids[ppid], pid)
	}
	var out []int
	queue := make([]int, 0, len(roots))
	for r := range roots {
		queue = append(queue, r)
	}
	seen := make(map[int]bool)
	for len(queue) > 0 {
		p := queue[0]
		queue = queue[1:]
		for _, c := range kids[p] {
			if seen[c] || roots[c] {
				continue
			}
			seen[c] = true
			out = append(out, c)
			queue = append(queue, c)
		}
	}
	return out
}

// attachTree attaches every descendant of the already attached roots,
// calling attach for each process not yet traced (attach reports whether
// it succeeded). It returns how many it attached.
func attachTree(roots []int, traced func(pid int) bool, attach func(pid int) bool) int {
	set := make(map[int]bool, len(roots))
	for _, r := range roots {
		set[r] = true
	}
	n := 0
	for round := 0; round < treeRounds; round++ {
		added := false
		for _, pid := range descendants(parents(), set) {
			set[pid] = true
			if traced(pid) {
				continue
			}
			if attach(pid) {
				added = true
				n++
			}
		}
		if !added {
			break
		}
	}
	return n
}
