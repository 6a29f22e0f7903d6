// proc_time makes the time syscalls with fixed arguments, successful and
// failing, for comparing gotrace with strace.
#define _GNU_SOURCE
#include <fcntl.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <sys/times.h>
#include <time.h>
#include <unistd.h>
#include <signal.h>

int main(void)
{
	struct timespec ts = {0, 1000}, rem;
	signal(SIGUSR1, SIG_IGN);
	struct timeval tv;
	struct timezone tz;
	time_t t;
	syscall(SYS_gettimeofday, &tv, NULL);
	syscall(SYS_gettimeofday, &tv, &tz);
	syscall(SYS_gettimeofday, (void *)1, NULL);
	syscall(SYS_clock_gettime, CLOCK_REALTIME, &ts);
	syscall(SYS_clock_gettime, CLOCK_MONOTONIC, &ts);
	syscall(SYS_clock_gettime, CLOCK_PROCESS_CPUTIME_ID, &ts);
	syscall(SYS_clock_gettime, CLOCK_THREAD_CPUTIME_ID, &ts);
	syscall(SYS_clock_gettime, CLOCK_BOOTTIME, &ts);
	syscall(SYS_clock_gettime, CLOCK_MONOTONIC_RAW, &ts);
	syscall(SYS_clock_gettime, CLOCK_TAI, &ts);
	syscall(SYS_clock_gettime, 99, &ts);
	syscall(SYS_clock_gettime, CLOCK_REALTIME, (void *)1);
	syscall(SYS_clock_gettime, CLOCK_REALTIME, NULL);
	/* CPU clock ids for pid 1234 and tid 1234 */
	syscall(SYS_clock_gettime, (~(clockid_t)1234 << 3) | 2, &ts);
	syscall(SYS_clock_gettime, (~(clockid_t)1234 << 3) | 6, &ts);
	syscall(SYS_clock_gettime, (~(clockid_t)0 << 3) | 0, &ts);
	syscall(SYS_clock_gettime, (~(clockid_t)0 << 3) | 1, &ts);
	syscall(SYS_clock_gettime, (~(clockid_t)3 << 3) | 3, &ts);
	syscall(SYS_clock_getres, CLOCK_REALTIME, &ts);
	syscall(SYS_clock_getres, CLOCK_MONOTONIC, NULL);
	syscall(SYS_clock_getres, 99, &ts);
	ts.tv_sec = 0; ts.tv_nsec = 1000;
	syscall(SYS_nanosleep, &ts, NULL);
	syscall(SYS_nanosleep, &ts, &rem);
	ts.tv_nsec = 1000000000;
	syscall(SYS_nanosleep, &ts, &rem);
	syscall(SYS_nanosleep, (void *)1, &rem);
	ts.tv_sec = 0; ts.tv_nsec = 1000;
	syscall(SYS_clock_nanosleep, CLOCK_MONOTONIC, 0, &ts, &rem);
	syscall(SYS_clock_nanosleep, CLOCK_REALTIME, TIMER_ABSTIME, &ts, &rem);
	syscall(SYS_clock_nanosleep, CLOCK_REALTIME, 0x10, &ts, NULL);
	syscall(SYS_clock_nanosleep, 99, 0, &ts, NULL);
	ts.tv_sec = -1;
	syscall(SYS_clock_nanosleep, CLOCK_REALTIME, 0, &ts, NULL);
	syscall(SYS_time, NULL);
	syscall(SYS_time, &t);
	syscall(SYS_time, (void *)1);
	struct tms tm;
	syscall(SYS_times, &tm);
	syscall(SYS_times, NULL);
	syscall(SYS_times, (void *)1);
	struct itimerval it = {{1, 2}, {3, 4}}, old;
	syscall(SYS_getitimer, ITIMER_REAL, &old);
	syscall(SYS_getitimer, 99, &old);
	syscall(SYS_setitimer, ITIMER_VIRTUAL, &it, &old);
	syscall(SYS_setitimer, ITIMER_VIRTUAL, &it, NULL);
	it.it_value.tv_sec = 0; it.it_value.tv_usec = 0;
	syscall(SYS_setitimer, ITIMER_VIRTUAL, &it, &old);
	syscall(SYS_setitimer, ITIMER_PROF, (void *)1, NULL);
	syscall(SYS_alarm, 100);
	syscall(SYS_alarm, 0);
	struct sigevent sev = {0};
	sev.sigev_notify = SIGEV_SIGNAL;
	sev.sigev_signo = SIGUSR1;
	sev.sigev_value.sival_int = 42;
	int tid;
	syscall(SYS_timer_create, CLOCK_MONOTONIC, &sev, &tid);
	syscall(SYS_timer_create, CLOCK_REALTIME, NULL, &tid);
	sev.sigev_notify = SIGEV_NONE;
	syscall(SYS_timer_create, CLOCK_REALTIME, &sev, &tid);
	sev.sigev_notify = SIGEV_THREAD_ID;
	sev._sigev_un._tid = getpid();
	syscall(SYS_timer_create, CLOCK_REALTIME, &sev, &tid);
	syscall(SYS_timer_create, 99, &sev, &tid);
	struct itimerspec its = {{1, 2}, {3, 4}}, oits;
	syscall(SYS_timer_settime, 0, 0, &its, &oits);
	/* An absolute expiry 3 s after boot is long past: the timer fires at
	 * once, overrun by one period for each second of uptime since. With a
	 * period of 10^9 s the overrun (si_overrun, timer_getoverrun) is 0
	 * rather than the machine's uptime. */
	its.it_interval.tv_sec = 1000000000;
	syscall(SYS_timer_settime, 0, TIMER_ABSTIME, &its, NULL);
	syscall(SYS_timer_gettime, 0, &oits);
	syscall(SYS_timer_getoverrun, 0);
	syscall(SYS_timer_delete, 0);
	syscall(SYS_timer_delete, 99);
	syscall(SYS_clock_settime, CLOCK_MONOTONIC, &ts);
	syscall(SYS_settimeofday, NULL, NULL);

	/* Dates far from now in utimensat's comments (the file does not
	 * exist: nothing changes): strace prints glibc's %Y, unpadded before
	 * year 1000, past 9999, wrapped past a C int, and no date once
	 * localtime_r fails. */
	static const long long secs[] = {-62198755200LL, -62135596800LL, -61978000000LL,
		-30000000000LL, 253402300800LL, 10438485858735160LL, -21374479242584626LL,
		67767976233532799LL, 67767976233532800LL, 67768036191676799LL,
		67768036191676800LL, -67768040609740800LL, -67768040609740801LL, -1, 1};
	for (unsigned k = 0; k < sizeof secs / sizeof *secs; k++) {
		struct timespec when[2] = {{secs[k], 5}, {secs[k], 0}};
		syscall(SYS_utimensat, AT_FDCWD, "/nonexistent/gotrace", when, 0);
	}
	return 0;
}
