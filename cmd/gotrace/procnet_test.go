package main

// The /proc/PID/net fallback of -yy (procnet.go): its line parsers on
// literal lines, its bounded reader, its answers against sock_diag's for
// sockets of the test process, and -yy with sock_diag turned off
// (GOTRACE_NO_SOCK_DIAG=1) against strace on loopback tracees.

import (
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/gotrace/gotrace/format"
	"golang.org/x/sys/unix"
)

func TestParseInetLine(t *testing.T) {
	good := []struct {
		proto, line, want string
		ino               uint64
	}{
		{"TCP", "   0: 0100007F:1F90 00000000:0000 0A 00000000:00000000 00:00000000 00000000  1000        0 12345 1 0000000000000000 100 0 0 10 0",
			"TCP:[127.0.0.1:8080]", 12345},
		{"TCP", "   1: 0100007F:1F90 0100007F:D0AE 01 00000000:00000000 00:00000000 00000000  1000        0 12346 1 0000000000000000 20 4 30 10 -1",
			"TCP:[127.0.0.1:8080->127.0.0.1:53422]", 12346},
		{"UDP", "  123: 0302010A:BA2D 00000000:0000 07 00000000:00000000 00:00000000 00000000  1000        0 4242 2 0000000000000000 0",
			"UDP:[10.1.2.3:47661]", 4242},
		// a connected UDP socket: the destination, port 53
		{"UDP", " 7: 0100007F:9C40 0101A8C0:0035 01 00000000:00000000 00:00000000 00000000     0        0 99 2 0000000000000000 0",
			"UDP:[127.0.0.1:40000->192.168.1.1:53]", 99},
		{"TCPv6", "   0: 00000000000000000000000001000000:1F90 00000000000000000000000001000000:D0AE 01 00000000:00000000 00:00000000 00000000  1000        0 777 1 0000000000000000 20 4 30 10 -1",
			"TCPv6:[[::1]:8080->[::1]:53422]", 777},
		{"TCPv6", "   2: 00000000000000000000000000000000:0016 00000000000000000000000000000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 31 1 0000000000000000 100 0 0 10 0",
			"TCPv6:[[::]:22]", 31},
		// IPv4-mapped, and 2001:db8::1 (each 32-bit word printed as a
		// host-order number: byte-reversed on little-endian)
		{"TCPv6", "   3: 0000000000000000FFFF00000100007F:1F90 B80D0120000000000000000001000000:01BB 01 00000000:00000000 00:00000000 00000000     0        0 32 1 0000000000000000 20 4 30 10 -1",
			"TCPv6:[[::ffff:127.0.0.1]:8080->[2001:db8::1]:443]", 32},
		{"UDPv6", "  99: 00000000000000000000000001000000:BA35 00000000000000000000000001000000:BA34 01 00000000:00000000 00:00000000 00000000  1000        0 5150 2 0000000000000000 0",
			"UDPv6:[[::1]:47669->[::1]:47668]", 5150},
		// a raw socket: the local port is the protocol (ICMP)
		{"RAW", "   1: 00000000:0001 00000000:0000 07 00000000:00000000 00:00000000 00000000     0        0 6000 2 0000000000000000 0",
			"RAW:[0.0.0.0:1]", 6000},
		// lower-case hex, tabs
		{"TCP", "0:\t0100007f:1f90\t00000000:0000 0A 0:0 0:0 0 0 0 55",
			"TCP:[127.0.0.1:8080]", 55},
	}
	for _, c := range good {
		s, ok := parseInetLine([]byte(c.line))
		if !ok {
			t.Errorf("%q: not read", c.line)
			continue
		}
		if s.ino != c.ino {
			t.Errorf("%q: inode %d, want %d", c.line, s.ino, c.ino)
		}
		if got := inetSockText(c.proto, s.src[:s.alen], s.dst[:s.alen], s.sport, s.dport); got != c.want {
			t.Errorf("%q:\n got %s\nwant %s", c.line, got, c.want)
		}
	}
	bad := []string{
		"",
		"\n",
		"  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode",
		"   0:",
		"   0: 0100007F:1F90",
		"   0: 0100007F:1F90 00000000:0000 0A 00000000:00000000 00:00000000 00000000  1000        0",      // no inode
		"   0 0100007F:1F90 00000000:0000 0A 00000000:00000000 00:00000000 00000000  1000        0 12345", // no colon
		"  x0: 0100007F:1F90 00000000:0000 0A 00000000:00000000 00:00000000 00000000  1000        0 12345",
		"   0: 0100007:1F90 00000000:0000 0A 00000000:00000000 00:00000000 00000000  1000        0 12345",   // 7 digits
		"   0: 0100007FF:1F90 00000000:0000 0A 00000000:00000000 00:00000000 00000000  1000        0 12345", // 9 digits
		"   0: GG00007F:1F90 00000000:0000 0A 00000000:00000000 00:00000000 00000000  1000        0 12345",
		"   0: 0100007F:1F9 00000000:0000 0A 00000000:00000000 00:00000000 00000000  1000        0 12345",
		"   0: 0100007F:1F900 00000000:0000 0A 00000000:00000000 00:00000000 00000000  1000        0 12345",
		"   0: 0100007F1F90 00000000:0000 0A 00000000:00000000 00:00000000 00000000  1000        0 12345",
		"   0: 0100007F:1F90 00000000000000000000000000000000:0000 0A 00000000:00000000 00:00000000 00000000  1000        0 12345", // 4 and 16 bytes
		"   0: 0100007F:1F90 00000000:0000 0A 00000000:00000000 00:00000000 00000000  1000        0 123a5",
		"   0: 0100007F:1F90 00000000:0000 0A 00000000:00000000 00:00000000 00000000  1000        0 -1",
		"   0: 0100007F:1F90 00000000:0000 0A 00000000:00000000 00:00000000 00000000  1000        0 123456789012345678901",
		"   0: 0100007F:1F90 00000000:0000 0A 00000000:00000000 00:00000000 00000000  1000        0 18446744073709551615x",
		"\x00\xff\xfe:: ::: :",
		strings.Repeat("0: ", 50),
	}
	for _, l := range bad {
		if s, ok := parseInetLine([]byte(l)); ok {
			t.Errorf("%q: read as %+v", l, s)
		}
	}
}

