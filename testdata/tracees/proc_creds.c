/*
 * proc_creds: the credential, priority, scheduling and mknod calls with
 * fixed arguments, successful and failing. Every credential change sets
 * what the process already has (or is restored at once), so the tracee
 * ends as it started.
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <sched.h>
#include <sys/personality.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/sysmacros.h>
#include <time.h>
#include <unistd.h>

int main(void)
{
	unsigned int r, e, s, gr, ge, gs, cpu, node;
	unsigned int groups[64], many[40];
	struct sched_param sp = {0};
	struct timespec ts;
	cpu_set_t set;
	long n, prio, pers;
	int i, fd;

	syscall(SYS_getresuid, &r, &e, &s);
	syscall(SYS_getresuid, &r, (void *)8, &s);
	syscall(SYS_getresgid, &gr, &ge, &gs);
	syscall(SYS_getresgid, NULL, &ge, &gs);
	syscall(SYS_setuid, r);
	syscall(SYS_setuid, -1);
	syscall(SYS_setgid, gr);
	syscall(SYS_setgid, -1);
	syscall(SYS_setreuid, -1, -1);
	syscall(SYS_setreuid, r, e);
	syscall(SYS_setregid, -1, ge);
	syscall(SYS_setresuid, -1, -1, -1);
	syscall(SYS_setresuid, r, e, s);
	syscall(SYS_setresgid, -1, -1, -1);
	syscall(SYS_setresgid, gr, ge, gs);
	syscall(SYS_setfsuid, -1);
	syscall(SYS_setfsuid, e);
	syscall(SYS_setfsgid, -1);
	syscall(SYS_setfsgid, ge);

	n = syscall(SYS_getgroups, 0, NULL);
	n = syscall(SYS_getgroups, 64, groups);
	syscall(SYS_getgroups, -1, groups);
	syscall(SYS_getgroups, 64, (void *)8);
	if (n >= 0)
		syscall(SYS_setgroups, n, groups);
	for (i = 0; i < 40; i++)
		many[i] = 1000 + i;
	if (syscall(SYS_setgroups, 40, many) == 0) {
		syscall(SYS_getgroups, 64, groups + 0);
		syscall(SYS_setgroups, n, groups);
	}
	syscall(SYS_getgroups, 64, groups);
	syscall(SYS_setgroups, 1, (void *)8);
	syscall(SYS_setgroups, 70000, many);
	syscall(SYS_setgroups, -1, many);

	prio = syscall(SYS_getpriority, PRIO_PROCESS, 0);
	syscall(SYS_getpriority, PRIO_PGRP, 0);
	syscall(SYS_getpriority, PRIO_USER, 0);
	syscall(SYS_getpriority, 99, 0);
	syscall(SYS_setpriority, PRIO_PROCESS, 0, 20 - prio);
	syscall(SYS_setpriority, 7, 0, 0);

	syscall(SYS_sched_getscheduler, 0);
	syscall(SYS_sched_getscheduler, -1);
	syscall(SYS_sched_getparam, 0, &sp);
	syscall(SYS_sched_getparam, 0, NULL);
	syscall(SYS_sched_setparam, 0, &sp);
	syscall(SYS_sched_setparam, 0, (void *)8);
	syscall(SYS_sched_setscheduler, 0, SCHED_OTHER, &sp);
	syscall(SYS_sched_setscheduler, 0, 99, &sp);
	syscall(SYS_sched_setscheduler, -1, SCHED_BATCH | SCHED_RESET_ON_FORK, NULL);
	syscall(SYS_sched_get_priority_max, SCHED_FIFO);
	syscall(SYS_sched_get_priority_min, SCHED_RR);
	syscall(SYS_sched_get_priority_max, SCHED_IDLE);
	syscall(SYS_sched_get_priority_min, 77);
	syscall(SYS_sched_rr_get_interval, 0, NULL);
	syscall(SYS_sched_rr_get_interval, -1, &ts);

	sched_getaffinity(0, sizeof(set), &set);
	for (i = 0; i < CPU_SETSIZE && !CPU_ISSET(i, &set); i++)
		;
	CPU_ZERO(&set);
	CPU_SET(i, &set);
	sched_setaffinity(0, sizeof(set), &set);
	syscall(SYS_getcpu, &cpu, &node, NULL);
	syscall(SYS_getcpu, NULL, NULL, NULL);
	syscall(SYS_getcpu, (void *)8, &node, (void *)16);

	syscall(SYS_chroot, "/");
	syscall(SYS_chroot, "/nonexistent");
	syscall(SYS_mknod, "fifo.tmp", S_IFIFO | 0644, 0);
	syscall(SYS_mknod, "fifo.tmp", S_IFIFO | 0600, 0);
	syscall(SYS_mknodat, AT_FDCWD, "chr.tmp", S_IFCHR | 0600, makedev(1, 3));
	syscall(SYS_mknod, "blk.tmp", S_IFBLK | S_ISUID | 0640, makedev(259, 65536 + 7));
	syscall(SYS_mknod, "reg.tmp", 0644, 0);
	syscall(SYS_mknod, "bad.tmp", 0170644, 0);
	syscall(SYS_mknodat, -1, "sock.tmp", S_IFSOCK | S_ISGID | S_ISVTX | 0755, 5);
	unlink("fifo.tmp");
	unlink("chr.tmp");
	unlink("blk.tmp");
	unlink("reg.tmp");

	fd = open("fifo.tmp", O_RDWR | O_CREAT, 0600);
	syscall(SYS_syncfs, fd);
	syscall(SYS_syncfs, -1);
	syscall(SYS_readahead, fd, 0L, 4096L);
	syscall(SYS_readahead, -1, -5L, 100L);
	close(fd);
	unlink("fifo.tmp");

	pers = syscall(SYS_personality, 0xffffffff);
	syscall(SYS_personality, PER_LINUX | ADDR_NO_RANDOMIZE | READ_IMPLIES_EXEC);
	syscall(SYS_personality, PER_BSD | 0x80000000);
	syscall(SYS_personality, 0x1234);
	syscall(SYS_personality, pers);
	syscall(SYS_personality, 0xffffffff);
	return 0;
}
