package main

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestNextFlushDelay: the flush delay doubles while the tracer is busy,
// stops at maxFlushDelay, and is back to flushDelay after a quiet spell.
func TestNextFlushDelay(t *testing.T) {
	d := flushDelay
	var seen []int
	for i := 0; i < 8; i++ {
		d = nextFlushDelay(d, busyEvents+1)
		seen = append(seen, int(d/flushDelay))
	}
	assert.Equal(t, []int{2, 4, 8, 16, 16, 16, 16, 16}, seen)
	assert.Equal(t, flushDelay, nextFlushDelay(d, busyEvents))
	assert.Equal(t, flushDelay, nextFlushDelay(flushDelay, 0))
}