func TestParseUnixLine(t *testing.T) {
	good := []struct {
		line, want string
		ino        uint64
		state      int
	}{
		{"0000000000000000: 00000002 00000000 00010000 0001 01 12345 /run/x.sock",
			`UNIX-STREAM:[12345,"/run/x.sock"]`, 12345, 1},
		// %5lu: a short inode is padded; no path
		{"00000000f118d2de: 00000003 00000000 00000000 0001 03  1057",
			`UNIX-STREAM:[1057]`, 1057, 3},
		{"0000000000000000: 00000003 00000000 00000000 0001 03  1057 ",
			`UNIX-STREAM:[1057]`, 1057, 3},
		// an abstract name: '@' for the leading NUL (and for inner ones)
		{"0000000000000000: 00000002 00000000 00010000 0001 01 999 @foo@bar",
			`UNIX-STREAM:[999,@"foo@bar"]`, 999, 1},
		// blanks and quotes in a path
		{"0000000000000000: 00000002 00000000 00010000 0005 01 77 /tmp/a b  \"c\" ",
			`UNIX-STREAM:[77,"/tmp/a b  \"c\" "]`, 77, 1},
		{"0000000000000000: 00000002 00000000 00000000 0002 01 78 /tmp/\x01\xff",
			`UNIX-STREAM:[78,"/tmp/\1\377"]`, 78, 1},
	}
	for _, c := range good {
		u, ok := parseUnixLine([]byte(c.line))
		if !ok {
			t.Errorf("%q: not read", c.line)
			continue
		}
		if u.ino != c.ino || u.state != c.state {
			t.Errorf("%q: inode %d state %d, want %d %d", c.line, u.ino, u.state, c.ino, c.state)
		}
		if got := unixSockText("UNIX-STREAM", u.ino, 0, u.path, format.XNone); got != c.want {
			t.Errorf("%q:\n got %s\nwant %s", c.line, got, c.want)
		}
	}
	bad := []string{
		"",
		"Num       RefCount Protocol Flags    Type St Inode Path",
		"0000000000000000: 00000002 00000000 00010000 0001 01",
		"0000000000000000 00000002 00000000 00010000 0001 01 12345",
		"0000000000000000: 0000000Z 00000000 00010000 0001 01 12345",
		"0000000000000000: 00000002 00000000 00010000 0001 01 12x45 /p",
		"0000000000000000: 00000002 00000000 00010000 0001 01 /p",
		"zz: 00000002 00000000 00010000 0001 01 12345",
	}
	for _, l := range bad {
		if u, ok := parseUnixLine([]byte(l)); ok {
			t.Errorf("%q: read as %+v", l, u)
		}
	}
}

