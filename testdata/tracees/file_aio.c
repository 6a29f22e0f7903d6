// file_aio makes the native AIO calls (io_setup, io_submit, io_getevents,
// io_pgetevents, io_cancel, io_destroy) and the io_uring calls on a
// temporary file in the current directory, with fixed arguments,
// successful and failing, for comparing gotrace with strace. Completions
// are reaped one submission at a time so their order is fixed.
#define _GNU_SOURCE
#include <fcntl.h>
#include <linux/aio_abi.h>
#include <poll.h>
#include <signal.h>
#include <stdint.h>
#include <string.h>
#include <sys/eventfd.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <time.h>
#include <unistd.h>

static struct iocb cb(int op, int fd, void *buf, uint64_t n, int64_t off, uint64_t data)
{
	struct iocb c;
	memset(&c, 0, sizeof(c));
	c.aio_lio_opcode = op;
	c.aio_fildes = fd;
	c.aio_buf = (uintptr_t)buf;
	c.aio_nbytes = n;
	c.aio_offset = off;
	c.aio_data = data;
	return c;
}

static void aio(void)
{
	int fd = open("aio.tmp", O_RDWR | O_CREAT | O_TRUNC, 0600);
	int p[2];
	pipe(p);
	int efd = eventfd(0, 0);
	aio_context_t ctx = 0;
	syscall(SYS_io_setup, 16, &ctx);
	syscall(SYS_io_setup, 16, &ctx);
	syscall(SYS_io_setup, 0, NULL);
	aio_context_t ctx2 = 0;
	syscall(SYS_io_setup, 4, (void *)1);
	syscall(SYS_io_setup, 0xffffffffu, &ctx2);

	static char wbuf[] = "hello aio world, a fixed buffer longer than thirty-two bytes\n";
	char rbuf[80], r1[8], r2[24];
	struct iovec wiov[2] = {{wbuf, 6}, {wbuf + 6, 10}};
	struct iovec riov[2] = {{r1, sizeof(r1)}, {r2, sizeof(r2)}};
	struct io_event ev[8];
	struct timespec ts = {1, 0};

	struct iocb c0 = cb(IOCB_CMD_PWRITE, fd, wbuf, sizeof(wbuf) - 1, 0, 0x1111);
	struct iocb c1 = cb(IOCB_CMD_PREAD, fd, rbuf, 20, 4, 0x2222);
	struct iocb c2 = cb(IOCB_CMD_PWRITEV, fd, wiov, 2, 100, 0x3333);
	struct iocb c3 = cb(IOCB_CMD_PREADV, fd, riov, 2, 0, 0x4444);
	c3.aio_flags = IOCB_FLAG_RESFD;
	c3.aio_resfd = efd;
	struct iocb c4 = cb(IOCB_CMD_POLL, p[1], NULL, 0, 0, 0x5555);
	c4.aio_buf = POLLOUT;
	struct iocb *cbs[] = {&c0, &c1, &c2, &c3, &c4};
	for (int i = 0; i < 5; i++) {
		syscall(SYS_io_submit, ctx, 1, &cbs[i]);
		syscall(SYS_io_getevents, ctx, 1, 8, ev, &ts);
	}
	syscall(SYS_io_submit, ctx, 2, cbs);
	syscall(SYS_io_getevents, ctx, 2, 8, ev, NULL);

	struct iocb c5 = cb(IOCB_CMD_FSYNC, fd, NULL, 0, 0, 0x6666);
	struct iocb *p5 = &c5;
	syscall(SYS_io_submit, ctx, 1, &p5);
	syscall(SYS_io_getevents, ctx, 1, 1, ev, NULL);

	/* io_pgetevents with a signal mask: one event after one submission */
	sigset_t ss;
	sigemptyset(&ss);
	sigaddset(&ss, SIGUSR2);
	struct {
		sigset_t *mask;
		size_t size;
	} usig = {&ss, 8};
	syscall(SYS_io_submit, ctx, 1, &cbs[1]);
	syscall(SYS_io_pgetevents, ctx, 1, 4, ev, &ts, &usig);
	struct timespec zero = {0, 0};
	syscall(SYS_io_pgetevents, ctx, 0, 4, ev, &zero, NULL);
	syscall(SYS_io_pgetevents, ctx, 0, 4, ev, &zero, (void *)1);
	syscall(SYS_io_pgetevents, 0, 0, 4, ev, &zero, &usig);
	usig.size = 4;
	syscall(SYS_io_pgetevents, ctx, 0, 4, ev, &zero, &usig);

	/* odd iocbs: key, rw_flags, priority, unknown opcode, NOOP, resfd
	   without the flag, fields the header prints */
	struct iocb c6 = cb(IOCB_CMD_PREAD, fd, rbuf, 8, -1, 0x7777);
	c6.aio_key = 3;
	c6.aio_rw_flags = RWF_HIPRI | RWF_NOWAIT | 0x100;
	c6.aio_reqprio = -5;
	struct iocb c7 = cb(99, fd, rbuf, 8, 0, 0);
	struct iocb c8 = cb(IOCB_CMD_NOOP, fd, rbuf, 8, 0, 0);
	struct iocb c9 = cb(IOCB_CMD_PWRITE, fd, wbuf, 8, 0, 0x9999);
	c9.aio_resfd = 7;
	c9.aio_flags = 0x10;
	struct iocb c10 = cb(IOCB_CMD_PWRITE, fd, wbuf, 8, 0, 0);
	c10.aio_flags = IOCB_FLAG_IOPRIO;
	c10.aio_reqprio = (2 << 13) | 4;
	struct iocb c11 = cb(IOCB_CMD_PWRITEV, fd, (void *)1, 2, 0, 0);
	struct iocb c12 = cb(IOCB_CMD_PWRITE, fd, wbuf, -1, 0, 0);
	struct iocb c13 = cb(IOCB_CMD_POLL, p[1], NULL, 0, 0, 0);
	c13.aio_buf = POLLOUT | 0x8000;
	struct iocb c14 = cb(IOCB_CMD_FDSYNC, fd, NULL, 0, 0, 0);
	struct iocb c15 = cb(4 /* IOCB_CMD_PREADX */, fd, NULL, 0, 0, 0);
	struct iocb *odd[] = {&c6, &c7, &c8, &c9, &c10, &c11, &c12, &c13, &c14, &c15};
	for (int i = 0; i < 10; i++)
		if (syscall(SYS_io_submit, ctx, 1, &odd[i]) == 1)
			syscall(SYS_io_getevents, ctx, 1, 1, ev, &ts);
	syscall(SYS_io_submit, ctx, 10, odd);

	/* bad pointers and counts */
	struct iocb *bad[] = {(void *)8, &c0};
	syscall(SYS_io_submit, ctx, 2, bad);
	syscall(SYS_io_submit, ctx, 1, NULL);
	syscall(SYS_io_submit, ctx, 1, (void *)1);
	syscall(SYS_io_submit, ctx, 0, cbs);
	syscall(SYS_io_submit, ctx, -1L, cbs);
	syscall(SYS_io_submit, 0, 1, cbs);
	struct iocb *many[40];
	for (int i = 0; i < 40; i++)
		many[i] = &c7;
	syscall(SYS_io_submit, ctx, 40, many);
	syscall(SYS_io_getevents, ctx, 0, 4, ev, &zero);
	syscall(SYS_io_getevents, ctx, 0, 4, NULL, &zero);
	syscall(SYS_io_getevents, ctx, 0, 4, ev, (void *)1);
	syscall(SYS_io_getevents, 0, 1, 4, ev, &ts);
	syscall(SYS_io_getevents, ctx, 5, 4, ev, &ts);
	syscall(SYS_io_getevents, ctx, -1L, -1L, (void *)1, NULL);

	/* io_cancel: the poll on the empty pipe's read end stays pending */
	struct iocb c16 = cb(IOCB_CMD_POLL, p[0], NULL, 0, 0, 0xcccc);
	c16.aio_buf = POLLIN;
	struct iocb *p16 = &c16;
	syscall(SYS_io_submit, ctx, 1, &p16);
	syscall(SYS_io_cancel, ctx, &c16, ev);
	syscall(SYS_io_cancel, ctx, &c16, ev);
	syscall(SYS_io_cancel, ctx, &c6, NULL);
	syscall(SYS_io_cancel, ctx, NULL, ev);
	syscall(SYS_io_cancel, ctx, (void *)1, (void *)1);
	syscall(SYS_io_getevents, ctx, 1, 1, ev, &ts);

	syscall(SYS_io_destroy, ctx);
	syscall(SYS_io_destroy, ctx);
	syscall(SYS_io_destroy, 0);
	close(fd);
	unlink("aio.tmp");
}

int main(void)
{
	aio();
	return 0;
}
