package syscalls

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"golang.org/x/sys/unix"

	"github.com/gotrace/gotrace/format"
)

func TestKeys(t *testing.T) {
	m := newFakeMem()
	desc := m.put(0x1000, []byte("user;0;0;3f010000;k\x00"))
	dh := m.put(0x2000, u32s(5, 0xfffffffe, 7))
	kdf := m.put(0x3000, append(u64s(0x1000+18, 0x1000), u32s(4, 0, 0, 0, 0, 0, 0, 0, 9, 0)...))
	pq := m.put(0x4000, append(append(u32s(unix.KEYCTL_SUPPORTS_ENCRYPT|unix.KEYCTL_SUPPORTS_VERIFY|0x10, 2048), 0, 1, 0, 2, 0, 3, 0, 4), make([]byte, 40)...))
	pp := m.put(0x5000, append(u32s(0xfffffffd, 4, 3), make([]byte, 28)...))
	user := m.put(0x8000, []byte("user\x00"))
	caps := m.put(0x6000, []byte{0x81, 0x3, 0x7})
	d := testDecoder(m)

	assert.Equal(t, `keyctl(KEYCTL_SESSION_TO_PARENT) = 0`,
		decodeLine(t, d, unix.SYS_KEYCTL, 0, unix.KEYCTL_SESSION_TO_PARENT))
	// DESCRIBE omits the trailing NUL it returned; READ does not.
	assert.Equal(t, `keyctl(KEYCTL_DESCRIBE, 12345, "user;0;0;3f010000;k", 64) = 20`,
		decodeLine(t, d, unix.SYS_KEYCTL, 20, unix.KEYCTL_DESCRIBE, 12345, desc, 64))
	assert.Equal(t, `keyctl(KEYCTL_READ, KEY_SPEC_USER_KEYRING, "user;0;0;3f010000;k\0", 64) = 20`,
		decodeLine(t, d, unix.SYS_KEYCTL, 20, unix.KEYCTL_READ, uint64(0xfffffffc), desc, 64))
	d.Opts.X = format.XNonASCII
	assert.Equal(t, `keyctl(KEYCTL_GET_SECURITY, 1, "\x6b\x00", 2) = 2`,
		decodeLine(t, d, unix.SYS_KEYCTL, 2, unix.KEYCTL_GET_SECURITY, 1, desc+18, 2))
	d.Opts.X = format.XNone
	assert.Equal(t, `keyctl(KEYCTL_DH_COMPUTE, {private=5, prime=KEY_SPEC_PROCESS_KEYRING, base=7}, "user", 4, {hashname="k", otherinfo="user", otherinfolen=4, __spare=[0, 0, 0, 0, 0, 0, 0, 0x9]}) = 4`,
		decodeLine(t, d, unix.SYS_KEYCTL, 4, unix.KEYCTL_DH_COMPUTE, dh, desc, 4, kdf))
	assert.Equal(t, `keyctl(KEYCTL_DH_COMPUTE, 0x2004, 0x1000, 4, 0x3001) = -1 EINVAL (Invalid argument)`,
		decodeLine(t, d, unix.SYS_KEYCTL, -22, unix.KEYCTL_DH_COMPUTE, dh+4, desc, 4, kdf+1))
	assert.Equal(t, `keyctl(KEYCTL_PKEY_QUERY, 9, 0, "enc=raw", {supported_ops=KEYCTL_SUPPORTS_ENCRYPT|KEYCTL_SUPPORTS_VERIFY|0x10, key_size=2048, max_data_size=256, max_sig_size=512, max_enc_size=768, max_dec_size=1024}) = 0`,
		decodeLine(t, d, unix.SYS_KEYCTL, 0, unix.KEYCTL_PKEY_QUERY, 9, 0, m.put(0x7000, []byte("enc=raw\x00")), pq))
	// PKEY_ENCRYPT fills its output at exit, out_len bytes; VERIFY reads
	// both buffers at entry; unreadable parameters leave addresses.
	assert.Equal(t, `keyctl(KEYCTL_PKEY_ENCRYPT, {key_id=KEY_SPEC_SESSION_KEYRING, in_len=4, out_len=3}, "enc=raw", "user", "use") = 3`,
		decodeLine(t, d, unix.SYS_KEYCTL, 3, unix.KEYCTL_PKEY_ENCRYPT, pp, 0x7000, desc, desc))
	assert.Equal(t, `keyctl(KEYCTL_PKEY_SIGN, {key_id=KEY_SPEC_SESSION_KEYRING, in_len=4, out_len=3}, "enc=raw", "user", 0x1000) = -1 EINVAL (Invalid argument)`,
		decodeLine(t, d, unix.SYS_KEYCTL, -22, unix.KEYCTL_PKEY_SIGN, pp, 0x7000, desc, desc))
	assert.Equal(t, `keyctl(KEYCTL_PKEY_VERIFY, {key_id=KEY_SPEC_SESSION_KEYRING, in_len=4, in2_len=3}, "enc=raw", "user", "use") = 0`,
		decodeLine(t, d, unix.SYS_KEYCTL, 0, unix.KEYCTL_PKEY_VERIFY, pp, 0x7000, desc, desc))
	assert.Equal(t, `keyctl(KEYCTL_PKEY_DECRYPT, 0x5008, "enc=raw", 0x1000, 0x1000) = -1 EFAULT (Bad address)`,
		decodeLine(t, d, unix.SYS_KEYCTL, -14, unix.KEYCTL_PKEY_DECRYPT, pp+8, 0x7000, desc, desc))
	// Bytes past the second print in hex; -s cuts the array.
	assert.Equal(t, `keyctl(KEYCTL_CAPABILITIES, [KEYCTL_CAPS0_CAPABILITIES|KEYCTL_CAPS0_MOVE, KEYCTL_CAPS1_NS_KEYRING_NAME|KEYCTL_CAPS1_NS_KEY_TAG, 0x7], 8) = 3`,
		decodeLine(t, d, unix.SYS_KEYCTL, 3, unix.KEYCTL_CAPABILITIES, caps, 8))
	d.Opts.StrSize = 1
	assert.Equal(t, `keyctl(KEYCTL_CAPABILITIES, [KEYCTL_CAPS0_CAPABILITIES|KEYCTL_CAPS0_MOVE, ...], 8) = 3`,
		decodeLine(t, d, unix.SYS_KEYCTL, 3, unix.KEYCTL_CAPABILITIES, caps, 8))
	d.Opts.StrSize = 32
	assert.Equal(t, `keyctl(KEYCTL_REJECT, 1, 0, ENOKEY, 0) = 0`,
		decodeLine(t, d, unix.SYS_KEYCTL, 0, unix.KEYCTL_REJECT, 1, 0, uint64(unix.ENOKEY), 0))
	// add_key's payload is a counted buffer: what -s shows, plus one
	// byte to tell it is cut, must be readable.
	assert.Equal(t, `add_key("user", "k", "use", 3, -9) = -1 EINVAL (Invalid argument)`,
		decodeLine(t, d, unix.SYS_ADD_KEY, -22, user, desc+18, desc, 3, uint64(0xfffffff7)))
	assert.Equal(t, `add_key("user", "k", 0x1001, 4096, KEY_SPEC_THREAD_KEYRING) = -1 EINVAL (Invalid argument)`,
		decodeLine(t, d, unix.SYS_ADD_KEY, -22, user, desc+18, desc+1, 4096, uint64(0xffffffff)))
	assert.Equal(t, `add_key("user", "k", "ser;0;0;3f010000;k\0", 19, KEY_SPEC_THREAD_KEYRING) = -1 EINVAL (Invalid argument)`,
		decodeLine(t, d, unix.SYS_ADD_KEY, -22, user, desc+18, desc+1, 19, uint64(0xffffffff)))
}
