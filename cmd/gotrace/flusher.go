package main

import (
	"sync"
	"time"
)

// flushDelay is how long trace output may wait in the buffer once the
// tracer is idle: a quiet tracee's lines reach the -o file within it.
// While the tracer is busy (more than busyEvents events between two
// flushes) the delay doubles, up to maxFlushDelay, and it is back to
// flushDelay after a flush that finds the tracer was not busy.
const (
	flushDelay    = 5 * time.Millisecond
	maxFlushDelay = 80 * time.Millisecond
	busyEvents    = 256
)

// lazyFlusher writes the -o file's buffer from its own goroutine, a little
// after the tracer went to wait for the next stop, instead of the tracer
// flushing each time it is about to wait.
//
// Chosen for speed: with tracer and tracee on one CPU the tracer is about
// to wait at nearly every stop (the tracee has not run yet), so flushing
// there cost one write(2) per line or two. Now a busy tracee pays one
// write per full buffer or per delay, and a quiet one still sees its
// lines in the file within flushDelay (within maxFlushDelay right after
// a busy stretch). The price per stop is an
// uncontended mutex lock and unlock; the goroutine is woken once per flush,
// never per stop. A flush costs more than its write: it wakes an idle
// thread of the Go runtime, which then looks for work for a while, on the
// CPU that tracer and tracee share when pinned; the pipe loop ran 4-5%
// faster with no flush at all than with one each 5 ms. Hence the delay
// grows while the tracer is busy, and the loop lets the flusher in only
// before a wait that may sleep (session.BeforeWait).
//
// The tracer's goroutine holds mu from the first event it handles after a
// wait until it is about to wait again, so the flusher only ever writes
// while the loop is blocked in wait4.
type lazyFlusher struct {
	mu      sync.Mutex
	held    bool // the loop holds mu (only the loop reads or writes it)
	armed   bool // a flush is scheduled (under mu)
	events  int  // events handled since the last flush (under mu)
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
	delay := flushDelay
	for range l.kick {
		time.Sleep(delay)
		l.mu.Lock()
		if l.armed {
			l.armed = false
			l.flush()
			delay = nextFlushDelay(delay, l.events)
			l.events = 0
		}
		l.mu.Unlock()
	}
}

// nextFlushDelay is the delay before the flush after one that waited
// delay and found events handled since the flush before it.
func nextFlushDelay(delay time.Duration, events int) time.Duration {
	if events <= busyEvents {
		return flushDelay
	}
	return min(2*delay, maxFlushDelay)
}

// hold is called by the loop before it handles an event.
func (l *lazyFlusher) hold() {
	if !l.held {
		l.mu.Lock()
		l.held = true
	}
	l.events++
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
