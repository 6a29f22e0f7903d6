package syscalls

import (
	"encoding/binary"

	"golang.org/x/sys/unix"

	"github.com/gotrace/gotrace/format"
)

// Key management: add_key, request_key, keyctl.

// keys.go's flag and value sets are listed in xlat/keys.txt, from which go
// generate writes zxlat.go.

// keyID turns a key serial number (an int, negative for the KEY_SPEC_*
// ids) into a value-set key, sign-extended as keySerial looks it up.
func keyID(v int64) uint64 { return uint64(v) }

// Sizes of the keyctl structures (uapi linux/keyctl.h).
const (
	keyctlDHParamsSize   = 12 // three key_serial_t
	keyctlKDFParamsSize  = 56 // hashname, otherinfo, otherinfolen, __spare[8]
	keyctlPkeyQuerySize  = 56 // supported_ops, key_size, four __u16, __spare[10]
	keyctlPkeyParamsSize = 40 // key_id, in_len, out_len/in2_len, __spare[7]
)

// keySerial appends a key serial number: a KEY_SPEC_* name, else decimal.
func (d *Decoder) keySerial(v uint64) {
	d.ValueDec(keySpecs, keyID(int64(int32(v))), "")
}

// keyStr appends n bytes of key data at addr (printstrn: no NUL ends it).
func (d *Decoder) keyStr(addr, n uint64) { d.strN(addr, n, 0) }

// spareU32s appends ", name=[0x…, …]" when the __spare words of a keyctl
// structure are not all zero.
func (d *Decoder) spareU32s(b []byte) {
	zero := true
	for _, c := range b {
		if c != 0 {
			zero = false
		}
	}
	if zero {
		return
	}
	d.S(", __spare=[")
	for k := 0; k+4 <= len(b); k += 4 {
		if k > 0 {
			d.S(", ")
		}
		d.Hex(uint64(binary.LittleEndian.Uint32(b[k:])))
	}
	d.S("]")
}

// dhParams appends struct keyctl_dh_params {private, prime, base}.
func (d *Decoder) dhParams(addr uint64) {
	b, ok := d.Read(addr, keyctlDHParamsSize)
	if !ok {
		d.Addr(addr)
		return
	}
	for k, name := range [...]string{"{private=", ", prime=", ", base="} {
		d.S(name)
		d.keySerial(uint64(binary.LittleEndian.Uint32(b[4*k:])))
	}
	d.S("}")
}

// kdfParams appends struct keyctl_kdf_params: otherinfo is a string of
// otherinfolen bytes, or a pointer when that is zero.
func (d *Decoder) kdfParams(addr uint64) {
	b, ok := d.Read(addr, keyctlKDFParamsSize)
	if !ok {
		d.Addr(addr)
		return
	}
	var v [keyctlKDFParamsSize]byte
	copy(v[:], b)
	hash := binary.LittleEndian.Uint64(v[0:])
	other := binary.LittleEndian.Uint64(v[8:])
	olen := binary.LittleEndian.Uint32(v[16:])
	d.S("{hashname=")
	d.Str(hash)
	d.S(", otherinfo=")
	if olen != 0 {
		d.keyStr(other, uint64(olen))
	} else {
		d.Addr(other)
	}
	d.S(", otherinfolen=")
	d.Uint(uint64(olen))
	d.spareU32s(v[20:52])
	d.S("}")
}

// pkeyQuery appends struct keyctl_pkey_query.
func (d *Decoder) pkeyQuery(addr uint64) {
	b, ok := d.Read(addr, keyctlPkeyQuerySize)
	if !ok {
		d.Addr(addr)
		return
	}
	var v [keyctlPkeyQuerySize]byte
	copy(v[:], b)
	d.S("{supported_ops=")
	d.Flags(keyctlPkeyOps, uint64(binary.LittleEndian.Uint32(v[0:])), "KEYCTL_SUPPORTS_???")
	d.S(", key_size=")
	d.Uint(uint64(binary.LittleEndian.Uint32(v[4:])))
	for k, name := range [...]string{", max_data_size=", ", max_sig_size=", ", max_enc_size=", ", max_dec_size="} {
		d.S(name)
		d.Uint(uint64(binary.LittleEndian.Uint16(v[8+2*k:])))
	}
	d.spareU32s(v[16:56])
	d.S("}")
}

// pkeyParams appends struct keyctl_pkey_params with out_len (out) or
// in2_len, and returns its lengths (ok false when unreadable).
func (d *Decoder) pkeyParams(addr uint64, out bool) (in, in2 uint32, ok bool) {
	b, ok := d.Read(addr, keyctlPkeyParamsSize)
	if !ok {
		d.Addr(addr)
		return 0, 0, false
	}
	var v [keyctlPkeyParamsSize]byte
	copy(v[:], b)
	in = binary.LittleEndian.Uint32(v[4:])
	in2 = binary.LittleEndian.Uint32(v[8:])
	d.S("{key_id=")
	d.keySerial(uint64(binary.LittleEndian.Uint32(v[0:])))
	d.S(", in_len=")
	d.Uint(uint64(in))
	if out {
		d.S(", out_len=")
	} else {
		d.S(", in2_len=")
	}
	d.Uint(uint64(in2))
	d.spareU32s(v[12:40])
	d.S("}")
	return in, in2, true
}

