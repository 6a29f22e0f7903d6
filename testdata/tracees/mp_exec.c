/* mp_exec: a non-leader thread calls execve; the thread takes over the
 * process's pid ("+++ superseded by execve in pid N +++"), and the new
 * image exits with 5. */
#include <pthread.h>
#include <string.h>
#include <unistd.h>

static char *self;

static void *run(void *arg)
{
	(void)arg;
	write(1, "thread\n", 7);
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
	pthread_t t;
	pthread_create(&t, NULL, run, NULL);
	pthread_join(t, NULL);
	return 0;
}
