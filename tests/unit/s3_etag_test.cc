// LaminDB's ETag rule (lamindb_setup get_stat_file_cloud), on its own: s3rver's multipart
// ETag is a plain md5, so the "-N" form is only checked here.
#include <gtest/gtest.h>
#include <openssl/evp.h>

#include <string>

#include "core/storage/s3/etag.h"

namespace regfs::s3 {
namespace {

std::string Md5Hex(std::string_view s) {
  unsigned char d[EVP_MAX_MD_SIZE];
  unsigned int n = 0;
  EVP_Digest(s.data(), s.size(), d, &n, EVP_md5(), nullptr);
  static const char kHex[] = "0123456789abcdef";
  std::string out;
  for (unsigned int i = 0; i < n; ++i) {
    unsigned char c = d[i];
    out.push_back(kHex[c >> 4]);
    out.push_back(kHex[c & 0xf]);
  }
  return out;
}

TEST(S3Etag, PlainEtagIsTheMd5HashLaminDbComputesFromContent) {
  // A single-part ETag is the md5 of the content, so the hash equals SPEC.md's md5 vectors.
  EXPECT_EQ(Md5Hex("a"), "0cc175b9c0f1b6a831c399e269772661");
  auto a = HashFromEtag("\"0cc175b9c0f1b6a831c399e269772661\"");
  ASSERT_TRUE(a.ok()) << a.status().ToString();
  EXPECT_EQ(a->hash, "DMF1ucDxtqgxw5niaXcmYQ");
  EXPECT_EQ(a->hash_type, "md5");
  auto abc = HashFromEtag(Md5Hex("abc"));  // without quotes, as some listings give it
  ASSERT_TRUE(abc.ok());
  EXPECT_EQ(abc->hash, "kAFQmDzST7DWlj99KOF_cg");
  EXPECT_EQ(abc->hash_type, "md5");
  // Hex is read case-insensitively (b16decode(casefold=True)).
  auto upper = HashFromEtag("\"0CC175B9C0F1B6A831C399E269772661\"");
  ASSERT_TRUE(upper.ok());
  EXPECT_EQ(upper->hash, "DMF1ucDxtqgxw5niaXcmYQ");
}

TEST(S3Etag, MultipartEtagKeepsThePartCountInTheType) {
  auto h = HashFromEtag("\"0cc175b9c0f1b6a831c399e269772661-12\"");
  ASSERT_TRUE(h.ok()) << h.status().ToString();
  // The hash is the b64 of the md5-of-md5s, the same 22-character form; "-12" goes into the
  // type, not into the hash.
  EXPECT_EQ(h->hash, "DMF1ucDxtqgxw5niaXcmYQ");
  EXPECT_EQ(h->hash.size(), 22u);
  EXPECT_EQ(h->hash_type, "md5-12");
  auto one = HashFromEtag("d41d8cd98f00b204e9800998ecf8427e-1");
  ASSERT_TRUE(one.ok());
  EXPECT_EQ(one->hash, "1B2M2Y8AsgTpgAmY7PhCfg");  // md5("") in b64
  EXPECT_EQ(one->hash_type, "md5-1");
}

TEST(S3Etag, WhatLaminDbCannotDecodeIsRefused) {
  for (const char* bad :
       {"", "\"\"", "\"xyz\"", "\"0cc1\"-\"2\"-3", "\"abc\"", "0cc175b9c0f1b6a831c399e269772661-",
        "0cc175b9c0f1b6a831c399e269772661-x"}) {
    auto h = HashFromEtag(bad);
    EXPECT_FALSE(h.ok()) << bad;
    if (!h.ok()) {
      EXPECT_EQ(h.status().code(), Status::Code::kInvalid) << bad;
    }
  }
}

}  // namespace
}  // namespace regfs::s3
