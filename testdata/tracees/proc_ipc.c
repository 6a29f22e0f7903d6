// proc_ipc makes the System V IPC calls (shm*, sem*, msg*) and the POSIX
// message queue calls with fixed arguments, successful and failing, for
// comparing gotrace with strace. It first moves to a new IPC namespace
// (as root), so its ids start at 0 on every run and nothing it creates
// outlives it; it also removes every object itself, on every path.
#define _GNU_SOURCE
#include <fcntl.h>
#include <mqueue.h>
#include <sched.h>
#include <signal.h>
#include <string.h>
#include <sys/ipc.h>
#include <sys/msg.h>
#include <sys/sem.h>
#include <sys/shm.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#define IPC64 0x100

static struct sembuf many[40];

static void sysv_shm(void)
{
	struct shmid_ds ds;
	int id = syscall(SYS_shmget, IPC_PRIVATE, 4096, IPC_CREAT | 0600);
	if (id < 0)
		return;
	int id2 = syscall(SYS_shmget, 0x1234, 8192, IPC_CREAT | IPC_EXCL | 0640);
	syscall(SYS_shmget, 0x1234, 8192, IPC_CREAT | IPC_EXCL | 0640);
	syscall(SYS_shmget, 0x4321, 4096, 0);
	syscall(SYS_shmget, 0x4321, 4096, SHM_HUGETLB | SHM_NORESERVE | (21 << 26) | 0600);
	syscall(SYS_shmget, 0x4321, 4096, (30 << 26) | 0600);
	syscall(SYS_shmget, 0x4321, 4096, 0x100000 | 007);
	void *p = (void *)syscall(SYS_shmat, id, NULL, SHM_RDONLY);
	syscall(SYS_shmat, id, (void *)1, 0);
	syscall(SYS_shmat, 0x7fffffff, NULL, SHM_RND | SHM_EXEC | 0x1);
	syscall(SYS_shmctl, id, IPC_STAT, &ds);
	syscall(SYS_shmctl, id, IPC_STAT | IPC64, &ds);
	syscall(SYS_shmctl, id, IPC_STAT, (void *)1);
	syscall(SYS_shmctl, id, IPC_STAT, NULL);
	syscall(SYS_shmctl, id, IPC_SET, &ds);
	syscall(SYS_shmctl, id, IPC_SET, (void *)1);
	syscall(SYS_shmctl, id, IPC_INFO, &ds);
	syscall(SYS_shmctl, id, SHM_INFO, &ds);
	syscall(SYS_shmctl, 0, SHM_STAT, &ds);
	syscall(SYS_shmctl, 99, SHM_STAT_ANY, &ds);
	syscall(SYS_shmctl, id, SHM_LOCK, NULL);
	syscall(SYS_shmctl, id, SHM_UNLOCK, NULL);
	syscall(SYS_shmctl, id, 99, &ds);
	if (p != (void *)-1)
		syscall(SYS_shmdt, p);
	syscall(SYS_shmdt, (void *)0x1000);
	syscall(SYS_shmctl, id, IPC_RMID, NULL);
	if (id2 >= 0)
		syscall(SYS_shmctl, id2, IPC_RMID, NULL);
	syscall(SYS_shmctl, id2, IPC_RMID, NULL);
}

