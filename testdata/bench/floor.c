/* gotbench's reference floor: the least a ptrace tracer can do for each
 * benchmark row, to show which targets any ptrace tracer can reach on this
 * machine. Not a workload, and not a tracer anyone should use.
 *
 * It takes the benchmark's flags (-o FILE, -f, -c, -tt, -T,
 * -e trace=network, --seccomp-bpf, -p PID or a command) and does per stop
 * only what every tracer must: one wait4 (with rusage under -c, which
 * strace and gotrace need for the system time; preceded by a sched_yield
 * and made WNOHANG while that pays, as gotrace does, see wait_stop), one
 * PTRACE_GET_SYSCALL_INFO (none at the exit of a call a filter skips), the
 * clock reads -tt/-T need, and the resume. Instead of decoding, each traced
 * call leaves a minimal line (pid, number, raw arguments, return value) in
 * a 64 KiB buffer written when full and at the end. Signals are passed on;
 * job control is not handled (the workloads never stop). Attached, SIGINT or
 * SIGTERM detaches every thread, leaving it running. Launched and filtered,
 * the command runs under a seccomp filter that stops only at network calls,
 * children and threads included.
 *
 * Usage: floor [FLAGS] -o FILE (-p PID | COMMAND [ARG]...) */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <linux/audit.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <sched.h>
#include <signal.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/ptrace.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define MAXTID (1 << 22) /* PID_MAX_LIMIT on 64-bit */

static const int network[] = {
	SYS_socket, SYS_socketpair, SYS_bind, SYS_listen, SYS_accept, SYS_accept4,
	SYS_connect, SYS_getsockname, SYS_getpeername, SYS_sendto, SYS_recvfrom,
	SYS_sendmsg, SYS_recvmsg, SYS_sendmmsg, SYS_recvmmsg, SYS_shutdown,
	SYS_setsockopt, SYS_getsockopt,
};

static int filtered, counting, stamps, durations, seccomp_on;
/* Per thread: IN_CALL or SKIPPED while in a call, KNOWN once seen. */
static unsigned char in_call[MAXTID];
enum { IN_CALL = 1, SKIPPED = 2, STATE = 3, KNOWN = 4 };
static int nknown;
static volatile sig_atomic_t stop_req;

/* wait_stop is wait4 for the next stop. With the traced threads sharing
 * the tracer's CPU, yielding it lets the resumed thread run to its next
 * stop, which a non-blocking wait4 then collects: the tracer never sleeps,
 * and is spared the sleep and wake-up of a blocking wait4. With several
 * threads a non-blocking wait4 first takes a stop already waiting, so the
 * yield only comes when none is (and wait4's choice among waiting stops
 * stays the blocking wait4's). After 8 probes
 * in a row that found nothing (the thread runs on another CPU or blocks)
 * the probe rests for 256 stops; after a yield of over 30 us (another task
 * had the CPU), for 256 << n stops, n such yields with fewer than 64 fast
 * ones between them (at most 12). After a rest every yield is timed, then
 * one in 8. */
static int misses, probe_off, contended, calm;
static unsigned yields;

static double mono_us(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e6 + ts.tv_nsec / 1e3;
}

static pid_t wait_stop(int *st, struct rusage *ru)
{
	if (probe_off > 0) {
		probe_off--;
	} else {
		if (nknown > 1) {
			/* Another thread's stop may be waiting: take it
			 * without yielding. */
			pid_t tid = wait4(-1, st, __WALL | WNOHANG, ru);
			if (tid != 0)
				return tid > 0 ? tid : wait4(-1, st, __WALL, ru);
		}
		/* Every yield timed until 64 fast ones in a row, then one in 8. */
		int timed = calm < 64 || yields++ % 8 == 0;
		double t0 = timed ? mono_us() : 0;
		sched_yield();
		pid_t tid = wait4(-1, st, __WALL | WNOHANG, ru);
		if (timed && mono_us() - t0 > 30) {
			if (contended < 12)
				contended++;
			calm = 0, misses = 0, probe_off = 256 << contended;
			if (tid > 0)
				return tid;
		} else {
			if (timed && ++calm >= 64)
				contended = 0;
			if (tid > 0) {
				misses = 0;
				return tid;
			}
			if (++misses >= 8)
				calm = 0, misses = 0, probe_off = 256;
		}
	}
	return wait4(-1, st, __WALL, ru);
}

