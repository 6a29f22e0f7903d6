// file_exec makes execve and execveat calls that fail (the path does not
// exist), with argument and environment arrays of every shape: long,
// empty, NULL, unreadable, with unreadable strings and non-ASCII bytes.
// The last call runs /bin/true so the trace also holds a successful one.
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdio.h>
#include <sys/syscall.h>
#include <unistd.h>

int main(void)
{
	char *argv[] = {"ls", "-l", "a very long argument that is longer than thirty-two bytes", "\x01\xff\"q\"", NULL};
	char *envp[] = {"A=1", "B=2", NULL};
	char *empty[] = {NULL};
	char *many[40];
	char *bad[] = {"x", (char *)8, NULL};
	for (int i = 0; i < 39; i++)
		many[i] = "m";
	many[39] = NULL;

	syscall(SYS_execve, "/nonexistent/ls", argv, envp);
	syscall(SYS_execve, "/nonexistent/ls", empty, empty);
	syscall(SYS_execve, "/nonexistent/ls", NULL, NULL);
	syscall(SYS_execve, "/nonexistent/ls", many, many);
	syscall(SYS_execve, "/nonexistent/ls", (char **)8, (char **)8);
	syscall(SYS_execve, "/nonexistent/ls", bad, bad);
	syscall(SYS_execve, (char *)8, argv, envp);
	syscall(SYS_execveat, AT_FDCWD, "/nonexistent/ls", argv, envp, AT_SYMLINK_NOFOLLOW);
	syscall(SYS_execveat, 5, "", argv, envp, AT_EMPTY_PATH | 0x1);
	char *targv[] = {"true", NULL};
	syscall(SYS_execve, "/bin/true", targv, envp);
	return 1;
}
