// file_quota makes quotactl and quotactl_fd calls with fixed arguments for
// comparing gotrace with strace. Only read-only commands reach a real
// filesystem (the current directory's, through quotactl_fd); every command
// that would change something names a block device that does not exist or
// a closed descriptor, so it fails before the kernel does anything.
#define _GNU_SOURCE
#include <fcntl.h>
#include <linux/dqblk_xfs.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/quota.h>
#include <sys/syscall.h>
#include <unistd.h>

#ifndef SYS_quotactl_fd
#define SYS_quotactl_fd 443
#endif

static long qc(unsigned cmd, const char *special, int id, void *data)
{
	return syscall(SYS_quotactl, cmd, special, id, data);
}

static long qfd(int fd, unsigned cmd, int id, void *data)
{
	return syscall(SYS_quotactl_fd, fd, cmd, id, data);
}

int main(void)
{
	unsigned char b[256];
	const char *dev = "no-such-device";
	static const unsigned cmds[] = {
		Q_SYNC, Q_QUOTAON, Q_QUOTAOFF, Q_GETFMT, Q_GETINFO, Q_SETINFO,
		Q_GETQUOTA, Q_SETQUOTA, Q_GETNEXTQUOTA, Q_XQUOTAON, Q_XQUOTAOFF,
		Q_XGETQUOTA, Q_XSETQLIM, Q_XGETQSTAT, Q_XQUOTARM, Q_XQUOTASYNC,
		Q_XGETQSTATV, Q_XGETNEXTQUOTA, 0x100, 0x700, 0xd00, 0x1100,
		0x123456, 0x800a00,
	};

	/* Every command, each quota type, on a missing device and on a
	 * closed descriptor, with data bytes 0x80, 0x81, ... */
	for (int i = 0; i < 256; i++)
		b[i] = 0x80 + i;
	b[255] = 0;
	for (unsigned i = 0; i < sizeof cmds / sizeof cmds[0]; i++) {
		qc(QCMD(cmds[i], i % 4), dev, i == 3 ? -1 : 1000 + i, b);
		qfd(4095, QCMD(cmds[i], i % 4), 1000 + i, b);
	}
	/* NULL and unreadable pointers; a sign-extended command. */
	qc(QCMD(Q_SETQUOTA, USRQUOTA), NULL, 5, NULL);
	qc(QCMD(Q_SETQUOTA, USRQUOTA), (void *)1, 5, (void *)1);
	syscall(SYS_quotactl, 0xffffffff00000000UL | QCMD(Q_SYNC, 5), dev, 5, 0);
	/* Each quota format, and the XFS flag words. */
	for (int f = 1; f <= 6; f++)
		qc(QCMD(Q_QUOTAON, USRQUOTA), dev, f, "quota.user");
	memset(b, 0, sizeof b);
	b[0] = FS_QUOTA_UDQ_ACCT | FS_QUOTA_PDQ_ENFD;
	qc(QCMD(Q_XQUOTAON, USRQUOTA), dev, 0, b);
	b[0] = FS_USER_QUOTA | FS_GROUP_QUOTA | 0x80;
	qc(QCMD(Q_XQUOTARM, GRPQUOTA), dev, 0, b);
	memset(b, 0, sizeof b);
	b[1] = 0xff;
	qc(QCMD(Q_XSETQLIM, PRJQUOTA), dev, 0, b);
	/* A structure cut by an unmapped page. */
	unsigned char *pg = mmap(NULL, 8192, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	munmap(pg + 4096, 4096);
	memset(pg, 0, 4096);
	qc(QCMD(Q_SETQUOTA, USRQUOTA), dev, 0, pg + 4096 - 64);
	qc(QCMD(Q_SETINFO, USRQUOTA), dev, 0, pg + 4096 - 24);

	/* Read-only commands on the current directory's filesystem (quotas
	 * are probably off there: ESRCH, ENOSYS or EINVAL). */
	int fd = open(".", O_RDONLY | O_DIRECTORY);
	qfd(fd, QCMD(Q_GETFMT, USRQUOTA), 0, b);
	qfd(fd, QCMD(Q_GETINFO, GRPQUOTA), 0, b);
	qfd(fd, QCMD(Q_GETQUOTA, USRQUOTA), 0, b);
	qfd(fd, QCMD(Q_GETNEXTQUOTA, PRJQUOTA), 0, b);
	qfd(fd, QCMD(Q_XGETQSTAT, USRQUOTA), 0, b);
	qfd(fd, QCMD(Q_XGETQSTATV, USRQUOTA), 0, b);
	qfd(fd, QCMD(Q_XGETQUOTA, USRQUOTA), 0, b);
	qfd(fd, QCMD(Q_GETQUOTA, USRQUOTA), 0, NULL);
	close(fd);
	munmap(pg, 4096);
	return 0;
}
