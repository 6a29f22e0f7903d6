// proc_numa makes the NUMA memory-policy calls (get_mempolicy,
// set_mempolicy, mbind, migrate_pages, move_pages,
// set_mempolicy_home_node) with fixed arguments, successful and failing,
// for comparing gotrace with strace. Policies set are the tracee's own and
// harmless (node 0 exists on every machine); the default is put back.
#define _GNU_SOURCE
#include <unistd.h>
#include <sys/mman.h>
#include <sys/syscall.h>

#define MPOL_DEFAULT 0
#define MPOL_PREFERRED 1
#define MPOL_BIND 2
#define MPOL_INTERLEAVE 3
#define MPOL_LOCAL 4
#define MPOL_PREFERRED_MANY 5
#define MPOL_F_NUMA_BALANCING (1 << 13)
#define MPOL_F_RELATIVE_NODES (1 << 14)
#define MPOL_F_STATIC_NODES (1 << 15)
#define MPOL_F_NODE 1
#define MPOL_F_ADDR 2
#define MPOL_F_MEMS_ALLOWED 4
#define MPOL_MF_STRICT 1
#define MPOL_MF_MOVE 2
#define MPOL_MF_MOVE_ALL 4

/* Node masks are words of 64 bits; 256 of them cover the longest mask
 * read here (strace stops after -s elements, gotrace too). */
static unsigned long mask[256];
static unsigned long node0[4] = {1};

