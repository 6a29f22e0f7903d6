// Command gotbench measures what tracing costs: it builds gotrace and the
// workloads in testdata/bench, runs each workload untraced, under
// /usr/bin/strace and under gotrace with the same flags, interleaved
// (A B A B …, the order swapped every repetition), and prints medians,
// min–max, the paired ratios gotrace/strace and gotrace/untraced, and the
// tracers' peak RSS.
//
// Every run is pinned to CPU 0 with taskset: unpinned, each ptrace stop
// wakes an idle CPU, which on small machines costs tens of microseconds and
// makes figures swing with background load. In -nginx mode, nginx and the
// tracers run on CPU 0 and the load generator (wrk) on CPU 1.
//
// Run it from the repository root: make bench, make bench-nginx.
package main

import (
	"bufio"
	"bytes"
	"flag"
	"fmt"
	"io"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"syscall"
	"time"
)

var (
	reps     = flag.Int("n", 3, "repetitions of every cell")
	scale    = flag.Float64("scale", 1, "multiply every workload's iteration count")
	only     = flag.String("only", "", "comma-separated workloads to run (default all)")
	groups   = flag.String("groups", "", "comma-separated flag groups to run: full,tt,c,net,attach,attach-net (default all)")
	strace   = flag.String("strace", "/usr/bin/strace", "the reference strace")
	nginxArg = flag.Bool("nginx", false, "run the nginx benchmark instead of the workloads")
	nginxDur = flag.Duration("duration", 4*time.Second, "nginx: load duration of each run")
	verbose  = flag.Bool("v", false, "print every run")
)

// workload is one program of testdata/bench with its iteration counts: n
// for the groups that stop at every syscall, nFilt for the filtered group
// (few stops), sized so the untraced run is long enough to compare with.
type workload struct {
	name      string
	n, nFilt  int
	extraArgs []string
	fewNet    bool // few network calls: the filtered group's target applies
}

var workloads = []workload{
	{name: "getppid", n: 40000, nFilt: 1500000, fewNet: true},
	{name: "pipe", n: 20000, nFilt: 400000, fewNet: true},
	{name: "tcp", n: 5000, nFilt: 5000},
	{name: "mixed", n: 6000, nFilt: 100000, fewNet: true},
	{name: "threads", n: 40000, nFilt: 1500000, fewNet: true},
}

// group is one set of tracer flags, the same for both tracers.
type group struct {
	key    string
	flags  []string
	strace []string // strace's flags when they differ
	filt   bool     // a filtered group: nFilt iterations
	attach bool     // the tracer attaches (-p) to the running workload
}

var allGroups = []group{
	{key: "full", flags: []string{"-f"}},
	{key: "tt", flags: []string{"-f", "-tt", "-T"}},
	{key: "c", flags: []string{"-f", "-c"}},
	// strace's seccomp filter is opt-in; gotrace's is on by default. Both
	// are compared with the untraced run (the target) and with each
	// other.
	{key: "net", flags: []string{"-f", "-e", "trace=network"}, strace: []string{"-f", "--seccomp-bpf", "-e", "trace=network"}, filt: true},
	// Attached (-p): no seccomp filter for either tracer, every syscall
	// stops twice. Timed from the gate's opening (gate.c) to the exits.
	{key: "attach", flags: []string{"-f"}, attach: true},
	{key: "attach-net", flags: []string{"-f", "-e", "trace=network"}, attach: true},
}

// sample is one timed run.
type sample struct {
	wall time.Duration
	rss  int64 // KiB
	err  error
}

type cell struct{ s []sample }

func (c *cell) add(s sample) { c.s = append(c.s, s) }

func main() {
	flag.Parse()
	dir, err := os.MkdirTemp("", "gotbench-")
	check(err)
	defer os.RemoveAll(dir)
	bins := build(dir)
	if *nginxArg {
		benchNginx(dir, bins)
		return
	}
	benchWorkloads(dir, bins)
}

func check(err error) {
	if err != nil {
		fmt.Fprintln(os.Stderr, "gotbench:", err)
		os.Exit(1)
	}
}

