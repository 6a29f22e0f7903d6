// Command gotrace is an strace-compatible system-call tracer for Linux on
// amd64. See README.md for usage.
package main

import "os"

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}