int main(void)
{
	int mode = 99;
	char *p = mmap(NULL, 3 * 4096, PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	munmap(p + 2 * 4096, 4096);
	p[0] = 1;
	p[4096] = 1;
	/* A mask whose second word lies past the end of the mapping. */
	unsigned long *edge = (unsigned long *)(p + 2 * 4096 - 8);
	*edge = 1;

	syscall(SYS_get_mempolicy, &mode, mask, 1025, NULL, 0);
	syscall(SYS_get_mempolicy, &mode, mask, 64, NULL, 0);
	syscall(SYS_get_mempolicy, &mode, mask, 65, NULL, 0);
	syscall(SYS_get_mempolicy, &mode, mask, 129, NULL, 0);
	syscall(SYS_get_mempolicy, &mode, mask, 1, NULL, 0);
	syscall(SYS_get_mempolicy, &mode, mask, 0, NULL, 0);
	syscall(SYS_get_mempolicy, NULL, NULL, 0, NULL, 0);
	syscall(SYS_get_mempolicy, &mode, mask, 129, NULL, MPOL_F_MEMS_ALLOWED);
	syscall(SYS_get_mempolicy, &mode, NULL, 0, p, MPOL_F_NODE | MPOL_F_ADDR);
	syscall(SYS_get_mempolicy, &mode, mask, 129, p, MPOL_F_ADDR);
	syscall(SYS_get_mempolicy, &mode, mask, 129, p + 2 * 4096, MPOL_F_ADDR);
	syscall(SYS_get_mempolicy, &mode, mask, 129, NULL, 0x13);
	syscall(SYS_get_mempolicy, &mode, mask, 129, NULL, 0xff00);
	syscall(SYS_get_mempolicy, (void *)1, (void *)2, 129, NULL, 0);
	syscall(SYS_get_mempolicy, &mode, edge, 129, NULL, 0);

	syscall(SYS_set_mempolicy, MPOL_DEFAULT, NULL, 0);
	syscall(SYS_set_mempolicy, MPOL_PREFERRED, mask, 3);
	syscall(SYS_set_mempolicy, MPOL_BIND, node0, 65);
	syscall(SYS_set_mempolicy, MPOL_BIND | MPOL_F_STATIC_NODES, node0, 65);
	syscall(SYS_set_mempolicy, MPOL_PREFERRED | MPOL_F_RELATIVE_NODES | MPOL_F_STATIC_NODES, node0, 65);
	syscall(SYS_set_mempolicy, MPOL_BIND | MPOL_F_NUMA_BALANCING, node0, 65);
	syscall(SYS_set_mempolicy, 77 | MPOL_F_RELATIVE_NODES, mask, 65);
	syscall(SYS_set_mempolicy, 77, mask, 65);
	syscall(SYS_set_mempolicy, 6, mask, 65);
	syscall(SYS_set_mempolicy, 0x1000, mask, 65);
	syscall(SYS_set_mempolicy, 0xffffffff00000000UL | MPOL_LOCAL, (void *)1, 65);
	syscall(SYS_set_mempolicy, MPOL_PREFERRED_MANY, mask, (unsigned long)-1);
	syscall(SYS_set_mempolicy, MPOL_INTERLEAVE, mask, 0x8000000000000000UL);
	syscall(SYS_set_mempolicy, MPOL_INTERLEAVE, edge, 129);
	syscall(SYS_set_mempolicy, MPOL_DEFAULT, NULL, 0);

	syscall(SYS_mbind, p, 8192, MPOL_DEFAULT, NULL, 0, 0);
	syscall(SYS_mbind, p, 8192, MPOL_BIND, node0, 2, MPOL_MF_STRICT | MPOL_MF_MOVE);
	syscall(SYS_set_mempolicy_home_node, p, 8192, 0, 0);
	syscall(SYS_set_mempolicy_home_node, p, 8192, 0, 3);
	syscall(SYS_set_mempolicy_home_node, NULL, 0xffffffffffffffffUL, 5, 0xffffffff00000000UL);
	syscall(SYS_mbind, p, 8192, MPOL_PREFERRED | MPOL_F_STATIC_NODES, node0, 200, MPOL_MF_MOVE_ALL);
	syscall(SYS_mbind, p, 8192, MPOL_INTERLEAVE, mask, 200, 0x10 | 0x100);
	syscall(SYS_mbind, p, 8192, 0xffffffff00000002UL, mask, 200, 0xffffffff00000001UL);
	syscall(SYS_mbind, p, 8192, 0xffffffff00004002UL, mask, 200, 0);
	syscall(SYS_mbind, p, 8192, 7, (void *)8, 2, 8);
	syscall(SYS_mbind, NULL, 0, MPOL_DEFAULT, NULL, 0, 0);

	syscall(SYS_migrate_pages, 0, 3, node0, node0);
	syscall(SYS_migrate_pages, 0, 129, node0, NULL);
	syscall(SYS_migrate_pages, -1, 129, (void *)8, node0);
	syscall(SYS_migrate_pages, 0, 0, NULL, NULL);

	void *pages[40] = {p, p + 4096, p + 2 * 4096};
	int nodes[40] = {0, 0, 5};
	int status[40] = {7, 7, 7};
	syscall(SYS_move_pages, 0, 2, pages, NULL, status, 0);
	syscall(SYS_move_pages, 0, 3, pages, NULL, status, 0);
	syscall(SYS_move_pages, 0, 2, pages, nodes, status, MPOL_MF_MOVE);
	syscall(SYS_move_pages, 0, 3, pages, nodes, status, MPOL_MF_MOVE_ALL);
	syscall(SYS_move_pages, 0, 3, pages, nodes, (void *)8, 0xf0);
	syscall(SYS_move_pages, 0, 3, pages, nodes, status, 0xf3);
	syscall(SYS_move_pages, 0, 40, pages, NULL, status, 0);
	syscall(SYS_move_pages, 0, 40, pages, nodes, status, 0);
	syscall(SYS_move_pages, 0, 0, pages, nodes, status, 0);
	syscall(SYS_move_pages, 0, 0, NULL, NULL, NULL, 0);
	syscall(SYS_move_pages, 0, 2, (void *)8, (void *)16, (void *)24, 0);
	syscall(SYS_move_pages, -1, 2, pages, NULL, status, 0);
	syscall(SYS_move_pages, 0, 2, edge, NULL, status, 0);
	return 0;
}
