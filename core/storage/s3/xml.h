// A small XML reader for S3's response documents (ListBucketResult, Error,
// InitiateMultipartUploadResult, CompleteMultipartUploadResult, CopyObjectResult, ...).
//
// It builds a tree of elements with their concatenated text, decodes the five predefined
// entities and numeric character references, skips the declaration, comments, processing
// instructions and CDATA markers (keeping CDATA text), ignores attributes and namespace
// prefixes, and tolerates the leading whitespace S3 sends while a long CopyObject or
// CompleteMultipartUpload is running. It is not a validating parser: S3's documents need
// none of DTDs, mixed content or attribute values.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace regfs::s3 {

struct XmlNode {
  std::string name;  // local name: "Contents" for <s3:Contents>
  std::string text;  // decoded character data directly inside this element
  std::vector<XmlNode> children;

  // The first child named `name`, or nullptr.
  const XmlNode* Child(std::string_view name) const;
  // The text of the first child named `name`, or "" when there is none.
  const std::string& ChildText(std::string_view name) const;
};

// Parses `doc` into its root element. Errors: kIO with the offset of the problem for a
// document that is not well-formed (truncated, mismatched tags, nesting deeper than 64).
Result<XmlNode> ParseXml(std::string_view doc);

// Escapes &, <, > for element text in documents the client sends.
std::string XmlEscape(std::string_view text);

}  // namespace regfs::s3
