// Storage roots as LaminDB writes them, and credentials, region and endpoint found as the
// AWS SDKs find them (environment first, then ~/.aws/credentials, then ~/.aws/config).
#include <gtest/gtest.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <map>

#include "core/storage/s3/config.h"

namespace regfs::s3 {
namespace {

namespace fs = std::filesystem;

class FakeEnv {
 public:
  FakeEnv() {
    std::string tmpl = (fs::temp_directory_path() / "regfs-s3cfg-XXXXXX").string();
    EXPECT_NE(mkdtemp(tmpl.data()), nullptr);
    home_ = tmpl;
    vars_["HOME"] = home_;
  }
  ~FakeEnv() {
    std::error_code ec;
    fs::remove_all(home_, ec);
  }
  void Set(const std::string& k, const std::string& v) { vars_[k] = v; }
  // Writes HOME/.aws/NAME.
  std::string WriteAws(const std::string& name, const std::string& text) {
    fs::create_directories(home_ + "/.aws");
    std::string path = home_ + "/.aws/" + name;
    std::ofstream(path) << text;
    return path;
  }
  EnvLookup Lookup() const {
    return [this](std::string_view name) -> std::optional<std::string> {
      auto it = vars_.find(std::string(name));
      if (it == vars_.end()) return std::nullopt;
      return it->second;
    };
  }
  const std::string& home() const { return home_; }

