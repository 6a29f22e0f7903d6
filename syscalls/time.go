package syscalls

import (
	"encoding/binary"
	"math"
	"strconv"
	"time"

	"golang.org/x/sys/unix"
)

// The time family: clock_gettime, clock_settime, clock_getres,
// clock_nanosleep, nanosleep, gettimeofday, settimeofday, time, times,
// getitimer, setitimer, alarm, timer_create, timer_settime, timer_gettime,
// timer_getoverrun, timer_delete.

// time.go's flag and value sets are listed in xlat/time.txt, from which
// go generate writes zxlat.go.

// sigevNotify are struct sigevent's sigev_notify values (x/sys lacks
// SIGEV_*: asm-generic/siginfo.h).
const (
	sigevSignal   = 0
	sigevNone     = 1
	sigevThread   = 2
	sigevThreadID = 4
)

// timespec appends the struct timespec at addr: {tv_sec=…, tv_nsec=…}.
func (d *Decoder) timespec(addr uint64) {
	if b, ok := d.Read(addr, 16); ok {
		d.timespecBytes(b)
		return
	}
	d.Addr(addr)
}

func (d *Decoder) timespecBytes(b []byte) { d.secPair(b, ", tv_nsec=") }

// secPair appends a {tv_sec=…, FRAC…} pair of 64-bit words; the fraction
// prints unsigned, as strace prints it.
func (d *Decoder) secPair(b []byte, frac string) {
	d.S("{tv_sec=")
	d.Int(int64(binary.LittleEndian.Uint64(b)))
	d.S(frac)
	d.Uint(binary.LittleEndian.Uint64(b[8:]))
	d.S("}")
}

// timeval appends the struct timeval at addr: {tv_sec=…, tv_usec=…}.
func (d *Decoder) timeval(addr uint64) {
	if b, ok := d.Read(addr, 16); ok {
		d.timevalBytes(b)
		return
	}
	d.Addr(addr)
}

func (d *Decoder) timevalBytes(b []byte) { d.secPair(b, ", tv_usec=") }

// itimer appends a struct itimerval (usec) or itimerspec (nsec) at addr:
// {it_interval={…}, it_value={…}}.
func (d *Decoder) itimer(addr uint64, nsec bool) {
	b, ok := d.Read(addr, 32)
	if !ok {
		d.Addr(addr)
		return
	}
	var v [32]byte
	copy(v[:], b)
	one := d.timevalBytes
	if nsec {
		one = d.timespecBytes
	}
	d.S("{it_interval=")
	one(v[0:16])
	d.S(", it_value=")
	one(v[16:32])
	d.S("}")
}

// timezone appends the struct timezone at addr.
func (d *Decoder) timezone(addr uint64) {
	b, ok := d.Read(addr, 8)
	if !ok {
		d.Addr(addr)
		return
	}
	d.S("{tz_minuteswest=")
	d.Int(int64(int32(binary.LittleEndian.Uint32(b))))
	d.S(", tz_dsttime=")
	d.Int(int64(int32(binary.LittleEndian.Uint32(b[4:]))))
	d.S("}")
}

// sigevent appends the struct sigevent at addr.
func (d *Decoder) sigevent(addr uint64) {
	b, ok := d.Read(addr, 32)
	if !ok {
		d.Addr(addr)
		return
	}
	var v [32]byte
	copy(v[:], b)
	signo := int32(binary.LittleEndian.Uint32(v[8:]))
	notify := binary.LittleEndian.Uint32(v[12:])
	d.S("{")
	// strace shows sigev_value only when it is not zero.
	if sival := binary.LittleEndian.Uint64(v[0:]); sival != 0 {
		d.S("sigev_value={sival_int=")
		d.Int(int64(int32(sival)))
		d.S(", sival_ptr=")
		d.Addr(sival)
		d.S("}, ")
	}
	d.S("sigev_signo=")
	switch notify {
	case sigevSignal, sigevThread, sigevThreadID:
		d.Signal(int64(signo))
	default:
		d.Uint(uint64(uint32(signo)))
	}
	d.S(", sigev_notify=")
	d.Value(sigevNotify, uint64(notify), "SIGEV_???")
	switch notify {
	case sigevThreadID:
		d.S(", sigev_notify_thread_id=")
		d.Int(int64(int32(binary.LittleEndian.Uint32(v[16:]))))
	case sigevThread:
		d.S(", sigev_notify_function=")
		d.Addr(binary.LittleEndian.Uint64(v[16:]))
		d.S(", sigev_notify_attributes=")
		d.Addr(binary.LittleEndian.Uint64(v[24:]))
	}
	d.S("}")
}

// isRestart reports whether a call ended with one of the kernel's restart
// codes (it was interrupted by a signal).
func isRestart(c *Call) bool {
	return c.Ret <= -512 && c.Ret >= -516 && c.Ret != -515
}

// appendTime appends t (seconds since the epoch) as strace's sprinttime
// does: 2026-11-25T01:11:50+0000, in the local zone; nothing when the
// date is out of C's range (see appendDate).
func appendTime(dst []byte, sec int64) []byte {
	dst, _ = appendDate(dst, sec, true)
	return dst
}

// appendDateComment appends " /* DATE */" (appendDate with the zone), or
// nothing at all when the date cannot be had.
func appendDateComment(dst []byte, sec int64) []byte {
	dated, ok := appendDate(append(dst, " /* "...), sec, true)
	if !ok {
		return dst
	}
	return append(dated, " */"...)
}

