package syscalls

// NETLINK_SOCK_DIAG payloads.

// sockDiagPayload appends the payload of a NETLINK_SOCK_DIAG message;
// false when it prints as bytes.
func (d *Decoder) sockDiagPayload(m *nlMem, h []byte, off, n uint64) bool {
	return false
}
