package syscalls

import (
	"encoding/binary"
	"testing"

	"github.com/gotrace/gotrace/format"
	"github.com/stretchr/testify/assert"
	"golang.org/x/sys/unix"
)

// ifreq is a struct ifreq: the name, then the union's first bytes.
func ifreq(name string, u ...byte) []byte {
	b := make([]byte, sizeofIfreq)
	copy(b, name)
	copy(b[unix.IFNAMSIZ:], u)
	return b
}

// termiosBytes is a kernel struct termios2 (a termios is its first 36
// bytes) as a new pty has it.
func termiosBytes() []byte {
	b := make([]byte, sizeofTermios2)
	le := binary.LittleEndian
	le.PutUint32(b[0:], unix.ICRNL|unix.IXON)
	le.PutUint32(b[4:], unix.OPOST|unix.ONLCR)
	le.PutUint32(b[8:], unix.B38400|unix.CS8|unix.CREAD)
	le.PutUint32(b[12:], 0x8a3b)
	copy(b[17:], []byte{3, 0x1c, 0x7f, 0x15, 4, 0, 1, 0, 0x11, 0x13, 0x1a, 0, 0x12, 0xf, 0x17, 0x16, 0, 0, 0})
	le.PutUint32(b[36:], 38400)
	le.PutUint32(b[40:], 38400)
	return b
}

