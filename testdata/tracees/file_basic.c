// file_basic makes open, stat, seek, access, dup, pipe and fcntl calls
// with fixed arguments, successful and failing, for comparing gotrace's
// decoding with strace's. It works in a directory named by argv[1]
// (default "file_basic.d" under the current directory).
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/sysmacros.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	const char *dir = argc > 1 ? argv[1] : "file_basic.d";
	char buf[256];
	struct stat st;
	int fds[2];

	syscall(SYS_mkdir, dir, 0755);
	if (syscall(SYS_chdir, dir) != 0)
		return 1;
	syscall(SYS_umask, 022);

	/* open and openat: access modes, flags, mode only with O_CREAT. */
	int fd = syscall(SYS_openat, AT_FDCWD, "a.txt", O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
	syscall(SYS_write, fd, "hello, world\n", 13);
	syscall(SYS_close, fd);
	fd = syscall(SYS_open, "a.txt", O_RDONLY);
	syscall(SYS_close, fd);
	syscall(SYS_open, "missing", O_RDONLY);
	syscall(SYS_open, "a.txt", O_RDWR | O_APPEND | O_NONBLOCK | O_NOFOLLOW | O_NOATIME | O_DIRECT);
	syscall(SYS_openat, AT_FDCWD, "b.txt", O_RDWR | O_CREAT | O_EXCL, 0600);
	syscall(SYS_openat, AT_FDCWD, ".", O_RDONLY | O_DIRECTORY | O_PATH);
	syscall(SYS_openat, AT_FDCWD, ".", O_WRONLY | O_TMPFILE, 0640);
	syscall(SYS_openat, AT_FDCWD, "a.txt", O_ACCMODE);
	syscall(SYS_openat, AT_FDCWD, "a.txt", O_RDONLY | 0x80000000);
	syscall(SYS_openat, AT_FDCWD, "a.txt", O_RDONLY | O_SYNC | O_DSYNC | O_NOCTTY | O_ASYNC);
	syscall(SYS_openat, 99, "a.txt", O_RDONLY);
	syscall(SYS_openat, AT_FDCWD, (char *)0, O_RDONLY);
	syscall(SYS_openat, AT_FDCWD, (char *)1, O_RDONLY);
	syscall(SYS_openat, AT_FDCWD, "a.\x01\xff\"t", O_RDONLY | O_CREAT, 04755);
	syscall(SYS_creat, "c.txt", 0644);

	/* stat family. */
	fd = syscall(SYS_openat, AT_FDCWD, "a.txt", O_RDONLY);
	syscall(SYS_fstat, fd, &st);
	syscall(SYS_stat, "a.txt", &st);
	syscall(SYS_lstat, "a.txt", &st);
	syscall(SYS_stat, "missing", &st);
	syscall(SYS_stat, "a.txt", (void *)8);
	syscall(SYS_newfstatat, AT_FDCWD, "a.txt", &st, AT_SYMLINK_NOFOLLOW);
	syscall(SYS_newfstatat, fd, "", &st, AT_EMPTY_PATH);
	syscall(SYS_newfstatat, AT_FDCWD, "/dev/null", &st, 0);
	syscall(SYS_newfstatat, AT_FDCWD, ".", &st, 0x10000);
	syscall(SYS_stat, "/dev/null", &st);
	syscall(SYS_stat, ".", &st);

	/* lseek. */
	syscall(SYS_lseek, fd, 5, SEEK_SET);
	syscall(SYS_lseek, fd, -1, SEEK_CUR);
	syscall(SYS_lseek, fd, 0, SEEK_END);
	syscall(SYS_lseek, fd, 0, SEEK_DATA);
	syscall(SYS_lseek, fd, 0, SEEK_HOLE);
	syscall(SYS_lseek, fd, 0, 7);
	syscall(SYS_pread64, fd, buf, 5, 7);
	syscall(SYS_pread64, fd, buf, 5, 100);
	syscall(SYS_pwrite64, fd, "xyz", 3, 0);

	/* access. */
	syscall(SYS_access, "a.txt", F_OK);
	syscall(SYS_access, "a.txt", R_OK | W_OK);
	syscall(SYS_access, "missing", X_OK);
	syscall(SYS_access, "a.txt", 0x10);
	syscall(SYS_faccessat, AT_FDCWD, "a.txt", R_OK);
	syscall(SYS_faccessat2, AT_FDCWD, "a.txt", W_OK | X_OK, AT_EACCESS | AT_SYMLINK_NOFOLLOW);
	syscall(SYS_faccessat2, AT_FDCWD, "a.txt", F_OK, 0);

	/* dup, pipe. */
	int d = syscall(SYS_dup, fd);
	syscall(SYS_dup2, fd, 20);
	syscall(SYS_dup3, fd, 21, O_CLOEXEC);
	syscall(SYS_dup3, fd, 22, 0);
	syscall(SYS_dup, 999);
	syscall(SYS_pipe, fds);
	syscall(SYS_pipe2, fds, O_CLOEXEC | O_NONBLOCK);
	syscall(SYS_pipe2, fds, 0);
	syscall(SYS_pipe, (void *)8);

	/* fcntl. */
	syscall(SYS_fcntl, fd, F_GETFD);
	syscall(SYS_fcntl, fd, F_SETFD, FD_CLOEXEC);
	syscall(SYS_fcntl, fd, F_GETFD);
	syscall(SYS_fcntl, fd, F_GETFL);
	syscall(SYS_fcntl, fds[0], F_GETFL);
	syscall(SYS_fcntl, fds[0], F_SETFL, O_NONBLOCK | O_APPEND);
	syscall(SYS_fcntl, fd, F_DUPFD, 30);
	syscall(SYS_fcntl, fd, F_DUPFD_CLOEXEC, 40);
	struct flock fl = {.l_type = F_RDLCK, .l_whence = SEEK_SET, .l_start = 0, .l_len = 10};
	syscall(SYS_fcntl, fd, F_SETLK, &fl);
	syscall(SYS_fcntl, fd, F_GETLK, &fl);
	syscall(SYS_fcntl, fd, F_OFD_GETLK, &fl);
	syscall(SYS_fcntl, fd, F_SETLKW, (void *)8);
	syscall(SYS_fcntl, fds[0], F_GETPIPE_SZ);
	syscall(SYS_fcntl, fds[0], F_SETPIPE_SZ, 8192);
	syscall(SYS_fcntl, fd, F_GETOWN);
	syscall(SYS_fcntl, fd, F_SETOWN, 0);
	syscall(SYS_fcntl, fd, F_GET_SEALS);
	syscall(SYS_fcntl, fd, F_NOTIFY, DN_CREATE | DN_MULTISHOT);
	syscall(SYS_fcntl, fd, F_SETLEASE, F_UNLCK);
	syscall(SYS_fcntl, fd, F_GETLEASE);
	syscall(SYS_fcntl, fd, 12345, 6);
	syscall(SYS_fcntl, 999, F_GETFD);

	/* read a link, the cwd, directory entries. */
	syscall(SYS_symlink, "a.txt", "l");
	syscall(SYS_readlink, "l", buf, sizeof buf);
	syscall(SYS_readlink, "l", buf, 2);
	syscall(SYS_readlinkat, AT_FDCWD, "l", buf, sizeof buf);
	syscall(SYS_readlink, "a.txt", buf, sizeof buf);
	syscall(SYS_getcwd, buf, sizeof buf);
	syscall(SYS_getcwd, buf, 1);
	int dfd = syscall(SYS_openat, AT_FDCWD, ".", O_RDONLY | O_DIRECTORY);
	syscall(SYS_getdents64, dfd, buf, sizeof buf);
	syscall(SYS_getdents64, dfd, buf, sizeof buf);
	syscall(SYS_getdents64, 999, buf, sizeof buf);

	/* clean up: names, modes, sizes. */
	syscall(SYS_chmod, "a.txt", 0600);
	syscall(SYS_fchmod, fd, 0644);
	syscall(SYS_fchmodat, AT_FDCWD, "a.txt", 0444);
	syscall(SYS_truncate, "a.txt", 4);
	syscall(SYS_ftruncate, fd, 0);
	syscall(SYS_fsync, fd);
	syscall(SYS_fdatasync, fd);
	syscall(SYS_mkdirat, AT_FDCWD, "sub", 0700);
	syscall(SYS_rename, "b.txt", "sub/b.txt");
	syscall(SYS_renameat, AT_FDCWD, "sub/b.txt", AT_FDCWD, "b.txt");
	syscall(SYS_renameat2, AT_FDCWD, "b.txt", AT_FDCWD, "c.txt", RENAME_NOREPLACE);
	syscall(SYS_renameat2, AT_FDCWD, "b.txt", AT_FDCWD, "c.txt", RENAME_EXCHANGE | RENAME_WHITEOUT);
	syscall(SYS_fchdir, dfd);
	syscall(SYS_rmdir, "sub");
	syscall(SYS_unlink, "l");
	syscall(SYS_unlinkat, AT_FDCWD, "b.txt", 0);
	syscall(SYS_unlinkat, AT_FDCWD, "missing", AT_REMOVEDIR);
	syscall(SYS_unlink, "c.txt");
	syscall(SYS_unlink, "a.\x01\xff\"t");
	syscall(SYS_unlink, "a.txt");
	syscall(SYS_chdir, "..");
	syscall(SYS_rmdir, dir);
	return 0;
}
