package syscalls

import (
	"encoding/binary"

	"github.com/gotrace/gotrace/format"
	"golang.org/x/sys/unix"
)

// The System V IPC family: shmget, shmat, shmdt, shmctl, semget, semop,
// semtimedop, semctl, msgget, msgsnd, msgrcv, msgctl.

// Constants x/sys lacks (linux/ipc.h, linux/shm.h, linux/sem.h,
// linux/msg.h).
const (
	ipcInfo = 3     // IPC_INFO
	ipc64   = 0x100 // IPC_64: the new-style structures flag of a *ctl command

	shmHugetlb   = 0o4000  // SHM_HUGETLB
	shmNoreserve = 0o10000 // SHM_NORESERVE
	shmRemap     = 0o40000 // SHM_REMAP
	shmExec      = 0o100000
	shmHugeShift = 26   // SHM_HUGE_SHIFT: the huge page size's log2 sits here
	shmHugeMask  = 0x3f // SHM_HUGE_MASK
	shmLock      = 11   // SHM_LOCK
	shmUnlock    = 12   // SHM_UNLOCK
	shmStat      = 13   // SHM_STAT
	shmInfo      = 14   // SHM_INFO
	shmStatAny   = 15   // SHM_STAT_ANY

	semUndo    = 0x1000 // SEM_UNDO
	semGetpid  = 11     // GETPID
	semGetval  = 12     // GETVAL
	semGetall  = 13     // GETALL
	semGetncnt = 14     // GETNCNT
	semGetzcnt = 15     // GETZCNT
	semSetval  = 16     // SETVAL
	semSetall  = 17     // SETALL
	semStat    = 18     // SEM_STAT
	semInfo    = 19     // SEM_INFO
	semStatAny = 20     // SEM_STAT_ANY

	msgNoerror = 0o10000 // MSG_NOERROR
	msgExcept  = 0o20000 // MSG_EXCEPT
	msgCopy    = 0o40000 // MSG_COPY
	msgStat    = 11      // MSG_STAT
	msgInfo    = 12      // MSG_INFO
	msgStatAny = 13      // MSG_STAT_ANY
)

// ipc.go's flag and value sets are listed in xlat/ipc.txt, from which
// go generate writes zxlat.go.

// Sizes of the kernel's structures on amd64 (the *64_ds variants).
const (
	ipcPermSize  = 48
	shmidDsSize  = 112
	semidDsSize  = 104
	msqidDsSize  = 120
	shminfoSize  = 72
	shmInfoSize  = 48
	seminfoSize  = 40
	msginfoSize  = 32
	sembufSize   = 6
	msgbufHeader = 16 // struct msgbuf as strace reads it: mtype and a padded mtext[1]
)

// ipcCmd appends a *ctl command as strace does: IPC_64| when that bit is
// set, then the command.
func (d *Decoder) ipcCmd(vs format.ValueSet, v uint32, dflt string) {
	if v&ipc64 != 0 {
		d.B = appendXval(d.B, ipc64, "IPC_64", true, d.Opts.Style)
		d.S("|")
	}
	d.Value(vs, uint64(v&^ipc64), dflt)
}

// ipcGetFlags appends a *get call's flags: the flags above the mode (if
// any) through fs, then the mode in octal.
func (d *Decoder) ipcGetFlags(fs format.FlagSet, v uint32) {
	if rest := v &^ 0o777; rest != 0 {
		d.Flags(fs, uint64(rest), "")
		d.S("|")
	}
	d.B = appendMode(d.B, uint64(v&0o777))
}

// shmgetFlags appends shmget's flags: the flags, the huge page size as
// N<<SHM_HUGE_SHIFT, and the mode.
func (d *Decoder) shmgetFlags(v uint32) {
	flags := v &^ 0o777
	huge := flags & (shmHugeMask << shmHugeShift)
	flags &^= huge
	if flags != 0 {
		d.Flags(shmResourceFlags, uint64(flags), "")
	}
	if huge != 0 {
		if flags != 0 {
			d.S("|")
		}
		d.Uint(uint64(huge >> shmHugeShift))
		d.S("<<")
		switch d.Opts.Style {
		case format.Raw:
			d.Uint(shmHugeShift)
		case format.Verbose:
			d.Uint(shmHugeShift)
			d.S(" /* SHM_HUGE_SHIFT */")
		default:
			d.S("SHM_HUGE_SHIFT")
		}
	}
	if flags != 0 || huge != 0 {
		d.S("|")
	}
	d.B = appendMode(d.B, uint64(v&0o777))
}

