package syscalls

//go:generate go run ./internal/mknames
//go:generate go run ./internal/mkxlat

import (
	"strconv"

	"golang.org/x/sys/unix"
)

// Class is a set of strace's trace classes (-e trace=%file…).
type Class uint32

// The trace classes, as strace defines them for each syscall.
const (
	TF   Class = 1 << iota // %file: takes a file name
	TI                     // %ipc
	TN                     // %network
	TP                     // %process
	TS                     // %signal
	TD                     // %desc: takes or returns a file descriptor
	TM                     // %memory
	TST                    // %stat
	TLST                   // %lstat
	TFST                   // %fstat
	TSTA                   // %%stat: any stat variant
	TSF                    // %statfs
	TFSF                   // %fstatfs
	TSFA                   // %%statfs: any statfs variant
	PU                     // %pure: no arguments, always succeeds
	TC                     // %creds
	TCL                    // %clock
)

// Entry is one syscall's line in the table.
type Entry struct {
	Name  string // from zsysnames.go (x/sys)
	Class Class
	NArgs int    // arguments printed
	Args  []*Arg // argument kinds; nil (or short): the rest print raw in hex
	Ret   RetKind
	// Done, if set, runs at exit after the arguments, for what depends on
	// the result alone (e.g. Call.Detail for prctl(PR_GET_DUMPABLE)).
	Done func(d *Decoder, c *Call)
}

func (e *Entry) nargs() int { return e.NArgs }

func (e *Entry) arg(i int) *Arg {
	if i < len(e.Args) && e.Args[i] != nil {
		return e.Args[i]
	}
	return Raw
}

// a builds an argument list for a table line.
func a(k ...*Arg) []*Arg { return k }

