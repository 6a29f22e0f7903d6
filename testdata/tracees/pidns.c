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

int main(void)
{
	pid_t self = getpid();
	pid_t child = fork();
	if (child == 0) {
		syscall(SYS_gettid);
		kill(getppid(), 0);
		getpgid(0);
		getsid(getppid());
		_exit(3);
	}
	int st;
	waitpid(child, &st, 0);
	kill(self, 0);
	syscall(SYS_tgkill, self, self, 0);
	getpriority(PRIO_PROCESS, self);
	kill(12345, 0); /* no such process in the namespace */
	printf("%d %d\n", self, WEXITSTATUS(st));
	return 0;
}
