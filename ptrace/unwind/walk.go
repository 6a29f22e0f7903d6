// Package unwind walks the stack of a stopped tracee for -k, as strace
// 6.1 built with libunwind prints it: one line per frame, the frame's
// mapped file, the nearest function symbol at or below the pc, and the
// pc's offset in the file. The frames are found with the DWARF call frame
// information of each file (.eh_frame), falling back on the frame-pointer
// chain where there is none, with libunwind's rules.
package unwind

import (
	"encoding/binary"
	"strconv"

	"golang.org/x/sys/unix"
)

// MaxFrames is how many frames strace prints before it gives up with
// "too many stack frames".
const MaxFrames = 256

// maxModules bounds the parsed-file cache; past it the cache starts anew.
const maxModules = 512

// Memory reads the stopped tracee's memory.
type Memory interface {
	ReadMem(addr uint64, buf []byte) (int, error)
}

// Regs are the registers the unwinder starts from, in DWARF numbering
// (rax, rdx, rcx, rbx, rsi, rdi, rbp, rsp, r8…r15, rip).
type Regs [numRegs]uint64

// FromPtrace converts PTRACE_GETREGS's registers.
func FromPtrace(r *unix.PtraceRegs) Regs {
	return Regs{r.Rax, r.Rdx, r.Rcx, r.Rbx, r.Rsi, r.Rdi, r.Rbp, r.Rsp,
		r.R8, r.R9, r.R10, r.R11, r.R12, r.R13, r.R14, r.R15, r.Rip}
}

// Unwinder keeps, across walks, the parsed files (by path, device, inode,
// modification time and size) and each thread's mappings. It is used from
// one goroutine.
type Unwinder struct {
	mods  map[modKey]*Module // nil value: the file could not be parsed
	procs map[int]*procMaps
	gen   uint64
}

// procMaps is one thread's view of /proc/TID/maps, read again once the
// generation moves (a mapping changed in some tracee), as strace's cache.
type procMaps struct {
	gen  uint64
	maps []Mapping
	mods []*Module
	done []bool
}

// New returns an empty Unwinder.
func New() *Unwinder {
	return &Unwinder{mods: map[modKey]*Module{}, procs: map[int]*procMaps{}, gen: 1}
}

// Invalidate says a tracee's mappings changed (mmap, munmap, mprotect,
// brk, mremap, shmat, shmdt, remap_file_pages, execve): every thread's
// mappings are read again at its next walk.
func (u *Unwinder) Invalidate() { u.gen++ }

// Forget drops what is kept of a thread that is gone.
func (u *Unwinder) Forget(tid int) { delete(u.procs, tid) }

func (u *Unwinder) maps(tid int) *procMaps {
	p := u.procs[tid]
	if p != nil && p.gen == u.gen {
		return p
	}
	if p == nil {
		p = &procMaps{}
		u.procs[tid] = p
	}
	p.gen = u.gen
	p.maps = readMaps(tid)
	p.mods = make([]*Module, len(p.maps))
	p.done = make([]bool, len(p.maps))
	return p
}

// module returns the parsed file of mapping i, or nil.
func (u *Unwinder) module(p *procMaps, i int) *Module {
	m := &p.maps[i]
	if p.done[i] {
		return p.mods[i]
	}
	p.done[i] = true
	if m.Path == "" || m.Path[0] != '/' {
		return nil // [vdso], [stack]…: no file
	}
	key, ok := statKey(m.Path)
	if !ok {
		return nil
	}
	mod, seen := u.mods[key]
	if !seen {
		if len(u.mods) >= maxModules {
			u.mods = map[modKey]*Module{}
		}
		mod, _ = LoadModule(m.Path)
		u.mods[key] = mod
	}
	p.mods[i] = mod
	return mod
}

// cursor is one frame's registers: valid has bit n set when register n
// is known.
type cursor struct {
	regs    [numRegs]uint64
	valid   uint32
	cfa     uint64
	usePrev bool // a return address: look up the call, at pc-1
}

func (c *cursor) get(reg uint64) (uint64, bool) {
	if reg >= numRegs || c.valid&(1<<reg) == 0 {
		return 0, false
	}
	return c.regs[reg], true
}

func (c *cursor) set(reg uint64, v uint64) {
	if reg < numRegs {
		c.regs[reg] = v
		c.valid |= 1 << reg
	}
}

type walker struct {
	u   *Unwinder
	p   *procMaps
	mem Memory
}

func (w *walker) read(addr uint64) (uint64, bool) {
	var b [8]byte
	n, err := w.mem.ReadMem(addr, b[:])
	if err != nil || n != 8 {
		return 0, false
	}
	return binary.LittleEndian.Uint64(b[:]), true
}

