// Command gotrace is an strace-compatible system-call tracer for Linux on
// amd64. See README.md for usage.
package main

import (
	"os"
	"runtime"
)

// The main goroutine stays on the process's main thread: with -D, that
// thread execs the command once the tracer has seized it (its tid is the
// pid the tracer seizes; see ptrace.ExecTraced).
func init() { runtime.LockOSThread() }

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}
