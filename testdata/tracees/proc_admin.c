// proc_admin makes the administration calls and Landlock's with fixed
// arguments for comparing gotrace with strace. The tracee runs as root on
// a shared machine, so every call that could change the system fails: bad
// magic numbers, lengths over the limit, missing paths, invalid fds,
// flags and ranges. syslog only asks the ring's size and reads nothing.
#define _GNU_SOURCE
#include <fcntl.h>
#include <string.h>
#include <unistd.h>
#include <sys/syscall.h>
#include <linux/landlock.h>
#include <linux/reboot.h>

int main(void)
{
	char buf[256];
	char longname[100];
	memset(longname, 'h', sizeof(longname));
	struct { unsigned long long fs, net; } ra = { LANDLOCK_ACCESS_FS_EXECUTE | LANDLOCK_ACCESS_FS_READ_FILE | (1ULL << 40), 3 };
	struct __attribute__((packed)) { unsigned long long acc; int fd; } pb = { LANDLOCK_ACCESS_FS_WRITE_FILE | LANDLOCK_ACCESS_FS_REFER, -1 };
	unsigned long segs[4] = { 0x1000, 16, 0x200000, 4096 };

	/* Landlock: a version query and rulesets that are never enforced. */
	syscall(SYS_landlock_create_ruleset, NULL, 0, LANDLOCK_CREATE_RULESET_VERSION);
	syscall(SYS_landlock_create_ruleset, &ra, 8, 0);
	syscall(SYS_landlock_create_ruleset, &ra, 16, 0);
	syscall(SYS_landlock_create_ruleset, &ra, 4, 0);
	syscall(SYS_landlock_create_ruleset, (void *)1, 8, 2);
	syscall(SYS_landlock_create_ruleset, NULL, 8, 0);
	ra.fs = LANDLOCK_ACCESS_FS_READ_DIR | LANDLOCK_ACCESS_FS_WRITE_FILE | LANDLOCK_ACCESS_FS_REFER;
	int rs = syscall(SYS_landlock_create_ruleset, &ra, 8, 0);
	syscall(SYS_landlock_add_rule, rs, LANDLOCK_RULE_PATH_BENEATH, &pb, 0);
	syscall(SYS_landlock_add_rule, rs, 3, &pb, 5);
	syscall(SYS_landlock_add_rule, rs, LANDLOCK_RULE_PATH_BENEATH, (void *)1, 0);
	syscall(SYS_landlock_restrict_self, -1, 0);
	syscall(SYS_landlock_restrict_self, -1, 0x80000000);
	syscall(SYS_close, rs);
	syscall(SYS_memfd_secret, 0x1);
	syscall(SYS_memfd_secret, O_CLOEXEC | 0x10);

	syscall(SYS_syslog, 10, NULL, 0);
	syscall(SYS_syslog, 3, buf, 0);
	syscall(SYS_syslog, 3, NULL, 10);
	syscall(SYS_syslog, 99, (void *)1, 5);
	syscall(SYS_syslog, -1, NULL, -1);
	syscall(SYS_sysfs, 1, "gotrace-nofs");
	syscall(SYS_sysfs, 1, NULL);
	syscall(SYS_sysfs, 2, 100000, buf);
	syscall(SYS_sysfs, 99, 1, 2);
	syscall(SYS_ustat, 0, buf);
	syscall(SYS_pivot_root, "/nonexistent/new", "/nonexistent/old");
	syscall(SYS_acct, "/nonexistent/acct");
	syscall(SYS_swapon, "/nonexistent/swap", 0);
	syscall(SYS_swapon, "/nonexistent/swap", 0x8000 | 0x10000 | 5);
	syscall(SYS_swapon, NULL, 0x80000 | 0x40000 | 0x20000);
	syscall(SYS_swapoff, "/nonexistent/swap");
	syscall(SYS_reboot, 0xdeadbeef, 0, 0, NULL);
	syscall(SYS_reboot, LINUX_REBOOT_MAGIC1, 1, LINUX_REBOOT_CMD_RESTART2, "now");
	syscall(SYS_reboot, 1, LINUX_REBOOT_MAGIC2, 0x12345678, NULL);
	syscall(SYS_reboot, 2, LINUX_REBOOT_MAGIC2C, LINUX_REBOOT_CMD_POWER_OFF, NULL);
	syscall(SYS_sethostname, longname, sizeof(longname));
	syscall(SYS_sethostname, NULL, 1000);
	syscall(SYS_setdomainname, longname, sizeof(longname));
	syscall(SYS_iopl, 4);
	syscall(SYS_iopl, -1);
	syscall(SYS_ioperm, 0xffff0, 16, 1);
	syscall(SYS_ioperm, 0x10000, 1, -1);
	syscall(SYS_init_module, "not an ELF image", 16, "");
	syscall(SYS_init_module, NULL, 0, NULL);
	syscall(SYS_finit_module, -1, "opt=1", 0);
	syscall(SYS_finit_module, -1, "", 1 | 2 | 0x10);
	syscall(SYS_delete_module, "gotrace_no_such_module", O_NONBLOCK | O_TRUNC);
	syscall(SYS_delete_module, "gotrace_no_such_module", 0x40);
	syscall(SYS_kexec_file_load, -1, -1, 4, "root", 4 | 2);
	syscall(SYS_kexec_file_load, -1, -1, 0, NULL, 0x100);
	syscall(SYS_kexec_load, 0x1000, 17, segs, 0);
	syscall(SYS_kexec_load, 0x1000, 1, segs, (3 << 16) | 0x100);
	syscall(SYS_kexec_load, 0, 17, NULL, (62 << 16) | 1 | 2);
	syscall(SYS_lookup_dcookie, 0x1234, buf, sizeof(buf));
	syscall(SYS_uselib, "/nonexistent/lib");
	return 0;
}
