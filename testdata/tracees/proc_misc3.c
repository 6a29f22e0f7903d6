// proc_misc3 makes the remaining rarely traced calls (file handles,
// adjtimex and clock_adjtime, sched_setattr/getattr, modify_ldt and the
// thread-area calls, the old getdents) with fixed arguments, successful
// and failing, for comparing gotrace with strace. The clock is only read
// (a write gets bad modes and fails), the LDT and TLS entries only read or
// given invalid entries, the scheduling attributes set are the defaults.
#define _GNU_SOURCE
#include <fcntl.h>
#include <string.h>
#include <unistd.h>
#include <sys/syscall.h>
#include <time.h>
#include <sys/timex.h>
#include <linux/sched/types.h>
#include <asm/ldt.h>

struct handle { unsigned int bytes; int type; unsigned char f[128]; };

int main(void)
{
	struct handle h = {.bytes = 128};
	struct handle small = {.bytes = 4};
	int mnt = -1;
	syscall(SYS_name_to_handle_at, AT_FDCWD, "/", &h, &mnt, 0);
	syscall(SYS_name_to_handle_at, AT_FDCWD, "/", &small, &mnt, 0);
	syscall(SYS_name_to_handle_at, AT_FDCWD, "/nonexistent", &h, &mnt, AT_SYMLINK_FOLLOW);
	syscall(SYS_name_to_handle_at, AT_FDCWD, "/", NULL, &mnt, 0);
	syscall(SYS_name_to_handle_at, AT_FDCWD, "/", (void *)8, NULL, 0x10000);
	syscall(SYS_name_to_handle_at, -1, "", &h, &mnt, AT_EMPTY_PATH | 0x2);
	syscall(SYS_name_to_handle_at, AT_FDCWD, "/", &h, NULL, 0);
	syscall(SYS_name_to_handle_at, AT_FDCWD, "/", &h, (void *)8, 0);
	syscall(SYS_name_to_handle_at, AT_FDCWD, "/", &h, &mnt, 0x1000);
	h.bytes = 8;
	syscall(SYS_open_by_handle_at, -1, &h, O_RDONLY);
	h.bytes = 200;
	syscall(SYS_open_by_handle_at, 0, &h, O_RDWR | O_CLOEXEC);
	syscall(SYS_open_by_handle_at, -1, NULL, O_PATH);
	syscall(SYS_open_by_handle_at, -1, (void *)8, 0);
	small.bytes = 4;
	syscall(SYS_open_by_handle_at, -1, &small, O_WRONLY | O_CREAT);

	struct timex tx;
	memset(&tx, 0, sizeof tx);
	syscall(SYS_adjtimex, &tx);
	syscall(SYS_clock_adjtime, CLOCK_REALTIME, &tx);
	memset(&tx, 0, sizeof tx);
	tx.modes = 0x8000 | 0x10000; /* refused (EINVAL) before anything is set */
	syscall(SYS_adjtimex, &tx);
	memset(&tx, 0, sizeof tx);
	tx.modes = 0xa001; /* ADJ_OFFSET_SS_READ: reads the pending adjustment */
	syscall(SYS_clock_adjtime, CLOCK_REALTIME, &tx);
	memset(&tx, 0, sizeof tx);
	syscall(SYS_clock_adjtime, CLOCK_MONOTONIC, &tx);
	syscall(SYS_clock_adjtime, 99, &tx);
	syscall(SYS_adjtimex, NULL);
	syscall(SYS_adjtimex, (void *)8);
	syscall(SYS_clock_adjtime, CLOCK_REALTIME, (void *)8);

	struct sched_attr sa;
	memset(&sa, 0, sizeof sa);
	syscall(SYS_sched_getattr, 0, &sa, sizeof sa, 0);
	syscall(SYS_sched_getattr, 0, &sa, 48, 0);
	syscall(SYS_sched_getattr, 0, &sa, 8, 0);
	syscall(SYS_sched_getattr, 0, &sa, sizeof sa, 1);
	syscall(SYS_sched_getattr, 0, NULL, sizeof sa, 0);
	syscall(SYS_sched_getattr, -1, &sa, sizeof sa, 0);
	syscall(SYS_sched_getattr, 0, (void *)8, sizeof sa, 0);
	memset(&sa, 0, sizeof sa);
	sa.size = sizeof sa;
	syscall(SYS_sched_setattr, 0, &sa, 0);
	sa.sched_flags = 0x10000;
	syscall(SYS_sched_setattr, 0, &sa, 0);
	sa.sched_flags = 0x08 | 0x10 | 0x20 | 0x40;
	sa.sched_policy = 77;
	sa.sched_util_min = 10;
	syscall(SYS_sched_setattr, 0, &sa, 1);
	sa.size = 48;
	sa.sched_policy = 0;
	sa.sched_flags = 0;
	sa.sched_nice = -3;
	syscall(SYS_sched_setattr, -1, &sa, 0);
	sa.size = 1;
	syscall(SYS_sched_setattr, 0, &sa, 0);
	sa.size = 0;
	syscall(SYS_sched_setattr, 0, &sa, 0);
	syscall(SYS_sched_setattr, 0, NULL, 0);
	syscall(SYS_sched_setattr, 0, (void *)8, 0);

	unsigned char ldt[64];
	memset(ldt, 0, sizeof ldt);
	struct user_desc ud;
	memset(&ud, 0, sizeof ud);
	syscall(SYS_modify_ldt, 0, ldt, sizeof ldt);
	syscall(SYS_modify_ldt, 2, ldt, 8);
	ud.entry_number = 9000;
	ud.base_addr = 0x1000;
	ud.limit = 0xfffff;
	ud.seg_32bit = 1;
	ud.limit_in_pages = 1;
	ud.useable = 1;
	syscall(SYS_modify_ldt, 1, &ud, sizeof ud);
	syscall(SYS_modify_ldt, 0x11, &ud, sizeof ud);
	syscall(SYS_modify_ldt, 1, &ud, 4);
	syscall(SYS_modify_ldt, 1, NULL, sizeof ud);
	syscall(SYS_modify_ldt, 1, (void *)8, sizeof ud);
	syscall(SYS_modify_ldt, 99, NULL, 0);
	ud.entry_number = 100;
	syscall(SYS_set_thread_area, &ud);
	syscall(SYS_set_thread_area, NULL);
	syscall(SYS_set_thread_area, (void *)8);
	memset(&ud, 0, sizeof ud);
	ud.entry_number = 12;
	syscall(SYS_get_thread_area, &ud);
	ud.entry_number = 100;
	syscall(SYS_get_thread_area, &ud);
	syscall(SYS_get_thread_area, NULL);
	syscall(SYS_get_thread_area, (void *)8);

	char dents[4096];
	int dir = open("/proc/self/attr", O_RDONLY | O_DIRECTORY);
	syscall(SYS_getdents, dir, dents, sizeof dents);
	syscall(SYS_getdents, dir, dents, sizeof dents);
	syscall(SYS_getdents, dir, dents, 4);
	syscall(SYS_getdents, dir, NULL, sizeof dents);
	syscall(SYS_getdents, -1, dents, sizeof dents);
	lseek(dir, 0, SEEK_SET);
	syscall(SYS_getdents, dir, (void *)8, sizeof dents);
	close(dir);
	return 0;
}
