// Differential tracee for -k on C++: namespaces, classes, templates,
// operators, std::string parameters, lambdas, an inheriting constructor, a
// virtual call, a static function, libstdc++ frames (std::endl, std::thread).
#include <functional>
#include <iostream>
#include <thread>
#include <string>
#include <vector>
#include <unistd.h>
#include <sys/syscall.h>

namespace srv {
struct Conn {
	int fd;
	explicit Conn(int f) : fd(f) { syscall(SYS_getpid); }
	void flush(const std::string &why, int n) { for (int i = 0; i < n; i++) syscall(SYS_getppid); (void)why; }
	Conn &operator<<(int v) { syscall(SYS_getuid); (void)v; return *this; }
	virtual ~Conn() {}
	virtual void poll() { syscall(SYS_getgid); }
};
struct TlsConn : Conn {
	using Conn::Conn;
	void poll() override { syscall(SYS_geteuid); }
};
template <typename T, int N> struct Pool {
	std::vector<T *> v;
	void each(const std::function<void(T &)> &f) { for (auto *c : v) f(*c); }
};
}

template <typename T> static void run(T &c, const char *s) { c.flush(std::string(s), 1); }
__attribute__((noinline)) static void call_poll(srv::Conn &c) { c.poll(); }

int main()
{
	srv::Conn c(3);
	srv::TlsConn t(4);
	run(c, "go");
	c << 1;
	call_poll(c);
	call_poll(t);
	srv::Pool<srv::Conn, 8> p;
	p.v.push_back(&c);
	p.each([](srv::Conn &x) { syscall(SYS_getegid); (void)x; });
	std::cout << "cxx_stack: " << c.fd << std::endl;
	std::thread th([] { syscall(SYS_getppid); });
	th.join();
	return 0;
}
