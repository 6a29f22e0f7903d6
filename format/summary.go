package format

import (
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"
	"time"
)

// SummaryColumn is one column of the -c table.
type SummaryColumn uint8

// The columns of strace's -U, then gotrace's latency quantiles.
const (
	ColNone    SummaryColumn = iota
	ColPercent               // "% time": share of the total time
	ColTotal                 // "seconds": total time
	ColMin                   // "shortest"
	ColMax                   // "longest"
	ColAvg                   // "usecs/call"
	ColCalls                 // "calls"
	ColErrors                // "errors"
	ColName                  // "syscall"
	ColP50                   // "p50" (histogram, gotrace only)
	ColP90                   // "p90"
	ColP99                   // "p99"
)

// columnNames are the -U and -S spellings strace accepts, then gotrace's.
var columnNames = []struct {
	name string
	col  SummaryColumn
}{
	{"time", ColPercent}, {"time_percent", ColPercent}, {"time-percent", ColPercent},
	{"time_total", ColTotal}, {"time-total", ColTotal}, {"total_time", ColTotal}, {"total-time", ColTotal},
	{"min_time", ColMin}, {"min-time", ColMin}, {"shortest", ColMin}, {"time_min", ColMin}, {"time-min", ColMin},
	{"longest", ColMax}, {"max_time", ColMax}, {"max-time", ColMax}, {"time_max", ColMax}, {"time-max", ColMax},
	{"avg_time", ColAvg}, {"avg-time", ColAvg}, {"time_avg", ColAvg}, {"time-avg", ColAvg},
	{"calls", ColCalls}, {"count", ColCalls},
	{"error", ColErrors}, {"errors", ColErrors},
	{"name", ColName}, {"syscall", ColName}, {"syscall_name", ColName}, {"syscall-name", ColName},
	{"none", ColNone}, {"nothing", ColNone},
	// gotrace: latency quantiles, and "max" for the longest call.
	{"p50", ColP50}, {"p90", ColP90}, {"p99", ColP99}, {"max", ColMax},
}

func lookupColumn(s string) (SummaryColumn, bool) {
	for _, c := range columnNames {
		if c.name == s {
			return c.col, true
		}
	}
	return 0, false
}

// DefaultColumns is strace's default -U.
var DefaultColumns = []SummaryColumn{ColPercent, ColTotal, ColAvg, ColCalls, ColErrors, ColName}

// ParseColumns reads a -U list as strace does: known names in order, each
// once; the name column is added last when missing. Errors carry strace's
// wording.
func ParseColumns(s string) ([]SummaryColumn, error) {
	var cols []SummaryColumn
	seen := map[SummaryColumn]bool{}
	rest := s
	for {
		item := rest
		i := strings.IndexByte(rest, ',')
		if i >= 0 {
			item = rest[:i]
		}
		c, ok := lookupColumn(item)
		if !ok || c == ColNone {
			return nil, fmt.Errorf("unknown column name: '%s'", item)
		}
		if seen[c] {
			return nil, fmt.Errorf("call summary column has been provided more than once: '%s' (-U option residual: '%s')", item, rest)
		}
		seen[c] = true
		cols = append(cols, c)
		if i < 0 {
			break
		}
		rest = rest[i+1:]
	}
	if !seen[ColName] {
		cols = append(cols, ColName)
	}
	return cols, nil
}

// ParseSortBy reads -S. ColNone means no sorting (syscall number order).
func ParseSortBy(s string) (SummaryColumn, error) {
	c, ok := lookupColumn(s)
	if !ok {
		return 0, fmt.Errorf("invalid sortby: '%s'", s)
	}
	return c, nil
}

// NeedsHistogram says whether the columns or the sort key use quantiles.
func NeedsHistogram(cols []SummaryColumn, sortBy SummaryColumn) bool {
	for _, c := range append(cols, sortBy) {
		if c >= ColP50 {
			return true
		}
	}
	return false
}

// SummaryRow is one line of the table: a syscall's (or a group's) counts.
type SummaryRow struct {
	Name           string
	Calls, Errors  uint64
	Time, Min, Max time.Duration
	Hist           *Histogram // for the quantile columns; may be nil
}