 private:
  std::string home_;
  std::map<std::string, std::string> vars_;
};

S3Root Root(std::string_view s) {
  auto r = ParseS3Root(s);
  EXPECT_TRUE(r.ok()) << r.status().ToString();
  return r.ok() ? *r : S3Root{};
}

TEST(S3Root, BucketAndPrefixAsLaminDbStoresThem) {
  S3Root r = Root("s3://my-bucket/lab/instance");
  EXPECT_EQ(r.bucket, "my-bucket");
  EXPECT_EQ(r.prefix, "lab/instance");
  EXPECT_EQ(r.endpoint_url, "");
  EXPECT_EQ(r.Key(".lamindb/AbC0123456789abcd0000.txt"),
            "lab/instance/.lamindb/AbC0123456789abcd0000.txt");
  EXPECT_EQ(r.Uri(), "s3://my-bucket/lab/instance");

  S3Root top = Root("s3://my-bucket");
  EXPECT_EQ(top.prefix, "");
  EXPECT_EQ(top.Key("/.lamindb/x.csv"), ".lamindb/x.csv");
  EXPECT_EQ(Root("s3://b/p/").prefix, "p");
}

TEST(S3Root, EndpointUrlAsLaminDbWritesIt) {
  // lamindb_setup's own example: the URL is appended as it is, with a path.
  S3Root r = Root("s3://bucket/key?endpoint_url=http://localhost:8000/s3");
  EXPECT_EQ(r.bucket, "bucket");
  EXPECT_EQ(r.prefix, "key");
  EXPECT_EQ(r.endpoint_url, "http://localhost:8000/s3");
  // The same URL percent-encoded means the same (parse_qs decodes it).
  EXPECT_EQ(Root("s3://bucket?endpoint_url=http%3A%2F%2F127.0.0.1%3A9000").endpoint_url,
            "http://127.0.0.1:9000");
  // An empty value is no endpoint (lamindb_setup: "s3://lamindata/?endpoint_url=" is AWS).
  EXPECT_EQ(Root("s3://lamindata/?endpoint_url=").endpoint_url, "");
  // Other s3fs options are kept, not used.
  S3Root o = Root("s3://b/p?endpoint_url=https://r2.example&fixed_upload_size=true");
  EXPECT_EQ(o.endpoint_url, "https://r2.example");
  EXPECT_EQ(o.options.at("fixed_upload_size"), "true");
}

TEST(S3Root, RefusesWhatIsNoS3Root) {
  for (const char* bad :
       {"/local/dir", "gs://bucket/x", "s3://", "s3:///prefix", "s3://bad bucket/x",
        "s3://b?endpoint_url=http://a&endpoint_url=http://b"}) {
    auto r = ParseS3Root(bad);
    EXPECT_FALSE(r.ok()) << bad;
    if (!r.ok()) {
      EXPECT_EQ(r.status().code(), Status::Code::kInvalid) << bad;
    }
  }
}

TEST(S3Endpoint, ParsesHostPortAndPath) {
  auto e = ParseEndpoint("http://127.0.0.1:9000/s3/");
  ASSERT_TRUE(e.ok()) << e.status().ToString();
  EXPECT_EQ(e->scheme, "http");
  EXPECT_EQ(e->host, "127.0.0.1");
  EXPECT_EQ(e->port, 9000);
  EXPECT_EQ(e->base_path, "/s3");
  EXPECT_EQ(e->HostHeader(), "127.0.0.1:9000");
  EXPECT_EQ(e->Url(), "http://127.0.0.1:9000/s3");

  auto v6 = ParseEndpoint("https://[::1]:8443");
  ASSERT_TRUE(v6.ok()) << v6.status().ToString();
  EXPECT_EQ(v6->host, "[::1]");
  EXPECT_EQ(v6->HostHeader(), "[::1]:8443");
  auto dflt = ParseEndpoint("https://S3.Example.com:443");
  ASSERT_TRUE(dflt.ok());
  EXPECT_EQ(dflt->HostHeader(), "s3.example.com");  // the default port is not in Host

  for (const char* bad : {"localhost:9000", "ftp://h", "http://", "http://h:0", "http://h:99999",
                          "http://h/?x=1", "http://user:pw@h"}) {
    EXPECT_FALSE(ParseEndpoint(bad).ok()) << bad;
  }
}

TEST(S3Config, EnvironmentCredentialsComeFirst) {
  FakeEnv env;
  env.WriteAws("credentials",
               "[default]\naws_access_key_id = FILEKEY\naws_secret_access_key = filesecret\n");
  env.Set("AWS_ACCESS_KEY_ID", "ENVKEY");
  env.Set("AWS_SECRET_ACCESS_KEY", "envsecret");
  env.Set("AWS_SESSION_TOKEN", "envtoken");
  auto cfg = ResolveS3Config(Root("s3://b/p"), env.Lookup());
  ASSERT_TRUE(cfg.ok()) << cfg.status().ToString();
  EXPECT_EQ(cfg->credentials.access_key_id, "ENVKEY");
  EXPECT_EQ(cfg->credentials.secret_access_key, "envsecret");
  EXPECT_EQ(cfg->credentials.session_token, "envtoken");
  EXPECT_EQ(cfg->credentials.source, "the environment (AWS_ACCESS_KEY_ID)");
  EXPECT_EQ(cfg->credentials.source.find("envsecret"), std::string::npos);
}

TEST(S3Config, HalfAKeyPairIsAnError) {
  FakeEnv env;
  env.Set("AWS_ACCESS_KEY_ID", "ENVKEY");
  auto cfg = ResolveS3Config(Root("s3://b"), env.Lookup());
  ASSERT_FALSE(cfg.ok());
  EXPECT_EQ(cfg.status().code(), Status::Code::kInvalid);
  EXPECT_NE(cfg.status().message().find("AWS_SECRET_ACCESS_KEY is not"), std::string::npos);

  FakeEnv env2;
  env2.WriteAws("credentials", "[default]\naws_access_key_id = K\n");
  auto cfg2 = ResolveS3Config(Root("s3://b"), env2.Lookup());
  ASSERT_FALSE(cfg2.ok());
  EXPECT_NE(cfg2.status().message().find("without aws_secret_access_key"), std::string::npos);
}

TEST(S3Config, ProfilesFromTheCredentialsAndConfigFiles) {
  FakeEnv env;
  std::string creds = env.WriteAws("credentials",
                                   "# comment\n[default]\naws_access_key_id=DEFKEY\n"
                                   "aws_secret_access_key=defsecret\n\n"
                                   "[lab]\n  aws_access_key_id = LABKEY  \n"
                                   "aws_secret_access_key = labsecret\n"
                                   "aws_session_token = labtoken\n");
  env.WriteAws(
      "config",
      "[default]\nregion = eu-west-1\n"
      "[profile lab]\nregion = eu-central-1\ns3 =\n  addressing_style = path\n"
      "[profile cfgonly]\naws_access_key_id = CFGKEY\naws_secret_access_key = cfgsecret\n");

  auto def = ResolveS3Config(Root("s3://lab-bucket"), env.Lookup());
  ASSERT_TRUE(def.ok()) << def.status().ToString();
  EXPECT_EQ(def->profile, "default");
  EXPECT_EQ(def->credentials.access_key_id, "DEFKEY");
  EXPECT_EQ(def->region, "eu-west-1");
  EXPECT_FALSE(def->path_style);  // AWS, a DNS-safe bucket: virtual-hosted
  EXPECT_EQ(def->endpoint.host, "lab-bucket.s3.eu-west-1.amazonaws.com");
  EXPECT_EQ(def->endpoint.scheme, "https");

  env.Set("AWS_PROFILE", "lab");
  auto lab = ResolveS3Config(Root("s3://b"), env.Lookup());
  ASSERT_TRUE(lab.ok()) << lab.status().ToString();
  EXPECT_EQ(lab->credentials.access_key_id, "LABKEY");
  EXPECT_EQ(lab->credentials.secret_access_key, "labsecret");
  EXPECT_EQ(lab->credentials.session_token, "labtoken");
  EXPECT_EQ(lab->credentials.source, "profile 'lab' in " + creds);
  EXPECT_EQ(lab->region, "eu-central-1");
  EXPECT_TRUE(lab->path_style);  // s3 = addressing_style = path
  EXPECT_EQ(lab->endpoint.host, "s3.eu-central-1.amazonaws.com");

  env.Set("AWS_PROFILE", "cfgonly");
  auto cfgonly = ResolveS3Config(Root("s3://b"), env.Lookup());
  ASSERT_TRUE(cfgonly.ok()) << cfgonly.status().ToString();
  EXPECT_EQ(cfgonly->credentials.access_key_id, "CFGKEY");
  EXPECT_EQ(cfgonly->region, "us-east-1");

  env.Set("AWS_PROFILE", "nosuch");
  auto missing = ResolveS3Config(Root("s3://b"), env.Lookup());
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().code(), Status::Code::kInvalid);
  EXPECT_NE(missing.status().message().find("'nosuch'"), std::string::npos);
}

TEST(S3Config, FileLocationsFromTheEnvironment) {
  FakeEnv env;
  std::string dir = env.home() + "/elsewhere";
  fs::create_directories(dir);
  std::ofstream(dir + "/c") << "[p]\naws_access_key_id = AK\naws_secret_access_key = SK\n";
  std::ofstream(dir + "/k") << "[profile p]\nregion = ap-south-1\n";
  env.Set("AWS_SHARED_CREDENTIALS_FILE", dir + "/c");
  env.Set("AWS_CONFIG_FILE", dir + "/k");
  env.Set("AWS_DEFAULT_PROFILE", "p");
  auto cfg = ResolveS3Config(Root("s3://b"), env.Lookup());
  ASSERT_TRUE(cfg.ok()) << cfg.status().ToString();
  EXPECT_EQ(cfg->credentials.access_key_id, "AK");
  EXPECT_EQ(cfg->region, "ap-south-1");
}

TEST(S3Config, RegionOrder) {
  FakeEnv env;
  env.WriteAws("config", "[default]\nregion = eu-west-3\n");
  EXPECT_EQ(ResolveS3Config(Root("s3://b"), env.Lookup())->region, "eu-west-3");
  env.Set("AWS_DEFAULT_REGION", "us-west-2");
  EXPECT_EQ(ResolveS3Config(Root("s3://b"), env.Lookup())->region, "us-west-2");
  env.Set("AWS_REGION", "sa-east-1");
  EXPECT_EQ(ResolveS3Config(Root("s3://b"), env.Lookup())->region, "sa-east-1");
  FakeEnv none;
  EXPECT_EQ(ResolveS3Config(Root("s3://b"), none.Lookup())->region, "us-east-1");
}

TEST(S3Config, EndpointOrderAndPathStyleForS3CompatibleServers) {
  FakeEnv env;
  env.WriteAws("config", "[default]\nendpoint_url = http://from-config:1\n");
  auto c1 = ResolveS3Config(Root("s3://b"), env.Lookup());
  ASSERT_TRUE(c1.ok()) << c1.status().ToString();
  EXPECT_EQ(c1->EndpointUrl(), "http://from-config:1");
  EXPECT_TRUE(c1->custom_endpoint);
  EXPECT_TRUE(c1->path_style);

  env.Set("AWS_ENDPOINT_URL", "http://from-env:2");
  EXPECT_EQ(ResolveS3Config(Root("s3://b"), env.Lookup())->EndpointUrl(), "http://from-env:2");
  env.Set("AWS_ENDPOINT_URL_S3", "http://from-env-s3:3");
  EXPECT_EQ(ResolveS3Config(Root("s3://b"), env.Lookup())->EndpointUrl(), "http://from-env-s3:3");
  // The root's own endpoint wins: it is part of the instance.
  auto c4 = ResolveS3Config(Root("s3://b/p?endpoint_url=http://127.0.0.1:9000"), env.Lookup());
  ASSERT_TRUE(c4.ok());
  EXPECT_EQ(c4->EndpointUrl(), "http://127.0.0.1:9000");
  EXPECT_EQ(c4->endpoint.host, "127.0.0.1");  // path-style: the bucket is not in the host

  env.Set("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS", "true");
  auto c5 = ResolveS3Config(Root("s3://lab-bucket"), env.Lookup());
  ASSERT_TRUE(c5.ok());
  EXPECT_FALSE(c5->custom_endpoint);
  EXPECT_EQ(c5->EndpointUrl(), "https://lab-bucket.s3.us-east-1.amazonaws.com");

  auto bad = ResolveS3Config(Root("s3://b?endpoint_url=localhost:9000"), env.Lookup());
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().code(), Status::Code::kInvalid);
}