// keyErr appends KEYCTL_REJECT's error: its errno name, else decimal.
func (d *Decoder) keyErr(v uint32) {
	name := ErrnoName(int(v))
	if v == 0 || v > 4095 {
		name = ""
	}
	switch {
	case name == "" || d.Opts.Style == format.Raw:
		d.Uint(uint64(v))
	case d.Opts.Style == format.Verbose:
		d.Uint(uint64(v))
		d.S(" /* ")
		d.S(name)
		d.S(" */")
	default:
		d.S(name)
	}
}

// uid appends a uid or gid argument: -1 as -1, else unsigned.
func (d *Decoder) uid(v uint64) { d.id(uint32(v)) }

// keyctlEnter prints keyctl's arguments after the command at entry, up to
// those the call fills. Enter has appended ", ".
func keyctlEnter(d *Decoder, c *Call, i int) {
	cmd := uint32(c.Args[0])
	a := c.Args[1:]
	switch cmd {
	case unix.KEYCTL_GET_KEYRING_ID:
		d.keySerial(a[0])
		d.S(", ")
		d.Int(int64(int32(a[1])))
	case unix.KEYCTL_JOIN_SESSION_KEYRING:
		d.Str(a[0])
	case unix.KEYCTL_UPDATE:
		d.keySerial(a[0])
		d.S(", ")
		d.keyStr(a[1], a[2])
		d.S(", ")
		d.Uint(a[2])
	case unix.KEYCTL_REVOKE, unix.KEYCTL_CLEAR, unix.KEYCTL_INVALIDATE, unix.KEYCTL_ASSUME_AUTHORITY:
		d.keySerial(a[0])
	case unix.KEYCTL_LINK, unix.KEYCTL_UNLINK:
		d.keySerial(a[0])
		d.S(", ")
		d.keySerial(a[1])
	case unix.KEYCTL_DESCRIBE, unix.KEYCTL_READ, unix.KEYCTL_GET_SECURITY:
		d.keySerial(a[0])
		d.S(", ")
	case unix.KEYCTL_SEARCH:
		d.keySerial(a[0])
		d.S(", ")
		d.Str(a[1])
		d.S(", ")
		d.Str(a[2])
		d.S(", ")
		d.keySerial(a[3])
	case unix.KEYCTL_CHOWN:
		d.keySerial(a[0])
		d.S(", ")
		d.uid(a[1])
		d.S(", ")
		d.uid(a[2])
	case unix.KEYCTL_SETPERM:
		d.keySerial(a[0])
		d.S(", ")
		d.Flags(keyPerms, uint64(uint32(a[1])), "KEY_???")
	case unix.KEYCTL_INSTANTIATE:
		d.keySerial(a[0])
		d.S(", ")
		d.keyStr(a[1], a[2])
		d.S(", ")
		d.Uint(a[2])
		d.S(", ")
		d.keySerial(a[3])
	case unix.KEYCTL_NEGATE:
		d.keySerial(a[0])
		d.S(", ")
		d.Uint(uint64(uint32(a[1])))
		d.S(", ")
		d.keySerial(a[2])
	case unix.KEYCTL_SET_REQKEY_KEYRING:
		d.ValueDec(keyReqkeys, keyID(int64(int32(a[0]))), "KEY_REQKEY_DEFL_???")
	case unix.KEYCTL_SET_TIMEOUT:
		d.keySerial(a[0])
		d.S(", ")
		d.Uint(uint64(uint32(a[1])))
	case unix.KEYCTL_SESSION_TO_PARENT:
		d.dropSep()
	case unix.KEYCTL_REJECT:
		d.keySerial(a[0])
		d.S(", ")
		d.Uint(uint64(uint32(a[1])))
		d.S(", ")
		d.keyErr(uint32(a[2]))
		d.S(", ")
		d.keySerial(a[3])
	case unix.KEYCTL_INSTANTIATE_IOV:
		d.keySerial(a[0])
		d.S(", ")
		d.iovec(a[1], a[2], true, ^uint64(0))
		d.S(", ")
		d.Uint(a[2])
		d.S(", ")
		d.keySerial(a[3])
	case unix.KEYCTL_GET_PERSISTENT:
		d.uid(a[0])
		d.S(", ")
		d.keySerial(a[1])
	case unix.KEYCTL_DH_COMPUTE:
		d.dhParams(a[0])
		d.S(", ")
	case unix.KEYCTL_PKEY_QUERY:
		d.keySerial(a[0])
		d.S(", ")
		d.Hex(a[1])
		d.S(", ")
		d.Str(a[2])
		d.S(", ")
	case unix.KEYCTL_PKEY_ENCRYPT, unix.KEYCTL_PKEY_DECRYPT, unix.KEYCTL_PKEY_SIGN, unix.KEYCTL_PKEY_VERIFY:
		out := cmd != unix.KEYCTL_PKEY_VERIFY
		in, in2, ok := d.pkeyParams(a[0], out)
		// The exit prints the output buffer only when the lengths
		// were read; in2 is then its size.
		c.Saved[0], c.Saved[1] = uint64(in2), 0
		if ok {
			c.Saved[1] = 1
		}
		d.S(", ")
		d.Str(a[1])
		d.S(", ")
		if ok {
			d.keyStr(a[2], uint64(in))
		} else {
			d.Addr(a[2])
		}
		d.S(", ")
		if !out || !ok {
			if ok {
				d.keyStr(a[3], uint64(in2))
			} else {
				d.Addr(a[3])
			}
		}
	case unix.KEYCTL_RESTRICT_KEYRING:
		d.keySerial(a[0])
		d.S(", ")
		d.Str(a[1])
		d.S(", ")
		d.Str(a[2])
	case unix.KEYCTL_MOVE:
		d.keySerial(a[0])
		d.S(", ")
		d.keySerial(a[1])
		d.S(", ")
		d.keySerial(a[2])
		d.S(", ")
		d.Flags(keyctlMoveFlags, uint64(uint32(a[3])), "KEYCTL_MOVE_???")
	case unix.KEYCTL_CAPABILITIES:
	default:
		for k := 0; k < 4; k++ {
			if k > 0 {
				d.S(", ")
			}
			d.Hex(a[k])
		}
	}
}

