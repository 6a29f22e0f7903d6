// proc_ptrace makes ptrace and seccomp calls with fixed arguments for
// comparing gotrace with strace: ptrace requests aimed at a pid that
// cannot exist (all fail; the register-setting requests, whose
// structures strace 6.1 decodes and gotrace does not, are left out), and
// seccomp's operations, the last of which
// installs a filter that allows everything but one unused syscall number.
#define _GNU_SOURCE
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <signal.h>
#include <stdint.h>
#include <string.h>
#include <sys/ptrace.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <unistd.h>

#define NOPID 0x7ffffff0L /* above PID_MAX_LIMIT */

static struct sock_filter odd[] = {
	BPF_STMT(BPF_LD | BPF_H | BPF_IND, 2),
	BPF_STMT(BPF_LD | BPF_B | BPF_MEM, 3),
	BPF_STMT(BPF_LD | BPF_W | BPF_LEN, 0),
	BPF_STMT(BPF_LDX | BPF_B | BPF_MSH, 14),
	BPF_STMT(BPF_LD | BPF_IMM, 0xffffffff),
	BPF_STMT(BPF_LD | 0x18 | 0xe0, 1),
	BPF_STMT(BPF_ST, 1),
	BPF_STMT(BPF_STX | 0x40, 2),
	BPF_STMT(BPF_ALU | BPF_ADD | BPF_K, 7),
	BPF_STMT(BPF_ALU | BPF_XOR | BPF_X, 0),
	BPF_STMT(BPF_ALU | 0xf0 | BPF_K, 0),
	BPF_STMT(BPF_ALU | 0xb0 | BPF_K, 0) /* eBPF MOV */,
	BPF_STMT(BPF_JMP | 0x50 | BPF_K, 0) /* eBPF JNE */,
	BPF_STMT(BPF_JMP | 0xe0 | BPF_K, 0),
	BPF_STMT(BPF_LDX | 0x18 | BPF_ABS, 0) /* eBPF DW */,
	BPF_STMT(BPF_RET | 0x100 | BPF_K, 0),
	BPF_STMT(BPF_ALU | BPF_NEG, 0),
	BPF_JUMP(BPF_JMP | BPF_JGT | BPF_X, 0, 1, 2),
	BPF_JUMP(BPF_JMP | BPF_JSET | BPF_K, 0x10, 0, 3),
	BPF_STMT(BPF_JMP | BPF_JA, 4),
	BPF_JUMP(BPF_JMP | 0x70 | BPF_K, 5, 6, 7),
	BPF_STMT(BPF_MISC | BPF_TAX, 0),
	BPF_STMT(BPF_MISC | BPF_TXA, 0),
	BPF_STMT(BPF_MISC | 0x18, 0),
	BPF_STMT(BPF_RET | BPF_A, 0),
	BPF_STMT(BPF_RET | BPF_X, 0),
	BPF_STMT(BPF_RET | 0x18, 0),
	BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_TRAP | 5),
	BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_TRACE),
	BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_USER_NOTIF),
	BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_LOG),
	BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_KILL_THREAD),
	BPF_STMT(BPF_RET | BPF_K, 0x12340000),
	BPF_STMT(BPF_RET | 0x20 | BPF_K, 0),
};

static struct sock_filter allow[] = {
	BPF_STMT(BPF_LD | BPF_W | BPF_ABS, 4),
	BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, 0xc000003e, 1, 0),
	BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_KILL_PROCESS),
	BPF_STMT(BPF_LD | BPF_W | BPF_ABS, 0),
	BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, 9999, 0, 1),
	BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ERRNO | 38),
	BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW),
};

