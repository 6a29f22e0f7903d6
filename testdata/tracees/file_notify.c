// file_notify makes the notification-descriptor calls (eventfd, timerfd,
// signalfd, inotify), vmsplice and mount with fixed arguments, successful
// and failing, for comparing gotrace with strace. Nothing is mounted: every
// mount fails.
#define _GNU_SOURCE
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <sys/eventfd.h>
#include <sys/inotify.h>
#include <sys/mount.h>
#include <sys/signalfd.h>
#include <sys/syscall.h>
#include <sys/timerfd.h>
#include <sys/uio.h>
#include <time.h>
#include <unistd.h>

int main(void)
{
	/* eventfd */
	int e = syscall(SYS_eventfd2, 5, EFD_CLOEXEC | EFD_NONBLOCK | EFD_SEMAPHORE);
	syscall(SYS_eventfd2, 0, 0);
	syscall(SYS_eventfd2, 0, 0x40);
	syscall(SYS_eventfd2, 0xffffffffu, EFD_CLOEXEC | 0x40);
	int e1 = syscall(SYS_eventfd, 7);

	/* timerfd */
	int t = syscall(SYS_timerfd_create, CLOCK_MONOTONIC, TFD_CLOEXEC | TFD_NONBLOCK);
	syscall(SYS_timerfd_create, 99, 0);
	syscall(SYS_timerfd_create, CLOCK_REALTIME, 0x1);
	struct itimerspec its = {{1, 2}, {300, 4}}, old;
	syscall(SYS_timerfd_settime, t, 0, &its, &old);
	syscall(SYS_timerfd_settime, t, TFD_TIMER_ABSTIME | TFD_TIMER_CANCEL_ON_SET, &its, NULL);
	syscall(SYS_timerfd_settime, t, 8, &its, NULL);
	syscall(SYS_timerfd_settime, t, 0, (void *)1, NULL);
	syscall(SYS_timerfd_settime, t, 0, NULL, &old);
	its.it_value.tv_nsec = 1000000000;
	syscall(SYS_timerfd_settime, t, 0, &its, &old);
	struct itimerspec zero = {{0, 0}, {0, 0}};
	syscall(SYS_timerfd_settime, t, 0, &zero, &old);
	syscall(SYS_timerfd_gettime, t, &old);
	syscall(SYS_timerfd_gettime, t, (void *)1);
	syscall(SYS_timerfd_gettime, 999, &old);

	/* signalfd */
	sigset_t ss;
	sigemptyset(&ss);
	sigaddset(&ss, SIGUSR1);
	sigaddset(&ss, SIGRTMIN + 2);
	int s = syscall(SYS_signalfd4, -1, &ss, 8, SFD_CLOEXEC | SFD_NONBLOCK);
	syscall(SYS_signalfd4, -1, &ss, 4, 0);
	syscall(SYS_signalfd4, -1, (void *)1, 8, 0);
	syscall(SYS_signalfd4, 999, &ss, 8, 0x10);
	syscall(SYS_signalfd4, s, &ss, 8, 0);
	int s1 = syscall(SYS_signalfd, -1, &ss, 8);
	sigfillset(&ss);
	syscall(SYS_signalfd, s1, &ss, 8);

	/* inotify */
	int in = syscall(SYS_inotify_init1, IN_CLOEXEC | IN_NONBLOCK);
	int in1 = syscall(SYS_inotify_init1, 0);
	syscall(SYS_inotify_init1, 1);
	int in2 = syscall(SYS_inotify_init);
	/* The working directory (the test's own): a oneshot watch on "/"
	 * went away whenever another process touched "/" before the
	 * rm_watch below. */
	int w = syscall(SYS_inotify_add_watch, in, ".", IN_ALL_EVENTS | IN_ONLYDIR);
	syscall(SYS_inotify_add_watch, in, "/nonexistent", IN_MODIFY);
	syscall(SYS_inotify_add_watch, in, "/", 0);
	syscall(SYS_inotify_add_watch, in, "/", 0x00100000 | IN_ACCESS);
	syscall(SYS_inotify_add_watch, in, "/", 0x00100000);
	syscall(SYS_inotify_add_watch, in, ".", IN_DONT_FOLLOW | IN_EXCL_UNLINK | IN_MASK_ADD | IN_ONESHOT | IN_CREATE);
	syscall(SYS_inotify_add_watch, in, (void *)1, IN_MODIFY);
	syscall(SYS_inotify_add_watch, 999, "/", IN_MODIFY);
	syscall(SYS_inotify_rm_watch, in, w);
	syscall(SYS_inotify_rm_watch, in, 77);
	syscall(SYS_inotify_rm_watch, in, -1);

	/* vmsplice */
	int p[2];
	if (pipe(p) == 0) {
		struct iovec iov[2] = {{"hello", 5}, {"world\0\1\2", 8}};
		syscall(SYS_vmsplice, p[1], iov, 2, SPLICE_F_NONBLOCK | SPLICE_F_GIFT);
		syscall(SYS_vmsplice, p[1], iov, 1, 0);
		syscall(SYS_vmsplice, p[1], (void *)1, 2, 0);
		syscall(SYS_vmsplice, p[1], iov, 0, 0);
		syscall(SYS_vmsplice, p[1], NULL, 2, 0x20);
		syscall(SYS_vmsplice, 999, iov, 2, 0);
		close(p[0]);
		close(p[1]);
	}

	/* mount: every call fails */
	syscall(SYS_mount, "none", "/nonexistent", "tmpfs", MS_RDONLY | MS_NOSUID, "size=1m");
	syscall(SYS_mount, "none", "/nonexistent", "nosuchfs", 0, NULL);
	syscall(SYS_mount, NULL, "/nonexistent", NULL, MS_REMOUNT | MS_BIND, "x");
	syscall(SYS_mount, NULL, "/nonexistent", "tmpfs", MS_REMOUNT | MS_NODEV, "mode=0755");
	syscall(SYS_mount, "/a", "/nonexistent", NULL, MS_MGC_VAL | MS_BIND | MS_REC, NULL);
	syscall(SYS_mount, "/a", "/nonexistent", "ext4", MS_MGC_VAL, "ro");
	syscall(SYS_mount, "/a", "/nonexistent", (void *)5, MS_PRIVATE | MS_REC, (void *)6);
	syscall(SYS_mount, "/a", "/nonexistent", NULL, MS_MOVE, NULL);
	syscall(SYS_mount, (void *)1, (void *)2, (void *)3, 0x80000000, (void *)4);
	syscall(SYS_mount, "/a", "/nonexistent", "tmpfs", MS_NOATIME | MS_LAZYTIME | MS_SILENT | MS_STRICTATIME, "a-long-option-string-that-goes-past-thirty-two-bytes");

	/* rseq: glibc registered one; these fail */
	syscall(SYS_rseq, NULL, 0, 0, 0);
	syscall(SYS_rseq, (void *)1, 32, 1, 0x53053053);

	close(e);
	close(e1);
	close(t);
	close(s);
	close(s1);
	close(in);
	close(in1);
	close(in2);
	return 0;
}
