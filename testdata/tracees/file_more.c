// file_more makes the rarer file calls (ownership, links, allocation,
// locks, times, memfd, close_range, fadvise, umount2, openat2) with fixed
// arguments, successful and failing, for comparing gotrace with strace.
#define _GNU_SOURCE
#include <fcntl.h>
#include <linux/falloc.h>
#include <linux/openat2.h>
#include <sys/file.h>
#include <sys/mman.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

int main(void)
{
	syscall(SYS_mkdir, "file_more.d", 0755);
	syscall(SYS_chdir, "file_more.d");
	int fd = syscall(SYS_openat, AT_FDCWD, "f", O_RDWR | O_CREAT, 0644);
	syscall(SYS_chown, "f", 0, 0);
	syscall(SYS_chown, "f", -1, -1);
	syscall(SYS_fchown, fd, 1000, -1);
	syscall(SYS_lchown, "f", -1, 1000);
	syscall(SYS_fchownat, AT_FDCWD, "f", 0, 0, AT_SYMLINK_NOFOLLOW);
	syscall(SYS_link, "f", "g");
	syscall(SYS_linkat, AT_FDCWD, "f", AT_FDCWD, "h", AT_SYMLINK_FOLLOW);
	syscall(SYS_symlinkat, "f", AT_FDCWD, "s");
	syscall(SYS_fallocate, fd, 0, 0, 4096);
	syscall(SYS_fallocate, fd, FALLOC_FL_KEEP_SIZE | FALLOC_FL_PUNCH_HOLE, 0, 4096);
	syscall(SYS_fallocate, fd, 0x1000, 0, 4096);
	syscall(SYS_sync_file_range, fd, 0, 4096, SYNC_FILE_RANGE_WRITE | SYNC_FILE_RANGE_WAIT_AFTER);
	syscall(SYS_flock, fd, LOCK_EX | LOCK_NB);
	syscall(SYS_flock, fd, LOCK_UN);
	syscall(SYS_flock, fd, 0x40);
	struct timespec ts[2] = {{1, 2}, {3, UTIME_NOW}};
	syscall(SYS_utimensat, AT_FDCWD, "f", ts, 0);
	struct timespec to[2] = {{0, UTIME_OMIT}, {1700000000, 5}};
	syscall(SYS_utimensat, fd, NULL, to, 0);
	syscall(SYS_utimensat, AT_FDCWD, "f", NULL, AT_SYMLINK_NOFOLLOW);
	syscall(SYS_utimensat, AT_FDCWD, "f", (void *)8, 0);
	int m = syscall(SYS_memfd_create, "mem", MFD_CLOEXEC | MFD_ALLOW_SEALING);
	syscall(SYS_memfd_create, "huge", MFD_HUGETLB | (21 << 26));
	syscall(SYS_memfd_create, "bad", 0x100);
	syscall(SYS_fadvise64, fd, 0, 4096, POSIX_FADV_DONTNEED);
	syscall(SYS_fadvise64, fd, 0, 0, 99);
	syscall(SYS_umount2, "/nonexistent", MNT_DETACH | UMOUNT_NOFOLLOW);
	syscall(SYS_umount2, "/nonexistent", 0);
	struct open_how how = {.flags = O_RDONLY | O_CLOEXEC, .resolve = RESOLVE_BENEATH | RESOLVE_NO_SYMLINKS};
	syscall(SYS_openat2, AT_FDCWD, "f", &how, sizeof how);
	struct open_how how2 = {.flags = O_CREAT | O_WRONLY, .mode = 0600};
	syscall(SYS_openat2, AT_FDCWD, "n", &how2, sizeof how2);
	syscall(SYS_openat2, AT_FDCWD, "f", &how, 8);
	syscall(SYS_close_range, 100, 200, 0);
	syscall(SYS_close_range, 100, ~0U, CLOSE_RANGE_CLOEXEC);
	syscall(SYS_close, m);
	syscall(SYS_unlink, "f");
	syscall(SYS_unlink, "g");
	syscall(SYS_unlink, "h");
	syscall(SYS_unlink, "s");
	syscall(SYS_unlink, "n");
	syscall(SYS_chdir, "..");
	syscall(SYS_rmdir, "file_more.d");
	return 0;
}
