/* mp_server: a long-lived process to attach to. Without arguments: the
 * main thread and 4 others, sleeping in turns; prints "ready". With
 * "tree": the root forks two children, the first of which forks a
 * grandchild, each with a second thread; prints each descendant's
 * "pid N". Everything ends after a minute at most. */
#define _GNU_SOURCE
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static void *nap(void *arg)
{
	(void)arg;
	struct timespec ts = { 0, 10000000 };
	for (int i = 0; i < 6000; i++)
		nanosleep(&ts, NULL);
	return NULL;
}

static void threads(int n)
{
	for (int i = 0; i < n; i++) {
		pthread_t t;
		pthread_create(&t, NULL, nap, NULL);
	}
}

int main(int argc, char **argv)
{
	setvbuf(stdout, NULL, _IONBF, 0);
	if (argc > 1 && strcmp(argv[1], "tree") == 0) {
		if (fork() == 0) {
			if (fork() == 0) {
				threads(1);
				printf("pid %d\n", getpid());
				nap(NULL);
				_exit(0);
			}
			threads(1);
			usleep(100000);
			printf("pid %d\n", getpid());
			nap(NULL);
			_exit(0);
		}
		if (fork() == 0) {
			threads(1);
			usleep(200000);
			printf("pid %d\n", getpid());
			nap(NULL);
			_exit(0);
		}
		threads(1);
		nap(NULL);
		return 0;
	}
	threads(4);
	usleep(50000);
	printf("ready\n");
	nap(NULL);
	return 0;
}
