// Where an S3 storage root lives and how to reach it: the root as LaminDB stores it, and the
// endpoint, region, addressing style and credentials found as the AWS SDKs find them.
//
// storage.root, as lamindb_setup writes it (_settings_storage.py,
// convert_sanitized_root_path_to_str):
//   s3://BUCKET[/PREFIX]                       AWS
//   s3://BUCKET[/PREFIX]?endpoint_url=URL      an S3-compatible server; URL is written as is
//                                              (http://host:port[/path]); lamindb_setup reads it
//                                              back with urlsplit + parse_qs, so a
//                                              percent-encoded URL means the same
// Other query parameters are s3fs storage options to LaminDB; they are kept in
// S3Root::options and do not change how regfs connects.
//
// Resolution order (ResolveS3Config), the AWS SDKs' order where one exists:
//   endpoint     root's endpoint_url > AWS_ENDPOINT_URL_S3 > AWS_ENDPOINT_URL > the profile's
//                `s3 = endpoint_url` or `endpoint_url` (the environment and profile ones are
//                ignored with AWS_IGNORE_CONFIGURED_ENDPOINT_URLS=true) > AWS itself
//   region       AWS_REGION > AWS_DEFAULT_REGION > the profile's region > us-east-1
//   profile      AWS_PROFILE > AWS_DEFAULT_PROFILE > "default"
//   credentials  AWS_ACCESS_KEY_ID + AWS_SECRET_ACCESS_KEY (+ AWS_SESSION_TOKEN) > the profile
//                in AWS_SHARED_CREDENTIALS_FILE (~/.aws/credentials) > the profile in
//                AWS_CONFIG_FILE (~/.aws/config) > none: anonymous (unsigned) requests, which
//                public buckets answer, as LaminDB falls back to anon=True
//   addressing   the profile's `s3 = addressing_style` (path | virtual | auto); auto is
//                path-style for a custom endpoint (http://host:port/BUCKET/KEY, what
//                S3-compatible servers expect) and virtual-hosted for AWS
//                (https://BUCKET.s3.REGION.amazonaws.com/KEY) unless the bucket name cannot
//                be a host name (dots, capitals, underscores), which AWS then serves path-style
//   CA bundle    AWS_CA_BUNDLE
// Not supported (a clear error rather than a silent anonymous fallback): profiles that get
// credentials from role_arn, credential_process, SSO or web identity, and the EC2/ECS
// metadata services.
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "core/status.h"

namespace regfs::s3 {

struct S3Root {
  std::string bucket;
  std::string prefix;        // without leading or trailing '/'; "" for the bucket's top
  std::string endpoint_url;  // from ?endpoint_url=, "" when absent
  std::map<std::string, std::string> options;  // any other query parameters

  // The object key of `rel` ("/.lamindb/x.txt" or ".lamindb/x.txt") below the prefix.
  std::string Key(std::string_view rel) const;
  // s3://bucket/prefix (without the query).
  std::string Uri() const;
};

// Parses a storage root. Errors: kInvalid for anything that is not s3://BUCKET[/PREFIX][?...],
// a bucket name S3 would refuse, a query parameter given twice (LaminDB refuses that too).
Result<S3Root> ParseS3Root(std::string_view root);

// Reads an environment variable; std::nullopt when unset. Tests pass their own.
using EnvLookup = std::function<std::optional<std::string>(std::string_view)>;
// The process environment (getenv).
EnvLookup ProcessEnv();

struct Credentials {
  std::string access_key_id;
  std::string secret_access_key;
  std::string session_token;
  // Where they came from, for messages: "environment (AWS_ACCESS_KEY_ID)",
  // "profile 'x' in /home/u/.aws/credentials", "none (anonymous requests)". Never a secret.
  std::string source;

  bool anonymous() const { return access_key_id.empty(); }
};

// A parsed endpoint URL: scheme://host[:port][/path].
struct Endpoint {
  std::string scheme;     // "http" or "https"
  std::string host;       // "127.0.0.1", "s3.eu-west-1.amazonaws.com", "[::1]"
  int port = 0;           // 0 when the URL has none (the scheme's default)
  std::string base_path;  // "" or "/s3": requests go below it

  // scheme://host[:port][/path], as given.
  std::string Url() const;
  // The Host header value: host, plus ":port" when the port is not the scheme's default.
  std::string HostHeader() const;
};

// Errors: kInvalid for a URL without http:// or https://, without a host, with a bad port,
// or with a query or fragment.
Result<Endpoint> ParseEndpoint(std::string_view url);

struct S3Config {
  S3Root root;
  // The server requests go to. For virtual-hosted AWS requests the bucket is in its host.
  Endpoint endpoint;
  bool path_style = true;
  bool custom_endpoint = false;  // not AWS's own
  std::string region;
  std::string profile;
  Credentials credentials;
  std::string ca_bundle;  // "" = the system's

  // The endpoint's URL for messages: "http://127.0.0.1:9000".
  std::string EndpointUrl() const { return endpoint.Url(); }
};

// Resolves how to reach `root` from `env` and the AWS files it names (see the order above).
// Errors: kInvalid for a bad endpoint URL or addressing style, half a key pair (an access key
// without its secret), an AWS_PROFILE that no file defines; kUnsupported for a profile that
// needs role_arn / credential_process / SSO / web identity; kIO for an AWS file that exists
// but cannot be read.
Result<S3Config> ResolveS3Config(const S3Root& root, const EnvLookup& env);

// An INI file as the AWS CLI reads ~/.aws/config and ~/.aws/credentials: [section] headers,
// key = value lines, '#'/';' comment lines, and indented key = value lines below a key with an
// empty value stored as "key.subkey" ("s3.addressing_style"). Keys are lower-cased.
using IniFile = std::map<std::string, std::map<std::string, std::string>>;
IniFile ParseIni(std::string_view text);

}  // namespace regfs::s3
