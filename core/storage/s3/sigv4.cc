#include "core/storage/s3/sigv4.h"

#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/sha.h>

#include <algorithm>
#include <ctime>

namespace regfs::s3 {

namespace {

bool Unreserved(unsigned char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
         c == '.' || c == '_' || c == '~';
}

// Trims the value and folds each run of spaces into one, as the canonical headers require.
std::string CanonicalHeaderValue(std::string_view v) {
  auto is_space = [](char c) { return c == ' ' || c == '\t'; };
  while (!v.empty() && is_space(v.front())) v.remove_prefix(1);
  while (!v.empty() && is_space(v.back())) v.remove_suffix(1);
  std::string out;
  out.reserve(v.size());
  bool in_space = false;
  for (char c : v) {
    if (is_space(c)) {
      if (!in_space) out.push_back(' ');
      in_space = true;
    } else {
      out.push_back(c);
      in_space = false;
    }
  }
  return out;
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

}  // namespace

std::string UriEncode(std::string_view s, bool keep_slash) {
  static const char kHex[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(s.size() * 3 / 2);
  for (unsigned char c : s) {
    if (Unreserved(c) || (keep_slash && c == '/')) {
      out.push_back(static_cast<char>(c));
    } else {
      out.push_back('%');
      out.push_back(kHex[c >> 4]);
      out.push_back(kHex[c & 0xf]);
    }
  }
  return out;
}

std::string CanonicalQuery(const QueryList& query) {
  std::vector<std::pair<std::string, std::string>> enc;
  enc.reserve(query.size());
  for (const auto& [k, v] : query) enc.emplace_back(UriEncode(k, false), UriEncode(v, false));
  std::sort(enc.begin(), enc.end());
  std::string out;
  for (const auto& [k, v] : enc) {
    if (!out.empty()) out.push_back('&');
    out += k;
    out.push_back('=');
    out += v;
  }
  return out;
}

std::string Hex(const unsigned char* data, size_t len) {
  static const char kHex[] = "0123456789abcdef";
  std::string out(len * 2, '0');
  for (size_t i = 0; i < len; ++i) {
    out[2 * i] = kHex[data[i] >> 4];
    out[2 * i + 1] = kHex[data[i] & 0xf];
  }
  return out;
}

std::string Sha256Hex(std::string_view data) {
  unsigned char digest[SHA256_DIGEST_LENGTH];
  SHA256(reinterpret_cast<const unsigned char*>(data.data()), data.size(), digest);
  return Hex(digest, sizeof digest);
}

std::array<unsigned char, 32> HmacSha256(std::string_view key, std::string_view data) {
  std::array<unsigned char, 32> out{};
  unsigned int len = 0;
  HMAC(EVP_sha256(), key.data(), static_cast<int>(key.size()),
       reinterpret_cast<const unsigned char*>(data.data()), data.size(), out.data(), &len);
  return out;
}

std::array<unsigned char, 32> DeriveSigningKey(std::string_view secret, std::string_view date,
                                               std::string_view region, std::string_view service) {
  auto view = [](const std::array<unsigned char, 32>& a) {
    return std::string_view(reinterpret_cast<const char*>(a.data()), a.size());
  };
  std::string k0 = "AWS4";
  k0 += secret;
  auto k_date = HmacSha256(k0, date);
  // The secret must not outlive its use in memory we own.
  std::fill(k0.begin(), k0.end(), '\0');
  auto k_region = HmacSha256(view(k_date), region);
  auto k_service = HmacSha256(view(k_region), service);
  return HmacSha256(view(k_service), "aws4_request");
}

std::string AmzDate(std::chrono::system_clock::time_point t) {
  std::time_t secs = std::chrono::system_clock::to_time_t(t);
  std::tm tm{};
  gmtime_r(&secs, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y%m%dT%H%M%SZ", &tm);
  return buf;
}

Signed SignV4(const SignRequest& req, const SigningKeyPair& key) {
  Signed out;
  // Lower-cased names, canonical values; duplicate names are joined with ',' in the order
  // given, as the canonical request defines.
  std::vector<std::pair<std::string, std::string>> hdrs;
  if (req.headers) {
    for (const auto& [name, value] : *req.headers) {
      hdrs.emplace_back(Lower(name), CanonicalHeaderValue(value));
    }
  }
  out.add_headers.emplace_back("x-amz-date", std::string(req.amz_date));
  hdrs.emplace_back("x-amz-date", std::string(req.amz_date));
  if (!key.session_token.empty()) {
    out.add_headers.emplace_back("x-amz-security-token", key.session_token);
    hdrs.emplace_back("x-amz-security-token", key.session_token);
  }
  std::stable_sort(hdrs.begin(), hdrs.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  std::string canonical_headers;
  for (size_t i = 0; i < hdrs.size();) {
    size_t j = i;
    std::string joined;
    for (; j < hdrs.size() && hdrs[j].first == hdrs[i].first; ++j) {
      if (j > i) joined.push_back(',');
      joined += hdrs[j].second;
    }
    canonical_headers += hdrs[i].first;
    canonical_headers.push_back(':');
    canonical_headers += joined;
    canonical_headers.push_back('\n');
    if (!out.signed_headers.empty()) out.signed_headers.push_back(';');
    out.signed_headers += hdrs[i].first;
    i = j;
  }

  out.canonical_request.reserve(256 + canonical_headers.size());
  out.canonical_request += req.method;
  out.canonical_request += '\n';
  out.canonical_request += req.canonical_uri.empty() ? std::string_view("/") : req.canonical_uri;
  out.canonical_request += '\n';
  if (req.query) out.canonical_request += CanonicalQuery(*req.query);
  out.canonical_request += '\n';
  out.canonical_request += canonical_headers;
  out.canonical_request += '\n';
  out.canonical_request += out.signed_headers;
  out.canonical_request += '\n';
  out.canonical_request += req.payload_hash;

  std::string_view date = req.amz_date.substr(0, 8);
  std::string scope = std::string(date) + "/" + std::string(req.region) + "/" +
                      std::string(req.service) + "/aws4_request";
  out.string_to_sign = "AWS4-HMAC-SHA256\n" + std::string(req.amz_date) + "\n" + scope + "\n" +
                       Sha256Hex(out.canonical_request);

  auto signing_key = DeriveSigningKey(key.secret_access_key, date, req.region, req.service);
  auto sig = HmacSha256(
      std::string_view(reinterpret_cast<const char*>(signing_key.data()), signing_key.size()),
      out.string_to_sign);
  out.signature = Hex(sig.data(), sig.size());
  out.add_headers.emplace_back("Authorization", "AWS4-HMAC-SHA256 Credential=" + key.access_key_id +
                                                    "/" + scope +
                                                    ", SignedHeaders=" + out.signed_headers +
                                                    ", Signature=" + out.signature);
  return out;
}

}  // namespace regfs::s3
