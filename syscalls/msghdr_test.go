package syscalls

import (
	"encoding/binary"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"golang.org/x/sys/unix"
)

// msghdrBytes lays out a struct msghdr.
func msghdrBytes(name uint64, namelen uint32, iov, iovlen, control, controllen uint64, flags uint32) []byte {
	b := make([]byte, 56)
	le := binary.LittleEndian
	le.PutUint64(b, name)
	le.PutUint32(b[8:], namelen)
	le.PutUint64(b[16:], iov)
	le.PutUint64(b[24:], iovlen)
	le.PutUint64(b[32:], control)
	le.PutUint64(b[40:], controllen)
	le.PutUint32(b[48:], flags)
	return b
}

func cmsg(level, typ int32, data []byte) []byte {
	n := 16 + len(data)
	b := make([]byte, (n+7)&^7)
	binary.LittleEndian.PutUint64(b, uint64(n))
	binary.LittleEndian.PutUint32(b[8:], uint32(level))
	binary.LittleEndian.PutUint32(b[12:], uint32(typ))
	copy(b[16:], data)
	return b
}

func TestSendRecvmsg(t *testing.T) {
	m := newFakeMem()
	data := m.put(0x1000, []byte("fd passing"))
	iov := m.put(0x2000, iovecs(data, 10))
	ctl := m.put(0x3000, cmsg(unix.SOL_SOCKET, unix.SCM_RIGHTS, append(le32(0), le32(1)...)))
	msg := m.put(0x4000, msghdrBytes(0, 0, iov, 1, ctl, 24, 0))
	d := testDecoder(m)
	assert.Equal(t, `sendmsg(3, {msg_name=NULL, msg_namelen=0, msg_iov=[{iov_base="fd passing", iov_len=10}], msg_iovlen=1, msg_control=[{cmsg_len=24, cmsg_level=SOL_SOCKET, cmsg_type=SCM_RIGHTS, cmsg_data=[0, 1]}], msg_controllen=24, msg_flags=0}, MSG_DONTWAIT) = 10`,
		decodeLine(t, d, unix.SYS_SENDMSG, 10, 3, msg, unix.MSG_DONTWAIT))
	assert.Equal(t, `sendmsg(3, 0x8, 0) = -1 EFAULT (Bad address)`, decodeLine(t, d, unix.SYS_SENDMSG, -14, 3, 8, 0))

	// recvmsg: the name length changed by the call, the data cut by the
	// return value, credentials.
	from := m.put(0x5000, sockaddrIn(47615, [4]byte{127, 0, 0, 1}))
	creds := m.put(0x6000, cmsg(unix.SOL_SOCKET, unix.SCM_CREDENTIALS, append(le32(42), append(le32(0), le32(0)...)...)))
	rmsg := m.put(0x7000, msghdrBytes(from, 128, iov, 1, creds, 32, 0))
	c := &Call{Nr: unix.SYS_RECVMSG, Args: [6]uint64{4, rmsg, unix.MSG_CMSG_CLOEXEC}}
	b := d.Enter(nil, c)
	m.put(0x7000, msghdrBytes(from, 16, iov, 1, creds, 32, unix.MSG_CMSG_CLOEXEC))
	c.Ret = 2
	b = d.Exit(b, c)
	assert.Equal(t, `recvmsg(4, {msg_name={sa_family=AF_INET, sin_port=htons(47615), sin_addr=inet_addr("127.0.0.1")}, msg_namelen=128 => 16, msg_iov=[{iov_base="fd", iov_len=10}], msg_iovlen=1, msg_control=[{cmsg_len=28, cmsg_level=SOL_SOCKET, cmsg_type=SCM_CREDENTIALS, cmsg_data={pid=42, uid=0, gid=0}}], msg_controllen=32, msg_flags=MSG_CMSG_CLOEXEC}, MSG_CMSG_CLOEXEC`, string(b))
	assert.Equal(t, `recvmsg(4, {msg_namelen=16}, MSG_DONTWAIT) = -1 EAGAIN (Resource temporarily unavailable)`,
		decodeLine(t, d, unix.SYS_RECVMSG, -11, 4, rmsg, unix.MSG_DONTWAIT))
	assert.Equal(t, `recvmsg(4, 0xbad, 0) = -1 EFAULT (Bad address)`, decodeLine(t, d, unix.SYS_RECVMSG, -14, 4, 0xbad, 0))
}

