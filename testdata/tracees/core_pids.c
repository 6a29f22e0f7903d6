/* core_pids: the calls whose pids -Y decorates with command names, in a
 * deterministic order: SIGCHLD is blocked (its delivery would race with
 * wait4), the child renames itself and says so through a pipe before the
 * parent waits for it (so wait4's argument is the renamed zombie or
 * process), and the parent renames itself too (the prefix follows). The
 * child renames itself only once the parent's fork has returned, so the
 * fork's result shows the name it was born with. */
#include <sched.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

int main(void)
{
	sigset_t set;
	sigemptyset(&set);
	sigaddset(&set, SIGCHLD);
	sigprocmask(SIG_BLOCK, &set, NULL);
	pid_t me = syscall(SYS_getpid);
	syscall(SYS_gettid);
	kill(me, 0);
	kill(-me, 0);
	kill(0, 0);
	syscall(SYS_tgkill, me, me, 0);
	getpriority(PRIO_PROCESS, me);
	getpriority(PRIO_PGRP, 0);
	sched_getscheduler(me);
	getpgid(me);
	prctl(PR_SET_NAME, "pids-parent");
	syscall(SYS_getpid);
	int p[2], q[2];
	if (pipe(p) < 0 || pipe(q) < 0)
		return 1;
	pid_t c = fork();
	if (c == 0) {
		char go;
		read(q[0], &go, 1); /* the parent's fork has returned */
		syscall(SYS_getpid);
		prctl(PR_SET_NAME, "pids-child");
		syscall(SYS_getpid);
		write(p[1], "r", 1);
		_exit(3);
	}
	write(q[1], "g", 1);
	char b;
	read(p[0], &b, 1);
	kill(c, 0);
	int st;
	wait4(c, &st, 0, NULL);
	siginfo_t si;
	sigtimedwait(&set, &si, &(struct timespec){ 0, 0 });
	return 0;
}
