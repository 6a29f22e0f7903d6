/* mp_threads: threads made one after another, each making futex calls with
 * a known result and handing its tid to the main thread through a pipe;
 * then the main thread exits (SYS_exit) while its last thread still runs,
 * and that thread ends the process with exit_group. */
#define _GNU_SOURCE
#include <errno.h>
#include <linux/futex.h>
#include <pthread.h>
#include <sched.h>
#include <stdint.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

static int pipefd[2];
static uint32_t word = 1;
static pid_t tids[4];

static void *worker(void *arg)
{
	long n = (long)arg;
	struct timespec ts = { 0, 1000000 };
	syscall(SYS_futex, &word, FUTEX_WAKE_PRIVATE, 1, NULL, NULL, 0);
	syscall(SYS_futex, &word, FUTEX_WAIT_PRIVATE, 0, NULL, NULL, 0);
	syscall(SYS_futex, &word, FUTEX_WAIT_PRIVATE, 1, &ts, NULL, 0);
	tids[n] = syscall(SYS_gettid);
	write(pipefd[1], "t", 1);
	return NULL;
}

static void *last(void *arg)
{
	(void)arg;
	char c;
	read(pipefd[0], &c, 1); /* the main thread's goodbye */
	struct timespec ts = { 0, 20000000 };
	nanosleep(&ts, NULL);
	write(1, "last\n", 5);
	syscall(SYS_exit_group, 4);
	return NULL;
}

int main(void)
{
	pipe(pipefd);
	for (long i = 1; i <= 3; i++) {
		pthread_t t;
		pthread_create(&t, NULL, worker, (void *)i);
		char c;
		read(pipefd[0], &c, 1);
		pid_t tid = tids[i];
		/* Not joined (a join's futex depends on timing): wait until
		 * the thread is gone instead, with untraced tgkill probes. */
		while (syscall(SYS_tgkill, getpid(), tid, 0) == 0)
			sched_yield();
	}
	pthread_t t;
	pthread_create(&t, NULL, last, NULL);
	write(pipefd[1], "x", 1);
	syscall(SYS_exit, 0);
	return 0;
}