// Add counts one call of duration d into the row.
func (r *SummaryRow) Add(d time.Duration, failed bool, hist bool) {
	if d < 0 {
		d = 0
	}
	if r.Calls == 0 || d < r.Min {
		r.Min = d
	}
	if d > r.Max {
		r.Max = d
	}
	r.Calls++
	if failed {
		r.Errors++
	}
	r.Time += d
	if hist {
		if r.Hist == nil {
			r.Hist = &Histogram{}
		}
		r.Hist.Add(d)
	}
}

// secs is a duration as C's double seconds (tv_sec + tv_nsec/1e9).
func secs(d time.Duration) float64 {
	return float64(d/time.Second) + float64(d%time.Second)/1e9
}

// avg is strace's rounded per-call average of a total.
func avg(total time.Duration, n uint64) time.Duration {
	if n == 0 {
		return 0
	}
	sec, nsec := uint64(total/time.Second), uint64(total%time.Second)
	ns := (sec%n*1e9 + nsec + n/2) / n
	return time.Duration((sec/n+ns/1e9)*1e9 + ns%1e9)
}

// usecs is the whole microseconds of d, as strace truncates them.
func usecs(d time.Duration) uint64 { return uint64(secs(d) * 1e6) }

func (r *SummaryRow) quantile(c SummaryColumn) time.Duration {
	if r.Hist == nil {
		return 0
	}
	switch c {
	case ColP50:
		return r.Hist.Quantile(0.50)
	case ColP90:
		return r.Hist.Quantile(0.90)
	default:
		return r.Hist.Quantile(0.99)
	}
}

// SortRows orders rows as strace's -S does: descending by the key (by name
// ascending), ties kept in the given order; ColNone leaves them as given.
func SortRows(rows []SummaryRow, by SummaryColumn) {
	key := func(r *SummaryRow) time.Duration {
		switch by {
		case ColMin:
			return r.Min
		case ColMax:
			return r.Max
		case ColAvg:
			return avg(r.Time, r.Calls)
		case ColP50, ColP90, ColP99:
			return r.quantile(by)
		}
		return r.Time
	}
	switch by {
	case ColNone:
	case ColName:
		sort.SliceStable(rows, func(i, j int) bool { return rows[i].Name < rows[j].Name })
	case ColCalls:
		sort.SliceStable(rows, func(i, j int) bool { return rows[i].Calls > rows[j].Calls })
	case ColErrors:
		sort.SliceStable(rows, func(i, j int) bool { return rows[i].Errors > rows[j].Errors })
	default:
		sort.SliceStable(rows, func(i, j int) bool { return key(&rows[i]) > key(&rows[j]) })
	}
}

// columnHeads are the headers and minimal widths (strace's historical
// sizes for some).
var columnHeads = [...]struct {
	head  string
	width int
}{
	ColPercent: {"% time", 6},
	ColTotal:   {"seconds", 11},
	ColMin:     {"shortest", 8},
	ColMax:     {"longest", 7},
	ColAvg:     {"usecs/call", 11},
	ColCalls:   {"calls", 9},
	ColErrors:  {"errors", 9},
	ColName:    {"syscall", 16},
	ColP50:     {"p50", 8},
	ColP90:     {"p90", 8},
	ColP99:     {"p99", 8},
}

