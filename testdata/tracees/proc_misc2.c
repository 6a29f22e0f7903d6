// proc_misc2 makes process calls that act on the tracee itself or on
// nothing (ioprio, kcmp, process_vm_*, pidfd_getfd, process_madvise,
// process_mrelease, setns), successful and failing, for comparing gotrace
// with strace. Nothing here changes another process, a namespace or the
// clock: setns only gets bad descriptors or the tracee's own namespaces
// with a type that does not match.
#define _GNU_SOURCE
#include <fcntl.h>
#include <string.h>
#include <unistd.h>
#include <sys/epoll.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/uio.h>

#define IOPRIO_WHO_PROCESS 1
#define IOPRIO_WHO_PGRP 2
#define IOPRIO_WHO_USER 3
#define IOPRIO_VALUE(class, data) (((class) << 13) | (data))

struct slot { unsigned int efd, tfd, toff; };

int main(void)
{
	int pid = getpid();
	int p[2];
	pipe(p);
	int dupfd = dup(p[0]);

	syscall(SYS_ioprio_get, IOPRIO_WHO_PROCESS, 0);
	syscall(SYS_ioprio_get, IOPRIO_WHO_PGRP, 0);
	syscall(SYS_ioprio_get, IOPRIO_WHO_USER, 0);
	syscall(SYS_ioprio_get, 7, 0);
	syscall(SYS_ioprio_set, IOPRIO_WHO_PROCESS, 0, IOPRIO_VALUE(2, 4));
	syscall(SYS_ioprio_get, IOPRIO_WHO_PROCESS, pid);
	syscall(SYS_ioprio_set, IOPRIO_WHO_PROCESS, pid, IOPRIO_VALUE(3, 0));
	syscall(SYS_ioprio_set, IOPRIO_WHO_PGRP, 0, IOPRIO_VALUE(7, 8191));
	syscall(SYS_ioprio_set, IOPRIO_WHO_USER, -1, IOPRIO_VALUE(1, 9));
	syscall(SYS_ioprio_set, 0, 0, 0);
	syscall(SYS_ioprio_set, IOPRIO_WHO_PROCESS, 0, -1);
	syscall(SYS_ioprio_set, IOPRIO_WHO_PROCESS, 0, IOPRIO_VALUE(0, 0));

	int ep = epoll_create1(0);
	struct epoll_event ev = {.events = EPOLLIN};
	epoll_ctl(ep, EPOLL_CTL_ADD, p[0], &ev);
	struct slot slot = {ep, p[0], 0};
	syscall(SYS_kcmp, pid, pid, 0, p[0], dupfd);
	syscall(SYS_kcmp, pid, pid, 0, p[0], 999);
	syscall(SYS_kcmp, pid, pid, 1, 5, 6);
	syscall(SYS_kcmp, pid, pid, 2, 0, 0);
	syscall(SYS_kcmp, pid, pid, 3, 0, 0);
	syscall(SYS_kcmp, pid, pid, 4, 0, 0);
	syscall(SYS_kcmp, pid, pid, 5, 0, 0);
	syscall(SYS_kcmp, pid, pid, 6, 0, 0);
	syscall(SYS_kcmp, pid, pid, 7, dupfd, &slot);
	syscall(SYS_kcmp, pid, pid, 7, dupfd, (void *)8);
	syscall(SYS_kcmp, pid, pid, 7, dupfd, NULL);
	syscall(SYS_kcmp, pid, pid, 8, 0x10, 0x20);
	syscall(SYS_kcmp, -1, 0, 99, 0, -1L);

	char src[] = "process_vm data: 0123456789abcdefghijklmnopqrstuvwxyz";
	char dst1[8], dst2[64];
	struct iovec local[2] = {{dst1, sizeof dst1}, {dst2, sizeof dst2}};
	struct iovec remote[2] = {{src, 20}, {src + 20, 30}};
	syscall(SYS_process_vm_readv, pid, local, 2, remote, 2, 0);
	syscall(SYS_process_vm_readv, pid, local, 2, remote, 1, 0);
	syscall(SYS_process_vm_readv, pid, local, 2, remote, 2, 1);
	syscall(SYS_process_vm_readv, pid, (void *)8, 2, remote, 2, 0);
	syscall(SYS_process_vm_readv, pid, local, 2, NULL, 0, 0);
	syscall(SYS_process_vm_readv, -1, local, 1, remote, 1, 0);
	struct iovec wlocal[2] = {{src, 20}, {src + 20, 30}};
	struct iovec wremote[2] = {{dst2, 40}, {dst1, 8}};
	syscall(SYS_process_vm_writev, pid, wlocal, 2, wremote, 2, 0);
	syscall(SYS_process_vm_writev, pid, wlocal, 1, wremote, 1, 0);
	syscall(SYS_process_vm_writev, pid, wlocal, 2, (void *)8, 2, 0);
	syscall(SYS_process_vm_writev, pid, NULL, 0, NULL, 0, 0xff);

	int pidfd = syscall(SYS_pidfd_open, pid, 0);
	syscall(SYS_pidfd_getfd, pidfd, p[1], 0);
	syscall(SYS_pidfd_getfd, pidfd, 999, 0);
	syscall(SYS_pidfd_getfd, pidfd, p[1], 0x10);
	syscall(SYS_pidfd_getfd, -1, 0, 0);
	syscall(SYS_pidfd_getfd, p[0], 0, 0);

	char *m = mmap(NULL, 2 * 4096, PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	struct iovec mv[2] = {{m, 4096}, {m + 4096, 4096}};
	syscall(SYS_process_madvise, pidfd, mv, 2, MADV_COLD, 0);
	syscall(SYS_process_madvise, pidfd, mv, 1, MADV_PAGEOUT, 0);
	syscall(SYS_process_madvise, pidfd, mv, 2, MADV_DONTNEED, 0);
	syscall(SYS_process_madvise, pidfd, mv, 2, 999, 0x5);
	syscall(SYS_process_madvise, pidfd, (void *)8, 2, MADV_COLD, 0);
	syscall(SYS_process_madvise, -1, NULL, 0, MADV_COLD, 0);
	syscall(SYS_process_mrelease, pidfd, 0);
	syscall(SYS_process_mrelease, pidfd, 0x11);
	syscall(SYS_process_mrelease, -1, 0);

	int ns = open("/proc/self/ns/uts", O_RDONLY);
	syscall(SYS_setns, -1, 0);
	syscall(SYS_setns, -1, 0x04000000);
	syscall(SYS_setns, p[0], 0);
	syscall(SYS_setns, ns, 0x20000000); /* CLONE_NEWPID: the type does not match */
	syscall(SYS_setns, ns, 0x40000000);
	syscall(SYS_setns, ns, 0x00020000);
	syscall(SYS_setns, ns, 0x02000000);
	syscall(SYS_setns, ns, 0x10000000);
	syscall(SYS_setns, ns, 0x08000000);
	syscall(SYS_setns, ns, 0x00000080);
	syscall(SYS_setns, ns, 0x00000081);
	syscall(SYS_setns, ns, 0x60000000);
	syscall(SYS_setns, -1, 0xffffffff00000000UL | 0x04000000);
	syscall(SYS_setns, -1, 1);
	return 0;
}
