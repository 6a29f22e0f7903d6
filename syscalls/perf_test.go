package syscalls

import (
	"encoding/binary"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"golang.org/x/sys/unix"

	"github.com/gotrace/gotrace/format"
)

// perfAttrBytes lays out a struct perf_event_attr of n bytes: type, size,
// config, the flag word, then the words given at their offsets.
func perfAttrBytes(n int, typ, size uint32, config, flags uint64, at map[int]uint64) []byte {
	b := make([]byte, n)
	binary.LittleEndian.PutUint32(b[0:], typ)
	binary.LittleEndian.PutUint32(b[4:], size)
	binary.LittleEndian.PutUint64(b[8:], config)
	binary.LittleEndian.PutUint64(b[40:], flags)
	for off, v := range at {
		binary.LittleEndian.PutUint64(b[off:], v)
	}
	return b
}

// The expected lines are strace 6.1's for the same arguments.
func TestPerfEventOpen(t *testing.T) {
	m := newFakeMem()
	task := m.put(0x1000, perfAttrBytes(128, unix.PERF_TYPE_SOFTWARE, 128, unix.PERF_COUNT_SW_TASK_CLOCK, 1, nil))
	hw := m.put(0x2000, perfAttrBytes(128, unix.PERF_TYPE_HARDWARE, 128, 0x500000003, 1|1<<25,
		map[int]uint64{24: 3, 32: 0x40, 88: 99 << 32, 112: 7 << 32}))
	cache := m.put(0x3000, perfAttrBytes(128, unix.PERF_TYPE_HW_CACHE, 128, 0x1020304050607, 0, nil))
	small := m.put(0x4000, perfAttrBytes(128, unix.PERF_TYPE_SOFTWARE, 8, 0, 0, nil))
	// 56 bytes before an unreadable page: enough without -v only.
	cut := m.put(0x6000-56, perfAttrBytes(56, unix.PERF_TYPE_SOFTWARE, 128, 0, 0, nil))
	zero := m.put(0x7000, perfAttrBytes(64, unix.PERF_TYPE_SOFTWARE, 0, 0, 0, map[int]uint64{16: 1000}))
	bp := m.put(0x8000, perfAttrBytes(72, unix.PERF_TYPE_BREAKPOINT, 72, 0, 0, map[int]uint64{48: 6 << 32, 56: 0x1000, 64: 8}))
	allFlags := m.put(0x9000, perfAttrBytes(128, unix.PERF_TYPE_SOFTWARE, 128, 0, ^uint64(0), nil))

	d := testDecoder(m)
	assert.Equal(t, `perf_event_open({type=PERF_TYPE_SOFTWARE, size=PERF_ATTR_SIZE_VER7, config=PERF_COUNT_SW_TASK_CLOCK, sample_period=0, sample_type=0, read_format=0, disabled=1, precise_ip=0 /* arbitrary skid */, ...}, 0, -1, -1, 0) = 3`,
		decodeLine(t, d, unix.SYS_PERF_EVENT_OPEN, 3, task, 0, 0xffffffff, 0xffffffff, 0))
	assert.Equal(t, `perf_event_open({type=PERF_TYPE_HARDWARE, size=PERF_ATTR_SIZE_VER7, config=0x5<<32|PERF_COUNT_HW_CACHE_MISSES, sample_period=0, sample_type=PERF_SAMPLE_IP|PERF_SAMPLE_TID, read_format=0x40 /* PERF_FORMAT_??? */, disabled=1, precise_ip=0 /* arbitrary skid */, use_clockid=1, ...}, 0, -1, -1, PERF_FLAG_FD_NO_GROUP|PERF_FLAG_FD_OUTPUT|PERF_FLAG_FD_CLOEXEC|0x10) = -1 EINVAL (Invalid argument)`,
		decodeLine(t, d, unix.SYS_PERF_EVENT_OPEN, -22, hw, 0, 0xffffffff, 0xffffffff, 0x1b))
	assert.Equal(t, `perf_event_open({type=PERF_TYPE_HW_CACHE, size=PERF_ATTR_SIZE_VER7, config=0x10203<<32|0x4<<24|0x5 /* PERF_COUNT_HW_CACHE_RESULT_??? */<<16|0x6 /* PERF_COUNT_HW_CACHE_OP_??? */<<8|0x7 /* PERF_COUNT_HW_CACHE_??? */, sample_period=0, sample_type=0, read_format=0, precise_ip=0 /* arbitrary skid */, ...}, -1, -1, 5, 0x10 /* PERF_FLAG_??? */) = -1 EINVAL (Invalid argument)`,
		decodeLine(t, d, unix.SYS_PERF_EVENT_OPEN, -22, cache, 0xffffffff, 0xffffffff, 5, 0x10))
	// Below the first published size, NULL, unreadable: the address.
	assert.Equal(t, `perf_event_open(0x4000, -1, -1, -1, 0) = -1 E2BIG (Argument list too long)`,
		decodeLine(t, d, unix.SYS_PERF_EVENT_OPEN, -7, small, 0xffffffff, 0xffffffff, 0xffffffff, 0))
	assert.Equal(t, `perf_event_open(NULL, -1, -1, -1, 0) = -1 EFAULT (Bad address)`,
		decodeLine(t, d, unix.SYS_PERF_EVENT_OPEN, -14, 0, 0xffffffff, 0xffffffff, 0xffffffff, 0))
	assert.Equal(t, `perf_event_open(0x1, -1, -1, -1, 0) = -1 EFAULT (Bad address)`,
		decodeLine(t, d, unix.SYS_PERF_EVENT_OPEN, -14, 1, 0xffffffff, 0xffffffff, 0xffffffff, 0))
	assert.Equal(t, `perf_event_open({type=PERF_TYPE_SOFTWARE, size=PERF_ATTR_SIZE_VER7, config=PERF_COUNT_SW_CPU_CLOCK, sample_period=0, sample_type=0, read_format=0, precise_ip=0 /* arbitrary skid */, ...}, -1, -1, -1, 0) = -1 EFAULT (Bad address)`,
		decodeLine(t, d, unix.SYS_PERF_EVENT_OPEN, -14, cut, 0xffffffff, 0xffffffff, 0xffffffff, 0))
	assert.Equal(t, `perf_event_open({type=PERF_TYPE_SOFTWARE, size=0 /* PERF_ATTR_SIZE_??? */, config=PERF_COUNT_SW_CPU_CLOCK, sample_period=1000, sample_type=0, read_format=0, precise_ip=0 /* arbitrary skid */, ...}, -1, -1, -1, 0) = -1 EINVAL (Invalid argument)`,
		decodeLine(t, d, unix.SYS_PERF_EVENT_OPEN, -22, zero, 0xffffffff, 0xffffffff, 0xffffffff, 0))
	assert.Equal(t, `perf_event_open({type=PERF_TYPE_SOFTWARE, size=PERF_ATTR_SIZE_VER7, config=PERF_COUNT_SW_CPU_CLOCK, sample_freq=0, sample_type=0, read_format=0, disabled=1, inherit=1, pinned=1, exclusive=1, exclude_user=1, exclude_kernel=1, exclude_hv=1, exclude_idle=1, mmap=1, comm=1, freq=1, inherit_stat=1, enable_on_exec=1, task=1, watermark=1, precise_ip=3 /* must have 0 skid */, mmap_data=1, sample_id_all=1, exclude_host=1, exclude_guest=1, exclude_callchain_kernel=1, exclude_callchain_user=1, mmap2=1, comm_exec=1, use_clockid=1, context_switch=1, write_backward=1, namespaces=1, ksymbol=1, bpf_event=1, aux_output=1, cgroup=1, text_poke=1, build_id=1, inherit_thread=1, remove_on_exec=1, sigtrap=1, __reserved_1=0x3ffffff /* Bits 63..38 */, ...}, -1, -1, -1, 0) = -1 EINVAL (Invalid argument)`,
		decodeLine(t, d, unix.SYS_PERF_EVENT_OPEN, -22, allFlags, 0xffffffff, 0xffffffff, 0xffffffff, 0))

	// -v: every field the size holds.
	v := testDecoder(m)
	v.Opts.Verbose = true
	assert.Equal(t, `perf_event_open({type=PERF_TYPE_HARDWARE, size=PERF_ATTR_SIZE_VER7, config=0x5<<32|PERF_COUNT_HW_CACHE_MISSES, sample_period=0, sample_type=PERF_SAMPLE_IP|PERF_SAMPLE_TID, read_format=0x40 /* PERF_FORMAT_??? */, disabled=1, inherit=0, pinned=0, exclusive=0, exclude_user=0, exclude_kernel=0, exclude_hv=0, exclude_idle=0, mmap=0, comm=0, freq=0, inherit_stat=0, enable_on_exec=0, task=0, watermark=0, precise_ip=0 /* arbitrary skid */, mmap_data=0, sample_id_all=0, exclude_host=0, exclude_guest=0, exclude_callchain_kernel=0, exclude_callchain_user=0, mmap2=0, comm_exec=0, use_clockid=1, context_switch=0, write_backward=0, namespaces=0, ksymbol=0, bpf_event=0, aux_output=0, cgroup=0, text_poke=0, build_id=0, inherit_thread=0, remove_on_exec=0, sigtrap=0, wakeup_events=0, config1=0, config2=0, sample_regs_user=0, clockid=0x63 /* CLOCK_??? */, sample_regs_intr=0, aux_watermark=0, sample_max_stack=0, aux_sample_size=0 /* bytes 116..119: 0x7 */, sig_data=0}, 0, -1, -1, PERF_FLAG_FD_NO_GROUP|PERF_FLAG_FD_OUTPUT|PERF_FLAG_FD_CLOEXEC|0x10) = -1 EINVAL (Invalid argument)`,
		decodeLine(t, v, unix.SYS_PERF_EVENT_OPEN, -22, hw, 0, 0xffffffff, 0xffffffff, 0x1b))
	assert.Equal(t, `perf_event_open(0x5fc8, -1, -1, -1, 0) = -1 EFAULT (Bad address)`,
		decodeLine(t, v, unix.SYS_PERF_EVENT_OPEN, -14, cut, 0xffffffff, 0xffffffff, 0xffffffff, 0))
	vzero := decodeLine(t, v, unix.SYS_PERF_EVENT_OPEN, -22, zero, 0xffffffff, 0xffffffff, 0xffffffff, 0)
	assert.True(t, strings.HasSuffix(vzero, `sigtrap=0, wakeup_events=0, config1=0}, -1, -1, -1, 0) = -1 EINVAL (Invalid argument)`), vzero)
	vbp := decodeLine(t, v, unix.SYS_PERF_EVENT_OPEN, -22, bp, 0xffffffff, 0xffffffff, 0xffffffff, 0)
	assert.True(t, strings.HasSuffix(vbp, `sigtrap=0, wakeup_events=0, bp_type=0x6 /* HW_BREAKPOINT_INVALID */, bp_addr=0x1000, bp_len=8}, -1, -1, -1, 0) = -1 EINVAL (Invalid argument)`), vbp)

	// -X raw and -X verbose.
	raw := testDecoder(m)
	raw.Opts.Style = format.Raw
	assert.Equal(t, `perf_event_open({type=0x3, size=0x80, config=0x10203<<32|0x4<<24|0x5<<16|0x6<<8|0x7, sample_period=0, sample_type=0, read_format=0, precise_ip=0 /* arbitrary skid */, ...}, -1, -1, 5, 0x10) = -1 EINVAL (Invalid argument)`,
		decodeLine(t, raw, unix.SYS_PERF_EVENT_OPEN, -22, cache, 0xffffffff, 0xffffffff, 5, 0x10))
	verb := testDecoder(m)
	verb.Opts.Style = format.Verbose
	assert.Equal(t, `perf_event_open({type=0 /* PERF_TYPE_HARDWARE */, size=0x80 /* PERF_ATTR_SIZE_VER7 */, config=0x5<<32|0x3 /* PERF_COUNT_HW_CACHE_MISSES */, sample_period=0, sample_type=0x3 /* PERF_SAMPLE_IP|PERF_SAMPLE_TID */, read_format=0x40 /* PERF_FORMAT_??? */, disabled=1, precise_ip=0 /* arbitrary skid */, use_clockid=1, ...}, 0, -1, -1, 0x1b /* PERF_FLAG_FD_NO_GROUP|PERF_FLAG_FD_OUTPUT|PERF_FLAG_FD_CLOEXEC|0x10 */) = -1 EINVAL (Invalid argument)`,
		decodeLine(t, verb, unix.SYS_PERF_EVENT_OPEN, -22, hw, 0, 0xffffffff, 0xffffffff, 0x1b))

	// -e verbose=none: the address.
	terse := testDecoder(m)
	terse.Terse = true
	assert.Equal(t, `perf_event_open(0x1000, 0, -1, -1, 0) = 3`,
		decodeLine(t, terse, unix.SYS_PERF_EVENT_OPEN, 3, task, 0, 0xffffffff, 0xffffffff, 0))

	// E2BIG: the kernel writes its own size back; shown after "=>", or
	// "???" when the attr cannot be read any more at exit.
	big := m.put(0xa000, perfAttrBytes(200, unix.PERF_TYPE_SOFTWARE, 200, 0, 0, nil))
	c := &Call{Nr: unix.SYS_PERF_EVENT_OPEN, Args: [6]uint64{big, 0xffffffff, 0xffffffff, 0xffffffff}}
	out := d.Enter(nil, c)
	assert.Equal(t, "perf_event_open(", string(out))
	binary.LittleEndian.PutUint32(m.regions[big][4:], 136)
	c.Ret = -int64(unix.E2BIG)
	out = d.Exit(out, c)
	assert.Equal(t, `perf_event_open({type=PERF_TYPE_SOFTWARE, size=0xc8 /* PERF_ATTR_SIZE_??? */ => 0x88 /* PERF_ATTR_SIZE_??? */, config=PERF_COUNT_SW_CPU_CLOCK, sample_period=0, sample_type=0, read_format=0, precise_ip=0 /* arbitrary skid */, ...}, -1, -1, -1, 0`, string(out))
	c = &Call{Nr: unix.SYS_PERF_EVENT_OPEN, Args: [6]uint64{big, 0xffffffff, 0xffffffff, 0xffffffff}}
	out = d.Enter(nil, c)
	delete(m.regions, big)
	c.Ret = -int64(unix.E2BIG)
	out = d.Exit(out, c)
	assert.Contains(t, string(out), `size=0x88 /* PERF_ATTR_SIZE_??? */ => ???, config=`)
}
