// Command goserver is a small HTTP server for gotrace's tests: many
// goroutines on many threads, the runtime's SIGURG preemption, and a log
// that is the same on every run. It listens on 127.0.0.1 (a free port),
// prints "listening PORT", logs each request as "METHOD PATH STATUS", and
// exits after GET /quit.
package main

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"os"
	"strings"
	"sync"
	"time"
)

func main() {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	var mu sync.Mutex
	logf := func(format string, a ...any) {
		mu.Lock()
		defer mu.Unlock()
		fmt.Printf(format, a...)
	}
	done := make(chan struct{})
	mux := http.NewServeMux()
	mux.HandleFunc("/hello/", func(w http.ResponseWriter, r *http.Request) {
		// Some work across goroutines, so several threads run.
		var wg sync.WaitGroup
		sums := make([]int, 4)
		for i := range sums {
			wg.Add(1)
			go func(i int) {
				defer wg.Done()
				for j := 0; j < 20000; j++ {
					sums[i] += j % (i + 2)
				}
			}(i)
		}
		wg.Wait()
		name := strings.TrimPrefix(r.URL.Path, "/hello/")
		fmt.Fprintf(w, "hello %s %d\n", name, sums[0]+sums[1]+sums[2]+sums[3])
		logf("%s %s 200\n", r.Method, r.URL.Path)
	})
	mux.HandleFunc("/quit", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintln(w, "bye")
		logf("%s %s 200\n", r.Method, r.URL.Path)
		close(done)
	})
	fmt.Printf("listening %d\n", l.Addr().(*net.TCPAddr).Port)
	srv := &http.Server{Handler: mux}
	go srv.Serve(l)
	<-done
	// Shutdown lets /quit's own response finish before the exit.
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	_ = srv.Shutdown(ctx)
	logf("done\n")
}
