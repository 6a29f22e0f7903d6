/* mp_fork: processes made and reaped every way -f must follow: fork and
 * wait4, vfork (the parent blocked until the child exits), a child that
 * forks a grandchild, clone3 with SIGCHLD, exit codes and a SIGSEGV. */
#define _GNU_SOURCE
#include <linux/sched.h>
#include <signal.h>
#include <stdint.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

static void say(const char *s) { write(1, s, strlen(s)); }

int main(void)
{
	int st;
	/* SIGCHLD blocked: its delivery races with wait4, which still reaps. */
	sigset_t chld;
	sigemptyset(&chld);
	sigaddset(&chld, SIGCHLD);
	sigprocmask(SIG_BLOCK, &chld, NULL);
	pid_t c = fork();
	if (c == 0) {
		say("child\n");
		_exit(7);
	}
	wait4(c, &st, 0, NULL);

	c = vfork();
	if (c == 0)
		_exit(3);
	wait4(c, &st, 0, NULL);

	c = fork();
	if (c == 0) {
		pid_t g = fork();
		if (g == 0) {
			say("grandchild\n");
			_exit(1);
		}
		wait4(g, &st, 0, NULL);
		_exit(WEXITSTATUS(st) + 1);
	}
	wait4(c, &st, 0, NULL);

	struct clone_args ca;
	memset(&ca, 0, sizeof(ca));
	ca.exit_signal = SIGCHLD;
	c = syscall(SYS_clone3, &ca, sizeof(ca));
	if (c == 0) {
		say("clone3 child\n");
		_exit(4);
	}
	wait4(c, &st, 0, NULL);

	c = fork();
	if (c == 0) {
		signal(SIGSEGV, SIG_DFL);
		*(volatile int *)8 = 1;
		_exit(0);
	}
	wait4(c, &st, 0, NULL);
	say("done\n");
	return 0;
}
