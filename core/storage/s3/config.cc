#include "core/storage/s3/config.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <vector>

namespace regfs::s3 {

namespace {

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

std::string_view Trim(std::string_view s) {
  auto space = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
  while (!s.empty() && space(s.front())) s.remove_prefix(1);
  while (!s.empty() && space(s.back())) s.remove_suffix(1);
  return s;
}

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// Query-string decoding as Python's parse_qs does it: '+' is a space, %XX a byte; a '%' not
// followed by two hex digits stays as it is.
std::string QueryDecode(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '+') {
      out.push_back(' ');
    } else if (s[i] == '%' && i + 2 < s.size() && HexValue(s[i + 1]) >= 0 &&
               HexValue(s[i + 2]) >= 0) {
      out.push_back(static_cast<char>(HexValue(s[i + 1]) * 16 + HexValue(s[i + 2])));
      i += 2;
    } else {
      out.push_back(s[i]);
    }
  }
  return out;
}

// S3 bucket names, including the legacy us-east-1 ones (capitals, underscores, up to 255).
bool ValidBucket(std::string_view b) {
  if (b.empty() || b.size() > 255) return false;
  for (char c : b) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
              c == '.' || c == '-' || c == '_';
    if (!ok) return false;
  }
  return true;
}

// A bucket that can be the first label of a TLS host name: today's rules, and no dots (a
// dotted name breaks the *.s3.amazonaws.com certificate).
bool VirtualHostable(std::string_view b) {
  if (b.size() < 3 || b.size() > 63) return false;
  if (b.front() == '-' || b.back() == '-') return false;
  for (char c : b) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
    if (!ok) return false;
  }
  return true;
}

bool ValidRegion(std::string_view r) {
  if (r.empty() || r.size() > 64) return false;
  for (char c : r) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
    if (!ok) return false;
  }
  return true;
}

// Reads `path`; nullopt when it does not exist. Errors: kIO when it exists but cannot be read
// (a directory in its place, no permission).
Result<std::optional<std::string>> ReadOptionalFile(const std::string& path) {
  int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    if (errno == ENOENT || errno == ENOTDIR) return std::optional<std::string>();
    return Status::IO("AWS configuration " + path + ": " + std::strerror(errno));
  }
  std::string out;
  char buf[8192];
  for (;;) {
    ssize_t n = read(fd, buf, sizeof buf);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      int err = errno;
      close(fd);
      return Status::IO("AWS configuration " + path + ": " + std::strerror(err));
    }
    if (n == 0) break;
    out.append(buf, static_cast<size_t>(n));
  }
  close(fd);
  return std::optional<std::string>(std::move(out));
}

std::string ExpandHome(const std::string& path, const EnvLookup& env) {
  if (path.empty() || path[0] != '~') return path;
  if (path.size() > 1 && path[1] != '/') return path;  // ~user is not expanded
  std::string home = env("HOME").value_or("");
  return home + path.substr(1);
}

std::optional<std::string> NonEmpty(const EnvLookup& env, std::string_view name) {
  auto v = env(name);
  if (v && !v->empty()) return v;
  return std::nullopt;
}

const std::map<std::string, std::string>* Section(const IniFile& ini, const std::string& name) {
  auto it = ini.find(name);
  return it == ini.end() ? nullptr : &it->second;
}

std::string Get(const std::map<std::string, std::string>* sec, const std::string& key) {
  if (!sec) return "";
  auto it = sec->find(key);
  return it == sec->end() ? "" : std::string(Trim(it->second));
}

}  // namespace

std::string S3Root::Key(std::string_view rel) const {
  while (!rel.empty() && rel.front() == '/') rel.remove_prefix(1);
  if (prefix.empty()) return std::string(rel);
  return prefix + "/" + std::string(rel);
}

std::string S3Root::Uri() const {
  return prefix.empty() ? "s3://" + bucket : "s3://" + bucket + "/" + prefix;
}