// build compiles gotrace and the workloads into dir.
func build(dir string) map[string]string {
	bins := map[string]string{"gotrace": filepath.Join(dir, "gotrace")}
	fmt.Fprintln(os.Stderr, "gotbench: building gotrace and the workloads")
	// Built as `make build` builds it: static, without cgo (see the
	// Makefile).
	gb := exec.Command("go", "build", "-o", bins["gotrace"], "./cmd/gotrace")
	gb.Env = append(os.Environ(), "CGO_ENABLED=0")
	out, err := gb.CombinedOutput()
	if err != nil {
		check(fmt.Errorf("go build: %v\n%s", err, out))
	}
	srcs, _ := filepath.Glob("testdata/bench/*.c")
	if len(srcs) == 0 {
		check(fmt.Errorf("no testdata/bench/*.c: run gotbench from the repository root"))
	}
	for _, src := range srcs {
		name := strings.TrimSuffix(filepath.Base(src), ".c")
		bins[name] = filepath.Join(dir, name)
		out, err := exec.Command("gcc", "-O2", "-o", bins[name], src, "-lpthread").CombinedOutput()
		if err != nil {
			check(fmt.Errorf("gcc %s: %v\n%s", src, err, out))
		}
	}
	runner = bins["runner"]
	return bins
}

// runner is testdata/bench/runner.c: it runs a command as its child and
// reports the child's peak RSS. Set by build.
var runner string

var runnerRe = regexp.MustCompile(`gotbench-runner maxrss=(\d+)`)