func TestMsgControlHostile(t *testing.T) {
	m := newFakeMem()
	d := testDecoder(m)
	// A control message claiming more than the buffer holds, then an
	// unknown level; a too-short buffer; an unreadable one; a huge length.
	ctl := append(cmsg(unix.SOL_IP, unix.IP_TTL, le32(64)), cmsg(99, 5, nil)...)
	binary.LittleEndian.PutUint64(ctl[24:], 1000)
	a := m.put(0x1000, ctl)
	msg := m.put(0x2000, msghdrBytes(0, 0, 0, 0, a, uint64(len(ctl)), 0))
	assert.Equal(t, `sendmsg(3, {msg_name=NULL, msg_namelen=0, msg_iov=NULL, msg_iovlen=0, msg_control=[{cmsg_len=20, cmsg_level=SOL_IP, cmsg_type=IP_TTL, cmsg_data=[64]}, {cmsg_len=1000, cmsg_level=0x63 /* SOL_??? */, cmsg_type=0x5}], msg_controllen=40, msg_flags=0}, 0) = 0`,
		decodeLine(t, d, unix.SYS_SENDMSG, 0, 3, msg))
	short := m.put(0x3000, msghdrBytes(0, 0, 0, 0, a, 8, 0))
	assert.Equal(t, `sendmsg(3, {msg_name=NULL, msg_namelen=0, msg_iov=NULL, msg_iovlen=0, msg_control=0x1000, msg_controllen=8, msg_flags=0}, 0) = 0`,
		decodeLine(t, d, unix.SYS_SENDMSG, 0, 3, short))
	huge := m.put(0x4000, msghdrBytes(0, 0, 0, 1<<62, a, 1<<62, 0))
	assert.Equal(t, `sendmsg(3, {msg_name=NULL, msg_namelen=0, msg_iov=NULL, msg_iovlen=4611686018427387904, msg_control=0x1000, msg_controllen=4611686018427387904, msg_flags=0}, 0) = -1 EMSGSIZE (Message too long)`,
		decodeLine(t, d, unix.SYS_SENDMSG, -90, 3, huge))
	// Many SCM_RIGHTS descriptors: bounded by -s.
	fds := make([]byte, 4*40)
	for i := range 40 {
		binary.LittleEndian.PutUint32(fds[4*i:], uint32(i))
	}
	many := m.put(0x5000, cmsg(unix.SOL_SOCKET, unix.SCM_RIGHTS, fds))
	mm := m.put(0x6000, msghdrBytes(0, 0, 0, 0, many, 16+160, 0))
	out := decodeLine(t, d, unix.SYS_SENDMSG, 0, 3, mm)
	assert.Contains(t, out, "cmsg_data=[0, 1, 2,")
	assert.Contains(t, out, ", 31, ...]}]")
	// A NUL-free, non-ASCII security label.
	sec := m.put(0x7000, cmsg(unix.SOL_SOCKET, unix.SCM_SECURITY, []byte("lab\xe9l")))
	ms := m.put(0x8000, msghdrBytes(0, 0, 0, 0, sec, 24, 0))
	assert.True(t, strings.Contains(decodeLine(t, d, unix.SYS_SENDMSG, 0, 3, ms), `cmsg_type=SCM_SECURITY, cmsg_data="lab\351l"`))
}

func TestMmsg(t *testing.T) {
	m := newFakeMem()
	d := testDecoder(m)
	to := m.put(0x1000, sockaddrIn(47616, [4]byte{127, 0, 0, 1}))
	data := m.put(0x2000, []byte("firstsecond"))
	iov := m.put(0x3000, iovecs(data, 5, data+5, 6))
	vec := append(append(msghdrBytes(to, 16, iov, 1, 0, 0, 0), le32(5)...), 0, 0, 0, 0)
	vec = append(vec, append(append(msghdrBytes(to, 16, iov+16, 1, 0, 0, 0), le32(0)...), 0, 0, 0, 0)...)
	v := m.put(0x4000, vec)
	assert.Equal(t, `sendmmsg(7, [{msg_hdr={msg_name={sa_family=AF_INET, sin_port=htons(47616), sin_addr=inet_addr("127.0.0.1")}, msg_namelen=16, msg_iov=[{iov_base="first", iov_len=5}], msg_iovlen=1, msg_controllen=0, msg_flags=0}, msg_len=5}, {msg_hdr={msg_name={sa_family=AF_INET, sin_port=htons(47616), sin_addr=inet_addr("127.0.0.1")}, msg_namelen=16, msg_iov=[{iov_base="second", iov_len=6}], msg_iovlen=1, msg_controllen=0, msg_flags=0}}], 2, 0) = 1`,
		decodeLine(t, d, unix.SYS_SENDMMSG, 1, 7, v, 2, 0))
	ts := m.put(0x5000, timespec(0, 20000000))
	assert.Equal(t, `recvmmsg(8, [{msg_hdr={msg_name={sa_family=AF_INET, sin_port=htons(47616), sin_addr=inet_addr("127.0.0.1")}, msg_namelen=16, msg_iov=[{iov_base="first", iov_len=5}], msg_iovlen=1, msg_controllen=0, msg_flags=0}, msg_len=5}], 2, MSG_WAITFORONE, {tv_sec=0, tv_nsec=20000000}) = 1 (left {tv_sec=0, tv_nsec=20000000})`,
		decodeLine(t, d, unix.SYS_RECVMMSG, 1, 8, v, 2, unix.MSG_WAITFORONE, ts))
	assert.Equal(t, `recvmmsg(8, 0x4000, 2, MSG_DONTWAIT, NULL) = -1 EAGAIN (Resource temporarily unavailable)`,
		decodeLine(t, d, unix.SYS_RECVMMSG, -11, 8, v, 2, unix.MSG_DONTWAIT, 0))
	assert.Equal(t, `recvmmsg(8, [], 2, 0, {tv_sec=0, tv_nsec=20000000}) = 0 (Timeout)`,
		decodeLine(t, d, unix.SYS_RECVMMSG, 0, 8, v, 2, 0, ts))
	assert.Empty(t, mmsgStates, "recvmmsg entry state left behind")
}
