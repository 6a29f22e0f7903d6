# gotrace — build, test, demo, benchmarks. `make help` lists the targets.
GO      ?= go
CC      ?= gcc
BIN     := gotrace
DEMOBIN := testdata/bin/http_demo

.PHONY: all build generate test stress lint demo bench bench-nginx syscalls-report fuzz help

all: build

# CGO_ENABLED=0, chosen for speed: pflag imports package net, which with cgo
# links the C resolver and makes gotrace a dynamically linked executable;
# the dynamic loader, glibc's start-up and an rseq area per thread then cost
# every run (and every launch stub, which is gotrace started again) ~3.5 ms
# and the tracer ~1-2% per stop. gotrace needs nothing from cgo.
build: ## build ./gotrace (static, CGO_ENABLED=0)
	CGO_ENABLED=0 $(GO) build -o $(BIN) ./cmd/gotrace

generate: ## regenerate syscalls/zsysnames.go and syscalls/zxlat.go (from syscalls/xlat/*.txt)
	$(GO) generate ./syscalls

test: ## run every test (unit, integration under real ptrace, differential against /usr/bin/strace)
	$(GO) test -count=1 -timeout 12m ./...

stress: ## the -f stress tracee 20 times and 100 detaches at random moments
	GOTRACE_STRESS_RUNS=20 GOTRACE_DETACH_RUNS=100 $(GO) test -count=1 -timeout 10m -run 'TestStress|TestDetachUnderLoad' -v ./cmd/gotrace

lint: ## gofmt and go vet
	@out=$$(gofmt -l .); if [ -n "$$out" ]; then echo "gofmt would change:"; echo "$$out"; exit 1; fi
	$(GO) vet ./...

$(DEMOBIN): testdata/demo/http_demo.c
	@mkdir -p testdata/bin
	$(CC) -O1 -o $@ $<

demo: build $(DEMOBIN) ## trace a tiny loopback HTTP exchange
	./$(BIN) -f -tt -T -e trace=network,epoll_wait,writev ./$(DEMOBIN)

# BENCHFLAGS: e.g. "-n 7" (repetitions), "-only getppid,tcp", "-groups full,net", "-v".
bench: ## benchmark gotrace against strace and untraced runs (pinned to CPU 0; a few minutes)
	$(GO) run ./cmd/gotbench $(BENCHFLAGS)

bench-nginx: ## nginx under wrk: req/s kept with strace and gotrace attached (needs nginx, wrk)
	$(GO) run ./cmd/gotbench -nginx $(BENCHFLAGS)

syscalls-report: ## regenerate syscalls/COVERAGE.md from the table
	cd syscalls && $(GO) run ./internal/mkreport

FUZZTIME ?= 60s
fuzz: ## run every fuzz target for FUZZTIME each (default 60s)
	$(GO) test -run XXX -fuzz '^FuzzDecode$$' -fuzztime $(FUZZTIME) ./syscalls
	$(GO) test -run XXX -fuzz '^FuzzFamilyDecoders$$' -fuzztime $(FUZZTIME) ./syscalls
	$(GO) test -run XXX -fuzz '^FuzzAppendSiginfo$$' -fuzztime $(FUZZTIME) ./syscalls
	$(GO) test -run XXX -fuzz '^FuzzAppendQuoted$$' -fuzztime $(FUZZTIME) ./format

help:
	@grep -E '^[a-z-]+:.*##' Makefile | sed 's/:.*## /\t/'