// ipcPerm appends a struct ipc64_perm: uid, gid, mode, and for all but
// IPC_SET key, cuid, cgid.
func (d *Decoder) ipcPerm(b []byte, set bool) {
	d.S("{uid=")
	d.id(binary.LittleEndian.Uint32(b[4:]))
	d.S(", gid=")
	d.id(binary.LittleEndian.Uint32(b[8:]))
	d.S(", mode=")
	d.B = appendMode(d.B, uint64(binary.LittleEndian.Uint32(b[20:])))
	if !set {
		d.S(", key=")
		d.Uint(uint64(binary.LittleEndian.Uint32(b[0:])))
		d.S(", cuid=")
		d.id(binary.LittleEndian.Uint32(b[12:]))
		d.S(", cgid=")
		d.id(binary.LittleEndian.Uint32(b[16:]))
	}
	d.S("}")
}

// u64Fields appends ", name=value" for each unsigned 64-bit field at the
// offsets given.
func (d *Decoder) u64Fields(b []byte, names []string, offs []int) {
	for k, n := range names {
		d.S(", ")
		d.S(n)
		d.S("=")
		d.Uint(binary.LittleEndian.Uint64(b[offs[k]:]))
	}
}

// shmidDs appends a struct shmid64_ds at addr (only the permissions for
// IPC_SET); the address when unreadable.
func (d *Decoder) shmidDs(addr uint64, set bool) {
	b, ok := d.Read(addr, shmidDsSize)
	if !ok {
		d.Addr(addr)
		return
	}
	var v [shmidDsSize]byte
	copy(v[:], b)
	d.S("{shm_perm=")
	d.ipcPerm(v[:], set)
	if !set {
		d.u64Fields(v[:], []string{"shm_segsz"}, []int{48})
		d.S(", shm_cpid=")
		d.Int(int64(int32(binary.LittleEndian.Uint32(v[80:]))))
		d.S(", shm_lpid=")
		d.Int(int64(int32(binary.LittleEndian.Uint32(v[84:]))))
		d.u64Fields(v[:], []string{"shm_nattch", "shm_atime", "shm_dtime", "shm_ctime"}, []int{88, 56, 64, 72})
	}
	d.S("}")
}

// semidDs appends a struct semid64_ds at addr.
func (d *Decoder) semidDs(addr uint64, set bool) {
	b, ok := d.Read(addr, semidDsSize)
	if !ok {
		d.Addr(addr)
		return
	}
	var v [semidDsSize]byte
	copy(v[:], b)
	d.S("{sem_perm=")
	d.ipcPerm(v[:], set)
	if !set {
		d.u64Fields(v[:], []string{"sem_otime", "sem_ctime", "sem_nsems"}, []int{48, 64, 80})
	}
	d.S("}")
}

// msqidDs appends a struct msqid64_ds at addr (for IPC_SET the
// permissions and msg_qbytes).
func (d *Decoder) msqidDs(addr uint64, set bool) {
	b, ok := d.Read(addr, msqidDsSize)
	if !ok {
		d.Addr(addr)
		return
	}
	var v [msqidDsSize]byte
	copy(v[:], b)
	d.S("{msg_perm=")
	d.ipcPerm(v[:], set)
	if !set {
		d.u64Fields(v[:], []string{"msg_stime", "msg_rtime", "msg_ctime", "msg_qnum"}, []int{48, 56, 64, 80})
	}
	d.u64Fields(v[:], []string{"msg_qbytes"}, []int{88})
	if !set {
		d.S(", msg_lspid=")
		d.Int(int64(int32(binary.LittleEndian.Uint32(v[96:]))))
		d.S(", msg_lrpid=")
		d.Int(int64(int32(binary.LittleEndian.Uint32(v[100:]))))
	}
	d.S("}")
}

// ipcIntFields appends {name=value, …} for consecutive C ints at b, signed.
func (d *Decoder) ipcIntFields(b []byte, names ...string) {
	for k, n := range names {
		if k == 0 {
			d.S("{")
		} else {
			d.S(", ")
		}
		d.S(n)
		d.S("=")
		d.Int(int64(int32(binary.LittleEndian.Uint32(b[4*k:]))))
	}
}

