#include "core/storage/s3/errors.h"

#include "core/storage/s3/xml.h"

namespace regfs::s3 {

namespace {

bool AnyOf(std::string_view code, std::initializer_list<std::string_view> codes) {
  for (std::string_view c : codes) {
    if (code == c) return true;
  }
  return false;
}

bool CredentialCode(std::string_view code) {
  return AnyOf(code,
               {"AccessDenied", "InvalidAccessKeyId", "SignatureDoesNotMatch", "ExpiredToken",
                "InvalidToken", "TokenRefreshRequired", "InvalidSecurity", "AllAccessDisabled",
                "AccountProblem", "NotSignedUp", "AuthorizationHeaderMalformed"});
}

bool RequestCode(std::string_view code) {
  return AnyOf(code, {"InvalidArgument", "InvalidRequest", "EntityTooSmall", "EntityTooLarge",
                      "KeyTooLongError", "InvalidPart", "InvalidPartOrder", "InvalidRange",
                      "MalformedXML", "InvalidDigest", "BadDigest", "InvalidBucketName",
                      "MetadataTooLarge", "IncompleteBody", "MissingContentLength", "InvalidURI",
                      "MethodNotAllowed", "NotImplemented"});
}

}  // namespace

bool ParseErrorDoc(std::string_view body, S3ErrorDoc* out) {
  if (body.find("<Error") == std::string_view::npos) return false;
  auto doc = ParseXml(body);
  if (!doc.ok() || doc->name != "Error") return false;
  out->code = doc->ChildText("Code");
  out->message = doc->ChildText("Message");
  out->request_id = doc->ChildText("RequestId");
  out->region = doc->ChildText("Region");
  out->bucket_name = doc->ChildText("BucketName");
  return !out->code.empty();
}

bool RetryableS3Code(std::string_view code) {
  return AnyOf(code, {"SlowDown", "RequestTimeout", "InternalError", "ServiceUnavailable",
                      "Throttling", "ThrottlingException", "RequestLimitExceeded",
                      "TooManyRequestsException", "RequestTimeTooSkewed", "OperationAborted"});
}

bool RetryableHttpStatus(long http_status) {
  return http_status == 500 || http_status == 502 || http_status == 503 || http_status == 504 ||
         http_status == 429;
}

Status ErrorFromResponse(const RequestContext& ctx, long http_status, std::string_view body) {
  S3ErrorDoc doc;
  bool has_doc = ParseErrorDoc(body, &doc);
  std::string head = std::string(ctx.op) + " " + std::string(ctx.target) + ": ";
  std::string where = " from " + std::string(ctx.endpoint);
  std::string http = "HTTP " + std::to_string(http_status);
  std::string tag = has_doc ? " (" + doc.code + ", " + http + ")" : " (" + http + ")";
  std::string detail = has_doc && !doc.message.empty() ? ": " + doc.message : "";
  std::string rid = has_doc && !doc.request_id.empty() ? " [request " + doc.request_id + "]" : "";

  // The region the bucket is in, when the answer says and it is not the one signed for.
  std::string region_hint;
  std::string_view bucket_region =
      !ctx.bucket_region_header.empty() ? ctx.bucket_region_header : std::string_view(doc.region);
  if (!bucket_region.empty() && bucket_region != ctx.region) {
    region_hint = "; the bucket is in region " + std::string(bucket_region) +
                  " (set AWS_REGION=" + std::string(bucket_region) + ")";
  }

  if ((has_doc && doc.code == "NoSuchKey") ||
      (!has_doc && http_status == 404 && ctx.object_request)) {
    return Status::NotFound(head + "no such object" + tag);
  }
  if (has_doc && doc.code == "NoSuchBucket") {
    std::string_view bucket = doc.bucket_name.empty() ? ctx.bucket : doc.bucket_name;
    return Status::IO(head + "bucket '" + std::string(bucket) + "' does not exist at " +
                      std::string(ctx.endpoint) + tag + rid);
  }
  if ((has_doc && CredentialCode(doc.code)) ||
      (!has_doc && (http_status == 401 || http_status == 403))) {
    return Status(Status::Code::kAccess,
                  head + "refused" + where + tag + detail + "; check the credentials (" +
                      std::string(ctx.cred_source) + ") and their permissions on the bucket" +
                      region_hint + rid);
  }
  if (http_status == 301 || http_status == 307 || (has_doc && doc.code == "PermanentRedirect")) {
    return Status::IO(head + "the bucket is not served by " + std::string(ctx.endpoint) + tag +
                      region_hint + rid);
  }
  if (has_doc && RequestCode(doc.code)) {
    return Status::Invalid(head + "refused" + where + tag + detail + rid);
  }
  if (!has_doc && !body.empty() && http_status < 500) {
    // Not S3's error document (a proxy's page, a web server that is not S3).
    return Status::IO(head + "unexpected answer" + where + tag + "; is this an S3 endpoint?");
  }
  return Status::IO(head + "failed" + where + tag + detail + region_hint + rid);
}

}  // namespace regfs::s3