TEST(S3Config, BucketsThatCannotBeHostNamesArePathStyleOnAws) {
  FakeEnv env;
  auto dotted = ResolveS3Config(Root("s3://my.dotted.bucket"), env.Lookup());
  ASSERT_TRUE(dotted.ok());
  EXPECT_TRUE(dotted->path_style);
  EXPECT_EQ(dotted->endpoint.host, "s3.us-east-1.amazonaws.com");
}

TEST(S3Config, NoCredentialsMeansAnonymous) {
  FakeEnv env;
  auto cfg = ResolveS3Config(Root("s3://public-bucket"), env.Lookup());
  ASSERT_TRUE(cfg.ok()) << cfg.status().ToString();
  EXPECT_TRUE(cfg->credentials.anonymous());
  EXPECT_EQ(cfg->credentials.source, "none found (anonymous requests)");
}

TEST(S3Config, CredentialSourcesRegfsCannotUseAreRefusedNotIgnored) {
  FakeEnv env;
  env.WriteAws("config", "[profile role]\nrole_arn = arn:aws:iam::1:role/x\nsource_profile = d\n");
  env.Set("AWS_PROFILE", "role");
  auto cfg = ResolveS3Config(Root("s3://b"), env.Lookup());
  ASSERT_FALSE(cfg.ok());
  EXPECT_EQ(cfg.status().code(), Status::Code::kUnsupported);
  EXPECT_NE(cfg.status().message().find("role_arn"), std::string::npos);

  FakeEnv env2;
  env2.Set("AWS_WEB_IDENTITY_TOKEN_FILE", "/var/run/token");
  EXPECT_EQ(ResolveS3Config(Root("s3://b"), env2.Lookup()).status().code(),
            Status::Code::kUnsupported);
}

