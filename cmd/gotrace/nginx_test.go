package main

// A real nginx (master and two workers, its own config in a temporary
// folder, on a free loopback port) traced while it serves: -f -p with every
// pid, --tree with the master's pid alone, and -p with one worker. After
// SIGINT every nginx process must be untraced and running, and serve on.

import (
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// nginxBin finds nginx; Debian installs it in /usr/sbin, which a user's
// PATH may lack.
func nginxBin(t *testing.T) string {
	t.Helper()
	if p, err := exec.LookPath("nginx"); err == nil {
		return p
	}
	if _, err := os.Stat("/usr/sbin/nginx"); err == nil {
		return "/usr/sbin/nginx"
	}
	return requireTool(t, "nginx")
}

type nginx struct {
	bin, dir, conf string
	port           int
	cmd            *exec.Cmd
	workers        []int
}

func freePort(t *testing.T) int {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port
}

func startNginx(t *testing.T) *nginx {
	t.Helper()
	n := &nginx{bin: nginxBin(t), dir: t.TempDir(), port: freePort(t)}
	www := filepath.Join(n.dir, "www")
	require.NoError(t, os.MkdirAll(www, 0o755))
	require.NoError(t, os.WriteFile(filepath.Join(www, "index.html"), []byte(strings.Repeat("gotrace follows nginx\n", 100)), 0o644))
	n.conf = filepath.Join(n.dir, "nginx.conf")
	conf := fmt.Sprintf(`daemon off;
master_process on;
worker_processes 2;
user root;
pid %[1]s/nginx.pid;
error_log %[1]s/error.log;
events { worker_connections 64; }
http {
	access_log off;
	client_body_temp_path %[1]s/tmp_body;
	proxy_temp_path %[1]s/tmp_proxy;
	fastcgi_temp_path %[1]s/tmp_fastcgi;
	uwsgi_temp_path %[1]s/tmp_uwsgi;
	scgi_temp_path %[1]s/tmp_scgi;
	sendfile on;
	server {
		listen 127.0.0.1:%[2]d;
		root %[3]s;
	}
}
`, n.dir, n.port, www)
	require.NoError(t, os.WriteFile(n.conf, []byte(conf), 0o644))
	n.cmd = exec.Command(n.bin, "-p", n.dir, "-c", n.conf)
	n.cmd.Stderr = os.Stderr
	require.NoError(t, n.cmd.Start())
	t.Cleanup(func() {
		if n.cmd.ProcessState == nil {
			_ = n.cmd.Process.Kill()
			_ = n.cmd.Wait()
		}
	})
	deadline := time.Now().Add(10 * time.Second)
	for {
		n.workers = childrenOf(n.cmd.Process.Pid)
		if len(n.workers) == 2 {
			if c, err := net.Dial("tcp", fmt.Sprintf("127.0.0.1:%d", n.port)); err == nil {
				c.Close()
				break
			}
		}
		if time.Now().After(deadline) {
			log, _ := os.ReadFile(filepath.Join(n.dir, "error.log"))
			t.Fatalf("nginx did not start: workers %v\n%s", n.workers, log)
		}
		time.Sleep(10 * time.Millisecond)
	}
	return n
}

func childrenOf(pid int) []int {
	var out []int
	for c, p := range parents() {
		if p == pid {
			out = append(out, c)
		}
	}
	return out
}

// requests makes n requests, each on its own connection, and fails on
// the first that does not succeed.
func (n *nginx) requests(t *testing.T, count int) {
	t.Helper()
	client := &http.Client{Timeout: 10 * time.Second, Transport: &http.Transport{DisableKeepAlives: true}}
	url := fmt.Sprintf("http://127.0.0.1:%d/", n.port)
	for i := 0; i < count; i++ {
		resp, err := client.Get(url)
		require.NoError(t, err, "request %d", i)
		body, err := io.ReadAll(resp.Body)
		resp.Body.Close()
		require.NoError(t, err, "request %d", i)
		require.Equal(t, 200, resp.StatusCode, "request %d", i)
		require.Equal(t, 2200, len(body), "request %d", i)
	}
}

func (n *nginx) quit(t *testing.T) {
	t.Helper()
	out, err := exec.Command(n.bin, "-p", n.dir, "-c", n.conf, "-s", "quit").CombinedOutput()
	require.NoError(t, err, "%s", out)
	done := make(chan error, 1)
	go func() { done <- n.cmd.Wait() }()
	select {
	case err := <-done:
		require.NoError(t, err, "nginx master's exit")
	case <-time.After(20 * time.Second):
		t.Fatal("nginx did not quit")
	}
}

var (
	reNgAccept = regexp.MustCompile(`(?m)^(?:\d+ +)?\d\d:\d\d:\d\d\.\d{6} accept4\(\d+, .*\) += \d+ <\d+\.\d{6}>$`)
	reNgRecv   = regexp.MustCompile(`(?m)^(?:\d+ +)?\d\d:\d\d:\d\d\.\d{6} recvfrom\(\d+, "GET / HTTP/1\.1\\r\\n.*\) += \d+ <\d+\.\d{6}>$`)
	// A successful accept4, whole or resumed after another pid's line.
	reNgAccepted = regexp.MustCompile(`(?m)(?:accept4\(\d+, |<\.\.\. accept4 resumed>).*\) += \d+ <\d+\.\d{6}>$`)
	reNgSend     = regexp.MustCompile(`(?m)^(?:\d+ +)?\d\d:\d\d:\d\d\.\d{6} (?:writev\(\d+, \[\{iov_base="HTTP/1\.1 200 OK\\r\\n|sendfile\(\d+, \d+, ).*\) += \d+ <\d+\.\d{6}>$`)
)

// traceNginx runs gotrace with args on a running nginx during 50
// requests, stops it with SIGINT, and checks the trace and that nginx is
// free and serving. It returns the trace.
func traceNginx(t *testing.T, n *nginx, attached int, args ...string) string {
	t.Helper()
	out := filepath.Join(t.TempDir(), "out")
	full := append([]string{"-tt", "-T", "-e", "trace=network,writev,sendfile", "-o", out}, args...)
	g, se := startTracing(t, "attached", full...)
	deadline := time.Now().Add(10 * time.Second)
	for strings.Count(se.String(), "attached") < attached && time.Now().Before(deadline) {
		time.Sleep(5 * time.Millisecond)
	}
	n.requests(t, 50)
	stopTracing(t, g)
	requireUntraced(t, append([]int{n.cmd.Process.Pid}, n.workers...)...)
	n.requests(t, 50)
	b, err := os.ReadFile(out)
	require.NoError(t, err)
	return string(b)
}

func requireServed(t *testing.T, trace string) {
	t.Helper()
	require.Regexp(t, reNgAccept, trace)
	require.Regexp(t, reNgRecv, trace)
	require.Regexp(t, reNgSend, trace)
	require.GreaterOrEqual(t, len(reNgRecv.FindAllString(trace, -1)), 1)
}

func TestNginx(t *testing.T) {
	n := startNginx(t)
	master := strconv.Itoa(n.cmd.Process.Pid)
	w1, w2 := strconv.Itoa(n.workers[0]), strconv.Itoa(n.workers[1])

	t.Run("all-pids", func(t *testing.T) {
		tr := traceNginx(t, n, 3, "-f", "-p", master+","+w1+","+w2)
		requireServed(t, tr)
		require.Equal(t, 50, len(reNgAccepted.FindAllString(tr, -1)), "one accept4 per request:\n%s", tr)
	})
	t.Run("tree", func(t *testing.T) {
		tr := traceNginx(t, n, 3, "--tree", "-p", master)
		requireServed(t, tr)
	})
	t.Run("one-worker", func(t *testing.T) {
		// Either worker may take the connections: trace each alone,
		// at the same time, with two gotraces.
		o1, o2 := filepath.Join(t.TempDir(), "w1"), filepath.Join(t.TempDir(), "w2")
		base := []string{"-tt", "-T", "-e", "trace=network,writev,sendfile"}
		g1, _ := startTracing(t, "attached", append(base, "-o", o1, "-p", w1)...)
		g2, _ := startTracing(t, "attached", append(base, "-o", o2, "-p", w2)...)
		n.requests(t, 50)
		stopTracing(t, g1)
		stopTracing(t, g2)
		requireUntraced(t, append([]int{n.cmd.Process.Pid}, n.workers...)...)
		n.requests(t, 50)
		b1, _ := os.ReadFile(o1)
		b2, _ := os.ReadFile(o2)
		requireServed(t, string(b1)+string(b2))
		for _, b := range [][]byte{b1, b2} {
			require.NotRegexp(t, `(?m)^\d+ `, string(b), "one pid: no prefix")
		}
	})
	n.quit(t)
}
