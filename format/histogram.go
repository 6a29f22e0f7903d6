package format

import (
	"math/bits"
	"time"
)

// histSubBits sets the histogram's resolution: every power of two is split
// into 2^histSubBits equal buckets, so a bucket's width is at most
// 1/2^histSubBits of its lower bound.
const histSubBits = 6

const histSub = 1 << histSubBits

// HistogramError is the largest relative error of a Histogram's quantile:
// it answers with the middle of the bucket that holds the value, and a
// bucket spans at most 1/64 of its lower bound, so the answer is within
// half of that, 1/128 (0.79%), of the true value — or exact below 64ns.
const HistogramError = 1.0 / (2 * histSub)

// Histogram counts durations in log-linear buckets (exact below 64ns, then
// 64 buckets per power of two), for latency quantiles in bounded memory:
// at most 64 × 59 counters whatever the number of calls, grown as larger
// values arrive. The zero value is empty and ready to use.
type Histogram struct {
	counts   []uint64
	n        uint64
	min, max time.Duration
}

// histIndex is the bucket of v (nanoseconds).
func histIndex(v uint64) int {
	if v < histSub {
		return int(v)
	}
	e := bits.Len64(v) - histSubBits - 1 // v >> e is in [histSub, 2*histSub)
	return (e+1)*histSub + int(v>>uint(e)) - histSub
}

// histBounds is bucket i's range [lo, hi).
func histBounds(i int) (lo, hi uint64) {
	if i < histSub {
		return uint64(i), uint64(i) + 1
	}
	e := i/histSub - 1
	m := uint64(i%histSub + histSub)
	return m << uint(e), (m + 1) << uint(e)
}

// Add counts one duration (negative ones as zero).
func (h *Histogram) Add(d time.Duration) {
	if d < 0 {
		d = 0
	}
	i := histIndex(uint64(d))
	if i >= len(h.counts) {
		n := make([]uint64, i+1+histSub)
		copy(n, h.counts)
		h.counts = n
	}
	h.counts[i]++
	if h.n == 0 || d < h.min {
		h.min = d
	}
	if d > h.max {
		h.max = d
	}
	h.n++
}

// Merge adds o's counts to h.
func (h *Histogram) Merge(o *Histogram) {
	if o == nil || o.n == 0 {
		return
	}
	if len(o.counts) > len(h.counts) {
		n := make([]uint64, len(o.counts))
		copy(n, h.counts)
		h.counts = n
	}
	for i, c := range o.counts {
		h.counts[i] += c
	}
	if h.n == 0 || o.min < h.min {
		h.min = o.min
	}
	if o.max > h.max {
		h.max = o.max
	}
	h.n += o.n
}

// Count is the number of durations added.
func (h *Histogram) Count() uint64 { return h.n }

// Max is the largest duration added, exactly.
func (h *Histogram) Max() time.Duration { return h.max }

// Min is the smallest duration added, exactly.
func (h *Histogram) Min() time.Duration { return h.min }

// Quantile returns the q-quantile (0 < q ≤ 1: 0.5 is the median) within
// HistogramError: the middle of the bucket holding the ceil(q·n)-th
// smallest duration, clamped to the exact minimum and maximum. It is 0 for
// an empty histogram.
func (h *Histogram) Quantile(q float64) time.Duration {
	if h.n == 0 {
		return 0
	}
	if q >= 1 {
		return h.max
	}
	rank := uint64(q * float64(h.n))
	if float64(rank) < q*float64(h.n) {
		rank++
	}
	if rank == 0 {
		rank = 1
	}
	var seen uint64
	for i, c := range h.counts {
		seen += c
		if seen >= rank {
			lo, hi := histBounds(i)
			v := time.Duration(lo + (hi-lo-1)/2)
			if hi-lo == 1 {
				v = time.Duration(lo)
			}
			if v < h.min {
				v = h.min
			}
			if v > h.max {
				v = h.max
			}
			return v
		}
	}
	return h.max
}
