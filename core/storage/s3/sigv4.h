// AWS Signature Version 4 for S3 requests, written out here rather than taken from libcurl.
//
// Why not CURLOPT_AWS_SIGV4: libcurl 7.88 (Debian 12) signs the query string as it finds it
// in the URL instead of canonicalizing it (no sorting of parameters, no re-encoding of
// values), so ListObjectsV2 with a prefix or a continuation token, and `?uploads` /
// `?partNumber=&uploadId=` requests, sign a string other than the one S3 rebuilds; it also
// cannot sign an x-amz-security-token or a payload hash we choose (UNSIGNED-PAYLOAD for
// streamed bodies). Here the client builds the canonical query itself and sends exactly the
// string it signed, so what is signed is always what goes on the wire.
//
// The steps are the documented ones: canonical request -> string to sign -> signing key
// derived with HMAC-SHA256 from "AWS4" + secret, date, region, service, "aws4_request" ->
// signature -> Authorization header. tests/unit/s3_sigv4_test.cc checks them against the
// examples AWS publishes.
#pragma once

#include <array>
#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace regfs::s3 {

using HeaderList = std::vector<std::pair<std::string, std::string>>;
using QueryList = std::vector<std::pair<std::string, std::string>>;

// The payload hash S3 accepts for a body that is not hashed before it is sent.
inline constexpr std::string_view kUnsignedPayload = "UNSIGNED-PAYLOAD";
// sha256("") in hex: the payload hash of a request without a body.
inline constexpr std::string_view kEmptySha256 =
    "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

// RFC 3986 percent-encoding as SigV4 defines it: A-Z a-z 0-9 - . _ ~ stay, every other byte
// becomes %XX (upper-case hex); '/' stays only when `keep_slash` (object keys in a path).
std::string UriEncode(std::string_view s, bool keep_slash);

// The canonical query string: names and values encoded with UriEncode, sorted by name and
// then value, joined with '&'; a parameter without a value is "name=". The client sends this
// very string as the URL's query.
std::string CanonicalQuery(const QueryList& query);

std::string Sha256Hex(std::string_view data);
std::array<unsigned char, 32> HmacSha256(std::string_view key, std::string_view data);
std::string Hex(const unsigned char* data, size_t len);

// kSigning = HMAC(HMAC(HMAC(HMAC("AWS4" + secret, date), region), service), "aws4_request").
std::array<unsigned char, 32> DeriveSigningKey(std::string_view secret, std::string_view date,
                                               std::string_view region, std::string_view service);

// "YYYYMMDDTHHMMSSZ" in UTC.
std::string AmzDate(std::chrono::system_clock::time_point t);

struct SigningKeyPair {
  std::string access_key_id;
  std::string secret_access_key;
  std::string session_token;  // empty unless temporary credentials
};

struct SignRequest {
  std::string_view method;         // "GET", "PUT", ...
  std::string_view canonical_uri;  // the path as sent, already encoded ("/bucket/a%20b")
  const QueryList* query = nullptr;
  // Headers to sign (any case; values are trimmed and inner runs of spaces folded as SigV4
  // says). Must contain "host". S3 also needs "x-amz-content-sha256" among them.
  const HeaderList* headers = nullptr;
  std::string_view payload_hash;  // hex sha256 of the body, or kUnsignedPayload
  std::string_view amz_date;      // AmzDate(now)
  std::string_view region;        // "us-east-1"
  std::string_view service;       // "s3"
};

struct Signed {
  std::string canonical_request;
  std::string string_to_sign;
  std::string signed_headers;  // "host;x-amz-content-sha256;x-amz-date"
  std::string signature;       // hex
  // Headers the caller adds to the request as they are: x-amz-date, x-amz-security-token
  // (only with a session token) and Authorization. Both x-amz headers are signed.
  HeaderList add_headers;
};

// Signs `req` with `key`. x-amz-date (and x-amz-security-token when key has a token) are
// added to the signed headers here; the caller must not pass them.
Signed SignV4(const SignRequest& req, const SigningKeyPair& key);

}  // namespace regfs::s3