// run starts argv pinned to CPU 0 (through the runner), waits for it and
// returns its wall time and peak RSS (ru_maxrss of the process and the
// children it reaped). The program's output is discarded.
func run(argv []string) sample {
	cmd := exec.Command("taskset", append([]string{"-c", "0", runner}, argv...)...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	start := time.Now()
	err := cmd.Run()
	s := sample{wall: time.Since(start)}
	if m := runnerRe.FindSubmatch(stdout.Bytes()); m != nil {
		s.rss, _ = strconv.ParseInt(string(m[1]), 10, 64)
	}
	if err != nil {
		msg := strings.TrimSpace(stderr.String())
		if i := strings.IndexByte(msg, '\n'); i >= 0 {
			msg = msg[:i]
		}
		s.err = fmt.Errorf("%v: %s", err, msg)
	}
	return s
}

func selected(list, name string) bool {
	if list == "" {
		return true
	}
	for _, f := range strings.Split(list, ",") {
		if f == name {
			return true
		}
	}
	return false
}

func benchWorkloads(dir string, bins map[string]string) {
	type key struct{ w, g, tool string }
	cells := map[key]*cell{}
	get := func(k key) *cell {
		if cells[k] == nil {
			cells[k] = &cell{}
		}
		return cells[k]
	}
	out := filepath.Join(dir, "trace.out")
	var ws []workload
	for _, w := range workloads {
		if selected(*only, w.name) {
			ws = append(ws, w)
		}
	}
	var gs []group
	for _, g := range allGroups {
		if selected(*groups, g.key) {
			gs = append(gs, g)
		}
	}
	for rep := 0; rep < *reps; rep++ {
		fmt.Fprintf(os.Stderr, "gotbench: repetition %d/%d\n", rep+1, *reps)
		for _, w := range ws {
			for _, filt := range []bool{false, true} {
				n := w.n
				if filt {
					n = w.nFilt
				}
				n = int(float64(n) * *scale)
				if n < 1 {
					n = 1
				}
				cmdline := append([]string{bins[w.name], strconv.Itoa(n)}, w.extraArgs...)
				ran, ranGated := false, false
				for _, g := range gs {
					if g.filt != filt {
						continue
					}
					if g.attach {
						if !ranGated {
							ranGated = true
							s := runAttached(bins["gate"], cmdline, nil)
							get(key{w.name, "attached", "untraced"}).add(s)
							logRun(w.name, "untraced (gated)", s)
						}
						tools := rotate([]string{*strace, bins["gotrace"], bins["floor"]}, rep)
						names := rotate([]string{"strace", "gotrace", "floor"}, rep)
						for i, tool := range tools {
							s := runAttached(bins["gate"], cmdline, append([]string{tool, "-o", out}, g.flags...))
							get(key{w.name, g.key, names[i]}).add(s)
							logRun(w.name, g.key+" "+names[i], s)
						}
						continue
					}
					if !ran {
						// One untraced run per scale and repetition.
						ran = true
						s := run(cmdline)
						get(key{w.name, scaleKey(filt), "untraced"}).add(s)
						logRun(w.name, "untraced", s)
					}
					sflags := g.strace
					if sflags == nil {
						sflags = g.flags
					}
					type tool struct {
						name string
						argv []string
					}
					tools := rotate([]tool{
						{"strace", append(append([]string{*strace, "-o", out}, sflags...), cmdline...)},
						{"gotrace", append(append([]string{bins["gotrace"], "-o", out}, g.flags...), cmdline...)},
						{"floor", append(append([]string{bins["floor"], "-o", out}, g.flags...), cmdline...)},
					}, rep)
					for _, t := range tools {
						s := run(t.argv)
						get(key{w.name, g.key, t.name}).add(s)
						logRun(w.name, g.key+" "+t.name, s)
					}
				}
			}
		}
	}

	fmt.Printf("gotbench: %d runs per cell, interleaved, every run pinned with taskset -c 0 (tracer and tracee on one CPU)\n", *reps)
	fmt.Printf("times: median (min–max) wall time of the whole command in ms; ratios: median of the per-repetition ratios; RSS: peak of the tracer, MiB\n\n")
	fmt.Printf("floor: testdata/bench/floor.c, the least a ptrace tracer does per stop (no decoding), run in the same interleaving: its ratios bound what any ptrace tracer reaches here\n\n")
	fmt.Printf("%-8s %-34s %-20s %-20s %-20s %-11s %-13s %-13s %-11s %-13s %-7s %-7s\n",
		"workload", "flags", "untraced", "strace", "gotrace", "got/strace", "got/untraced", "floor", "fl/strace", "fl/untraced", "RSS st", "RSS got")
	for _, w := range ws {
		for _, g := range gs {
			uk := scaleKey(g.filt)
			if g.attach {
				uk = "attached"
			}
			u := cells[key{w.name, uk, "untraced"}]
			st := cells[key{w.name, g.key, "strace"}]
			gt := cells[key{w.name, g.key, "gotrace"}]
			fl := cells[key{w.name, g.key, "floor"}]
			if u == nil || st == nil || gt == nil || fl == nil {
				continue
			}
			flags := strings.Join(g.flags, " ")
			if g.strace != nil {
				flags += " (strace: --seccomp-bpf)"
			}
			if g.attach {
				flags += " -p PID"
			}
			fmt.Printf("%-8s %-34s %-20s %-20s %-20s %-11s %-13s %-13s %-11s %-13s %-7s %-7s\n", w.name, flags,
				timeCell(u), timeCell(st), timeCell(gt), ratio(gt, st), ratio(gt, u),
				medianCell(fl), ratio(fl, st), ratio(fl, u), rssCell(st), rssCell(gt))
		}
	}
	fmt.Printf("\niterations (-scale %g): ", *scale)
	for i, w := range ws {
		if i > 0 {
			fmt.Print(", ")
		}
		fmt.Printf("%s %d (filtered: %d)", w.name, int(float64(w.n)**scale), int(float64(w.nFilt)**scale))
	}
	fmt.Println()
}

// runAttached starts the gate (gate.c) holding cmdline, pinned to CPU 0;
// with a tracer (argv without -p), starts it through the runner on CPU 0
// attached to the gate's pid and waits until it said so; then opens the
// gate and times from there to the exits of the workload and the tracer.
// The RSS is the tracer's.
func runAttached(gate string, cmdline, tracer []string) sample {
	w := exec.Command("taskset", append([]string{"-c", "0", gate}, cmdline...)...)
	in, err := w.StdinPipe()
	if err != nil {
		return sample{err: err}
	}
	if err := w.Start(); err != nil {
		return sample{err: err}
	}
	var t *exec.Cmd
	var tout, terr bytes.Buffer
	if tracer != nil {
		t = exec.Command("taskset", append(append([]string{"-c", "0", runner}, tracer...), "-p", strconv.Itoa(w.Process.Pid))...)
		t.Stdout = &tout
		pr, pw := io.Pipe()
		t.Stderr = pw
		if err := t.Start(); err != nil {
			in.Close()
			w.Wait()
			return sample{err: err}
		}
		defer pw.Close()
		waitAttached(pr, &terr, 1)
	}
	start := time.Now()
	in.Write([]byte{1})
	in.Close()
	err = w.Wait()
	s := sample{}
	if t != nil {
		if terr2 := t.Wait(); err == nil {
			err = terr2
		}
		if m := runnerRe.FindSubmatch(tout.Bytes()); m != nil {
			s.rss, _ = strconv.ParseInt(string(m[1]), 10, 64)
		}
	}
	s.wall = time.Since(start)
	if err != nil {
		s.err = fmt.Errorf("%v: %s", err, strings.TrimSpace(terr.String()))
	}
	return s
}

// rotate returns v rotated left by rep: every tool takes every place in
// the order over the repetitions.
func rotate[T any](v []T, rep int) []T {
	k := rep % len(v)
	return append(append([]T(nil), v[k:]...), v[:k]...)
}

// medianCell is a cell's median time alone (the floor's column).
func medianCell(c *cell) string {
	if failed(c) {
		return "failed"
	}
	return num(median(c.walls()))
}

// walls is the cell's wall times in ms.
func (c *cell) walls() []float64 {
	v := make([]float64, len(c.s))
	for i, s := range c.s {
		v[i] = ms(s.wall)
	}
	return v
}

func scaleKey(filt bool) string {
	if filt {
		return "filtered"
	}
	return "full"
}

func logRun(w, what string, s sample) {
	if s.err != nil {
		fmt.Fprintf(os.Stderr, "gotbench: %s %s: %v\n", w, what, s.err)
	}
	if *verbose {
		fmt.Fprintf(os.Stderr, "  %-8s %-16s %8.1f ms %6d KiB\n", w, what, ms(s.wall), s.rss)
	}
}

func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }

