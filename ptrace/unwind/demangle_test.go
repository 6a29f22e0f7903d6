package unwind

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestDemangleName checks the printed form of symbols against what strace
// 6.1 prints for them (libiberty's cplus_demangle without DMGL_VERBOSE:
// binutils' c++filt adds it and spells std::ostream out), and that names
// which are not C++, or not valid, come back unchanged.
func TestDemangleName(t *testing.T) {
	for mangled, want := range map[string]string{
		"_ZN3srv4Conn5flushEi":              "srv::Conn::flush(int)",
		"_Z3runIN3srv4ConnEEvRT_PKc":        "void run<srv::Conn>(srv::Conn&, char const*)",
		"_ZNSo5flushEv":                     "std::ostream::flush()",
		"_ZN3srv4ConnlsEi":                  "srv::Conn::operator<<(int)",
		"_ZZ4mainENKUlRN3srv4ConnEE_clES1_": "main::{lambda(srv::Conn&)#1}::operator()(srv::Conn&) const",
		// An inheriting constructor prints with the base's name.
		"_ZN3srv7TlsConnCI2NS_4ConnEEi": "srv::TlsConn::Conn(int)",
		"_ZL9call_pollRN3srv4ConnE":     "call_poll(srv::Conn&)",
		"_Z4workv.cold":                 "work() [clone .cold]",
		// Rust, legacy (the hash dropped) and v0.
		"_ZN4core3fmt5write17h0123456789abcdefE": "core::fmt::write",
		"_RNvNtCs1234_7mycrate3foo3bar":          "mycrate::foo::bar",
		// Not C++, or not a valid name: as it is.
		"main":              "main",
		"__libc_start_main": "__libc_start_main",
		"_Z":                "_Z",
		"_ZN3srv":           "_ZN3srv",
		"_Z999999999999x":   "_Z999999999999x",
	} {
		assert.Equal(t, want, demangleName(mangled), mangled)
	}
}

// TestDemangleHostile feeds the demangler names a tracee's symbol table
// could hold to make it run away: deep nesting and back-references that
// multiply. It must return, bounded, without panicking.
func TestDemangleHostile(t *testing.T) {
	names := []string{
		"_Z" + strings.Repeat("N1a", 5000) + strings.Repeat("E", 5000) + "v",
		"_Z1fIJ" + strings.Repeat("S_", 2000) + "EEvv",
		"_Z1f" + strings.Repeat("PFv", 3000) + "v",
		"_ZN1aIJS_S_S_S_S_S_S_S_EEE",
	}
	for _, n := range names {
		out := demangleName(n)
		assert.LessOrEqual(t, len(out), max(len(n), 1<<maxDemangleLength), "output bounded for %.40q", n)
	}
	m := &Module{syms: []symbol{{value: 0x1000, name: names[0]}}, size: 1 << 20}
	name, off, ok := m.Symbol(0x1010)
	assert.True(t, ok)
	assert.Equal(t, uint64(0x10), off)
	assert.NotEmpty(t, name)
}
