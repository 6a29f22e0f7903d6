package unwind

import (
	"debug/elf"
	"io"
	"os"
	"sort"
	"strings"
	"syscall"

	"github.com/ianlancetaylor/demangle"
)

// Bounds on what is read of one ELF file: a tracee may map anything.
const (
	maxFileSize = 4 << 30  // larger files are not parsed
	maxSection  = 64 << 20 // .eh_frame or a symbol table larger than this is ignored
	maxSymbols  = 4 << 20
)

// Module is what the unwinder keeps of one ELF file: its loadable
// segments, its function symbols and its call frame information.
type Module struct {
	size  uint64 // the file's size: a symbol farther than this is no match
	loads []elf.ProgHeader
	syms  []symbol // sorted by value; equal values keep table order
	cfi   *cfiTable
	// shown holds the printed form of the symbols a stack has named so
	// far, by index in syms: demangled once, when first needed (a C++
	// library has tens of thousands of symbols; a stack names a few).
	shown map[int]string
}

type symbol struct {
	value uint64
	name  string
	order int // the symbol's rank in section, then table order
}

// LoadModule parses the ELF file at path. A file that is not ELF, or
// that cannot be read, gives an error; missing parts (no symbols, no
// .eh_frame) give a Module without them.
func LoadModule(path string) (*Module, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if st.Size() > maxFileSize {
		return nil, os.ErrInvalid
	}
	return parseModule(f, uint64(st.Size()))
}

func parseModule(r io.ReaderAt, size uint64) (m *Module, err error) {
	defer func() {
		// debug/elf is meant to fail cleanly on a corrupt file; this
		// guards the tracer should it not.
		if p := recover(); p != nil {
			m, err = nil, os.ErrInvalid
		}
	}()
	ef, err := elf.NewFile(r)
	if err != nil {
		return nil, err
	}
	if ef.Class != elf.ELFCLASS64 || ef.Machine != elf.EM_X86_64 {
		return nil, os.ErrInvalid
	}
	m = &Module{size: size}
	for _, p := range ef.Progs {
		if p.Type == elf.PT_LOAD {
			m.loads = append(m.loads, p.ProgHeader)
		}
	}
	m.syms = readSymbols(ef)
	if s := ef.Section(".eh_frame"); s != nil && s.Type != elf.SHT_NOBITS && s.Size <= maxSection {
		if data, err := s.Data(); err == nil {
			m.cfi = parseEhFrame(data, s.Addr)
		}
	}
	return m, nil
}

// readSymbols collects the defined function symbols of every symbol
// table, in section order (.dynsym and .symtab as the section headers
// list them), as libunwind searches them.
func readSymbols(ef *elf.File) []symbol {
	var out []symbol
	for _, s := range ef.Sections {
		var syms []elf.Symbol
		var err error
		switch s.Type {
		case elf.SHT_SYMTAB:
			if s.Size > maxSection {
				continue
			}
			syms, err = ef.Symbols()
		case elf.SHT_DYNSYM:
			if s.Size > maxSection {
				continue
			}
			syms, err = ef.DynamicSymbols()
		default:
			continue
		}
		if err != nil {
			continue
		}
		for _, sym := range syms {
			if elf.ST_TYPE(sym.Info) != elf.STT_FUNC || sym.Section == elf.SHN_UNDEF {
				continue
			}
			if len(out) >= maxSymbols {
				break
			}
			out = append(out, symbol{value: sym.Value, name: sym.Name, order: len(out)})
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].value < out[j].value })
	return out
}

// loadBias is what to add to the file's addresses to get the process's:
// the start of the mapping minus the address of the loadable segment that
// begins at the mapping's file offset (libunwind's rule).
func (m *Module) loadBias(mapStart, mapOff uint64) uint64 {
	for _, p := range m.loads {
		if p.Off == mapOff {
			return mapStart - p.Vaddr
		}
	}
	return 0
}

// Symbol names the function holding file address addr: the function
// symbol closest at or below it (the first in table order among equals),
// as libunwind chooses, and addr's offset from it. ok is false when there
// is none within the file's size.
func (m *Module) Symbol(addr uint64) (name string, off uint64, ok bool) {
	i := sort.Search(len(m.syms), func(i int) bool { return m.syms[i].value > addr })
	if i == 0 {
		return "", 0, false
	}
	v := m.syms[i-1].value
	j := sort.Search(i, func(k int) bool { return m.syms[k].value >= v })
	// Among symbols of the same value the first in table order wins;
	// SliceStable kept that order.
	s := m.syms[j]
	if addr-s.value >= m.size {
		return "", 0, false
	}
	return m.display(j), addr - s.value, true
}

// display is the name symbol i prints as: a C++ (Itanium ABI) or Rust
// name demangled, with its parameters, as strace's libiberty prints it
// (cplus_demangle with DMGL_AUTO | DMGL_PARAMS); any other name, or one
// that does not demangle, as it is.
func (m *Module) display(i int) string {
	name := m.syms[i].name
	if !strings.HasPrefix(name, "_Z") && !strings.HasPrefix(name, "_R") {
		return name
	}
	if d, ok := m.shown[i]; ok {
		return d
	}
	d := demangleName(name)
	if m.shown == nil {
		m.shown = make(map[int]string)
	}
	m.shown[i] = d
	return d
}

// demangleName demangles a C++ or Rust symbol name, or returns it
// unchanged. The demangler is bounded (a hostile symbol table cannot make
// it run away) and its failures are the name itself.
func demangleName(name string) (out string) {
	defer func() {
		if recover() != nil {
			out = name
		}
	}()
	limit := demangle.MaxLength(maxDemangleLength)
	if strings.Contains(name, "CI1") || strings.Contains(name, "CI2") {
		if d, ok := inheritingCtor(name, limit); ok {
			return d
		}
	}
	d, err := demangle.ToString(name, limit)
	if err != nil {
		return name
	}
	return d
}

// inheritingCtor demangles a name holding an inheriting constructor (C++11
// "using Base::Base"), which libiberty prints with the base class's name:
// srv::TlsConn::Conn(int), where the library would say TlsConn.
func inheritingCtor(name string, limit demangle.Option) (string, bool) {
	a, err := demangle.ToAST(name, limit)
	if err != nil {
		return "", false
	}
	c := a.Copy(func(n demangle.AST) demangle.AST {
		k, ok := n.(*demangle.Constructor)
		if !ok || k.Base == nil {
			return nil
		}
		base := k.Base
		for {
			q, ok := base.(*demangle.Qualified)
			if !ok {
				break
			}
			base = q.Name
		}
		return &demangle.Constructor{Name: base}
	}, func(demangle.AST) bool { return false })
	if c == nil {
		return "", false
	}
	return demangle.ASTToString(c, limit), true
}

// maxDemangleLength bounds the demangler's work per name (its MaxLength:
// log2 of the longest output).
const maxDemangleLength = 16

// modKey identifies a file's version: a file replaced on disk is parsed
// anew.
type modKey struct {
	path      string
	dev, ino  uint64
	mtime     int64
	mtimeNsec int64
	size      int64
}

func statKey(path string) (modKey, bool) {
	var st syscall.Stat_t
	if err := syscall.Stat(path, &st); err != nil {
		return modKey{}, false
	}
	return modKey{path: path, dev: st.Dev, ino: st.Ino, mtime: st.Mtim.Sec, mtimeNsec: st.Mtim.Nsec, size: st.Size}, true
}