// shmInfoAt appends what shmctl's IPC_INFO (struct shminfo64) or
// SHM_INFO (struct shm_info) stored at addr.
func (d *Decoder) shmInfoAt(addr uint64, cmd uint32) {
	size := shminfoSize
	if cmd == shmInfo {
		size = shmInfoSize
	}
	b, ok := d.Read(addr, size)
	if !ok {
		d.Addr(addr)
		return
	}
	var v [shminfoSize]byte
	copy(v[:], b)
	if cmd == shmInfo {
		d.S("{used_ids=")
		d.Int(int64(int32(binary.LittleEndian.Uint32(v[0:]))))
		d.u64Fields(v[:], []string{"shm_tot", "shm_rss", "shm_swp", "swap_attempts", "swap_successes"}, []int{8, 16, 24, 32, 40})
		d.S("}")
		return
	}
	d.S("{shmmax=")
	d.Uint(binary.LittleEndian.Uint64(v[0:]))
	d.u64Fields(v[:], []string{"shmmin", "shmmni", "shmseg", "shmall"}, []int{8, 16, 24, 32})
	d.S("}")
}

// semInfoAt appends the struct seminfo at addr.
func (d *Decoder) semInfoAt(addr uint64) {
	b, ok := d.Read(addr, seminfoSize)
	if !ok {
		d.Addr(addr)
		return
	}
	d.ipcIntFields(b, "semmap", "semmni", "semmns", "semmnu", "semmsl", "semopm", "semume", "semusz", "semvmx", "semaem")
	d.S("}")
}

// msgInfoAt appends the struct msginfo at addr.
func (d *Decoder) msgInfoAt(addr uint64) {
	b, ok := d.Read(addr, msginfoSize)
	if !ok {
		d.Addr(addr)
		return
	}
	var v [msginfoSize]byte
	copy(v[:], b)
	d.ipcIntFields(v[:], "msgpool", "msgmap", "msgmax", "msgmnb", "msgmni", "msgssz", "msgtql")
	d.S(", msgseg=")
	d.Uint(uint64(binary.LittleEndian.Uint16(v[28:])))
	d.S("}")
}

// msgbuf appends a struct msgbuf at addr with n bytes of mtext:
// {mtype=…, mtext="…"}; the address when its head is unreadable.
func (d *Decoder) msgbuf(addr, n uint64) {
	b, ok := d.Read(addr, msgbufHeader)
	if !ok {
		d.Addr(addr)
		return
	}
	d.S("{mtype=")
	d.Int(int64(binary.LittleEndian.Uint64(b)))
	d.S(", mtext=")
	d.Buf(addr+8, n)
	d.S("}")
}

// sembufs appends an array of n struct sembuf at addr.
func (d *Decoder) sembufs(addr, n uint64) {
	d.array(addr, n, sembufSize, func(b []byte) {
		d.S("{sem_num=")
		d.Uint(uint64(binary.LittleEndian.Uint16(b[0:])))
		d.S(", sem_op=")
		d.Int(int64(int16(binary.LittleEndian.Uint16(b[2:]))))
		d.S(", sem_flg=")
		d.Flags(semopFlags, uint64(binary.LittleEndian.Uint16(b[4:])), "SEM_???")
		d.S("}")
	})
}

// ctlBuf builds the kind of a *ctl call's buf argument, whose command is
// argument cmdIdx: the structure at entry for IPC_SET (set), at exit for
// the commands that fill it (fills, printed by get; the address if the
// call failed), else the address at entry.
func ctlBuf(cmdIdx int, fills func(cmd uint32) bool,
	set func(d *Decoder, addr uint64), get func(d *Decoder, cmd uint32, addr uint64)) *Arg {
	cmdOf := func(c *Call) uint32 { return uint32(c.Args[cmdIdx]) &^ ipc64 }
	return &Arg{
		AtExit: true,
		Save: func(d *Decoder, c *Call, i int) {
			cmd := cmdOf(c)
			switch {
			case fills(cmd):
				d.dropSep()
			case cmd == unix.IPC_SET:
				set(d, c.Args[i])
			default:
				d.Addr(c.Args[i])
			}
		},
		Print: func(d *Decoder, c *Call, i int) {
			cmd := cmdOf(c)
			if !fills(cmd) {
				return
			}
			d.S(", ")
			if c.Failed() {
				d.Addr(c.Args[i])
				return
			}
			get(d, cmd, c.Args[i])
		},
	}
}