func TestParseNetlinkLine(t *testing.T) {
	good := []struct {
		line, want string
		ino        uint64
	}{
		{"0000000086da814d 0   1234       00000000 0        0        0     2        0        4       ",
			"NETLINK:[ROUTE:1234]", 4},
		{"00000000d5355f35 4   0          00000000 0        0        0     2        0        565     ",
			"NETLINK:[SOCK_DIAG:0]", 565},
		{"0000000000000000 16  4294967295 00000001 0        0        0     2        0        9",
			"NETLINK:[GENERIC:4294967295]", 9},
		{"0000000000000000 30  7          00000000 0        0        0     2        0        10",
			"NETLINK:[30]", 10},
	}
	for _, c := range good {
		n, ok := parseNetlinkLine([]byte(c.line))
		if !ok {
			t.Errorf("%q: not read", c.line)
			continue
		}
		if n.ino != c.ino {
			t.Errorf("%q: inode %d, want %d", c.line, n.ino, c.ino)
		}
		if got := netlinkSockText("NETLINK", n.proto, n.portid); got != c.want {
			t.Errorf("%q:\n got %s\nwant %s", c.line, got, c.want)
		}
	}
	bad := []string{
		"",
		"sk               Eth Pid        Groups   Rmem     Wmem     Dump  Locks    Drops    Inode",
		"0000000086da814d 0   1234       00000000 0        0        0     2        0",
		"0000000086da814d 256 1234       00000000 0        0        0     2        0        4",
		"0000000086da814d 0   4294967296 00000000 0        0        0     2        0        4",
		"0000000086da814d -1  1234       00000000 0        0        0     2        0        4",
		"00000000000000000 0  1234       00000000 0        0        0     2        0        4",
		"000000008xda814d 0   1234       00000000 0        0        0     2        0        4",
	}
	for _, l := range bad {
		if n, ok := parseNetlinkLine([]byte(l)); ok {
			t.Errorf("%q: read as %+v", l, n)
		}
	}
}

// TestProcNetScan checks the bounds of the reader: over-long lines are
// skipped whole, a last line without a newline is read, and no more than
// the limit is read.
func TestProcNetScan(t *testing.T) {
	var pn procNet
	var seen []string
	collect := func(l []byte) bool { seen = append(seen, string(l)); return false }
	in := "a\n" + strings.Repeat("x", 100<<10) + "\nb\n" + strings.Repeat("y", procNetMaxLine+1) + "\nc\n\nd"
	if pn.scanReader(strings.NewReader(in), 1<<30, collect) {
		t.Error("scan reported a match")
	}
	if got := strings.Join(seen, ","); got != "a,b,c,,d" {
		t.Errorf("lines read: %q", got)
	}
	seen = nil
	pn.scanReader(strings.NewReader("one\ntwo\nthree\n"), 8, collect)
	if got := strings.Join(seen, ","); got != "one,two" {
		t.Errorf("lines read within 8 bytes: %q", got)
	}
	n := 0
	if !pn.scanReader(strings.NewReader("p\nq\nr\n"), 1<<30, func(l []byte) bool { n++; return string(l) == "q" }) || n != 2 {
		t.Errorf("stop at the match: %d lines read", n)
	}
}