// AppendStack appends the stack of thread tid, stopped with registers
// regs, as strace's lines (" > FILE(SYMBOL+0xOFF) [0xADDR]"). captured
// gives the form of a stack strace captured at a call's entry and printed
// later (exit, exit_group, execve), where a frame without a symbol prints
// "FILE(+0x0)" rather than "FILE()".
func (u *Unwinder) AppendStack(dst []byte, tid int, mem Memory, regs *Regs, captured bool) []byte {
	w := &walker{u: u, p: u.maps(tid), mem: mem}
	c := cursor{regs: *regs, valid: 1<<numRegs - 1}
	c.cfa = c.regs[regRSP]
	depth := 0
	for ; depth < MaxFrames; depth++ {
		ip := c.regs[regRIP]
		m := find(w.p.maps, ip)
		if m == nil || !m.Exec {
			if ip != 0 {
				dst = append(dst, " > unexpected_backtracing_error [0x"...)
				dst = strconv.AppendUint(dst, ip, 16)
				dst = append(dst, "]\n"...)
			}
			break
		}
		name, off := w.symbol(ip, c.usePrev)
		dst = append(dst, " > "...)
		dst = append(dst, m.Path...)
		dst = append(dst, '(')
		if name != "" || captured {
			dst = append(dst, name...)
			dst = append(dst, "+0x"...)
			dst = strconv.AppendUint(dst, off, 16)
		}
		dst = append(dst, ") [0x"...)
		dst = strconv.AppendUint(dst, ip-m.Start+m.Off, 16)
		dst = append(dst, "]\n"...)
		if !w.step(&c) {
			break
		}
	}
	if depth >= MaxFrames {
		dst = append(dst, " > too many stack frames\n"...)
	}
	return dst
}

// symbol names the function of a frame's pc as libunwind does: looked up
// at pc-1 for a return address, the offset still counted from pc.
func (w *walker) symbol(ip uint64, usePrev bool) (string, uint64) {
	at := ip
	if usePrev {
		at--
	}
	i := findIdx(w.p.maps, at)
	if i < 0 {
		return "", 0
	}
	m := &w.p.maps[i]
	mod := w.u.module(w.p, i)
	if mod == nil {
		return "", 0
	}
	bias := mod.loadBias(m.Start, m.Off)
	name, off, ok := mod.Symbol(at - bias)
	if !ok {
		return "", 0
	}
	if usePrev {
		off++
	}
	return name, off
}

// step moves c to the caller's frame; false ends the walk (the end of the
// stack, or a frame that cannot be unwound).
func (w *walker) step(c *cursor) bool {
	ip := c.regs[regRIP]
	at := ip
	if c.usePrev {
		at--
	}
	if i := findIdx(w.p.maps, at); i >= 0 {
		m := &w.p.maps[i]
		if mod := w.u.module(w.p, i); mod != nil && mod.cfi != nil {
			bias := mod.loadBias(m.Start, m.Off)
			if f := mod.cfi.find(at - bias); f != nil {
				return w.dwarfStep(c, f, at-bias, bias)
			}
		}
	}
	return w.fallbackStep(c)
}

// dwarfStep unwinds with the frame's FDE.
func (w *walker) dwarfStep(c *cursor, f *fde, pc, bias uint64) bool {
	fr, ok := f.rulesAt(pc)
	if !ok {
		return false
	}
	var cfa uint64
	if fr.cfaExpr != nil {
		if cfa, ok = w.evalExpr(fr.cfaExpr, c, false, 0); !ok {
			return false
		}
	} else {
		base, good := c.get(fr.cfaReg)
		if fr.cfaReg == regRSP {
			base, good = c.cfa, true
		}
		if !good {
			return false
		}
		cfa = base + uint64(fr.cfaOff)
	}
	next := cursor{cfa: cfa, usePrev: !f.cie.signal}
	ra := f.cie.raReg
	for reg := uint64(0); reg < numRegs; reg++ {
		ru := fr.regs[reg]
		var v uint64
		good := false
		switch ru.kind {
		case ruleSame:
			v, good = c.get(reg)
		case ruleUndef:
			if reg == ra {
				return false // the outermost frame
			}
		case ruleOffset:
			v, good = w.read(cfa + uint64(ru.off))
		case ruleValOffset:
			v, good = cfa+uint64(ru.off), true
		case ruleReg:
			v, good = c.get(ru.reg)
		case ruleExpr:
			var addr uint64
			if addr, good = w.evalExpr(ru.expr, c, true, cfa); good {
				v, good = w.read(addr)
			}
		case ruleValExpr:
			v, good = w.evalExpr(ru.expr, c, true, cfa)
		}
		if good {
			next.set(reg, v)
		} else if reg == ra {
			return false
		}
	}
	if ra >= numRegs {
		return false
	}
	// libunwind's stack pointer is the frame's CFA, whatever the rules.
	next.set(regRSP, cfa)
	if ra != regRIP {
		next.set(regRIP, next.regs[ra])
	}
	if next.regs[regRIP] == c.regs[regRIP] && cfa == c.cfa {
		return false // no progress: a loop
	}
	*c = next
	return true
}

