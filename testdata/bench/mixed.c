/* Benchmark workload: mixed file and network calls. Each round opens,
 * stats, reads and closes a file and asks getppid; every 64th round also
 * sends a UDP datagram to itself over loopback and receives it. Few of its
 * calls are network calls. */
#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	long n = argc > 1 ? atol(argv[1]) : 20000;
	const char *path = argc > 2 ? argv[2] : "/proc/self/exe";
	struct sockaddr_in a = {.sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
	socklen_t al = sizeof a;
	int u = socket(AF_INET, SOCK_DGRAM, 0);
	if (u < 0 || bind(u, (struct sockaddr *)&a, sizeof a) < 0 ||
	    getsockname(u, (struct sockaddr *)&a, &al) < 0)
		return 1;
	char buf[128];
	struct stat st;
	for (long i = 0; i < n; i++) {
		int fd = open(path, O_RDONLY | O_CLOEXEC);
		if (fd < 0)
			return 1;
		fstat(fd, &st);
		if (read(fd, buf, sizeof buf) < 0)
			return 1;
		close(fd);
		syscall(SYS_getppid);
		if (i % 64 == 0) {
			if (sendto(u, "ping", 4, 0, (struct sockaddr *)&a, sizeof a) != 4)
				return 1;
			if (recvfrom(u, buf, sizeof buf, 0, NULL, NULL) != 4)
				return 1;
		}
	}
	return 0;
}
