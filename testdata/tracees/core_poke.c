/* core_poke: calls that fill output structures, for TestDiffPoke, which
 * overwrites those structures at the calls' exit (-e inject=…:poke_exit=)
 * with the same bytes under strace and gotrace and compares the decoding.
 *
 * Every output buffer is a 4 KiB slot of a region mapped at a fixed
 * address (POKE_BASE), so the test knows where it is (to point a poked
 * msghdr into it) and a poke larger than the structure stays harmless.
 * No result of a poked call is used afterwards: descriptors and ids the
 * tracee needs come from calls the test does not poke. Slot numbers are
 * listed in poke_test.go; keep the two in step.
 *
 * With the argument "calib" the tracee exits at once: the test counts the
 * calls of the dynamic loader's start (newfstatat, prlimit64) so its
 * pokes skip them. */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <fcntl.h>
#include <grp.h>
#include <linux/capability.h>
#include <linux/netlink.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sched.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <net/if.h>
#include <sys/ioctl.h>
#include <sys/ipc.h>
#include <sys/mman.h>
#include <sys/msg.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/select.h>
#include <sys/sem.h>
#include <sys/shm.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <sys/timerfd.h>
#include <sys/uio.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

#define POKE_BASE 0x7e000000UL
#define NSLOTS 96
#define S(i) ((void *)(POKE_BASE + (unsigned long)(i) * 4096))

