// proc_perf makes userfaultfd, fanotify_init, fanotify_mark and
// perf_event_open calls with fixed arguments, successful and failing, for
// comparing gotrace with strace. fanotify watches a directory it makes in
// the current (temporary) directory; perf_event_open counts the tracee's
// own task clock (and a dummy event); the other perf_event_open shapes
// fail (EINVAL, E2BIG, EFAULT) before the kernel opens anything.
#define _GNU_SOURCE
#include <fcntl.h>
#include <linux/perf_event.h>
#include <string.h>
#include <sys/fanotify.h>
#include <sys/stat.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>

static long peo(void *attr, int pid, int cpu, int group, unsigned long flags)
{
	return syscall(SYS_perf_event_open, attr, pid, cpu, group, flags);
}

static void perf(void)
{
	unsigned char buf[256];
	struct perf_event_attr *a = (void *)buf;

	/* The tracee's own task clock, then a dummy event in its group. */
	memset(buf, 0, sizeof buf);
	a->size = sizeof *a;
	a->type = PERF_TYPE_SOFTWARE;
	a->config = PERF_COUNT_SW_TASK_CLOCK;
	a->disabled = 1;
	a->exclude_kernel = 1;
	a->read_format = PERF_FORMAT_TOTAL_TIME_ENABLED | PERF_FORMAT_ID;
	int g = peo(a, 0, -1, -1, PERF_FLAG_FD_CLOEXEC);
	a->type = PERF_TYPE_SOFTWARE;
	a->config = PERF_COUNT_SW_DUMMY;
	a->disabled = 0;
	a->freq = 1;
	a->sample_freq = 4000;
	a->sample_type = PERF_SAMPLE_IP | PERF_SAMPLE_TID | PERF_SAMPLE_BRANCH_STACK | PERF_SAMPLE_STACK_USER;
	a->branch_sample_type = PERF_SAMPLE_BRANCH_USER | PERF_SAMPLE_BRANCH_ANY;
	a->sample_stack_user = 0x1000;
	a->use_clockid = 1;
	a->clockid = 1;
	a->watermark = 1;
	a->wakeup_watermark = 4096;
	int e = peo(a, 0, -1, g, PERF_FLAG_FD_CLOEXEC);
	close(e);
	close(g);

	/* Every size strace knows, with an impossible pid and cpu. */
	for (int s = 0; s <= 144; s += 8) {
		memset(buf, 0, sizeof buf);
		a->size = s;
		a->type = PERF_TYPE_SOFTWARE;
		a->config = PERF_COUNT_SW_CPU_CLOCK;
		a->sample_period = 1000;
		peo(a, -1, -1, -1, 0);
	}
	/* Each event type's config, and all of the flag word. */
	memset(buf, 0, sizeof buf);
	a->size = sizeof *a;
	a->type = PERF_TYPE_HARDWARE;
	a->config = 0x500000003ULL;
	a->sample_type = ~0ULL;
	a->read_format = ~0ULL;
	a->branch_sample_type = ~0ULL;
	memset(buf + 40, 0xff, 8);
	a->clockid = 99;
	a->__reserved_2 = 3;
	a->__reserved_3 = 7;
	a->sig_data = 0x1234;
	peo(a, -1, -1, -1, ~0UL);
	unsigned long long cfgs[] = { 0x10203, 0x1020304050607ULL, 99, 0 };
	for (int t = 0; t < 7; t++)
		for (int c = 0; c < 4; c++) {
			memset(buf, 0, sizeof buf);
			a->size = PERF_ATTR_SIZE_VER5;
			a->type = t;
			a->config = cfgs[c] + (t == 1 ? 11 * (c == 3) : 0);
			a->bp_type = c * 3;
			a->bp_addr = 0x1000;
			a->bp_len = 8;
			a->config2 = 5;
			peo(a, -1, -1, -1, 0x10);
		}
	/* E2BIG: a longer attr whose unknown tail is not zero. */
	memset(buf, 0, sizeof buf);
	a->size = 200;
	a->type = PERF_TYPE_SOFTWARE;
	buf[150] = 1;
	peo(a, -1, -1, -1, 0);
	/* Too small, NULL, unmapped, and an attr cut by an unmapped page. */
	memset(buf, 0, sizeof buf);
	a->size = 8;
	peo(a, -1, -1, -1, 0);
	peo(NULL, -1, -1, -1, 0);
	peo((void *)1, -1, -1, -1, PERF_FLAG_FD_NO_GROUP | PERF_FLAG_PID_CGROUP);
	unsigned char *pg = mmap(NULL, 8192, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	munmap(pg + 4096, 4096);
	struct perf_event_attr *cut = (void *)(pg + 4096 - 56);
	memset(cut, 0, 56);
	cut->size = 128;
	cut->type = PERF_TYPE_SOFTWARE;
	peo(cut, -1, -1, -1, 0);
	cut = (void *)(pg + 4096 - 48);
	memset(cut, 0, 48);
	cut->size = 64;
	peo(cut, -1, -1, -1, 0);
	munmap(pg, 4096);
}

int main(void)
{
	perf();

	/* userfaultfd */
	int u = syscall(SYS_userfaultfd, O_CLOEXEC | O_NONBLOCK);
	close(u);
	syscall(SYS_userfaultfd, 0);
	syscall(SYS_userfaultfd, 0x4000000 | O_CLOEXEC);
	syscall(SYS_userfaultfd, 2);
	syscall(SYS_userfaultfd, 1 /* UFFD_USER_MODE_ONLY */);

	/* fanotify */
	mkdir("fan.d", 0700);
	int f = syscall(SYS_fanotify_init, FAN_CLASS_NOTIF | FAN_CLOEXEC | FAN_NONBLOCK, O_RDONLY | O_LARGEFILE);
	syscall(SYS_fanotify_mark, f, FAN_MARK_ADD | FAN_MARK_ONLYDIR, FAN_OPEN | FAN_CLOSE_WRITE | FAN_EVENT_ON_CHILD, AT_FDCWD, "fan.d");
	syscall(SYS_fanotify_mark, f, FAN_MARK_REMOVE, FAN_OPEN | FAN_CLOSE_WRITE | FAN_EVENT_ON_CHILD, AT_FDCWD, "fan.d");
	syscall(SYS_fanotify_mark, f, FAN_MARK_FLUSH, 0, -1, NULL);
	syscall(SYS_fanotify_mark, f, 0x80000000, 0x8000000000ULL, 999, (void *)1);
	syscall(SYS_fanotify_mark, -1, FAN_MARK_ADD | FAN_MARK_FILESYSTEM, FAN_ACCESS, AT_FDCWD, "fan.d");
	syscall(SYS_fanotify_init, FAN_CLASS_CONTENT | FAN_REPORT_FID | FAN_UNLIMITED_QUEUE, O_RDWR);
	syscall(SYS_fanotify_init, 0x80000000, 0x40000000);
	syscall(SYS_fanotify_init, 0xc, 0);
	syscall(SYS_fanotify_mark, -1, 0x110, FAN_CLOSE, 5, "");
	close(f);
	rmdir("fan.d");
	return 0;
}
