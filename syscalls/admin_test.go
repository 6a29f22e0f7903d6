package syscalls

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"golang.org/x/sys/unix"

	"github.com/gotrace/gotrace/format"
)

// TestAdmin covers the shapes the tracee cannot make safely: a read of
// the kernel log, a valid host name, a restart command, a console level,
// readable kexec segments, a Landlock path rule.
func TestAdmin(t *testing.T) {
	m := newFakeMem()
	text := m.put(0x1000, []byte("<6>hello\n\x00"))
	segs := m.put(0x2000, u64s(0x1000, 16, 0x200000, 4096))
	pb := m.put(0x3000, append(u64s(unix.LANDLOCK_ACCESS_FS_READ_FILE|unix.LANDLOCK_ACCESS_FS_TRUNCATE), u32s(5)...))
	d := testDecoder(m)

	assert.Equal(t, `syslog(3 /* SYSLOG_ACTION_READ_ALL */, "<6>hello\n", 64) = 9`,
		decodeLine(t, d, unix.SYS_SYSLOG, 9, 3, text, 64))
	assert.Equal(t, `syslog(2 /* SYSLOG_ACTION_READ */, 0x1000, 64) = -1 EINTR (Interrupted system call)`,
		decodeLine(t, d, unix.SYS_SYSLOG, -4, 2, text, 64))
	assert.Equal(t, `syslog(8 /* SYSLOG_ACTION_CONSOLE_LEVEL */, NULL, 4 /* LOGLEVEL_WARNING */) = 0`,
		decodeLine(t, d, unix.SYS_SYSLOG, 0, 8, 0, 4))
	assert.Equal(t, `syslog(5 /* SYSLOG_ACTION_CLEAR */) = 0`, decodeLine(t, d, unix.SYS_SYSLOG, 0, 5, 0, 0))
	d.Opts.Style = format.Raw
	assert.Equal(t, `syslog(10 /* SYSLOG_ACTION_SIZE_BUFFER */) = 131072`,
		decodeLine(t, d, unix.SYS_SYSLOG, 131072, 10, 0, 0))
	d.Opts.Style = format.Abbrev

	assert.Equal(t, `sethostname("<6>hello", 8) = 0`, decodeLine(t, d, unix.SYS_SETHOSTNAME, 0, text, 8))
	assert.Equal(t, `setdomainname(0x1001, 64) = -1 EFAULT (Bad address)`,
		decodeLine(t, d, unix.SYS_SETDOMAINNAME, -14, text+1, 64))
	assert.Equal(t, `reboot(LINUX_REBOOT_MAGIC1, LINUX_REBOOT_MAGIC2A, LINUX_REBOOT_CMD_RESTART2, "<6>hello\n") = -1 EPERM (Operation not permitted)`,
		decodeLine(t, d, unix.SYS_REBOOT, -1, unix.LINUX_REBOOT_MAGIC1, 0x05121996, unix.LINUX_REBOOT_CMD_RESTART2, text))
	assert.Equal(t, `kexec_load(0x1000, 2, [{buf=0x1000, bufsz=16, mem=0x200000, memsz=4096}, ... /* 0x2020 */], KEXEC_ARCH_X86_64) = -1 EPERM (Operation not permitted)`,
		decodeLine(t, d, unix.SYS_KEXEC_LOAD, -1, 0x1000, 2, segs, unix.KEXEC_ARCH_X86_64))
	assert.Equal(t, `kexec_file_load(3, -1, 9, "<6>hello\n", KEXEC_FILE_UNLOAD) = 0`,
		decodeLine(t, d, unix.SYS_KEXEC_FILE_LOAD, 0, 3, 0xffffffff, 9, text, 1))
	assert.Equal(t, `lookup_dcookie(4660, "<6>hello", 64) = 8`,
		decodeLine(t, d, unix.SYS_LOOKUP_DCOOKIE, 8, 0x1234, text, 64))
	assert.Equal(t, `swapon("<6>hello\n", SWAP_FLAG_PREFER|0) = 0`,
		decodeLine(t, d, unix.SYS_SWAPON, 0, text, 0x8000))
	// strace 6.1 does not name LANDLOCK_ACCESS_FS_TRUNCATE.
	assert.Equal(t, `landlock_add_rule(3, LANDLOCK_RULE_PATH_BENEATH, {allowed_access=LANDLOCK_ACCESS_FS_READ_FILE|0x4000, parent_fd=5}, 0) = 0`,
		decodeLine(t, d, unix.SYS_LANDLOCK_ADD_RULE, 0, 3, 1, pb, 0))
	assert.Equal(t, `landlock_create_ruleset(NULL, 0, LANDLOCK_CREATE_RULESET_VERSION) = 3`,
		decodeLine(t, d, unix.SYS_LANDLOCK_CREATE_RULESET, 3, 0, 0, 1))
}
