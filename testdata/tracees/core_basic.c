/* core_basic: a deterministic tracee for the differential tests. It makes a
 * fixed sequence of file, pipe and memory calls, successful and failing. */
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

int main(void)
{
	char buf[256];
	int p[2];
	struct stat st;

	write(1, "hello, world\n", 13);
	write(1, "tab\there \"quoted\" \\ back\001\002\0033\377\n", 30);
	int fd = open("/dev/null", O_RDONLY | O_CLOEXEC);
	read(fd, buf, sizeof(buf));
	fstat(fd, &st);
	close(fd);
	open("/nonexistent/gotrace", O_RDONLY);
	openat(AT_FDCWD, "/tmp", O_RDONLY | O_DIRECTORY);
	close(-1);
	if (pipe(p) == 0) {
		write(p[1], "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJ", 46);
		read(p[0], buf, 100);
		close(p[0]);
		close(p[1]);
	}
	void *m = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	mprotect(m, 4096, PROT_READ);
	munmap(m, 4096);
	lseek(0, 0, SEEK_CUR);
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return 3;
}
