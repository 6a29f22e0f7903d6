// file_mountapi makes the new mount API calls (open_tree, move_mount,
// fsopen, fsconfig, fsmount, fspick, mount_setattr) with fixed arguments
// for comparing gotrace with strace. Every call fails or makes nothing
// visible: bad fds and paths, and one tmpfs context that is never created
// nor mounted.
#define _GNU_SOURCE
#include <fcntl.h>
#include <string.h>
#include <unistd.h>
#include <linux/mount.h>
#include <sys/syscall.h>

static const char long_key[] = "a_fsconfig_key_longer_than_thirty_two_bytes_by_far";
static const char k32[] = "0123456789abcdef0123456789abcdef";

int main(void)
{
	struct mount_attr attr = { .attr_set = MOUNT_ATTR_RDONLY | MOUNT_ATTR_NOATIME,
				   .attr_clr = MOUNT_ATTR__ATIME, .propagation = MS_PRIVATE };
	struct { struct mount_attr a; unsigned long long extra[2]; } big = {
		.a = { .attr_set = MOUNT_ATTR_IDMAP | 0x40000000, .attr_clr = 0, .propagation = 0x10,
		       .userns_fd = 3 },
		.extra = { 0, 0x1234 } };
	unsigned char bin[8] = {1, 2, 'a', 0, 0xff, 'z', 0, 9};

	syscall(SYS_open_tree, AT_FDCWD, "/nonexistent/tree", OPEN_TREE_CLONE | OPEN_TREE_CLOEXEC);
	syscall(SYS_open_tree, -1, "", AT_EMPTY_PATH | AT_RECURSIVE | AT_SYMLINK_NOFOLLOW | AT_NO_AUTOMOUNT);
	syscall(SYS_open_tree, 100, NULL, 0x40000000);
	syscall(SYS_open_tree, AT_FDCWD, (void *)1, 0);
	syscall(SYS_move_mount, -1, "", AT_FDCWD, "/nonexistent/to",
		MOVE_MOUNT_F_EMPTY_PATH | MOVE_MOUNT_T_SYMLINKS | MOVE_MOUNT_T_AUTOMOUNTS);
	syscall(SYS_move_mount, 100, "from", 101, "", MOVE_MOUNT_F_SYMLINKS | MOVE_MOUNT_F_AUTOMOUNTS | MOVE_MOUNT_T_EMPTY_PATH | 0x100);
	syscall(SYS_move_mount, -1, NULL, -1, (void *)1, 0x80000000);
	syscall(SYS_fsopen, "nosuchfs", FSOPEN_CLOEXEC);
	syscall(SYS_fsopen, NULL, 0);
	syscall(SYS_fsopen, (void *)1, 2);
	syscall(SYS_fsopen, long_key, 0);
	int fs = syscall(SYS_fsopen, "tmpfs", 0);
	syscall(SYS_fsconfig, fs, FSCONFIG_SET_STRING, "size", "1M", 0);
	syscall(SYS_fsconfig, fs, FSCONFIG_SET_FLAG, "noswap", NULL, 0);
	syscall(SYS_fsconfig, fs, FSCONFIG_SET_STRING, long_key, long_key, 0);
	syscall(SYS_fsconfig, fs, FSCONFIG_SET_STRING, k32, k32, 0);
	syscall(SYS_fsconfig, fs, FSCONFIG_SET_BINARY, "bin", bin, sizeof(bin));
	syscall(SYS_fsconfig, fs, FSCONFIG_SET_BINARY, "bin", bin, -1);
	syscall(SYS_fsconfig, fs, FSCONFIG_SET_PATH, "source", "/nonexistent/src", AT_FDCWD);
	syscall(SYS_fsconfig, fs, FSCONFIG_SET_PATH_EMPTY, "source", "", 100);
	syscall(SYS_fsconfig, fs, FSCONFIG_SET_FD, "fd", NULL, 100);
	syscall(SYS_fsconfig, -1, FSCONFIG_CMD_CREATE, NULL, NULL, 0);
	syscall(SYS_fsconfig, -1, FSCONFIG_CMD_RECONFIGURE, (void *)1, (void *)2, 3);
	syscall(SYS_fsconfig, fs, 100, "k", "v", 5);
	syscall(SYS_fsconfig, fs, FSCONFIG_SET_STRING, (void *)1, (void *)2, 0);
	syscall(SYS_fsmount, fs, FSMOUNT_CLOEXEC, MOUNT_ATTR_RDONLY | MOUNT_ATTR_NOSUID | MOUNT_ATTR_NODEV | MOUNT_ATTR_NOEXEC | MOUNT_ATTR_NODIRATIME);
	syscall(SYS_fsmount, fs, 0, MOUNT_ATTR_NOATIME);
	syscall(SYS_fsmount, fs, 0, MOUNT_ATTR_STRICTATIME);
	syscall(SYS_fsmount, fs, 0x10, 0x40 | 0x100000);
	syscall(SYS_fsmount, -1, 0, 0);
	syscall(SYS_close, fs);
	syscall(SYS_fspick, AT_FDCWD, "/nonexistent/pick", FSPICK_CLOEXEC | FSPICK_SYMLINK_NOFOLLOW);
	syscall(SYS_fspick, -1, "", FSPICK_NO_AUTOMOUNT | FSPICK_EMPTY_PATH | 0x10);
	syscall(SYS_fspick, 100, NULL, 0);
	syscall(SYS_mount_setattr, -1, "", AT_EMPTY_PATH | AT_RECURSIVE, &attr, sizeof(attr));
	syscall(SYS_mount_setattr, AT_FDCWD, "/nonexistent/attr", AT_SYMLINK_NOFOLLOW | AT_NO_AUTOMOUNT | 0x1, &big, sizeof(big));
	big.extra[1] = 0;
	syscall(SYS_mount_setattr, AT_FDCWD, "/nonexistent/attr", 0, &big, sizeof(big));
	syscall(SYS_mount_setattr, -1, "", 0, &attr, 24);
	syscall(SYS_mount_setattr, -1, "", 0, NULL, sizeof(attr));
	syscall(SYS_mount_setattr, -1, "", 0, (void *)1, sizeof(attr));
	attr.attr_set = 0; attr.attr_clr = 0; attr.propagation = 0; attr.userns_fd = -1;
	syscall(SYS_mount_setattr, -1, "", 0, &attr, sizeof(attr));
	attr.attr_set = MOUNT_ATTR_IDMAP; attr.userns_fd = 0x80000000u;
	syscall(SYS_mount_setattr, -1, "", 0, &attr, sizeof(attr));
	attr.attr_set = 0; attr.attr_clr = MOUNT_ATTR_IDMAP | MOUNT_ATTR_NOSYMFOLLOW | 0x40; attr.userns_fd = 5;
	syscall(SYS_mount_setattr, -1, "", 0, &attr, sizeof(attr));
	return 0;
}
