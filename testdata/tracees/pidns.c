/* Differential tracee for -Y and --decode-pids=pidns inside a new pid
 * namespace (run under `unshare -p -f --mount-proc`): it is pid 1 there, its
 * child pid 2; both print pids of their namespace in return values and
 * arguments, which the tracers translate into their own. */
#include <signal.h>
#include <stdio.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

static void on_chld(int sig)
{
	(void)sig;
}

int main(void)
{
	pid_t self = getpid();
	/* The child's SIGCHLD is delivered while the parent waits in
	 * sigsuspend, before its waitpid reaps the child: the two lines come
	 * in one order under both tracers (the child's pid is still there to
	 * translate in si_pid). */
	sigset_t chld, none;
	sigemptyset(&chld);
	sigemptyset(&none);
	sigaddset(&chld, SIGCHLD);
	sigprocmask(SIG_BLOCK, &chld, NULL);
	struct sigaction sa = { .sa_handler = on_chld };
	sigaction(SIGCHLD, &sa, NULL);
	pid_t child = fork();
	if (child == 0) {
		syscall(SYS_gettid);
		kill(getppid(), 0);
		getpgid(0);
		getsid(getppid());
		_exit(3);
	}
	sigsuspend(&none);
	int st;
	waitpid(child, &st, 0);
	kill(self, 0);
	syscall(SYS_tgkill, self, self, 0);
	getpriority(PRIO_PROCESS, self);
	kill(12345, 0); /* no such process in the namespace */
	printf("%d %d\n", self, WEXITSTATUS(st));
	return 0;
}