// sigreturn is the x86-64 rt_sigreturn trampoline: mov $15,%rax; syscall.
var sigreturn = [9]byte{0x48, 0xc7, 0xc0, 0x0f, 0x00, 0x00, 0x00, 0x0f, 0x05}

// Offsets in the signal frame at the trampoline's stack pointer: the
// ucontext's general registers (struct sigcontext) start at 40.
var sigRegs = [numRegs]int{
	0: 13 * 8, 1: 12 * 8, 2: 14 * 8, 3: 11 * 8, 4: 9 * 8, 5: 8 * 8, 6: 10 * 8, 7: 15 * 8,
	8: 0, 9: 8, 10: 16, 11: 24, 12: 32, 13: 40, 14: 48, 15: 56, 16: 16 * 8,
}

// fallbackStep is libunwind's x86-64 step where there is no call frame
// information: a signal trampoline, a PLT stub, or else the frame-pointer
// chain, trusted only if it points a little above the current frame.
func (w *walker) fallbackStep(c *cursor) bool {
	ip := c.regs[regRIP]
	var code [12]byte
	n, _ := w.mem.ReadMem(ip, code[:])
	if n >= len(sigreturn) && [9]byte(code[:9]) == sigreturn {
		sp, ok := c.get(regRSP)
		if !ok {
			return false
		}
		sc := sp + 40
		next := cursor{usePrev: false}
		for reg, off := range sigRegs {
			if v, ok := w.read(sc + uint64(off)); ok {
				next.set(uint64(reg), v)
			}
		}
		if next.valid&(1<<regRIP) == 0 {
			return false
		}
		next.cfa = next.regs[regRSP]
		*c = next
		return true
	}
	if n >= 12 && code[0] == 0xff && code[1] == 0x25 && code[6] == 0x68 && code[11] == 0xe9 {
		// A PLT entry: the return address is at the stack pointer.
		ret, ok := w.read(c.cfa)
		if !ok {
			return false
		}
		next := *c
		next.cfa = c.cfa + 8
		next.set(regRSP, next.cfa)
		next.set(regRIP, ret)
		next.usePrev = true
		if ret == ip && next.cfa == c.cfa {
			return false
		}
		*c = next
		return true
	}
	rbp, ok := c.get(regRBP)
	if !ok || rbp == 0 {
		return false
	}
	if rbp < c.cfa || rbp-c.cfa > 0x4000 {
		return false
	}
	saved, ok := w.read(rbp)
	if !ok {
		return false
	}
	ret, ok := w.read(rbp + 8)
	if !ok {
		return false
	}
	// libunwind's frame-chain step moves its CFA by 16 from the
	// current one, not to rbp+16, and its stack pointer is the CFA: a
	// caller whose frame is not 16 bytes above unwinds from a wrong
	// slot, as strace's output shows (past a vDSO frame).
	next := cursor{cfa: c.cfa + 16, usePrev: true}
	next.set(regRBP, saved)
	next.set(regRSP, next.cfa)
	next.set(regRIP, ret)
	if ret == ip && next.cfa == c.cfa {
		return false
	}
	*c = next
	return true
}

// InvalidatesMaps says whether syscall nr (x86-64) changes the mappings:
// strace re-reads them after such a call's exit.
func InvalidatesMaps(nr int) bool {
	switch nr {
	case unix.SYS_MMAP, unix.SYS_MPROTECT, unix.SYS_MUNMAP, unix.SYS_BRK,
		unix.SYS_MREMAP, unix.SYS_SHMAT, unix.SYS_SHMDT, unix.SYS_REMAP_FILE_PAGES,
		unix.SYS_EXECVE, unix.SYS_EXECVEAT:
		return true
	}
	return false
}

// CapturedAtEntry says whether strace takes syscall nr's stack at its
// entry (the calls that do not return to their caller: exit, exit_group,
// and execve, execveat, whose caller is gone once they succeed).
func CapturedAtEntry(nr int) bool {
	switch nr {
	case unix.SYS_EXIT, unix.SYS_EXIT_GROUP, unix.SYS_EXECVE, unix.SYS_EXECVEAT:
		return true
	}
	return false
}
