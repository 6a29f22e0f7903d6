package syscalls

// The priority and scheduling calls: getpriority, setpriority,
// sched_{get,set}scheduler, sched_{get,set}param,
// sched_get_priority_{max,min}, sched_rr_get_interval, and getcpu. Their
// value sets are listed in xlat/sched.txt.

// schedISO is SCHED_ISO (reserved in linux/sched.h), absent from x/sys.
const schedISO = 4

var (
	// PrioWhich prints getpriority's and setpriority's which (PRIO_*).
	PrioWhich = &Arg{Print: func(d *Decoder, c *Call, i int) {
		d.Value(priorityWhich, uint64(uint32(c.Args[i])), "PRIO_???")
	}}
	// SchedPolicy prints a scheduling policy (SCHED_*); a policy with
	// SCHED_RESET_ON_FORK or unknown prints in hex with /* SCHED_??? */,
	// as strace does.
	SchedPolicy = &Arg{Print: func(d *Decoder, c *Call, i int) {
		d.Value(schedPolicies, uint64(uint32(c.Args[i])), "SCHED_???")
	}}
	// SchedParamIn prints a struct sched_param the call reads, at entry,
	// as strace does: its one int in brackets ("[0]"); NULL, or the bare
	// address when unreadable.
	SchedParamIn = &Arg{Print: func(d *Decoder, c *Call, i int) { d.intPtr(c.Args[i]) }}
	// SchedParamOut is SchedParamIn for sched_getparam, at exit; the bare
	// address when the call failed.
	SchedParamOut = &Arg{AtExit: true, Print: func(d *Decoder, c *Call, i int) {
		if c.Failed() {
			d.Addr(c.Args[i])
			return
		}
		d.intPtr(c.Args[i])
	}}
	// PtrAtExit prints an address the call does not follow (getcpu's
	// tcache), at exit after the out-parameters before it.
	PtrAtExit = &Arg{AtExit: true, Print: func(d *Decoder, c *Call, i int) { d.Addr(c.Args[i]) }}
)

// schedGetschedulerDone is sched_getscheduler's exit hook: a known policy
// is named after the result, "= 0 (SCHED_OTHER)", in every -X style.
func schedGetschedulerDone(d *Decoder, c *Call) {
	if c.Failed() {
		return
	}
	if n, ok := schedPolicies.Name(uint64(c.Ret)); ok {
		c.Detail = n
	}
}
