/* core_inject: a tracee for -e inject= and -e fault=. It makes a known
 * sequence of calls (write, getpid, openat, chdir, getcwd), records what
 * each returned, and reports the results on stdout with writev (a call
 * the tests leave alone), so that an injection shows in its output too.
 * "fork" repeats a few calls in a child, for -f and per-tracee counting. */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <sys/wait.h>
#include <unistd.h>

static char report[4096];
static size_t used;
static volatile int handled;

static void add(const char *what, long r, int err)
{
	if (r < 0)
		used += snprintf(report + used, sizeof report - used, "%s=-1 errno=%d\n", what, err);
	else
		used += snprintf(report + used, sizeof report - used, "%s=%ld\n", what, r);
}

static void flush_report(void)
{
	struct iovec iov = { report, used };
	writev(1, &iov, 1);
	used = 0;
}

static void on_usr1(int sig)
{
	(void)sig;
	handled++;
}

static void calls(const char *who)
{
	char line[64], name[64];
	for (int i = 0; i < 4; i++) {
		int n = snprintf(line, sizeof line, "%s line %d\n", who, i);
		long r = write(1, line, n);
		snprintf(name, sizeof name, "%s write%d", who, i);
		add(name, r, errno);
	}
	long self = syscall(SYS_gettid);
	for (int i = 0; i < 3; i++) {
		long r = syscall(SYS_getpid);
		snprintf(name, sizeof name, "%s getpid%d", who, i);
		if (r == self)
			add(name, 0, 0); /* the real pid: 0, stable from run to run */
		else
			add(name, r, errno);
	}
	for (int i = 0; i < 3; i++) {
		long r = chdir("/");
		snprintf(name, sizeof name, "%s chdir%d", who, i);
		add(name, r, errno);
	}
}

int main(int argc, char **argv)
{
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_usr1;
	sa.sa_flags = SA_RESTART;
	sigaction(SIGUSR1, &sa, NULL);

	calls("parent");
	for (int i = 0; i < 2; i++) {
		int fd = openat(AT_FDCWD, "/dev/null", O_RDONLY);
		add("openat", fd, errno);
		if (fd >= 0)
			close(fd);
	}
	char cwd[16];
	memset(cwd, 0, sizeof cwd);
	long r = syscall(SYS_getcwd, cwd, sizeof cwd);
	add("getcwd", r, errno);
	used += snprintf(report + used, sizeof report - used, "cwd=%.8s\n", cwd);
	flush_report();

	if (argc > 1 && strcmp(argv[1], "fork") == 0) {
		pid_t c = fork();
		if (c == 0) {
			calls("child");
			flush_report();
			_exit(0);
		}
		int status;
		waitpid(c, &status, 0);
	}
	used += snprintf(report + used, sizeof report - used, "handled=%d\n", handled);
	flush_report();
	return 0;
}