static void sysv_sem(void)
{
	union semun {
		int val;
		struct semid_ds *buf;
		unsigned short *array;
		struct seminfo *info;
	};
	int s = syscall(SYS_semget, IPC_PRIVATE, 2, IPC_CREAT | 0600);
	if (s < 0)
		return;
	syscall(SYS_semget, 0x5678, 1, IPC_EXCL | IPC_NOWAIT | 0400);
	syscall(SYS_semget, 0x5678, -1, IPC_CREAT);
	struct sembuf sb[2] = {{0, 1, IPC_NOWAIT}, {1, -1, SEM_UNDO | IPC_NOWAIT}};
	syscall(SYS_semop, s, sb, 1);
	syscall(SYS_semop, s, sb, 2);
	syscall(SYS_semop, s, (void *)1, 2);
	syscall(SYS_semop, s, NULL, 0);
	syscall(SYS_semop, s, sb, 0);
	for (int i = 0; i < 40; i++) {
		many[i].sem_num = 1;
		many[i].sem_flg = IPC_NOWAIT;
	}
	many[39].sem_flg = 0x2000 | IPC_NOWAIT;
	syscall(SYS_semop, s, many, 40);
	syscall(SYS_semop, s, many, 1000);
	struct timespec ts = {0, 1000};
	syscall(SYS_semtimedop, s, sb, 2, &ts);
	syscall(SYS_semtimedop, s, sb, 1, NULL);
	syscall(SYS_semtimedop, s, sb, 2, (void *)1);
	unsigned short vals[2] = {3, 4};
	struct semid_ds sds;
	struct seminfo si;
	union semun su;
	su.array = vals;
	syscall(SYS_semctl, s, 0, SETALL, su.array);
	syscall(SYS_semctl, s, 0, GETALL, su.array);
	syscall(SYS_semctl, s, 0, GETVAL, 0);
	syscall(SYS_semctl, s, 1, SETVAL, 5);
	syscall(SYS_semctl, s, 1, GETNCNT, 0);
	syscall(SYS_semctl, s, 1, GETZCNT, 0);
	syscall(SYS_semctl, s, 1, GETPID, 0);
	syscall(SYS_semctl, s, 0, IPC_STAT, &sds);
	syscall(SYS_semctl, s, 0, IPC_STAT | IPC64, &sds);
	syscall(SYS_semctl, s, 0, IPC_SET, &sds);
	syscall(SYS_semctl, s, 0, IPC_STAT, (void *)1);
	syscall(SYS_semctl, s, 0, IPC_INFO, &si);
	syscall(SYS_semctl, s, 0, SEM_INFO, &si);
	syscall(SYS_semctl, 0, 0, SEM_STAT, &sds);
	syscall(SYS_semctl, 0, 0, SEM_STAT_ANY, &sds);
	syscall(SYS_semctl, s, 0, 99, 0x1234);
	syscall(SYS_semctl, s, 0, IPC_RMID, 0);
	syscall(SYS_semctl, s, 0, IPC_RMID, 0);
}

static void sysv_msg(void)
{
	int m = syscall(SYS_msgget, IPC_PRIVATE, IPC_CREAT | 0600);
	if (m < 0)
		return;
	syscall(SYS_msgget, 0x9abc, 0);
	syscall(SYS_msgget, 0x9abc, IPC_CREAT | IPC_EXCL | 0x10000 | 0666);
	struct {
		long mtype;
		char mtext[64];
	} mb = {7, "hello\0\1world"};
	syscall(SYS_msgsnd, m, &mb, 12, 0);
	mb.mtype = 3;
	memcpy(mb.mtext, "a message of more than thirty-two bytes, to cut", 48);
	syscall(SYS_msgsnd, m, &mb, 48, IPC_NOWAIT);
	syscall(SYS_msgsnd, m, &mb, 0, IPC_NOWAIT);
	syscall(SYS_msgsnd, m, (void *)1, 12, 0);
	syscall(SYS_msgsnd, m, NULL, 12, 0);
	mb.mtype = 0;
	syscall(SYS_msgsnd, m, &mb, 12, 0);
	syscall(SYS_msgsnd, 0x7fffffff, &mb, 12, IPC_NOWAIT | 0x100000);
	memset(mb.mtext, 0, sizeof mb.mtext);
	syscall(SYS_msgrcv, m, &mb, 16, 7, IPC_NOWAIT);
	syscall(SYS_msgrcv, m, &mb, 16, 0, IPC_NOWAIT);
	syscall(SYS_msgrcv, m, &mb, 16, 0, IPC_NOWAIT | MSG_NOERROR);
	syscall(SYS_msgrcv, m, &mb, 64, -5, IPC_NOWAIT | MSG_EXCEPT);
	syscall(SYS_msgrcv, m, &mb, 64, 0, IPC_NOWAIT);
	syscall(SYS_msgrcv, m, (void *)1, 64, 0, IPC_NOWAIT);
	struct msqid_ds mds;
	struct msginfo mi;
	syscall(SYS_msgctl, m, IPC_STAT, &mds);
	syscall(SYS_msgctl, m, IPC_STAT | IPC64, &mds);
	syscall(SYS_msgctl, m, IPC_SET, &mds);
	syscall(SYS_msgctl, m, IPC_SET, (void *)1);
	syscall(SYS_msgctl, m, IPC_INFO, &mi);
	syscall(SYS_msgctl, m, MSG_INFO, &mi);
	syscall(SYS_msgctl, 0, MSG_STAT, &mds);
	syscall(SYS_msgctl, 0, MSG_STAT_ANY, &mds);
	syscall(SYS_msgctl, m, MSG_STAT, (void *)1);
	syscall(SYS_msgctl, m, 77, &mds);
	syscall(SYS_msgctl, m, IPC_RMID, NULL);
	syscall(SYS_msgctl, m, IPC_RMID, NULL);
}

