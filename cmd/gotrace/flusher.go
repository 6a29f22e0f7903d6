package main

import (
	"sync"
	"time"
)

// flushDelay is how long trace output may wait in the buffer once the
// tracer is idle: a quiet tracee's lines reach the -o file within it.
const flushDelay = 5 * time.Millisecond

// lazyFlusher writes the -o file's buffer from its own goroutine, a little
// after the tracer went to wait for the next stop, instead of the tracer
// flushing each time it is about to wait.
//
// Chosen for speed: with tracer and tracee on one CPU the tracer is about
// to wait at nearly every stop (the tracee has not run yet), so flushing
// there cost one write(2) per line or two. Now a busy tracee pays one
// write per flushDelay (or per full buffer), and a quiet one still sees its
// lines in the file within flushDelay. The price per stop is an
// uncontended mutex lock and unlock; the goroutine is woken once per flush,
// never per stop.
//
// The tracer's goroutine holds mu from the first event it handles after a
// wait until it is about to wait again, so the flusher only ever writes
// while the loop is blocked in wait4.
type lazyFlusher struct {
	mu      sync.Mutex
	held    bool // the loop holds mu (only the loop reads or writes it)
	armed   bool // a flush is scheduled (under mu)
	kick    chan struct{}
	flush   func()
	pending func() bool
}

func startLazyFlusher(flush func(), pending func() bool) *lazyFlusher {
	l := &lazyFlusher{kick: make(chan struct{}, 1), flush: flush, pending: pending}
	go l.run()
	return l
}

func (l *lazyFlusher) run() {
	for range l.kick {
		time.Sleep(flushDelay)
		l.mu.Lock()
		if l.armed {
			l.armed = false
			l.flush()
		}
		l.mu.Unlock()
	}
}

// hold is called by the loop before it touches the output.
func (l *lazyFlusher) hold() {
	if !l.held {
		l.mu.Lock()
		l.held = true
	}
}

// release is called by the loop when it is about to wait: output left in
// the buffer is scheduled for a flush.
func (l *lazyFlusher) release() {
	if !l.held {
		return
	}
	if !l.armed && l.pending() {
		l.armed = true
		select {
		case l.kick <- struct{}{}:
		default:
		}
	}
	l.held = false
	l.mu.Unlock()
}

// stop ends the goroutine (without waiting for it: disarmed, it writes
// nothing more); the caller flushes what is left. Called by the loop's
// goroutine once the loop is over.
func (l *lazyFlusher) stop() {
	l.hold()
	l.armed = false
	close(l.kick)
	l.held = false
	l.mu.Unlock()
}
