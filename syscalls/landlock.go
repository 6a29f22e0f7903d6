package syscalls

import (
	"encoding/binary"

	"golang.org/x/sys/unix"
)

// Landlock (landlock_create_ruleset, landlock_add_rule,
// landlock_restrict_self) and memfd_secret.

// landlock.go's flag and value sets are listed in xlat/landlock.txt, from
// which go generate writes zxlat.go.

const (
	// landlockRulesetAttrSize is the struct landlock_ruleset_attr strace
	// 6.1 knows: handled_access_fs alone; a larger size shows as "...".
	landlockRulesetAttrSize = 8
	// landlockPathBeneathSize is the packed struct
	// landlock_path_beneath_attr: allowed_access, parent_fd.
	landlockPathBeneathSize = 12
)

// rulesetAttr appends landlock_create_ruleset's attribute of size bytes.
func (d *Decoder) rulesetAttr(addr, size uint64) {
	if size < landlockRulesetAttrSize {
		d.Addr(addr)
		return
	}
	b, ok := d.Read(addr, landlockRulesetAttrSize)
	if !ok {
		d.Addr(addr)
		return
	}
	d.S("{handled_access_fs=")
	d.Flags(landlockAccessFs, binary.LittleEndian.Uint64(b), "LANDLOCK_ACCESS_FS_???")
	if size > landlockRulesetAttrSize {
		d.S(", ...")
	}
	d.S("}")
}

// pathBeneath appends struct landlock_path_beneath_attr.
func (d *Decoder) pathBeneath(addr uint64) {
	b, ok := d.Read(addr, landlockPathBeneathSize)
	if !ok {
		d.Addr(addr)
		return
	}
	d.S("{allowed_access=")
	d.Flags(landlockAccessFs, binary.LittleEndian.Uint64(b), "LANDLOCK_ACCESS_FS_???")
	d.S(", parent_fd=")
	d.Fd(int(int32(binary.LittleEndian.Uint32(b[8:]))))
	d.S("}")
}

var (
	// RulesetAttr prints landlock_create_ruleset's attribute; its size
	// is the next argument.
	RulesetAttr = &Arg{Print: func(d *Decoder, c *Call, i int) { d.rulesetAttr(c.Args[i], c.Args[i+1]) }}
	// LandlockCreateFlags prints landlock_create_ruleset's flags; with
	// LANDLOCK_CREATE_RULESET_VERSION the call returns the ABI version,
	// not an fd.
	LandlockCreateFlags = &Arg{Print: func(d *Decoder, c *Call, i int) {
		f := uint64(uint32(c.Args[i]))
		if f&unix.LANDLOCK_CREATE_RULESET_VERSION != 0 {
			retAs(c, RetDec)
		}
		d.Flags(landlockCreateFlags, f, "LANDLOCK_CREATE_RULESET_???")
	}}
	// LandlockRuleType prints landlock_add_rule's rule type.
	LandlockRuleType = &Arg{Print: func(d *Decoder, c *Call, i int) {
		d.Value(landlockRuleTypes, uint64(uint32(c.Args[i])), "LANDLOCK_RULE_???")
	}}
	// LandlockRuleAttr prints landlock_add_rule's attribute by rule type
	// (args[1]): a struct landlock_path_beneath_attr, else its address.
	LandlockRuleAttr = &Arg{Print: func(d *Decoder, c *Call, i int) {
		if uint32(c.Args[1]) == unix.LANDLOCK_RULE_PATH_BENEATH {
			d.pathBeneath(c.Args[i])
			return
		}
		d.Addr(c.Args[i])
	}}
	// HexUint prints an unsigned int in hex (flags no name is known for).
	HexUint = &Arg{Print: func(d *Decoder, c *Call, i int) { d.Hex(uint64(uint32(c.Args[i]))) }}
	// MemfdSecretFlags prints memfd_secret's flags (O_CLOEXEC; other bits
	// in hex without a comment).
	MemfdSecretFlags = &Arg{Print: func(d *Decoder, c *Call, i int) {
		d.Flags(memfdSecretFlags, uint64(uint32(c.Args[i])), "")
	}}
)