var (
	// IpcKey prints a key_t: IPC_PRIVATE, or hex.
	IpcKey = &Arg{Print: func(d *Decoder, c *Call, i int) {
		d.Value(ipcPrivate, uint64(uint32(c.Args[i])), "")
	}}
	// IpcFlags prints semget's and msgget's flags: IPC_CREAT|0600.
	IpcFlags = &Arg{Print: func(d *Decoder, c *Call, i int) {
		d.ipcGetFlags(ipcResourceFlags, uint32(c.Args[i]))
	}}
	// ShmgetFlags prints shmget's flags: IPC_CREAT|SHM_HUGETLB|21<<SHM_HUGE_SHIFT|0600.
	ShmgetFlags = &Arg{Print: func(d *Decoder, c *Call, i int) { d.shmgetFlags(uint32(c.Args[i])) }}
	// ShmatFlags prints shmat's flags (SHM_RDONLY…).
	ShmatFlags = flagsArg(shmatFlags, "SHM_???")
	// IpcMsgFlags prints msgsnd's and msgrcv's flags (IPC_NOWAIT, MSG_*).
	IpcMsgFlags = flagsArg(ipcMsgFlags, "MSG_???")
	// ShmctlCmd prints shmctl's command (IPC_64| when set).
	ShmctlCmd = &Arg{Print: func(d *Decoder, c *Call, i int) { d.ipcCmd(shmctlCmds, uint32(c.Args[i]), "SHM_???") }}
	// SemctlCmd prints semctl's command.
	SemctlCmd = &Arg{Print: func(d *Decoder, c *Call, i int) { d.ipcCmd(semctlCmds, uint32(c.Args[i]), "SEM_???") }}
	// MsgctlCmd prints msgctl's command.
	MsgctlCmd = &Arg{Print: func(d *Decoder, c *Call, i int) { d.ipcCmd(msgctlCmds, uint32(c.Args[i]), "MSG_???") }}

	// ShmctlBuf prints shmctl's buf by its command (args[1]): struct
	// shmid_ds at entry for IPC_SET, at exit for IPC_STAT, SHM_STAT,
	// SHM_STAT_ANY; struct shminfo for IPC_INFO and struct shm_info for
	// SHM_INFO at exit; else the address.
	ShmctlBuf = ctlBuf(1, func(cmd uint32) bool {
		switch cmd {
		case unix.IPC_STAT, shmStat, shmStatAny, ipcInfo, shmInfo:
			return true
		}
		return false
	}, func(d *Decoder, a uint64) { d.shmidDs(a, true) }, func(d *Decoder, cmd uint32, a uint64) {
		if cmd == ipcInfo || cmd == shmInfo {
			d.shmInfoAt(a, cmd)
			return
		}
		d.shmidDs(a, false)
	})
	// SemctlArg prints semctl's fourth argument by its command (args[2]):
	// struct semid_ds (IPC_SET at entry; IPC_STAT, SEM_STAT,
	// SEM_STAT_ANY at exit), struct seminfo (IPC_INFO, SEM_INFO at exit),
	// else the value as an address.
	SemctlArg = ctlBuf(2, func(cmd uint32) bool {
		switch cmd {
		case unix.IPC_STAT, semStat, semStatAny, ipcInfo, semInfo:
			return true
		}
		return false
	}, func(d *Decoder, a uint64) { d.semidDs(a, true) }, func(d *Decoder, cmd uint32, a uint64) {
		if cmd == ipcInfo || cmd == semInfo {
			d.semInfoAt(a)
			return
		}
		d.semidDs(a, false)
	})
	// MsgctlBuf prints msgctl's buf by its command (args[1]), as
	// ShmctlBuf does with struct msqid_ds and struct msginfo.
	MsgctlBuf = ctlBuf(1, func(cmd uint32) bool {
		switch cmd {
		case unix.IPC_STAT, msgStat, msgStatAny, ipcInfo, msgInfo:
			return true
		}
		return false
	}, func(d *Decoder, a uint64) { d.msqidDs(a, true) }, func(d *Decoder, cmd uint32, a uint64) {
		if cmd == ipcInfo || cmd == msgInfo {
			d.msgInfoAt(a)
			return
		}
		d.msqidDs(a, false)
	})

	// Sembufs prints semop's and semtimedop's struct sembuf array at
	// entry; its count is the next argument.
	Sembufs = &Arg{Print: func(d *Decoder, c *Call, i int) { d.sembufs(c.Args[i], uint64(uint32(c.Args[i+1]))) }}
	// MsgbufIn prints msgsnd's message at entry: {mtype=…, mtext="…"},
	// mtext as long as the next argument says.
	MsgbufIn = &Arg{Print: func(d *Decoder, c *Call, i int) { d.msgbuf(c.Args[i], c.Args[i+1]) }}
	// MsgbufOut prints msgrcv's message at exit, with as many bytes of
	// mtext as the next argument (msgsz) says, as strace 6.1 does; the
	// address if the call failed. Like strace, msgrcv shows only its
	// msqid at entry.
	MsgbufOut = &Arg{AtExit: true, OwnSep: true, Print: func(d *Decoder, c *Call, i int) {
		if c.Failed() {
			d.Addr(c.Args[i])
			return
		}
		d.msgbuf(c.Args[i], c.Args[i+1])
	}}
)
