package main

// -ff (--output-separately) with -o FILE: strace writes one file per traced
// thread, FILE.TID, each a single-thread trace (no pid prefix, no
// "<unfinished ...>" cuts between threads). A process's main thread writes
// FILE.PID; the files of its other threads are FILE.TID. A non-leader execve
// hands the leader's file over to the thread that exec'd.

import (
	"fmt"
	"io"
	"os"
	"strconv"

	"github.com/gotrace/gotrace/format"
	"golang.org/x/sys/unix"
)

// perPidBufSize is each file's buffer: smaller than the shared one, as a
// server may have hundreds of threads.
const perPidBufSize = 8 << 10

// sepFiles owns the per-thread files.
type sepFiles struct {
	base   string
	append bool
	opts   format.PrinterOptions
	files  map[*format.Printer]*os.File
	msgs   io.Writer
}

func newSepFiles(base string, appendMode bool, opts format.PrinterOptions, msgs io.Writer) *sepFiles {
	opts.Prefix = format.NoPrefix
	return &sepFiles{base: base, append: appendMode, opts: opts, files: make(map[*format.Printer]*os.File), msgs: msgs}
}

// open creates FILE.TID and a printer writing to it. A file that cannot be
// created is reported once and its thread's trace is dropped.
func (pp *sepFiles) open(tid int) *format.Printer {
	name := pp.base + "." + strconv.Itoa(tid)
	flags := os.O_WRONLY | os.O_CREATE | os.O_TRUNC | unix.O_CLOEXEC
	if pp.append {
		flags = os.O_WRONLY | os.O_CREATE | os.O_APPEND | unix.O_CLOEXEC
	}
	f, err := os.OpenFile(name, flags, 0o666)
	if err != nil {
		fmt.Fprintf(pp.msgs, "gotrace: Can't fopen '%s': %s\n", name, errnoText(err))
		return format.NewPrinter(io.Discard, 256, pp.opts)
	}
	p := format.NewPrinter(f, perPidBufSize, pp.opts)
	pp.files[p] = f
	return p
}

// close flushes and closes a thread's file (when the thread is gone).
func (pp *sepFiles) close(p *format.Printer) error {
	f, ok := pp.files[p]
	if !ok {
		return nil
	}
	delete(pp.files, p)
	err := p.Flush()
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}

// flush writes out every file's buffer; it returns the first error.
func (pp *sepFiles) flush() error {
	var first error
	for p := range pp.files {
		if err := p.Flush(); err != nil && first == nil {
			first = err
		}
	}
	return first
}

// closeAll closes every file still open.
func (pp *sepFiles) closeAll() error {
	var first error
	for p := range pp.files {
		if err := pp.close(p); err != nil && first == nil {
			first = err
		}
	}
	return first
}
