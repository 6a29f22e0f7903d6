package unwind

import (
	"bytes"
	"os"
	"strconv"
)

// Mapping is one line of /proc/PID/maps that names what it maps (a file,
// or a pseudo-name such as [vdso] or [stack]).
type Mapping struct {
	Start, End uint64
	Off        uint64 // file offset of Start
	Exec       bool
	Path       string
	Dev, Ino   uint64
}

// maxMaps bounds how many mappings of one process are kept.
const maxMaps = 1 << 16

// ParseMaps reads the text of /proc/PID/maps as strace's mapping cache
// does: anonymous mappings (no name) are left out, and so is a line that
// repeats the previous one's range or overlaps it.
func ParseMaps(data []byte) []Mapping {
	var out []Mapping
	for len(data) > 0 && len(out) < maxMaps {
		line := data
		if i := bytes.IndexByte(data, '\n'); i >= 0 {
			line, data = data[:i], data[i+1:]
		} else {
			data = nil
		}
		m, ok := parseMapsLine(line)
		if !ok {
			continue
		}
		if n := len(out); n > 0 {
			prev := &out[n-1]
			if prev.Start == m.Start && prev.End == m.End {
				continue
			}
			if m.Start <= prev.Start || m.Start < prev.End {
				continue
			}
		}
		out = append(out, m)
	}
	return out
}

// parseMapsLine splits "start-end perms offset dev inode   path".
func parseMapsLine(line []byte) (Mapping, bool) {
	var m Mapping
	f := fieldsN(line, 5)
	if len(f) < 6 {
		return m, false
	}
	dash := bytes.IndexByte(f[0], '-')
	if dash < 0 {
		return m, false
	}
	var err error
	if m.Start, err = strconv.ParseUint(string(f[0][:dash]), 16, 64); err != nil {
		return m, false
	}
	if m.End, err = strconv.ParseUint(string(f[0][dash+1:]), 16, 64); err != nil || m.End < m.Start {
		return m, false
	}
	perms := f[1]
	if len(perms) < 4 || (perms[0] != 'r' && perms[0] != '-') {
		return m, false
	}
	m.Exec = perms[2] == 'x'
	if m.Off, err = strconv.ParseUint(string(f[2]), 16, 64); err != nil {
		return m, false
	}
	if c := bytes.IndexByte(f[3], ':'); c > 0 {
		maj, e1 := strconv.ParseUint(string(f[3][:c]), 16, 32)
		min, e2 := strconv.ParseUint(string(f[3][c+1:]), 16, 32)
		if e1 == nil && e2 == nil {
			m.Dev = maj<<32 | min
		}
	}
	m.Ino, _ = strconv.ParseUint(string(f[4]), 10, 64)
	path := bytes.TrimLeft(f[5], " \t")
	if len(path) == 0 {
		return m, false
	}
	m.Path = string(path)
	return m, true
}

// fieldsN splits off n space-separated fields and returns them with the
// rest of the line as one more field.
func fieldsN(line []byte, n int) [][]byte {
	var f [][]byte
	for len(f) < n {
		line = bytes.TrimLeft(line, " \t")
		if len(line) == 0 {
			return f
		}
		i := bytes.IndexAny(line, " \t")
		if i < 0 {
			f = append(f, line)
			line = nil
			continue
		}
		f = append(f, line[:i])
		line = line[i:]
	}
	return append(f, line)
}

// find returns the mapping holding addr, or nil.
func find(maps []Mapping, addr uint64) *Mapping {
	if i := findIdx(maps, addr); i >= 0 {
		return &maps[i]
	}
	return nil
}

// findIdx returns the index of the mapping holding addr, or -1.
func findIdx(maps []Mapping, addr uint64) int {
	lo, hi := 0, len(maps)
	for lo < hi {
		mid := int(uint(lo+hi) >> 1)
		if maps[mid].End <= addr {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	if lo < len(maps) && maps[lo].Start <= addr && addr < maps[lo].End {
		return lo
	}
	return -1
}

// readMaps reads /proc/PID/maps.
func readMaps(pid int) []Mapping {
	b, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/maps")
	if err != nil {
		return nil
	}
	return ParseMaps(b)
}