func median(v []float64) float64 {
	if len(v) == 0 {
		return 0
	}
	c := append([]float64(nil), v...)
	sort.Float64s(c)
	if len(c)%2 == 1 {
		return c[len(c)/2]
	}
	return (c[len(c)/2-1] + c[len(c)/2]) / 2
}

func failed(c *cell) bool {
	for _, s := range c.s {
		if s.err != nil {
			return true
		}
	}
	return false
}

func timeCell(c *cell) string {
	if failed(c) {
		return "failed"
	}
	v := c.walls()
	return fmt.Sprintf("%s (%s–%s)", num(median(v)), num(slices.Min(v)), num(slices.Max(v)))
}

func num(f float64) string {
	switch {
	case f >= 100:
		return strconv.FormatFloat(f, 'f', 0, 64)
	case f >= 10:
		return strconv.FormatFloat(f, 'f', 1, 64)
	}
	return strconv.FormatFloat(f, 'f', 2, 64)
}

// ratio is the median of the paired ratios a[i]/b[i] (the same
// repetition), so slow phases of a noisy machine hit both sides.
func ratio(a, b *cell) string {
	if failed(a) || failed(b) {
		return "-"
	}
	var v []float64
	for i := range a.s {
		if i < len(b.s) {
			v = append(v, float64(a.s[i].wall)/float64(b.s[i].wall))
		}
	}
	return strconv.FormatFloat(median(v), 'f', 2, 64) + "×"
}

func rssCell(c *cell) string {
	var m int64
	for _, s := range c.s {
		m = max(m, s.rss)
	}
	return strconv.FormatFloat(float64(m)/1024, 'f', 1, 64)
}

// ---- nginx ----

const nginxConf = `daemon off;
master_process on;
worker_processes 1;
pid %[1]s/nginx.pid;
error_log %[1]s/error.log;
events { worker_connections 256; }
http {
	access_log off;
	client_body_temp_path %[1]s/tmp;
	proxy_temp_path %[1]s/tmp;
	fastcgi_temp_path %[1]s/tmp;
	uwsgi_temp_path %[1]s/tmp;
	scgi_temp_path %[1]s/tmp;
	server {
		listen 127.0.0.1:%[2]d;
		root %[1]s/www;
		location / { }
	}
}
`