// WriteSummary appends strace's -c table for rows (already sorted) with the
// given columns: header, divider, one line per row with calls, the divider
// again and the total line.
func WriteSummary(dst []byte, rows []SummaryRow, cols []SummaryColumn) []byte {
	var total SummaryRow
	total.Name = "total"
	var minMax, maxAvg, maxQ time.Duration
	nameMax := 0
	first := true
	for i := range rows {
		r := &rows[i]
		if r.Calls == 0 {
			continue
		}
		total.Time += r.Time
		total.Calls += r.Calls
		total.Errors += r.Errors
		if first || r.Min < total.Min {
			total.Min = r.Min
		}
		first = false
		if r.Min > minMax {
			minMax = r.Min
		}
		if r.Max > total.Max {
			total.Max = r.Max
		}
		if a := avg(r.Time, r.Calls); a > maxAvg {
			maxAvg = a
		}
		if r.Hist != nil {
			if total.Hist == nil {
				total.Hist = &Histogram{}
			}
			total.Hist.Merge(r.Hist)
			for _, c := range []SummaryColumn{ColP50, ColP90, ColP99} {
				if q := r.quantile(c); q > maxQ {
					maxQ = q
				}
			}
		}
		if len(r.Name) > nameMax {
			nameMax = len(r.Name)
		}
	}
	if first {
		total.Min = time.Duration(math.MaxInt64)
	}
	totalSecs := secs(total.Time)
	width := func(c SummaryColumn) int {
		w := columnHeads[c].width
		n := 0
		switch c {
		case ColTotal:
			n = len(strconv.FormatFloat(totalSecs, 'f', 6, 64))
		case ColMin:
			n = len(strconv.FormatInt(int64(minMax/time.Second), 10)) + 7
		case ColMax:
			n = len(strconv.FormatInt(int64(total.Max/time.Second), 10)) + 7
		case ColAvg:
			n = len(strconv.FormatUint(usecs(maxAvg), 10))
		case ColCalls:
			n = len(strconv.FormatUint(total.Calls, 10))
		case ColErrors:
			n = len(strconv.FormatUint(total.Errors, 10))
		case ColName:
			n = nameMax + 1
		case ColP50, ColP90, ColP99:
			n = len(strconv.FormatInt(int64(maxQ/time.Second), 10)) + 7
		}
		if n > w {
			w = n
		}
		return w
	}
	widths := make([]int, len(cols))
	for i, c := range cols {
		widths[i] = width(c)
	}
	last := len(cols) - 1
	pad := func(dst []byte, s string, w int, left bool) []byte {
		if left {
			dst = append(dst, s...)
		}
		for i := len(s); i < w; i++ {
			dst = append(dst, ' ')
		}
		if !left {
			dst = append(dst, s...)
		}
		return dst
	}
	// header
	for i, c := range cols {
		if i > 0 {
			dst = append(dst, ' ')
		}
		if c == ColName && i == last {
			dst = append(dst, columnHeads[c].head...)
		} else {
			dst = pad(dst, columnHeads[c].head, widths[i], c == ColName)
		}
	}
	dst = append(dst, '\n')
	divider := func(dst []byte) []byte {
		for i := range cols {
			if i > 0 {
				dst = append(dst, ' ')
			}
			for j := 0; j < widths[i]; j++ {
				dst = append(dst, '-')
			}
		}
		return append(dst, '\n')
	}
	dst = divider(dst)
	line := func(dst []byte, r *SummaryRow, percent float64, avgUs uint64) []byte {
		for i, c := range cols {
			if i > 0 {
				dst = append(dst, ' ')
			}
			var s string
			switch c {
			case ColPercent:
				s = strconv.FormatFloat(percent, 'f', 2, 64)
			case ColTotal:
				s = strconv.FormatFloat(secs(r.Time), 'f', 6, 64)
			case ColMin:
				s = strconv.FormatFloat(secs(r.Min), 'f', 6, 64)
			case ColMax:
				s = strconv.FormatFloat(secs(r.Max), 'f', 6, 64)
			case ColAvg:
				s = strconv.FormatUint(avgUs, 10)
			case ColCalls:
				s = strconv.FormatUint(r.Calls, 10)
			case ColErrors:
				if r.Errors != 0 { // strace's "%.0u": blank for zero
					s = strconv.FormatUint(r.Errors, 10)
				}
			case ColName:
				if i == last {
					dst = append(dst, r.Name...)
					continue
				}
				dst = pad(dst, r.Name, widths[i], true)
				continue
			case ColP50, ColP90, ColP99:
				s = strconv.FormatFloat(secs(r.quantile(c)), 'f', 6, 64)
			}
			dst = pad(dst, s, widths[i], false)
		}
		return append(dst, '\n')
	}
	for i := range rows {
		r := &rows[i]
		if r.Calls == 0 {
			continue
		}
		percent := 100 * secs(r.Time)
		if percent != 0 {
			percent /= totalSecs
		}
		dst = line(dst, r, percent, usecs(avg(r.Time, r.Calls)))
	}
	dst = divider(dst)
	var totAvg uint64
	if total.Calls > 0 {
		totAvg = uint64(totalSecs / float64(total.Calls) * 1e6)
	}
	if first {
		total.Min = time.Duration(math.MaxInt64)
	}
	return line(dst, &total, 100, totAvg)
}
