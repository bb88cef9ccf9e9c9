// The one place where S3 answers and transport failures become a Status.
//
// Codes (the contract the storage layer above builds on):
//   kNotFound  NoSuchKey, or 404 for an object request without an error document (HEAD)
//   kAccess    the credentials were refused or lack permission: AccessDenied,
//              InvalidAccessKeyId, SignatureDoesNotMatch, ExpiredToken, InvalidToken, ...,
//              and 401/403 without a document
//   kInvalid   the request itself was refused (InvalidArgument, EntityTooSmall, KeyTooLong...)
//   kIO        everything else: NoSuchBucket, NoSuchUpload, 5xx, throttling that outlasted the
//              retries, no answer, no connection, a document that is not S3's
// Every message names the operation, the s3:// target, the endpoint, the S3 error code and
// HTTP status, and says what to check ("check the credentials (from ...)"); it never holds a
// secret, a session token or a signature.
#pragma once

#include <string>
#include <string_view>

#include "core/status.h"

namespace regfs::s3 {

struct S3ErrorDoc {
  std::string code;         // "NoSuchKey"
  std::string message;      // "The specified key does not exist."
  std::string request_id;   // for a support request
  std::string region;       // <Region> of AuthorizationHeaderMalformed / PermanentRedirect
  std::string bucket_name;  // <BucketName> of NoSuchBucket
};

// Parses an <Error> document. False when `body` is not one (empty, HTML from a proxy, ...).
bool ParseErrorDoc(std::string_view body, S3ErrorDoc* out);

// What a message says about the request that failed.
struct RequestContext {
  std::string_view op;      // "GetObject"
  std::string_view target;  // "s3://bucket/key" or "s3://bucket"
  std::string_view bucket;
  std::string_view endpoint;              // "http://127.0.0.1:9000"
  std::string_view cred_source;           // Credentials::source
  bool object_request = true;             // a 404 without a document means "no such key"
  std::string_view bucket_region_header;  // x-amz-bucket-region of the answer, if any
  std::string_view region;                // the region the request was signed for
};

// The Status for an HTTP answer with status `http_status` (>= 300) and body `body`.
Status ErrorFromResponse(const RequestContext& ctx, long http_status, std::string_view body);

// S3 error codes worth another attempt (throttling, transient server trouble, a skewed
// clock that a fresh signature fixes).
bool RetryableS3Code(std::string_view code);
// HTTP statuses worth another attempt: 500, 502, 503, 504, 429.
bool RetryableHttpStatus(long http_status);

}  // namespace regfs::s3
