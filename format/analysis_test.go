package format

import (
	"math/rand"
	"sort"
	"strings"
	"testing"
	"time"
)

// TestHistogramQuantiles: known latencies, quantiles within HistogramError.
func TestHistogramQuantiles(t *testing.T) {
	var h Histogram
	var all []time.Duration
	r := rand.New(rand.NewSource(1))
	for i := 0; i < 100000; i++ {
		// a log-normal-ish spread from 1µs to ~100ms
		d := time.Duration(float64(time.Microsecond) * (1 + r.ExpFloat64()*r.ExpFloat64()*300))
		h.Add(d)
		all = append(all, d)
	}
	sort.Slice(all, func(i, j int) bool { return all[i] < all[j] })
	for _, q := range []float64{0.5, 0.9, 0.99, 0.999} {
		want := all[int(q*float64(len(all)))-1]
		got := h.Quantile(q)
		if err := float64(got-want) / float64(want); err > HistogramError || err < -HistogramError {
			t.Errorf("p%g: got %v, want %v (error %.4f > %.4f)", q*100, got, want, err, HistogramError)
		}
	}
	if h.Quantile(1) != all[len(all)-1] || h.Max() != all[len(all)-1] || h.Min() != all[0] {
		t.Errorf("max/min not exact")
	}
	// exact small values, and an exactly known median
	var s Histogram
	for _, v := range []time.Duration{10, 20, 30, 40, 50} {
		s.Add(v)
	}
	if s.Quantile(0.5) != 30 || s.Quantile(0.99) != 50 {
		t.Errorf("small: p50 %v p99 %v", s.Quantile(0.5), s.Quantile(0.99))
	}
	// memory is bounded whatever the count
	var b Histogram
	for i := 0; i < 1000000; i++ {
		b.Add(time.Duration(i) * time.Microsecond)
	}
	if len(b.counts) > 64*60 {
		t.Errorf("%d buckets", len(b.counts))
	}
	var m Histogram
	m.Merge(&s)
	m.Merge(&h)
	if m.Count() != s.Count()+h.Count() {
		t.Errorf("merge count")
	}
}

func TestWriteSummary(t *testing.T) {
	rows := []SummaryRow{
		{Name: "read", Calls: 3, Time: 1500 * time.Microsecond, Min: 100 * time.Microsecond, Max: time.Millisecond},
		{Name: "openat", Calls: 5, Errors: 1, Time: 500 * time.Microsecond},
	}
	SortRows(rows, ColPercent)
	got := string(WriteSummary(nil, rows, DefaultColumns))
	want := `% time     seconds  usecs/call     calls    errors syscall
------ ----------- ----------- --------- --------- ----------------
 75.00    0.001500         500         3           read
 25.00    0.000500         100         5         1 openat
------ ----------- ----------- --------- --------- ----------------
100.00    0.002000         250         8         1 total
`
	if got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
	cols, err := ParseColumns("calls,max,p99")
	if err != nil || len(cols) != 4 || cols[3] != ColName {
		t.Fatalf("ParseColumns: %v %v", cols, err)
	}
	if _, err := ParseColumns("calls,count"); err == nil || !strings.Contains(err.Error(), "more than once") {
		t.Errorf("duplicate column: %v", err)
	}
}

func TestAppendDump(t *testing.T) {
	got := string(AppendDump(nil, []byte("hello, world\n"), 0, 5))
	want := " | 00000  68 65 6c 6c 6f 2c 20 77  6f 72 6c 64 0a           hello, world.    |\n"
	if got != want {
		t.Errorf("got  %q\nwant %q", got, want)
	}
	if DumpOffsetWidth(1<<20) != 5 || DumpOffsetWidth(1<<20+1) != 6 {
		t.Errorf("offset width")
	}
}

func TestStraceValue(t *testing.T) {
	for text, want := range map[string]string{
		`3</etc/passwd>`:                         `{"fd":3,"path":"/etc/passwd"}`,
		`AT_FDCWD</tmp>`:                         `{"fd":"AT_FDCWD","path":"/tmp"}`,
		`5<TCP:[1.2.3.4:5->6.7.8.9:10]>`:         `{"fd":5,"path":"TCP:[1.2.3.4:5->6.7.8.9:10]"}`,
		`O_RDONLY|O_CLOEXEC|0x8`:                 `["O_RDONLY","O_CLOEXEC",8]`,
		`"a\nb\0\377"...`:                        `"a\nb\u0000\u00ff"`,
		`NULL`:                                   `null`,
		`0755`:                                   `493`,
		`-1`:                                     `-1`,
		`{st_mode=S_IFREG|0644, st_size=3, ...}`: `{"st_mode":["S_IFREG",420],"st_size":3,"...":true}`,
		`~[HUP INT]`:                             `{"not":["HUP","INT"]}`,
		`makedev(0x1, 0x3)`:                      `{"makedev":[1,3]}`,
		`0x7ffd /* 3 vars */`:                    `32765`,
	} {
		got, ok := AppendStraceValue(nil, []byte(text))
		if !ok || string(got) != want {
			t.Errorf("%s: got %s (%v), want %s", text, got, ok, want)
		}
	}
	if _, ok := AppendStraceValue(nil, []byte(`{a=`)); ok {
		t.Errorf("bad text parsed")
	}
}
