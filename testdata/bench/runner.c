/* gotbench's runner: runs argv[1..] as its child and prints the child's
 * peak RSS (ru_maxrss, KiB) and wait status on stdout. The benchmark
 * driver starts commands through it because a child forked straight from a
 * Go program begins life sharing the Go program's memory, which would count
 * in the child's peak RSS. SIGINT and SIGTERM are passed on to the child.
 * Not a workload. */
#include <signal.h>
#include <stdio.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

static pid_t pid;

static void pass(int sig)
{
	if (pid > 0)
		kill(pid, sig);
}

int main(int argc, char **argv)
{
	if (argc < 2)
		return 2;
	struct sigaction sa = {.sa_handler = pass, .sa_flags = SA_RESTART};
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	pid = fork();
	if (pid < 0)
		return 2;
	if (pid == 0) {
		execvp(argv[1], argv + 1);
		_exit(127);
	}
	int st;
	struct rusage ru;
	if (wait4(pid, &st, 0, &ru) < 0)
		return 2;
	printf("gotbench-runner maxrss=%ld status=%d\n", ru.ru_maxrss, st);
	if (WIFEXITED(st))
		return WEXITSTATUS(st);
	return 128 + WTERMSIG(st);
}