// benchNginx runs nginx (master and one worker) on CPU 0 and wrk on CPU 1
// for a fixed duration: untraced, then with strace and gotrace attached to
// both pids (-f -p), in full and with -e trace=network, interleaved.
func benchNginx(dir string, bins map[string]string) {
	nginx, err := exec.LookPath("nginx")
	if err != nil {
		nginx = "/usr/sbin/nginx"
	}
	wrk, err := exec.LookPath("wrk")
	check(err)
	check(os.MkdirAll(filepath.Join(dir, "www"), 0o755))
	check(os.MkdirAll(filepath.Join(dir, "tmp"), 0o755))
	check(os.WriteFile(filepath.Join(dir, "www", "index.html"), bytes.Repeat([]byte("gotrace bench\n"), 40), 0o644))
	port := freePort()
	conf := filepath.Join(dir, "nginx.conf")
	check(os.WriteFile(conf, []byte(fmt.Sprintf(nginxConf, dir, port)), 0o644))
	srv := exec.Command("taskset", "-c", "0", nginx, "-c", conf, "-p", dir)
	srv.Stderr = os.Stderr
	check(srv.Start())
	defer func() {
		_ = srv.Process.Signal(syscall.SIGQUIT)
		_ = srv.Wait()
	}()
	pids := waitNginx(dir, port)
	fmt.Fprintf(os.Stderr, "gotbench: nginx pids %v on 127.0.0.1:%d\n", pids, port)
	url := fmt.Sprintf("http://127.0.0.1:%d/index.html", port)

	type variant struct {
		name  string
		tool  string
		flags []string
	}
	variants := []variant{
		{"untraced", "", nil},
		{"strace -f", *strace, []string{"-f"}},
		{"gotrace -f", bins["gotrace"], []string{"-f"}},
		{"floor -f", bins["floor"], []string{"-f"}},
		{"strace -f -e trace=network", *strace, []string{"-f", "-e", "trace=network"}},
		{"gotrace -f -e trace=network", bins["gotrace"], []string{"-f", "-e", "trace=network"}},
		{"floor -f -e trace=network", bins["floor"], []string{"-f", "-e", "trace=network"}},
	}
	res := make([][]float64, len(variants))
	rss := make([]int64, len(variants))
	out := filepath.Join(dir, "trace.out")
	for rep := 0; rep < *reps; rep++ {
		fmt.Fprintf(os.Stderr, "gotbench: repetition %d/%d\n", rep+1, *reps)
		// The untraced run, then each triple (strace, gotrace, floor) in
		// an order that turns every repetition.
		order := append(append([]int{0}, rotate([]int{1, 2, 3}, rep)...), rotate([]int{4, 5, 6}, rep)...)
		for _, i := range order {
			v := variants[i]
			var tracer *exec.Cmd
			var tout bytes.Buffer
			var errBuf *bytes.Buffer
			if v.tool != "" {
				args := append([]string{"-c", "0", runner, v.tool, "-o", out}, v.flags...)
				for _, p := range pids {
					args = append(args, "-p", strconv.Itoa(p))
				}
				tracer = exec.Command("taskset", args...)
				tracer.Stdout = &tout
				pr, pw := io.Pipe()
				tracer.Stderr = pw
				errBuf = &bytes.Buffer{}
				check(tracer.Start())
				waitAttached(pr, errBuf, len(pids))
			}
			rps, err := runWrk(wrk, url)
			if tracer != nil {
				_ = tracer.Process.Signal(syscall.SIGINT)
				_ = tracer.Wait()
				if m := runnerRe.FindSubmatch(tout.Bytes()); m != nil {
					r, _ := strconv.ParseInt(string(m[1]), 10, 64)
					rss[i] = max(rss[i], r)
				}
			}
			if err != nil {
				fmt.Fprintf(os.Stderr, "gotbench: %s: %v\n", v.name, err)
				rps = 0
			}
			if *verbose {
				fmt.Fprintf(os.Stderr, "  %-28s %10.0f req/s\n", v.name, rps)
			}
			res[i] = append(res[i], rps)
		}
	}
	fmt.Printf("gotbench -nginx: %d runs per row, interleaved; nginx (master + 1 worker) and the tracers pinned with taskset -c 0, wrk -t1 -c8 -d%s on CPU 1 (taskset -c 1), loopback\n\n", *reps, *nginxDur)
	fmt.Printf("%-28s %-26s %-10s %-10s\n", "tracer (attached -p all pids)", "req/s median (min–max)", "kept", "RSS MiB")
	for i, v := range variants {
		lo, hi := res[i][0], res[i][0]
		for _, x := range res[i] {
			lo, hi = min(lo, x), max(hi, x)
		}
		var kept []float64
		for r := range res[i] {
			kept = append(kept, res[i][r]/res[0][r])
		}
		rs := "-"
		if rss[i] > 0 {
			rs = strconv.FormatFloat(float64(rss[i])/1024, 'f', 1, 64)
		}
		fmt.Printf("%-28s %-26s %-10s %-10s\n", v.name,
			fmt.Sprintf("%.0f (%.0f–%.0f)", median(res[i]), lo, hi),
			strconv.FormatFloat(100*median(kept), 'f', 1, 64)+"%", rs)
	}
	for _, pair := range [][2]int{{2, 1}, {5, 4}, {3, 1}, {6, 4}} {
		var r []float64
		for k := range res[pair[0]] {
			r = append(r, res[pair[0]][k]/res[pair[1]][k])
		}
		fmt.Printf("%s keeps %.2f× what %s keeps\n", variants[pair[0]].name, median(r), variants[pair[1]].name)
	}
}

