// The daemon: `regfs mount` (RunMount) checks the mountpoint, clears a stale mount, forks
// and waits for the readiness handshake: without -f the command returns only after the
// daemon has mounted and is serving, so a script can use the mount on the next line without
// sleeping. The child (Serve) opens the instance, starts the session, mounts and serves
// until unmounted. `regfs umount` (RunUmount).
#include <fcntl.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/vfs.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "core/instance.h"
#include "fs/log.h"
#include "fs/mount.h"
#include "fs/mount/op_table.h"
#include "fs/passthrough.h"
#include "fs/session/session.h"

namespace regfs {

namespace {

// A mountpoint whose daemon died answers ENOTCONN. Clears it (lazy unmount) and says so.
bool ClearStaleMount(const std::string& mnt) {
  // statfs always reaches the daemon; stat() may be answered from the attribute cache
  // for a second after the daemon died.
  struct statfs sfs;
  if (statfs(mnt.c_str(), &sfs) == 0 || errno != ENOTCONN) return true;
  struct stat st;
  std::cerr << "regfs: " << mnt
            << " is a stale mount (Transport endpoint is not connected); clearing it\n";
  pid_t pid = fork();
  if (pid == 0) {
    execlp("fusermount3", "fusermount3", "-u", "-z", mnt.c_str(), static_cast<char*>(nullptr));
    _exit(127);
  }
  int status = 0;
  if (pid > 0) waitpid(pid, &status, 0);
  if (statfs(mnt.c_str(), &sfs) == 0 && stat(mnt.c_str(), &st) == 0) return true;
  if (geteuid() == 0 && umount2(mnt.c_str(), MNT_DETACH) == 0) return true;
  std::cerr << "regfs: could not clear " << mnt << ": run `fusermount3 -uz " << mnt << "`\n";
  return false;
}

// A /proc/self/mountinfo field with its octal escapes (\040 for a space...) undone.
std::string UnescapeMountField(const std::string& field) {
  std::string out;
  for (size_t i = 0; i < field.size(); ++i) {
    auto octal = [&](size_t j) { return j < field.size() && field[j] >= '0' && field[j] <= '7'; };
    if (field[i] == '\\' && octal(i + 1) && octal(i + 2) && octal(i + 3)) {
      out += static_cast<char>((field[i + 1] - '0') * 64 + (field[i + 2] - '0') * 8 +
                               (field[i + 3] - '0'));
      i += 3;
    } else {
      out += field[i];
    }
  }
  return out;
}

// "major:minor" of the newest FUSE mount on `mnt`, from /proc/self/mountinfo ("" if none).
// stat() of the mountpoint would wait for the daemon, which is not serving yet.
std::string FuseMountDevice(const std::string& mnt) {
  std::ifstream in("/proc/self/mountinfo");
  std::string line, dev;
  while (std::getline(in, line)) {
    std::istringstream fields(line);
    std::string id, parent, majmin, root, point;
    if (!(fields >> id >> parent >> majmin >> root >> point)) continue;
    size_t sep = line.find(" - ");
    if (sep == std::string::npos || line.compare(sep + 3, 4, "fuse") != 0) continue;
    if (UnescapeMountField(point) == mnt) dev = majmin;
  }
  return dev;
}

// The kernel caps a FUSE mount's read-ahead at the default of its backing device info
// (128 KiB) whatever INIT's max_readahead asks for; raised to 1 MiB, sequential reads that
// go through the daemon come in 1 MiB requests instead of 128 KiB ones. Only root may write
// sysfs; nothing depends on it.
void RaiseReadAhead(const std::string& mnt) {
  constexpr long kWantKb = 1024;
  std::string dev = FuseMountDevice(mnt);
  if (dev.empty()) return;
  std::string path = "/sys/class/bdi/" + dev + "/read_ahead_kb";
  if (access(path.c_str(), W_OK) != 0) return;
  long now = 0;
  {
    std::ifstream cur(path);
    if (!(cur >> now) || now >= kWantKb) return;
  }
  std::ofstream out(path);
  out << kWantKb << "\n";
  out.flush();
  if (out)
    log::Info("read-ahead of the mount raised from " + std::to_string(now) + " to 1024 KiB");
  else
    log::Info("could not raise the read-ahead of the mount (" + path + ")");
}

// The child tells the waiting parent how mounting went: one byte, 0 = serving.
void Signal(int fd, char code) {
  if (fd < 0) return;
  ssize_t ignored = write(fd, &code, 1);
  (void)ignored;
  close(fd);
}

int Serve(const MountConfig& cfg, int ready_fd) {
  log::Init(cfg.foreground, cfg.debug);
  auto info = OpenInstance(cfg.instance_root, cfg.read_only);
  if (!info.ok()) {
    std::cerr << "regfs: mount: " << info.status().ToString() << "\n";
    Signal(ready_fd, 1);
    return 1;
  }
  MountConfig effective = cfg;
  if ((*info)->read_only && !cfg.read_only) {
    // The database or the instance directory is not writable for this user: say so once,
    // and answer writes with EROFS rather than with whatever fails first.
    log::Warn("instance " + cfg.instance_root + " is read-only for this user; mounting read-only");
    effective.read_only = true;
  }
  // Outlives the session and libfuse's, whose reply hooks reach it through the session.
  Passthrough passthrough((*info)->storage->storage_root());
  Session session(effective, *info);
  Status st = session.Start();
  if (!st.ok()) {
    std::cerr << "regfs: mount: " << st.ToString() << "\n";
    Signal(ready_fd, 1);
    return 1;
  }
  std::string opts = "fsname=regfs:" + cfg.instance_root + ",subtype=regfs";
  if (cfg.allow_other) opts += ",allow_other,default_permissions";
  if (effective.read_only) opts += ",ro";
  for (const auto& o : cfg.fuse_options) opts += "," + o;
  std::vector<std::string> argv_s = {"regfs", "-o", opts};
  if (cfg.debug) argv_s.push_back("-d");
  std::vector<char*> argv;
  for (auto& a : argv_s) argv.push_back(a.data());
  fuse_args args = FUSE_ARGS_INIT(static_cast<int>(argv.size()), argv.data());
  fuse_lowlevel_ops ops = MakeOpTable();
  fuse_session* se = fuse_session_new(&args, &ops, sizeof(ops), &session);
  // libfuse may have copied our arguments into memory of its own (fuse_opt_add_arg).
  fuse_opt_free_args(&args);
  if (!se) {
    std::cerr << "regfs: mount: bad FUSE options: " << opts << "\n";
    Signal(ready_fd, 1);
    return 1;
  }
  session.set_fuse_session(se);
  if (fuse_set_signal_handlers(se) != 0 || fuse_session_mount(se, cfg.mountpoint.c_str()) != 0) {
    std::cerr << "regfs: mount: cannot mount on " << cfg.mountpoint
              << " (is /dev/fuse available and the directory empty?)\n";
    fuse_remove_signal_handlers(se);
    fuse_session_destroy(se);
    Signal(ready_fd, 1);
    return 1;
  }
  RaiseReadAhead(cfg.mountpoint);
  // The hooks go on before the loop reads INIT, which is where passthrough is negotiated
  // (and where the log then says whether it is on).
  std::string no_passthrough = cfg.nopassthrough ? "-o nopassthrough" : Passthrough::Unavailable();
  if (no_passthrough.empty()) {
    session.set_passthrough(&passthrough);
    Status installed = passthrough.Install(se);
    if (!installed.ok()) {
      session.set_passthrough(nullptr);
      no_passthrough = installed.message();
    }
  }
  if (!no_passthrough.empty())
    log::Info("FUSE passthrough off: " + no_passthrough + "; reads go through the daemon");
  Signal(ready_fd, 0);
  fuse_loop_config* loop = fuse_loop_cfg_create();
  fuse_loop_cfg_set_max_threads(loop, static_cast<unsigned>(cfg.max_threads));
  fuse_loop_cfg_set_idle_threads(loop, static_cast<unsigned>(cfg.max_threads) / 2 + 1);
  int rc = fuse_session_loop_mt(se, loop);
  fuse_loop_cfg_destroy(loop);
  session.set_fuse_session(nullptr);
  session.Stop();
  fuse_session_unmount(se);
  fuse_remove_signal_handlers(se);
  fuse_session_destroy(se);
  log::Info("unmounted " + cfg.mountpoint +
            " (view reloads: " + std::to_string(session.view().reloads()) +
            "; requests: " + session.RequestStats() + ")");
  return rc == 0 ? 0 : 1;
}

}  // namespace

int RunMount(const MountConfig& in) {
  MountConfig cfg = in;
  char* real = realpath(cfg.mountpoint.c_str(), nullptr);
  if (!real && errno == ENOTCONN) {
    if (!ClearStaleMount(cfg.mountpoint)) return 1;
    real = realpath(cfg.mountpoint.c_str(), nullptr);
  }
  if (!real) {
    std::cerr << "regfs: mount: mountpoint " << cfg.mountpoint << ": " << strerror(errno) << "\n";
    return 1;
  }
  cfg.mountpoint = real;
  free(real);
  if (!ClearStaleMount(cfg.mountpoint)) return 1;
  if (cfg.foreground) return Serve(cfg, -1);

  int pipefd[2];
  if (pipe2(pipefd, O_CLOEXEC) != 0) {
    std::cerr << "regfs: mount: pipe: " << strerror(errno) << "\n";
    return 1;
  }
  std::cout.flush();
  std::cerr.flush();
  pid_t pid = fork();
  if (pid < 0) {
    std::cerr << "regfs: mount: fork: " << strerror(errno) << "\n";
    return 1;
  }
  if (pid == 0) {
    close(pipefd[0]);
    setsid();
    if (chdir("/") != 0) _exit(1);
    int null = open("/dev/null", O_RDWR | O_CLOEXEC);
    if (null >= 0) {
      dup2(null, STDIN_FILENO);
      dup2(null, STDOUT_FILENO);
      // The log stays on stderr when it goes to a file or pipe; a terminal gets syslog only.
      if (isatty(STDERR_FILENO)) dup2(null, STDERR_FILENO);
      if (null > STDERR_FILENO) close(null);
    }
    _exit(Serve(cfg, pipefd[1]));
  }
  close(pipefd[1]);
  char code = 1;
  ssize_t n;
  do {
    n = read(pipefd[0], &code, 1);
  } while (n < 0 && errno == EINTR);
  close(pipefd[0]);
  if (n == 1 && code == 0) return 0;
  int status = 0;
  waitpid(pid, &status, 0);
  return 1;
}

int RunUmount(const std::string& mountpoint) {
  pid_t pid = fork();
  if (pid == 0) {
    execlp("fusermount3", "fusermount3", "-u", mountpoint.c_str(), static_cast<char*>(nullptr));
    _exit(127);
  }
  int status = 0;
  if (pid > 0) waitpid(pid, &status, 0);
  if (pid > 0 && WIFEXITED(status) && WEXITSTATUS(status) == 0) return 0;
  if (geteuid() == 0 && umount2(mountpoint.c_str(), 0) == 0) return 0;
  std::cerr << "regfs: umount " << mountpoint << ": failed (is it a regfs mount? busy?)\n";
  return 1;
}

}  // namespace regfs
