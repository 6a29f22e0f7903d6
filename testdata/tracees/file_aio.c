// file_aio makes the native AIO calls (io_setup, io_submit, io_getevents,
// io_pgetevents, io_cancel, io_destroy) and the io_uring calls on a
// temporary file in the current directory, with fixed arguments,
// successful and failing, for comparing gotrace with strace. Completions
// are reaped one submission at a time so their order is fixed.
#define _GNU_SOURCE
#include <fcntl.h>
#include <linux/aio_abi.h>
#include <linux/io_uring.h>
#include <poll.h>
#include <sched.h>
#include <signal.h>
#include <stdint.h>
#include <string.h>
#include <sys/eventfd.h>
#include <sys/mman.h>
#include <sys/resource.h>
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

static void uring(void)
{
	/* The io-wq unbound worker limit starts at RLIMIT_NPROC: fix it. */
	struct rlimit nproc = {1000, 1000};
	setrlimit(RLIMIT_NPROC, &nproc);

	int fd = open("uring.tmp", O_RDWR | O_CREAT | O_TRUNC, 0600);
	int efd = eventfd(0, 0);
	struct io_uring_params p;
	memset(&p, 0, sizeof(p));
	int r = syscall(SYS_io_uring_setup, 4, &p);
	memset(&p, 0, sizeof(p));
	p.flags = IORING_SETUP_CLAMP | IORING_SETUP_CQSIZE;
	p.cq_entries = 16;
	int r2 = syscall(SYS_io_uring_setup, 2, &p);
	memset(&p, 0, sizeof(p));
	p.flags = IORING_SETUP_R_DISABLED | IORING_SETUP_ATTACH_WQ;
	p.wq_fd = r;
	p.sq_thread_cpu = 1;
	p.sq_thread_idle = 10;
	int r3 = syscall(SYS_io_uring_setup, 2, &p);
	memset(&p, 0, sizeof(p));
	p.flags = 0x80000000;
	p.resv[1] = 5;
	syscall(SYS_io_uring_setup, 2, &p);
	syscall(SYS_io_uring_setup, 2, NULL);
	syscall(SYS_io_uring_setup, 2, (void *)1);
	syscall(SYS_io_uring_setup, 0, &p);

	/* submit one write through the ring */
	static char wbuf[] = "uring data";
	size_t sqsz = 4096, cqsz = 4096;
	memset(&p, 0, sizeof(p));
	int r4 = syscall(SYS_io_uring_setup, 4, &p);
	char *sq = mmap(NULL, p.sq_off.array + p.sq_entries * 4, PROT_READ | PROT_WRITE, MAP_SHARED, r4, IORING_OFF_SQ_RING);
	struct io_uring_sqe *sqes = mmap(NULL, p.sq_entries * sizeof(*sqes), PROT_READ | PROT_WRITE, MAP_SHARED, r4, IORING_OFF_SQES);
	(void)sqsz;
	(void)cqsz;
	memset(&sqes[0], 0, sizeof(sqes[0]));
	sqes[0].opcode = IORING_OP_WRITE;
	sqes[0].fd = fd;
	sqes[0].addr = (uintptr_t)wbuf;
	sqes[0].len = sizeof(wbuf) - 1;
	sqes[0].user_data = 0x42;
	unsigned *array = (unsigned *)(sq + p.sq_off.array);
	unsigned *tail = (unsigned *)(sq + p.sq_off.tail);
	array[0] = 0;
	__atomic_store_n(tail, 1, __ATOMIC_RELEASE);
	syscall(SYS_io_uring_enter, r4, 1, 1, IORING_ENTER_GETEVENTS, NULL, 0);

	sigset_t ss;
	sigemptyset(&ss);
	sigaddset(&ss, SIGUSR1);
	syscall(SYS_io_uring_enter, r4, 0, 0, IORING_ENTER_GETEVENTS, &ss, 8);
	syscall(SYS_io_uring_enter, r4, 0, 0, IORING_ENTER_SQ_WAKEUP | 0x1000, &ss, 4);
	syscall(SYS_io_uring_enter, r4, 0, 0, 0, (void *)1, 8);
	struct io_uring_getevents_arg ga = {(uintptr_t)&ss, 8, 0, 0};
	struct __kernel_timespec kts = {0, 1000};
	ga.ts = (uintptr_t)&kts;
	syscall(SYS_io_uring_enter, r4, 0, 0, IORING_ENTER_EXT_ARG | IORING_ENTER_GETEVENTS, &ga, sizeof(ga));
	syscall(SYS_io_uring_enter, 999, 0, 0, 0, NULL, 0);

	/* register */
	char b1[16], b2[32];
	struct iovec iov[2] = {{b1, sizeof(b1)}, {b2, sizeof(b2)}};
	syscall(SYS_io_uring_register, r4, IORING_REGISTER_BUFFERS, iov, 2);
	syscall(SYS_io_uring_register, r4, IORING_UNREGISTER_BUFFERS, NULL, 0);
	int fds[3] = {fd, efd, -1};
	syscall(SYS_io_uring_register, r4, IORING_REGISTER_FILES, fds, 3);
	int upd_fds[2] = {fd, -1};
	struct io_uring_files_update up = {1, 0, (uintptr_t)upd_fds};
	syscall(SYS_io_uring_register, r4, IORING_REGISTER_FILES_UPDATE, &up, 2);
	syscall(SYS_io_uring_register, r4, IORING_UNREGISTER_FILES, NULL, 0);
	syscall(SYS_io_uring_register, r4, IORING_REGISTER_EVENTFD, &efd, 1);
	syscall(SYS_io_uring_register, r4, IORING_UNREGISTER_EVENTFD, NULL, 0);
	syscall(SYS_io_uring_register, r4, IORING_REGISTER_EVENTFD_ASYNC, &efd, 1);
	syscall(SYS_io_uring_register, r4, IORING_UNREGISTER_EVENTFD, NULL, 0);
	struct {
		struct io_uring_probe p;
		struct io_uring_probe_op ops[4];
	} probe;
	memset(&probe, 0, sizeof(probe));
	syscall(SYS_io_uring_register, r4, IORING_REGISTER_PROBE, &probe, 4);
	syscall(SYS_io_uring_register, r4, IORING_REGISTER_PROBE, (void *)1, 4);
	int pers = syscall(SYS_io_uring_register, r4, IORING_REGISTER_PERSONALITY, NULL, 0);
	syscall(SYS_io_uring_register, r4, IORING_UNREGISTER_PERSONALITY, NULL, pers);
	struct io_uring_restriction res[3];
	memset(res, 0, sizeof(res));
	res[0].opcode = IORING_RESTRICTION_REGISTER_OP;
	res[0].register_op = IORING_REGISTER_BUFFERS;
	res[1].opcode = IORING_RESTRICTION_SQE_OP;
	res[1].sqe_op = IORING_OP_READV;
	res[2].opcode = IORING_RESTRICTION_SQE_FLAGS_ALLOWED;
	res[2].sqe_flags = IOSQE_FIXED_FILE | IOSQE_IO_LINK;
	syscall(SYS_io_uring_register, r3, IORING_REGISTER_RESTRICTIONS, res, 3);
	syscall(SYS_io_uring_register, r3, IORING_REGISTER_ENABLE_RINGS, NULL, 0);
	unsigned int workers[2] = {4, 8};
	syscall(SYS_io_uring_register, r4, IORING_REGISTER_IOWQ_MAX_WORKERS, workers, 2);
	syscall(SYS_io_uring_register, r4, IORING_REGISTER_IOWQ_MAX_WORKERS, workers, 3);
	syscall(SYS_io_uring_register, r4, IORING_REGISTER_IOWQ_MAX_WORKERS, NULL, 2);
	cpu_set_t cpus;
	CPU_ZERO(&cpus);
	CPU_SET(0, &cpus);
	syscall(SYS_io_uring_register, r4, IORING_REGISTER_IOWQ_AFF, &cpus, 8);
	syscall(SYS_io_uring_register, r4, IORING_UNREGISTER_IOWQ_AFF, NULL, 0);
	struct io_uring_rsrc_update ring[2];
	memset(ring, 0, sizeof(ring));
	ring[0].offset = -1;
	ring[0].data = r4;
	ring[1].offset = 9;
	ring[1].data = r4;
	ring[1].resv = 1;
	syscall(SYS_io_uring_register, r4, IORING_REGISTER_RING_FDS, ring, 2);
	ring[0].offset = 0;
	syscall(SYS_io_uring_register, r4, IORING_UNREGISTER_RING_FDS, ring, 1);
	struct io_uring_buf_reg br;
	memset(&br, 0, sizeof(br));
	br.ring_addr = 0x1000;
	br.ring_entries = 8;
	br.bgid = 3;
	syscall(SYS_io_uring_register, r4, IORING_REGISTER_PBUF_RING, &br, 1);
	br.resv[1] = 2;
	syscall(SYS_io_uring_register, r4, IORING_UNREGISTER_PBUF_RING, &br, 1);
	probe.p.ops_len = 1;
	syscall(SYS_io_uring_register, r4, IORING_REGISTER_PROBE, &probe, 2);
	memset(&probe, 0, sizeof(probe));
	syscall(SYS_io_uring_register, r4, IORING_REGISTER_PROBE, &probe, 300);
	syscall(SYS_io_uring_register, r4, IORING_REGISTER_PROBE, &probe, 0);
	uint64_t tags[2] = {5, 6};
	int nofds[2] = {-1, -2};
	struct io_uring_rsrc_update2 u2;
	memset(&u2, 0, sizeof(u2));
	u2.data = (uintptr_t)nofds;
	u2.tags = (uintptr_t)tags;
	u2.nr = 2;
	syscall(SYS_io_uring_register, r4, IORING_REGISTER_FILES_UPDATE2, &u2, sizeof(u2));
	syscall(SYS_io_uring_register, r4, IORING_REGISTER_BUFFERS_UPDATE, &u2, 16);
	u2.data = (uintptr_t)iov;
	syscall(SYS_io_uring_register, r4, IORING_REGISTER_BUFFERS_UPDATE, &u2, sizeof(u2));
	struct io_uring_rsrc_register rr;
	memset(&rr, 0, sizeof(rr));
	rr.nr = 2;
	rr.data = (uintptr_t)fds;
	syscall(SYS_io_uring_register, r4, IORING_REGISTER_FILES2, &rr, sizeof(rr));
	syscall(SYS_io_uring_register, r4, IORING_UNREGISTER_FILES, NULL, 0);
	rr.flags = IORING_RSRC_REGISTER_SPARSE | 0x10;
	rr.data = (uintptr_t)iov;
	rr.tags = (uintptr_t)tags;
	syscall(SYS_io_uring_register, r4, IORING_REGISTER_BUFFERS2, &rr, sizeof(rr));
	syscall(SYS_io_uring_register, r4, 99, (void *)0x10, 3);
	syscall(SYS_io_uring_register, 999, IORING_REGISTER_BUFFERS, iov, 2);
	syscall(SYS_io_uring_register, r4, IORING_REGISTER_BUFFERS, (void *)1, 2);

	close(r4);
	close(r3);
	close(r2);
	close(r);
	close(fd);
	unlink("uring.tmp");
}

int main(void)
{
	aio();
	uring();
	return 0;
}
