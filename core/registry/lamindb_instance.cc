#include "core/registry/lamindb_instance.h"

#include <openssl/evp.h>

#include <cstdlib>
#include <optional>
#include <vector>

#include "core/clock.h"
#include "core/registry/lamindb_sql.h"
#include "core/uid.h"

namespace regfs {

namespace {

std::vector<unsigned char> Digest(const EVP_MD* md, std::string_view data) {
  std::vector<unsigned char> out(EVP_MAX_MD_SIZE);
  unsigned int len = 0;
  if (EVP_Digest(data.data(), data.size(), out.data(), &len, md, nullptr) != 1) {
    // Only a broken OpenSSL fails a one-shot MD5/SHA-1: an instance id made up from anything
    // else would not be LaminDB's, so there is nothing sensible to continue with.
    std::abort();
  }
  out.resize(len);
  return out;
}

std::string Hex(const unsigned char* p, size_t n) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  for (size_t i = 0; i < n; ++i) {
    out += kHex[p[i] >> 4];
    out += kHex[p[i] & 0x0f];
  }
  return out;
}

// Base62 (0-9A-Za-z) of the big-endian number in `bytes`, each leading zero byte group written
// as "0" followed by the character of its count (at most 61 a group), as the base62 package
// LaminDB uses encodes bytes.
std::string Base62OfBytes(std::vector<unsigned char> bytes) {
  size_t zeros = 0;
  while (zeros < bytes.size() && bytes[zeros] == 0) ++zeros;
  std::string prefix;
  for (size_t left = zeros; left > 0;) {
    size_t group = left < 61 ? left : 61;
    prefix += '0';
    prefix += kBase62[group];
    left -= group;
  }
  if (zeros == bytes.size()) return prefix;
  std::string digits;  // least significant first
  std::vector<unsigned char> num(bytes.begin() + static_cast<std::ptrdiff_t>(zeros), bytes.end());
  while (!num.empty()) {
    // num /= 62, long division from the most significant byte; the remainder is the digit.
    unsigned rem = 0;
    std::vector<unsigned char> quot;
    for (unsigned char b : num) {
      unsigned cur = rem * 256 + b;
      unsigned q = cur / 62;
      rem = cur % 62;
      if (!quot.empty() || q != 0) quot.push_back(static_cast<unsigned char>(q));
    }
    digits += kBase62[rem];
    num = std::move(quot);
  }
  return prefix + std::string(digits.rbegin(), digits.rend());
}

// An SQL string literal: single quotes doubled. Standard SQL, so the same on SQLite and on
// PostgreSQL (standard_conforming_strings, on by default since 9.1: backslashes are plain).
Result<std::string> SqlLiteral(std::string_view value) {
  if (value.find('\0') != std::string_view::npos) {
    return Status::Invalid("a NUL byte cannot be stored in a LaminDB text column");
  }
  std::string out = "'";
  for (char c : value) {
    if (c == '\'') out += '\'';
    out += c;
  }
  out += '\'';
  return out;
}

bool IsPlaceholderName(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (!((c >= 'A' && c <= 'Z') || c == '_')) return false;
  }
  return true;
}

// Replaces every @NAME@ of `text` by the literal of NAME's value. An @NAME@ without a value is
// an error (a seed file and this code disagree), never left in the SQL.
Result<std::string> FillPlaceholders(std::string_view text, const LaminDbInstanceIds& ids) {
  struct Value {
    std::string_view name;
    const std::string* value;
  };
  const Value values[] = {{"NOW", &ids.now},
                          {"ROOT", &ids.storage_root},
                          {"STORAGE_UID", &ids.storage_uid},
                          {"INSTANCE_UID", &ids.uid}};
  std::string out;
  out.reserve(text.size() + 256);
  size_t pos = 0;
  while (pos < text.size()) {
    size_t at = text.find('@', pos);
    if (at == std::string_view::npos) break;
    size_t end = text.find('@', at + 1);
    std::string_view name =
        end == std::string_view::npos ? std::string_view() : text.substr(at + 1, end - at - 1);
    if (!IsPlaceholderName(name)) {
      out.append(text.substr(pos, at + 1 - pos));
      pos = at + 1;
      continue;
    }
    const Value* v = nullptr;
    for (const Value& candidate : values) {
      if (candidate.name == name) v = &candidate;
    }
    if (v == nullptr) {
      return Status::IO("LaminDB seed data names an unknown value @" + std::string(name) + "@");
    }
    REGFS_ASSIGN_OR_RETURN(std::string literal, SqlLiteral(*v->value));
    out.append(text.substr(pos, at - pos));
    out += literal;
    pos = end + 1;
  }
  out.append(text.substr(pos));
  return out;
}

