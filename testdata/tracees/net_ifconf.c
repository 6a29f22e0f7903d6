/* net_ifconf: SIOCGIFCONF asking for the size (NULL buffer), filling a
 * buffer large enough, one too small for every interface, one not a whole
 * number of struct ifreq, an unreadable buffer, an unreadable structure;
 * and SIOCADDMULTI, SIOCDELMULTI and SIOCSIFHWBROADCAST on an interface
 * that does not exist (they fail with ENODEV: nothing is changed). */
#include <net/if.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <unistd.h>

int main(void)
{
	int s = socket(AF_INET, SOCK_DGRAM, 0);
	if (s < 0)
		return 1;
	struct ifreq reqs[16];
	struct ifconf ic;
	memset(reqs, 0, sizeof reqs);
	ic.ifc_len = 0;
	ic.ifc_buf = NULL;
	ioctl(s, SIOCGIFCONF, &ic);
	ic.ifc_len = sizeof reqs;
	ic.ifc_req = reqs;
	ioctl(s, SIOCGIFCONF, &ic);
	ic.ifc_len = sizeof reqs[0];
	ic.ifc_req = reqs;
	ioctl(s, SIOCGIFCONF, &ic);
	ic.ifc_len = sizeof reqs[0] + 10;
	ic.ifc_req = reqs;
	ioctl(s, SIOCGIFCONF, &ic);
	ic.ifc_len = sizeof reqs;
	ic.ifc_buf = (char *)8;
	ioctl(s, SIOCGIFCONF, &ic);
	ioctl(s, SIOCGIFCONF, (void *)8);

	struct ifreq m;
	memset(&m, 0, sizeof m);
	strcpy(m.ifr_name, "nosuch0");
	m.ifr_hwaddr.sa_family = AF_UNSPEC;
	memcpy(m.ifr_hwaddr.sa_data, "\x01\x00\x5e\x00\x00\x01", 6);
	ioctl(s, SIOCADDMULTI, &m);
	ioctl(s, SIOCDELMULTI, &m);
	m.ifr_hwaddr.sa_family = 1; /* ARPHRD_ETHER */
	memcpy(m.ifr_hwaddr.sa_data, "\xff\xff\xff\xff\xff\xff", 6);
	ioctl(s, SIOCSIFHWBROADCAST, &m);
	ioctl(s, SIOCADDMULTI, (void *)8);
	close(s);
	return 0;
}
