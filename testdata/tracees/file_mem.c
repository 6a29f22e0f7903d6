// file_mem makes memory-mapping calls (mmap, mprotect, madvise, mremap,
// msync, mlock and kin, brk) with fixed arguments, successful and failing,
// for comparing gotrace's decoding with strace's.
#define _GNU_SOURCE
#include <fcntl.h>
#include <linux/mman.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>

int main(void)
{
	long p = syscall(SYS_mmap, 0, 8192, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	syscall(SYS_mprotect, p, 4096, PROT_READ);
	syscall(SYS_mprotect, p, 4096, PROT_NONE);
	syscall(SYS_mprotect, p, 4096, PROT_READ | PROT_WRITE | PROT_EXEC | PROT_GROWSDOWN);
	syscall(SYS_mprotect, p, 4096, 0x10);
	syscall(SYS_madvise, p, 8192, MADV_DONTNEED);
	syscall(SYS_madvise, p, 8192, MADV_NORMAL);
	syscall(SYS_madvise, p, 8192, MADV_HUGEPAGE);
	syscall(SYS_madvise, p, 8192, 77);
	syscall(SYS_msync, p, 4096, MS_SYNC | MS_INVALIDATE);
	syscall(SYS_msync, p, 4096, MS_ASYNC);
	syscall(SYS_msync, p, 4096, 0x10);
	syscall(SYS_mlock, p, 4096);
	syscall(SYS_munlock, p, 4096);
	syscall(SYS_mlock2, p, 4096, MLOCK_ONFAULT);
	syscall(SYS_mlock2, p, 4096, 0);
	syscall(SYS_mlockall, MCL_CURRENT | MCL_FUTURE);
	syscall(SYS_munlockall);
	syscall(SYS_mlockall, 0);
	long q = syscall(SYS_mremap, p, 8192, 16384, MREMAP_MAYMOVE);
	syscall(SYS_mremap, q, 16384, 4096, 0);
	syscall(SYS_mremap, q, 4096, 8192, MREMAP_MAYMOVE | MREMAP_FIXED, 0x700000000000);
	syscall(SYS_munmap, q, 16384);
	syscall(SYS_munmap, 1, 4096);
	syscall(SYS_mmap, 0, 4096, PROT_READ, MAP_SHARED | MAP_ANONYMOUS | MAP_POPULATE | MAP_NORESERVE, -1, 0);
	syscall(SYS_mmap, 0x600000000000, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE | MAP_STACK | MAP_GROWSDOWN, -1, 0);
	syscall(SYS_mmap, 0, 4096, PROT_READ, MAP_SHARED_VALIDATE | MAP_ANONYMOUS | MAP_SYNC, -1, 0);
	syscall(SYS_mmap, 0, 2097152, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS | MAP_HUGETLB | (21 << MAP_HUGE_SHIFT), -1, 0);
	syscall(SYS_mmap, 0, 4096, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS | MAP_32BIT | MAP_LOCKED | MAP_NONBLOCK | MAP_DENYWRITE | MAP_EXECUTABLE, -1, 0);
	syscall(SYS_mmap, 0, 4096, PROT_READ, 0xf | 0x10000000, -1, 0);
	syscall(SYS_mmap, 0, 4096, PROT_READ, 0, 7, 0x3000);
	int fd = syscall(SYS_openat, AT_FDCWD, "/proc/self/exe", O_RDONLY);
	syscall(SYS_mmap, 0, 4096, PROT_READ | PROT_EXEC, MAP_PRIVATE | MAP_DENYWRITE, fd, 0x1000);
	syscall(SYS_mmap, 0, 4096, 0x80, MAP_PRIVATE, fd, 0);
	long b = syscall(SYS_brk, 0);
	syscall(SYS_brk, b + 4096);
	syscall(SYS_brk, 1);
	syscall(SYS_mincore, p, 4096, (void *)0);
	syscall(SYS_membarrier, 0, 0, 0);
	syscall(SYS_pkey_alloc, 0, 0);
	syscall(SYS_pkey_mprotect, p, 4096, PROT_READ, 1);
	syscall(SYS_pkey_free, 1);
	syscall(SYS_remap_file_pages, p, 4096, 0, 0, 0);
	return 0;
}
