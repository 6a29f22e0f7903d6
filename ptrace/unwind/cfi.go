package unwind

import (
	"encoding/binary"
	"sort"
)

// Bounds on call frame information: a corrupt or hostile file must not
// make the tracer loop or allocate without end.
const (
	maxFDEs       = 1 << 20 // FDEs kept of one .eh_frame
	maxCFISteps   = 4096    // CFA instructions run for one frame
	maxStateStack = 64      // DW_CFA_remember_state depth
	maxExprSteps  = 1024    // DWARF expression operations for one value
	maxExprStack  = 64
)

// numRegs is the DWARF register count kept: rax … r15 and the return
// address (rip), numbered as the x86-64 psABI does.
const numRegs = 17

// DWARF register numbers of x86-64.
const (
	regRBP = 6
	regRSP = 7
	regRIP = 16
)

// cie is a Common Information Entry.
type cie struct {
	codeAlign uint64
	dataAlign int64
	raReg     uint64
	fdeEnc    byte
	signal    bool // 'S': the FDEs are signal trampolines
	aug       bool // 'z'
	initial   []byte
}

// fde is a Frame Description Entry: the code [lo, hi) and its program.
type fde struct {
	lo, hi uint64
	cie    *cie
	instr  []byte
}

// cfiTable is the FDEs of one file sorted by start address (file
// addresses, before the load bias).
type cfiTable struct {
	fdes []fde
}

// DWARF exception-header pointer encodings.
const (
	peAbsptr  = 0x00
	peUleb    = 0x01
	peUdata2  = 0x02
	peUdata4  = 0x03
	peUdata8  = 0x04
	peSleb    = 0x09
	peSdata2  = 0x0a
	peSdata4  = 0x0b
	peSdata8  = 0x0c
	pePcrel   = 0x10
	peDatarel = 0x30
	peOmit    = 0xff
)

// reader walks a byte slice; any read past the end sets bad and returns 0.
type reader struct {
	b   []byte
	pos int
	bad bool
}

func (r *reader) u8() byte {
	if r.pos >= len(r.b) {
		r.bad = true
		return 0
	}
	v := r.b[r.pos]
	r.pos++
	return v
}

func (r *reader) fixed(n int) uint64 {
	if n < 0 || r.pos+n > len(r.b) || r.pos+n < r.pos {
		r.bad = true
		r.pos = len(r.b)
		return 0
	}
	var v uint64
	switch n {
	case 1:
		v = uint64(r.b[r.pos])
	case 2:
		v = uint64(binary.LittleEndian.Uint16(r.b[r.pos:]))
	case 4:
		v = uint64(binary.LittleEndian.Uint32(r.b[r.pos:]))
	case 8:
		v = binary.LittleEndian.Uint64(r.b[r.pos:])
	}
	r.pos += n
	return v
}

func (r *reader) uleb() uint64 {
	var v uint64
	var shift uint
	for {
		c := r.u8()
		if r.bad {
			return 0
		}
		if shift < 64 {
			v |= uint64(c&0x7f) << shift
		}
		shift += 7
		if c&0x80 == 0 {
			return v
		}
	}
}

func (r *reader) sleb() int64 {
	var v int64
	var shift uint
	var c byte
	for {
		c = r.u8()
		if r.bad {
			return 0
		}
		if shift < 64 {
			v |= int64(c&0x7f) << shift
		}
		shift += 7
		if c&0x80 == 0 {
			break
		}
	}
	if shift < 64 && c&0x40 != 0 {
		v |= -1 << shift
	}
	return v
}

func (r *reader) cstring() []byte {
	start := r.pos
	for r.pos < len(r.b) {
		if r.b[r.pos] == 0 {
			s := r.b[start:r.pos]
			r.pos++
			return s
		}
		r.pos++
	}
	r.bad = true
	return nil
}

