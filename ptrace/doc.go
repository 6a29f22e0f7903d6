// Package ptrace is gotrace's tracing engine: it starts or attaches to
// tracees, runs the single wait loop, classifies every stop and hands each
// one to a Handler as an Event. It knows nothing about decoding: the handler
// reads tracee memory through Tracer.ReadMem and decides what to print.
//
// Every ptrace request is made from one goroutine locked to its OS thread
// (Tracer.Run), because the kernel binds a tracee to the thread that attached
// it. Other goroutines talk to the loop only through Tracer.Detach.
//
// Errors carry the operation and the pid and unwrap to the errno, so
// errors.Is(err, unix.ESRCH) tells a thread that vanished (a normal event).
package ptrace