func freePort() int {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	check(err)
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port
}

// waitNginx waits until nginx answers and returns the master's pid and its
// workers'.
func waitNginx(dir string, port int) []int {
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) {
		c, err := net.Dial("tcp", fmt.Sprintf("127.0.0.1:%d", port))
		if err == nil {
			c.Close()
			b, err := os.ReadFile(filepath.Join(dir, "nginx.pid"))
			if err == nil {
				master, _ := strconv.Atoi(strings.TrimSpace(string(b)))
				pids := []int{master}
				kids, _ := os.ReadFile(fmt.Sprintf("/proc/%d/task/%d/children", master, master))
				for _, f := range strings.Fields(string(kids)) {
					if p, err := strconv.Atoi(f); err == nil {
						pids = append(pids, p)
					}
				}
				if len(pids) > 1 {
					return pids
				}
			}
		}
		time.Sleep(50 * time.Millisecond)
	}
	check(fmt.Errorf("nginx did not start (see %s/error.log)", dir))
	return nil
}

// waitAttached reads the tracer's stderr until it said "attached" n times
// (or 3 s passed), then drains it in the background.
func waitAttached(r io.Reader, keep *bytes.Buffer, n int) {
	done := make(chan struct{})
	go func() {
		sc := bufio.NewScanner(r)
		seen := 0
		for sc.Scan() {
			keep.WriteString(sc.Text() + "\n")
			if strings.Contains(sc.Text(), "attached") {
				seen++
				if seen == n {
					close(done)
				}
			}
		}
	}()
	select {
	case <-done:
	case <-time.After(3 * time.Second):
	}
}

var rpsRe = regexp.MustCompile(`Requests/sec:\s+([0-9.]+)`)

func runWrk(wrk, url string) (float64, error) {
	secs := int(nginxDur.Seconds())
	if secs < 1 {
		secs = 1
	}
	out, err := exec.Command("taskset", "-c", "1", wrk, "-t1", "-c8", "-d"+strconv.Itoa(secs)+"s", url).CombinedOutput()
	if err != nil {
		return 0, fmt.Errorf("wrk: %v\n%s", err, out)
	}
	m := rpsRe.FindSubmatch(out)
	if m == nil {
		return 0, fmt.Errorf("wrk: no Requests/sec in\n%s", out)
	}
	return strconv.ParseFloat(string(m[1]), 64)
}