// table is the syscall table, one line per amd64 syscall, keyed by number.
// Names are not typed here: they come from zsysnames.go. A line with no
// argument kinds prints its arguments raw, as strace prints an undecoded
// call.
var table = [...]Entry{
	unix.SYS_READ:                    {Class: TD, NArgs: 3, Args: a(Fd, OutBuf, Ulong), Ret: RetDec},
	unix.SYS_WRITE:                   {Class: TD, NArgs: 3, Args: a(Fd, InBuf, Ulong), Ret: RetDec},
	unix.SYS_OPEN:                    {Class: TF | TD, NArgs: 3, Args: a(Path, OpenFlags, OpenMode), Ret: RetFd},
	unix.SYS_CLOSE:                   {Class: TD, NArgs: 1, Args: a(Fd)},
	unix.SYS_STAT:                    {Class: TF | TST | TSTA, NArgs: 2, Args: a(Path, StatBuf)},
	unix.SYS_FSTAT:                   {Class: TD | TFST | TSTA, NArgs: 2, Args: a(Fd, StatBuf)},
	unix.SYS_LSTAT:                   {Class: TF | TLST | TSTA, NArgs: 2, Args: a(Path, StatBuf)},
	unix.SYS_POLL:                    {Class: TD, NArgs: 3, Args: a(PollFds, Uint, PollTimeout)},
	unix.SYS_LSEEK:                   {Class: TD, NArgs: 3, Args: a(Fd, Long, Whence)},
	unix.SYS_MMAP:                    {Class: TD | TM, NArgs: 6, Args: a(Ptr, Ulong, Prot, MmapFlags, Fd, Raw), Ret: RetHex},
	unix.SYS_MPROTECT:                {Class: TM, NArgs: 3, Args: a(Ptr, Ulong, Prot)},
	unix.SYS_MUNMAP:                  {Class: TM, NArgs: 2, Args: a(Ptr, Ulong)},
	unix.SYS_BRK:                     {Class: TM, NArgs: 1, Args: a(Ptr), Ret: RetHex},
	unix.SYS_RT_SIGACTION:            {Class: TS, NArgs: 4, Args: a(Signal, SigactionIn, SigactionOut, Ulong)},
	unix.SYS_RT_SIGPROCMASK:          {Class: TS, NArgs: 4, Args: a(SigprocmaskHow, SigsetIn, SigsetOut, Ulong)},
	unix.SYS_RT_SIGRETURN:            {Class: TS, NArgs: 1, Args: a(Sigreturn)},
	unix.SYS_IOCTL:                   {Class: TD, NArgs: 3, Args: a(Fd, IoctlReq, IoctlArg)},
	unix.SYS_PREAD64:                 {Class: TD, NArgs: 4, Args: a(Fd, StrOut, Ulong, Long)},
	unix.SYS_PWRITE64:                {Class: TD, NArgs: 4, Args: a(Fd, InBuf, Ulong, Long)},
	unix.SYS_READV:                   {Class: TD, NArgs: 3, Args: a(Fd, IovOut, Ulong)},
	unix.SYS_WRITEV:                  {Class: TD, NArgs: 3, Args: a(Fd, IovIn, Ulong)},
	unix.SYS_ACCESS:                  {Class: TF, NArgs: 2, Args: a(Path, AccessMode)},
	unix.SYS_PIPE:                    {Class: TD, NArgs: 1, Args: a(PipeFds)},
	unix.SYS_SELECT:                  {Class: TD, NArgs: 5, Args: a(Int, SelectFds, SelectFds, SelectFds, SelectTimeout)},
	unix.SYS_SCHED_YIELD:             {Class: 0, NArgs: 0},
	unix.SYS_MREMAP:                  {Class: TM, NArgs: 5, Args: a(Ptr, Ulong, Ulong, MremapFlags, MremapNewAddr), Ret: RetHex},
	unix.SYS_MSYNC:                   {Class: TM, NArgs: 3, Args: a(Ptr, Ulong, MsyncFlags)},
	unix.SYS_MINCORE:                 {Class: TM, NArgs: 3, Args: a(Ptr, Ulong, MincoreVec)},
	unix.SYS_MADVISE:                 {Class: TM, NArgs: 3, Args: a(Ptr, Ulong, Madvice)},
	unix.SYS_SHMGET:                  {Class: TI, NArgs: 3, Args: a(IpcKey, Ulong, ShmgetFlags)},
	unix.SYS_SHMAT:                   {Class: TI | TM, NArgs: 3, Args: a(Int, Ptr, ShmatFlags), Ret: RetHex},
	unix.SYS_SHMCTL:                  {Class: TI, NArgs: 3, Args: a(Int, ShmctlCmd, ShmctlBuf)},
	unix.SYS_DUP:                     {Class: TD, NArgs: 1, Args: a(Fd), Ret: RetFd},
	unix.SYS_DUP2:                    {Class: TD, NArgs: 2, Args: a(Fd, Fd), Ret: RetFd},
	unix.SYS_PAUSE:                   {Class: TS, NArgs: 0},
	unix.SYS_NANOSLEEP:               {Class: 0, NArgs: 2, Args: a(TimespecIn, SleepRemain)},
	unix.SYS_GETITIMER:               {Class: 0, NArgs: 2, Args: a(ItimerWhich, ItimervalOut)},
	unix.SYS_ALARM:                   {Class: 0, NArgs: 1, Args: a(Uint), Ret: RetUdec},
	unix.SYS_SETITIMER:               {Class: 0, NArgs: 3, Args: a(ItimerWhich, ItimervalIn, ItimervalOut)},
	unix.SYS_GETPID:                  {Class: PU, NArgs: 0, Ret: RetPid},
	unix.SYS_SENDFILE:                {Class: TN | TD, NArgs: 4, Args: a(Fd, Fd, SendfileOff, Ulong)},
	unix.SYS_SOCKET:                  {Class: TN, NArgs: 3, Args: a(SockFamily, SockType, SockProto), Ret: RetFd},
	unix.SYS_CONNECT:                 {Class: TN, NArgs: 3, Args: a(Fd, SockaddrIn, Int)},
	unix.SYS_ACCEPT:                  {Class: TN, NArgs: 3, Args: a(Fd, SockaddrOut, SocklenOut), Ret: RetFd},
	unix.SYS_SENDTO:                  {Class: TN, NArgs: 6, Args: a(Fd, SockBufIn, Ulong, MsgFlags, SockaddrIn, Int)},
	unix.SYS_RECVFROM:                {Class: TN, NArgs: 6, Args: a(Fd, RecvBuf, Ulong, MsgFlags, RecvAddrOut, SocklenOut)},
	unix.SYS_SENDMSG:                 {Class: TN, NArgs: 3, Args: a(Fd, MsghdrIn, MsgFlags)},
	unix.SYS_RECVMSG:                 {Class: TN, NArgs: 3, Args: a(Fd, MsghdrOut, MsgFlags)},
	unix.SYS_SHUTDOWN:                {Class: TN, NArgs: 2, Args: a(Fd, ShutdownHow)},
	unix.SYS_BIND:                    {Class: TN, NArgs: 3, Args: a(Fd, SockaddrIn, Int)},
	unix.SYS_LISTEN:                  {Class: TN, NArgs: 2, Args: a(Fd, Int)},
	unix.SYS_GETSOCKNAME:             {Class: TN, NArgs: 3, Args: a(Fd, SockaddrOut, SocklenOut)},
	unix.SYS_GETPEERNAME:             {Class: TN, NArgs: 3, Args: a(Fd, SockaddrOut, SocklenOut)},
	unix.SYS_SOCKETPAIR:              {Class: TN, NArgs: 4, Args: a(SockFamily, SockType, Ulong, FdPair)},
	unix.SYS_SETSOCKOPT:              {Class: TN, NArgs: 5, Args: a(Fd, SockLevel, SockoptName, SockoptIn, Int)},
	unix.SYS_GETSOCKOPT:              {Class: TN, NArgs: 5, Args: a(Fd, SockLevel, SockoptName, SockoptOut, SocklenOut)},
	unix.SYS_CLONE:                   {Class: TP, NArgs: 5, Args: a(CloneArgs, CloneTids, Covered, Covered, Covered), Ret: RetPid},
	unix.SYS_FORK:                    {Class: TP, NArgs: 0, Ret: RetPid},
	unix.SYS_VFORK:                   {Class: TP, NArgs: 0, Ret: RetPid},
	unix.SYS_EXECVE:                  {Class: TF | TP, NArgs: 3, Args: a(Path, Argv, Envp)},
	unix.SYS_EXIT:                    {Class: TP, NArgs: 1, Args: a(Int)},
	unix.SYS_WAIT4:                   {Class: TP, NArgs: 4, Args: a(Pid, WaitStatus, WaitOptions, RusageWait), Ret: RetPid},
	unix.SYS_KILL:                    {Class: TP | TS, NArgs: 2, Args: a(Pid, Signal)},
	unix.SYS_UNAME:                   {Class: 0, NArgs: 1, Args: a(UtsnameOut)},
	unix.SYS_SEMGET:                  {Class: TI, NArgs: 3, Args: a(IpcKey, Int, IpcFlags)},
	unix.SYS_SEMOP:                   {Class: TI, NArgs: 3, Args: a(Int, Sembufs, Uint)},
	unix.SYS_SEMCTL:                  {Class: TI, NArgs: 4, Args: a(Int, Int, SemctlCmd, SemctlArg)},
	unix.SYS_SHMDT:                   {Class: TI | TM, NArgs: 1, Args: a(Ptr)},
	unix.SYS_MSGGET:                  {Class: TI, NArgs: 2, Args: a(IpcKey, IpcFlags)},
	unix.SYS_MSGSND:                  {Class: TI, NArgs: 4, Args: a(Int, MsgbufIn, Ulong, IpcMsgFlags)},
	unix.SYS_MSGRCV:                  {Class: TI, NArgs: 5, Args: a(Int, MsgbufOut, Ulong, Long, IpcMsgFlags)},
	unix.SYS_MSGCTL:                  {Class: TI, NArgs: 3, Args: a(Int, MsgctlCmd, MsgctlBuf)},
	unix.SYS_FCNTL:                   {Class: TD, NArgs: 3, Args: a(Fd, FcntlCmd, FcntlArg)},
	unix.SYS_FLOCK:                   {Class: TD, NArgs: 2, Args: a(Fd, FlockOp)},
	unix.SYS_FSYNC:                   {Class: TD, NArgs: 1, Args: a(Fd)},
	unix.SYS_FDATASYNC:               {Class: TD, NArgs: 1, Args: a(Fd)},
	unix.SYS_TRUNCATE:                {Class: TF, NArgs: 2, Args: a(Path, Ulong)},
	unix.SYS_FTRUNCATE:               {Class: TD, NArgs: 2, Args: a(Fd, Ulong)},
	unix.SYS_GETDENTS:                {Class: TD, NArgs: 3, Args: a(Fd, Dirents, Uint)},
	unix.SYS_GETCWD:                  {Class: TF, NArgs: 2, Args: a(CwdBuf, Ulong)},
	unix.SYS_CHDIR:                   {Class: TF, NArgs: 1, Args: a(Path)},
	unix.SYS_FCHDIR:                  {Class: TD, NArgs: 1, Args: a(Fd)},
	unix.SYS_RENAME:                  {Class: TF, NArgs: 2, Args: a(Path, Path)},
	unix.SYS_MKDIR:                   {Class: TF, NArgs: 2, Args: a(Path, Mode)},
	unix.SYS_RMDIR:                   {Class: TF, NArgs: 1, Args: a(Path)},
	unix.SYS_CREAT:                   {Class: TF | TD, NArgs: 2, Args: a(Path, Mode), Ret: RetFd},
	unix.SYS_LINK:                    {Class: TF, NArgs: 2, Args: a(Path, Path)},
	unix.SYS_UNLINK:                  {Class: TF, NArgs: 1, Args: a(Path)},
	unix.SYS_SYMLINK:                 {Class: TF, NArgs: 2, Args: a(Path, Path)},
	unix.SYS_READLINK:                {Class: TF, NArgs: 3, Args: a(Path, StrOut, Ulong)},
	unix.SYS_CHMOD:                   {Class: TF, NArgs: 2, Args: a(Path, Mode)},
	unix.SYS_FCHMOD:                  {Class: TD, NArgs: 2, Args: a(Fd, Mode)},
	unix.SYS_CHOWN:                   {Class: TF, NArgs: 3, Args: a(Path, ID, ID)},
	unix.SYS_FCHOWN:                  {Class: TD, NArgs: 3, Args: a(Fd, ID, ID)},
	unix.SYS_LCHOWN:                  {Class: TF, NArgs: 3, Args: a(Path, ID, ID)},
	unix.SYS_UMASK:                   {Class: 0, NArgs: 1, Args: a(Mode), Ret: RetOct},
	unix.SYS_GETTIMEOFDAY:            {Class: TCL, NArgs: 2, Args: a(TimevalOut, TimezoneOut)},
	unix.SYS_GETRLIMIT:               {Class: 0, NArgs: 2, Args: a(Resource, RlimitOut)},
	unix.SYS_GETRUSAGE:               {Class: 0, NArgs: 2, Args: a(RusageWho, RusageOut)},
	unix.SYS_SYSINFO:                 {Class: 0, NArgs: 1, Args: a(SysinfoOut)},
	unix.SYS_TIMES:                   {Class: 0, NArgs: 1, Args: a(TmsOut), Ret: RetUdec},
	unix.SYS_PTRACE:                  {Class: 0, NArgs: 4, Args: a(PtraceRequest, PtracePid, PtraceAddr, PtraceData)},
	unix.SYS_GETUID:                  {Class: PU | TC, NArgs: 0},
	unix.SYS_SYSLOG:                  {Class: 0, NArgs: 3, Args: a(SyslogType, SyslogArgs, Hidden)},
	unix.SYS_GETGID:                  {Class: PU | TC, NArgs: 0},
	unix.SYS_SETUID:                  {Class: TC, NArgs: 1, Args: a(ID)},
	unix.SYS_SETGID:                  {Class: TC, NArgs: 1, Args: a(ID)},
	unix.SYS_GETEUID:                 {Class: PU | TC, NArgs: 0},
	unix.SYS_GETEGID:                 {Class: PU | TC, NArgs: 0},
	unix.SYS_SETPGID:                 {Class: 0, NArgs: 2, Args: a(Pid, Pid)},
	unix.SYS_GETPPID:                 {Class: PU, NArgs: 0, Ret: RetPid},
	unix.SYS_GETPGRP:                 {Class: PU, NArgs: 0},
	unix.SYS_SETSID:                  {Class: 0, NArgs: 0},
	unix.SYS_SETREUID:                {Class: TC, NArgs: 2, Args: a(ID, ID)},
	unix.SYS_SETREGID:                {Class: TC, NArgs: 2, Args: a(ID, ID)},
	unix.SYS_GETGROUPS:               {Class: TC, NArgs: 2, Args: a(Int, GroupsOut)},
	unix.SYS_SETGROUPS:               {Class: TC, NArgs: 2, Args: a(Int, GroupsIn)},
	unix.SYS_SETRESUID:               {Class: TC, NArgs: 3, Args: a(ID, ID, ID)},
	unix.SYS_GETRESUID:               {Class: TC, NArgs: 3, Args: a(IDOut, IDOut, IDOut)},
	unix.SYS_SETRESGID:               {Class: TC, NArgs: 3, Args: a(ID, ID, ID)},
	unix.SYS_GETRESGID:               {Class: TC, NArgs: 3, Args: a(IDOut, IDOut, IDOut)},
	unix.SYS_GETPGID:                 {Class: 0, NArgs: 1, Args: a(Pid)},
	unix.SYS_SETFSUID:                {Class: TC, NArgs: 1, Args: a(ID)},
	unix.SYS_SETFSGID:                {Class: TC, NArgs: 1, Args: a(ID)},
	unix.SYS_GETSID:                  {Class: 0, NArgs: 1, Args: a(Pid)},
	unix.SYS_CAPGET:                  {Class: TC, NArgs: 2, Args: a(CapHeader, CapDataOut)},
	unix.SYS_CAPSET:                  {Class: TC, NArgs: 2, Args: a(CapHeader, CapDataIn)},
	unix.SYS_RT_SIGPENDING:           {Class: TS, NArgs: 2, Args: a(SigsetOut, Ulong)},
	unix.SYS_RT_SIGTIMEDWAIT:         {Class: TS, NArgs: 4, Args: a(SigsetIn, SiginfoOut, TimespecIn, SigtimedwaitSize)},
	unix.SYS_RT_SIGQUEUEINFO:         {Class: TP | TS, NArgs: 3, Args: a(Pid, Signal, SiginfoIn)},
	unix.SYS_RT_SIGSUSPEND:           {Class: TS, NArgs: 2, Args: a(SigsetIn, Ulong)},
	unix.SYS_SIGALTSTACK:             {Class: TS, NArgs: 2, Args: a(StackIn, StackOut)},
	unix.SYS_UTIME:                   {Class: TF, NArgs: 2, Args: a(Path, Utimbuf)},
	unix.SYS_MKNOD:                   {Class: TF, NArgs: 3, Args: a(Path, MknodMode, MknodDev)},
	unix.SYS_USELIB:                  {Class: TF, NArgs: 1, Args: a(Path)},
	unix.SYS_PERSONALITY:             {Class: 0, NArgs: 1, Args: a(Persona), Ret: RetHex, Done: personalityDone},
	unix.SYS_USTAT:                   {Class: TSFA, NArgs: 2, Args: a(DevArg, PtrAtExit)},
	unix.SYS_STATFS:                  {Class: TF | TSF | TSFA, NArgs: 2, Args: a(Path, StatfsBuf)},
	unix.SYS_FSTATFS:                 {Class: TD | TFSF | TSFA, NArgs: 2, Args: a(Fd, StatfsBuf)},
	unix.SYS_SYSFS:                   {Class: 0, NArgs: 3},
	unix.SYS_GETPRIORITY:             {Class: 0, NArgs: 2, Args: a(PrioWhich, PrioWho)},
	unix.SYS_SETPRIORITY:             {Class: 0, NArgs: 3, Args: a(PrioWhich, PrioWho, Int)},
	unix.SYS_SCHED_SETPARAM:          {Class: 0, NArgs: 2, Args: a(Pid, SchedParamIn)},
	unix.SYS_SCHED_GETPARAM:          {Class: 0, NArgs: 2, Args: a(Pid, SchedParamOut)},
	unix.SYS_SCHED_SETSCHEDULER:      {Class: 0, NArgs: 3, Args: a(Pid, SchedPolicy, SchedParamIn)},
	unix.SYS_SCHED_GETSCHEDULER:      {Class: 0, NArgs: 1, Args: a(Pid), Done: schedGetschedulerDone},
	unix.SYS_SCHED_GET_PRIORITY_MAX:  {Class: 0, NArgs: 1, Args: a(SchedPolicy)},
	unix.SYS_SCHED_GET_PRIORITY_MIN:  {Class: 0, NArgs: 1, Args: a(SchedPolicy)},
	unix.SYS_SCHED_RR_GET_INTERVAL:   {Class: 0, NArgs: 2, Args: a(Pid, TimespecOut)},
	unix.SYS_MLOCK:                   {Class: TM, NArgs: 2, Args: a(Ptr, Ulong)},
	unix.SYS_MUNLOCK:                 {Class: TM, NArgs: 2, Args: a(Ptr, Ulong)},
	unix.SYS_MLOCKALL:                {Class: TM, NArgs: 1, Args: a(MlockallFlags)},
	unix.SYS_MUNLOCKALL:              {Class: TM, NArgs: 0},
	unix.SYS_VHANGUP:                 {Class: 0, NArgs: 0},
	unix.SYS_MODIFY_LDT:              {Class: 0, NArgs: 3, Args: a(Int, LdtPtr, Ulong), Done: modifyLdtDone},
	unix.SYS_PIVOT_ROOT:              {Class: TF, NArgs: 2, Args: a(Path, Path)},
	unix.SYS__SYSCTL:                 {Class: 0, NArgs: 1, Args: a(Ptr)}, // struct __sysctl_args: printed as its address (the kernel has no _sysctl)
	unix.SYS_PRCTL:                   {Class: TC, NArgs: 5, Args: a(PrctlOption, PrctlOut, Covered, Covered, Covered), Done: prctlDone},
	unix.SYS_ARCH_PRCTL:              {Class: 0, NArgs: 2, Args: a(ArchCode, ArchAddr)},
	unix.SYS_ADJTIMEX:                {Class: TCL, NArgs: 1, Args: a(TimexOut), Done: adjtimexDone},
	unix.SYS_SETRLIMIT:               {Class: 0, NArgs: 2, Args: a(Resource, RlimitIn)},
	unix.SYS_CHROOT:                  {Class: TF, NArgs: 1, Args: a(Path)},
	unix.SYS_SYNC:                    {Class: 0, NArgs: 0},
	unix.SYS_ACCT:                    {Class: TF, NArgs: 1, Args: a(Path)},
	unix.SYS_SETTIMEOFDAY:            {Class: TCL, NArgs: 2, Args: a(TimevalIn, TimezoneIn)},
	unix.SYS_MOUNT:                   {Class: TF, NArgs: 5, Args: a(Path, Path, MountType, MountFlags, MountData)},
	unix.SYS_UMOUNT2:                 {Class: TF, NArgs: 2, Args: a(Path, UmountFlags)},
	unix.SYS_SWAPON:                  {Class: TF, NArgs: 2, Args: a(Path, SwapFlags)},
	unix.SYS_SWAPOFF:                 {Class: TF, NArgs: 1, Args: a(Path)},
	unix.SYS_REBOOT:                  {Class: 0, NArgs: 4, Args: a(RebootMagic1, RebootMagic2, RebootCmd, RebootArg)},
	unix.SYS_SETHOSTNAME:             {Class: 0, NArgs: 2, Args: a(HostName, Uint)},
	unix.SYS_SETDOMAINNAME:           {Class: 0, NArgs: 2, Args: a(HostName, Uint)},
	unix.SYS_IOPL:                    {Class: 0, NArgs: 1, Args: a(Int)},
	unix.SYS_IOPERM:                  {Class: 0, NArgs: 3, Args: a(Raw, Raw, Int)},
	unix.SYS_CREATE_MODULE:           {Class: 0, NArgs: 2},
	unix.SYS_INIT_MODULE:             {Class: 0, NArgs: 3, Args: a(Ptr, Ulong, Str)},
	unix.SYS_DELETE_MODULE:           {Class: 0, NArgs: 2, Args: a(Str, DeleteModuleFlags)},
	unix.SYS_GET_KERNEL_SYMS:         {Class: 0, NArgs: 1},
	unix.SYS_QUERY_MODULE:            {Class: 0, NArgs: 5},
	unix.SYS_QUOTACTL:                {Class: TF, NArgs: 4, Args: a(QuotaCmd, Path, QuotactlID, QuotaSkip)},
	unix.SYS_NFSSERVCTL:              {Class: 0, NArgs: 3},
	unix.SYS_GETPMSG:                 {Class: TN, NArgs: 5},
	unix.SYS_PUTPMSG:                 {Class: TN, NArgs: 5},
	unix.SYS_AFS_SYSCALL:             {Class: 0, NArgs: 5},
	unix.SYS_TUXCALL:                 {Class: 0, NArgs: 3},
	unix.SYS_SECURITY:                {Class: 0, NArgs: 3},
	unix.SYS_GETTID:                  {Class: PU, NArgs: 0, Ret: RetPid},
	unix.SYS_READAHEAD:               {Class: TD, NArgs: 3, Args: a(Fd, Long, Ulong)},
	unix.SYS_SETXATTR:                {Class: TF, NArgs: 5, Args: a(Path, Str, InBuf, Ulong, XattrFlags)},
	unix.SYS_LSETXATTR:               {Class: TF, NArgs: 5, Args: a(Path, Str, InBuf, Ulong, XattrFlags)},
	unix.SYS_FSETXATTR:               {Class: TD, NArgs: 5, Args: a(Fd, Str, InBuf, Ulong, XattrFlags)},
	unix.SYS_GETXATTR:                {Class: TF, NArgs: 4, Args: a(Path, Str, XattrValue, Ulong)},
	unix.SYS_LGETXATTR:               {Class: TF, NArgs: 4, Args: a(Path, Str, XattrValue, Ulong)},
	unix.SYS_FGETXATTR:               {Class: TD, NArgs: 4, Args: a(Fd, Str, XattrValue, Ulong)},
	unix.SYS_LISTXATTR:               {Class: TF, NArgs: 3, Args: a(Path, XattrValue, Ulong)},
	unix.SYS_LLISTXATTR:              {Class: TF, NArgs: 3, Args: a(Path, XattrValue, Ulong)},
	unix.SYS_FLISTXATTR:              {Class: TD, NArgs: 3, Args: a(Fd, XattrValue, Ulong)},
	unix.SYS_REMOVEXATTR:             {Class: TF, NArgs: 2, Args: a(Path, Str)},
	unix.SYS_LREMOVEXATTR:            {Class: TF, NArgs: 2, Args: a(Path, Str)},
	unix.SYS_FREMOVEXATTR:            {Class: TD, NArgs: 2, Args: a(Fd, Str)},
	unix.SYS_TKILL:                   {Class: TP | TS, NArgs: 2, Args: a(Pid, Signal)},
	unix.SYS_TIME:                    {Class: TCL, NArgs: 1, Args: a(TimeOut)},
	unix.SYS_FUTEX:                   {Class: 0, NArgs: 6, Args: a(Ptr, Futex, Covered, Covered, Covered, Covered)},
	unix.SYS_SCHED_SETAFFINITY:       {Class: 0, NArgs: 3, Args: a(Pid, Uint, CPUSetIn)},
	unix.SYS_SCHED_GETAFFINITY:       {Class: 0, NArgs: 3, Args: a(Pid, Uint, CPUSetOut)},
	unix.SYS_SET_THREAD_AREA:         {Class: 0, NArgs: 1, Args: a(UserDescIn), Done: setThreadAreaDone},
	unix.SYS_IO_SETUP:                {Class: TM, NArgs: 2, Args: a(Uint, AioCtxOut)},
	unix.SYS_IO_DESTROY:              {Class: TM, NArgs: 1, Args: a(Ptr)},
	unix.SYS_IO_GETEVENTS:            {Class: 0, NArgs: 5, Args: a(Ptr, Long, Long, IoEventsOut, IoTimeout)},
	unix.SYS_IO_SUBMIT:               {Class: 0, NArgs: 3, Args: a(Ptr, Long, IocbArray)},
	unix.SYS_IO_CANCEL:               {Class: 0, NArgs: 3, Args: a(Ptr, IocbHeaderIn, IoEventOut)},
	unix.SYS_GET_THREAD_AREA:         {Class: 0, NArgs: 1, Args: a(UserDescGet), Done: getThreadAreaDone},
	unix.SYS_LOOKUP_DCOOKIE:          {Class: 0, NArgs: 3, Args: a(Ulong, DcookiePath, Ulong)},
	unix.SYS_EPOLL_CREATE:            {Class: TD, NArgs: 1, Args: a(Int), Ret: RetFd},
	unix.SYS_EPOLL_CTL_OLD:           {Class: 0, NArgs: 4},
	unix.SYS_EPOLL_WAIT_OLD:          {Class: 0, NArgs: 4},
	unix.SYS_REMAP_FILE_PAGES:        {Class: TM, NArgs: 5, Args: a(Ptr, Ulong, Prot, Ulong, MmapFlags)},
	unix.SYS_GETDENTS64:              {Class: TD, NArgs: 3, Args: a(Fd, Dirents64, Uint)},
	unix.SYS_SET_TID_ADDRESS:         {Class: 0, NArgs: 1, Args: a(Ptr)},
	unix.SYS_RESTART_SYSCALL:         {Class: 0, NArgs: 0},
	unix.SYS_SEMTIMEDOP:              {Class: TI, NArgs: 4, Args: a(Int, Sembufs, Uint, TimespecIn)},
	unix.SYS_FADVISE64:               {Class: TD, NArgs: 4, Args: a(Fd, Long, Long, FadviseAdvice)},
	unix.SYS_TIMER_CREATE:            {Class: 0, NArgs: 3, Args: a(ClockID, SigeventIn, IntOut)},
	unix.SYS_TIMER_SETTIME:           {Class: 0, NArgs: 4, Args: a(Int, TimerFlags, ItimerspecIn, ItimerspecOut)},
	unix.SYS_TIMER_GETTIME:           {Class: 0, NArgs: 2, Args: a(Int, ItimerspecOut)},
	unix.SYS_TIMER_GETOVERRUN:        {Class: 0, NArgs: 1, Args: a(Int)},
	unix.SYS_TIMER_DELETE:            {Class: 0, NArgs: 1, Args: a(Int)},
	unix.SYS_CLOCK_SETTIME:           {Class: TCL, NArgs: 2, Args: a(ClockID, TimespecIn)},
	unix.SYS_CLOCK_GETTIME:           {Class: TCL, NArgs: 2, Args: a(ClockID, TimespecOut)},
	unix.SYS_CLOCK_GETRES:            {Class: TCL, NArgs: 2, Args: a(ClockID, TimespecOut)},
	unix.SYS_CLOCK_NANOSLEEP:         {Class: 0, NArgs: 4, Args: a(ClockID, TimerFlags, TimespecIn, SleepRemain)},
	unix.SYS_EXIT_GROUP:              {Class: TP, NArgs: 1, Args: a(Int)},
	unix.SYS_EPOLL_WAIT:              {Class: TD, NArgs: 4, Args: a(Fd, EpollEventsOut, Int, Int)},
	unix.SYS_EPOLL_CTL:               {Class: TD, NArgs: 4, Args: a(Fd, EpollOp, Fd, EpollEventIn)},
	unix.SYS_TGKILL:                  {Class: TP | TS, NArgs: 3, Args: a(Pid, Pid, Signal)},
	unix.SYS_UTIMES:                  {Class: TF, NArgs: 2, Args: a(Path, UtimesTimes)},
	unix.SYS_VSERVER:                 {Class: 0, NArgs: 5},
	unix.SYS_MBIND:                   {Class: TM, NArgs: 6, Args: a(Ptr, Ulong, MpolMode, NodemaskIn, Ulong, MbindFlags)},
	unix.SYS_SET_MEMPOLICY:           {Class: TM, NArgs: 3, Args: a(MpolMode32, NodemaskIn, Ulong)},
	unix.SYS_GET_MEMPOLICY:           {Class: TM, NArgs: 5, Args: a(GetMempolicyMode, NodemaskOut, Ulong, Ptr, GetMempolicyFlags)},
	unix.SYS_MQ_OPEN:                 {Class: TD, NArgs: 4, Args: a(Path, OpenFlags, MqMode, MqOpenAttr), Ret: RetFd},
	unix.SYS_MQ_UNLINK:               {Class: 0, NArgs: 1, Args: a(Path)},
	unix.SYS_MQ_TIMEDSEND:            {Class: TD, NArgs: 5, Args: a(Fd, InBuf, Ulong, Uint, TimespecIn)},
	unix.SYS_MQ_TIMEDRECEIVE:         {Class: TD, NArgs: 5, Args: a(Fd, OutBuf, Ulong, UintOut, TimespecExit)},
	unix.SYS_MQ_NOTIFY:               {Class: TD, NArgs: 2, Args: a(Fd, SigeventIn)},
	unix.SYS_MQ_GETSETATTR:           {Class: TD, NArgs: 3, Args: a(Fd, MqAttrIn, MqAttrOut)},
	unix.SYS_KEXEC_LOAD:              {Class: 0, NArgs: 4, Args: a(Ptr, Ulong, KexecSegments, KexecLoadFlags)},
	unix.SYS_WAITID:                  {Class: TP, NArgs: 5, Args: a(IDType, WaitidID, SiginfoOut, WaitOptions, RusageOut)},
	unix.SYS_ADD_KEY:                 {Class: 0, NArgs: 5, Args: a(Str, Str, KeyPayload, Ulong, KeySerial)},
	unix.SYS_REQUEST_KEY:             {Class: 0, NArgs: 4, Args: a(Str, Str, Str, KeySerial)},
	unix.SYS_KEYCTL:                  {Class: 0, NArgs: 5, Args: a(KeyctlCmd, KeyctlArgs, Hidden, Hidden, Hidden)},
	unix.SYS_IOPRIO_SET:              {Class: 0, NArgs: 3, Args: a(IoprioWhich, Int, Ioprio)},
	unix.SYS_IOPRIO_GET:              {Class: 0, NArgs: 2, Args: a(IoprioWhich, Int), Done: ioprioGetDone},
	unix.SYS_INOTIFY_INIT:            {Class: TD, NArgs: 0, Ret: RetFd},
	unix.SYS_INOTIFY_ADD_WATCH:       {Class: TF | TD, NArgs: 3, Args: a(Fd, Path, InotifyMask)},
	unix.SYS_INOTIFY_RM_WATCH:        {Class: TD, NArgs: 2, Args: a(Fd, Int)},
	unix.SYS_MIGRATE_PAGES:           {Class: TM, NArgs: 4, Args: a(Int, Ulong, MigrateNodemask, MigrateNodemask)},
	unix.SYS_OPENAT:                  {Class: TF | TD, NArgs: 4, Args: a(AtDirfd, Path, OpenFlags, OpenMode), Ret: RetFd},
	unix.SYS_MKDIRAT:                 {Class: TF | TD, NArgs: 3, Args: a(AtDirfd, Path, Mode)},
	unix.SYS_MKNODAT:                 {Class: TF | TD, NArgs: 4, Args: a(AtDirfd, Path, MknodMode, MknodDev)},
	unix.SYS_FCHOWNAT:                {Class: TF | TD, NArgs: 5, Args: a(AtDirfd, Path, ID, ID, AtFlags)},
	unix.SYS_FUTIMESAT:               {Class: TF | TD, NArgs: 3, Args: a(AtDirfd, Path, UtimesTimes)},
	unix.SYS_NEWFSTATAT:              {Class: TF | TD | TFST | TSTA, NArgs: 4, Args: a(AtDirfd, Path, StatBuf, AtFlags)},
	unix.SYS_UNLINKAT:                {Class: TF | TD, NArgs: 3, Args: a(AtDirfd, Path, AtFlags)},
	unix.SYS_RENAMEAT:                {Class: TF | TD, NArgs: 4, Args: a(AtDirfd, Path, AtDirfd, Path)},
	unix.SYS_LINKAT:                  {Class: TF | TD, NArgs: 5, Args: a(AtDirfd, Path, AtDirfd, Path, AtFlags)},
	unix.SYS_SYMLINKAT:               {Class: TF | TD, NArgs: 3, Args: a(Path, AtDirfd, Path)},
	unix.SYS_READLINKAT:              {Class: TF | TD, NArgs: 4, Args: a(AtDirfd, Path, StrOut, Ulong)},
	unix.SYS_FCHMODAT:                {Class: TF | TD, NArgs: 3, Args: a(AtDirfd, Path, Mode)},
	unix.SYS_FACCESSAT:               {Class: TF | TD, NArgs: 3, Args: a(AtDirfd, Path, AccessMode)},
	unix.SYS_PSELECT6:                {Class: TD, NArgs: 6, Args: a(Int, SelectFds, SelectFds, SelectFds, PollTimespec, PselectSigmask)},
	unix.SYS_PPOLL:                   {Class: TD, NArgs: 5, Args: a(PollFds, Uint, PollTimespec, SigmaskIn, PpollSigsetsize)},
	unix.SYS_UNSHARE:                 {Class: 0, NArgs: 1, Args: a(UnshareFlags)},
	unix.SYS_SET_ROBUST_LIST:         {Class: 0, NArgs: 2, Args: a(Ptr, Ulong)},
	unix.SYS_GET_ROBUST_LIST:         {Class: 0, NArgs: 3, Args: a(Pid, PtrOut, UlongOut)},
	unix.SYS_SPLICE:                  {Class: TD, NArgs: 6, Args: a(Fd, OffPtr, Fd, OffPtr, Ulong, SpliceFlags)},
	unix.SYS_TEE:                     {Class: TD, NArgs: 4, Args: a(Fd, Fd, Ulong, SpliceFlags)},
	unix.SYS_SYNC_FILE_RANGE:         {Class: TD, NArgs: 4, Args: a(Fd, Long, Long, SyncFileRangeFlags)},
	unix.SYS_VMSPLICE:                {Class: TD, NArgs: 4, Args: a(Fd, IovIn, Ulong, SpliceFlags)},
	unix.SYS_MOVE_PAGES:              {Class: TM, NArgs: 6, Args: a(Int, Ulong, MovePages, MoveNodes, MoveStatus, MovePagesFlags)},
	unix.SYS_UTIMENSAT:               {Class: TF | TD, NArgs: 4, Args: a(AtDirfd, Path, UtimensTimes, AtFlags)},
	unix.SYS_EPOLL_PWAIT:             {Class: TD, NArgs: 6, Args: a(Fd, EpollEventsOut, Int, Int, SigmaskExit, Ulong)},
	unix.SYS_SIGNALFD:                {Class: TS | TD, NArgs: 3, Args: a(Fd, SignalfdMask, Ulong), Ret: RetFd},
	unix.SYS_TIMERFD_CREATE:          {Class: TD, NArgs: 2, Args: a(ClockID, TimerfdFlags), Ret: RetFd},
	unix.SYS_EVENTFD:                 {Class: TD, NArgs: 1, Args: a(Uint), Ret: RetFd},
	unix.SYS_FALLOCATE:               {Class: TD, NArgs: 4, Args: a(Fd, FallocMode, Long, Long)},
	unix.SYS_TIMERFD_SETTIME:         {Class: TD, NArgs: 4, Args: a(Fd, TimerfdFlags, ItimerspecIn, ItimerspecOut)},
	unix.SYS_TIMERFD_GETTIME:         {Class: TD, NArgs: 2, Args: a(Fd, ItimerspecOut)},
	unix.SYS_ACCEPT4:                 {Class: TN, NArgs: 4, Args: a(Fd, SockaddrOut, SocklenOut, SockFlags), Ret: RetFd},
	unix.SYS_SIGNALFD4:               {Class: TS | TD, NArgs: 4, Args: a(Fd, SignalfdMask, Ulong, SfdFlags), Ret: RetFd},
	unix.SYS_EVENTFD2:                {Class: TD, NArgs: 2, Args: a(Uint, EfdFlags), Ret: RetFd},
	unix.SYS_EPOLL_CREATE1:           {Class: TD, NArgs: 1, Args: a(EpollCreateFlags), Ret: RetFd},
	unix.SYS_DUP3:                    {Class: TD, NArgs: 3, Args: a(Fd, Fd, Dup3Flags), Ret: RetFd},
	unix.SYS_PIPE2:                   {Class: TD, NArgs: 2, Args: a(PipeFds, Pipe2Flags)},
	unix.SYS_INOTIFY_INIT1:           {Class: TD, NArgs: 1, Args: a(InotifyInitFlags), Ret: RetFd},
	unix.SYS_PREADV:                  {Class: TD, NArgs: 4, Args: a(Fd, IovOut, Ulong, Long)},
	unix.SYS_PWRITEV:                 {Class: TD, NArgs: 4, Args: a(Fd, IovIn, Ulong, Long)},
	unix.SYS_RT_TGSIGQUEUEINFO:       {Class: TP | TS, NArgs: 4, Args: a(Pid, Pid, Signal, SiginfoIn)},
	unix.SYS_PERF_EVENT_OPEN:         {Class: TD, NArgs: 5, Args: a(PerfEventAttr, Int, Int, Fd, PerfEventFlags), Ret: RetFd},
	unix.SYS_RECVMMSG:                {Class: TN, NArgs: 5, Args: a(Fd, MmsgRecv, Uint, MsgFlags, MmsgTimeout)},
	unix.SYS_FANOTIFY_INIT:           {Class: TD, NArgs: 2, Args: a(FanInitFlags, OpenFlags), Ret: RetFd},
	unix.SYS_FANOTIFY_MARK:           {Class: TF | TD, NArgs: 5, Args: a(Fd, FanMarkFlags, FanEventMask, FanDirfd, Path)},
	unix.SYS_PRLIMIT64:               {Class: 0, NArgs: 4, Args: a(Pid, Resource, RlimitIn, RlimitOut)},
	unix.SYS_NAME_TO_HANDLE_AT:       {Class: TF | TD, NArgs: 5, Args: a(AtDirfd, Path, HandleOut, MountID, HandleAtFlags)},
	unix.SYS_OPEN_BY_HANDLE_AT:       {Class: TD, NArgs: 3, Args: a(Fd, HandleIn, OpenFlags), Ret: RetFd},
	unix.SYS_CLOCK_ADJTIME:           {Class: TCL, NArgs: 2, Args: a(ClockID, TimexOut), Done: adjtimexDone},
	unix.SYS_SYNCFS:                  {Class: TD, NArgs: 1, Args: a(Fd)},
	unix.SYS_SENDMMSG:                {Class: TN, NArgs: 4, Args: a(Fd, MmsgSend, Uint, MsgFlags)},
	unix.SYS_SETNS:                   {Class: TD, NArgs: 2, Args: a(Fd, SetnsType)},
	unix.SYS_GETCPU:                  {Class: 0, NArgs: 3, Args: a(UintOut, UintOut, PtrAtExit)},
	unix.SYS_PROCESS_VM_READV:        {Class: 0, NArgs: 6, Args: a(Int, IovOut, Ulong, IovAddr, Ulong, Ulong)},
	unix.SYS_PROCESS_VM_WRITEV:       {Class: 0, NArgs: 6, Args: a(Int, IovIn, Ulong, IovAddr, Ulong, Ulong)},
	unix.SYS_KCMP:                    {Class: 0, NArgs: 5, Args: a(Int, Int, KcmpType, KcmpIdx, KcmpIdx)},
	unix.SYS_FINIT_MODULE:            {Class: TD, NArgs: 3, Args: a(Fd, Str, ModuleInitFlags)},
	unix.SYS_SCHED_SETATTR:           {Class: 0, NArgs: 3, Args: a(Int, SchedAttrIn, SchedSetattrFlags)},
	unix.SYS_SCHED_GETATTR:           {Class: 0, NArgs: 4, Args: a(Int, SchedAttrOut, Uint, Uint)},
	unix.SYS_RENAMEAT2:               {Class: TF | TD, NArgs: 5, Args: a(AtDirfd, Path, AtDirfd, Path, RenameFlags)},
	unix.SYS_SECCOMP:                 {Class: 0, NArgs: 3, Args: a(SeccompOp, SeccompFlags, SeccompArgs)},
	unix.SYS_GETRANDOM:               {Class: 0, NArgs: 3, Args: a(RandomBuf, Ulong, GrndFlags)},
	unix.SYS_MEMFD_CREATE:            {Class: TD, NArgs: 2, Args: a(Str, MemfdFlags), Ret: RetFd},
	unix.SYS_KEXEC_FILE_LOAD:         {Class: TD, NArgs: 5, Args: a(Fd, Fd, Ulong, KexecCmdline, KexecFileFlags)},
	unix.SYS_BPF:                     {Class: TD, NArgs: 3, Args: a(BpfCmd, BpfAttr, Uint)},
	unix.SYS_EXECVEAT:                {Class: TF | TP | TD, NArgs: 5, Args: a(AtDirfd, Path, Argv, Envp, ExecveatFlags)},
	unix.SYS_USERFAULTFD:             {Class: TD, NArgs: 1, Args: a(UffdFlags), Ret: RetFd},
	unix.SYS_MEMBARRIER:              {Class: 0, NArgs: 3, Args: a(MembarrierCmd, MembarrierFlags, MembarrierCPU), Done: membarrierDone},
	unix.SYS_MLOCK2:                  {Class: TM, NArgs: 3, Args: a(Ptr, Ulong, MlockFlags)},
	unix.SYS_COPY_FILE_RANGE:         {Class: TD, NArgs: 6, Args: a(Fd, OffPtr, Fd, OffPtr, Ulong, Uint)},
	unix.SYS_PREADV2:                 {Class: TD, NArgs: 6, Args: a(Fd, IovOut, Ulong, Long, Hidden, RWFlags)},
	unix.SYS_PWRITEV2:                {Class: TD, NArgs: 6, Args: a(Fd, IovIn, Ulong, Long, Hidden, RWFlags)},
	unix.SYS_PKEY_MPROTECT:           {Class: TM, NArgs: 4, Args: a(Ptr, Ulong, Prot, Int)},
	unix.SYS_PKEY_ALLOC:              {Class: 0, NArgs: 2, Args: a(Raw, PkeyAccess)},
	unix.SYS_PKEY_FREE:               {Class: 0, NArgs: 1, Args: a(Int)},
	unix.SYS_STATX:                   {Class: TF | TD | TFST | TSTA, NArgs: 5, Args: a(AtDirfd, Path, StatxFlags, StatxMask, StatxBuf)},
	unix.SYS_IO_PGETEVENTS:           {Class: 0, NArgs: 6, Args: a(Ptr, Long, Long, IoEventsOut, IoTimeout, IoSigset)},
	unix.SYS_RSEQ:                    {Class: 0, NArgs: 4, Args: a(Raw, Raw, Raw, Raw)}, // strace 6.1 does not decode rseq
	unix.SYS_URETPROBE:               {Class: 0, NArgs: 6},
	unix.SYS_UPROBE:                  {Class: 0, NArgs: 6},
	unix.SYS_PIDFD_SEND_SIGNAL:       {Class: TP | TS | TD, NArgs: 4, Args: a(Fd, Signal, SiginfoIn, PidfdSignalFlags)},
	unix.SYS_IO_URING_SETUP:          {Class: TD, NArgs: 2, Args: a(Uint, UringParams), Ret: RetFd},
	unix.SYS_IO_URING_ENTER:          {Class: TS | TD, NArgs: 6, Args: a(Fd, Uint, Uint, UringEnterFlags, UringSigset, Ulong)},
	unix.SYS_IO_URING_REGISTER:       {Class: TD | TM, NArgs: 4, Args: a(Fd, UringRegisterOp, UringRegisterArg, UringRegisterNr)},
	unix.SYS_OPEN_TREE:               {Class: TF | TD, NArgs: 3, Args: a(AtDirfd, Path, OpenTreeFlags), Ret: RetFd},
	unix.SYS_MOVE_MOUNT:              {Class: TF | TD, NArgs: 5, Args: a(AtDirfd, Path, AtDirfd, Path, MoveMountFlags)},
	unix.SYS_FSOPEN:                  {Class: TD, NArgs: 2, Args: a(Str, FsopenFlags), Ret: RetFd},
	unix.SYS_FSCONFIG:                {Class: TF | TD, NArgs: 5, Args: a(Fd, FsconfigCmd, FsconfigKey, FsconfigValue, FsconfigAux)},
	unix.SYS_FSMOUNT:                 {Class: TD, NArgs: 3, Args: a(Fd, FsmountFlags, FsmountAttrFlags), Ret: RetFd},
	unix.SYS_FSPICK:                  {Class: TF | TD, NArgs: 3, Args: a(AtDirfd, Path, FspickFlags), Ret: RetFd},
	unix.SYS_PIDFD_OPEN:              {Class: TD, NArgs: 2, Args: a(Pid, PidfdOpenFlags), Ret: RetFd},
	unix.SYS_CLONE3:                  {Class: TP, NArgs: 2, Args: a(Clone3Args, Ulong), Ret: RetPid},
	unix.SYS_CLOSE_RANGE:             {Class: 0, NArgs: 3, Args: a(Uint, Uint, CloseRangeFlags)},
	unix.SYS_OPENAT2:                 {Class: TF | TD, NArgs: 4, Args: a(AtDirfd, Path, OpenHow, Ulong), Ret: RetFd},
	unix.SYS_PIDFD_GETFD:             {Class: TD, NArgs: 3, Args: a(Fd, PidfdTargetFd, Hex32), Ret: RetFd},
	unix.SYS_FACCESSAT2:              {Class: TF | TD, NArgs: 4, Args: a(AtDirfd, Path, AccessMode, FaccessatFlags)},
	unix.SYS_PROCESS_MADVISE:         {Class: TD, NArgs: 5, Args: a(Fd, IovAddr, Ulong, Madvice, Hex32)},
	unix.SYS_EPOLL_PWAIT2:            {Class: TD, NArgs: 6, Args: a(Fd, EpollEventsOut, Int, EpollTimespec, SigmaskExit, Ulong)},
	unix.SYS_MOUNT_SETATTR:           {Class: TF | TD, NArgs: 5, Args: a(AtDirfd, Path, MountSetattrFlags, MountAttr, Ulong)},
	unix.SYS_QUOTACTL_FD:             {Class: TD, NArgs: 4, Args: a(Fd, QuotaCmd, QuotactlFdID, QuotaSkip)},
	unix.SYS_LANDLOCK_CREATE_RULESET: {Class: TD, NArgs: 3, Args: a(RulesetAttr, Ulong, LandlockCreateFlags), Ret: RetFd},
	unix.SYS_LANDLOCK_ADD_RULE:       {Class: TD, NArgs: 4, Args: a(Fd, LandlockRuleType, LandlockRuleAttr, HexUint)},
	unix.SYS_LANDLOCK_RESTRICT_SELF:  {Class: TD, NArgs: 2, Args: a(Fd, HexUint)},
	unix.SYS_MEMFD_SECRET:            {Class: TD, NArgs: 1, Args: a(MemfdSecretFlags), Ret: RetFd},
	unix.SYS_PROCESS_MRELEASE:        {Class: TD, NArgs: 2, Args: a(Fd, Hex32)},
	unix.SYS_FUTEX_WAITV:             {Class: 0, NArgs: 5, Args: a(FutexWaitv, Uint, Raw, TimespecIn, ClockID)},
	unix.SYS_SET_MEMPOLICY_HOME_NODE: {Class: TM, NArgs: 4, Args: a(Ptr, Ulong, Ulong, Raw)},
	unix.SYS_CACHESTAT:               {Class: TD, NArgs: 4},
	unix.SYS_FCHMODAT2:               {Class: TF | TD, NArgs: 4},
	unix.SYS_MAP_SHADOW_STACK:        {Class: TM, NArgs: 3},
	unix.SYS_FUTEX_WAKE:              {Class: 0, NArgs: 4},
	unix.SYS_FUTEX_WAIT:              {Class: 0, NArgs: 6},
	unix.SYS_FUTEX_REQUEUE:           {Class: 0, NArgs: 4},
	unix.SYS_STATMOUNT:               {Class: 0, NArgs: 4},
	unix.SYS_LISTMOUNT:               {Class: 0, NArgs: 4},
	unix.SYS_LSM_GET_SELF_ATTR:       {Class: 0, NArgs: 4},
	unix.SYS_LSM_SET_SELF_ATTR:       {Class: 0, NArgs: 4},
	unix.SYS_LSM_LIST_MODULES:        {Class: 0, NArgs: 3},
	unix.SYS_MSEAL:                   {Class: TM, NArgs: 3},
	unix.SYS_SETXATTRAT:              {Class: TF | TD, NArgs: 6},
	unix.SYS_GETXATTRAT:              {Class: TF | TD, NArgs: 6},
	unix.SYS_LISTXATTRAT:             {Class: 0, NArgs: 6},
	unix.SYS_REMOVEXATTRAT:           {Class: 0, NArgs: 6},
	unix.SYS_OPEN_TREE_ATTR:          {Class: 0, NArgs: 6},
	unix.SYS_FILE_GETATTR:            {Class: 0, NArgs: 6},
	unix.SYS_FILE_SETATTR:            {Class: 0, NArgs: 6},
	unix.SYS_LISTNS:                  {Class: 0, NArgs: 6},
	unix.SYS_RSEQ_SLICE_YIELD:        {Class: 0, NArgs: 6},
}

