package ptrace

import (
	"encoding/binary"
	"reflect"
	"testing"

	"golang.org/x/sys/unix"
)

// runBPF evaluates a classic BPF seccomp program over (arch, nr): just the
// instructions seccompProgram emits.
func runBPF(t *testing.T, p []unix.SockFilter, arch uint32, nr uint32) uint32 {
	t.Helper()
	var a uint32
	for pc := 0; pc < len(p); pc++ {
		in := p[pc]
		switch in.Code {
		case unix.BPF_LD | unix.BPF_W | unix.BPF_ABS:
			switch in.K {
			case seccompDataNr:
				a = nr
			case seccompDataArch:
				a = arch
			default:
				t.Fatalf("load of offset %d", in.K)
			}
		case unix.BPF_JMP | unix.BPF_JEQ | unix.BPF_K, unix.BPF_JMP | unix.BPF_JGE | unix.BPF_K, unix.BPF_JMP | unix.BPF_JGT | unix.BPF_K:
			var ok bool
			switch in.Code &^ (unix.BPF_JMP | unix.BPF_K) {
			case unix.BPF_JEQ:
				ok = a == in.K
			case unix.BPF_JGE:
				ok = a >= in.K
			case unix.BPF_JGT:
				ok = a > in.K
			}
			if ok {
				pc += int(in.Jt)
			} else {
				pc += int(in.Jf)
			}
		case unix.BPF_RET | unix.BPF_K:
			return in.K
		default:
			t.Fatalf("unexpected instruction %#x", in.Code)
		}
	}
	t.Fatal("fell off the program")
	return 0
}

func TestSeccompProgram(t *testing.T) {
	wanted := map[int]bool{0: true, 41: true, 42: true, 43: true, 59: true, 300: true, 1023: true}
	ranges, useful := seccompRanges(func(nr int) bool { return wanted[nr] })
	if !useful {
		t.Fatal("a filter with few traced calls is useful")
	}
	if want := [][2]int{{0, 0}, {41, 43}, {59, 59}, {300, 300}, {1023, 1023}}; !reflect.DeepEqual(ranges, want) {
		t.Fatalf("ranges %v, want %v", ranges, want)
	}
	p := seccompProgram(ranges)
	for nr := uint32(0); nr < 1100; nr++ {
		want := uint32(unix.SECCOMP_RET_ALLOW)
		if wanted[int(nr)] || nr >= maxSysno {
			want = unix.SECCOMP_RET_TRACE
		}
		if got := runBPF(t, p, unix.AUDIT_ARCH_X86_64, nr); got != want {
			t.Errorf("nr %d: %#x, want %#x", nr, got, want)
		}
	}
	// x32 and i386 calls always stop.
	if got := runBPF(t, p, unix.AUDIT_ARCH_X86_64, 0x40000000|1); got != unix.SECCOMP_RET_TRACE {
		t.Errorf("x32 call: %#x", got)
	}
	if got := runBPF(t, p, unix.AUDIT_ARCH_I386, 1); got != unix.SECCOMP_RET_TRACE {
		t.Errorf("i386 call: %#x", got)
	}
	if _, useful := seccompRanges(func(int) bool { return true }); useful {
		t.Error("a filter that traces everything is not useful")
	}
}

// TestStubPreempt: a SIGURG sent with tgkill is taken for the launch
// stub's preemption signal; one sent with kill is not.
func TestStubPreempt(t *testing.T) {
	mk := func(code int32, pid int32) *[128]byte {
		var si [128]byte
		binary.LittleEndian.PutUint32(si[0:], uint32(unix.SIGURG))
		binary.LittleEndian.PutUint32(si[8:], uint32(code))
		binary.LittleEndian.PutUint32(si[16:], uint32(pid))
		return &si
	}
	if !stubPreempt(mk(-6, 1234)) {
		t.Error("a tgkill not recognized")
	}
	if stubPreempt(mk(0, 1234)) {
		t.Error("a kill (SI_USER) taken for the stub's tgkill")
	}
}