static void on_stop(int sig)
{
	(void)sig;
	stop_req = 1;
}

/* detach_all interrupts every known thread and detaches it at its next stop
 * (with the signal of a signal-delivery-stop), as -p sessions end. */
static void detach_all(void)
{
	for (pid_t tid = 1; tid < MAXTID; tid++)
		if (in_call[tid] & KNOWN)
			ptrace(PTRACE_INTERRUPT, tid, 0, 0);
	while (nknown > 0) {
		int st;
		pid_t tid = wait4(-1, &st, __WALL, NULL);
		if (tid < 0) {
			if (errno == EINTR)
				continue;
			return;
		}
		int sig = WIFSTOPPED(st) && !(st >> 16) && WSTOPSIG(st) != (SIGTRAP | 0x80) ? WSTOPSIG(st) : 0;
		if (WIFSTOPPED(st))
			ptrace(PTRACE_DETACH, tid, 0, sig);
		if (tid < MAXTID && (in_call[tid] & KNOWN)) {
			in_call[tid] = 0;
			nknown--;
		}
	}
}
/* A thread's call in flight, kept from its entry for its line: a
 * direct-mapped table by tid (the workloads have a handful of threads). */
static struct call {
	pid_t tid;
	long nr;
	unsigned long long args[3];
	struct timespec entered;
} calls[4096];

static struct call *call_of(pid_t tid)
{
	struct call *c = &calls[tid & 4095];
	c->tid = tid;
	return c;
}
static long counts[1024], errors;
static char obuf[1 << 16];
static size_t olen;
static int ofd = -1;

static void flush(void)
{
	size_t off = 0;
	while (off < olen) {
		ssize_t n = write(ofd, obuf + off, olen - off);
		if (n <= 0)
			break;
		off += n;
	}
	olen = 0;
}

static void put(const char *s, size_t n)
{
	if (olen + n > sizeof obuf)
		flush();
	memcpy(obuf + olen, s, n);
	olen += n;
}

static char *dec(char *p, long long v)
{
	char t[24];
	int n = 0;
	unsigned long long u = v < 0 ? -(unsigned long long)v : (unsigned long long)v;
	do
		t[n++] = '0' + u % 10;
	while (u /= 10);
	if (v < 0)
		*p++ = '-';
	while (n)
		*p++ = t[--n];
	return p;
}

static char *hex(char *p, unsigned long long v)
{
	char t[16];
	int n = 0;
	*p++ = '0';
	*p++ = 'x';
	do
		t[n++] = "0123456789abcdef"[v & 15];
	while (v >>= 4);
	while (n)
		*p++ = t[--n];
	return p;
}

static int is_network(long nr)
{
	for (size_t i = 0; i < sizeof network / sizeof *network; i++)
		if (network[i] == nr)
			return 1;
	return 0;
}

/* line appends "PID NR(A0, A1, A2) = RET <T>\n". */
static void line(pid_t tid, const struct call *c, long long ret)
{
	char b[256], *p = b;
	struct timespec now;
	if (stamps) {
		clock_gettime(CLOCK_REALTIME, &now);
		p = dec(p, now.tv_sec);
		*p++ = ' ';
	}
	p = dec(p, tid);
	*p++ = ' ';
	p = dec(p, c->tid == tid ? c->nr : -1);
	*p++ = '(';
	for (int i = 0; i < 3; i++) {
		if (i)
			*p++ = ',', *p++ = ' ';
		p = hex(p, c->args[i]);
	}
	*p++ = ')', *p++ = ' ', *p++ = '=', *p++ = ' ';
	p = dec(p, ret);
	if (durations) {
		clock_gettime(CLOCK_MONOTONIC, &now);
		*p++ = ' ';
		p = dec(p, (now.tv_sec - c->entered.tv_sec) * 1000000000LL + now.tv_nsec - c->entered.tv_nsec);
	}
	*p++ = '\n';
	put(b, p - b);
}