func TestIoctl(t *testing.T) {
	m := newFakeMem()
	five := m.put(0x1000, []byte{5, 0, 0, 0})
	tios := m.put(0x2000, termiosBytes())
	ws := m.put(0x3000, []byte{24, 0, 80, 0, 0, 0, 0, 0})
	lo := m.put(0x4000, ifreq("lo", 1, 0, 0, 0))
	long := m.put(0x5000, ifreq("0123456789abcdef", 0x41, 0x10))
	inet := m.put(0x6000, ifreq("lo", 2, 0, 0, 0, 127, 0, 0, 1))
	raw := termiosBytes()
	le := binary.LittleEndian
	le.PutUint32(raw[0:], unix.IUTF8|0x80000)
	le.PutUint32(raw[4:], unix.NL1|unix.CR2|unix.XTABS|unix.FF1)
	le.PutUint32(raw[8:], unix.B115200|unix.B9600<<ibshift|unix.CS7|unix.CREAD|unix.CRTSCTS)
	le.PutUint32(raw[12:], unix.TOSTOP|0x100000)
	raw[16] = 99
	rawp := m.put(0x7000, raw)
	short := m.put(0x8000, termiosBytes()[:20])
	x := m.put(0x9000, []byte("x"))
	modem := m.put(0xa000, []byte{6, 0, 1, 0})
	d := testDecoder(m)
	cases := []struct {
		want string
		ret  int64
		args []uint64
	}{
		{`ioctl(3, FIONREAD, [5]) = 0`, 0, []uint64{3, fionread, five}},
		{`ioctl(3, FIONREAD, NULL) = -1 EFAULT (Bad address)`, -14, []uint64{3, fionread, 0}},
		{`ioctl(3, FIONREAD, 0x8) = -1 EFAULT (Bad address)`, -14, []uint64{3, fionread, 8}},
		{`ioctl(3, FIONBIO, [5]) = 0`, 0, []uint64{3, fionbio, five}},
		{`ioctl(3, FIONBIO, [5]) = 0`, 0, []uint64{3, 0x100000000 | fionbio, five}},
		{`ioctl(3, FIOCLEX) = 0`, 0, []uint64{3, fioclex, 0x1234}},
		{`ioctl(3, TCGETS, 0x2000) = -1 ENOTTY (Inappropriate ioctl for device)`, -25, []uint64{3, unix.TCGETS, tios}},
		{`ioctl(-1, TCGETS, 0x2000) = -1 EBADF (Bad file descriptor)`, -9, []uint64{neg(-1), unix.TCGETS, tios}},
		{`ioctl(6, TCGETS, {c_iflag=ICRNL|IXON, c_oflag=NL0|CR0|TAB0|BS0|VT0|FF0|OPOST|ONLCR, c_cflag=B38400|CS8|CREAD, c_lflag=ISIG|ICANON|ECHO|ECHOE|ECHOK|IEXTEN|ECHOCTL|ECHOKE, ...}) = 0`,
			0, []uint64{6, unix.TCGETS, tios}},
		{`ioctl(6, SNDCTL_TMR_STOP or TCSETSW, {c_iflag=IUTF8|0x80000, c_oflag=NL1|CR2|XTABS|BS0|VT0|FF1|, c_cflag=B115200|B9600<<IBSHIFT|CS7|CREAD|CRTSCTS, c_lflag=TOSTOP|0x100000, ...}) = 0`,
			0, []uint64{6, unix.TCSETSW, rawp}},
		{`ioctl(6, SNDCTL_TMR_START or TCSETS, 0x8000) = -1 EFAULT (Bad address)`, -14, []uint64{6, unix.TCSETS, short}},
		{`ioctl(6, TCGETS, 0x8000) = 0`, 0, []uint64{6, unix.TCGETS, short}},
		{`ioctl(6, TIOCGWINSZ, {ws_row=24, ws_col=80, ws_xpixel=0, ws_ypixel=0}) = 0`, 0, []uint64{6, unix.TIOCGWINSZ, ws}},
		{`ioctl(6, TIOCSWINSZ, {ws_row=24, ws_col=80, ws_xpixel=0, ws_ypixel=0}) = -1 EINVAL (Invalid argument)`, -22, []uint64{6, unix.TIOCSWINSZ, ws}},
		{`ioctl(6, TCFLSH, TCIFLUSH) = 0`, 0, []uint64{6, unix.TCFLSH, 0}},
		{`ioctl(6, TCFLSH, 0x7 /* TC??? */) = -1 EINVAL (Invalid argument)`, -22, []uint64{6, unix.TCFLSH, 7}},
		{`ioctl(6, TCXONC, TCOON) = 0`, 0, []uint64{6, unix.TCXONC, 1}},
		{`ioctl(6, TCSBRK, -1) = 0`, 0, []uint64{6, unix.TCSBRK, neg(-1)}},
		{`ioctl(6, TIOCSTI, "x") = 0`, 0, []uint64{6, unix.TIOCSTI, x}},
		{`ioctl(6, TIOCMBIS, [TIOCM_DTR|TIOCM_RTS|0x10000]) = -1 ENOTTY (Inappropriate ioctl for device)`, -25, []uint64{6, unix.TIOCMBIS, modem}},
		{`ioctl(6, TIOCMGET, [TIOCM_DTR|TIOCM_RTS|0x10000]) = 0`, 0, []uint64{6, unix.TIOCMGET, modem}},
		{`ioctl(5, TIOCGPTPEER, 0x102) = 6`, 6, []uint64{5, unix.TIOCGPTPEER, 0x102}},
		{`ioctl(5, SIOCGIFINDEX, {ifr_name="lo", ifr_ifindex=1}) = 0`, 0, []uint64{5, unix.SIOCGIFINDEX, lo}},
		{`ioctl(5, SIOCGIFINDEX, {ifr_name="lo"}) = -1 ENODEV (No such device)`, -19, []uint64{5, unix.SIOCGIFINDEX, lo}},
		{`ioctl(5, SIOCGIFINDEX, 0x8) = -1 EFAULT (Bad address)`, -14, []uint64{5, unix.SIOCGIFINDEX, 8}},
		{`ioctl(5, SIOCGIFINDEX, NULL) = -1 EFAULT (Bad address)`, -14, []uint64{5, unix.SIOCGIFINDEX, 0}},
		{`ioctl(5, SIOCGIFNAME, {ifr_ifindex=1, ifr_name="lo"}) = 0`, 0, []uint64{5, unix.SIOCGIFNAME, m.put(0xb000, ifreq("lo", 1))}},
		{`ioctl(5, SIOCSIFMTU, {ifr_name="0123456789abcdef"..., ifr_mtu=4161}) = -1 EPERM (Operation not permitted)`, -1, []uint64{5, unix.SIOCSIFMTU, long}},
		{`ioctl(5, SIOCGIFADDR, {ifr_name="lo", ifr_addr={sa_family=AF_INET, sin_port=htons(0), sin_addr=inet_addr("127.0.0.1")}}) = 0`, 0, []uint64{5, unix.SIOCGIFADDR, inet}},
		{`ioctl(5, SIOCADDRT, NULL) = -1 EFAULT (Bad address)`, -14, []uint64{5, unix.SIOCADDRT, 0}},
		{`ioctl(5, FIOSETOWN, [5]) = 0`, 0, []uint64{5, fiosetown, five}},
		{`ioctl(3, _IOC(_IOC_NONE, 0x56, 0x78, 0x1234), 0) = -1 ENOTTY (Inappropriate ioctl for device)`, -25, []uint64{3, 0x12345678, 0}},
		{`ioctl(3, _IOC(_IOC_READ|_IOC_WRITE, 0x99, 0x3, 0x8), 0x1000) = -1 ENOTTY (Inappropriate ioctl for device)`, -25, []uint64{3, 0xc0089903, five}},
		{`ioctl(3, _IOC(_IOC_WRITE, 0x99, 0x3, 0x3fff), 0x5) = -1 ENOTTY (Inappropriate ioctl for device)`, -25, []uint64{3, 0x7fff9903, 5}},
		{`ioctl(3, FIFREEZE) = -1 ENOTTY (Inappropriate ioctl for device)`, -25, []uint64{3, fifreeze, 0}},
	}
	for _, c := range cases {
		assert.Equal(t, c.want, decodeLine(t, d, unix.SYS_IOCTL, c.ret, c.args...))
	}
	// ifr_flags is a short: the bytes after it are not flags.
	assert.Equal(t, `ioctl(5, SIOCGIFFLAGS, {ifr_name="lo", ifr_flags=IFF_UP|IFF_LOOPBACK|IFF_RUNNING|IFF_DYNAMIC}) = 0`,
		decodeLine(t, d, unix.SYS_IOCTL, 0, 5, unix.SIOCGIFFLAGS, m.put(0xc000, ifreq("lo", 0x49, 0x80, 0x10, 0))))

	d.Opts.Verbose = true
	assert.Equal(t, `ioctl(6, TCGETS2, {c_iflag=ICRNL|IXON, c_oflag=NL0|CR0|TAB0|BS0|VT0|FF0|OPOST|ONLCR, c_cflag=B38400|CS8|CREAD, c_lflag=ISIG|ICANON|ECHO|ECHOE|ECHOK|IEXTEN|ECHOCTL|ECHOKE, c_line=N_TTY, c_cc=[[VINTR]=0x3, [VQUIT]=0x1c, [VERASE]=0x7f, [VKILL]=0x15, [VEOF]=0x4, [VTIME]=0, [VMIN]=0x1, [VSWTC]=0, [VSTART]=0x11, [VSTOP]=0x13, [VSUSP]=0x1a, [VEOL]=0, [VREPRINT]=0x12, [VDISCARD]=0xf, [VWERASE]=0x17, [VLNEXT]=0x16, [VEOL2]=0, [17]=0, [18]=0], c_ispeed=38400, c_ospeed=38400}) = 0`,
		decodeLine(t, d, unix.SYS_IOCTL, 0, 6, unix.TCGETS2, tios))
	assert.Equal(t, `ioctl(6, TCGETA, {c_iflag=ICRNL|IXON, c_oflag=NL0|CR0|TAB0|BS0|VT0|FF0|OPOST|ONLCR, c_cflag=B38400|CS8|CREAD, c_lflag=ISIG|ICANON|ECHO|ECHOE|ECHOK|IEXTEN|ECHOCTL|ECHOKE, c_line=N_TTY, c_cc=[[VINTR]=0x3, [VQUIT]=0x1c, [VERASE]=0x7f, [VKILL]=0x15, [VEOF]=0x4, [VTIME]=0, [VMIN]=0x1, [VSWTC]=0]}) = 0`,
		decodeLine(t, d, unix.SYS_IOCTL, 0, 6, unix.TCGETA, m.put(0xd000, []byte{0, 5, 5, 0, 0xbf, 0, 0x3b, 0x8a, 0, 3, 0x1c, 0x7f, 0x15, 4, 0, 1, 0, 0})))

	d.Opts.Style = format.Raw
	assert.Equal(t, `ioctl(6, 0x5403, {c_iflag=0x84000, c_oflag=0x100|0x400|0x1800|0|0|0x8000|, c_cflag=0x1002|0xd<<0x10|0x20|0x80000080, c_lflag=0x100100, c_line=0x63, c_cc=[[VINTR]=0x3, [VQUIT]=0x1c, [VERASE]=0x7f, [VKILL]=0x15, [VEOF]=0x4, [VTIME]=0, [VMIN]=0x1, [VSWTC]=0, [VSTART]=0x11, [VSTOP]=0x13, [VSUSP]=0x1a, [VEOL]=0, [VREPRINT]=0x12, [VDISCARD]=0xf, [VWERASE]=0x17, [VLNEXT]=0x16, [VEOL2]=0, [17]=0, [18]=0]}) = 0`,
		decodeLine(t, d, unix.SYS_IOCTL, 0, 6, unix.TCSETSW, rawp))
	assert.Equal(t, `ioctl(3, 0x12345678, 0) = -1 ENOTTY (Inappropriate ioctl for device)`, decodeLine(t, d, unix.SYS_IOCTL, -25, 3, 0x12345678, 0))
	assert.Equal(t, `ioctl(3, 0x5451) = 0`, decodeLine(t, d, unix.SYS_IOCTL, 0, 3, fioclex, 0))

	d.Opts.Style = format.Verbose
	d.Opts.Verbose = false
	assert.Equal(t, `ioctl(6, 0x5403 /* SNDCTL_TMR_STOP or TCSETSW */, {c_iflag=0x84000 /* IUTF8|0x80000 */, c_oflag=0x100 /* NL1 */|0x400 /* CR2 */|0x1800 /* XTABS */|0 /* BS0 */|0 /* VT0 */|0x8000 /* FF1 */|, c_cflag=0x1002 /* B115200 */|0xd /* B9600 */<<0x10 /* IBSHIFT */|0x20 /* CS7 */|0x80000080 /* CREAD|CRTSCTS */, c_lflag=0x100100 /* TOSTOP|0x100000 */, ...}) = 0`,
		decodeLine(t, d, unix.SYS_IOCTL, 0, 6, unix.TCSETSW, rawp))
	assert.Equal(t, `ioctl(3, 0x80049903 /* _IOC(_IOC_READ, 0x99, 0x3, 0x4) */, 0x1000) = -1 ENOTTY (Inappropriate ioctl for device)`,
		decodeLine(t, d, unix.SYS_IOCTL, -25, 3, 0x80049903, five))
	assert.Equal(t, `ioctl(3, 0x9903 /* _IOC(_IOC_NONE, 0x99, 0x3, 0) */, 0x5) = -1 ENOTTY (Inappropriate ioctl for device)`,
		decodeLine(t, d, unix.SYS_IOCTL, -25, 3, 0x9903, 5))
	assert.Equal(t, `ioctl(5, 0x8914 /* SIOCSIFFLAGS */, {ifr_name="lo", ifr_flags=0x1 /* IFF_UP */}) = -1 EPERM (Operation not permitted)`,
		decodeLine(t, d, unix.SYS_IOCTL, -1, 5, unix.SIOCSIFFLAGS, m.put(0xe000, ifreq("lo", 1))))
}

