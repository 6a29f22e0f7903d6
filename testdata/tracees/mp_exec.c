/* mp_exec: a non-leader thread calls execve while the leader is blocked in
 * a read that never returns; the thread takes over the process's pid
 * ("+++ superseded by execve in pid N +++"), the leader's read ends as
 * "read(3,  <unfinished ...>) = ?", and the new image exits with 5. The
 * thread sleeps first so that the leader is in its read, not on its way
 * there, when the execve kills it. */
#include <pthread.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static char *self;

static void *run(void *arg)
{
	(void)arg;
	write(1, "thread\n", 7);
	struct timespec ts = { 0, 100 * 1000 * 1000 };
	nanosleep(&ts, NULL);
	char *av[] = { self, "after", NULL };
	execv(self, av);
	return NULL;
}

int main(int argc, char **argv)
{
	if (argc > 1 && strcmp(argv[1], "after") == 0) {
		write(1, "after\n", 6);
		return 5;
	}
	self = argv[0];
	int p[2];
	if (pipe(p) < 0)
		return 1;
	pthread_t t;
	pthread_create(&t, NULL, run, NULL);
	char b[8];
	read(p[0], b, sizeof b); /* nobody writes: the execve ends it */
	return 0;
}
