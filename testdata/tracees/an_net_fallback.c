/* an_net_fallback: the sockets -yy decorates from the /proc/PID/net tables
 * when sock_diag is off (GOTRACE_NO_SOCK_DIAG=1): a loopback TCP exchange
 * over IPv4 and IPv6, UDP over IPv4 (bound) and IPv6 (connected), unix
 * stream sockets bound to a path and to an abstract name, an unbound one,
 * and a netlink route socket. Ports are fixed (29630-29637 on loopback) so
 * the output is deterministic; TCP ends reset (SO_LINGER 0) so no
 * TIME_WAIT keeps them busy for the next run. */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <linux/netlink.h>
#include <netinet/in.h>
#include <stddef.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

static void tcp(int family, int cport, int sport)
{
	int one = 1;
	struct linger lg = { 1, 0 };
	struct sockaddr_storage ss;
	struct sockaddr_in *sin = (struct sockaddr_in *)&ss;
	struct sockaddr_in6 *sin6 = (struct sockaddr_in6 *)&ss;
	socklen_t len;
	char buf[64];

	memset(&ss, 0, sizeof ss);
	if (family == AF_INET) {
		sin->sin_family = AF_INET;
		sin->sin_addr.s_addr = htonl(INADDR_LOOPBACK);
		len = sizeof *sin;
	} else {
		sin6->sin6_family = AF_INET6;
		sin6->sin6_addr = in6addr_loopback;
		len = sizeof *sin6;
	}
#define PORT(p) (family == AF_INET ? (void)(sin->sin_port = htons(p)) : (void)(sin6->sin6_port = htons(p)))
	int srv = socket(family, SOCK_STREAM, 0);
	setsockopt(srv, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
	PORT(sport);
	if (bind(srv, (struct sockaddr *)&ss, len) < 0) {
		close(srv);
		return;
	}
	listen(srv, 4);
	int cli = socket(family, SOCK_STREAM, 0);
	setsockopt(cli, SOL_SOCKET, SO_LINGER, &lg, sizeof lg);
	setsockopt(cli, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
	PORT(cport);
	bind(cli, (struct sockaddr *)&ss, len);
	PORT(sport);
	connect(cli, (struct sockaddr *)&ss, len);
	int conn = accept(srv, NULL, NULL);
	setsockopt(conn, SOL_SOCKET, SO_LINGER, &lg, sizeof lg);
	write(cli, "GET / HTTP/1.0\r\n\r\n", 18);
	read(conn, buf, sizeof buf);
	write(conn, "HTTP/1.0 200 OK\r\n\r\nhi\n", 22);
	read(cli, buf, sizeof buf);
	getsockname(srv, (struct sockaddr *)&ss, &len);
	close(conn);
	close(cli);
	close(srv);
}

static void udp4(void)
{
	struct sockaddr_in sa = { .sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK) };
	char buf[64];

	int a = socket(AF_INET, SOCK_DGRAM, 0);
	sa.sin_port = htons(29635);
	bind(a, (struct sockaddr *)&sa, sizeof sa);
	int b = socket(AF_INET, SOCK_DGRAM, 0);
	sa.sin_port = htons(29634);
	bind(b, (struct sockaddr *)&sa, sizeof sa);
	sa.sin_port = htons(29635);
	sendto(b, "dgram", 5, 0, (struct sockaddr *)&sa, sizeof sa);
	recvfrom(a, buf, sizeof buf, 0, NULL, NULL);
	close(a);
	close(b);
}

static void udp6(void)
{
	struct sockaddr_in6 sa = { .sin6_family = AF_INET6, .sin6_addr = IN6ADDR_LOOPBACK_INIT };
	char buf[64];

	int a = socket(AF_INET6, SOCK_DGRAM, 0);
	sa.sin6_port = htons(29637);
	if (bind(a, (struct sockaddr *)&sa, sizeof sa) < 0) {
		close(a);
		return;
	}
	int b = socket(AF_INET6, SOCK_DGRAM, 0);
	sa.sin6_port = htons(29636);
	bind(b, (struct sockaddr *)&sa, sizeof sa);
	sa.sin6_port = htons(29637);
	connect(b, (struct sockaddr *)&sa, sizeof sa);
	send(b, "dgram6", 6, 0);
	recv(a, buf, sizeof buf, 0);
	close(a);
	close(b);
}

static void unix_sockets(void)
{
	struct sockaddr_un un = { .sun_family = AF_UNIX };

	strcpy(un.sun_path, "an_net_fallback.sock");
	unlink(un.sun_path);
	int s = socket(AF_UNIX, SOCK_STREAM, 0);
	bind(s, (struct sockaddr *)&un, sizeof un);
	listen(s, 1);
	getsockname(s, (struct sockaddr *)&un, &(socklen_t){ sizeof un });
	close(s);
	unlink(un.sun_path);

	/* an abstract name: a NUL, then the name, its length given exactly */
	static const char name[] = "\0gotrace-an-net-fallback";
	memcpy(un.sun_path, name, sizeof name - 1);
	int a = socket(AF_UNIX, SOCK_STREAM, 0);
	bind(a, (struct sockaddr *)&un, offsetof(struct sockaddr_un, sun_path) + sizeof name - 1);
	listen(a, 1);
	getsockname(a, (struct sockaddr *)&un, &(socklen_t){ sizeof un });
	close(a);

	/* neither bound nor connected: no details either way */
	int u = socket(AF_UNIX, SOCK_DGRAM, 0);
	getsockname(u, (struct sockaddr *)&un, &(socklen_t){ sizeof un });
	close(u);
}

static void netlink(void)
{
	struct sockaddr_nl nl = { .nl_family = AF_NETLINK };

	int n = socket(AF_NETLINK, SOCK_RAW, NETLINK_ROUTE);
	if (n < 0)
		return;
	getpid(); /* the port id is the pid: the tests' normalization learns it here */
	bind(n, (struct sockaddr *)&nl, sizeof nl);
	getsockname(n, (struct sockaddr *)&nl, &(socklen_t){ sizeof nl });
	close(n);
}

int main(void)
{
	tcp(AF_INET, 29630, 29631);
	tcp(AF_INET6, 29632, 29633);
	udp4();
	udp6();
	unix_sockets();
	netlink();
	return 0;
}
