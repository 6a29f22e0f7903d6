// file_stat makes statx, statfs and fstatfs calls with fixed arguments,
// successful and failing, for comparing gotrace's decoding with strace's.
#define _GNU_SOURCE
#include <fcntl.h>
#include <linux/stat.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include <sys/syscall.h>
#include <unistd.h>

int main(void)
{
	struct statx stx;
	struct statfs sfs;

	syscall(SYS_statx, AT_FDCWD, "/dev/null", 0, STATX_BASIC_STATS, &stx);
	syscall(SYS_statx, AT_FDCWD, "/", AT_SYMLINK_NOFOLLOW | AT_STATX_DONT_SYNC, STATX_ALL, &stx);
	syscall(SYS_statx, AT_FDCWD, "/", AT_STATX_FORCE_SYNC, STATX_TYPE | STATX_SIZE | 0x40000000, &stx);
	syscall(SYS_statx, AT_FDCWD, "/", 0x6000 | AT_EMPTY_PATH, 0, &stx);
	syscall(SYS_statx, AT_FDCWD, "/missing", 0, STATX_ALL, &stx);
	syscall(SYS_statx, AT_FDCWD, "/", 0, STATX_ALL, (void *)8);
	syscall(SYS_statfs, "/", &sfs);
	syscall(SYS_statfs, "/proc", &sfs);
	syscall(SYS_statfs, "/missing", &sfs);
	int fd = syscall(SYS_openat, AT_FDCWD, "/dev", O_RDONLY);
	syscall(SYS_fstatfs, fd, &sfs);
	syscall(SYS_fstatfs, fd, (void *)8);
	syscall(SYS_fstatfs, 99, &sfs);
	return 0;
}
