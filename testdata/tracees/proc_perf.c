// proc_perf makes userfaultfd, fanotify_init, fanotify_mark and
// perf_event_open calls with fixed arguments, successful and failing, for
// comparing gotrace with strace. fanotify watches a directory it makes in
// the current (temporary) directory; perf_event_open counts the tracee's
// own task clock.
#define _GNU_SOURCE
#include <fcntl.h>
#include <linux/perf_event.h>
#include <string.h>
#include <sys/fanotify.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

int main(void)
{
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
