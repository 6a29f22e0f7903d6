// proc_bpf makes bpf calls with fixed arguments, successful and failing,
// for comparing gotrace with strace. It only creates small maps of its
// own (an array and a hash), reads and writes them, loads a trivial socket
// filter ("r0 = 0; exit") without attaching it anywhere, runs it on a
// packet of its own (BPF_PROG_TEST_RUN), asks about them (object info),
// uses its hash in batches and closes them; every other shape (queries,
// tracepoints, BTF, links) fails before the kernel does anything.
#define _GNU_SOURCE
#include <linux/bpf.h>
#include <stdint.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>

static long sys_bpf(int cmd, void *attr, unsigned size)
{
	return syscall(SYS_bpf, cmd, attr, size);
}

#define PTR(p) ((uint64_t)(uintptr_t)(p))

int main(void)
{
	union bpf_attr a;
	unsigned char big[256];
	uint32_t key = 0, next = 0;
	uint64_t val = 42;

	/* A one-element array map, and a small hash with a name. */
	memset(&a, 0, sizeof a);
	a.map_type = BPF_MAP_TYPE_ARRAY;
	a.key_size = 4;
	a.value_size = 8;
	a.max_entries = 1;
	int arr = sys_bpf(BPF_MAP_CREATE, &a, sizeof a);
	memset(&a, 0, sizeof a);
	a.map_type = BPF_MAP_TYPE_HASH;
	a.key_size = 4;
	a.value_size = 8;
	a.max_entries = 4;
	a.map_flags = BPF_F_NO_PREALLOC;
	strcpy(a.map_name, "gotrace_hash");
	int hash = sys_bpf(BPF_MAP_CREATE, &a, 48);

	/* Update, look up, walk and delete. */
	memset(&a, 0, sizeof a);
	a.map_fd = hash;
	a.key = PTR(&key);
	a.value = PTR(&val);
	a.flags = BPF_NOEXIST;
	sys_bpf(BPF_MAP_UPDATE_ELEM, &a, sizeof a);
	sys_bpf(BPF_MAP_UPDATE_ELEM, &a, sizeof a);
	a.flags = BPF_ANY;
	sys_bpf(BPF_MAP_LOOKUP_ELEM, &a, 32);
	a.map_fd = arr;
	a.flags = BPF_EXIST;
	sys_bpf(BPF_MAP_UPDATE_ELEM, &a, 32);
	a.flags = 0;
	sys_bpf(BPF_MAP_LOOKUP_ELEM, &a, 24);
	memset(&a, 0, sizeof a);
	a.map_fd = hash;
	a.key = 0;
	a.next_key = PTR(&next);
	sys_bpf(BPF_MAP_GET_NEXT_KEY, &a, 24);
	a.key = PTR(&next);
	sys_bpf(BPF_MAP_GET_NEXT_KEY, &a, 24);
	memset(&a, 0, sizeof a);
	a.map_fd = hash;
	a.key = PTR(&key);
	sys_bpf(BPF_MAP_DELETE_ELEM, &a, 16);
	sys_bpf(BPF_MAP_DELETE_ELEM, &a, 16);

	/* A socket filter: r0 = 0; exit. */
	struct bpf_insn insns[] = {
		{ .code = BPF_ALU64 | BPF_MOV | BPF_K, .dst_reg = BPF_REG_0, .imm = 0 },
		{ .code = BPF_JMP | BPF_EXIT },
	};
	char log[64] = "";
	memset(&a, 0, sizeof a);
	a.prog_type = BPF_PROG_TYPE_SOCKET_FILTER;
	a.insn_cnt = 2;
	a.insns = PTR(insns);
	a.license = PTR("GPL");
	strcpy(a.prog_name, "gotrace_prog");
	int prog = sys_bpf(BPF_PROG_LOAD, &a, sizeof a);
	/* A log buffer too small for the verifier's log: ENOSPC. */
	a.log_level = 1;
	a.log_size = sizeof log;
	a.log_buf = PTR(log);
	a.kern_version = 0x050a11;
	a.prog_flags = BPF_F_STRICT_ALIGNMENT | 0x1000;
	sys_bpf(BPF_PROG_LOAD, &a, sizeof a);
	a.log_level = 0;
	a.log_size = 0;
	a.log_buf = 0;
	a.insn_cnt = 0;
	sys_bpf(BPF_PROG_LOAD, &a, 72);

	/* Run the filter once on a packet of its own (nothing attached):
	 * in full, without the context and flags fields (the size of
	 * Linux 4.12's structure), and with flags the kernel refuses. */
	unsigned char pkt[64], pkt_out[64];
	memset(pkt, 0xab, sizeof pkt);
	memset(&a, 0, sizeof a);
	a.test.prog_fd = prog;
	a.test.data_in = PTR(pkt);
	a.test.data_size_in = sizeof pkt;
	a.test.data_out = PTR(pkt_out);
	a.test.data_size_out = sizeof pkt_out;
	a.test.repeat = 1;
	sys_bpf(BPF_PROG_TEST_RUN, &a, sizeof a);
	a.test.retval = 7;
	a.test.duration = 5;
	sys_bpf(BPF_PROG_TEST_RUN, &a, 40);
	a.test.retval = 0;
	a.test.duration = 9;
	a.test.flags = BPF_F_TEST_RUN_ON_CPU | 0x2 | 0x80;
	a.test.cpu = 1;
	a.test.ctx_size_in = 4;
	sys_bpf(BPF_PROG_TEST_RUN, &a, 80);
	((unsigned char *)&a)[100] = 1;
	sys_bpf(BPF_PROG_TEST_RUN, &a, sizeof a);
	a.test.flags = 0;
	sys_bpf(BPF_PROG_TEST_RUN, &a, 48);

	/* What the kernel says of the maps and the program: in full, in a
	 * buffer shorter than the kernel's structure, of a descriptor that
	 * is not a bpf object. */
	unsigned char info[256];
	memset(info, 0, sizeof info);
	memset(&a, 0, sizeof a);
	a.info.bpf_fd = hash;
	a.info.info_len = sizeof info;
	a.info.info = PTR(info);
	sys_bpf(BPF_OBJ_GET_INFO_BY_FD, &a, 16);
	a.info.bpf_fd = arr;
	a.info.info_len = 40;
	sys_bpf(BPF_OBJ_GET_INFO_BY_FD, &a, 16);
	memset(info, 0, sizeof info);
	a.info.bpf_fd = prog;
	a.info.info_len = sizeof info;
	sys_bpf(BPF_OBJ_GET_INFO_BY_FD, &a, 16);
	a.info.bpf_fd = 0;
	sys_bpf(BPF_OBJ_GET_INFO_BY_FD, &a, 16);

	/* Query what is attached to a descriptor that is not a cgroup: the
	 * kernel refuses (nothing is asked of any real cgroup). */
	uint32_t prog_ids[4] = { 0 };
	memset(&a, 0, sizeof a);
	a.query.target_fd = hash;
	a.query.attach_type = BPF_CGROUP_INET_INGRESS;
	a.query.query_flags = BPF_F_QUERY_EFFECTIVE | 0x10;
	a.query.attach_flags = BPF_F_ALLOW_MULTI;
	a.query.prog_ids = PTR(prog_ids);
	a.query.prog_cnt = 4;
	sys_bpf(BPF_PROG_QUERY, &a, 28);
	/* Past the 28 bytes strace 6.1 knows: a fixed value (never used:
	 * the call fails first), not an address that changes. */
	a.query.prog_attach_flags = 0x1000;
	sys_bpf(BPF_PROG_QUERY, &a, sizeof a);
	a.query.prog_ids = 0;
	a.query.attach_type = 0x77;
	sys_bpf(BPF_PROG_QUERY, &a, 24);

	/* A raw tracepoint that does not exist, for a program of the wrong
	 * type: refused, nothing is attached. */
	memset(&a, 0, sizeof a);
	a.raw_tracepoint.name = PTR("gotrace_no_such_tracepoint");
	a.raw_tracepoint.prog_fd = prog;
	sys_bpf(BPF_RAW_TRACEPOINT_OPEN, &a, 16);
	a.raw_tracepoint.name = 0;
	sys_bpf(BPF_RAW_TRACEPOINT_OPEN, &a, 8);

	/* BTF that the kernel refuses: a bare header, no types or strings. */
	struct {
		uint16_t magic;
		uint8_t version, flags;
		uint32_t hdr_len, type_off, type_len, str_off, str_len;
	} btf = { 0xeb9f, 1, 0, 24, 0, 0, 0, 0 };
	char btf_log[32];
	memset(&a, 0, sizeof a);
	a.btf = PTR(&btf);
	a.btf_size = sizeof btf;
	a.btf_log_buf = PTR(btf_log);
	a.btf_log_size = sizeof btf_log;
	a.btf_log_level = 1;
	sys_bpf(BPF_BTF_LOAD, &a, 28);
	a.btf_log_buf = 0;
	a.btf_log_size = 0;
	a.btf_log_level = 0;
	sys_bpf(BPF_BTF_LOAD, &a, sizeof a);

	/* What a descriptor of no process is attached to: ESRCH. */
	char tfq_buf[16] = "unchanged";
	memset(&a, 0, sizeof a);
	a.task_fd_query.pid = 0;
	a.task_fd_query.fd = hash;
	a.task_fd_query.buf = PTR(tfq_buf);
	a.task_fd_query.buf_len = sizeof tfq_buf;
	a.task_fd_query.prog_id = 7;
	a.task_fd_query.fd_type = BPF_FD_TYPE_UPROBE;
	a.task_fd_query.probe_offset = 0x10;
	sys_bpf(BPF_TASK_FD_QUERY, &a, 48);
	a.task_fd_query.fd_type = 99;
	a.task_fd_query.buf = 0;
	sys_bpf(BPF_TASK_FD_QUERY, &a, 40);

	/* The batch commands, on the hash: put two elements, read them
	 * back (the kernel lowers count), delete one, take the other. */
	uint32_t bkeys[4] = { 1, 2, 0, 0 }, out_batch = 0;
	uint64_t bvals[4] = { 10, 20, 0, 0 };
	memset(&a, 0, sizeof a);
	a.batch.keys = PTR(bkeys);
	a.batch.values = PTR(bvals);
	a.batch.count = 2;
	a.batch.map_fd = hash;
	sys_bpf(BPF_MAP_UPDATE_BATCH, &a, sizeof a);
	a.batch.out_batch = PTR(&out_batch);
	a.batch.count = 4;
	a.batch.elem_flags = 0;
	sys_bpf(BPF_MAP_LOOKUP_BATCH, &a, sizeof a);
	a.batch.in_batch = 0;
	a.batch.out_batch = 0;
	a.batch.count = 1;
	a.batch.elem_flags = BPF_F_LOCK;
	a.batch.flags = 0x10;
	sys_bpf(BPF_MAP_DELETE_BATCH, &a, 56);
	a.batch.elem_flags = 0;
	a.batch.flags = 0;
	sys_bpf(BPF_MAP_DELETE_BATCH, &a, 56);
	a.batch.out_batch = PTR(&out_batch);
	a.batch.count = 4;
	sys_bpf(BPF_MAP_LOOKUP_AND_DELETE_BATCH, &a, 56);

	/* Links: create one from a descriptor that is not a cgroup (refused:
	 * nothing is attached), update one that is not a link. */
	memset(&a, 0, sizeof a);
	a.link_create.prog_fd = prog;
	a.link_create.target_fd = hash;
	a.link_create.attach_type = BPF_CGROUP_INET_INGRESS;
	a.link_create.flags = 0;
	sys_bpf(BPF_LINK_CREATE, &a, 16);
	a.link_create.target_btf_id = 5;
	sys_bpf(BPF_LINK_CREATE, &a, sizeof a);
	a.link_create.attach_type = BPF_XDP;
	a.link_create.flags = BPF_F_ALLOW_MULTI | 0x100;
	sys_bpf(BPF_LINK_CREATE, &a, 20);
	a.link_create.attach_type = 0x77;
	sys_bpf(BPF_LINK_CREATE, &a, 32);
	memset(&a, 0, sizeof a);
	a.link_update.link_fd = hash;
	a.link_update.new_prog_fd = prog;
	a.link_update.flags = BPF_F_REPLACE;
	a.link_update.old_prog_fd = prog;
	sys_bpf(BPF_LINK_UPDATE, &a, 16);
	a.link_update.flags = 0x20;
	sys_bpf(BPF_LINK_UPDATE, &a, 12);

	/* Attach and detach with a descriptor that is not a cgroup. */
	memset(&a, 0, sizeof a);
	a.target_fd = hash;
	a.attach_bpf_fd = prog;
	a.attach_type = BPF_CGROUP_INET_EGRESS;
	a.attach_flags = BPF_F_ALLOW_MULTI;
	sys_bpf(BPF_PROG_ATTACH, &a, 20);
	sys_bpf(BPF_PROG_DETACH, &a, 12);
	a.map_fd = hash;
	sys_bpf(BPF_MAP_FREEZE, &a, 4);

	/* Pin and get in a place that does not exist. */
	memset(&a, 0, sizeof a);
	a.pathname = PTR("no-such-bpffs/map");
	a.bpf_fd = hash;
	a.file_flags = BPF_F_RDONLY;
	sys_bpf(BPF_OBJ_PIN, &a, 16);
	a.bpf_fd = 0;
	sys_bpf(BPF_OBJ_GET, &a, 16);

	/* Ids and fds by id: an id that does not exist. */
	memset(&a, 0, sizeof a);
	a.start_id = 0xfffffff0;
	sys_bpf(BPF_MAP_GET_NEXT_ID, &a, 12);
	sys_bpf(BPF_PROG_GET_NEXT_ID, &a, 12);
	sys_bpf(BPF_BTF_GET_NEXT_ID, &a, 12);
	memset(&a, 0, sizeof a);
	a.map_id = 0xfffffff0;
	sys_bpf(BPF_MAP_GET_FD_BY_ID, &a, 12);
	sys_bpf(BPF_PROG_GET_FD_BY_ID, &a, 12);
	sys_bpf(BPF_BTF_GET_FD_BY_ID, &a, 4);

	/* Sizes: none, too long with a non-zero tail, beyond a page, an
	 * unknown command, NULL, unmapped, cut by an unmapped page. */
	memset(big, 0, sizeof big);
	sys_bpf(BPF_MAP_CREATE, big, 0);
	big[200] = 1;
	sys_bpf(BPF_MAP_DELETE_ELEM, big, 256);
	sys_bpf(BPF_MAP_DELETE_ELEM, big, 8192);
	sys_bpf(99, big, 16);
	sys_bpf(BPF_MAP_CREATE, NULL, 72);
	sys_bpf(BPF_MAP_CREATE, (void *)1, 72);
	unsigned char *pg = mmap(NULL, 8192, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	munmap(pg + 4096, 4096);
	memset(pg, 0, 4096);
	sys_bpf(BPF_MAP_DELETE_ELEM, pg + 4096 - 8, 16);
	sys_bpf(BPF_MAP_CREATE, pg + 4096 - 16, 16);
	munmap(pg, 4096);

	close(prog);
	close(hash);
	close(arr);
	return 0;
}