static void posix_mq(void)
{
	struct mq_attr ma = {0, 4, 16, 0}, got;
	int q = syscall(SYS_mq_open, "gotrace_q", O_RDWR | O_CREAT | O_EXCL, 0600, &ma);
	if (q < 0)
		return;
	syscall(SYS_mq_open, "gotrace_q", O_RDWR | O_CREAT | O_EXCL, 0600, &ma);
	syscall(SYS_mq_open, "nosuch", O_RDONLY, 0, NULL);
	int q2 = syscall(SYS_mq_open, "gotrace_q2", O_WRONLY | O_CREAT | O_NONBLOCK | O_CLOEXEC, 0644, NULL);
	syscall(SYS_mq_open, "gotrace_q3", O_RDWR | O_CREAT, 0600, (void *)1);
	syscall(SYS_mq_open, (void *)1, O_RDONLY, 0, NULL);
	struct timespec ts = {0, 1000};
	syscall(SYS_mq_timedsend, q, "hello\0x", 7, 3, NULL);
	syscall(SYS_mq_timedsend, q, "hello", 5, 1, &ts);
	syscall(SYS_mq_timedsend, q, "a message longer than thirty-two bytes!", 16, 0, &ts);
	syscall(SYS_mq_timedsend, q, "x", 1, 99999, &ts);
	syscall(SYS_mq_timedsend, q, (void *)1, 1, 0, &ts);
	syscall(SYS_mq_timedsend, 999, "x", 1, 0, (void *)1);
	char buf[32];
	unsigned prio;
	syscall(SYS_mq_timedreceive, q, buf, 32, &prio, &ts);
	syscall(SYS_mq_timedreceive, q, buf, 32, NULL, &ts);
	syscall(SYS_mq_timedreceive, q, buf, 8, &prio, &ts);
	syscall(SYS_mq_timedreceive, q, buf, 32, &prio, &ts);
	syscall(SYS_mq_timedreceive, q, buf, 32, &prio, &ts);
	syscall(SYS_mq_timedreceive, 999, buf, 32, (void *)1, NULL);
	syscall(SYS_mq_getsetattr, q, NULL, &got);
	ma.mq_flags = O_NONBLOCK;
	syscall(SYS_mq_getsetattr, q, &ma, &got);
	syscall(SYS_mq_getsetattr, q, &ma, NULL);
	syscall(SYS_mq_getsetattr, q, (void *)1, &got);
	syscall(SYS_mq_getsetattr, 999, &ma, (void *)1);
	struct sigevent sev;
	memset(&sev, 0, sizeof sev);
	sev.sigev_notify = SIGEV_NONE;
	syscall(SYS_mq_notify, q, &sev);
	syscall(SYS_mq_notify, q, NULL);
	sev.sigev_notify = SIGEV_SIGNAL;
	sev.sigev_signo = SIGUSR1;
	sev.sigev_value.sival_int = 9;
	syscall(SYS_mq_notify, q, &sev);
	syscall(SYS_mq_notify, q, NULL);
	syscall(SYS_mq_notify, 999, (void *)1);
	close(q);
	if (q2 >= 0)
		close(q2);
	syscall(SYS_mq_unlink, "gotrace_q");
	syscall(SYS_mq_unlink, "gotrace_q2");
	syscall(SYS_mq_unlink, "gotrace_q3");
	syscall(SYS_mq_unlink, "gotrace_q");
	syscall(SYS_mq_unlink, (void *)1);
}

int main(void)
{
	signal(SIGUSR1, SIG_IGN);
	syscall(SYS_unshare, CLONE_NEWIPC);
	syscall(SYS_getpid);
	sysv_shm();
	sysv_sem();
	sysv_msg();
	posix_mq();
	return 0;
}
