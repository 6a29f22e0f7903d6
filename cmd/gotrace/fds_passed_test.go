package main

import (
	"encoding/binary"
	"slices"
	"testing"

	"github.com/gotrace/gotrace/format"
	"github.com/stretchr/testify/assert"
	"golang.org/x/sys/unix"
)

// TestPassedFdsBounds feeds passedFds (the fds an SCM_RIGHTS message
// brings in) control data a tracee could leave: a last message whose
// padding lies past the buffer (found by the poke differential: seed
// 1140 panicked), lengths too short, too long, negative. The fds of
// well-formed messages are forgotten; nothing panics.
func TestPassedFdsBounds(t *testing.T) {
	le := binary.LittleEndian
	cmsg := func(l uint64, level, typ int32, fds ...int32) []byte {
		b := make([]byte, 16)
		le.PutUint64(b, l)
		le.PutUint32(b[8:], uint32(level))
		le.PutUint32(b[12:], uint32(typ))
		for _, fd := range fds {
			b = le.AppendUint32(b, uint32(fd))
		}
		return b
	}
	for _, tc := range []struct {
		name    string
		control []byte
		forgets []int
	}{
		{"two fds", cmsg(24, unix.SOL_SOCKET, unix.SCM_RIGHTS, 5, 6), []int{5, 6}},
		{"unaligned last", cmsg(28, unix.SOL_SOCKET, unix.SCM_RIGHTS, 5, 6, 7), []int{5, 6, 7}},
		{"then another", append(append(cmsg(20, unix.SOL_SOCKET, unix.SCM_RIGHTS, 5), 0, 0, 0, 0), cmsg(20, unix.SOL_SOCKET, unix.SCM_RIGHTS, 6)...), []int{5, 6}},
		{"too short", cmsg(8, unix.SOL_SOCKET, unix.SCM_RIGHTS, 5), nil},
		{"too long", cmsg(1000, unix.SOL_SOCKET, unix.SCM_RIGHTS, 5), nil},
		{"negative", cmsg(^uint64(0), unix.SOL_SOCKET, unix.SCM_RIGHTS, 5), nil},
		{"not rights", cmsg(20, unix.SOL_SOCKET, unix.SCM_CREDENTIALS, 5), nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			fc := newFdCache(0, format.XNone)
			fc.cur = &fdTable{fds: map[int]*fdEntry{}}
			for fd := 0; fd < 10; fd++ {
				fc.cur.fds[fd] = &fdEntry{}
			}
			hdr := make([]byte, 56)
			le.PutUint64(hdr[32:], 0x2000)
			le.PutUint64(hdr[40:], uint64(len(tc.control)))
			mem := func(addr uint64, b []byte) bool {
				switch addr {
				case 0x1000:
					copy(b, hdr)
				case 0x2000:
					copy(b, tc.control)
				default:
					return false
				}
				return true
			}
			assert.NotPanics(t, func() { fc.passedFds(0x1000, mem) })
			for fd := 0; fd < 10; fd++ {
				_, kept := fc.cur.fds[fd]
				assert.Equal(t, !slices.Contains(tc.forgets, fd), kept, "fd %d", fd)
			}
		})
	}
}
