package unwind

// evalExpr runs a DWARF expression over the registers of c. With push
// set, initial is pushed first (the CFA, for DW_CFA_expression and
// DW_CFA_val_expression). ok is false on a malformed or failing one.
func (w *walker) evalExpr(expr []byte, c *cursor, push bool, initial uint64) (v uint64, ok bool) {
	var st [maxExprStack]uint64
	n := 0
	if push {
		st[0] = initial
		n = 1
	}
	pushv := func(x uint64) bool {
		if n >= len(st) {
			return false
		}
		st[n] = x
		n++
		return true
	}
	r := &reader{b: expr}
	for steps := 0; r.pos < len(r.b); steps++ {
		if steps >= maxExprSteps {
			return 0, false
		}
		op := r.u8()
		switch {
		case op >= 0x30 && op <= 0x4f: // DW_OP_lit0…31
			if !pushv(uint64(op - 0x30)) {
				return 0, false
			}
			continue
		case op >= 0x50 && op <= 0x6f: // DW_OP_reg0…31
			x, good := c.get(uint64(op - 0x50))
			if !good || !pushv(x) {
				return 0, false
			}
			continue
		case op >= 0x70 && op <= 0x8f: // DW_OP_breg0…31
			x, good := c.get(uint64(op - 0x70))
			off := r.sleb()
			if !good || r.bad || !pushv(x+uint64(off)) {
				return 0, false
			}
			continue
		}
		var x uint64
		switch op {
		case 0x03: // addr
			x = r.fixed(8)
		case 0x08:
			x = r.fixed(1)
		case 0x09:
			x = uint64(int64(int8(r.fixed(1))))
		case 0x0a:
			x = r.fixed(2)
		case 0x0b:
			x = uint64(int64(int16(r.fixed(2))))
		case 0x0c:
			x = r.fixed(4)
		case 0x0d:
			x = uint64(int64(int32(r.fixed(4))))
		case 0x0e, 0x0f:
			x = r.fixed(8)
		case 0x10:
			x = r.uleb()
		case 0x11:
			x = uint64(r.sleb())
		case 0x90: // regx
			val, good := c.get(r.uleb())
			if !good {
				return 0, false
			}
			x = val
		case 0x92: // bregx
			val, good := c.get(r.uleb())
			off := r.sleb()
			if !good {
				return 0, false
			}
			x = val + uint64(off)
		case 0x96: // nop
			continue
		case 0x12: // dup
			if n < 1 {
				return 0, false
			}
			x = st[n-1]
		case 0x14: // over
			if n < 2 {
				return 0, false
			}
			x = st[n-2]
		case 0x15: // pick
			i := uint64(r.u8())
			if i >= uint64(n) {
				return 0, false
			}
			x = st[n-1-int(i)]
		case 0x13: // drop
			if n < 1 {
				return 0, false
			}
			n--
			continue
		case 0x16: // swap
			if n < 2 {
				return 0, false
			}
			st[n-1], st[n-2] = st[n-2], st[n-1]
			continue
		case 0x17: // rot
			if n < 3 {
				return 0, false
			}
			st[n-1], st[n-2], st[n-3] = st[n-2], st[n-3], st[n-1]
			continue
		case 0x06, 0x94: // deref, deref_size
			if n < 1 {
				return 0, false
			}
			size := 8
			if op == 0x94 {
				size = int(r.u8())
				if size < 1 || size > 8 {
					return 0, false
				}
			}
			val, good := w.read(st[n-1])
			if !good {
				return 0, false
			}
			if size < 8 {
				val &= 1<<(8*uint(size)) - 1
			}
			st[n-1] = val
			continue
		case 0x19, 0x1f, 0x20, 0x23: // abs, neg, not, plus_uconst
			if n < 1 {
				return 0, false
			}
			a := st[n-1]
			switch op {
			case 0x19:
				if int64(a) < 0 {
					a = -a
				}
			case 0x1f:
				a = -a
			case 0x20:
				a = ^a
			case 0x23:
				a += r.uleb()
			}
			st[n-1] = a
			continue
		case 0x1a, 0x1b, 0x1c, 0x1d, 0x1e, 0x21, 0x22, 0x24, 0x25, 0x26, 0x27,
			0x29, 0x2a, 0x2b, 0x2c, 0x2d, 0x2e:
			if n < 2 {
				return 0, false
			}
			a, b := st[n-2], st[n-1]
			n--
			var res uint64
			switch op {
			case 0x1a:
				res = a & b
			case 0x1b:
				if b == 0 || int64(b) == -1 {
					return 0, false
				}
				res = uint64(int64(a) / int64(b))
			case 0x1c:
				res = a - b
			case 0x1d:
				if b == 0 {
					return 0, false
				}
				res = a % b
			case 0x1e:
				res = a * b
			case 0x21:
				res = a | b
			case 0x22:
				res = a + b
			case 0x24:
				res = a << (b & 63)
			case 0x25:
				res = a >> (b & 63)
			case 0x26:
				res = uint64(int64(a) >> (b & 63))
			case 0x27:
				res = a ^ b
			case 0x29:
				res = b2u(int64(a) == int64(b))
			case 0x2a:
				res = b2u(int64(a) >= int64(b))
			case 0x2b:
				res = b2u(int64(a) > int64(b))
			case 0x2c:
				res = b2u(int64(a) <= int64(b))
			case 0x2d:
				res = b2u(int64(a) < int64(b))
			case 0x2e:
				res = b2u(int64(a) != int64(b))
			}
			st[n-1] = res
			continue
		case 0x28, 0x2f: // bra, skip
			off := int(int16(r.fixed(2)))
			if r.bad {
				return 0, false
			}
			if op == 0x28 {
				if n < 1 {
					return 0, false
				}
				n--
				if st[n] == 0 {
					continue
				}
			}
			to := r.pos + off
			if to < 0 || to > len(r.b) {
				return 0, false
			}
			r.pos = to
			continue
		default:
			return 0, false
		}
		if r.bad || !pushv(x) {
			return 0, false
		}
	}
	if r.bad || n < 1 {
		return 0, false
	}
	return st[n-1], true
}

func b2u(b bool) uint64 {
	if b {
		return 1
	}
	return 0
}
