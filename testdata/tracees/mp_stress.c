/* mp_stress: a bounded storm for -f. While another process queues 1000
 * real-time signals at it, the main thread creates and joins 200 threads
 * (20 at a time), forks and reaps 100 children, waits for every signal,
 * and finally a thread execs the program again, which exits with 3. The
 * output is the same whatever the timing, traced or not. */
#define _GNU_SOURCE
#include <errno.h>
#include <pthread.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#define THREADS 200
#define BATCH 20
#define CHILDREN 100
#define SIGNALS 1000

/* The handler may run on several threads at once: count atomically. */
static volatile int got;
static char *self;

static void on_sig(int sig)
{
	(void)sig;
	__atomic_fetch_add(&got, 1, __ATOMIC_SEQ_CST);
}

static void say(const char *s) { write(1, s, strlen(s)); }

static void *work(void *arg)
{
	long *out = arg;
	*out = syscall(SYS_gettid) > 0 ? 1 : 0;
	getppid();
	return NULL;
}

static void *exec_it(void *arg)
{
	(void)arg;
	char *av[] = { self, "phase2", NULL };
	execv(self, av);
	_exit(99);
}

int main(int argc, char **argv)
{
	char line[64];
	if (argc > 1 && strcmp(argv[1], "phase2") == 0) {
		say("phase2\n");
		return 3;
	}
	self = argv[0];

	int sig = SIGRTMIN;
	struct sigaction sa;
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_sig;
	sa.sa_flags = SA_RESTART;
	sigaction(sig, &sa, NULL);

	pid_t me = getpid();
	pid_t sender = fork();
	if (sender == 0) {
		union sigval v = { 0 };
		for (int i = 0; i < SIGNALS; i++)
			while (sigqueue(me, sig, v) < 0 && errno == EAGAIN)
				sched_yield();
		_exit(0);
	}

	long ok = 0;
	for (int i = 0; i < THREADS; i += BATCH) {
		pthread_t t[BATCH];
		long r[BATCH];
		for (int j = 0; j < BATCH; j++)
			pthread_create(&t[j], NULL, work, &r[j]);
		for (int j = 0; j < BATCH; j++) {
			pthread_join(t[j], NULL);
			ok += r[j];
		}
	}
	snprintf(line, sizeof(line), "threads: %ld\n", ok);
	say(line);

	long sum = 0;
	for (int i = 0; i < CHILDREN; i++) {
		pid_t c = fork();
		if (c == 0)
			_exit(i % 7);
		int st;
		while (waitpid(c, &st, 0) < 0 && errno == EINTR)
			;
		sum += WEXITSTATUS(st);
	}
	snprintf(line, sizeof(line), "children: %d sum %ld\n", CHILDREN, sum);
	say(line);

	int st;
	while (waitpid(sender, &st, 0) < 0 && errno == EINTR)
		;
	/* Every signal was queued before the sender exited; wait for the
	 * handler to have seen them all. */
	sigset_t blk, old;
	sigemptyset(&blk);
	sigaddset(&blk, sig);
	sigprocmask(SIG_BLOCK, &blk, &old);
	while (__atomic_load_n(&got, __ATOMIC_SEQ_CST) < SIGNALS)
		sigsuspend(&old);
	sigprocmask(SIG_SETMASK, &old, NULL);
	snprintf(line, sizeof(line), "signals: %d\n", __atomic_load_n(&got, __ATOMIC_SEQ_CST));
	say(line);

	pthread_t t;
	pthread_create(&t, NULL, exec_it, NULL);
	pthread_join(t, NULL);
	return 1;
}
