package main

import (
	"fmt"
	"regexp"
	"strings"
)

// Key serial numbers are random: the kernel hands out a new one for every
// key and keyring. They show as the result of the calls that make or find
// a key, and then as that key's argument in the calls after.
var (
	// reKeyMade is a call whose result is a key serial number (a
	// positive int): add_key, request_key, and keyctl's
	// KEYCTL_GET_KEYRING_ID, KEYCTL_SEARCH and KEYCTL_JOIN_SESSION_KEYRING
	// (0, 0xa, 0x1 with -X raw or verbose).
	reKeyMade = regexp.MustCompile(`^(?:\[pid +\d+\] |\d+ +)?(?:add_key|request_key|keyctl\((?:KEYCTL_(?:GET_KEYRING_ID|SEARCH|JOIN_SESSION_KEYRING)|0|0x1|0xa)\b).*\) += ([1-9]\d{0,9})$`)
	// reKeyLine is a line of the key calls, where a serial may show.
	reKeyLine = regexp.MustCompile(`^(?:\[pid +\d+\] |\d+ +)?(?:add_key|request_key|keyctl)\(`)
	reDecimal = regexp.MustCompile(`\b[1-9]\d{0,9}\b`)
)

// keySerials replaces, on the key calls' lines, every serial number a key
// call returned by K1, K2… in order of appearance.
func keySerials(s string) string {
	serials := map[string]string{}
	for _, l := range strings.Split(s, "\n") {
		if m := reKeyMade.FindStringSubmatch(l); m != nil {
			if _, ok := serials[m[1]]; !ok {
				serials[m[1]] = fmt.Sprintf("K%d", len(serials)+1)
			}
		}
	}
	if len(serials) == 0 {
		return s
	}
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		if reKeyLine.MatchString(l) {
			lines[i] = reDecimal.ReplaceAllStringFunc(l, func(n string) string {
				if k, ok := serials[n]; ok {
					return k
				}
				return n
			})
		}
	}
	return strings.Join(lines, "\n")
}
