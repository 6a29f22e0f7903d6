package format

import "math/bits"

// DumpOffsetWidth is the width of the offset column of a dump of n bytes:
// five hex digits, more for a dump longer than 1 MiB.
func DumpOffsetWidth(n uint64) int {
	if n > 1<<20 {
		return 1 + (63-bits.LeadingZeros64(n-1))/4
	}
	return 5
}

// AppendDump appends the -e read=/write= dump lines of data, which starts
// at offset off of the dumped buffer: per 16 bytes,
//
//	" | 00010  68 65 6c 6c 6f 2c 20 77  6f 72 6c 64 0a           hello, world.    |"
//
// the offset (width digits), the bytes in hex in two groups of eight, and
// the bytes as ASCII (printable as is, others as '.'). data is whole lines
// except at the end of the buffer, where the line is padded.
func AppendDump(dst, data []byte, off uint64, width int) []byte {
	for len(data) > 0 {
		line := data
		if len(line) > 16 {
			line = line[:16]
		}
		dst = append(dst, " | "...)
		n := len(dst)
		for v := off; ; v >>= 4 {
			dst = append(dst, hexDigits[v&15])
			if v < 16 {
				break
			}
		}
		for len(dst)-n < width {
			dst = append(dst, '0')
		}
		for i, j := n, len(dst)-1; i < j; i, j = i+1, j-1 {
			dst[i], dst[j] = dst[j], dst[i]
		}
		dst = append(dst, ' ')
		for i := 0; i < 16; i++ {
			if i == 8 {
				dst = append(dst, ' ')
			}
			if i < len(line) {
				dst = append(dst, ' ', hexDigits[line[i]>>4], hexDigits[line[i]&15])
			} else {
				dst = append(dst, "   "...)
			}
		}
		dst = append(dst, "  "...)
		for i := 0; i < 16; i++ {
			switch {
			case i >= len(line):
				dst = append(dst, ' ')
			case line[i] >= ' ' && line[i] < 0x7f:
				dst = append(dst, line[i])
			default:
				dst = append(dst, '.')
			}
		}
		dst = append(dst, " |\n"...)
		data = data[len(line):]
		off += uint64(len(line))
	}
	return dst
}