Result<std::string> Embedded(std::string_view name) {
  std::optional<std::string_view> data = LaminDbSqlFile(name);
  // Every name asked for here is one of the files embed.cmake embeds: a miss is a build error.
  if (!data) return Status::IO("LaminDB instance data " + std::string(name) + " not in this build");
  return std::string(*data);
}

Result<std::string> FileName(LaminDbRelease release, SqlBackend backend, std::string_view part) {
  if (backend == SqlBackend::kPostgres) {
    if (release != LaminDbRelease::k2_9) {
      return Status::Unsupported("regfs creates PostgreSQL instances of LaminDB 2.9 only");
    }
    return "postgres_2_9_" + std::string(part) + ".sql";
  }
  return std::string(release == LaminDbRelease::k2_9 ? "sqlite_2_9_" : "sqlite_0_73_") +
         std::string(part) + ".sql";
}

}  // namespace

Result<LaminDbRelease> ParseLaminDbRelease(std::string_view text) {
  if (text == "0.73") return LaminDbRelease::k0_73;
  if (text == "2.9") return LaminDbRelease::k2_9;
  return Status::Invalid("unknown layout '" + std::string(text) +
                         "' (known: 2.9, today's LaminDB, and 0.73, the 2024 one)");
}

std::string_view LaminDbReleaseName(LaminDbRelease release) {
  return release == LaminDbRelease::k2_9 ? "2.9" : "0.73";
}

std::string LaminDbInstanceId(std::string_view slug) {
  // RFC 4122 version 5: SHA-1 of the namespace's 16 bytes and the name, the first 16 bytes of
  // it with the version and variant bits set. NAMESPACE_URL is
  // 6ba7b811-9dad-11d1-80b4-00c04fd430c8.
  static constexpr unsigned char kNamespaceUrl[16] = {0x6b, 0xa7, 0xb8, 0x11, 0x9d, 0xad,
                                                      0x11, 0xd1, 0x80, 0xb4, 0x00, 0xc0,
                                                      0x4f, 0xd4, 0x30, 0xc8};
  std::string input(reinterpret_cast<const char*>(kNamespaceUrl), sizeof(kNamespaceUrl));
  input.append(slug);
  std::vector<unsigned char> h = Digest(EVP_sha1(), input);
  h[6] = static_cast<unsigned char>((h[6] & 0x0f) | 0x50);
  h[8] = static_cast<unsigned char>((h[8] & 0x3f) | 0x80);
  return Hex(h.data(), 16);
}

std::string LaminDbInstanceUid(std::string_view id_hex) {
  return Base62OfBytes(Digest(EVP_md5(), id_hex)).substr(0, 12);
}

Status ValidateInstanceName(std::string_view name) {
  std::string shown(name.substr(0, 64));
  if (name.empty()) return Status::Invalid("an instance name cannot be empty");
  if (name == "." || name == "..") {
    return Status::Invalid("instance name '" + shown + "' is not a usable name");
  }
  if (name.size() > 200) return Status::Invalid("instance name longer than 200 bytes");
  for (char c : name) {
    unsigned char u = static_cast<unsigned char>(c);
    if (c == '/') return Status::Invalid("instance name '" + shown + "' contains '/'");
    if (u < 0x20 || u == 0x7f) {
      return Status::Invalid("instance name contains a control character");
    }
  }
  return Status();
}

std::string DefaultInstanceName(std::string_view storage_root) {
  while (!storage_root.empty() && storage_root.back() == '/') storage_root.remove_suffix(1);
  size_t slash = storage_root.find_last_of('/');
  std::string name(slash == std::string_view::npos ? storage_root : storage_root.substr(slash + 1));
  for (char& c : name) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return name;
}

LaminDbInstanceIds NewLaminDbInstanceIds(std::string owner, std::string name,
                                         std::string storage_root) {
  LaminDbInstanceIds ids;
  ids.owner = std::move(owner);
  ids.name = std::move(name);
  ids.id_hex = LaminDbInstanceId(ids.slug());
  ids.uid = LaminDbInstanceUid(ids.id_hex);
  ids.storage_uid = NewStorageUid();
  ids.storage_root = std::move(storage_root);
  ids.now = NowTimestamp();
  return ids;
}

Result<std::string> LaminDbSchemaScript(LaminDbRelease release, SqlBackend backend) {
  REGFS_ASSIGN_OR_RETURN(std::string name, FileName(release, backend, "schema"));
  return Embedded(name);
}

