/* -k: nested non-inlined calls, a signal handler's syscall, a thread, a fork. */
#define _GNU_SOURCE
#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static volatile int sink;

__attribute__((noinline)) static void leaf_write(const char *s)
{
	write(1, s, strlen(s));
}

__attribute__((noinline)) static void middle(int n)
{
	if (n > 0) {
		middle(n - 1);
		sink++;
		return;
	}
	leaf_write("middle\n");
	getpid();
}

__attribute__((noinline)) static void on_usr1(int sig)
{
	(void) sig;
	getppid();
}

__attribute__((noinline)) static void *worker(void *arg)
{
	(void) arg;
	leaf_write("thread\n");
	return NULL;
}

__attribute__((noinline)) static void deep(int n)
{
	if (n > 0) {
		deep(n - 1);
		sink++;
		return;
	}
	syscall(SYS_getpid);
}

int main(int argc, char **argv)
{
	const char *mode = argc > 1 ? argv[1] : "";
	if (strcmp(mode, "deep") == 0) {
		deep(300);
		return 0;
	}
	if (strcmp(mode, "vdso") == 0) {
		/* The vDSO's clock_gettime makes the syscall itself for a
		 * clock it cannot read: a frame in [vdso]. */
		struct timespec ts;
		clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
		return 0;
	}
	if (strcmp(mode, "fork") == 0) {
		pid_t pid = fork();
		if (pid == 0) {
			middle(2);
			_exit(3);
		}
		waitpid(pid, NULL, 0);
		middle(1);
		return 0;
	}
	middle(3);
	signal(SIGUSR1, on_usr1);
	raise(SIGUSR1);
	pthread_t th;
	pthread_create(&th, NULL, worker, NULL);
	pthread_join(th, NULL);
	return 0;
}
