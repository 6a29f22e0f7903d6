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