Result<S3Root> ParseS3Root(std::string_view root) {
  auto bad = [&](std::string_view why) {
    return Status::Invalid("storage root '" + std::string(root) + "': " + std::string(why));
  };
  constexpr std::string_view kScheme = "s3://";
  if (root.substr(0, kScheme.size()) != kScheme) return bad("not an s3:// root");
  std::string_view rest = root.substr(kScheme.size());
  std::string_view query;
  if (size_t q = rest.find('?'); q != std::string_view::npos) {
    query = rest.substr(q + 1);
    rest = rest.substr(0, q);
  }
  if (size_t f = query.find('#'); f != std::string_view::npos) query = query.substr(0, f);
  S3Root out;
  size_t slash = rest.find('/');
  out.bucket = std::string(rest.substr(0, slash));
  if (!ValidBucket(out.bucket)) return bad("'" + out.bucket + "' is not a bucket name");
  if (slash != std::string_view::npos) {
    std::string_view prefix = rest.substr(slash + 1);
    while (!prefix.empty() && prefix.front() == '/') prefix.remove_prefix(1);
    while (!prefix.empty() && prefix.back() == '/') prefix.remove_suffix(1);
    out.prefix = std::string(prefix);
  }
  // parse_qs: '&'-separated name=value pairs; pairs with an empty value are dropped (so
  // "?endpoint_url=" means AWS, as lamindb_setup's own test expects).
  while (!query.empty()) {
    size_t amp = query.find('&');
    std::string_view pair = query.substr(0, amp);
    query = amp == std::string_view::npos ? std::string_view() : query.substr(amp + 1);
    if (pair.empty()) continue;
    size_t eq = pair.find('=');
    if (eq == std::string_view::npos) continue;
    std::string name = QueryDecode(pair.substr(0, eq));
    std::string value = QueryDecode(pair.substr(eq + 1));
    if (value.empty()) continue;
    if (name == "endpoint_url") {
      if (!out.endpoint_url.empty()) return bad("endpoint_url is given twice");
      out.endpoint_url = value;
    } else {
      if (out.options.count(name)) return bad(name + " is given twice");
      out.options[name] = value;
    }
  }
  return out;
}

EnvLookup ProcessEnv() {
  return [](std::string_view name) -> std::optional<std::string> {
    const char* v = std::getenv(std::string(name).c_str());
    if (!v) return std::nullopt;
    return std::string(v);
  };
}

std::string Endpoint::Url() const {
  std::string out = scheme + "://" + host;
  if (port) out += ":" + std::to_string(port);
  return out + base_path;
}

std::string Endpoint::HostHeader() const {
  bool default_port =
      port == 0 || (scheme == "http" && port == 80) || (scheme == "https" && port == 443);
  return default_port ? host : host + ":" + std::to_string(port);
}

Result<Endpoint> ParseEndpoint(std::string_view url) {
  auto bad = [&](std::string_view why) {
    return Status::Invalid("endpoint URL '" + std::string(url) + "': " + std::string(why));
  };
  Endpoint ep;
  size_t sep = url.find("://");
  if (sep == std::string_view::npos) return bad("needs http:// or https://");
  ep.scheme = Lower(url.substr(0, sep));
  if (ep.scheme != "http" && ep.scheme != "https") return bad("needs http:// or https://");
  std::string_view rest = url.substr(sep + 3);
  if (rest.find_first_of("?#") != std::string_view::npos) return bad("has a query or fragment");
  size_t slash = rest.find('/');
  std::string_view authority = rest.substr(0, slash);
  std::string_view path = slash == std::string_view::npos ? "" : rest.substr(slash);
  if (authority.find('@') != std::string_view::npos) {
    return bad("has user information; give credentials through the environment or a profile");
  }
  std::string_view port;
  if (!authority.empty() && authority.front() == '[') {
    size_t close = authority.find(']');
    if (close == std::string_view::npos) return bad("has an unterminated IPv6 address");
    ep.host = std::string(authority.substr(0, close + 1));
    std::string_view after = authority.substr(close + 1);
    if (!after.empty()) {
      if (after.front() != ':') return bad("has junk after the IPv6 address");
      port = after.substr(1);
    }
  } else {
    size_t colon = authority.rfind(':');
    ep.host = Lower(authority.substr(0, colon));
    if (colon != std::string_view::npos) port = authority.substr(colon + 1);
  }
  if (ep.host.empty() || ep.host == "[]") return bad("has no host");
  if (!port.empty()) {
    int p = 0;
    for (char c : port) {
      if (c < '0' || c > '9' || p > 65535) return bad("has a bad port");
      p = p * 10 + (c - '0');
    }
    if (p < 1 || p > 65535) return bad("has a bad port");
    ep.port = p;
  }
  while (!path.empty() && path.back() == '/') path.remove_suffix(1);
  ep.base_path = std::string(path);
  return ep;
}

