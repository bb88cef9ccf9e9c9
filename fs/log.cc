#include "fs/log.h"

#include <syslog.h>
#include <unistd.h>

#include <atomic>
#include <cstdio>

#include "core/clock.h"
#include "core/sync.h"

namespace regfs::log {
namespace {

// The innermost lock of the daemon (fs/session/session.h): held for one line, and nothing
// is called under it that locks.
Mutex g_mu;
bool g_stderr GUARDED_BY(g_mu) = true;
bool g_syslog GUARDED_BY(g_mu) = false;
std::atomic<bool> g_debug{false};

}  // namespace

void Init(bool foreground, bool debug) {
  MutexLock lock(&g_mu);
  g_debug = debug;
  g_stderr = foreground || !isatty(STDERR_FILENO);
  // Without a syslog socket every message would cost a failed connect().
  g_syslog = !foreground && access("/dev/log", W_OK) == 0;
  if (g_syslog) openlog("regfs", LOG_PID | LOG_NDELAY, LOG_DAEMON);
}

void Write(Level level, const std::string& message) {
  static const char* kNames[] = {"debug", "info", "warn", "error"};
  MutexLock lock(&g_mu);
  if (g_stderr) {
    std::string line = NowTimestamp() + " regfs[" + std::to_string(getpid()) + "] " +
                       kNames[static_cast<int>(level)] + ": " + message + "\n";
    // One write() per line so lines from several processes do not interleave.
    ssize_t ignored = ::write(STDERR_FILENO, line.data(), line.size());
    (void)ignored;
  }
  if (g_syslog) {
    static const int kPrio[] = {LOG_DEBUG, LOG_INFO, LOG_WARNING, LOG_ERR};
    syslog(kPrio[static_cast<int>(level)], "%s", message.c_str());
  }
}

void Debug(const std::string& m) {
  if (g_debug) Write(Level::kDebug, m);
}

}  // namespace regfs::log
