/* Benchmark workload: four threads, each running getppid N/4 times and a
 * small pipe write/read every 256th round. */
#include <pthread.h>
#include <stdlib.h>
#include <sys/syscall.h>
#include <unistd.h>

static long per;

static void *work(void *arg)
{
	int p[2];
	char buf[16];
	(void)arg;
	if (pipe(p) < 0)
		return NULL;
	for (long i = 0; i < per; i++) {
		syscall(SYS_getppid);
		if (i % 256 == 0) {
			write(p[1], "x", 1);
			read(p[0], buf, sizeof buf);
		}
	}
	close(p[0]);
	close(p[1]);
	return NULL;
}

int main(int argc, char **argv)
{
	long n = argc > 1 ? atol(argv[1]) : 100000;
	pthread_t t[4];
	per = n / 4;
	for (int i = 0; i < 4; i++)
		if (pthread_create(&t[i], NULL, work, NULL))
			return 1;
	for (int i = 0; i < 4; i++)
		pthread_join(t[i], NULL);
	return 0;
}