int main(void)
{
	long word = 0;
	struct iovec iov = {&word, sizeof word};
	sigset_t set;
	siginfo_t si;
	struct {
		uint64_t off;
		uint32_t flags;
		int32_t nr;
	} psi = {0, 1, 1};

	/* ptrace: every request fails */
	syscall(SYS_ptrace, PTRACE_TRACEME, 0L, 0L, 0L);
	syscall(SYS_ptrace, PTRACE_PEEKDATA, NOPID, 0x1000L, &word);
	syscall(SYS_ptrace, PTRACE_PEEKTEXT, NOPID, 0x1000L, &word);
	syscall(SYS_ptrace, PTRACE_POKEDATA, NOPID, 0x1000L, 0x1234L);
	syscall(SYS_ptrace, PTRACE_ATTACH, NOPID, 0L, 0L);
	syscall(SYS_ptrace, PTRACE_SEIZE, NOPID, 0L, (long)(PTRACE_O_TRACESYSGOOD | PTRACE_O_EXITKILL));
	syscall(SYS_ptrace, PTRACE_SETOPTIONS, NOPID, 0L, (long)PTRACE_O_TRACECLONE);
	syscall(SYS_ptrace, PTRACE_SETOPTIONS, NOPID, 0L, 0x800000L);
	syscall(SYS_ptrace, PTRACE_SETOPTIONS, NOPID, 0L, 0L);
	syscall(SYS_ptrace, PTRACE_CONT, NOPID, 0L, (long)SIGUSR1);
	syscall(SYS_ptrace, PTRACE_CONT, NOPID, 0L, 200L);
	syscall(SYS_ptrace, PTRACE_SYSCALL, NOPID, 0L, 0L);
	syscall(SYS_ptrace, PTRACE_SINGLESTEP, NOPID, 0x10L, 34L);
	syscall(SYS_ptrace, PTRACE_DETACH, NOPID, 0L, 0L);
	syscall(SYS_ptrace, PTRACE_KILL, NOPID, 0L, 0L);
	syscall(SYS_ptrace, PTRACE_INTERRUPT, NOPID, 0L, 0L);
	syscall(SYS_ptrace, PTRACE_LISTEN, NOPID, 0L, 0L);
	syscall(SYS_ptrace, PTRACE_GETREGS, NOPID, 0x10L, &word);
	syscall(SYS_ptrace, PTRACE_GETFPREGS, NOPID, 0L, &word);
	syscall(SYS_ptrace, PTRACE_GETFPXREGS, NOPID, 0L, &word);
	syscall(SYS_ptrace, PTRACE_GETREGSET, NOPID, 1L, &iov);
	syscall(SYS_ptrace, PTRACE_GETREGSET, NOPID, 0x202L, (void *)1);
	syscall(SYS_ptrace, PTRACE_GETREGSET, NOPID, 0x999L, &iov);
	syscall(SYS_ptrace, PTRACE_SETREGSET, NOPID, 2L, (void *)1);
	syscall(SYS_ptrace, PTRACE_GETSIGINFO, NOPID, 0L, &si);
	memset(&si, 0, sizeof si);
	si.si_signo = SIGUSR1;
	si.si_code = SI_USER;
	si.si_pid = 1;
	syscall(SYS_ptrace, PTRACE_SETSIGINFO, NOPID, 0L, &si);
	syscall(SYS_ptrace, PTRACE_SETSIGINFO, NOPID, 0L, (void *)1);
	syscall(SYS_ptrace, PTRACE_GETEVENTMSG, NOPID, 0L, &word);
	sigemptyset(&set);
	sigaddset(&set, SIGUSR2);
	syscall(SYS_ptrace, PTRACE_SETSIGMASK, NOPID, 8L, &set);
	syscall(SYS_ptrace, PTRACE_SETSIGMASK, NOPID, 4L, &set);
	syscall(SYS_ptrace, PTRACE_GETSIGMASK, NOPID, 8L, &set);
	syscall(SYS_ptrace, PTRACE_PEEKSIGINFO, NOPID, &psi, &si);
	syscall(SYS_ptrace, PTRACE_PEEKSIGINFO, NOPID, (void *)1, &si);
	syscall(SYS_ptrace, PTRACE_SECCOMP_GET_FILTER, NOPID, 0L, &word);
	syscall(SYS_ptrace, PTRACE_GET_SYSCALL_INFO, NOPID, 88L, &word);
	syscall(SYS_ptrace, PTRACE_GET_RSEQ_CONFIGURATION, NOPID, 32L, &word);
	syscall(SYS_ptrace, PTRACE_ARCH_PRCTL, NOPID, 0x10L, 0x1002L);
	syscall(SYS_ptrace, 0x9999L, NOPID, 0L, 0L);
	long offs[] = {0, 8, 9, 120, 144, 160, 161, 168, 216, 224, 256, 736, 848, 904, 911, 912, 913, 1000};
	for (unsigned i = 0; i < sizeof offs / sizeof offs[0]; i++)
		syscall(SYS_ptrace, PTRACE_PEEKUSER, NOPID, offs[i], &word);
	syscall(SYS_ptrace, PTRACE_POKEUSER, NOPID, 128L, 0x20L);

	/* seccomp */
	syscall(SYS_seccomp, 0x55, 0, NULL);
	syscall(SYS_seccomp, SECCOMP_SET_MODE_STRICT, 1, NULL);
	syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, 0x40, NULL);
	syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, 0, (void *)1);
	uint32_t acts[] = {SECCOMP_RET_KILL_PROCESS, SECCOMP_RET_KILL_THREAD, SECCOMP_RET_TRAP,
			   SECCOMP_RET_ERRNO, SECCOMP_RET_USER_NOTIF, SECCOMP_RET_TRACE,
			   SECCOMP_RET_LOG, SECCOMP_RET_ALLOW, 0x12345};
	for (unsigned i = 0; i < sizeof acts / sizeof acts[0]; i++)
		syscall(SYS_seccomp, SECCOMP_GET_ACTION_AVAIL, 0, &acts[i]);
	syscall(SYS_seccomp, SECCOMP_GET_ACTION_AVAIL, 1, NULL);
	syscall(SYS_seccomp, SECCOMP_GET_ACTION_AVAIL, 0, (void *)1);
	struct seccomp_notif_sizes sz;
	syscall(SYS_seccomp, SECCOMP_GET_NOTIF_SIZES, 0, &sz);
	syscall(SYS_seccomp, SECCOMP_GET_NOTIF_SIZES, 1, &sz);
	syscall(SYS_seccomp, SECCOMP_GET_NOTIF_SIZES, 0, (void *)1);
	struct sock_fprog bad = {sizeof odd / sizeof odd[0], odd};
	syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, 0x40, &bad);
	struct sock_fprog none = {0, odd};
	syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, 0x40, &none);
	struct sock_fprog unread = {3, (void *)1};
	syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, 0x40, &unread);
	struct sock_fprog prog = {sizeof allow / sizeof allow[0], allow};
	syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, SECCOMP_FILTER_FLAG_TSYNC | SECCOMP_FILTER_FLAG_LOG | SECCOMP_FILTER_FLAG_WAIT_KILLABLE_RECV, &prog);
	syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, SECCOMP_FILTER_FLAG_TSYNC, &prog);
	syscall(9999, 1, 2, 3, 4, 5, 6);
	return 0;
}
