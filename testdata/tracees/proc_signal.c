// proc_signal makes the signal syscalls with fixed arguments, successful and
// failing, and receives signals of every family, for comparing gotrace with
// strace.
#define _GNU_SOURCE
#include <signal.h>
#include <setjmp.h>
#include <string.h>
#include <stdlib.h>
#include <unistd.h>
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>

static sigjmp_buf jb;

static void handler(int sig) { (void)sig; }
static void jumper(int sig) { siglongjmp(jb, sig); }

struct ksigaction {
	void *handler;
	unsigned long flags;
	void *restorer;
	unsigned long mask;
};

int main(void)
{
	struct ksigaction ka, old;
	unsigned long set, oset;
	pid_t pid = getpid();

	/* rt_sigaction */
	memset(&ka, 0, sizeof(ka));
	ka.handler = SIG_IGN;
	syscall(SYS_rt_sigaction, SIGUSR2, &ka, &old, 8);
	ka.handler = (void *)handler;
	ka.flags = SA_RESTART | SA_SIGINFO | SA_NODEFER | SA_ONSTACK | SA_RESETHAND | SA_NOCLDSTOP;
	ka.mask = (1UL << (SIGINT - 1)) | (1UL << (SIGTERM - 1)) | (1UL << 33);
	syscall(SYS_rt_sigaction, SIGUSR2, &ka, &old, 8);
	ka.flags = 0x4000000 | 0x1000;
	ka.restorer = (void *)0x1234;
	ka.mask = ~0UL;
	syscall(SYS_rt_sigaction, SIGUSR2, &ka, NULL, 8);
	ka.mask = ~((1UL << 31) | (1UL << 32));
	syscall(SYS_rt_sigaction, SIGUSR2, &ka, NULL, 8);
	ka.handler = SIG_DFL;
	ka.flags = 0;
	ka.mask = 0;
	syscall(SYS_rt_sigaction, SIGUSR2, NULL, &old, 8);
	syscall(SYS_rt_sigaction, SIGKILL, &ka, NULL, 8);
	syscall(SYS_rt_sigaction, 99, &ka, NULL, 8);
	syscall(SYS_rt_sigaction, SIGUSR2, (void *)1, NULL, 8);
	syscall(SYS_rt_sigaction, SIGUSR2, &ka, (void *)1, 8);
	syscall(SYS_rt_sigaction, SIGUSR2, &ka, NULL, 4);
	syscall(SYS_rt_sigaction, 40, NULL, &old, 8);

	/* rt_sigprocmask */
	set = (1UL << (SIGUSR1 - 1)) | (1UL << (SIGCHLD - 1));
	syscall(SYS_rt_sigprocmask, SIG_BLOCK, &set, &oset, 8);
	syscall(SYS_rt_sigprocmask, SIG_UNBLOCK, &set, NULL, 8);
	syscall(SYS_rt_sigprocmask, SIG_SETMASK, NULL, &oset, 8);
	syscall(SYS_rt_sigprocmask, 99, &set, &oset, 8);
	syscall(SYS_rt_sigprocmask, SIG_BLOCK, (void *)1, NULL, 8);
	syscall(SYS_rt_sigprocmask, SIG_BLOCK, &set, NULL, 4);
	set = ~0UL;
	syscall(SYS_rt_sigprocmask, SIG_SETMASK, &set, &oset, 8);
	syscall(SYS_rt_sigprocmask, SIG_SETMASK, &oset, NULL, 8);
	syscall(SYS_rt_sigpending, &set, 8);
	syscall(SYS_rt_sigpending, &set, 4);
	syscall(SYS_rt_sigpending, (void *)1, 8);

	/* kill family */
	syscall(SYS_kill, pid, 0);
	syscall(SYS_kill, -1, 0);
	syscall(SYS_kill, pid, 99);
	syscall(SYS_kill, 999999, SIGTERM);
	syscall(SYS_tkill, pid, 0);
	syscall(SYS_tgkill, pid, pid, 0);
	syscall(SYS_tgkill, pid, pid, 77);

	/* delivered signals */
	signal(SIGUSR1, handler);
	syscall(SYS_kill, pid, SIGUSR1);
	syscall(SYS_tgkill, pid, pid, SIGUSR1);
	union sigval sv;
	sv.sival_int = 7;
	sigqueue(pid, SIGUSR1, sv);
	signal(SIGRTMIN + 2, handler);
	sv.sival_ptr = (void *)0xdeadbeef;
	sigqueue(pid, SIGRTMIN + 2, sv);
	siginfo_t si;
	memset(&si, 0, sizeof(si));
	si.si_signo = SIGUSR1;
	si.si_code = -10;
	si.si_pid = 1;
	si.si_uid = 2;
	syscall(SYS_rt_sigqueueinfo, pid, SIGUSR1, &si);
	si.si_code = 5;
	syscall(SYS_rt_sigqueueinfo, pid, SIGUSR1, &si);
	syscall(SYS_rt_sigqueueinfo, pid, SIGUSR1, (void *)1);
	syscall(SYS_rt_tgsigqueueinfo, pid, pid, SIGUSR1, &si);

	signal(SIGSEGV, jumper);
	signal(SIGBUS, jumper);
	signal(SIGFPE, jumper);
	signal(SIGILL, jumper);
	signal(SIGPIPE, handler);
	signal(SIGALRM, handler);
	signal(SIGIO, handler);
	signal(SIGCHLD, handler);
	if (!sigsetjmp(jb, 1))
		*(volatile int *)8 = 1;
	char *p = mmap(NULL, 4096, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (!sigsetjmp(jb, 1))
		*(volatile char *)p = 1;
	int fd = open("/tmp/proc_signal_empty", O_RDWR | O_CREAT | O_TRUNC, 0600);
	char *q = mmap(NULL, 4096, PROT_READ, MAP_SHARED, fd, 0);
	if (!sigsetjmp(jb, 1))
		(void)*(volatile char *)q;
	unlink("/tmp/proc_signal_empty");
	if (!sigsetjmp(jb, 1)) {
		int a = 1, z = 0;
		__asm__ volatile("cltd; idivl %2" : "+a"(a) : "d"(0), "r"(z));
	}
	if (!sigsetjmp(jb, 1))
		__asm__ volatile("ud2");
	int pfd[2];
	pipe(pfd);
	close(pfd[0]);
	write(pfd[1], "x", 1);
	alarm(1);
	pause();
	int sp[2];
	pipe(sp);
	fcntl(sp[0], F_SETOWN, pid);
	fcntl(sp[0], F_SETFL, O_ASYNC | O_NONBLOCK);
	write(sp[1], "x", 1);
	fcntl(sp[0], F_SETSIG, SIGIO);
	write(sp[1], "x", 1);
	/* A child's SIGCHLD comes while the parent runs on: it stays blocked
	 * until the child is reaped, so its delivery has a fixed place. */
	sigset_t chld;
	sigemptyset(&chld);
	sigaddset(&chld, SIGCHLD);
	sigprocmask(SIG_BLOCK, &chld, NULL);
	pid_t c = fork();
	if (c == 0)
		_exit(3);
	int st;
	wait4(c, &st, 0, NULL);
	sigprocmask(SIG_UNBLOCK, &chld, NULL);
	sigprocmask(SIG_BLOCK, &chld, NULL);
	/* The child to be killed writes more than a pipe holds: once the
	 * parent has read its first byte, the child is in that write for good,
	 * and the kill finds it there, whatever the scheduler did. */
	static char big[1 << 20];
	int ready[2];
	pipe(ready);
	c = fork();
	if (c == 0) {
		write(ready[1], big, sizeof(big));
		_exit(0);
	}
	char b;
	read(ready[0], &b, 1);
	kill(c, SIGKILL);
	wait4(c, &st, 0, NULL);
	sigprocmask(SIG_UNBLOCK, &chld, NULL);

	/* sigsuspend, sigtimedwait, sigaltstack */
	set = 0;
	syscall(SYS_rt_sigsuspend, &set, 4);
	set = 1UL << (SIGUSR2 - 1);
	syscall(SYS_rt_sigprocmask, SIG_BLOCK, &set, NULL, 8);
	struct timespec ts = {0, 1000};
	syscall(SYS_rt_sigtimedwait, &set, &si, &ts, 8);
	syscall(SYS_kill, pid, SIGUSR2);
	syscall(SYS_rt_sigtimedwait, &set, &si, &ts, 8);
	syscall(SYS_kill, pid, SIGUSR2);
	syscall(SYS_rt_sigtimedwait, &set, NULL, NULL, 8);
	syscall(SYS_rt_sigtimedwait, &set, NULL, (void *)1, 8);
	stack_t ss = {0}, oss;
	ss.ss_sp = malloc(65536);
	ss.ss_size = 65536;
	syscall(SYS_sigaltstack, &ss, &oss);
	syscall(SYS_sigaltstack, NULL, &oss);
	ss.ss_flags = SS_DISABLE;
	syscall(SYS_sigaltstack, &ss, NULL);
	ss.ss_flags = 99;
	syscall(SYS_sigaltstack, &ss, NULL);
	syscall(SYS_sigaltstack, (void *)1, NULL);
	return 0;
}
