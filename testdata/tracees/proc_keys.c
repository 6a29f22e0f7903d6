// proc_keys makes the key management calls (add_key, request_key, keyctl
// and its commands) for comparing gotrace with strace. It touches only
// keys of type "user" it creates in its own process keyring, which it
// revokes and unlinks; every other command fails on bad ids or pointers.
// request_key never gets callout info, so no upcall runs.
#define _GNU_SOURCE
#include <errno.h>
#include <string.h>
#include <unistd.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <linux/keyctl.h>

#define BAD_KEY 0x7ffffff0
/* KEY_POS_ALL and kin live in the kernel's include/linux/key.h. */

int main(void)
{
	char buf[256];
	unsigned char caps[4];
	static const char payload[] = "gotrace payload \x01\x02 with a tail past thirty-two bytes";
	struct iovec iov[2] = {{(void *)"ab", 2}, {(void *)"cde", 3}};

	syscall(SYS_keyctl, KEYCTL_GET_KEYRING_ID, KEY_SPEC_THREAD_KEYRING, 0);
	syscall(SYS_keyctl, KEYCTL_GET_KEYRING_ID, KEY_SPEC_PROCESS_KEYRING, 1);
	long key = syscall(SYS_add_key, "user", "gotrace:key", "secret", 6, KEY_SPEC_PROCESS_KEYRING);
	long key2 = syscall(SYS_add_key, "user", "gotrace:key2", payload, sizeof(payload), KEY_SPEC_PROCESS_KEYRING);
	syscall(SYS_add_key, "user", "gotrace:bad", NULL, 6, KEY_SPEC_PROCESS_KEYRING);
	syscall(SYS_add_key, NULL, NULL, NULL, 0, 0);
	syscall(SYS_add_key, "nosuchtype", "x", "y", 1, BAD_KEY);
	syscall(SYS_add_key, (void *)1, (void *)2, (void *)3, 4, KEY_SPEC_GROUP_KEYRING);
	syscall(SYS_request_key, "user", "gotrace:key", NULL, KEY_SPEC_PROCESS_KEYRING);
	syscall(SYS_request_key, "user", "gotrace:missing", NULL, 0);
	syscall(SYS_request_key, NULL, (void *)1, NULL, KEY_SPEC_REQUESTOR_KEYRING);
	syscall(SYS_keyctl, KEYCTL_DESCRIBE, key, buf, sizeof(buf));
	syscall(SYS_keyctl, KEYCTL_DESCRIBE, key, buf, 5);
	syscall(SYS_keyctl, KEYCTL_DESCRIBE, key, NULL, 0);
	syscall(SYS_keyctl, KEYCTL_DESCRIBE, BAD_KEY, buf, sizeof(buf));
	syscall(SYS_keyctl, KEYCTL_READ, key, buf, sizeof(buf));
	syscall(SYS_keyctl, KEYCTL_READ, key2, buf, sizeof(buf));
	syscall(SYS_keyctl, KEYCTL_READ, key, buf, 3);
	syscall(SYS_keyctl, KEYCTL_READ, key, NULL, 0);
	syscall(SYS_keyctl, KEYCTL_READ, key, (void *)1, 64);
	syscall(SYS_keyctl, KEYCTL_UPDATE, key, "newer", 5);
	syscall(SYS_keyctl, KEYCTL_UPDATE, BAD_KEY, NULL, 0);
	syscall(SYS_keyctl, KEYCTL_SEARCH, KEY_SPEC_PROCESS_KEYRING, "user", "gotrace:key", 0);
	syscall(SYS_keyctl, KEYCTL_SEARCH, KEY_SPEC_PROCESS_KEYRING, "user", "gotrace:nokey", KEY_SPEC_PROCESS_KEYRING);
	syscall(SYS_keyctl, KEYCTL_SETPERM, key, 0x3f000000 | 0x10000 | 0x20000 | 0x800 | 0x10);
	syscall(SYS_keyctl, KEYCTL_SETPERM, BAD_KEY, 0);
	syscall(SYS_keyctl, KEYCTL_SETPERM, BAD_KEY, 0xff000000);
	syscall(SYS_keyctl, KEYCTL_SETPERM, BAD_KEY, 0x40);
	syscall(SYS_keyctl, KEYCTL_CHOWN, key, -1, -1);
	syscall(SYS_keyctl, KEYCTL_CHOWN, BAD_KEY, 1000, 2000);
	syscall(SYS_keyctl, KEYCTL_SET_TIMEOUT, key, 3600);
	syscall(SYS_keyctl, KEYCTL_GET_SECURITY, key, buf, sizeof(buf));
	syscall(SYS_keyctl, KEYCTL_LINK, key, KEY_SPEC_PROCESS_KEYRING);
	syscall(SYS_keyctl, KEYCTL_LINK, BAD_KEY, KEY_SPEC_USER_SESSION_KEYRING);
	syscall(SYS_keyctl, KEYCTL_INSTANTIATE, key, "x", 1, KEY_SPEC_PROCESS_KEYRING);
	syscall(SYS_keyctl, KEYCTL_INSTANTIATE, BAD_KEY, NULL, 0, 0);
	syscall(SYS_keyctl, KEYCTL_INSTANTIATE_IOV, key, iov, 2, KEY_SPEC_PROCESS_KEYRING);
	syscall(SYS_keyctl, KEYCTL_INSTANTIATE_IOV, key, NULL, 0, 0);
	syscall(SYS_keyctl, KEYCTL_NEGATE, key, 10, KEY_SPEC_PROCESS_KEYRING);
	syscall(SYS_keyctl, KEYCTL_REJECT, key, 10, EKEYREJECTED, KEY_SPEC_PROCESS_KEYRING);
	syscall(SYS_keyctl, KEYCTL_REJECT, key, 10, 4095, 0);
	syscall(SYS_keyctl, KEYCTL_SET_REQKEY_KEYRING, KEY_REQKEY_DEFL_NO_CHANGE);
	syscall(SYS_keyctl, KEYCTL_SET_REQKEY_KEYRING, 42);
	syscall(SYS_keyctl, KEYCTL_ASSUME_AUTHORITY, 0);
	syscall(SYS_keyctl, KEYCTL_ASSUME_AUTHORITY, BAD_KEY);
	syscall(SYS_keyctl, KEYCTL_GET_PERSISTENT, -1, BAD_KEY);
	syscall(SYS_keyctl, KEYCTL_GET_PERSISTENT, 1000, BAD_KEY);
	syscall(SYS_keyctl, KEYCTL_DH_COMPUTE, NULL, buf, sizeof(buf), NULL);
	syscall(SYS_keyctl, KEYCTL_PKEY_QUERY, key, 0, "enc=pkcs1", buf);
	syscall(SYS_keyctl, KEYCTL_RESTRICT_KEYRING, BAD_KEY, "user", "x");
	syscall(SYS_keyctl, KEYCTL_MOVE, BAD_KEY, KEY_SPEC_PROCESS_KEYRING, KEY_SPEC_SESSION_KEYRING, KEYCTL_MOVE_EXCL);
	syscall(SYS_keyctl, KEYCTL_MOVE, BAD_KEY, 0, 0, 6);
	syscall(SYS_keyctl, KEYCTL_CAPABILITIES, caps, sizeof(caps));
	syscall(SYS_keyctl, KEYCTL_CAPABILITIES, caps, 1);
	syscall(SYS_keyctl, KEYCTL_CAPABILITIES, NULL, 0);
	syscall(SYS_keyctl, KEYCTL_WATCH_KEY, BAD_KEY, -1, 0);
	syscall(SYS_keyctl, 99, 1, 2, 3, 4);
	syscall(SYS_keyctl, -1, 0, 0, 0, 0);
	syscall(SYS_keyctl, KEYCTL_INVALIDATE, BAD_KEY);
	syscall(SYS_keyctl, KEYCTL_REVOKE, key2);
	syscall(SYS_keyctl, KEYCTL_REVOKE, key);
	syscall(SYS_keyctl, KEYCTL_READ, key, buf, sizeof(buf));
	syscall(SYS_keyctl, KEYCTL_UNLINK, key, KEY_SPEC_PROCESS_KEYRING);
	syscall(SYS_keyctl, KEYCTL_UNLINK, key2, KEY_SPEC_PROCESS_KEYRING);
	syscall(SYS_keyctl, KEYCTL_CLEAR, KEY_SPEC_PROCESS_KEYRING);
	syscall(SYS_keyctl, KEYCTL_JOIN_SESSION_KEYRING, NULL);
	return 0;
}
