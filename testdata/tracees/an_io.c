/* an_io: data through every syscall -e read= and -e write= dump: read,
 * write, readv, writev, pread64, pwrite64, preadv, pwritev, send, recv,
 * sendto, recvfrom, sendmsg, recvmsg, sendmmsg, recvmmsg, over a pipe,
 * a file and a unix socket pair; binary bytes, a buffer longer than 16
 * bytes, an empty read and a failed write. The fds are fixed: 3/4 the
 * pipe, 5 the file, 6/7 the socket pair. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <unistd.h>

int main(void)
{
	char buf[300], b2[8];
	unsigned char bin[40];
	int p[2], sv[2];

	for (int i = 0; i < (int)sizeof bin; i++)
		bin[i] = (unsigned char)(i * 7 + 0x1b);
	pipe(p);
	write(p[1], bin, sizeof bin);
	read(p[0], buf, sizeof buf);
	struct iovec wv[3] = { { "head:", 5 }, { "", 0 }, { "the body, longer than one dump line\n", 36 } };
	writev(p[1], wv, 3);
	struct iovec rv[2] = { { b2, sizeof b2 }, { buf, sizeof buf } };
	readv(p[0], rv, 2);

	int f = open("an_io.tmp", O_RDWR | O_CREAT | O_TRUNC, 0600);
	pwrite(f, "positioned\0write", 16, 4);
	pread(f, buf, 10, 0);
	struct iovec pv[2] = { { "vec", 3 }, { "tor", 3 } };
	pwritev(f, pv, 2, 0);
	struct iovec qv[1] = { { buf, 6 } };
	preadv(f, qv, 1, 0);
	read(f, buf, 0);
	close(f);
	unlink("an_io.tmp");
	write(f, "to a closed fd", 14);

	socketpair(AF_UNIX, SOCK_DGRAM, 0, sv);
	send(sv[0], "send", 4, 0);
	recv(sv[1], buf, sizeof buf, 0);
	sendto(sv[0], "sendto", 6, 0, NULL, 0);
	recvfrom(sv[1], buf, sizeof buf, 0, NULL, NULL);
	struct iovec mv[2] = { { "msg-", 4 }, { "hdr", 3 } };
	struct msghdr mh = { .msg_iov = mv, .msg_iovlen = 2 };
	sendmsg(sv[0], &mh, 0);
	struct iovec rmv[2] = { { b2, 2 }, { buf, 100 } };
	struct msghdr rmh = { .msg_iov = rmv, .msg_iovlen = 2 };
	recvmsg(sv[1], &rmh, 0);
	struct iovec m1 = { "one", 3 }, m2 = { "two!", 4 };
	struct mmsghdr mm[2] = { { .msg_hdr = { .msg_iov = &m1, .msg_iovlen = 1 } },
				 { .msg_hdr = { .msg_iov = &m2, .msg_iovlen = 1 } } };
	sendmmsg(sv[0], mm, 2, 0);
	char r1[8], r2[8];
	struct iovec n1 = { r1, sizeof r1 }, n2 = { r2, sizeof r2 };
	struct mmsghdr rm[2] = { { .msg_hdr = { .msg_iov = &n1, .msg_iovlen = 1 } },
				 { .msg_hdr = { .msg_iov = &n2, .msg_iovlen = 1 } } };
	recvmmsg(sv[1], rm, 2, MSG_DONTWAIT, NULL);
	return 0;
}