// entries is the table with names filled in, and unknown numbers beyond it
// handled by Lookup.
var entries []Entry

func init() {
	n := len(table)
	if len(names) > n {
		n = len(names)
	}
	entries = make([]Entry, n)
	copy(entries, table[:])
	for nr := range entries {
		if nr < len(names) && names[nr] != "" {
			entries[nr].Name = names[nr]
		} else if entries[nr].Name == "" {
			entries[nr].Name = "syscall_" + strconv.FormatInt(int64(nr), 16)
			entries[nr].NArgs = 6
		}
	}
}

// unknown is the entry for a number beyond the table.
var unknown = Entry{NArgs: 6}

// Lookup returns the table entry of syscall nr (an entry printing six raw
// arguments under "syscall_0x…" when nr is not a known syscall).
func Lookup(nr int) *Entry {
	if nr >= 0 && nr < len(entries) {
		return &entries[nr]
	}
	unknown.Name = "syscall_0x" + strconv.FormatUint(uint64(uint32(nr)), 16)
	return &unknown
}

// Name returns the name of syscall nr.
func Name(nr int) string { return Lookup(nr).Name }

// Number returns the number of a syscall name.
func Number(name string) (int, bool) {
	for nr := range entries {
		if entries[nr].Name == name && nr < len(names) && names[nr] != "" {
			return nr, true
		}
	}
	return 0, false
}

// Count is the number of syscall numbers in the table.
func Count() int { return len(entries) }