IniFile ParseIni(std::string_view text) {
  IniFile ini;
  std::string section;
  bool in_section = false;
  std::string parent;  // the key with an empty value that indented lines belong to
  while (!text.empty()) {
    size_t nl = text.find('\n');
    std::string_view line = text.substr(0, nl);
    text = nl == std::string_view::npos ? std::string_view() : text.substr(nl + 1);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    bool indented = !line.empty() && (line.front() == ' ' || line.front() == '\t');
    std::string_view t = Trim(line);
    if (t.empty() || t.front() == '#' || t.front() == ';') continue;
    if (t.front() == '[') {
      size_t close = t.find(']');
      if (close == std::string_view::npos) continue;
      // "[profile  x]" names profile x; whitespace inside is not significant.
      std::string name(Trim(t.substr(1, close - 1)));
      if (name.rfind("profile", 0) == 0 && name.size() > 7 && (name[7] == ' ' || name[7] == '\t')) {
        name = "profile " + std::string(Trim(std::string_view(name).substr(8)));
      }
      section = name;
      in_section = true;
      parent.clear();
      ini[section];
      continue;
    }
    if (!in_section) continue;
    size_t eq = t.find('=');
    if (eq == std::string_view::npos) continue;
    std::string key = Lower(Trim(t.substr(0, eq)));
    std::string value(Trim(t.substr(eq + 1)));
    if (indented && !parent.empty()) {
      ini[section][parent + "." + key] = value;
      continue;
    }
    ini[section][key] = value;
    parent = value.empty() ? key : "";
  }
  return ini;
}

