/* gotbench's gate for the attached rows: waits for one byte on stdin, then
 * executes argv[1..]. The driver starts it, attaches the tracer to its pid,
 * and opens the gate once the tracer said it attached, so the workload
 * runs traced from its execve and its time is measured from the gate's
 * opening to its exit. Not a workload. */
#include <unistd.h>

int main(int argc, char **argv)
{
	char c;
	if (argc < 2 || read(0, &c, 1) != 1)
		return 2;
	execvp(argv[1], argv + 1);
	return 127;
}
