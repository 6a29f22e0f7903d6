// Package format is gotrace's text layer: strace's string quoting and -s
// truncation, -x/-xx, flag and value sets with the -X styles, and the
// Printer that assembles lines (prefixes, timestamps, padding to the return
// column, -T, <unfinished ...>/<... resumed>). It uses the standard library
// only and knows nothing of ptrace or syscall numbers.
package format