Result<S3Config> ResolveS3Config(const S3Root& root, const EnvLookup& env) {
  S3Config cfg;
  cfg.root = root;

  // The profile and the two files.
  std::optional<std::string> named = NonEmpty(env, "AWS_PROFILE");
  if (!named) named = NonEmpty(env, "AWS_DEFAULT_PROFILE");
  cfg.profile = named.value_or("default");
  std::string config_path =
      ExpandHome(NonEmpty(env, "AWS_CONFIG_FILE").value_or("~/.aws/config"), env);
  std::string creds_path =
      ExpandHome(NonEmpty(env, "AWS_SHARED_CREDENTIALS_FILE").value_or("~/.aws/credentials"), env);
  IniFile config_ini, creds_ini;
  {
    REGFS_ASSIGN_OR_RETURN(auto text, ReadOptionalFile(config_path));
    if (text) config_ini = ParseIni(*text);
    REGFS_ASSIGN_OR_RETURN(auto ctext, ReadOptionalFile(creds_path));
    if (ctext) creds_ini = ParseIni(*ctext);
  }
  const auto* conf = Section(config_ini, "profile " + cfg.profile);
  if (!conf && cfg.profile == "default") conf = Section(config_ini, "default");
  const auto* cred = Section(creds_ini, cfg.profile);
  if (named && !conf && !cred) {
    return Status::Invalid("AWS profile '" + cfg.profile + "' is defined in neither " + creds_path +
                           " nor " + config_path);
  }

  // Credentials.
  auto id = NonEmpty(env, "AWS_ACCESS_KEY_ID");
  auto secret = NonEmpty(env, "AWS_SECRET_ACCESS_KEY");
  if (id.has_value() != secret.has_value()) {
    return Status::Invalid(id ? "AWS_ACCESS_KEY_ID is set but AWS_SECRET_ACCESS_KEY is not"
                              : "AWS_SECRET_ACCESS_KEY is set but AWS_ACCESS_KEY_ID is not");
  }
  if (id) {
    cfg.credentials.access_key_id = *id;
    cfg.credentials.secret_access_key = *secret;
    auto token = NonEmpty(env, "AWS_SESSION_TOKEN");
    if (!token) token = NonEmpty(env, "AWS_SECURITY_TOKEN");
    cfg.credentials.session_token = token.value_or("");
    cfg.credentials.source = "the environment (AWS_ACCESS_KEY_ID)";
  } else {
    struct Candidate {
      const std::map<std::string, std::string>* sec;
      const std::string* path;
    };
    for (Candidate c : {Candidate{cred, &creds_path}, Candidate{conf, &config_path}}) {
      std::string cid = Get(c.sec, "aws_access_key_id");
      std::string csecret = Get(c.sec, "aws_secret_access_key");
      if (cid.empty() && csecret.empty()) continue;
      if (cid.empty() || csecret.empty()) {
        return Status::Invalid("AWS profile '" + cfg.profile + "' in " + *c.path + " has " +
                               (cid.empty() ? "aws_secret_access_key without aws_access_key_id"
                                            : "aws_access_key_id without aws_secret_access_key"));
      }
      cfg.credentials.access_key_id = cid;
      cfg.credentials.secret_access_key = csecret;
      cfg.credentials.session_token = Get(c.sec, "aws_session_token");
      cfg.credentials.source = "profile '" + cfg.profile + "' in " + *c.path;
      break;
    }
  }
  if (cfg.credentials.anonymous()) {
    for (const char* key : {"role_arn", "credential_process", "sso_session", "sso_start_url",
                            "web_identity_token_file"}) {
      if (!Get(conf, key).empty() || !Get(cred, key).empty()) {
        return Status::Unsupported("AWS profile '" + cfg.profile + "' gets its credentials via " +
                                   key +
                                   ", which regfs cannot use; export AWS_ACCESS_KEY_ID and "
                                   "AWS_SECRET_ACCESS_KEY (and AWS_SESSION_TOKEN) instead");
      }
    }
    for (const char* var : {"AWS_WEB_IDENTITY_TOKEN_FILE", "AWS_CONTAINER_CREDENTIALS_FULL_URI",
                            "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI"}) {
      if (NonEmpty(env, var)) {
        return Status::Unsupported(std::string(var) +
                                   " is set, but regfs cannot get credentials that way; export "
                                   "AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY instead");
      }
    }
    cfg.credentials.source = "none found (anonymous requests)";
  }

  // Region.
  auto region = NonEmpty(env, "AWS_REGION");
  if (!region) region = NonEmpty(env, "AWS_DEFAULT_REGION");
  if (!region && !Get(conf, "region").empty()) region = Get(conf, "region");
  cfg.region = region.value_or("us-east-1");
  if (!ValidRegion(cfg.region)) return Status::Invalid("'" + cfg.region + "' is not an AWS region");

  // Endpoint.
  std::string url = root.endpoint_url;
  bool ignore_configured =
      Lower(NonEmpty(env, "AWS_IGNORE_CONFIGURED_ENDPOINT_URLS").value_or("")) == "true";
  if (url.empty() && !ignore_configured) {
    for (std::optional<std::string> v :
         {NonEmpty(env, "AWS_ENDPOINT_URL_S3"), NonEmpty(env, "AWS_ENDPOINT_URL"),
          std::optional<std::string>(Get(conf, "s3.endpoint_url")),
          std::optional<std::string>(Get(conf, "endpoint_url"))}) {
      if (v && !v->empty()) {
        url = *v;
        break;
      }
    }
  }
  cfg.custom_endpoint = !url.empty();
  if (!cfg.custom_endpoint) url = "https://s3." + cfg.region + ".amazonaws.com";
  REGFS_ASSIGN_OR_RETURN(cfg.endpoint, ParseEndpoint(url));

  // Addressing.
  std::string style = Lower(Get(conf, "s3.addressing_style"));
  if (style.empty()) style = "auto";
  if (style == "path") {
    cfg.path_style = true;
  } else if (style == "virtual") {
    cfg.path_style = false;
  } else if (style == "auto") {
    cfg.path_style = cfg.custom_endpoint || !VirtualHostable(root.bucket);
  } else {
    return Status::Invalid("AWS profile '" + cfg.profile + "': s3 addressing_style '" + style +
                           "' is none of auto, path, virtual");
  }
  if (!cfg.path_style) cfg.endpoint.host = root.bucket + "." + cfg.endpoint.host;

  cfg.ca_bundle = ExpandHome(NonEmpty(env, "AWS_CA_BUNDLE").value_or(Get(conf, "ca_bundle")), env);
  return cfg;
}

}  // namespace regfs::s3
