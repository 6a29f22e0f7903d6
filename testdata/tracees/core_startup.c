/* core_startup: what the startup options change. It prints one variable
 * of its environment and whether HOME is set (-E), its uid, gid and
 * supplementary groups (-u), then forks a child that executes this program
 * again with "child" (-b execve detaches the child at that execve; the
 * child's own output shows it ran untraced to its end). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	char line[256];
	if (argc > 1 && strcmp(argv[1], "child") == 0) {
		int n = snprintf(line, sizeof line, "child uid=%d\n", (int)getuid());
		write(1, line, n);
		return 4;
	}
	const char *a = getenv("GT_A");
	gid_t groups[64];
	int ng = getgroups(64, groups);
	int n = snprintf(line, sizeof line, "GT_A=%s HOME=%s uid=%d gid=%d groups=%d\n",
			 a ? a : "(unset)", getenv("HOME") ? "set" : "unset",
			 (int)getuid(), (int)getgid(), ng);
	write(1, line, n);
	pid_t c = fork();
	if (c == 0) {
		char *av[] = { argv[0], "child", NULL };
		execv(argv[0], av);
		_exit(127);
	}
	int st;
	waitpid(c, &st, 0);
	n = snprintf(line, sizeof line, "child exited %d\n", WEXITSTATUS(st));
	write(1, line, n);
	return 0;
}
