// proc_futex makes futex calls with every op and flag combination, with
// fixed arguments, successful and failing, for comparing gotrace with strace.
#define _GNU_SOURCE
#include <linux/futex.h>
#include <stdint.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

int main(void)
{
	static uint32_t f = 1, f2 = 2;
	struct timespec ts = {0, 1000};
	syscall(SYS_futex, &f, FUTEX_WAIT, 0, NULL, NULL, 0);
	syscall(SYS_futex, &f, FUTEX_WAIT_PRIVATE, 1, &ts, NULL, 0);
	syscall(SYS_futex, &f, FUTEX_WAIT | FUTEX_CLOCK_REALTIME, 1, &ts, NULL, 0);
	syscall(SYS_futex, &f, FUTEX_WAKE_PRIVATE, 1, NULL, NULL, 0);
	syscall(SYS_futex, &f, FUTEX_WAKE, 0x7fffffff, NULL, NULL, 0);
	syscall(SYS_futex, &f, FUTEX_FD, 1, NULL, NULL, 0);
	syscall(SYS_futex, &f, FUTEX_REQUEUE, 1, (void *)2, &f2, 0);
	syscall(SYS_futex, &f, FUTEX_CMP_REQUEUE_PRIVATE, 1, (void *)2, &f2, 1);
	syscall(SYS_futex, &f, FUTEX_CMP_REQUEUE, 1, (void *)2, &f2, 7);
	syscall(SYS_futex, &f, FUTEX_WAKE_OP_PRIVATE, 1, (void *)1, &f2, FUTEX_OP(FUTEX_OP_ADD, 1, FUTEX_OP_CMP_GT, 0));
	syscall(SYS_futex, &f, FUTEX_WAKE_OP, 1, (void *)1, &f2, FUTEX_OP(FUTEX_OP_SET | (FUTEX_OP_OPARG_SHIFT), 5, FUTEX_OP_CMP_EQ, 3));
	syscall(SYS_futex, &f, FUTEX_WAKE_OP, 1, (void *)1, &f2, 0xfe000000 | 0x12345);
	syscall(SYS_futex, &f, FUTEX_LOCK_PI, 0, &ts, NULL, 0);
	syscall(SYS_futex, &f, FUTEX_LOCK_PI2, 0, &ts, NULL, 0);
	syscall(SYS_futex, &f, FUTEX_UNLOCK_PI, 0, NULL, NULL, 0);
	syscall(SYS_futex, &f, FUTEX_TRYLOCK_PI, 0, NULL, NULL, 0);
	syscall(SYS_futex, &f, FUTEX_WAIT_BITSET_PRIVATE | FUTEX_CLOCK_REALTIME, 1, &ts, NULL, FUTEX_BITSET_MATCH_ANY);
	syscall(SYS_futex, &f, FUTEX_WAIT_BITSET, 1, &ts, NULL, 0x10);
	syscall(SYS_futex, &f, FUTEX_WAKE_BITSET, 1, NULL, NULL, FUTEX_BITSET_MATCH_ANY);
	syscall(SYS_futex, &f, FUTEX_WAKE_BITSET, 1, NULL, NULL, 3);
	syscall(SYS_futex, &f, FUTEX_WAIT_REQUEUE_PI, 1, &ts, &f2, 0);
	syscall(SYS_futex, &f, FUTEX_CMP_REQUEUE_PI, 1, (void *)1, &f2, 1);
	syscall(SYS_futex, &f, 99, 1, (void *)2, (void *)3, 4);
	syscall(SYS_futex, &f, 99 | FUTEX_PRIVATE_FLAG, 1, (void *)2, (void *)3, 4);
	syscall(SYS_futex, (void *)1, FUTEX_WAIT, 1, (void *)1, NULL, 0);
	syscall(SYS_futex, &f, FUTEX_WAIT, 1, (void *)1, NULL, 0);
	return 0;
}
