// SigV4 against the values AWS publishes: the S3 API reference's examples ("Signature
// Calculations for the Authorization Header: Transferring Payload in a Single Chunk") and
// cases of the SigV4 test suite (credentials AKIDEXAMPLE /
// wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY, 2015-08-30T12:36:00Z, us-east-1, service "service").
#include <gtest/gtest.h>

#include <chrono>

#include "core/storage/s3/sigv4.h"

namespace regfs::s3 {
namespace {

const SigningKeyPair kS3DocKey{"AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
                               ""};
const SigningKeyPair kSuiteKey{"AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", ""};

Signed SignS3Doc(std::string_view method, std::string_view uri, const QueryList& query,
                 HeaderList headers, std::string_view payload_hash) {
  headers.emplace_back("x-amz-content-sha256", std::string(payload_hash));
  SignRequest r;
  r.method = method;
  r.canonical_uri = uri;
  r.query = &query;
  r.headers = &headers;
  r.payload_hash = payload_hash;
  r.amz_date = "20130524T000000Z";
  r.region = "us-east-1";
  r.service = "s3";
  return SignV4(r, kS3DocKey);
}

Signed SignSuite(std::string_view method, std::string_view uri, const QueryList& query,
                 const HeaderList& headers, std::string_view payload_hash,
                 const SigningKeyPair& key = kSuiteKey) {
  SignRequest r;
  r.method = method;
  r.canonical_uri = uri;
  r.query = &query;
  r.headers = &headers;
  r.payload_hash = payload_hash;
  r.amz_date = "20150830T123600Z";
  r.region = "us-east-1";
  r.service = "service";
  return SignV4(r, key);
}

std::string HeaderValue(const Signed& s, std::string_view name) {
  for (const auto& [k, v] : s.add_headers) {
    if (k == name) return v;
  }
  return "";
}

TEST(S3SigV4, S3DocGetObjectWithRange) {
  Signed s =
      SignS3Doc("GET", "/test.txt", {},
                {{"Host", "examplebucket.s3.amazonaws.com"}, {"Range", "bytes=0-9"}}, kEmptySha256);
  EXPECT_EQ(s.canonical_request,
            "GET\n/test.txt\n\nhost:examplebucket.s3.amazonaws.com\nrange:bytes=0-9\n"
            "x-amz-content-sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
            "\nx-amz-date:20130524T000000Z\n\nhost;range;x-amz-content-sha256;x-amz-date\n"
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(s.string_to_sign,
            "AWS4-HMAC-SHA256\n20130524T000000Z\n20130524/us-east-1/s3/aws4_request\n"
            "7344ae5b7ee6c3e7e6b0fe0640412a37625d1fbfff95c48bbb2dc43964946972");
  EXPECT_EQ(s.signature, "f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41");
  EXPECT_EQ(HeaderValue(s, "Authorization"),
            "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request, "
            "SignedHeaders=host;range;x-amz-content-sha256;x-amz-date, "
            "Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41");
  EXPECT_EQ(HeaderValue(s, "x-amz-date"), "20130524T000000Z");
  EXPECT_EQ(HeaderValue(s, "x-amz-security-token"), "");
}

TEST(S3SigV4, S3DocPutObjectEncodesTheKey) {
  std::string payload = Sha256Hex("Welcome to Amazon S3.");
  EXPECT_EQ(payload, "44ce7dd67c959e0d3524ffac1771dfbba87d2b6b4b4e99e42034a8b803f8b072");
  // The key "test$file.text" as the client puts it into a path.
  std::string uri = "/" + UriEncode("test$file.text", true);
  EXPECT_EQ(uri, "/test%24file.text");
  Signed s = SignS3Doc("PUT", uri, {},
                       {{"Host", "examplebucket.s3.amazonaws.com"},
                        {"Date", "Fri, 24 May 2013 00:00:00 GMT"},
                        {"x-amz-storage-class", "REDUCED_REDUNDANCY"}},
                       payload);
  EXPECT_EQ(Sha256Hex(s.canonical_request),
            "9e0e90d9c76de8fa5b200d8c849cd5b8dc7a3be3951ddb7f6a76b4158342019d");
  EXPECT_EQ(s.signed_headers, "date;host;x-amz-content-sha256;x-amz-date;x-amz-storage-class");
  EXPECT_EQ(s.signature, "98ad721746da40c64f1a55b78f14c238d841ea1380cd77a1b5971af0ece108bd");
}

TEST(S3SigV4, S3DocGetBucketLifecycleHasAValuelessParameter) {
  Signed s = SignS3Doc("GET", "/", {{"lifecycle", ""}},
                       {{"Host", "examplebucket.s3.amazonaws.com"}}, kEmptySha256);
  EXPECT_NE(s.canonical_request.find("\nlifecycle=\n"), std::string::npos);
  EXPECT_EQ(Sha256Hex(s.canonical_request),
            "9766c798316ff2757b517bc739a67f6213b4ab36dd5da2f94eaebf79c77395ca");
  EXPECT_EQ(s.signature, "fea454ca298b7da1c68078a5d1bdbfbbe0d65c699e0f91ac7a200a0136783543");
}

TEST(S3SigV4, S3DocListObjectsSortsTheQuery) {
  // Given in the order a caller might write them; the canonical query sorts them.
  Signed s = SignS3Doc("GET", "/", {{"prefix", "J"}, {"max-keys", "2"}},
                       {{"Host", "examplebucket.s3.amazonaws.com"}}, kEmptySha256);
  EXPECT_NE(s.canonical_request.find("\nmax-keys=2&prefix=J\n"), std::string::npos);
  EXPECT_EQ(s.signature, "34b48302e7b5fa45bde8084f4b7868a86f0a534bc59db6670ed5711ef69dc6f7");
}

TEST(S3SigV4, SuiteGetVanilla) {
  Signed s = SignSuite("GET", "/", {}, {{"Host", "example.amazonaws.com"}}, kEmptySha256);
  EXPECT_EQ(s.canonical_request,
            "GET\n/\n\nhost:example.amazonaws.com\nx-amz-date:20150830T123600Z\n\n"
            "host;x-amz-date\ne3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(s.string_to_sign,
            "AWS4-HMAC-SHA256\n20150830T123600Z\n20150830/us-east-1/service/aws4_request\n"
            "bb579772317eb040ac9ed261061d46c1f17a8133879d6129b6e1c25292927e63");
  EXPECT_EQ(s.signature, "5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31");
}

TEST(S3SigV4, SuitePostVanilla) {
  Signed s = SignSuite("POST", "/", {}, {{"Host", "example.amazonaws.com"}}, kEmptySha256);
  EXPECT_EQ(s.signature, "5da7c1a2acd57cee7505fc6676e4e544621c30862966e37dddb68e92efbe5d6b");
}

TEST(S3SigV4, SuiteQueryOrderKeyCase) {
  Signed s = SignSuite("GET", "/", {{"Param2", "value2"}, {"Param1", "value1"}},
                       {{"Host", "example.amazonaws.com"}}, kEmptySha256);
  EXPECT_NE(s.canonical_request.find("\nParam1=value1&Param2=value2\n"), std::string::npos);
  EXPECT_EQ(s.signature, "b97d918cfa904a5beff61c982a1b6f458b799221646efd99d3219ec94cdf2500");
}

TEST(S3SigV4, SuiteQueryUnreservedStaysUnencoded) {
  const std::string unreserved =
      "-._~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
  Signed s = SignSuite("GET", "/", {{unreserved, unreserved}}, {{"Host", "example.amazonaws.com"}},
                       kEmptySha256);
  EXPECT_NE(s.canonical_request.find("\n" + unreserved + "=" + unreserved + "\n"),
            std::string::npos);
  EXPECT_EQ(s.signature, "9c3e54bfcdf0b19771a7f523ee5669cdf59bc7cc0884027167c21bb143a40197");
}

TEST(S3SigV4, SuiteUtf8PathIsPercentEncoded) {
  std::string uri = "/" + UriEncode("\xE1\x88\xB4", true);  // U+1234
  EXPECT_EQ(uri, "/%E1%88%B4");
  Signed s = SignSuite("GET", uri, {}, {{"Host", "example.amazonaws.com"}}, kEmptySha256);
  EXPECT_EQ(s.signature, "8318018e0b0f223aa2bbf98705b62bb787dc9c0e678f255a891fd03141be5d85");
}

TEST(S3SigV4, SuiteHeaderValuesAreTrimmedAndSpacesFolded) {
  Signed s = SignSuite("GET", "/", {},
                       {{"Host", "example.amazonaws.com"},
                        {"My-Header1", " value1"},
                        {"My-Header2", "\"a   b   c\""}},
                       kEmptySha256);
  EXPECT_NE(s.canonical_request.find("my-header1:value1\nmy-header2:\"a b c\"\n"),
            std::string::npos);
  EXPECT_EQ(s.signature, "acc3ed3afb60bb290fc8d2dd0098b9911fcaa05412b367055dee359757a9c736");
}

TEST(S3SigV4, SuiteSignedBodyWithContentHeaders) {
  std::string payload = Sha256Hex("Param1=value1");
  EXPECT_EQ(payload, "9095672bbd1f56dfc5b65f3e153adc8731a4a654192329106275f4c7b24d0b6e");
  Signed s = SignSuite("POST", "/", {},
                       {{"Content-Type", "application/x-www-form-urlencoded"},
                        {"Host", "example.amazonaws.com"},
                        {"Content-Length", "13"},
                        {"x-amz-content-sha256", payload}},
                       payload);
  EXPECT_EQ(s.signed_headers, "content-length;content-type;host;x-amz-content-sha256;x-amz-date");
  EXPECT_EQ(s.signature, "d3875051da38690788ef43de4db0d8f280229d82040bfac253562e56c3f20e0b");
}

TEST(S3SigV4, SuiteSessionTokenIsSigned) {
  SigningKeyPair key = kSuiteKey;
  key.session_token = "6e86291e8372ff2a2260956d9b8aae1d763fbf315fa00fa31553b73ebf194267";
  Signed s = SignSuite("GET", "/", {}, {{"Host", "example.amazonaws.com"}}, kEmptySha256, key);
  EXPECT_EQ(s.signed_headers, "host;x-amz-date;x-amz-security-token");
  EXPECT_EQ(s.signature, "07ec1639c89043aa0e3e2de82b96708f198cceab042d4a97044c66dd9f74e7f8");
  EXPECT_EQ(HeaderValue(s, "x-amz-security-token"), key.session_token);
}

TEST(S3SigV4, DerivedSigningKeyOfTheIamExample) {
  // "Examples of how to derive a signing key for Signature Version 4" (AWS General Reference).
  auto k =
      DeriveSigningKey("wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", "20120215", "us-east-1", "iam");
  EXPECT_EQ(Hex(k.data(), k.size()),
            "f4780e2d9f65fa895f9c67b32ce1baf0b0d8a43505a000a1a9e090d414db404d");
}

TEST(S3SigV4, UriEncodeKeepsOnlyUnreservedAndOptionallySlash) {
  EXPECT_EQ(UriEncode("a b/c+d=e&f~g", true), "a%20b/c%2Bd%3De%26f~g");
  EXPECT_EQ(UriEncode("a b/c", false), "a%20b%2Fc");
  EXPECT_EQ(UriEncode("(x)!*'", false), "%28x%29%21%2A%27");
  EXPECT_EQ(CanonicalQuery({{"uploads", ""}}), "uploads=");
  EXPECT_EQ(CanonicalQuery({{"prefix", "a/b c"}, {"list-type", "2"}}),
            "list-type=2&prefix=a%2Fb%20c");
}

TEST(S3SigV4, AmzDateIsUtc) {
  auto t = std::chrono::system_clock::from_time_t(1369353600);  // 2013-05-24T00:00:00Z
  EXPECT_EQ(AmzDate(t), "20130524T000000Z");
  EXPECT_EQ(AmzDate(std::chrono::system_clock::from_time_t(1440938160)), "20150830T123600Z");
}

}  // namespace
}  // namespace regfs::s3
