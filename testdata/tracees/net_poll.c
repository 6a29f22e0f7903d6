/* net_poll: poll, ppoll, select and pselect6 on a socketpair and a pipe:
 * ready descriptors, timeouts, bad pointers. Bounded, loopback only.
 * The time left ("left {...}") varies from run to run. */
#define _GNU_SOURCE
#include <poll.h>
#include <signal.h>
#include <sys/select.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

int main(void)
{
	int sv[2], p[2];
	socketpair(AF_UNIX, SOCK_STREAM, 0, sv);
	pipe(p);
	write(sv[1], "x", 1);

	struct pollfd fds[4] = {
		{ sv[0], POLLIN | POLLPRI, 0 },
		{ -1, POLLIN, 0 },
		{ p[0], POLLIN, 0 },
		{ p[1], POLLOUT | POLLRDHUP, 0 },
	};
	poll(fds, 4, 100);
	poll(fds + 2, 1, 0);
	poll(NULL, 0, 1);
	poll((struct pollfd *)8, 2, 0);
	struct timespec ts = { 0, 50000000 };
	sigset_t set;
	sigemptyset(&set);
	sigaddset(&set, SIGUSR1);
	ppoll(fds, 4, &ts, &set);
	ppoll(fds + 2, 1, &ts, NULL);
	ppoll(fds, 1, NULL, NULL);
	fds[2].events = POLLOUT;
	/* glibc reads the timeout itself: make the raw call */
	syscall(SYS_ppoll, fds + 2, 1, (struct timespec *)8, NULL, 8);

	fd_set r, w;
	FD_ZERO(&r);
	FD_ZERO(&w);
	FD_SET(sv[0], &r);
	FD_SET(p[0], &r);
	FD_SET(p[1], &w);
	struct timeval tv = { 0, 50000 };
	select(p[1] + 1, &r, &w, NULL, &tv);
	FD_ZERO(&r);
	FD_SET(p[0], &r);
	tv.tv_usec = 1000;
	select(p[1] + 1, &r, NULL, NULL, &tv);
	select(0, NULL, NULL, NULL, &tv);
	select(-1, NULL, NULL, NULL, NULL);
	/* glibc implements select with pselect6: make the select call too */
	FD_ZERO(&r);
	FD_SET(sv[0], &r);
	FD_SET(p[0], &r);
	tv.tv_usec = 20000;
	syscall(SYS_select, p[1] + 1, &r, &w, &r, &tv);
	syscall(SYS_select, p[1] + 1, &r, (fd_set *)8, NULL, NULL);
	FD_ZERO(&r);
	FD_SET(p[0], &r);
	tv.tv_usec = 1000;
	syscall(SYS_select, p[1] + 1, &r, NULL, NULL, &tv);
	FD_ZERO(&r);
	FD_SET(sv[0], &r);
	ts.tv_nsec = 1000000;
	pselect(sv[0] + 1, &r, NULL, NULL, &ts, &set);
	FD_ZERO(&r);
	FD_SET(p[0], &r);
	pselect(p[0] + 1, &r, NULL, NULL, &ts, NULL);
	return 0;
}