// encoded reads a pointer in encoding enc; base is the address of
// .eh_frame's first byte (for pc-relative values).
func (r *reader) encoded(enc byte, base uint64) uint64 {
	if enc == peOmit {
		return 0
	}
	at := base + uint64(r.pos)
	var v uint64
	switch enc & 0x0f {
	case peAbsptr, peUdata8, peSdata8:
		v = r.fixed(8)
	case peUleb:
		v = r.uleb()
	case peUdata2:
		v = r.fixed(2)
	case peUdata4:
		v = r.fixed(4)
	case peSleb:
		v = uint64(r.sleb())
	case peSdata2:
		v = uint64(int64(int16(r.fixed(2))))
	case peSdata4:
		v = uint64(int64(int32(r.fixed(4))))
	default:
		r.bad = true
		return 0
	}
	switch enc & 0x70 {
	case 0:
	case pePcrel:
		v += at
	default:
		// textrel, datarel, funcrel: not used by x86-64 .eh_frame.
		r.bad = true
	}
	return v
}

// parseEhFrame reads the CIEs and FDEs of an .eh_frame section loaded at
// file address addr. Entries that do not parse are skipped; the table
// stops at the first malformed length.
func parseEhFrame(data []byte, addr uint64) *cfiTable {
	t := &cfiTable{}
	cies := map[int]*cie{}
	pos := 0
	for pos+4 <= len(data) && len(t.fdes) < maxFDEs {
		start := pos
		length := uint64(binary.LittleEndian.Uint32(data[pos:]))
		pos += 4
		if length == 0 {
			break // the terminator
		}
		if length == 0xffffffff {
			if pos+8 > len(data) {
				break
			}
			length = binary.LittleEndian.Uint64(data[pos:])
			pos += 8
		}
		if length > uint64(len(data)-pos) {
			break
		}
		end := pos + int(length)
		if end-pos < 4 {
			pos = end
			continue
		}
		idPos := pos
		id := binary.LittleEndian.Uint32(data[pos:])
		if id == 0 {
			if c := parseCIE(data[:end], pos+4, addr); c != nil {
				cies[start] = c
			}
		} else {
			cieAt := idPos - int(id)
			c := cies[cieAt]
			if c == nil && cieAt >= 0 && cieAt+4 <= len(data) {
				c = cieAt2(data, cieAt, addr)
				if c != nil {
					cies[cieAt] = c
				}
			}
			if c != nil {
				r := &reader{b: data[:end], pos: pos + 4}
				lo := r.encoded(c.fdeEnc, addr)
				n := r.encoded(c.fdeEnc&0x0f, addr)
				if c.hasAug() {
					alen := r.uleb()
					if alen > uint64(end-r.pos) {
						r.bad = true
					} else {
						r.pos += int(alen)
					}
				}
				if !r.bad && n > 0 && lo+n > lo {
					t.fdes = append(t.fdes, fde{lo: lo, hi: lo + n, cie: c, instr: data[r.pos:end]})
				}
			}
		}
		pos = end
	}
	sort.SliceStable(t.fdes, func(i, j int) bool { return t.fdes[i].lo < t.fdes[j].lo })
	return t
}

// cieAt2 parses the CIE whose length field is at pos (one named by an FDE
// before the scan reached it).
func cieAt2(data []byte, pos int, addr uint64) *cie {
	length := uint64(binary.LittleEndian.Uint32(data[pos:]))
	body := pos + 4
	if length == 0xffffffff || length < 4 || length > uint64(len(data)-body) {
		return nil
	}
	end := body + int(length)
	if binary.LittleEndian.Uint32(data[body:]) != 0 {
		return nil
	}
	return parseCIE(data[:end], body+4, addr)
}

// hasAug says the CIE has a 'z' augmentation: its FDEs carry
// augmentation data to skip.
func (c *cie) hasAug() bool { return c.aug }

func parseCIE(data []byte, pos int, addr uint64) *cie {
	r := &reader{b: data, pos: pos}
	version := r.u8()
	if version != 1 && version != 3 && version != 4 {
		return nil
	}
	augStr := r.cstring()
	if version == 4 {
		r.u8() // address size
		r.u8() // segment selector size
	}
	c := &cie{fdeEnc: peAbsptr}
	c.codeAlign = r.uleb()
	c.dataAlign = r.sleb()
	if version == 1 {
		c.raReg = uint64(r.u8())
	} else {
		c.raReg = r.uleb()
	}
	if len(augStr) > 0 && augStr[0] == 'z' {
		c.aug = true
		alen := r.uleb()
		augEnd := r.pos + int(alen)
		if alen > uint64(len(data)) || augEnd > len(data) {
			return nil
		}
		for _, ch := range augStr[1:] {
			switch ch {
			case 'L':
				r.u8()
			case 'P':
				enc := r.u8()
				r.encoded(enc&0x7f, addr)
			case 'R':
				c.fdeEnc = r.u8()
			case 'S':
				c.signal = true
			case 'B', 'G':
			default:
				// An unknown letter: its data is skipped by the length.
				r.pos = augEnd
			}
		}
		if r.pos > augEnd {
			return nil
		}
		r.pos = augEnd
	} else if len(augStr) > 0 {
		if string(augStr) != "eh" {
			return nil
		}
		r.fixed(8)
	}
	if r.bad {
		return nil
	}
	c.initial = data[r.pos:]
	return c
}