Result<std::string> LaminDbSeedScript(LaminDbRelease release, SqlBackend backend,
                                      const LaminDbInstanceIds& ids) {
  REGFS_ASSIGN_OR_RETURN(std::string name, FileName(release, backend, "seed"));
  REGFS_ASSIGN_OR_RETURN(std::string text, Embedded(name));
  return FillPlaceholders(text, ids);
}

Status CreateLaminDbDatabase(SqlScriptExecutor& db, LaminDbRelease release, SqlBackend backend,
                             const LaminDbInstanceIds& ids) {
  REGFS_ASSIGN_OR_RETURN(std::string schema, LaminDbSchemaScript(release, backend));
  REGFS_ASSIGN_OR_RETURN(std::string seed, LaminDbSeedScript(release, backend, ids));
  std::string what = "create the LaminDB " + std::string(LaminDbReleaseName(release)) +
                     " database of " + ids.slug();
  REGFS_RETURN_IF_ERROR(db.Exec("BEGIN").Annotate(what));
  Status st = db.Exec(schema).Annotate(what + ": schema");
  if (st.ok()) st = db.Exec(seed).Annotate(what + ": seed rows");
  if (st.ok()) st = db.Exec("COMMIT").Annotate(what);
  if (!st.ok()) {
    // The first error is the one to report; a failed rollback changes nothing about it (the
    // caller removes the new database anyway).
    (void)db.Exec("ROLLBACK");
    return st;
  }
  return Status();
}

std::string LaminDbSqliteFile(LaminDbRelease release, const LaminDbInstanceIds& ids) {
  return release == LaminDbRelease::k2_9 ? ".lamindb/lamin.db" : ids.id_hex + ".lndb";
}

std::string LaminDbMarkerFile(LaminDbRelease release) {
  return release == LaminDbRelease::k2_9 ? ".lamindb/storage_uid.txt" : ".lamindb/_is_initialized";
}

std::string LaminDbMarkerText(LaminDbRelease release, const LaminDbInstanceIds& ids) {
  if (release == LaminDbRelease::k0_73) return ids.storage_uid;
  return ids.storage_uid + "\ncreation info:\ninstance_slug=" + ids.slug() +
         "\ninstance_id=" + ids.id_hex + "\ninstance_uid=" + ids.uid;
}

Result<std::string> LaminDbSettingsDir() {
  if (const char* dir = std::getenv("LAMIN_SETTINGS_DIR"); dir != nullptr) {
    return std::string(dir) + "/.lamin";
  }
  if (const char* home = std::getenv("HOME"); home != nullptr && *home != '\0') {
    return std::string(home) + "/.lamin";
  }
  return Status::NotFound("neither LAMIN_SETTINGS_DIR nor HOME is set: no LaminDB settings folder");
}

std::string LaminDbSettingsFileName(const LaminDbInstanceIds& ids) {
  std::string prefix;
  if (const char* env = std::getenv("LAMIN_ENV");
      env != nullptr && std::string_view(env) != "prod") {
    prefix = std::string(env) + "--";
  }
  return prefix + "instance--" + ids.owner + "--" + ids.name + ".env";
}

Result<std::string> LaminDbSettingsText(LaminDbRelease release, const LaminDbInstanceIds& ids) {
  const std::string& root = ids.storage_root;
  for (std::string_view bad : {"\n", "\r", " #", "\t#", "${"}) {
    if (root.find(bad) != std::string::npos) {
      return Status::Invalid("LaminDB's settings file cannot hold the root " + root +
                             " unchanged (python-dotenv would cut or expand it)");
    }
  }
  if (!root.empty() && (root.front() == '\'' || root.front() == '"' || root.front() == ' ' ||
                        root.back() == ' ' || root.back() == '\t')) {
    return Status::Invalid("LaminDB's settings file cannot hold the root " + root +
                           " unchanged (leading quote or surrounding blanks)");
  }
  std::string text = "lamindb_instance_owner=" + ids.owner + "\nlamindb_instance_name=" + ids.name +
                     "\nlamindb_instance_storage_root=" + root +
                     "\nlamindb_instance_storage_region=null"
                     "\nlamindb_instance_db=null"
                     "\nlamindb_instance_schema_str=null"
                     "\nlamindb_instance_id=" +
                     ids.id_hex +
                     "\nlamindb_instance_git_repo=null"
                     "\nlamindb_instance_keep_artifacts_local=False\n";
  if (release == LaminDbRelease::k2_9) {
    text +=
        "lamindb_instance_api_url=null\n"
        "lamindb_instance_schema_id=null\n"
        "lamindb_instance_fine_grained_access=False\n"
        "lamindb_instance_db_permissions=null\n"
        "lamindb_instance_is_clone=False\n";
  }
  return text;
}

}  // namespace regfs
