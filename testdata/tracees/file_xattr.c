/* file_xattr: the extended-attribute calls, successful and failing. */
#include <fcntl.h>
#include <string.h>
#include <sys/xattr.h>
#include <unistd.h>

int main(void)
{
	char buf[256];
	int fd = open("xattr.tmp", O_RDWR | O_CREAT | O_TRUNC, 0600);
	setxattr("xattr.tmp", "user.gotrace", "value\001x", 7, XATTR_CREATE);
	setxattr("xattr.tmp", "user.gotrace", "again", 5, XATTR_CREATE);
	lsetxattr("xattr.tmp", "user.other", "v2", 2, 0);
	fsetxattr(fd, "user.third", "333", 3, XATTR_REPLACE);
	getxattr("xattr.tmp", "user.gotrace", buf, sizeof(buf));
	getxattr("xattr.tmp", "user.gotrace", NULL, 0);
	lgetxattr("xattr.tmp", "user.missing", buf, sizeof(buf));
	fgetxattr(fd, "user.other", buf, 1);
	listxattr("xattr.tmp", buf, sizeof(buf));
	listxattr("xattr.tmp", NULL, 0);
	llistxattr("/nonexistent", buf, sizeof(buf));
	flistxattr(fd, buf, sizeof(buf));
	removexattr("xattr.tmp", "user.other");
	lremovexattr("xattr.tmp", "user.missing");
	fremovexattr(fd, "user.gotrace");
	setxattr("xattr.tmp", "user.flags", "v", 1, 0x10);
	getxattr("xattr.tmp", (char *)8, buf, sizeof(buf));
	close(fd);
	unlink("xattr.tmp");
	return 0;
}
