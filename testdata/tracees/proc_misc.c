// proc_misc makes the process syscalls (ids, limits, prctl, uname, random,
// wait, clone) with fixed arguments, successful and failing, for comparing
// gotrace with strace.
#define _GNU_SOURCE
#include <sched.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>
#include <sys/prctl.h>
#include <sys/random.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/sysinfo.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <linux/sched.h>
#include <asm/prctl.h>

/* A child's SIGCHLD is generated when it stops, continues or exits, while
 * the parent runs on: where its delivery shows in the trace would be up to
 * the scheduler. So SIGCHLD stays blocked while a child lives and is let
 * through once the child is reaped, at a fixed place. */
static sigset_t chld;

static void sigchld_here(void)
{
	sigprocmask(SIG_UNBLOCK, &chld, NULL);
	sigprocmask(SIG_BLOCK, &chld, NULL);
}

int main(void)
{
	char buf[64];
	struct rlimit rl;
	struct rlimit64 { unsigned long cur, max; } r64 = {1024, 4096}, o64;
	syscall(SYS_getpid);
	syscall(SYS_getppid);
	syscall(SYS_gettid);
	syscall(SYS_getuid);
	syscall(SYS_geteuid);
	syscall(SYS_getgid);
	syscall(SYS_getegid);
	syscall(SYS_getpgrp);
	syscall(SYS_getpgid, 0);
	syscall(SYS_getsid, 0);
	syscall(SYS_getsid, 999999);
	syscall(SYS_setpgid, 0, 0);
	syscall(SYS_setsid);
	syscall(SYS_getrlimit, RLIMIT_STACK, &rl);
	syscall(SYS_getrlimit, RLIMIT_NOFILE, &rl);
	syscall(SYS_getrlimit, 99, &rl);
	syscall(SYS_getrlimit, RLIMIT_CORE, (void *)1);
	syscall(SYS_setrlimit, RLIMIT_CORE, &rl);
	syscall(SYS_prlimit64, 0, RLIMIT_NOFILE, NULL, &o64);
	syscall(SYS_prlimit64, 0, RLIMIT_NOFILE, &r64, &o64);
	r64.cur = 8192 * 1024; r64.max = 3 * 1024 * 1024 + 1;
	syscall(SYS_prlimit64, getpid(), RLIMIT_STACK, &r64, NULL);
	syscall(SYS_prlimit64, 0, RLIMIT_AS, NULL, &o64);
	syscall(SYS_prlimit64, 0, RLIMIT_CPU, NULL, &o64);
	syscall(SYS_prlimit64, 0, 99, NULL, &o64);
	syscall(SYS_getrandom, buf, 16, 0);
	syscall(SYS_getrandom, buf, 16, GRND_NONBLOCK | GRND_RANDOM);
	syscall(SYS_getrandom, buf, 16, 0x10);
	syscall(SYS_getrandom, (void *)1, 16, GRND_INSECURE);
	struct utsname u;
	syscall(SYS_uname, &u);
	syscall(SYS_uname, (void *)1);
	unsigned long fs;
	syscall(SYS_arch_prctl, ARCH_GET_FS, &fs);
	syscall(SYS_arch_prctl, ARCH_SET_GS, 0);
	syscall(SYS_arch_prctl, 0x3001, 0);
	syscall(SYS_arch_prctl, 0x9999, 0);
	syscall(SYS_arch_prctl, ARCH_GET_FS, (void *)1);
	int tidaddr;
	syscall(SYS_set_tid_address, &tidaddr);
	syscall(SYS_set_robust_list, (void *)0x1000, 24);
	syscall(SYS_set_robust_list, (void *)0x1000, 1);
	void *head; size_t len;
	syscall(SYS_get_robust_list, 0, &head, &len);
	syscall(SYS_rseq, (void *)0x1000, 32, 0, 0x53053053);
	syscall(SYS_rseq, NULL, 32, 1, 0x53053053);
	struct rusage ru;
	syscall(SYS_getrusage, RUSAGE_SELF, &ru);
	syscall(SYS_getrusage, RUSAGE_CHILDREN, &ru);
	syscall(SYS_getrusage, 99, &ru);
	struct sysinfo si;
	syscall(SYS_sysinfo, &si);
	syscall(SYS_sysinfo, (void *)1);
	unsigned long mask[2] = {0};
	syscall(SYS_sched_getaffinity, 0, sizeof(mask), mask);
	syscall(SYS_sched_getaffinity, 0, 1, mask);
	mask[0] = 1;
	syscall(SYS_sched_setaffinity, 0, sizeof(mask), mask);
	syscall(SYS_sched_yield);
	syscall(SYS_prctl, PR_SET_NAME, "proc_misc", 0, 0, 0);
	syscall(SYS_prctl, PR_GET_NAME, buf, 0, 0, 0);
	syscall(SYS_prctl, PR_SET_PDEATHSIG, SIGTERM, 0, 0, 0);
	int sig;
	syscall(SYS_prctl, PR_GET_PDEATHSIG, &sig, 0, 0, 0);
	syscall(SYS_prctl, PR_GET_DUMPABLE, 0, 0, 0, 0);
	syscall(SYS_prctl, PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0);
	syscall(SYS_prctl, PR_GET_NO_NEW_PRIVS, 0, 0, 0, 0);
	syscall(SYS_prctl, PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0);
	syscall(SYS_prctl, PR_GET_CHILD_SUBREAPER, &sig, 0, 0, 0);
	syscall(SYS_prctl, PR_CAPBSET_READ, 0, 0, 0, 0);
	syscall(SYS_prctl, PR_GET_SECCOMP, 0, 0, 0, 0);
	syscall(SYS_prctl, PR_SET_TIMERSLACK, 50000, 0, 0, 0);
	syscall(SYS_prctl, PR_GET_TIMERSLACK, 0, 0, 0, 0);
	syscall(SYS_prctl, PR_SET_KEEPCAPS, 1, 0, 0, 0);
	syscall(SYS_prctl, PR_SET_DUMPABLE, 1, 0, 0, 0);
	syscall(SYS_prctl, PR_SET_VMA, 0, 0x1000, 4096, "x");
	syscall(SYS_prctl, 9999, 1, 2, 3, 4);
	struct { unsigned int version; int pid; } hdr = {0x20080522, 0};
	struct { unsigned int eff, perm, inh; } data[2];
	syscall(SYS_capget, &hdr, data);
	syscall(SYS_capset, &hdr, data);
	hdr.version = 1;
	syscall(SYS_capget, &hdr, NULL);
	sigemptyset(&chld);
	sigaddset(&chld, SIGCHLD);
	sigprocmask(SIG_BLOCK, &chld, NULL);
	pid_t c = syscall(SYS_fork);
	if (c == 0) syscall(SYS_exit, 7);
	int st;
	syscall(SYS_wait4, c, &st, 0, NULL);
	sigchld_here();
	/* vfork returns once the child has let go of the memory, a moment
	 * before it becomes a zombie: the wait that reaps it blocks. */
	c = syscall(SYS_vfork);
	if (c == 0) syscall(SYS_exit, 0);
	struct rusage r2;
	syscall(SYS_wait4, -1, &st, __WALL, &r2);
	sigchld_here();
	syscall(SYS_wait4, -1, &st, WNOHANG | __WALL, &r2);
	syscall(SYS_wait4, -1, &st, WNOHANG, NULL);
	syscall(SYS_wait4, -1, (void *)1, 0x8000, NULL);
	c = syscall(SYS_clone, SIGCHLD, 0, NULL, NULL, 0);
	if (c == 0) syscall(SYS_exit, 0);
	syscall(SYS_wait4, c, &st, __WALL, &r2);
	sigchld_here();
	/* waitid fills only some of siginfo's fields: the rest stay as the
	 * tracee left them. */
	siginfo_t info;
	memset(&info, 0, sizeof(info));
	c = syscall(SYS_clone, CLONE_PARENT_SETTID | SIGCHLD, 0, &tidaddr, NULL, 0);
	if (c == 0) { raise(SIGSTOP); syscall(SYS_exit, 0); }
	syscall(SYS_waitid, P_PID, c, &info, WSTOPPED, NULL);
	sigchld_here();
	kill(c, SIGCONT);
	syscall(SYS_waitid, P_PID, c, &info, WEXITED, &ru);
	sigchld_here();
	syscall(SYS_waitid, P_ALL, 0, &info, WEXITED | WNOHANG, NULL);
	syscall(SYS_waitid, 99, 0, NULL, WEXITED, NULL);
	struct clone_args ca;
	memset(&ca, 0, sizeof(ca));
	ca.exit_signal = SIGCHLD;
	c = syscall(SYS_clone3, &ca, sizeof(ca));
	if (c == 0) syscall(SYS_exit, 0);
	syscall(SYS_wait4, c, &st, 0, NULL);
	sigchld_here();
	/* The child to be killed writes more than a pipe holds: once the
	 * parent has read its first byte, the child is in that write for good,
	 * and the kill finds it there, whatever the scheduler did. */
	static char big[1 << 20];
	int ready[2];
	pipe(ready);
	ca.flags = CLONE_PIDFD | CLONE_CHILD_SETTID;
	int pidfd;
	ca.pidfd = (unsigned long)&pidfd;
	ca.child_tid = (unsigned long)&tidaddr;
	c = syscall(SYS_clone3, &ca, sizeof(ca));
	if (c == 0) { write(ready[1], big, sizeof(big)); syscall(SYS_exit, 0); }
	read(ready[0], buf, 1);
	syscall(SYS_pidfd_send_signal, pidfd, SIGKILL, NULL, 0);
	syscall(SYS_wait4, c, &st, 0, NULL);
	sigchld_here();
	syscall(SYS_clone3, NULL, 64);
	syscall(SYS_clone3, &ca, 1);
	int pfd = syscall(SYS_pidfd_open, getpid(), 0);
	syscall(SYS_pidfd_open, getpid(), 99);
	syscall(SYS_pidfd_send_signal, pfd, 0, NULL, 0);
	syscall(SYS_clone, CLONE_NEWPID | CLONE_NEWNS | CLONE_THREAD, (void *)0x1000, NULL, NULL, 0x2000);
	return 0;
}
