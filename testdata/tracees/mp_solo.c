/* mp_solo: while one thread or process waits in a long call, another makes
 * hundreds of calls alone: a child process under a waiting parent, then a
 * thread under a joining main thread, then the main thread alone again
 * (where the tracer's yielding wait, ptrace/tracer.go's yieldWait, takes
 * over once more). */
#define _GNU_SOURCE
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static void work(const char *who)
{
	char line[64];
	for (int i = 0; i < 200; i++)
		getppid();
	int n = snprintf(line, sizeof line, "%s done\n", who);
	write(1, line, n);
}

static void *thread_main(void *arg)
{
	work(arg);
	return NULL;
}

int main(void)
{
	pid_t c = fork();
	if (c == 0) {
		work("child");
		_exit(3);
	}
	int st;
	waitpid(c, &st, 0);
	pthread_t t;
	pthread_create(&t, NULL, thread_main, "thread");
	pthread_join(t, NULL);
	work("main");
	return WEXITSTATUS(st) == 3 ? 0 : 1;
}
