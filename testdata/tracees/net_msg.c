/* net_msg: sendmsg/recvmsg with SCM_RIGHTS and SCM_CREDENTIALS over a
 * unix socketpair, sendmmsg/recvmmsg over loopback UDP (fixed ports
 * 29615/29616), and failing and truncated cases. */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <netinet/in.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <sys/un.h>
#include <time.h>
#include <unistd.h>

int main(void)
{
	int sv[2];
	socketpair(AF_UNIX, SOCK_DGRAM, 0, sv);

	/* SCM_RIGHTS: pass two descriptors. */
	char data[] = "fd passing";
	struct iovec iov = { data, sizeof data - 1 };
	union {
		char buf[CMSG_SPACE(2 * sizeof(int))];
		struct cmsghdr align;
	} u;
	memset(&u, 0, sizeof u);
	struct msghdr m = { 0 };
	m.msg_iov = &iov;
	m.msg_iovlen = 1;
	m.msg_control = u.buf;
	m.msg_controllen = sizeof u.buf;
	struct cmsghdr *c = CMSG_FIRSTHDR(&m);
	c->cmsg_level = SOL_SOCKET;
	c->cmsg_type = SCM_RIGHTS;
	c->cmsg_len = CMSG_LEN(2 * sizeof(int));
	int fds[2] = { 0, 1 };
	memcpy(CMSG_DATA(c), fds, sizeof fds);
	sendmsg(sv[0], &m, MSG_DONTWAIT);

	char in[4], rest[64];
	struct iovec riov[2] = { { in, sizeof in }, { rest, sizeof rest } };
	union {
		char buf[256];
		struct cmsghdr align;
	} ru;
	struct sockaddr_un from;
	struct msghdr r = { 0 };
	r.msg_name = &from;
	r.msg_namelen = sizeof from;
	r.msg_iov = riov;
	r.msg_iovlen = 2;
	r.msg_control = ru.buf;
	r.msg_controllen = sizeof ru.buf;
	recvmsg(sv[1], &r, MSG_CMSG_CLOEXEC);
	/* Nothing left: EAGAIN. */
	r.msg_namelen = sizeof from;
	recvmsg(sv[1], &r, MSG_DONTWAIT);
	sendmsg(sv[0], (struct msghdr *)8, 0);

	/* SCM_CREDENTIALS with SO_PASSCRED. */
	int one = 1;
	setsockopt(sv[1], SOL_SOCKET, SO_PASSCRED, &one, sizeof one);
	m.msg_control = NULL;
	m.msg_controllen = 0;
	sendmsg(sv[0], &m, 0);
	r.msg_controllen = sizeof ru.buf;
	r.msg_namelen = sizeof from;
	recvmsg(sv[1], &r, 0);

	/* UDP: sendmmsg and recvmmsg. */
	int a = socket(AF_INET, SOCK_DGRAM, 0), b = socket(AF_INET, SOCK_DGRAM, 0);
	struct sockaddr_in sa = { .sin_family = AF_INET, .sin_port = htons(29615) };
	sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	struct sockaddr_in sb = sa;
	sb.sin_port = htons(29616);
	bind(a, (struct sockaddr *)&sa, sizeof sa);
	bind(b, (struct sockaddr *)&sb, sizeof sb);
	struct iovec m1 = { "first", 5 }, m2[2] = { { "sec", 3 }, { "ond", 3 } };
	struct mmsghdr mv[2];
	memset(mv, 0, sizeof mv);
	mv[0].msg_hdr.msg_name = &sb;
	mv[0].msg_hdr.msg_namelen = sizeof sb;
	mv[0].msg_hdr.msg_iov = &m1;
	mv[0].msg_hdr.msg_iovlen = 1;
	mv[1].msg_hdr.msg_name = &sb;
	mv[1].msg_hdr.msg_namelen = sizeof sb;
	mv[1].msg_hdr.msg_iov = m2;
	mv[1].msg_hdr.msg_iovlen = 2;
	sendmmsg(a, mv, 2, 0);

	char b1[8], b2[2];
	struct iovec r1 = { b1, sizeof b1 }, r2 = { b2, sizeof b2 };
	struct sockaddr_in f1, f2;
	struct mmsghdr rv[3];
	memset(rv, 0, sizeof rv);
	rv[0].msg_hdr.msg_name = &f1;
	rv[0].msg_hdr.msg_namelen = sizeof f1 + 100;
	rv[0].msg_hdr.msg_iov = &r1;
	rv[0].msg_hdr.msg_iovlen = 1;
	rv[1].msg_hdr.msg_name = &f2;
	rv[1].msg_hdr.msg_namelen = sizeof f2;
	rv[1].msg_hdr.msg_iov = &r2;
	rv[1].msg_hdr.msg_iovlen = 1;
	rv[2] = rv[1];
	struct timespec ts = { 0, 20000000 };
	recvmmsg(b, rv, 3, MSG_WAITFORONE, &ts);
	recvmmsg(b, rv, 3, MSG_DONTWAIT, NULL);

	/* Every SOL_IP control message type, with 4 and 16 bytes of data, on
	 * an unconnected socket: each send fails, each message prints (the
	 * types strace names for control messages are fewer than the options). */
	int ud = socket(AF_INET, SOCK_DGRAM, 0);
	static const char bytes[16] = "\x10\x01\xff\x00\x02\x00\x00\x00\x03\x00\x00\x00\x04\x00\x00\x00";
	for (int len = 4; len <= 16; len += 12) {
		for (int t = 0; t <= 60; t++) {
			char cbuf[CMSG_SPACE(16)];
			struct msghdr m;
			memset(&m, 0, sizeof m);
			memset(cbuf, 0, sizeof cbuf);
			m.msg_control = cbuf;
			m.msg_controllen = CMSG_SPACE(len);
			struct cmsghdr *c = CMSG_FIRSTHDR(&m);
			c->cmsg_len = CMSG_LEN(len);
			c->cmsg_level = SOL_IP;
			c->cmsg_type = t;
			memcpy(CMSG_DATA(c), bytes, len);
			sendmsg(ud, &m, MSG_DONTWAIT);
		}
	}
	/* Every control message type of SOL_SOCKET, SOL_IP and SOL_IPV6 with
	 * 64 bytes of data (IP_RECVERR's extended error and offender among
	 * them); each send fails. */
	static const int levels[] = {SOL_SOCKET, SOL_IP, SOL_IPV6};
	unsigned char data64[64];
	for (int k = 0; k < 64; k++)
		data64[k] = (unsigned char)(k * 7 + 1);
	data64[16] = AF_INET;
	data64[17] = 0;
	for (unsigned l = 0; l < sizeof levels / sizeof *levels; l++) {
		for (int t = 0; t <= 80; t++) {
			char cbuf[CMSG_SPACE(64)];
			struct msghdr m;
			memset(&m, 0, sizeof m);
			m.msg_control = cbuf;
			m.msg_controllen = sizeof cbuf;
			struct cmsghdr *c = CMSG_FIRSTHDR(&m);
			c->cmsg_len = CMSG_LEN(64);
			c->cmsg_level = levels[l];
			c->cmsg_type = t;
			memcpy(CMSG_DATA(c), data64, 64);
			sendmsg(ud, &m, MSG_DONTWAIT);
		}
	}
	/* Timestamps in control messages, with negative fields (strace 6.1
	 * prints the sub-second one unsigned). */
	static const int stamps[] = {SO_TIMESTAMP_OLD, SO_TIMESTAMPNS_OLD, SO_TIMESTAMPING_OLD,
				     SO_TIMESTAMP_NEW, SO_TIMESTAMPNS_NEW, SO_TIMESTAMPING_NEW};
	static const long long tv[6] = {-5, -7, -1, 3000000000LL, -9, 0};
	for (unsigned k = 0; k < sizeof stamps / sizeof *stamps; k++) {
		char cbuf[CMSG_SPACE(48)];
		struct msghdr m;
		memset(&m, 0, sizeof m);
		memset(cbuf, 0, sizeof cbuf);
		m.msg_control = cbuf;
		m.msg_controllen = sizeof cbuf;
		struct cmsghdr *c = CMSG_FIRSTHDR(&m);
		c->cmsg_len = CMSG_LEN(48);
		c->cmsg_level = SOL_SOCKET;
		c->cmsg_type = stamps[k];
		memcpy(CMSG_DATA(c), tv, 48);
		sendmsg(ud, &m, MSG_DONTWAIT);
	}
	return 0;
}
