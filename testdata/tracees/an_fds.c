/* an_fds: every kind of file descriptor -y/-yy decorates: a file, a
 * directory, a character device, a pipe, a unix socket pair, a bound unix
 * socket, a loopback TCP exchange over IPv4 and IPv6, UDP, an epoll and an
 * eventfd, and fds moved by dup2 and passed over a unix socket. Ports are
 * fixed (29620-29627 on loopback) so the output is deterministic; TCP ends
 * reset (SO_LINGER 0) so no TIME_WAIT keeps them busy for the next run. */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <sys/un.h>
#include <unistd.h>

static void tcp4(void)
{
	int one = 1;
	struct linger lg = { 1, 0 };
	struct sockaddr_in sa = { .sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK) };
	char buf[64];

	int srv = socket(AF_INET, SOCK_STREAM, 0);
	setsockopt(srv, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
	sa.sin_port = htons(29621);
	if (bind(srv, (struct sockaddr *)&sa, sizeof sa) < 0)
		return;
	listen(srv, 4);
	int cli = socket(AF_INET, SOCK_STREAM, 0);
	setsockopt(cli, SOL_SOCKET, SO_LINGER, &lg, sizeof lg);
	setsockopt(cli, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
	sa.sin_port = htons(29620);
	bind(cli, (struct sockaddr *)&sa, sizeof sa);
	sa.sin_port = htons(29621);
	connect(cli, (struct sockaddr *)&sa, sizeof sa);
	int conn = accept(srv, NULL, NULL);
	setsockopt(conn, SOL_SOCKET, SO_LINGER, &lg, sizeof lg);
	write(cli, "GET / HTTP/1.0\r\n\r\n", 18);
	read(conn, buf, sizeof buf);
	write(conn, "HTTP/1.0 200 OK\r\n\r\nhi\n", 22);
	read(cli, buf, sizeof buf);
	close(conn);
	close(cli);
	close(srv);
}

static void tcp6(void)
{
	int one = 1;
	struct linger lg = { 1, 0 };
	struct sockaddr_in6 sa = { .sin6_family = AF_INET6, .sin6_addr = IN6ADDR_LOOPBACK_INIT };
	char buf[64];

	int srv = socket(AF_INET6, SOCK_STREAM, 0);
	setsockopt(srv, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
	sa.sin6_port = htons(29623);
	if (bind(srv, (struct sockaddr *)&sa, sizeof sa) < 0) {
		close(srv);
		return;
	}
	listen(srv, 4);
	int cli = socket(AF_INET6, SOCK_STREAM, 0);
	setsockopt(cli, SOL_SOCKET, SO_LINGER, &lg, sizeof lg);
	setsockopt(cli, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
	sa.sin6_port = htons(29622);
	bind(cli, (struct sockaddr *)&sa, sizeof sa);
	sa.sin6_port = htons(29623);
	connect(cli, (struct sockaddr *)&sa, sizeof sa);
	int conn = accept(srv, NULL, NULL);
	setsockopt(conn, SOL_SOCKET, SO_LINGER, &lg, sizeof lg);
	write(cli, "ping6", 5);
	read(conn, buf, sizeof buf);
	close(conn);
	close(cli);
	close(srv);
}

static void udp(void)
{
	struct sockaddr_in sa = { .sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK) };
	char buf[64];

	int a = socket(AF_INET, SOCK_DGRAM, 0);
	sa.sin_port = htons(29625);
	bind(a, (struct sockaddr *)&sa, sizeof sa);
	int b = socket(AF_INET, SOCK_DGRAM, 0);
	sa.sin_port = htons(29624);
	bind(b, (struct sockaddr *)&sa, sizeof sa);
	sa.sin_port = htons(29625);
	sendto(b, "dgram", 5, 0, (struct sockaddr *)&sa, sizeof sa);
	recvfrom(a, buf, sizeof buf, 0, NULL, NULL);
	close(a);
	close(b);
}

static void unix_sockets(void)
{
	int sv[2];
	char buf[64];
	char cbuf[CMSG_SPACE(sizeof(int))];

	socketpair(AF_UNIX, SOCK_STREAM, 0, sv);
	write(sv[0], "x", 1);
	read(sv[1], buf, sizeof buf);

	/* pass /dev/null over the pair: the received fd is new */
	int nul = open("/dev/null", O_RDONLY);
	struct iovec iov = { .iov_base = "f", .iov_len = 1 };
	struct msghdr mh = { .msg_iov = &iov, .msg_iovlen = 1, .msg_control = cbuf, .msg_controllen = sizeof cbuf };
	struct cmsghdr *cm = CMSG_FIRSTHDR(&mh);
	cm->cmsg_level = SOL_SOCKET;
	cm->cmsg_type = SCM_RIGHTS;
	cm->cmsg_len = CMSG_LEN(sizeof(int));
	memcpy(CMSG_DATA(cm), &nul, sizeof nul);
	sendmsg(sv[0], &mh, 0);
	close(nul);
	iov.iov_base = buf;
	mh.msg_controllen = sizeof cbuf;
	recvmsg(sv[1], &mh, 0);
	int got;
	memcpy(&got, CMSG_DATA(CMSG_FIRSTHDR(&mh)), sizeof got);
	fstat(got, &(struct stat){0});
	close(got);
	close(sv[0]);
	close(sv[1]);

	struct sockaddr_un un = { .sun_family = AF_UNIX };
	strcpy(un.sun_path, "an_fds.sock");
	unlink(un.sun_path);
	int s = socket(AF_UNIX, SOCK_STREAM, 0);
	bind(s, (struct sockaddr *)&un, sizeof un);
	listen(s, 1);
	close(s);
	unlink(un.sun_path);
}

int main(void)
{
	int p[2];
	char buf[64];

	int fd = open("/etc/hostname", O_RDONLY);
	read(fd, buf, 1);
	int d = dup(fd);
	lseek(d, 0, SEEK_SET);
	close(d);
	close(fd);

	int dir = open("/tmp", O_RDONLY | O_DIRECTORY);
	fstat(dir, &(struct stat){0});
	close(dir);

	int nul = open("/dev/null", O_WRONLY);
	write(nul, "z", 1);
	int f2 = open("/etc/passwd", O_RDONLY);
	dup2(nul, f2); /* f2 now refers to /dev/null */
	write(f2, "z", 1);
	close(f2);
	close(nul);

	pipe(p);
	write(p[1], "abc", 3);
	read(p[0], buf, sizeof buf);
	close(p[0]);
	close(p[1]);

	int ep = epoll_create1(0);
	int ev = eventfd(0, 0);
	struct epoll_event e = { .events = EPOLLIN };
	epoll_ctl(ep, EPOLL_CTL_ADD, ev, &e);
	close(ev);
	close(ep);

	tcp4();
	tcp6();
	udp();
	unix_sockets();
	return 0;
}
