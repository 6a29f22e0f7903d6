/* Benchmark workload: loopback TCP request/response. A forked server
 * answers each 32-byte request with a 64-byte reply, N times. */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

static int full(int fd, char *b, int n)
{
	int got = 0;
	while (got < n) {
		ssize_t r = recv(fd, b + got, n - got, 0);
		if (r <= 0)
			return -1;
		got += r;
	}
	return 0;
}

int main(int argc, char **argv)
{
	long n = argc > 1 ? atol(argv[1]) : 20000;
	int one = 1;
	struct sockaddr_in a = {.sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
	socklen_t al = sizeof a;
	int ls = socket(AF_INET, SOCK_STREAM, 0);
	if (ls < 0 || bind(ls, (struct sockaddr *)&a, sizeof a) < 0 || listen(ls, 1) < 0 ||
	    getsockname(ls, (struct sockaddr *)&a, &al) < 0)
		return 1;
	char req[32] = "GET /bench HTTP/1.0 request....", resp[64] = "HTTP/1.0 200 OK";
	pid_t pid = fork();
	if (pid == 0) {
		int c = accept(ls, NULL, NULL);
		setsockopt(c, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
		for (long i = 0; i < n; i++) {
			if (full(c, req, sizeof req) < 0)
				_exit(1);
			if (send(c, resp, sizeof resp, 0) != sizeof resp)
				_exit(1);
		}
		_exit(0);
	}
	close(ls);
	int s = socket(AF_INET, SOCK_STREAM, 0);
	if (connect(s, (struct sockaddr *)&a, sizeof a) < 0)
		return 1;
	setsockopt(s, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
	for (long i = 0; i < n; i++) {
		if (send(s, req, sizeof req, 0) != sizeof req)
			return 1;
		if (full(s, resp, sizeof resp) < 0)
			return 1;
	}
	close(s);
	int st;
	waitpid(pid, &st, 0);
	return WIFEXITED(st) ? WEXITSTATUS(st) : 1;
}
