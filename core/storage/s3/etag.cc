#include "core/storage/s3/etag.h"

#include <string>

namespace regfs::s3 {

namespace {

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::string_view StripQuotes(std::string_view s) {
  while (!s.empty() && s.front() == '"') s.remove_prefix(1);
  while (!s.empty() && s.back() == '"') s.remove_suffix(1);
  return s;
}

// URL-safe base64 without padding.
std::string B64Url(const std::string& bytes) {
  static const char kAlphabet[] =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  std::string out;
  size_t i = 0;
  auto byte = [&](size_t k) { return static_cast<unsigned char>(bytes[k]); };
  for (; i + 3 <= bytes.size(); i += 3) {
    uint32_t v = (byte(i) << 16) | (byte(i + 1) << 8) | byte(i + 2);
    out.push_back(kAlphabet[(v >> 18) & 63]);
    out.push_back(kAlphabet[(v >> 12) & 63]);
    out.push_back(kAlphabet[(v >> 6) & 63]);
    out.push_back(kAlphabet[v & 63]);
  }
  if (bytes.size() - i == 1) {
    uint32_t v = byte(i) << 16;
    out.push_back(kAlphabet[(v >> 18) & 63]);
    out.push_back(kAlphabet[(v >> 12) & 63]);
  } else if (bytes.size() - i == 2) {
    uint32_t v = (byte(i) << 16) | (byte(i + 1) << 8);
    out.push_back(kAlphabet[(v >> 18) & 63]);
    out.push_back(kAlphabet[(v >> 12) & 63]);
    out.push_back(kAlphabet[(v >> 6) & 63]);
  }
  return out;
}

}  // namespace

Result<EtagHash> HashFromEtag(std::string_view etag) {
  auto bad = [&](std::string_view why) {
    return Status::Invalid("ETag '" + std::string(etag) + "' " + std::string(why));
  };
  // lamindb_setup splits the raw ETag at '-' into exactly two parts (more raise), then
  // strips the quotes from each.
  std::string_view hex = etag;
  std::string parts;
  size_t dash = etag.find('-');
  if (dash != std::string_view::npos) {
    if (etag.find('-', dash + 1) != std::string_view::npos) return bad("has more than one '-'");
    hex = etag.substr(0, dash);
    parts = std::string(StripQuotes(etag.substr(dash + 1)));
    if (parts.empty()) return bad("has no part count after '-'");
    for (char c : parts) {
      if (c < '0' || c > '9') return bad("has a part count that is not a number");
    }
  }
  hex = StripQuotes(hex);
  if (hex.empty() || hex.size() % 2 != 0) return bad("is not an even number of hex digits");
  std::string bytes;
  bytes.reserve(hex.size() / 2);
  for (size_t i = 0; i < hex.size(); i += 2) {
    int hi = HexValue(hex[i]), lo = HexValue(hex[i + 1]);
    if (hi < 0 || lo < 0) return bad("is not hex");
    bytes.push_back(static_cast<char>(hi * 16 + lo));
  }
  EtagHash out;
  out.hash = B64Url(bytes).substr(0, 22);
  out.hash_type = dash == std::string_view::npos ? "md5" : "md5-" + parts;
  return out;
}

}  // namespace regfs::s3