// TestProcNetMatchesSockDiag looks sockets of the test process up through
// sock_diag and through /proc/PID/net and wants the same text, except a
// connected unix socket's peer, which /proc/net/unix does not give.
func TestProcNetMatchesSockDiag(t *testing.T) {
	diag := newFdCache(decodeSocket, format.XNone)
	defer diag.close()
	diag.nl = -1 // sock_diag on, whatever the environment says
	proc := newFdCache(decodeSocket, format.XNone)
	defer proc.close()
	proc.nl = nlNone
	self := &fdTable{pid: os.Getpid(), fds: map[int]*fdEntry{}}
	if proc.otherNetns(self) {
		t.Error("the test process is in another network namespace than itself")
	}

	var fds []int
	defer func() {
		for _, fd := range fds {
			unix.Close(fd)
		}
	}()
	sock := func(domain, typ, proto int) int {
		t.Helper()
		fd, err := unix.Socket(domain, typ|unix.SOCK_CLOEXEC, proto)
		if err != nil {
			t.Fatalf("socket: %v", err)
		}
		fds = append(fds, fd)
		return fd
	}
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	type sk struct {
		what string
		fd   int
	}
	var socks []sk

	// TCP over IPv4: listener, client, accepted end (ephemeral ports on
	// loopback).
	lo4 := [4]byte{127, 0, 0, 1}
	l4 := sock(unix.AF_INET, unix.SOCK_STREAM, 0)
	must(unix.Bind(l4, &unix.SockaddrInet4{Addr: lo4}))
	must(unix.Listen(l4, 1))
	sa, err := unix.Getsockname(l4)
	must(err)
	c4 := sock(unix.AF_INET, unix.SOCK_STREAM, 0)
	must(unix.Connect(c4, sa))
	a4, _, err := unix.Accept4(l4, unix.SOCK_CLOEXEC)
	must(err)
	fds = append(fds, a4)
	socks = append(socks, sk{"tcp4 listener", l4}, sk{"tcp4 client", c4}, sk{"tcp4 accepted", a4})

	// UDP over IPv4, bound.
	u4 := sock(unix.AF_INET, unix.SOCK_DGRAM, 0)
	must(unix.Bind(u4, &unix.SockaddrInet4{Addr: lo4}))
	socks = append(socks, sk{"udp4", u4})

	// IPv6, where the host has it.
	lo6 := [16]byte{15: 1}
	if l6, err := unix.Socket(unix.AF_INET6, unix.SOCK_STREAM|unix.SOCK_CLOEXEC, 0); err == nil {
		fds = append(fds, l6)
		if unix.Bind(l6, &unix.SockaddrInet6{Addr: lo6}) == nil {
			must(unix.Listen(l6, 1))
			sa6, err := unix.Getsockname(l6)
			must(err)
			c6 := sock(unix.AF_INET6, unix.SOCK_STREAM, 0)
			must(unix.Connect(c6, sa6))
			u6 := sock(unix.AF_INET6, unix.SOCK_DGRAM, 0)
			must(unix.Bind(u6, &unix.SockaddrInet6{Addr: lo6}))
			v6 := sock(unix.AF_INET6, unix.SOCK_DGRAM, 0)
			usa, err := unix.Getsockname(u6)
			must(err)
			must(unix.Connect(v6, usa))
			socks = append(socks, sk{"tcp6 listener", l6}, sk{"tcp6 client", c6}, sk{"udp6 bound", u6}, sk{"udp6 connected", v6})
		}
	}

	// unix: a path, an abstract name, an unbound one.
	p := sock(unix.AF_UNIX, unix.SOCK_STREAM, 0)
	must(unix.Bind(p, &unix.SockaddrUnix{Name: filepath.Join(t.TempDir(), "s p")}))
	must(unix.Listen(p, 1))
	ab := sock(unix.AF_UNIX, unix.SOCK_SEQPACKET, 0)
	must(unix.Bind(ab, &unix.SockaddrUnix{Name: "@gotrace-test-" + strconv.Itoa(os.Getpid())}))
	must(unix.Listen(ab, 1))
	ub := sock(unix.AF_UNIX, unix.SOCK_DGRAM, 0)
	socks = append(socks, sk{"unix path", p}, sk{"unix abstract", ab}, sk{"unix unbound", ub})

	// netlink, bound (the kernel picks the port id).
	if nl, err := unix.Socket(unix.AF_NETLINK, unix.SOCK_RAW|unix.SOCK_CLOEXEC, unix.NETLINK_ROUTE); err == nil {
		fds = append(fds, nl)
		must(unix.Bind(nl, &unix.SockaddrNetlink{Family: unix.AF_NETLINK}))
		socks = append(socks, sk{"netlink", nl})
	}

	details := func(fc *fdCache, fd int) (ino uint64, proto, text string, found bool) {
		t.Helper()
		var st unix.Stat_t
		must(unix.Fstat(fd, &st))
		b := make([]byte, 32)
		n, err := unix.Getxattr("/proc/self/fd/"+strconv.Itoa(fd), "system.sockprotoname", b)
		must(err)
		proto = strings.TrimRight(string(b[:n]), "\x00")
		text, found = fc.socketDetails(self, st.Ino, proto)
		return st.Ino, proto, text, found
	}
	if _, _, text, found := details(diag, l4); !found {
		unavailable(t, "sock_diag does not answer here (%s): nothing to compare with", text)
	}
	for _, s := range socks {
		_, _, want, wantFound := details(diag, s.fd)
		_, _, got, gotFound := details(proc, s.fd)
		if got != want || gotFound != wantFound {
			t.Errorf("%s: /proc/net %q (found %v), sock_diag %q (found %v)", s.what, got, gotFound, want, wantFound)
		}
	}

	// A socket pair: sock_diag knows the peer, /proc/net/unix does not; the
	// socket is found (connected) all the same.
	pair, err := unix.Socketpair(unix.AF_UNIX, unix.SOCK_STREAM|unix.SOCK_CLOEXEC, 0)
	must(err)
	fds = append(fds, pair[0], pair[1])
	ino, proto, got, found := details(proc, pair[0])
	if want := proto + ":[" + strconv.FormatUint(ino, 10) + "]"; got != want || !found {
		t.Errorf("socketpair: /proc/net %q (found %v), want %q found", got, found, want)
	}
	ino1, _, _, _ := details(proc, pair[1])
	_, _, want, _ := details(diag, pair[0])
	if w := proto + ":[" + strconv.FormatUint(ino, 10) + "->" + strconv.FormatUint(ino1, 10) + "]"; want != w {
		t.Errorf("socketpair: sock_diag %q, want %q", want, w)
	}
}