// TestIoctlUnfinished: a request decoded at exit prints nothing more at
// entry, so an interrupted call reads "ioctl(6, TCGETS <unfinished ...>".
func TestIoctlUnfinished(t *testing.T) {
	d := testDecoder(newFakeMem())
	c := &Call{Nr: unix.SYS_IOCTL, Args: [6]uint64{6, unix.TCGETS, 0x1000}}
	assert.Equal(t, "ioctl(6, TCGETS", string(d.Enter(nil, c)))
	c = &Call{Nr: unix.SYS_IOCTL, Args: [6]uint64{5, unix.SIOCGIFINDEX, 0x1000}}
	assert.Equal(t, "ioctl(5, SIOCGIFINDEX, 0x1000", string(d.Enter(nil, c)))
}

// TestIfconfBounds feeds SIOCGIFCONF lengths and buffers a tracee could
// hold: a huge or negative length, a buffer readable only in part, a
// structure readable at entry only. The array stays within -s and the
// readable memory; nothing panics.
func TestIfconfBounds(t *testing.T) {
	ifc := func(n int32, buf uint64) []byte {
		b := make([]byte, sizeofIfconf)
		binary.LittleEndian.PutUint32(b, uint32(n))
		binary.LittleEndian.PutUint64(b[8:], buf)
		return b
	}
	m := newFakeMem()
	two := append(ifreq("lo", 2, 0, 0, 0, 127, 0, 0, 1), ifreq("eth0", 2, 0, 0, 0, 10, 0, 0, 1)...)
	bufAt := m.put(0x10000, two)
	d := testDecoder(m)
	cases := []struct {
		want string
		in   []byte
		out  []byte
		ret  int64
	}{
		// The kernel said 0x7fffffff bytes: two readable, then a fault.
		{`ioctl(3, SIOCGIFCONF, {ifc_len=80 /* 2 * sizeof(struct ifreq) */ => 2147483647, ifc_buf=[{ifr_name="lo", ifr_addr={sa_family=AF_INET, sin_port=htons(0), sin_addr=inet_addr("127.0.0.1")}}, {ifr_name="eth0", ifr_addr={sa_family=AF_INET, sin_port=htons(0), sin_addr=inet_addr("10.0.0.1")}}, ... /* 0x10050 */]}) = 0`,
			ifc(80, bufAt), ifc(0x7fffffff, bufAt), 0},
		{`ioctl(3, SIOCGIFCONF, {ifc_len=-40, ifc_buf=0x10000}) = -1 EINVAL (Invalid argument)`,
			ifc(-40, bufAt), ifc(-40, bufAt), -int64(unix.EINVAL)},
		{`ioctl(3, SIOCGIFCONF, {ifc_len=80 /* 2 * sizeof(struct ifreq) */ => -40, ifc_buf=0x10000}) = 0`,
			ifc(80, bufAt), ifc(-40, bufAt), 0},
		// Gone at the exit: what the entry read.
		{`ioctl(3, SIOCGIFCONF, {ifc_len=80 /* 2 * sizeof(struct ifreq) */, ifc_buf=0x10000}) = 0`,
			ifc(80, bufAt), nil, 0},
		{`ioctl(3, SIOCGIFCONF, {ifc_len=0, ifc_buf=NULL}) = 0`,
			ifc(0, 0), nil, 0},
		{`ioctl(3, SIOCGIFCONF, {ifc_len=40 /* 1 * sizeof(struct ifreq) */, ifc_buf=NULL => 0x10000}) = -1 EFAULT (Bad address)`,
			ifc(0, 0), ifc(40, bufAt), -int64(unix.EFAULT)},
	}
	for _, tc := range cases {
		m.regions[0x20000] = tc.in
		c := &Call{Nr: unix.SYS_IOCTL}
		copy(c.Args[:], []uint64{3, unix.SIOCGIFCONF, 0x20000})
		b := d.Enter(nil, c)
		if tc.out != nil {
			m.regions[0x20000] = tc.out
		} else {
			delete(m.regions, 0x20000)
		}
		c.Ret = tc.ret
		b = d.Exit(b, c)
		b = append(b, ") = "...)
		b = d.Return(b, c)
		assert.Equal(t, tc.want, string(b))
	}
}