// keyctlRet is how much of a buffer of n bytes a keyctl filled: its
// return, at most n.
func keyctlRet(c *Call, n uint64) uint64 {
	if c.Ret >= 0 && uint64(c.Ret) > n {
		return n
	}
	return uint64(c.Ret)
}

// keyctlExit prints what keyctl's command filled, at exit.
func keyctlExit(d *Decoder, c *Call, i int) {
	cmd := uint32(c.Args[0])
	a := c.Args[1:]
	switch cmd {
	case unix.KEYCTL_DESCRIBE, unix.KEYCTL_READ, unix.KEYCTL_GET_SECURITY:
		if c.Failed() {
			d.Addr(a[1])
		} else {
			style := 0
			if cmd != unix.KEYCTL_READ {
				style = strOmit0
			}
			d.strN(a[1], keyctlRet(c, a[2]), style)
		}
		d.S(", ")
		d.Uint(a[2])
	case unix.KEYCTL_DH_COMPUTE:
		if c.Failed() {
			d.Addr(a[1])
		} else {
			d.keyStr(a[1], keyctlRet(c, a[2]))
		}
		d.S(", ")
		d.Uint(a[2])
		d.S(", ")
		if a[3] == 0 {
			d.S("NULL")
		} else {
			d.kdfParams(a[3])
		}
	case unix.KEYCTL_PKEY_QUERY:
		if c.Failed() {
			d.Addr(a[3])
			return
		}
		d.pkeyQuery(a[3])
	case unix.KEYCTL_PKEY_ENCRYPT, unix.KEYCTL_PKEY_DECRYPT, unix.KEYCTL_PKEY_SIGN:
		if c.Saved[1] == 0 {
			return
		}
		if c.Failed() {
			d.Addr(a[3])
			return
		}
		d.keyStr(a[3], c.Saved[0])
	case unix.KEYCTL_CAPABILITIES:
		if c.Failed() {
			d.Addr(a[0])
		} else {
			n := a[1]
			if uint64(c.Ret) < n {
				n = uint64(c.Ret)
			}
			pos := 0
			d.array(a[0], n, 1, func(b []byte) {
				switch pos {
				case 0:
					d.Flags(keyctlCaps0, uint64(b[0]), "KEYCTL_CAPS0_???")
				case 1:
					d.Flags(keyctlCaps1, uint64(b[0]), "KEYCTL_CAPS1_???")
				default:
					d.Hex(uint64(b[0]))
				}
				pos++
			})
		}
		d.S(", ")
		d.Uint(a[1])
	}
}

var (
	// KeySerial prints a key serial number (key_serial_t): KEY_SPEC_*
	// by name, else decimal.
	KeySerial = &Arg{Print: func(d *Decoder, c *Call, i int) { d.keySerial(c.Args[i]) }}
	// KeyPayload prints add_key's payload: as many bytes as the next
	// argument says, cut at -s.
	KeyPayload = &Arg{Print: func(d *Decoder, c *Call, i int) { d.keyStr(c.Args[i], c.Args[i+1]) }}
	// KeyctlCmd prints keyctl's command (KEYCTL_*).
	KeyctlCmd = &Arg{Print: func(d *Decoder, c *Call, i int) {
		d.Value(keyctlCmds, uint64(uint32(c.Args[i])), "KEYCTL_???")
	}}
	// KeyctlArgs prints the rest of keyctl's arguments by command (args[0]):
	// those the kernel reads at entry (keyctlEnter, run as Save), what it
	// fills at exit (keyctlExit). Arguments 2..4 are Hidden: this kind
	// prints them.
	KeyctlArgs = &Arg{AtExit: true, Save: keyctlEnter, Print: keyctlExit}
)