// reUnixPeer is a unix socket's peer in a normalized decoration, which the
// /proc/net fallback cannot know.
var reUnixPeer = regexp.MustCompile(`(UNIX[A-Z-]*:\[INO)->INO`)

// TestDiffNetFallback runs -yy with sock_diag off (the test hook
// GOTRACE_NO_SOCK_DIAG=1, which strace ignores) against strace, whose
// sock_diag answers. listen and connect are left out of the trace: at
// their entry the socket is bound but neither listening nor connected,
// which sock_diag lists on recent kernels and /proc/net/tcp does not (and
// strace keeps the text of that first lookup for the socket's life).
func TestDiffNetFallback(t *testing.T) {
	requireTool(t, stracePath)
	flags := []string{"-yy", "-e", "trace=!listen,connect"}
	cases := []struct {
		name, tracee string
		noDiag       bool
		contains     []string // regexps gotrace's trace must match
	}{
		{"fallback", "an_net_fallback", true, []string{
			`<TCP:\[127\.0\.0\.1:29630->127\.0\.0\.1:29631\]>`, `<TCP:\[127\.0\.0\.1:29631\]>`,
			`<TCPv6:\[\[::1\]:29633->\[::1\]:29632\]>`, `<UDP:\[127\.0\.0\.1:29635\]>`,
			`<UDPv6:\[\[::1\]:29636->\[::1\]:29637\]>`,
			`<UNIX-STREAM:\[\d+,"an_net_fallback\.sock"\]>`, `<UNIX-STREAM:\[\d+,@"gotrace-an-net-fallback"\]>`,
			`<NETLINK:\[ROUTE:\d+\]>`,
		}},
		{"sock_diag", "an_net_fallback", false, nil},
		// an_fds has connected unix sockets: strace's peers are dropped
		// from its side, and gotrace must show none.
		{"fallback-an_fds", "an_fds", true, []string{`socketpair\(.*\[3<UNIX-STREAM:\[\d+\]>, 4<UNIX-STREAM:\[\d+\]>\]\)`}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if c.noDiag {
				t.Setenv("GOTRACE_NO_SOCK_DIAG", "1")
			}
			bin := tracee(t, c.tracee)
			cmdline := append(append([]string(nil), flags...), "--", bin)
			dir := t.TempDir()
			want := runTracerIn(t, dir, stracePath, cmdline, "")
			got := runTracerIn(t, dir, gotraceBin, cmdline, "")
			if got.code != want.code {
				t.Errorf("exit code: gotrace %d, strace %d", got.code, want.code)
			}
			if g, w := progName(got.stderr), progName(want.stderr); g != w {
				t.Errorf("stderr differs:\ngotrace: %q\nstrace:  %q", g, w)
			}
			g, w := normalizeFds(got.trace), normalizeFds(want.trace)
			if c.noDiag {
				w = reUnixPeer.ReplaceAllString(w, "$1")
			}
			compareTraces(t, g, w)
			for _, re := range c.contains {
				if !regexp.MustCompile(re).MatchString(got.trace) {
					t.Errorf("gotrace's trace has no match for %s", re)
				}
			}
		})
	}
}