static void install_filter(void)
{
	size_t n = sizeof network / sizeof *network;
	struct sock_filter f[64];
	size_t k = 0;
	f[k++] = (struct sock_filter)BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, arch));
	f[k++] = (struct sock_filter)BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, AUDIT_ARCH_X86_64, 1, 0);
	f[k++] = (struct sock_filter)BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_TRACE);
	f[k++] = (struct sock_filter)BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, nr));
	for (size_t i = 0; i < n; i++)
		f[k++] = (struct sock_filter)BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, network[i], n - i, 0);
	f[k++] = (struct sock_filter)BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW);
	f[k++] = (struct sock_filter)BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_TRACE);
	struct sock_fprog prog = {(unsigned short)k, f};
	if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) < 0 ||
	    syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, 0, &prog) < 0)
		_exit(126);
}

static void die(const char *what)
{
	fprintf(stderr, "floor: %s: %s\n", what, strerror(errno));
	exit(1);
}

static int nattached;

static void seize(pid_t tid, long opts)
{
	if (ptrace(PTRACE_SEIZE, tid, 0, opts) < 0)
		die("PTRACE_SEIZE");
	ptrace(PTRACE_INTERRUPT, tid, 0, 0);
	nattached++;
}

int main(int argc, char **argv)
{
	const char *out = NULL;
	pid_t pids[16];
	int npids = 0, i;
	for (i = 1; i < argc && argv[i][0] == '-'; i++) {
		const char *a = argv[i];
		if (!strcmp(a, "--")) {
			i++;
			break;
		} else if (!strcmp(a, "-o") && i + 1 < argc)
			out = argv[++i];
		else if (!strcmp(a, "-p") && i + 1 < argc && npids < 16)
			pids[npids++] = atoi(argv[++i]);
		else if (!strcmp(a, "-e") && i + 1 < argc)
			filtered = !strcmp(argv[++i], "trace=network");
		else if (!strcmp(a, "-c"))
			counting = 1;
		else if (!strcmp(a, "-tt"))
			stamps = 1;
		else if (!strcmp(a, "-T"))
			durations = 1;
		else if (strcmp(a, "-f") && strcmp(a, "--seccomp-bpf")) {
			fprintf(stderr, "floor: unknown flag %s\n", a);
			return 1;
		}
	}
	if (!out || (npids == 0) == (i >= argc)) {
		fprintf(stderr, "usage: floor [-f] [-c] [-tt] [-T] [-e trace=network] -o FILE (-p PID | COMMAND...)\n");
		return 1;
	}
	ofd = open(out, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
	if (ofd < 0)
		die(out);
	long opts = PTRACE_O_TRACESYSGOOD | PTRACE_O_TRACECLONE | PTRACE_O_TRACEFORK |
		    PTRACE_O_TRACEVFORK | PTRACE_O_TRACEEXEC;
	pid_t child = 0;
	if (npids == 0) {
		seccomp_on = filtered;
		opts |= PTRACE_O_EXITKILL | (seccomp_on ? PTRACE_O_TRACESECCOMP : 0);
		child = fork();
		if (child < 0)
			die("fork");
		if (child == 0) {
			raise(SIGSTOP);
			if (seccomp_on)
				install_filter();
			execvp(argv[i], argv + i);
			_exit(127);
		}
		int st;
		if (waitpid(child, &st, WUNTRACED) < 0)
			die("waitpid");
		if (ptrace(PTRACE_SEIZE, child, 0, opts) < 0)
			die("PTRACE_SEIZE");
		kill(child, SIGCONT);
	} else {
		for (int k = 0; k < npids; k++) {
			char path[64];
			snprintf(path, sizeof path, "/proc/%d/task", pids[k]);
			DIR *d = opendir(path);
			if (!d)
				die(path);
			struct dirent *e;
			while ((e = readdir(d)))
				if (e->d_name[0] != '.')
					seize(atoi(e->d_name), opts);
			closedir(d);
			fprintf(stderr, "floor: Process %d attached\n", pids[k]);
		}
	}
	struct sigaction sa = {.sa_handler = on_stop}; /* no SA_RESTART: wait4 returns */
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	/* In seccomp mode a thread runs with PTRACE_CONT between traced calls. */
	int run_req = seccomp_on ? PTRACE_CONT : PTRACE_SYSCALL;
	int status = 0;
	struct rusage ru;
	struct __ptrace_syscall_info info;
	for (;;) {
		int st;
		if (stop_req && npids) {
			detach_all();
			break;
		}
		pid_t tid = wait_stop(&st, counting ? &ru : NULL);
		if (tid < 0) {
			if (errno == EINTR)
				continue;
			break;
		}
		unsigned char *ic = tid < MAXTID ? &in_call[tid] : &in_call[0];
		if (WIFEXITED(st) || WIFSIGNALED(st)) {
			if (tid == child)
				status = WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
			if (*ic & KNOWN)
				nknown--;
			*ic = 0;
			continue;
		}
		if (!(*ic & KNOWN)) {
			*ic |= KNOWN;
			nknown++;
		}
		int sig = WSTOPSIG(st), ev = st >> 16;
		if (sig == (SIGTRAP | 0x80) || ev == PTRACE_EVENT_SECCOMP) {
			if ((*ic & STATE) == SKIPPED) { /* the exit of a call the filter skips */
				*ic = KNOWN;
				ptrace(PTRACE_SYSCALL, tid, 0, 0);
				continue;
			}
			if (ptrace(PTRACE_GET_SYSCALL_INFO, tid, sizeof info, &info) < 0) {
				ptrace(run_req, tid, 0, 0);
				continue;
			}
			if (info.op == PTRACE_SYSCALL_INFO_ENTRY || info.op == PTRACE_SYSCALL_INFO_SECCOMP) {
				long nr = info.entry.nr;
				*ic = KNOWN | (filtered && !seccomp_on && !is_network(nr) ? SKIPPED : IN_CALL);
				if (*ic & IN_CALL) {
					struct call *c = call_of(tid);
					c->nr = nr;
					memcpy(c->args, info.entry.args, sizeof c->args);
					counts[nr & 1023]++;
					if (durations)
						clock_gettime(CLOCK_MONOTONIC, &c->entered);
				}
				ptrace(PTRACE_SYSCALL, tid, 0, 0);
				continue;
			}
			if (info.op == PTRACE_SYSCALL_INFO_EXIT && (*ic & IN_CALL)) {
				long long ret = info.exit.rval;
				if (counting) {
					errors += info.exit.is_error;
				} else {
					line(tid, &calls[tid & 4095], ret);
				}
			}
			*ic = KNOWN;
			ptrace(run_req, tid, 0, 0);
			continue;
		}
		if (ev) {
			/* Attach, a new child's first stop, clone, fork and exec
			 * events. (No job control: the workloads do not stop.) */
			ptrace(run_req, tid, 0, 0);
			continue;
		}
		ptrace(run_req, tid, 0, sig); /* signal-delivery-stop */
	}
	if (counting) { /* -c: "NR CALLS" for each call seen, then the errors */
		for (int nr = 0; nr < 1024; nr++) {
			if (!counts[nr])
				continue;
			char b[64], *p = b;
			p = dec(p, nr);
			*p++ = ' ';
			p = dec(p, counts[nr]);
			*p++ = '\n';
			put(b, p - b);
		}
		char b[64], *p = dec(b, errors);
		*p++ = '\n';
		put(b, p - b);
	}
	flush();
	return status;
}
