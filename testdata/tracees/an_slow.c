/* an_slow: thousands of fast syscalls and one slow one (a 50 ms
 * nanosleep), for --duration; and a child process, for -c -f and
 * --summary-by=pid. With an argument "fork" the work is split between the
 * parent and a child. */
#include <string.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static void fast(int n)
{
	for (int i = 0; i < n; i++)
		syscall(SYS_getppid);
}

int main(int argc, char **argv)
{
	if (argc > 1 && strcmp(argv[1], "fork") == 0) {
		pid_t c = fork();
		if (c == 0) {
			fast(300);
			close(-1);
			_exit(0);
		}
		fast(200);
		waitpid(c, NULL, 0);
		return 0;
	}
	fast(3000);
	struct timespec ts = { 0, 50 * 1000 * 1000 };
	syscall(SYS_nanosleep, &ts, NULL);
	fast(10);
	return 0;
}
