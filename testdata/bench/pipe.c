/* Benchmark workload: small-string I/O, write 16 bytes to a pipe and read
 * them back, N times. */
#include <stdlib.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	long n = argc > 1 ? atol(argv[1]) : 100000;
	int p[2];
	char buf[64];
	if (pipe(p) < 0)
		return 1;
	for (long i = 0; i < n; i++) {
		if (write(p[1], "hello, gotrace!\n", 16) != 16)
			return 1;
		if (read(p[0], buf, sizeof buf) != 16)
			return 1;
	}
	return 0;
}
