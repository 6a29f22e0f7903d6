/* net_hwaddr: SIOCGIFHWADDR on lo (whose hardware address is zeros on
 * any machine), on an interface that does not exist, on a bad pointer,
 * and SIOCSIFHWADDR on an interface that does not exist (it fails with
 * ENODEV: nothing is changed). The differential also pokes other
 * hardware types into the first call's result (diff_core_test.go). */
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
	struct ifreq r;
	memset(&r, 0, sizeof r);
	strcpy(r.ifr_name, "lo");
	ioctl(s, SIOCGIFHWADDR, &r);
	strcpy(r.ifr_name, "nosuch0");
	ioctl(s, SIOCGIFHWADDR, &r);
	ioctl(s, SIOCGIFHWADDR, (void *)8);
	memset(&r, 0, sizeof r);
	strcpy(r.ifr_name, "nosuch0");
	r.ifr_hwaddr.sa_family = 1; /* ARPHRD_ETHER */
	memcpy(r.ifr_hwaddr.sa_data, "\x02\x42\xac\x11\x00\x02\x01\x02", 8);
	ioctl(s, SIOCSIFHWADDR, &r);
	close(s);
	return 0;
}
