/* file_ioctl: ioctl requests of the terminal, socket and file families on
 * a pipe, a pseudo-terminal and a datagram socket, with unknown requests
 * of every direction, for comparing gotrace with strace. The terminal is
 * reached through TIOCGPTPEER, so no pty number or path shows. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <string.h>
#include <unistd.h>
#include <net/if.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <asm/termbits.h>
#include <stdint.h>
#include <linux/fs.h>
#include <linux/fiemap.h>
#include <linux/blkzoned.h>
#include <linux/loop.h>
#include <linux/random.h>

int main(void)
{
	int n, zero = 0, one = 1;
	int p[2];
	pipe(p);
	write(p[1], "hello", 5);
	ioctl(p[0], FIONREAD, &n);
	ioctl(p[0], FIONREAD, NULL);
	ioctl(p[0], FIONREAD, (void *)8);
	ioctl(p[0], FIONBIO, &one);
	ioctl(p[0], FIONBIO, &zero);
	ioctl(p[0], FIOCLEX);
	ioctl(p[0], FIONCLEX);
	ioctl(p[0], FIOASYNC, &zero);
	struct termios t;
	struct winsize ws;
	ioctl(p[0], TCGETS, &t);
	ioctl(p[0], TIOCGWINSZ, &ws);
	ioctl(-1, TCGETS, &t);

	/* a pseudo-terminal */
	int m = open("/dev/ptmx", O_RDWR | O_NOCTTY);
	ioctl(m, TIOCSPTLCK, &zero);
	ioctl(m, TIOCGPTN, NULL);
	int s = ioctl(m, TIOCGPTPEER, O_RDWR | O_NOCTTY);
	ioctl(s, TCGETS, &t);
	ioctl(s, TIOCGWINSZ, &ws);
	ws.ws_row = 24;
	ws.ws_col = 80;
	ioctl(s, TIOCSWINSZ, &ws);
	ioctl(s, TIOCGWINSZ, &ws);
	ioctl(s, TCSETS, &t);
	struct termios r = t;
	r.c_iflag &= ~(IGNBRK | BRKINT | PARMRK | ISTRIP | INLCR | IGNCR | ICRNL | IXON);
	r.c_iflag |= IUTF8 | 0x80000;
	r.c_oflag &= ~OPOST;
	r.c_oflag |= NL1 | CR2 | TAB3 | FF1;
	r.c_lflag &= ~(ECHO | ECHONL | ICANON | ISIG | IEXTEN);
	r.c_lflag |= TOSTOP | 0x100000;
	r.c_cflag &= ~(CSIZE | PARENB | CBAUD);
	r.c_cflag |= CS7 | B115200 | (B9600 << IBSHIFT) | CRTSCTS | 0x10000;
	r.c_cc[VMIN] = 1;
	r.c_cc[VTIME] = 200;
	r.c_line = 99;
	ioctl(s, TCSETSW, &r);
	ioctl(s, TCGETS, &r);
	ioctl(s, TCSETSF, &t);
	struct termio to;
	ioctl(s, TCGETA, &to);
	ioctl(s, TCSETA, &to);
	struct termios2 t2;
	ioctl(s, TCGETS2, &t2);
	ioctl(s, TCSETS2, &t2);
	ioctl(s, TCSETS, (void *)8);
	ioctl(s, TCFLSH, TCIFLUSH);
	ioctl(s, TCFLSH, 7);
	ioctl(s, TCXONC, TCOON);
	ioctl(s, TCSBRK, 1);
	ioctl(s, TIOCOUTQ, &n);
	ioctl(s, FIONREAD, &n);
	ioctl(s, TIOCGPGRP, &n);
	ioctl(s, TIOCEXCL);
	ioctl(s, TIOCGEXCL, &n);
	ioctl(s, TIOCNXCL);
	ioctl(s, TIOCGEXCL, &n);
	ioctl(s, TIOCGETD, &n);
	ioctl(s, TIOCSETD, &zero);
	int bits = TIOCM_DTR | TIOCM_RTS | 0x10000;
	ioctl(s, TIOCMBIS, &bits);
	ioctl(s, TIOCMGET, &bits);
	ioctl(m, TIOCPKT, &one);
	ioctl(m, TIOCPKT, &zero);
	ioctl(s, TIOCSTI, "x");
	ioctl(s, TIOCVHANGUP);
	close(s);
	close(m);

	/* a socket: interface requests on the loopback device */
	int so = socket(AF_INET, SOCK_DGRAM, 0);
	struct ifreq ifr;
	memset(&ifr, 0, sizeof ifr);
	strcpy(ifr.ifr_name, "lo");
	ioctl(so, SIOCGIFINDEX, &ifr);
	ioctl(so, SIOCGIFFLAGS, &ifr);
	ioctl(so, SIOCGIFMTU, &ifr);
	ioctl(so, SIOCGIFADDR, &ifr);
	ioctl(so, SIOCGIFNETMASK, &ifr);
	memset(&ifr, 0, sizeof ifr);
	ifr.ifr_ifindex = 1;
	ioctl(so, SIOCGIFNAME, &ifr);
	memset(&ifr, 0, sizeof ifr);
	strcpy(ifr.ifr_name, "gotrace-none");
	ioctl(so, SIOCGIFINDEX, &ifr);
	ioctl(so, SIOCGIFFLAGS, &ifr);
	ifr.ifr_flags = IFF_UP | 0x100000;
	ioctl(so, SIOCSIFFLAGS, &ifr);
	ifr.ifr_mtu = 1400;
	ioctl(so, SIOCSIFMTU, &ifr);
	ioctl(so, SIOCGIFINDEX, (void *)8);
	ioctl(so, SIOCGIFINDEX, NULL);
	ioctl(so, FIONREAD, &n);
	ioctl(so, SIOCATMARK, &n);
	ioctl(so, FIOSETOWN, &zero);
	ioctl(so, FIOGETOWN, &n);
	ioctl(so, SIOCGPGRP, &n);
	ioctl(so, SIOCADDRT, NULL);
	ioctl(so, SIOCGSTAMP_OLD, NULL);
	close(so);

	/* file, file-system, block, loop and random-device requests on a
	 * regular file (which answers ENOTTY to the device ones) and on an
	 * invalid descriptor: no real device is ever touched */
	int f = open("ioctl.tmp", O_RDWR | O_CREAT | O_TRUNC, 0600);
	write(f, "hello", 5);
	unsigned int fl = 0;
	ioctl(f, FS_IOC_GETFLAGS, &fl);
	ioctl(-1, FS_IOC_GETFLAGS, &fl);
	fl = ~0u;
	ioctl(-1, FS_IOC_SETFLAGS, &fl);
	fl = FS_APPEND_FL | FS_NOATIME_FL;
	ioctl(-1, FS_IOC32_SETFLAGS, &fl);
	fl = 0;
	ioctl(-1, FS_IOC_SETFLAGS, &fl);
	ioctl(-1, FS_IOC_SETFLAGS, NULL);
	ioctl(-1, FS_IOC_SETFLAGS, (void *)8);
	ioctl(-1, FS_IOC32_GETFLAGS, &fl);
	ioctl(-1, FS_IOC_GETVERSION, NULL);
	struct fsxattr fx;
	memset(&fx, 0, sizeof fx);
	ioctl(f, FS_IOC_FSGETXATTR, &fx);
	memset(&fx, 0xff, sizeof fx);
	ioctl(-1, FS_IOC_FSSETXATTR, &fx);
	fx.fsx_xflags = FS_XFLAG_APPEND | FS_XFLAG_DAX;
	ioctl(-1, FS_IOC_FSSETXATTR, &fx);
	ioctl(-1, FS_IOC_FSGETXATTR, (void *)8);
	struct fstrim_range tr = {1, 2, 3};
	ioctl(-1, FITRIM, &tr);
	ioctl(-1, FITRIM, NULL);
	ioctl(-1, FICLONE, f);
	ioctl(f, FICLONE, -5);
	struct file_clone_range cr = {.src_fd = f, .src_offset = 1, .src_length = 2, .dest_offset = 3};
	ioctl(-1, FICLONERANGE, &cr);
	ioctl(-1, FICLONERANGE, (void *)8);
	union {
		struct fiemap fm;
		char b[sizeof(struct fiemap) + 2 * sizeof(struct fiemap_extent)];
	} fmu;
	memset(&fmu, 0, sizeof fmu);
	fmu.fm.fm_length = ~0ULL;
	fmu.fm.fm_flags = FIEMAP_FLAG_SYNC | 0x100;
	ioctl(-1, FS_IOC_FIEMAP, &fmu);
	fmu.fm.fm_flags = FIEMAP_FLAG_SYNC;
	ioctl(f, FS_IOC_FIEMAP, &fmu);
	ioctl(p[0], FS_IOC_FIEMAP, NULL);
	ioctl(-1, FS_IOC_GETFSLABEL, NULL);
	ioctl(-1, FS_IOC_SETFSLABEL, "label");
	uint64_t u64 = 0, range[2] = {4096, 8192};
	long l = 0;
	unsigned short us = 0;
	ioctl(f, BLKGETSIZE64, &u64);
	ioctl(f, BLKGETSIZE, &l);
	ioctl(f, BLKSSZGET, &n);
	ioctl(f, BLKPBSZGET, &n);
	ioctl(f, BLKBSZGET, &n);
	ioctl(f, BLKBSZSET, &n);
	ioctl(f, BLKROGET, &n);
	ioctl(f, BLKROSET, &zero);
	ioctl(f, BLKRAGET, &l);
	ioctl(f, BLKRASET, 256);
	ioctl(f, BLKSECTGET, &us);
	ioctl(f, BLKROTATIONAL, &us);
	ioctl(f, BLKIOMIN, &n);
	ioctl(f, BLKIOOPT, &n);
	ioctl(f, BLKALIGNOFF, &n);
	ioctl(f, BLKDISCARDZEROES, &n);
	ioctl(f, BLKGETZONESZ, &n);
	ioctl(f, BLKGETNRZONES, &n);
	ioctl(f, BLKRRPART);
	ioctl(f, BLKFLSBUF);
	ioctl(f, BLKDISCARD, range);
	ioctl(f, BLKSECDISCARD, range);
	ioctl(f, BLKZEROOUT, range);
	ioctl(f, BLKZEROOUT, NULL);
	ioctl(-1, BLKGETSIZE64, &u64);
	ioctl(f, LOOP_SET_FD, f);
	ioctl(f, LOOP_CHANGE_FD, -1);
	ioctl(f, LOOP_CLR_FD);
	ioctl(f, LOOP_SET_CAPACITY);
	ioctl(f, LOOP_SET_DIRECT_IO, 1);
	ioctl(f, LOOP_SET_BLOCK_SIZE, 4096);
	ioctl(-1, LOOP_CTL_GET_FREE);
	ioctl(-1, LOOP_CTL_ADD, 7);
	ioctl(-1, LOOP_CTL_REMOVE, -1);
	struct loop_info64 li;
	memset(&li, 0, sizeof li);
	li.lo_offset = 512;
	li.lo_number = 3;
	li.lo_flags = LO_FLAGS_AUTOCLEAR | LO_FLAGS_PARTSCAN | 0x100;
	strcpy((char *)li.lo_file_name, "disk.img");
	ioctl(f, LOOP_SET_STATUS64, &li);
	li.lo_encrypt_type = LO_CRYPT_XOR;
	li.lo_encrypt_key_size = 4;
	strcpy((char *)li.lo_encrypt_key, "secret");
	strcpy((char *)li.lo_crypt_name, "xor");
	ioctl(f, LOOP_SET_STATUS64, &li);
	memset(&li, 0xff, sizeof li);
	ioctl(f, LOOP_SET_STATUS64, &li);
	ioctl(f, LOOP_GET_STATUS64, &li);
	ioctl(f, LOOP_SET_STATUS64, (void *)8);
	struct loop_config lc;
	memset(&lc, 0, sizeof lc);
	lc.fd = f;
	lc.block_size = 4096;
	strcpy((char *)lc.info.lo_file_name, "disk.img");
	ioctl(-1, LOOP_CONFIGURE, &lc);
	lc.__reserved[7] = 9;
	ioctl(-1, LOOP_CONFIGURE, &lc);
	ioctl(f, RNDGETENTCNT, &n);
	ioctl(f, RNDADDTOENTCNT, &one);
	ioctl(f, RNDZAPENTCNT);
	ioctl(f, RNDCLEARPOOL);
	ioctl(f, RNDRESEEDCRNG);
	close(f);
	unlink("ioctl.tmp");

	/* requests strace knows by no name print as _IOC(...) */
	ioctl(p[0], 0x12345678, 0);
	ioctl(p[0], _IOR(0x99, 3, int), &n);
	ioctl(p[0], _IOW(0x99, 3, int), &n);
	ioctl(p[0], _IOWR(0x99, 3, long), &n);
	ioctl(p[0], _IO(0x99, 3), 5);
	ioctl(p[0], 0x1234, 7);
	syscall(SYS_ioctl, p[0], 0x100005421UL, &one);
	return 0;
}