// find returns the FDE whose range holds pc, or nil.
func (t *cfiTable) find(pc uint64) *fde {
	if t == nil {
		return nil
	}
	i := sort.Search(len(t.fdes), func(i int) bool { return t.fdes[i].lo > pc })
	// FDEs may overlap in a malformed file: look back a little.
	for k := i - 1; k >= 0 && k >= i-4; k-- {
		if f := &t.fdes[k]; f.lo <= pc && pc < f.hi {
			return f
		}
	}
	return nil
}

// Register rules.
type ruleKind uint8

const (
	ruleSame      ruleKind = iota // unchanged (the default)
	ruleUndef                     // no value: for the return address, the end of the stack
	ruleOffset                    // saved at CFA+off
	ruleValOffset                 // the value CFA+off
	ruleReg                       // in register reg
	ruleExpr                      // saved at the address the expression gives
	ruleValExpr                   // the value the expression gives
)

type rule struct {
	kind ruleKind
	reg  uint64
	off  int64
	expr []byte
}

// frameRules is a row of the CFA table.
type frameRules struct {
	cfaReg  uint64
	cfaOff  int64
	cfaExpr []byte // DW_CFA_def_cfa_expression, else nil
	regs    [numRegs]rule
}

// DW_CFA opcodes.
const (
	cfaNop              = 0x00
	cfaSetLoc           = 0x01
	cfaAdvanceLoc1      = 0x02
	cfaAdvanceLoc2      = 0x03
	cfaAdvanceLoc4      = 0x04
	cfaOffsetExtended   = 0x05
	cfaRestoreExtended  = 0x06
	cfaUndefined        = 0x07
	cfaSameValue        = 0x08
	cfaRegister         = 0x09
	cfaRememberState    = 0x0a
	cfaRestoreState     = 0x0b
	cfaDefCfa           = 0x0c
	cfaDefCfaRegister   = 0x0d
	cfaDefCfaOffset     = 0x0e
	cfaDefCfaExpression = 0x0f
	cfaExpression       = 0x10
	cfaOffsetExtendedSf = 0x11
	cfaDefCfaSf         = 0x12
	cfaDefCfaOffsetSf   = 0x13
	cfaValOffset        = 0x14
	cfaValOffsetSf      = 0x15
	cfaValExpression    = 0x16
	cfaGNUArgsSize      = 0x2e
	cfaGNUNegOffsetExt  = 0x2f
)

// rulesAt runs the CIE's initial instructions, then the FDE's up to the
// row that holds pc (a file address). ok is false on a malformed program.
func (f *fde) rulesAt(pc uint64) (fr frameRules, ok bool) {
	c := f.cie
	steps := 0
	if !run(&fr, nil, c, c.initial, 0, ^uint64(0), &steps) {
		return fr, false
	}
	initial := fr
	if !run(&fr, &initial, c, f.instr, f.lo, pc, &steps) {
		return fr, false
	}
	return fr, true
}

