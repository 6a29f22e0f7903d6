package syscalls

import (
	"encoding/binary"
	"testing"

	"github.com/stretchr/testify/assert"
	"golang.org/x/sys/unix"
)

// TestIoctlDev: the file, block and loop requests over fake memory,
// with results the differential tests cannot get from a regular file
// (devices answer, structures filled at exit) and bad pointers.
func TestIoctlDev(t *testing.T) {
	m := newFakeMem()
	le := binary.LittleEndian
	size := m.put(0x1000, u64s(1<<40))
	ra := m.put(0x2000, u64s(^uint64(0)))
	sect := m.put(0x3000, []byte{0xff, 0xff, 1, 0})
	flags := m.put(0x4000, []byte{0x20, 0, 8, 0}) // FS_APPEND_FL|FS_EXTENT_FL
	short := m.put(0x5000, []byte{1, 2, 3})

	fm := make([]byte, sizeofFiemap+2*sizeofFiemapExtent)
	le.PutUint32(fm[16:], 1)
	le.PutUint32(fm[20:], 2)
	le.PutUint32(fm[24:], 2)
	le.PutUint64(fm[32:], 0)
	le.PutUint64(fm[40:], 4096)
	le.PutUint64(fm[48:], 8192)
	le.PutUint32(fm[72:], 0x2000)
	le.PutUint64(fm[88:], 8192)
	le.PutUint32(fm[128:], 0x4001)
	fiemap := m.put(0x6000, fm)
	fmHead := m.put(0x7000, fm[:sizeofFiemap]) // the extents unreadable

	li := make([]byte, sizeofLoopInfo64)
	le.PutUint64(li[0:], unix.Mkdev(259, 1))
	le.PutUint64(li[8:], 12)
	le.PutUint64(li[24:], 1024)
	le.PutUint32(li[40:], 7)
	le.PutUint32(li[52:], 0x0d)
	copy(li[56:], "/srv/disk.img")
	info := m.put(0x8000, li)
	fx := m.put(0x9000, []byte{0x10, 0, 0, 0, 0, 0x10, 0, 0, 3, 0, 0, 0, 0x2a, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0})
	label := m.put(0xa000, append([]byte("rootfs"), 0))

	d := testDecoder(m)
	cases := []struct {
		want string
		ret  int64
		args []uint64
	}{
		{`ioctl(3, BLKGETSIZE64, [1099511627776]) = 0`, 0, []uint64{3, 0x80081272, size}},
		{`ioctl(3, BLKGETSIZE64, 0x5000) = 0`, 0, []uint64{3, 0x80081272, short}},
		{`ioctl(3, BLKGETSIZE64, 0x1000) = -1 ENOTTY (Inappropriate ioctl for device)`, -25, []uint64{3, 0x80081272, size}},
		{`ioctl(3, BLKRAGET, [-1]) = 0`, 0, []uint64{3, 0x1263, ra}},
		{`ioctl(3, BLKGETSIZE, [18446744073709551615]) = 0`, 0, []uint64{3, 0x1260, ra}},
		{`ioctl(3, BLKSECTGET, [65535]) = 0`, 0, []uint64{3, 0x1267, sect}},
		{`ioctl(3, BLKPBSZGET, [131071]) = 0`, 0, []uint64{3, 0x127b, sect}},
		{`ioctl(3, BLKSSZGET, [131071]) = 0`, 0, []uint64{3, 0x1268, sect}},
		{`ioctl(3, BLKDISCARD, 0x5000) = -1 EFAULT (Bad address)`, -14, []uint64{3, 0x1277, short}},
		{`ioctl(3, BLKRASET, 18446744073709551615) = 0`, 0, []uint64{3, 0x1262, ^uint64(0)}},
		{`ioctl(3, FS_IOC_GETFLAGS, [FS_APPEND_FL|FS_EXTENT_FL]) = 0`, 0, []uint64{3, 0x80086601, flags}},
		{`ioctl(3, FS_IOC_GETFLAGS, 0x5000) = 0`, 0, []uint64{3, 0x80086601, short}},
		{`ioctl(3, FS_IOC_FIEMAP, {fm_start=0, fm_length=0, fm_flags=FIEMAP_FLAG_SYNC, fm_extent_count=2} => {fm_flags=FIEMAP_FLAG_SYNC, fm_mapped_extents=2, ...}) = 0`,
			0, []uint64{3, 0xc020660b, fiemap}},
		{`ioctl(3, FS_IOC_FIEMAP, {fm_start=0, fm_length=0, fm_flags=FIEMAP_FLAG_SYNC, fm_extent_count=2}) = -1 EBADF (Bad file descriptor)`,
			-9, []uint64{3, 0xc020660b, fiemap}},
		{`ioctl(3, FS_IOC_FIEMAP, 0x5000) = -1 EFAULT (Bad address)`, -14, []uint64{3, 0xc020660b, short}},
		{`ioctl(3, FS_IOC_FSGETXATTR, {fsx_xflags=FS_XFLAG_APPEND, fsx_extsize=4096, fsx_nextents=3, fsx_projid=0x2a, fsx_cowextsize=0}) = 0`,
			0, []uint64{3, 0x801c581f, fx}},
		{`ioctl(3, FS_IOC_FSSETXATTR, {fsx_xflags=FS_XFLAG_APPEND, fsx_extsize=4096, fsx_projid=0x2a, fsx_cowextsize=0}) = 0`,
			0, []uint64{3, 0x401c5820, fx}},
		{`ioctl(3, FS_IOC_GETFSLABEL, "rootfs") = 0`, 0, []uint64{3, 0x81009431, label}},
		{`ioctl(4, LOOP_GET_STATUS64, {lo_offset=0x400, lo_number=7, lo_flags=LO_FLAGS_READ_ONLY|LO_FLAGS_AUTOCLEAR|LO_FLAGS_PARTSCAN, lo_file_name="/srv/disk.img", ...}) = 0`,
			0, []uint64{4, 0x4c05, info}},
		{`ioctl(4, LOOP_GET_STATUS64, 0x8000) = -1 ENXIO (No such device or address)`, -6, []uint64{4, 0x4c05, info}},
		{`ioctl(4, LOOP_SET_STATUS64, 0x5000) = -1 EFAULT (Bad address)`, -14, []uint64{4, 0x4c04, short}},
		{`ioctl(4, LOOP_CONFIGURE, 0x8000) = -1 EFAULT (Bad address)`, -14, []uint64{4, 0x4c0a, info}}, // shorter than a loop_config
		{`ioctl(5, LOOP_CTL_GET_FREE) = 2`, 2, []uint64{5, 0x4c82, 0}},
		{`ioctl(5, LOOP_SET_FD, 6) = 0`, 0, []uint64{5, 0x4c00, 6}},
	}
	for _, c := range cases {
		assert.Equal(t, c.want, decodeLine(t, d, unix.SYS_IOCTL, c.ret, c.args...))
	}

	d.Opts.Verbose = true
	assert.Equal(t, `ioctl(3, FS_IOC_FIEMAP, {fm_start=0, fm_length=0, fm_flags=FIEMAP_FLAG_SYNC, fm_extent_count=2} => {fm_flags=FIEMAP_FLAG_SYNC, fm_mapped_extents=2, fm_extents=[{fe_logical=0, fe_physical=4096, fe_length=8192, fe_flags=FIEMAP_EXTENT_SHARED}, {fe_logical=8192, fe_physical=0, fe_length=0, fe_flags=FIEMAP_EXTENT_LAST|0x4000}]}) = 0`,
		decodeLine(t, d, unix.SYS_IOCTL, 0, 3, 0xc020660b, fiemap))
	assert.Equal(t, `ioctl(3, FS_IOC_FIEMAP, {fm_start=0, fm_length=0, fm_flags=FIEMAP_FLAG_SYNC, fm_extent_count=2} => {fm_flags=FIEMAP_FLAG_SYNC, fm_mapped_extents=2, fm_extents=0x7020}) = 0`,
		decodeLine(t, d, unix.SYS_IOCTL, 0, 3, 0xc020660b, fmHead))
	assert.Equal(t, `ioctl(4, LOOP_GET_STATUS64, {lo_device=makedev(0x103, 0x1), lo_inode=12, lo_rdevice=makedev(0, 0), lo_offset=0x400, lo_sizelimit=0, lo_number=7, lo_encrypt_type=LO_CRYPT_NONE, lo_encrypt_key_size=0, lo_flags=LO_FLAGS_READ_ONLY|LO_FLAGS_AUTOCLEAR|LO_FLAGS_PARTSCAN, lo_file_name="/srv/disk.img", lo_crypt_name="", lo_encrypt_key="", lo_init=[0, 0]}) = 0`,
		decodeLine(t, d, unix.SYS_IOCTL, 0, 4, 0x4c05, info))
}

// TestIoctlDevUnfinished: the requests decoded at exit print nothing at
// entry.
func TestIoctlDevUnfinished(t *testing.T) {
	d := testDecoder(newFakeMem())
	c := &Call{Nr: unix.SYS_IOCTL, Args: [6]uint64{3, 0x80081272, 0x1000}}
	assert.Equal(t, "ioctl(3, BLKGETSIZE64", string(d.Enter(nil, c)))
	c = &Call{Nr: unix.SYS_IOCTL, Args: [6]uint64{3, 0x4c05, 0x1000}}
	assert.Equal(t, "ioctl(3, LOOP_GET_STATUS64", string(d.Enter(nil, c)))
}
