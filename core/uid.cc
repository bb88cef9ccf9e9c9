#include "core/uid.h"

#include <openssl/rand.h>
#include <sys/random.h>

#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

namespace regfs {

namespace {

// Fills `buf` from the OpenSSL CSPRNG, falling back to the kernel's. There is no sensible
// way to continue without randomness (a predictable uid could collide with another
// client's), so total failure aborts.
void RandomBytes(unsigned char* buf, size_t len) {
  if (len <= static_cast<size_t>(INT32_MAX) && RAND_bytes(buf, static_cast<int>(len)) == 1) return;
  size_t got = 0;
  while (got < len) {
    ssize_t n = getrandom(buf + got, len - got, 0);
    if (n < 0) {
      if (errno == EINTR) continue;
      std::perror("regfs: no source of random bytes");
      std::abort();
    }
    got += static_cast<size_t>(n);
  }
}

// 62 * 4 = 248: bytes at or above it are rejected, so that every character of the alphabet
// is equally likely (a plain `% 62` would favour the first 8).
constexpr unsigned kRejectFrom = 248;

}  // namespace

std::string RandomBase62(size_t n) {
  std::string out;
  out.reserve(n);
  unsigned char buf[64];
  while (out.size() < n) {
    RandomBytes(buf, sizeof(buf));
    for (unsigned char b : buf) {
      if (b >= kRejectFrom) continue;
      out += kBase62[b % 62];
      if (out.size() == n) break;
    }
  }
  return out;
}

std::string IncrementBase62(std::string_view s) {
  std::string out(s);
  for (size_t i = out.size(); i-- > 0;) {
    size_t pos = kBase62.find(out[i]);
    if (pos == std::string_view::npos) pos = 0;
    if (pos + 1 < kBase62.size()) {
      out[i] = kBase62[pos + 1];
      return out;
    }
    out[i] = kBase62[0];  // carry
  }
  return out;
}

std::string NewVersionUid(std::string_view uid) {
  std::string out(uid.substr(0, 16));
  std::string_view suffix = uid.size() >= 20 ? uid.substr(16, 4) : std::string_view("0000");
  out += IncrementBase62(suffix);
  return out;
}

bool IsBase62(std::string_view s) {
  for (char c : s) {
    bool ok = (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    if (!ok) return false;
  }
  return true;
}

bool LooksLikeUid(std::string_view s, bool allow_stem) {
  if (s.size() != 20 && !(allow_stem && s.size() == 16)) return false;
  return IsBase62(s);
}

}  // namespace regfs
