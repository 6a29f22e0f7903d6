/* core_signal: a tracee that forks, waits, gets signals, and dies of one. */
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static void on_usr1(int sig) { (void)sig; write(1, "usr1\n", 5); }

int main(int argc, char **argv)
{
	signal(SIGUSR1, on_usr1);
	kill(getpid(), SIGUSR1);
	pid_t c = fork();
	if (c == 0) {
		write(1, "child\n", 6);
		/* Let the parent block in wait4 first, so SIGCHLD always
		 * comes after wait4 returns. */
		struct timespec ts = { 0, 50000000 };
		nanosleep(&ts, NULL);
		_exit(7);
	}
	int status;
	wait4(c, &status, 0, NULL);
	if (argc > 1 && strcmp(argv[1], "segv") == 0)
		*(volatile int *)8 = 1;
	if (argc > 1 && strcmp(argv[1], "term") == 0)
		kill(getpid(), SIGTERM);
	return 0;
}
