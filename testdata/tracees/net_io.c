/* net_io: positioned vectored I/O and the zero-copy calls on a temporary
 * file, a pipe and a socketpair. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/sendfile.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <unistd.h>

int main(void)
{
	/* A fixed name in the working directory rather than mkstemp(3):
	 * glibc's mkstemp calls getrandom only on some runs, which would make
	 * the trace itself vary. */
	const char *tmp = "gotrace-net-io.tmp";
	int f = open(tmp, O_RDWR | O_CREAT | O_EXCL, 0600);
	if (f < 0)
		return 1;
	unlink(tmp);
	struct iovec w[2] = { { "hello, ", 7 }, { "vectored world\n", 15 } };
	pwritev(f, w, 2, 0);
	pwritev2(f, w, 1, 100, RWF_DSYNC | RWF_HIPRI);
	char a[4], b[64];
	struct iovec r[2] = { { a, sizeof a }, { b, sizeof b } };
	preadv(f, r, 2, 0);
	preadv2(f, r, 2, -1, RWF_NOWAIT);
	preadv2(f, r, 2, 0, 0x100);
	preadv(f, NULL, 0, 0);
	preadv(f, (struct iovec *)8, 2, 0);
	writev(f, r, 0);
	writev(1000, w, 2);
	readv(f, (struct iovec *)8, 3);

	int sv[2];
	socketpair(AF_UNIX, SOCK_STREAM, 0, sv);
	off_t off = 2;
	sendfile(sv[0], f, &off, 10);
	sendfile(sv[0], f, NULL, 5);
	sendfile(sv[0], 1000, &off, 5);
	off = 1000;
	sendfile(sv[0], f, &off, 5);

	int p[2], q[2];
	pipe(p);
	pipe(q);
	write(p[1], "pipe data", 9);
	tee(p[0], q[1], 4, SPLICE_F_NONBLOCK);
	loff_t lo = 0;
	splice(p[0], NULL, f, &lo, 9, SPLICE_F_MOVE | SPLICE_F_MORE);
	splice(q[0], NULL, sv[0], NULL, 4, 0);
	loff_t in = 0, out = 200;
	copy_file_range(f, &in, f, &out, 8, 0);
	copy_file_range(f, NULL, f, NULL, 8, 0);
	return 0;
}
