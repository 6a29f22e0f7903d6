/* mp_signals: signals between processes: a handled SIGUSR1, a child
 * stopped with SIGSTOP and continued with SIGCONT in the middle of a sleep
 * (restart_syscall), and a child SIGKILLed inside a syscall. Every step is
 * handed over through pipes, so each process's own sequence is fixed. */
#define _GNU_SOURCE
#include <signal.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static void on_usr1(int sig) { (void)sig; write(1, "usr1\n", 5); }

int main(void)
{
	int p[2], st;
	/* SIGCHLD blocked: its delivery races with wait4, which still reaps. */
	sigset_t chld;
	sigemptyset(&chld);
	sigaddset(&chld, SIGCHLD);
	sigprocmask(SIG_BLOCK, &chld, NULL);
	pipe(p);
	pid_t c = fork();
	if (c == 0) {
		sigset_t blk, none;
		sigemptyset(&blk);
		sigaddset(&blk, SIGUSR1);
		sigemptyset(&none);
		signal(SIGUSR1, on_usr1);
		sigprocmask(SIG_BLOCK, &blk, NULL);
		write(p[1], "r", 1);
		sigsuspend(&none);
		_exit(2);
	}
	char b;
	read(p[0], &b, 1);
	kill(c, SIGUSR1);
	wait4(c, &st, 0, NULL);

	c = fork();
	if (c == 0) {
		write(p[1], "r", 1);
		struct timespec ts = { 0, 300000000 };
		clock_nanosleep(CLOCK_MONOTONIC, 0, &ts, NULL);
		_exit(5);
	}
	read(p[0], &b, 1);
	struct timespec d = { 0, 100000000 };
	nanosleep(&d, NULL);
	kill(c, SIGSTOP);
	wait4(c, &st, WUNTRACED, NULL);
	kill(c, SIGCONT);
	wait4(c, &st, 0, NULL);

	c = fork();
	if (c == 0) {
		write(p[1], "r", 1);
		pause();
		_exit(0);
	}
	read(p[0], &b, 1);
	nanosleep(&d, NULL);
	kill(c, SIGKILL);
	wait4(c, &st, 0, NULL);
	write(1, "done\n", 5);
	return 0;
}
