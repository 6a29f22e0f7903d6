package syscalls

import (
	"encoding/hex"
	"strconv"
	"strings"
	"testing"

	"github.com/gotrace/gotrace/format"
	"github.com/stretchr/testify/assert"
	"golang.org/x/sys/unix"
)

// The other families' addresses, as strace 6.1 prints them (the
// expected lines are its output for the same bytes).
func TestSockaddrOtherFamilies(t *testing.T) {
	saved := InterfaceName
	InterfaceName = func(i uint32) string {
		if i == 1 {
			return "lo"
		}
		return ""
	}
	defer func() { InterfaceName = saved }()
	m := newFakeMem()
	d := testDecoder(m)
	// sa is the address of the given hex bytes, zero padded to 128.
	conn := func(hexAddr string, n int) string {
		b, err := hex.DecodeString(hexAddr + strings.Repeat("00", 128-len(hexAddr)/2))
		if err != nil {
			t.Fatal(err)
		}
		a := m.put(0x5000, b)
		line := decodeLine(t, d, unix.SYS_CONNECT, 0, 3, a, uint64(n))
		return strings.TrimSuffix(strings.TrimPrefix(line, "connect(3, "), ") = 0")
	}
	r20 := strings.Repeat("11", 20)
	type tc struct {
		hex  string
		n    int
		want string
	}
	check := func(st format.Style, cases []tc) {
		t.Helper()
		d.Opts.Style = st
		for _, c := range cases {
			assert.Equal(t, c.want+", "+strconv.Itoa(c.n), conn(c.hex, c.n), "%s/%d", c.hex, c.n)
		}
	}
	check(format.Abbrev, []tc{
		{"2800" + r20, 128, `{sa_family=AF_VSOCK, svm_reserved1=0x1111, svm_cid=0x11111111, svm_port=0x11111111, svm_flags=VMADDR_FLAG_TO_HOST|0x10, svm_zero="\x11\x11\x11"}`},
		{"28000000ffffffffffffffff01000000", 16, `{sa_family=AF_VSOCK, svm_cid=VMADDR_CID_ANY, svm_port=VMADDR_PORT_ANY, svm_flags=VMADDR_FLAG_TO_HOST}`},
		{"28000000ffffffffffffffff01", 15, `{sa_family=AF_VSOCK, sa_data="\0\0\377\377\377\377\377\377\377\377\1\0\0"}`},
		{"2a00fffffffffeffffff", 12, `{sa_family=AF_QIPCRTR, sq_node=0xfffeffff, sq_port=0xffff}`},
		{"2c001f00010000000200000000000000", 16, `{sa_family=AF_XDP, sxdp_flags=XDP_SHARED_UMEM|XDP_COPY|XDP_ZEROCOPY|XDP_USE_NEED_WAKEUP|0x10, sxdp_ifindex=if_nametoindex("lo"), sxdp_queue_id=2, sxdp_shared_umem_fd=0}`},
		{"2c000000010000000200000000000000", 16, `{sa_family=AF_XDP, sxdp_flags=0, sxdp_ifindex=if_nametoindex("lo"), sxdp_queue_id=2}`},
		{"2d00" + r20, 128, `{sa_family=AF_MCTP, __smctp_pad0=0x1111, smctp_network=0x11111111, smctp_addr={s_addr=0x11}, smctp_type=0x11, smctp_tag=0x11, __smctp_pad1=0x11}`},
		{"2d000000000000000000ff00", 16, `{sa_family=AF_MCTP, smctp_network=MCTP_NET_ANY, smctp_addr={s_addr=MCTP_ADDR_NULL}, smctp_type=0, smctp_tag=0xff}`},
		{"1f00" + r20, 4, `{sa_family=AF_BLUETOOTH, hci_dev=htobs(4369)}`},
		{"1f00" + r20, 6, `{sa_family=AF_BLUETOOTH, hci_dev=htobs(4369), hci_channel=0x1111 /* HCI_CHANNEL_??? */}`},
		{"1f0003000300", 6, `{sa_family=AF_BLUETOOTH, hci_dev=htobs(3), hci_channel=HCI_CHANNEL_CONTROL}`},
		{"1f00" + r20, 8, `{sa_family=AF_BLUETOOTH, sco_bdaddr=11:11:11:11:11:11}`},
		{"1f00" + r20, 10, `{sa_family=AF_BLUETOOTH, rc_bdaddr=11:11:11:11:11:11, rc_channel=17}`},
		{"1f00" + r20, 12, `{sa_family=AF_BLUETOOTH, l2_psm=htobs(L2CAP_PSM_DYN_START+272), l2_bdaddr=11:11:11:11:11:11, l2_cid=htobs(L2CAP_CID_DYN_START+4305)}`},
		{"1f00" + r20, 14, `{sa_family=AF_BLUETOOTH, l2_psm=htobs(L2CAP_PSM_DYN_START+272), l2_bdaddr=11:11:11:11:11:11, l2_cid=htobs(L2CAP_CID_DYN_START+4305), l2_bdaddr_type=0x11 /* BDADDR_??? */}`},
		{"1f00" + r20, 9, `{sa_family=AF_BLUETOOTH, sa_data="\21\21\21\21\21\21\21"}`},
		{"1f000100000001020304050640000100", 14, `{sa_family=AF_BLUETOOTH, l2_psm=htobs(L2CAP_PSM_SDP), l2_bdaddr=00:00:01:02:03:04, l2_cid=htobs(L2CAP_CID_DYN_START+1477), l2_bdaddr_type=0x40 /* BDADDR_??? */}`},
		{"1f008000000001020304050605000000", 14, `{sa_family=AF_BLUETOOTH, l2_psm=htobs(L2CAP_PSM_LE_DYN_START), l2_bdaddr=00:00:01:02:03:04, l2_cid=htobs(L2CAP_CID_DYN_START+1477), l2_bdaddr_type=0x5 /* BDADDR_??? */}`},
		{"24000000020000003412feff", 20, `{sa_family=AF_IEEE802154, addr={addr_type=0x2 /* IEEE802154_ADDR_SHORT */, pan_id=0x1234, short_addr=0xfffe /* IEEE802154_ADDR_UNDEF */}}`},
		{"24000000030000003412ffff0102030405060708", 20, `{sa_family=AF_IEEE802154, addr={addr_type=0x3 /* IEEE802154_ADDR_LONG */, pan_id=0x1234, hwaddr=ff:ff:01:02:03:04:05:06}}`},
		{"2400000001000000ffffffff", 20, `{sa_family=AF_IEEE802154, addr={addr_type=0x1 /* IEEE802154_ADDR_??? */, pan_id=0xffff /* IEEE802154_PANID_BROADCAST */, hwaddr=ff:ff:00:00:00:00:00:00}}`},
		{"2400", 20, `{sa_family=AF_IEEE802154, addr={addr_type=0 /* IEEE802154_ADDR_NONE */, pan_id=0}}`},
		{"0300" + r20 + r20, 16, `{sa_family=AF_AX25, fsa_ax25={sax25_call={ax25_call="\x11\x11\x11\x11\x11\x11\x11"}, sax25_ndigis=286331153}, fsa_digipeater=[...]}`},
		{"03009c6c6888b0406000000000", 16, `{sa_family=AF_AX25, sax25_call={ax25_call="\x9c\x6c\x68\x88\xb0\x40\x60"} /* N64DX-0 */, sax25_ndigis=0}`},
		{"03009c6c6888b040ee01000000", 30, `{sa_family=AF_AX25, fsa_ax25={sax25_call={ax25_call="\x9c\x6c\x68\x88\xb0\x40\xee"} /* N64DX-7 */, sax25_ndigis=0}}`},
		{"030040404040404000000000009c6c6888b04060", 23, `{sa_family=AF_AX25, fsa_ax25={sax25_call=*, sax25_ndigis=1751948288}, fsa_digipeater=[{ax25_call="\x88\xb0\x40\x60\x00\x00\x00"}, ...]}`},
		{"0300404040404040020000000000000000000000", 16, `{sa_family=AF_AX25, sax25_call={ax25_call="\x40\x40\x40\x40\x40\x40\x02"} /* -1 */, sax25_ndigis=0}`},
		{"03009c4040404040000000000000000000000000", 16, `{sa_family=AF_AX25, sax25_call=N-0, sax25_ndigis=0}`},
		{"03009c6c6888b04060ffffffff", 24, `{sa_family=AF_AX25, fsa_ax25={sax25_call={ax25_call="\x9c\x6c\x68\x88\xb0\x40\x60"} /* N64DX-0 */, sax25_ndigis=255}, fsa_digipeater=[{ax25_call="\x00\x00\x00\x00\x00\x00\x00"}, ...], ...}`},
		{"0400" + r20, 16, `{sa_family=AF_IPX, sipx_port=htons(4369), sipx_network=htonl(0x11111111), sipx_node=[0x11, 0x11, 0x11, 0x11, 0x11, 0x11], sipx_type=0x11, sipx_zero=0x11}`},
		{"0900" + r20, 18, `{sa_family=AF_X25, sx25_addr={x25_addr="\21\21\21\21\21\21\21\21\21\21\21\21\21\21\21"...}}`},
		{"0900" + strings.Repeat("31", 15), 18, `{sa_family=AF_X25, sx25_addr={x25_addr="111111111111111"}}`},
		{"2600" + r20 + r20, 128, `{sa_family=AF_ALG, salg_type="\21\21\21\21\21\21\21\21\21\21\21\21\21"..., salg_feat=0x11111111 /* CRYPTO_ALG_KERN_DRIVER_ONLY|0x11110111 */, salg_mask=0x11111111 /* CRYPTO_ALG_KERN_DRIVER_ONLY|0x11110111 */, salg_name="\21\21\21\21\21\21\21\21\21\21\21\21\21\21\21\21\21\21"}`},
		{"2600686173680000000000000000000000100000ff1f0000736861323536", 30, `{sa_family=AF_ALG, salg_type="hash", salg_feat=0x1000 /* CRYPTO_ALG_KERN_DRIVER_ONLY */, salg_mask=0x1fff /* CRYPTO_ALG_KERN_DRIVER_ONLY|0xfff */, salg_name="sha25"...}`},
		{"2600686173680000000000000000000000000000000000007368613200", 30, `{sa_family=AF_ALG, salg_type="hash", salg_feat=0, salg_mask=0, salg_name="sha2"}`},
		{"2700" + r20, 16, `{sa_family=AF_NFC, dev_idx=286331153, target_idx=0x11111111, nfc_protocol=0x11111111 /* NFC_PROTO_??? */}`},
		{"2700" + r20, 20, `{sa_family=AF_NFC, dev_idx=286331153, target_idx=0x11111111, nfc_protocol=0x11111111 /* NFC_PROTO_??? */, ...}`},
		{"2700" + r20, 128, `{sa_family=AF_NFC, dev_idx=286331153, target_idx=0x11111111, nfc_protocol=0x11111111 /* NFC_PROTO_??? */, dsap=0x11, ssap=0x11, service_name="", service_name_len=0}`},
		{"2100" + r20 + r20, 36, `{sa_family=AF_RXRPC, srx_service=0x1111 /* ???_SERVICE */, transport_type=0x1111 /* SOCK_??? */, transport_len=4369, transport={family=0x1111 /* AF_??? */, "\21\21\21\21\21\21\21\21\21\21\21\21\21\21\21\21\21\21\21\21\21\21\21\21\21\21"}}`},
		{"1e00" + r20, 20, `{sa_family=AF_TIPC, sa_data="\21\21\21\21\21\21\21\21\21\21\21\21\21\21\21\21\21\21"}`},
		{"0500" + r20, 20, `{sa_family=AF_APPLETALK, sa_data="\21\21\21\21\21\21\21\21\21\21\21\21\21\21\21\21\21\21"}`},
	})
	check(format.Raw, []tc{
		{"28000000ffffffffffffffff01000000", 16, `{sa_family=0x28, svm_cid=0xffffffff, svm_port=0xffffffff, svm_flags=0x1}`},
		{"2c001f00010000000200000000000000", 16, `{sa_family=0x2c, sxdp_flags=0x1f, sxdp_ifindex=1, sxdp_queue_id=2, sxdp_shared_umem_fd=0}`},
		{"2d000000000000000000ff00", 16, `{sa_family=0x2d, smctp_network=0, smctp_addr={s_addr=0}, smctp_type=0, smctp_tag=0xff}`},
		{"24000000030000003412ffff0102030405060708", 20, `{sa_family=0x24, addr={addr_type=0x3, pan_id=0x1234, hwaddr="\xff\xff\x01\x02\x03\x04\x05\x06"}}`},
		{"0400" + r20, 16, `{sa_family=0x4, sipx_port="\x11\x11", sipx_network=htonl(0x11111111), sipx_node=[0x11, 0x11, 0x11, 0x11, 0x11, 0x11], sipx_type=0x11, sipx_zero=0x11}`},
		{"030040404040404000000000009c6c6888b04060", 23, `{sa_family=0x3, fsa_ax25={sax25_call={ax25_call="\x40\x40\x40\x40\x40\x40\x00"}, sax25_ndigis=1751948288}, fsa_digipeater=[{ax25_call="\x88\xb0\x40\x60\x00\x00\x00"}, ...]}`},
		{"03009c6c6888b0406102000000", 16, `{sa_family=0x3, sax25_call={ax25_call="\x9c\x6c\x68\x88\xb0\x40\x61"} /* N64DX-0 */, sax25_ndigis=0}`},
		{"2700" + r20, 20, `{sa_family=0x27, dev_idx=286331153, target_idx=0x11111111, nfc_protocol=0x11111111, ...}`},
	})
	check(format.Verbose, []tc{
		{"28000000ffffffffffffffff01000000", 16, `{sa_family=0x28 /* AF_VSOCK */, svm_cid=0xffffffff /* VMADDR_CID_ANY */, svm_port=0xffffffff /* VMADDR_PORT_ANY */, svm_flags=0x1 /* VMADDR_FLAG_TO_HOST */}`},
		{"2c001f00010000000200000000000000", 16, `{sa_family=0x2c /* AF_XDP */, sxdp_flags=0x1f /* XDP_SHARED_UMEM|XDP_COPY|XDP_ZEROCOPY|XDP_USE_NEED_WAKEUP|0x10 */, sxdp_ifindex=1 /* if_nametoindex("lo") */, sxdp_queue_id=2, sxdp_shared_umem_fd=0}`},
		{"1f00" + r20, 14, `{sa_family=0x1f /* AF_BLUETOOTH */, l2_psm=htobs(0x1111 /* 0x1001 /* L2CAP_PSM_DYN_START */+272 */), l2_bdaddr="\x11\x11\x11\x11\x11\x11" /* 11:11:11:11:11:11 */, l2_cid=htobs(0x1111 /* 0x40 /* L2CAP_CID_DYN_START */+4305 */), l2_bdaddr_type=0x11 /* BDADDR_??? */}`},
		{"1f000100000001020304050640000100", 14, `{sa_family=0x1f /* AF_BLUETOOTH */, l2_psm=htobs(0x1 /* L2CAP_PSM_SDP */), l2_bdaddr="\x00\x00\x01\x02\x03\x04" /* 00:00:01:02:03:04 */, l2_cid=htobs(0x605 /* 0x40 /* L2CAP_CID_DYN_START */+1477 */), l2_bdaddr_type=0x40 /* BDADDR_??? */}`},
		{"2400", 20, `{sa_family=0x24 /* AF_IEEE802154 */, addr={addr_type=0 /* IEEE802154_ADDR_NONE */, pan_id=0}}`},
		{"030040404040404000000000009c6c6888b04060", 23, `{sa_family=0x3 /* AF_AX25 */, fsa_ax25={sax25_call={ax25_call="\x40\x40\x40\x40\x40\x40\x00"} /* * */, sax25_ndigis=1751948288}, fsa_digipeater=[{ax25_call="\x88\xb0\x40\x60\x00\x00\x00"}, ...]}`},
		{"0400" + r20, 16, `{sa_family=0x4 /* AF_IPX */, sipx_port="\x11\x11" /* htons(4369) */, sipx_network=htonl(0x11111111), sipx_node=[0x11, 0x11, 0x11, 0x11, 0x11, 0x11], sipx_type=0x11, sipx_zero=0x11}`},
		{"2100" + r20 + r20, 36, `{sa_family=0x21 /* AF_RXRPC */, srx_service=0x1111 /* ???_SERVICE */, transport_type=0x1111 /* SOCK_??? */, transport_len=4369, transport={family=0x1111 /* AF_??? */, "\21\21\21\21\21\21\21\21\21\21\21\21\21\21\21\21\21\21\21\21\21\21\21\21\21\21"}}`},
	})
	d.Opts.Style = format.Abbrev
	d.Opts.X = format.XNonASCII
	assert.Equal(t, `{sa_family=AF_X25, sx25_addr={x25_addr="\x11\x11\x11\x11\x11\x11\x11\x11\x11\x11\x11\x11\x11\x11\x11"...}}, 18`, conn("0900"+r20, 18))
}
