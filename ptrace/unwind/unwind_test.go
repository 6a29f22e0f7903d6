package unwind

import (
	"debug/elf"
	"encoding/binary"
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestParseMaps(t *testing.T) {
	text := "55d0a0000000-55d0a0001000 r--p 00000000 08:01 1234   /usr/bin/prog\n" +
		"55d0a0001000-55d0a0002000 r-xp 00001000 08:01 1234   /usr/bin/prog\n" +
		"55d0a0002000-55d0a0003000 rw-p 00000000 00:00 0 \n" + // anonymous: left out
		"55d0a0002000-55d0a0003000 rw-p 00000000 00:00 0   [heap]\n" +
		"55d0a0002000-55d0a0003000 rw-p 00000000 00:00 0   [heap]\n" + // repeated range
		"55d0a0002800-55d0a0004000 rw-p 00000000 00:00 0   [overlap]\n" +
		"7ffd00000000-7ffd00002000 r-xp 00000000 00:00 0   [vdso]\n" +
		"garbage\n" +
		"7fff00000000-7fff00001000 r-xp 00000000 08:01 99   /tmp/a b (deleted)\n"
	m := ParseMaps([]byte(text))
	require.Len(t, m, 5)
	assert.Equal(t, Mapping{Start: 0x55d0a0001000, End: 0x55d0a0002000, Off: 0x1000, Exec: true, Path: "/usr/bin/prog", Dev: 8<<32 | 1, Ino: 1234}, m[1])
	assert.Equal(t, "[heap]", m[2].Path)
	assert.Equal(t, "[vdso]", m[3].Path)
	assert.Equal(t, "/tmp/a b (deleted)", m[4].Path)
	assert.Equal(t, 1, findIdx(m, 0x55d0a0001fff))
	assert.Equal(t, -1, findIdx(m, 0x55d0a0003000))
	assert.Equal(t, -1, findIdx(m, 0))
}

// TestSelfMaps: this test's own mappings hold its code.
func TestSelfMaps(t *testing.T) {
	m := readMaps(os.Getpid())
	require.NotEmpty(t, m)
	exe, err := os.Executable()
	require.NoError(t, err)
	found := false
	for _, x := range m {
		if x.Exec && x.Path == exe {
			found = true
		}
	}
	assert.True(t, found, "no executable mapping of %s", exe)
}

// libc finds the C library of this machine, as ld.so would.
func libc(t *testing.T) string {
	for _, p := range []string{"/lib/x86_64-linux-gnu/libc.so.6", "/usr/lib/x86_64-linux-gnu/libc.so.6", "/lib64/libc.so.6", "/usr/lib64/libc.so.6"} {
		if _, err := os.Stat(p); err == nil {
			return p
		}
	}
	t.Fatal("no libc.so.6 found")
	return ""
}

// TestModuleLibc: every dynamic function symbol of libc names itself at
// its own address (or an alias of the same address), and a few bytes in.
func TestModuleLibc(t *testing.T) {
	path := libc(t)
	mod, err := LoadModule(path)
	require.NoError(t, err)
	require.NotNil(t, mod.cfi)
	assert.NotEmpty(t, mod.cfi.fdes)
	ef, err := elf.Open(path)
	require.NoError(t, err)
	defer ef.Close()
	syms, err := ef.DynamicSymbols()
	require.NoError(t, err)
	byAddr := map[uint64][]string{}
	for _, s := range syms {
		if elf.ST_TYPE(s.Info) == elf.STT_FUNC && s.Section != elf.SHN_UNDEF {
			byAddr[s.Value] = append(byAddr[s.Value], s.Name)
		}
	}
	require.NotEmpty(t, byAddr)
	for addr, names := range byAddr {
		name, off, ok := mod.Symbol(addr)
		require.True(t, ok)
		assert.Equal(t, uint64(0), off)
		assert.Equal(t, names[0], name, "at %#x: aliases %v", addr, names)
		name2, off2, ok := mod.Symbol(addr + 1)
		if ok && len(byAddr[addr+1]) == 0 {
			assert.Equal(t, name, name2)
			assert.Equal(t, uint64(1), off2)
		}
	}
	// Every FDE's start address has a rule set, and the table is sorted.
	for i, f := range mod.cfi.fdes {
		if i > 0 {
			require.LessOrEqual(t, mod.cfi.fdes[i-1].lo, f.lo)
		}
		if _, ok := f.rulesAt(f.lo); !ok {
			t.Errorf("FDE %#x-%#x: CFA program fails", f.lo, f.hi)
		}
		assert.Same(t, &mod.cfi.fdes[i], mod.cfi.find(f.lo))
	}
}

// TestModuleTrue: /bin/true's entry point has call frame information
// whose CFA is rsp+8 with the return address at CFA-8 (or an undefined
// return address: _start, the outermost frame).
func TestModuleTrue(t *testing.T) {
	mod, err := LoadModule("/bin/true")
	require.NoError(t, err)
	ef, err := elf.Open("/bin/true")
	require.NoError(t, err)
	defer ef.Close()
	f := mod.cfi.find(ef.Entry)
	require.NotNil(t, f, "no FDE for the entry point %#x", ef.Entry)
	fr, ok := f.rulesAt(ef.Entry)
	require.True(t, ok)
	assert.Equal(t, uint64(regRSP), fr.cfaReg)
	assert.Equal(t, int64(8), fr.cfaOff)
	ra := fr.regs[regRIP]
	assert.True(t, ra.kind == ruleUndef || ra.kind == ruleOffset && ra.off == -8, "%+v", ra)
	_, err = LoadModule("/proc/self/status")
	assert.Error(t, err)
}

// fakeMem is memory at base: a slice of 64-bit words.
type fakeMem struct {
	base  uint64
	words []uint64
}

func (m *fakeMem) ReadMem(addr uint64, buf []byte) (int, error) {
	n := 0
	for n < len(buf) {
		a := addr + uint64(n)
		if a < m.base || a >= m.base+8*uint64(len(m.words)) {
			if n == 0 {
				return 0, os.ErrInvalid
			}
			return n, nil
		}
		var w [8]byte
		binary.LittleEndian.PutUint64(w[:], m.words[(a-m.base)/8])
		n += copy(buf[n:], w[(a-m.base)%8:])
	}
	return n, nil
}

// synthetic builds an .eh_frame: one CIE (CFA rsp+8, rip at CFA-8, z and
// R augmentations with pc-relative sdata4 pointers) and FDEs, each with
// its code range and program.
func synthetic(addr uint64, fdes []struct {
	lo, n uint64
	prog  []byte
}, signal bool) []byte {
	var b []byte
	aug := "zR"
	if signal {
		aug = "zRS"
	}
	cie := []byte{0, 0, 0, 0, 1}
	cie = append(cie, aug...)
	cie = append(cie, 0, 1, 0x78, 16, 1, 0x1b, 0x0c, 7, 8, 0x90, 1)
	for len(cie)%8 != 4 {
		cie = append(cie, 0)
	}
	b = binary.LittleEndian.AppendUint32(b, uint32(len(cie)))
	b = append(b, cie...)
	for _, f := range fdes {
		start := len(b)
		body := binary.LittleEndian.AppendUint32(nil, uint32(start+4)) // CIE pointer: back to offset 0
		at := addr + uint64(start) + 8
		body = binary.LittleEndian.AppendUint32(body, uint32(int32(int64(f.lo)-int64(at))))
		body = binary.LittleEndian.AppendUint32(body, uint32(f.n))
		body = append(body, 0)
		body = append(body, f.prog...)
		b = binary.LittleEndian.AppendUint32(b, uint32(len(body)))
		b = append(b, body...)
	}
	return binary.LittleEndian.AppendUint32(b, 0)
}

// TestSyntheticCFI walks three frames over made-up CFI and memory: a
// leaf with CFA rsp+8, a function that pushed rbp (CFA rbp+16, rbp saved
// at CFA-16) and an outermost one whose return address is undefined.
func TestSyntheticCFI(t *testing.T) {
	const text = 0x1000
	fdes := []struct {
		lo, n uint64
		prog  []byte
	}{
		{0x1000, 0x10, nil}, // leaf: the CIE's rules
		{0x1100, 0x40, []byte{0x41, 0x0e, 16, 0x86, 2, 0x41, 0x0d, 6}},    // push rbp; mov rsp,rbp
		{0x1200, 0x40, []byte{0x07, 16}},                                  // DW_CFA_undefined rip
		{0x1300, 0x40, []byte{0x0a, 0x41, 0x0e, 24, 0x0b, 0x0e, 8, 0x00}}, // remember, change, restore
	}
	eh := synthetic(0x2000, fdes, false)
	tab := parseEhFrame(eh, 0x2000)
	require.Len(t, tab.fdes, 4)
	assert.Nil(t, tab.find(0x1010))
	fr, ok := tab.find(0x1120).rulesAt(0x1120)
	require.True(t, ok)
	assert.Equal(t, uint64(regRBP), fr.cfaReg)
	assert.Equal(t, int64(16), fr.cfaOff)
	assert.Equal(t, rule{kind: ruleOffset, off: -16}, fr.regs[regRBP])
	fr, ok = tab.find(0x1100).rulesAt(0x1100)
	require.True(t, ok)
	assert.Equal(t, uint64(regRSP), fr.cfaReg)
	assert.Equal(t, int64(8), fr.cfaOff)
	// remember_state then restore_state brings the CFA back.
	fr, ok = tab.find(0x1301).rulesAt(0x1301)
	require.True(t, ok)
	assert.Equal(t, int64(8), fr.cfaOff)

	mod := &Module{size: 0x10000, cfi: tab, loads: []elf.ProgHeader{{Type: elf.PT_LOAD, Off: 0, Vaddr: 0}},
		syms: []symbol{{0x1000, "leaf", 0}, {0x1100, "mid", 1}, {0x1200, "outer", 2}}}
	const base = 0x7f0000000000
	// Stack: leaf's return address into mid at 0x1130; mid saved rbp
	// and returns into outer at 0x1210.
	const sp = 0x7ff000
	mem := &fakeMem{base: sp, words: []uint64{
		base + 0x1130, // [sp]: leaf returns into mid
		0,             // pad
		0xdead,        // [sp+16]: mid's saved rbp (rbp = sp+16)
		base + 0x1210, // [sp+24]: mid returns into outer
	}}
	u := New()
	u.procs[1] = &procMaps{gen: u.gen, maps: []Mapping{{Start: base, End: base + 0x10000, Exec: true, Path: "/x/prog"}},
		mods: []*Module{mod}, done: []bool{true}}
	regs := Regs{}
	regs[regRIP] = base + 0x1004
	regs[regRSP] = sp
	regs[regRBP] = sp + 16
	got := string(u.AppendStack(nil, 1, mem, &regs, false))
	want := " > /x/prog(leaf+0x4) [0x1004]\n" +
		" > /x/prog(mid+0x30) [0x1130]\n" +
		" > /x/prog(outer+0x10) [0x1210]\n"
	assert.Equal(t, want, got)

	// A pc outside every executable mapping ends the walk with
	// strace's error line.
	regs[regRIP] = 0x1234
	assert.Equal(t, " > unexpected_backtracing_error [0x1234]\n", string(u.AppendStack(nil, 1, mem, &regs, false)))
	// A captured stack names a frame without a symbol "FILE(+0x0)".
	mod.syms = nil
	regs[regRIP] = base + 0x1204
	assert.Equal(t, " > /x/prog(+0x0) [0x1204]\n", string(u.AppendStack(nil, 1, mem, &regs, true)))
	assert.Equal(t, " > /x/prog() [0x1204]\n", string(u.AppendStack(nil, 1, mem, &regs, false)))
}

// TestLoopingStack: a frame that returns to itself with the same CFA
// stops (libunwind's "no progress"); a frame chain that goes on forever
// stops at MaxFrames with strace's message.
func TestLoopingStack(t *testing.T) {
	const base = 0x7f0000000000
	const sp = 0x7ff000
	// The frame-pointer chain: rbp points at itself, returning to the
	// same pc: the CFA moves on each step? No: rbp+16 stays, so the
	// walk stops for lack of progress after one step.
	mem := &fakeMem{base: sp, words: []uint64{sp, base + 0x10, 0, 0}}
	u := New()
	u.procs[1] = &procMaps{gen: u.gen, maps: []Mapping{{Start: base, End: base + 0x1000, Exec: true, Path: "/x/jit"}},
		mods: []*Module{nil}, done: []bool{true}}
	regs := Regs{}
	regs[regRIP] = base + 0x10
	regs[regRSP] = sp - 8
	regs[regRBP] = sp
	out := string(u.AppendStack(nil, 1, mem, &regs, false))
	assert.LessOrEqual(t, strings.Count(out, "\n"), 3, out)

	// An endless chain of frames, each 16 bytes above the last.
	words := make([]uint64, 2*(MaxFrames+10))
	for i := 0; i+1 < len(words); i += 2 {
		words[i] = sp + uint64(8*(i+2)) // saved rbp: the next pair
		words[i+1] = base + 0x20        // return address
	}
	mem = &fakeMem{base: sp, words: words}
	regs[regRSP] = sp - 8
	regs[regRBP] = sp
	out = string(u.AppendStack(nil, 1, mem, &regs, false))
	assert.Equal(t, MaxFrames+1, strings.Count(out, "\n"))
	assert.True(t, strings.HasSuffix(out, " > too many stack frames\n"), out)
}

// TestExpr evaluates the PLT's CFA expression shape and the signal
// frame's register expressions.
func TestExpr(t *testing.T) {
	w := &walker{mem: &fakeMem{base: 0x1000, words: []uint64{0x42, 0x43}}}
	c := &cursor{}
	c.set(regRSP, 0x1000)
	c.set(regRIP, 0x500b)
	// rsp+8 + ((rip&15) >= 11) << 3
	expr := []byte{0x77, 8, 0x80, 0, 0x3f, 0x1a, 0x3b, 0x2a, 0x33, 0x24, 0x22}
	v, ok := w.evalExpr(expr, c, false, 0)
	require.True(t, ok)
	assert.Equal(t, uint64(0x1000+8+8), v)
	// breg7 8; deref
	v, ok = w.evalExpr([]byte{0x77, 8, 0x06}, c, false, 0)
	require.True(t, ok)
	assert.Equal(t, uint64(0x43), v)
	// Malformed ones fail and do not panic.
	for _, e := range [][]byte{nil, {0x06}, {0x1c}, {0x28}, {0x2f, 0xff, 0x7f}, {0x94, 9}, {0xff}, {0x1b, 0x30, 0x30}} {
		_, ok := w.evalExpr(e, c, false, 0)
		assert.False(t, ok, "%x", e)
	}
	// A loop made of skips ends at the step cap.
	_, ok = w.evalExpr([]byte{0x2f, 0xfd, 0xff}, c, false, 0)
	assert.False(t, ok)
}

// TestCorruptCFI: parsing and running truncated or random bytes never
// panics nor runs away.
func TestCorruptCFI(t *testing.T) {
	path := libc(t)
	ef, err := elf.Open(path)
	require.NoError(t, err)
	defer ef.Close()
	sec := ef.Section(".eh_frame")
	require.NotNil(t, sec)
	data, err := sec.Data()
	require.NoError(t, err)
	seed := uint32(1)
	for i := 0; i < 200; i++ {
		b := append([]byte(nil), data[:len(data)/(i%7+1)]...)
		for j := 0; j < 64; j++ {
			seed = seed*1664525 + 1013904223
			b[int(seed)%len(b)] = byte(seed >> 24)
		}
		tab := parseEhFrame(b, sec.Addr)
		for k := range tab.fdes {
			if k%37 == 0 {
				tab.fdes[k].rulesAt(tab.fdes[k].lo + uint64(k%5))
			}
		}
	}
}
