package main

// A Go HTTP server (testdata/goserver) under -f: many threads, SIGURG
// preemption signals, requests over loopback. Every request succeeds, the
// trace shows them, and the server's own log is the same as untraced.

import (
	"bufio"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

func buildGoServer(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(binDir, "goserver")
	if _, err := os.Stat(bin); err == nil {
		return bin
	}
	out, err := exec.Command("go", "build", "-o", bin, filepath.Join("..", "..", "testdata", "goserver")).CombinedOutput()
	require.NoError(t, err, "%s", out)
	return bin
}

// serveAndQuit runs cmd (the server, traced or not), makes n requests and
// /quit, and returns the server's log (stdout) and exit error.
func serveAndQuit(t *testing.T, cmd *exec.Cmd, n int) (string, error) {
	t.Helper()
	stdout, err := cmd.StdoutPipe()
	require.NoError(t, err)
	require.NoError(t, cmd.Start())
	defer func() {
		if cmd.ProcessState == nil {
			_ = cmd.Process.Kill()
			_ = cmd.Wait()
		}
	}()
	rd := bufio.NewReader(stdout)
	first, err := rd.ReadString('\n')
	require.NoError(t, err)
	port, err := strconv.Atoi(strings.TrimSpace(strings.TrimPrefix(first, "listening ")))
	require.NoError(t, err, first)
	client := &http.Client{Timeout: 20 * time.Second, Transport: &http.Transport{DisableKeepAlives: true}}
	get := func(path string) string {
		resp, err := client.Get(fmt.Sprintf("http://127.0.0.1:%d%s", port, path))
		require.NoError(t, err, path)
		defer resp.Body.Close()
		b, err := io.ReadAll(resp.Body)
		require.NoError(t, err, path)
		require.Equal(t, 200, resp.StatusCode, path)
		return string(b)
	}
	for i := 0; i < n; i++ {
		require.True(t, strings.HasPrefix(get(fmt.Sprintf("/hello/%d", i)), fmt.Sprintf("hello %d ", i)))
	}
	require.Equal(t, "bye\n", get("/quit"))
	rest, _ := io.ReadAll(rd)
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err = <-done:
	case <-time.After(30 * time.Second):
		t.Fatal("server did not exit")
	}
	return first + string(rest), err
}

func TestGoServer(t *testing.T) {
	bin := buildGoServer(t)
	const n = 30
	plain, err := serveAndQuit(t, exec.Command(bin), n)
	require.NoError(t, err)

	out := filepath.Join(t.TempDir(), "trace")
	cmd := exec.Command(gotraceBin, "-f", "-o", out, "-e", "trace=network,read,write", "--", bin)
	traced, err := serveAndQuit(t, cmd, n)
	require.NoError(t, err, "gotrace's exit")
	// The port differs from run to run; the rest of the log may not.
	strip := func(s string) string { return s[strings.IndexByte(s, '\n')+1:] }
	require.Equal(t, strip(plain), strip(traced))
	require.Equal(t, n+3, strings.Count(traced, "\n"), "listening, n requests, quit, done")

	b, err := os.ReadFile(out)
	require.NoError(t, err)
	tr := string(b)
	require.Regexp(t, `(?m)^\d+ +accept4\(\d+, \{sa_family=AF_INET, `, tr)
	require.Regexp(t, `(?m)^\d+ +read\(\d+, "GET /hello/\d+ HTTP/1\.1\\r\\n`, tr)
	require.Regexp(t, `(?m)^\d+ +write\(\d+, "HTTP/1\.1 200 OK\\r\\n`, tr)
	pids := map[string]bool{}
	for _, m := range reAnyPid.FindAllStringSubmatch(tr, -1) {
		pids[m[1]] = true
	}
	require.Greater(t, len(pids), 2, "the server's threads")
	require.Regexp(t, `(?m)^\d+ +\+\+\+ exited with 0 \+\+\+$`, tr)
}