// run executes CFA instructions from location loc, stopping before the
// first row that starts past pc. initial is the CIE's row for
// DW_CFA_restore (nil while running the CIE itself).
func run(fr *frameRules, initial *frameRules, c *cie, prog []byte, loc, pc uint64, steps *int) bool {
	r := &reader{b: prog}
	var stack []frameRules
	setReg := func(reg uint64, ru rule) {
		if reg < numRegs {
			fr.regs[reg] = ru
		}
	}
	restore := func(reg uint64) {
		if reg >= numRegs {
			return
		}
		if initial != nil {
			fr.regs[reg] = initial.regs[reg]
		} else {
			fr.regs[reg] = rule{}
		}
	}
	advance := func(delta uint64) bool {
		loc += delta * c.codeAlign
		return loc <= pc
	}
	for r.pos < len(r.b) {
		if *steps++; *steps > maxCFISteps {
			return false
		}
		op := r.u8()
		switch op >> 6 {
		case 1: // DW_CFA_advance_loc
			if !advance(uint64(op & 0x3f)) {
				return true
			}
			continue
		case 2: // DW_CFA_offset
			setReg(uint64(op&0x3f), rule{kind: ruleOffset, off: int64(r.uleb()) * c.dataAlign})
			continue
		case 3: // DW_CFA_restore
			restore(uint64(op & 0x3f))
			continue
		}
		switch op {
		case cfaNop:
		case cfaSetLoc:
			v := r.fixed(8)
			if v > pc {
				return true
			}
			loc = v
		case cfaAdvanceLoc1:
			if !advance(r.fixed(1)) {
				return true
			}
		case cfaAdvanceLoc2:
			if !advance(r.fixed(2)) {
				return true
			}
		case cfaAdvanceLoc4:
			if !advance(r.fixed(4)) {
				return true
			}
		case cfaOffsetExtended:
			reg := r.uleb()
			setReg(reg, rule{kind: ruleOffset, off: int64(r.uleb()) * c.dataAlign})
		case cfaRestoreExtended:
			restore(r.uleb())
		case cfaUndefined:
			setReg(r.uleb(), rule{kind: ruleUndef})
		case cfaSameValue:
			setReg(r.uleb(), rule{kind: ruleSame})
		case cfaRegister:
			reg := r.uleb()
			setReg(reg, rule{kind: ruleReg, reg: r.uleb()})
		case cfaRememberState:
			if len(stack) >= maxStateStack {
				return false
			}
			stack = append(stack, *fr)
		case cfaRestoreState:
			if len(stack) == 0 {
				return false
			}
			// The CFA rule comes back too, as libgcc and
			// libunwind keep it with the register rules.
			*fr = stack[len(stack)-1]
			stack = stack[:len(stack)-1]
		case cfaDefCfa:
			fr.cfaReg = r.uleb()
			fr.cfaOff = int64(r.uleb())
			fr.cfaExpr = nil
		case cfaDefCfaSf:
			fr.cfaReg = r.uleb()
			fr.cfaOff = r.sleb() * c.dataAlign
			fr.cfaExpr = nil
		case cfaDefCfaRegister:
			fr.cfaReg = r.uleb()
			fr.cfaExpr = nil
		case cfaDefCfaOffset:
			fr.cfaOff = int64(r.uleb())
		case cfaDefCfaOffsetSf:
			fr.cfaOff = r.sleb() * c.dataAlign
		case cfaDefCfaExpression:
			fr.cfaExpr = r.block()
		case cfaExpression:
			reg := r.uleb()
			setReg(reg, rule{kind: ruleExpr, expr: r.block()})
		case cfaValExpression:
			reg := r.uleb()
			setReg(reg, rule{kind: ruleValExpr, expr: r.block()})
		case cfaOffsetExtendedSf:
			reg := r.uleb()
			setReg(reg, rule{kind: ruleOffset, off: r.sleb() * c.dataAlign})
		case cfaValOffset:
			reg := r.uleb()
			setReg(reg, rule{kind: ruleValOffset, off: int64(r.uleb()) * c.dataAlign})
		case cfaValOffsetSf:
			reg := r.uleb()
			setReg(reg, rule{kind: ruleValOffset, off: r.sleb() * c.dataAlign})
		case cfaGNUArgsSize:
			r.uleb()
		case cfaGNUNegOffsetExt:
			reg := r.uleb()
			setReg(reg, rule{kind: ruleOffset, off: -int64(r.uleb()) * c.dataAlign})
		default:
			return false
		}
		if r.bad {
			return false
		}
	}
	return true
}

// block reads a ULEB length and that many bytes.
func (r *reader) block() []byte {
	n := r.uleb()
	if r.bad || n > uint64(len(r.b)-r.pos) {
		r.bad = true
		r.pos = len(r.b)
		return nil
	}
	b := r.b[r.pos : r.pos+int(n)]
	r.pos += int(n)
	return b
}
