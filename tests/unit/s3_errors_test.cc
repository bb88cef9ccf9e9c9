// S3's error documents (as S3 and s3rver send them) become the Status codes and messages
// core/storage/s3/errors.h promises; and the XML reader behind them.
#include <gtest/gtest.h>

#include "core/storage/s3/errors.h"
#include "core/storage/s3/xml.h"

namespace regfs::s3 {
namespace {

RequestContext Ctx() {
  RequestContext c;
  c.op = "GetObject";
  c.target = "s3://lab-data/.lamindb/x.txt";
  c.bucket = "lab-data";
  c.endpoint = "http://127.0.0.1:9000";
  c.cred_source = "the environment (AWS_ACCESS_KEY_ID)";
  c.region = "us-east-1";
  return c;
}

std::string Doc(std::string_view code, std::string_view message, std::string_view extra = "") {
  return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>" + std::string(code) +
         "</Code><Message>" + std::string(message) + "</Message>" + std::string(extra) +
         "<RequestId>4442587FB7D0A2F9</RequestId></Error>";
}

TEST(S3Errors, NoSuchKeyIsNotFound) {
  Status st = ErrorFromResponse(Ctx(), 404, Doc("NoSuchKey", "The specified key does not exist."));
  EXPECT_EQ(st.code(), Status::Code::kNotFound);
  EXPECT_EQ(st.message(),
            "GetObject s3://lab-data/.lamindb/x.txt: no such object (NoSuchKey, HTTP 404)");
  // HEAD answers carry no document.
  EXPECT_EQ(ErrorFromResponse(Ctx(), 404, "").code(), Status::Code::kNotFound);
}

TEST(S3Errors, NoSuchBucketNamesBucketAndEndpoint) {
  RequestContext c = Ctx();
  c.object_request = false;
  c.op = "ListObjectsV2";
  c.target = "s3://lab-data";
  Status st = ErrorFromResponse(c, 404,
                                Doc("NoSuchBucket", "The specified bucket does not exist",
                                    "<BucketName>lab-data</BucketName>"));
  EXPECT_EQ(st.code(), Status::Code::kIO);
  EXPECT_NE(st.message().find("bucket 'lab-data' does not exist at http://127.0.0.1:9000"),
            std::string::npos)
      << st.message();
  EXPECT_NE(st.message().find("NoSuchBucket, HTTP 404"), std::string::npos);
  EXPECT_NE(st.message().find("4442587FB7D0A2F9"), std::string::npos);
  // A bucket request that gets a bare 404 is not a missing key.
  EXPECT_EQ(ErrorFromResponse(c, 404, "").code(), Status::Code::kIO);
}

TEST(S3Errors, RefusedCredentialsSayWhereTheyCameFrom) {
  for (const char* code :
       {"SignatureDoesNotMatch", "InvalidAccessKeyId", "AccessDenied", "ExpiredToken"}) {
    Status st = ErrorFromResponse(Ctx(), 403,
                                  Doc(code, "The request signature we calculated does not match"));
    EXPECT_EQ(st.code(), Status::Code::kAccess) << code;
    EXPECT_NE(st.message().find(std::string("(") + code + ", HTTP 403)"), std::string::npos)
        << st.message();
    EXPECT_NE(st.message().find("from http://127.0.0.1:9000"), std::string::npos);
    EXPECT_NE(st.message().find("check the credentials (the environment (AWS_ACCESS_KEY_ID))"),
              std::string::npos)
        << st.message();
  }
  EXPECT_EQ(ErrorFromResponse(Ctx(), 403, "").code(), Status::Code::kAccess);
}

TEST(S3Errors, WrongRegionIsNamed) {
  Status st = ErrorFromResponse(Ctx(), 400,
                                Doc("AuthorizationHeaderMalformed",
                                    "The authorization header is malformed; the region 'us-east-1' "
                                    "is wrong; expecting 'eu-west-1'",
                                    "<Region>eu-west-1</Region>"));
  EXPECT_EQ(st.code(), Status::Code::kAccess);
  EXPECT_NE(st.message().find("the bucket is in region eu-west-1 (set AWS_REGION=eu-west-1)"),
            std::string::npos)
      << st.message();
  RequestContext c = Ctx();
  c.bucket_region_header = "ap-east-1";
  Status redirect = ErrorFromResponse(c, 301, Doc("PermanentRedirect", "Use the endpoint"));
  EXPECT_EQ(redirect.code(), Status::Code::kIO);
  EXPECT_NE(redirect.message().find("region ap-east-1"), std::string::npos) << redirect.message();
}

TEST(S3Errors, ServerTroubleAndForeignAnswers) {
  Status slow = ErrorFromResponse(Ctx(), 503, Doc("SlowDown", "Please reduce your request rate."));
  EXPECT_EQ(slow.code(), Status::Code::kIO);
  EXPECT_NE(slow.message().find("SlowDown, HTTP 503"), std::string::npos);
  Status html = ErrorFromResponse(Ctx(), 400, "<html><body>Bad gateway config</body></html>");
  EXPECT_EQ(html.code(), Status::Code::kIO);
  EXPECT_NE(html.message().find("is this an S3 endpoint?"), std::string::npos) << html.message();
  EXPECT_EQ(ErrorFromResponse(Ctx(), 400, Doc("InvalidArgument", "bad")).code(),
            Status::Code::kInvalid);
}

TEST(S3Errors, RetryableCodes) {
  EXPECT_TRUE(RetryableS3Code("SlowDown"));
  EXPECT_TRUE(RetryableS3Code("InternalError"));
  EXPECT_TRUE(RetryableS3Code("RequestTimeTooSkewed"));
  EXPECT_FALSE(RetryableS3Code("NoSuchKey"));
  EXPECT_FALSE(RetryableS3Code("AccessDenied"));
  EXPECT_TRUE(RetryableHttpStatus(503));
  EXPECT_TRUE(RetryableHttpStatus(429));
  EXPECT_FALSE(RetryableHttpStatus(404));
  EXPECT_FALSE(RetryableHttpStatus(403));
}

TEST(S3Errors, ParseErrorDocRejectsNonDocuments) {
  S3ErrorDoc d;
  EXPECT_FALSE(ParseErrorDoc("", &d));
  EXPECT_FALSE(ParseErrorDoc("<html>Error</html>", &d));
  EXPECT_FALSE(ParseErrorDoc("<Error><Code>x</Code>", &d));  // truncated
  EXPECT_TRUE(ParseErrorDoc(Doc("NoSuchUpload", "gone"), &d));
  EXPECT_EQ(d.code, "NoSuchUpload");
  EXPECT_EQ(d.message, "gone");
  EXPECT_EQ(d.request_id, "4442587FB7D0A2F9");
}

TEST(S3Xml, ListBucketResultWithEntitiesAndNamespaces) {
  auto doc = ParseXml(
      "   \n<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<ListBucketResult xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">"
      "<Name>b</Name><IsTruncated>true</IsTruncated>"
      "<Contents><Key>a&amp;b &lt;c&gt; &quot;d&quot; &apos;e&apos; &#233;&#x263A;</Key>"
      "<Size>5</Size><ETag>&quot;abc&quot;</ETag></Contents>"
      "<!-- a comment --><Contents><Key><![CDATA[x<y]]></Key><Size/></Contents>"
      "<s3:CommonPrefixes><Prefix>p/</Prefix></s3:CommonPrefixes>"
      "<NextContinuationToken>1ueGcxLPRx1Tr/XYExHnhbYLgveDs2J/wm36Hy4vbOwM=</NextContinuationToken>"
      "</ListBucketResult>");
  ASSERT_TRUE(doc.ok()) << doc.status().ToString();
  EXPECT_EQ(doc->name, "ListBucketResult");
  EXPECT_EQ(doc->ChildText("IsTruncated"), "true");
  ASSERT_EQ(doc->children.size(), 6u);
  EXPECT_EQ(doc->children[2].ChildText("Key"), "a&b <c> \"d\" 'e' \xC3\xA9\xE2\x98\xBA");
  EXPECT_EQ(doc->children[2].ChildText("ETag"), "\"abc\"");
  EXPECT_EQ(doc->children[3].ChildText("Key"), "x<y");
  EXPECT_EQ(doc->children[4].name, "CommonPrefixes");
  EXPECT_EQ(doc->ChildText("NextContinuationToken"),
            "1ueGcxLPRx1Tr/XYExHnhbYLgveDs2J/wm36Hy4vbOwM=");
  EXPECT_EQ(doc->ChildText("Missing"), "");
}

TEST(S3Xml, MalformedDocumentsAreErrors) {
  for (const char* bad :
       {"", "just text", "<a><b></a>", "<a>", "<a>&bogus;</a>", "<a>&#xZZ;</a>"}) {
    auto doc = ParseXml(bad);
    EXPECT_FALSE(doc.ok()) << bad;
    if (!doc.ok()) {
      EXPECT_EQ(doc.status().code(), Status::Code::kIO);
    }
  }
  std::string deep;
  for (int i = 0; i < 100; ++i) deep += "<a>";
  for (int i = 0; i < 100; ++i) deep += "</a>";
  EXPECT_FALSE(ParseXml(deep).ok());
  EXPECT_EQ(XmlEscape("a<b>&c"), "a&lt;b&gt;&amp;c");
}

}  // namespace
}  // namespace regfs::s3