TEST(S3Config, UnreadableConfigIsAnErrorNotSilence) {
  // Something that exists but cannot be read as a file (a directory in its place) must not
  // be taken for "no profile here", which would turn into anonymous requests.
  FakeEnv env;
  fs::create_directories(env.home() + "/.aws/credentials");
  auto cfg = ResolveS3Config(Root("s3://b"), env.Lookup());
  ASSERT_FALSE(cfg.ok());
  EXPECT_EQ(cfg.status().code(), Status::Code::kIO);
  EXPECT_NE(cfg.status().message().find(env.home() + "/.aws/credentials"), std::string::npos)
      << cfg.status().ToString();
}

TEST(S3Ini, SectionsCommentsAndNestedKeys) {
  IniFile ini = ParseIni(
      "top = ignored\n[default]\r\nRegion = eu-north-1\r\n; c\n# c\n"
      "s3 =\n    addressing_style = virtual\n\tendpoint_url = http://x:1\n"
      "output = json\n  not_nested = y\n[profile   spaced ]\nk=v\n");
  EXPECT_EQ(ini["default"]["region"], "eu-north-1");
  EXPECT_EQ(ini["default"]["s3.addressing_style"], "virtual");
  EXPECT_EQ(ini["default"]["s3.endpoint_url"], "http://x:1");
  EXPECT_EQ(ini["default"]["output"], "json");
  // An indented line after a key with a value is a key of its own.
  EXPECT_EQ(ini["default"]["not_nested"], "y");
  EXPECT_EQ(ini["profile spaced"]["k"], "v");
  EXPECT_EQ(ini.count("top"), 0u);
}

}  // namespace
}  // namespace regfs::s3