// appendDate appends sec as strace's strftime("%FT%T%z") of localtime_r
// prints it (the zone only with zone): glibc's %Y is the year unpadded
// (1-01-01, -1-01-01, 10000-01-01) and computed in a C int, so it wraps
// past 2147483647; ok is false, nothing appended, when localtime_r itself
// fails, the year less 1900 not fitting an int.
func appendDate(dst []byte, sec int64, zone bool) (_ []byte, ok bool) {
	t := time.Unix(sec, 0).In(time.Local)
	tmYear := int64(t.Year()) - 1900
	if tmYear < math.MinInt32 || tmYear > math.MaxInt32 {
		return dst, false
	}
	dst = strconv.AppendInt(dst, int64(int32(uint32(int32(tmYear))+1900)), 10)
	dst = t.AppendFormat(dst, "-01-02T15:04:05")
	if zone {
		dst = t.AppendFormat(dst, "-0700")
	}
	return dst, true
}

// out wraps an out-parameter printer: at exit, the address if the call
// failed, else print.
func out(print func(d *Decoder, addr uint64)) *Arg {
	return &Arg{AtExit: true, Print: func(d *Decoder, c *Call, i int) {
		if c.Failed() {
			d.Addr(c.Args[i])
			return
		}
		print(d, c.Args[i])
	}}
}

// in wraps a printer of something the call reads, at entry.
func in(print func(d *Decoder, addr uint64)) *Arg {
	return &Arg{Print: func(d *Decoder, c *Call, i int) { print(d, c.Args[i]) }}
}

var (
	// ClockID prints a clockid_t: CLOCK_MONOTONIC, or hex with
	// /* CLOCK_??? */.
	ClockID = &Arg{Print: func(d *Decoder, c *Call, i int) {
		d.Value(clockIDs, uint64(uint32(c.Args[i])), "CLOCK_???")
	}}
	// TimerFlags prints clock_nanosleep's and timer_settime's flags
	// (TIMER_ABSTIME).
	TimerFlags = &Arg{Print: func(d *Decoder, c *Call, i int) {
		d.Flags(timerFlags, uint64(uint32(c.Args[i])), "TIMER_???")
	}}
	// ItimerWhich prints getitimer's and setitimer's which.
	ItimerWhich = &Arg{Print: func(d *Decoder, c *Call, i int) {
		d.Value(itimerWhich, uint64(uint32(c.Args[i])), "ITIMER_???")
	}}
	// TimespecIn prints a struct timespec the call reads, at entry.
	TimespecIn = in((*Decoder).timespec)
	// TimespecOut prints a struct timespec the call fills, at exit.
	TimespecOut = out((*Decoder).timespec)
	// TimevalIn prints a struct timeval the call reads, at entry.
	TimevalIn = in((*Decoder).timeval)
	// TimevalOut prints a struct timeval the call fills, at exit.
	TimevalOut = out((*Decoder).timeval)
	// TimezoneIn prints a struct timezone the call reads, at entry.
	TimezoneIn = in((*Decoder).timezone)
	// TimezoneOut prints a struct timezone the call fills, at exit.
	TimezoneOut = out((*Decoder).timezone)
	// ItimervalIn prints setitimer's new value, at entry.
	ItimervalIn = in(func(d *Decoder, a uint64) { d.itimer(a, false) })
	// ItimervalOut prints a struct itimerval the call fills, at exit.
	ItimervalOut = out(func(d *Decoder, a uint64) { d.itimer(a, false) })
	// ItimerspecIn prints timer_settime's new value, at entry.
	ItimerspecIn = in(func(d *Decoder, a uint64) { d.itimer(a, true) })
	// ItimerspecOut prints a struct itimerspec the call fills, at exit.
	ItimerspecOut = out(func(d *Decoder, a uint64) { d.itimer(a, true) })
	// SigeventIn prints timer_create's struct sigevent, at entry.
	SigeventIn = in((*Decoder).sigevent)
	// IntOut prints an int the call stores ([42]) at exit: timer_create's
	// timer id.
	IntOut = out(func(d *Decoder, a uint64) {
		if v, ok := d.ReadU32(a); ok {
			d.S("[")
			d.Int(int64(int32(v)))
			d.S("]")
			return
		}
		d.Addr(a)
	})
	// SleepRemain prints nanosleep's rem at exit: the remaining time when
	// the sleep was interrupted (a restart code), else the address. For
	// clock_nanosleep (flags in args[1]) only without flags.
	SleepRemain = &Arg{AtExit: true, Print: func(d *Decoder, c *Call, i int) {
		if isRestart(c) && (c.Nr != unix.SYS_CLOCK_NANOSLEEP || c.Args[1] == 0) {
			d.timespec(c.Args[i])
			return
		}
		d.Addr(c.Args[i])
	}}
	// TimeOut prints time's tloc at exit, [secs /* date */], and puts the
	// returned time's date after the return value.
	TimeOut = &Arg{AtExit: true, Print: func(d *Decoder, c *Call, i int) {
		if c.Failed() {
			d.Addr(c.Args[i])
			return
		}
		c.Detail = string(appendTime(nil, c.Ret))
		if c.Args[i] == 0 {
			d.S("NULL")
			return
		}
		v, ok := d.ReadU64(c.Args[i])
		if !ok {
			d.Addr(c.Args[i])
			return
		}
		d.S("[")
		d.Int(int64(v))
		d.B = appendDateComment(d.B, int64(v)) // no date: no comment, as strace
		d.S("]")
	}}
	// TmsOut prints times's struct tms at exit, each field a clock_t.
	TmsOut = out(func(d *Decoder, a uint64) {
		b, ok := d.Read(a, 32)
		if !ok {
			d.Addr(a)
			return
		}
		var v [32]byte
		copy(v[:], b)
		for k, name := range [...]string{"{tms_utime=", ", tms_stime=", ", tms_cutime=", ", tms_cstime="} {
			d.S(name)
			d.clockT(binary.LittleEndian.Uint64(v[8*k:]))
		}
		d.S("}")
	})
)