int main(int argc, char **argv)
{
	if (argc > 1 && strcmp(argv[1], "calib") == 0)
		syscall(SYS_exit_group, 0);
	if (mmap(S(0), NSLOTS * 4096, PROT_READ | PROT_WRITE,
		 MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0) != S(0))
		return 1;

	/* Descriptors the calls work on (none of these calls is poked). */
	int dfd = open(".", O_RDONLY | O_DIRECTORY);
	int pfd[2];
	pipe(pfd);
	write(pfd[1], "abc", 3);
	int ptm = posix_openpt(O_RDWR | O_NOCTTY);
	int ep = epoll_create1(0);
	struct epoll_event ev = { .events = EPOLLIN, .data.u64 = 0x1122334455667788ULL };
	epoll_ctl(ep, EPOLL_CTL_ADD, pfd[0], &ev);
	ev.events = EPOLLOUT;
	ev.data.fd = pfd[1];
	epoll_ctl(ep, EPOLL_CTL_ADD, pfd[1], &ev);
	int tfd = timerfd_create(CLOCK_MONOTONIC, 0);
	struct itimerspec its = { { 1, 2 }, { 100, 0 } };
	timerfd_settime(tfd, 0, &its, NULL);
	timer_t tid;
	struct sigevent sev = { .sigev_notify = SIGEV_NONE };
	syscall(SYS_timer_create, CLOCK_MONOTONIC, &sev, &tid);
	syscall(SYS_timer_settime, tid, 0, &its, NULL);

	/* Sockets of several families (addrlen differs). */
	int u4 = socket(AF_INET, SOCK_DGRAM, 0);
	struct sockaddr_in a4 = { .sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK) };
	bind(u4, (void *)&a4, sizeof a4);
	socklen_t l4 = sizeof a4;
	getsockname(u4, (void *)&a4, &l4);
	connect(u4, (void *)&a4, sizeof a4);
	send(u4, "ping", 4, 0);
	send(u4, "pong", 4, 0);
	int u6 = socket(AF_INET6, SOCK_DGRAM, 0);
	struct sockaddr_in6 a6 = { .sin6_family = AF_INET6, .sin6_addr = IN6ADDR_LOOPBACK_INIT };
	bind(u6, (void *)&a6, sizeof a6);
	int nl = socket(AF_NETLINK, SOCK_RAW, NETLINK_ROUTE);
	int tcp = socket(AF_INET, SOCK_STREAM, 0);
	int ls = socket(AF_UNIX, SOCK_STREAM, 0);
	/* autobind: an abstract name of fixed length, no file left behind */
	struct sockaddr_un ua = { .sun_family = AF_UNIX };
	socklen_t ul = sizeof(sa_family_t);
	bind(ls, (void *)&ua, ul);
	ul = sizeof ua;
	getsockname(ls, (void *)&ua, &ul);
	listen(ls, 4);
	int cl = socket(AF_UNIX, SOCK_STREAM, 0);
	connect(cl, (void *)&ua, ul);
	int acc = accept(ls, NULL, NULL); /* accept4 below is the poked one */
	int cl2 = socket(AF_UNIX, SOCK_STREAM, 0);
	connect(cl2, (void *)&ua, ul);
	int sv[2];
	socketpair(AF_UNIX, SOCK_DGRAM, 0, sv);
	send(sv[0], "msg", 3, 0);
	int pk = socket(AF_PACKET, SOCK_DGRAM, 0);
	(void)acc;

	/* Children to wait for; their SIGCHLD blocked, so no signal line
	 * with its varying times shows. */
	sigset_t chld;
	sigemptyset(&chld);
	sigaddset(&chld, SIGCHLD);
	sigprocmask(SIG_BLOCK, &chld, NULL);
	gid_t groups[3] = { 0, 5, 100 };
	setgroups(3, groups); /* getgroups has something to return */
	pid_t c1 = fork();
	if (c1 == 0)
		syscall(SYS_exit_group, 3);
	pid_t c2 = fork();
	if (c2 == 0)
		syscall(SYS_exit_group, 4);

	/* IPC objects. */
	int shm = shmget(IPC_PRIVATE, 4096, IPC_CREAT | 0600);
	int msq = msgget(IPC_PRIVATE, IPC_CREAT | 0600);
	int sem = semget(IPC_PRIVATE, 2, IPC_CREAT | 0600);

	/* A directory and a symlink. */
	mkdir("pd", 0755);
	close(open("pd/a", O_CREAT | O_WRONLY, 0644));
	close(open("pd/bbbb", O_CREAT | O_WRONLY, 0644));
	int pdfd = open("pd", O_RDONLY | O_DIRECTORY);
	unlink("lnk");
	symlink("0123456789abcdefghij", "lnk");

	/* ---- the poked calls ---- */
	syscall(SYS_fstat, dfd, S(1));
	syscall(SYS_newfstatat, AT_FDCWD, "/", S(2), 0);
	syscall(SYS_stat, "/", S(3));
	syscall(SYS_lstat, "/", S(4));
	syscall(SYS_statx, AT_FDCWD, "/", 0, 0xfff, S(5));
	syscall(SYS_statfs, "/", S(6));
	syscall(SYS_fstatfs, dfd, S(7));
	syscall(SYS_sysinfo, S(8));
	syscall(SYS_uname, S(9));
	syscall(SYS_getrusage, RUSAGE_SELF, S(10));
	syscall(SYS_times, S(11));
	syscall(SYS_clock_gettime, CLOCK_MONOTONIC, S(12));
	syscall(SYS_clock_getres, CLOCK_MONOTONIC, S(13));
	syscall(SYS_gettimeofday, S(14), S(15));
	syscall(SYS_getitimer, ITIMER_REAL, S(16));
	syscall(SYS_getrlimit, RLIMIT_NOFILE, S(17));
	syscall(SYS_prlimit64, 0, RLIMIT_NOFILE, NULL, S(18));
	syscall(SYS_sched_getparam, 0, S(19));
	syscall(SYS_sched_getattr, 0, S(20), 56, 0);
	syscall(SYS_sched_getaffinity, 0, 128, S(21));
	syscall(SYS_sched_rr_get_interval, 0, S(22));

	/* sockaddrs: every call of one syscall gets the same bytes */
	*(socklen_t *)S(24) = 128;
	syscall(SYS_getsockname, u4, S(23), S(24));
	*(socklen_t *)S(24) = 128;
	syscall(SYS_getsockname, u6, S(23), S(24));
	*(socklen_t *)S(24) = 128;
	syscall(SYS_getsockname, nl, S(23), S(24));
	*(socklen_t *)S(24) = 128;
	syscall(SYS_getsockname, ls, S(23), S(24));
	*(socklen_t *)S(24) = 128;
	syscall(SYS_getsockname, pk, S(23), S(24));
	*(socklen_t *)S(26) = 128;
	syscall(SYS_getpeername, u4, S(25), S(26));
	*(socklen_t *)S(26) = 128;
	syscall(SYS_getpeername, cl, S(25), S(26));
	*(socklen_t *)S(28) = 128;
	syscall(SYS_accept4, ls, S(27), S(28), SOCK_CLOEXEC);

	/* socket options */
	*(socklen_t *)S(30) = 8;
	syscall(SYS_getsockopt, tcp, SOL_SOCKET, SO_LINGER, S(29), S(30));
	*(socklen_t *)S(30) = 16;
	syscall(SYS_getsockopt, tcp, SOL_SOCKET, SO_RCVTIMEO, S(29), S(30));
	*(socklen_t *)S(30) = 4;
	syscall(SYS_getsockopt, tcp, SOL_SOCKET, SO_TYPE, S(29), S(30));
	*(socklen_t *)S(30) = 12;
	syscall(SYS_getsockopt, cl, SOL_SOCKET, SO_PEERCRED, S(29), S(30));
	*(socklen_t *)S(30) = 256;
	syscall(SYS_getsockopt, tcp, IPPROTO_TCP, TCP_INFO, S(29), S(30));
	*(socklen_t *)S(30) = 4;
	syscall(SYS_getsockopt, tcp, SOL_SOCKET, SO_ERROR, S(29), S(30));
	*(socklen_t *)S(30) = 4;
	syscall(SYS_getsockopt, u4, IPPROTO_IP, IP_TOS, S(29), S(30));

	/* received addresses and messages */
	*(socklen_t *)S(32) = 128;
	syscall(SYS_recvfrom, u4, S(31) + 2048, 64, MSG_DONTWAIT, S(31), S(32));
	struct msghdr *mh = S(33);
	struct iovec *iov = (void *)((char *)S(33) + 1024);
	iov->iov_base = (char *)S(33) + 2048;
	iov->iov_len = 64;
	mh->msg_iov = iov;
	mh->msg_iovlen = 1;
	mh->msg_control = (char *)S(33) + 3072;
	mh->msg_controllen = 256;
	syscall(SYS_recvmsg, u4, mh, MSG_DONTWAIT);

	/* ioctls: each has its own slot */
	syscall(SYS_ioctl, ptm, TCGETS, S(34));
	syscall(SYS_ioctl, ptm, TIOCGWINSZ, S(35));
	syscall(SYS_ioctl, pfd[0], FIONREAD, S(36));

	/* readiness */
	syscall(SYS_epoll_wait, ep, S(37), 8, 0);
	struct pollfd *pf = S(38);
	pf[0].fd = pfd[0];
	pf[0].events = POLLIN;
	pf[1].fd = pfd[1];
	pf[1].events = POLLOUT;
	pf[2].fd = ptm;
	pf[2].events = POLLIN | POLLPRI;
	syscall(SYS_poll, pf, 3, 0);
	pf = S(39);
	pf[0].fd = pfd[0];
	pf[0].events = POLLIN;
	pf[1].fd = pfd[1];
	pf[1].events = POLLOUT;
	struct timespec zero = { 0, 0 };
	syscall(SYS_ppoll, pf, 2, &zero, NULL, 8);
	fd_set *rs = S(40), *ws = S(41);
	FD_SET(pfd[0], rs);
	FD_SET(pfd[1], ws);
	struct timeval tz = { 0, 0 };
	syscall(SYS_select, pfd[1] + 1, rs, ws, NULL, &tz);

	/* children */
	syscall(SYS_wait4, c1, S(42), 0, S(43));
	syscall(SYS_waitid, P_PID, c2, S(44), WEXITED, S(45));

	/* signals */
	syscall(SYS_rt_sigaction, SIGUSR1, NULL, S(46), 8);
	syscall(SYS_rt_sigprocmask, SIG_BLOCK, NULL, S(47), 8);
	syscall(SYS_sigaltstack, NULL, S(48));
	syscall(SYS_rt_sigpending, S(49), 8);

	/* names */
	syscall(SYS_getcwd, S(50), 4096);
	syscall(SYS_readlink, "lnk", S(51), 4096);
	syscall(SYS_getdents64, pdfd, S(52), 4096);

	/* descriptors returned in memory: never used */
	syscall(SYS_pipe2, S(53), O_CLOEXEC);
	syscall(SYS_socketpair, AF_UNIX, SOCK_STREAM, 0, S(54));

	/* timers */
	syscall(SYS_timerfd_gettime, tfd, S(55));
	syscall(SYS_timer_gettime, tid, S(56));

	/* credentials */
	struct __user_cap_header_struct *ch = S(57);
	ch->version = _LINUX_CAPABILITY_VERSION_3;
	ch->pid = 0;
	syscall(SYS_capget, ch, S(58));
	syscall(SYS_getresuid, S(59), S(60), S(61));
	syscall(SYS_getresgid, S(59), S(60), S(61));
	syscall(SYS_getgroups, 64, S(62));
	syscall(SYS_get_robust_list, 0, S(63), S(64));

	/* prctl: all with an output pointer */
	syscall(SYS_prctl, PR_GET_PDEATHSIG, S(65), 0, 0, 0);
	syscall(SYS_prctl, PR_GET_NAME, S(66), 0, 0, 0);
	syscall(SYS_prctl, PR_GET_TID_ADDRESS, S(67), 0, 0, 0);
	syscall(SYS_prctl, PR_GET_CHILD_SUBREAPER, S(68), 0, 0, 0);

	/* IPC: IPC_STAT then IPC_RMID (which ignores its buffer) */
	syscall(SYS_shmctl, shm, IPC_STAT, S(69));
	syscall(SYS_shmctl, shm, IPC_RMID, S(69));
	syscall(SYS_msgctl, msq, IPC_STAT, S(70));
	syscall(SYS_msgctl, msq, IPC_RMID, S(70));
	syscall(SYS_semctl, sem, 0, IPC_STAT, S(71));
	syscall(SYS_semctl, sem, 0, IPC_RMID, S(71));

	/* miscellany */
	syscall(SYS_getcpu, S(72), S(73), NULL);
	int lf = open("pd/a", O_RDWR);
	((struct flock *)S(74))->l_type = F_WRLCK;
	syscall(SYS_fcntl, lf, F_GETLK, S(74));
	syscall(SYS_adjtimex, S(75));
	syscall(SYS_clock_nanosleep, CLOCK_MONOTONIC, 0, &zero, S(76));
	syscall(SYS_nanosleep, &zero, S(77));
	syscall(SYS_mincore, S(0), 8 * 4096, S(78));
	FD_SET(pfd[0], (fd_set *)S(79));
	FD_SET(pfd[1], (fd_set *)S(80));
	syscall(SYS_pselect6, pfd[1] + 1, S(79), S(80), NULL, &zero, NULL);
	syscall(SYS_epoll_pwait, ep, S(81), 8, 0, NULL, 8);
	syscall(SYS_get_mempolicy, S(82), S(83), 64, NULL, 0);

	/* data read, a signal taken, interface requests */
	char fill[64];
	memset(fill, 'x', sizeof fill);
	write(pfd[1], fill, sizeof fill);
	syscall(SYS_read, pfd[0], S(84), 64);
	sigset_t usr2;
	sigemptyset(&usr2);
	sigaddset(&usr2, SIGUSR2);
	sigprocmask(SIG_BLOCK, &usr2, NULL);
	raise(SIGUSR2);
	syscall(SYS_rt_sigtimedwait, &usr2, S(85), &zero, 8);
	struct ifconf *ifc = S(86);
	ifc->ifc_len = 4 * sizeof(struct ifreq);
	ifc->ifc_req = S(87);
	syscall(SYS_ioctl, u4, SIOCGIFCONF, ifc);
	strcpy(((struct ifreq *)S(88))->ifr_name, "lo");
	syscall(SYS_ioctl, u4, SIOCGIFFLAGS, S(88));

	(void)cl2;
	(void)sv;
	syscall(SYS_exit_group, 0);
	return 0;
}
