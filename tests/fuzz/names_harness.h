// The naming rules of the mount under hostile input, as one function that both the libFuzzer
// target (tests/fuzz/fuzz_names.cc) and the replay unit test
// (tests/unit/names_fuzz_replay_test.cc) run.
//
// An input is read as a little program: it builds keys from hostile pieces (empty, ".", "..",
// a leading '/', NUL, '@', components of 254-256 bytes, names that look like another
// record's `<name>@<uid><suffix>`), and then puts records into, and removes them from, a
// visible and a trash AreaView, makes and removes directories, and names collections and
// collection members. After every step the invariants of SPEC.md section 4 are checked:
//   - IsSafeKey/ValidateKey agree with an independent statement of the rule;
//   - SuffixOf gives "" or a '.'-suffix of the name, never a numeric one;
//   - every shown name is one path component: non-empty, not "." or "..", no '/', no NUL,
//     at most 255 bytes (NAME_MAX);
//   - Lookup of every shown name resolves back to the record or directory shown there;
//   - in the trash every record is listed; among visible versions the latest keeps the name;
//   - a record with a NULL key is shown at the top as <uid><suffix>, one with an unsafe key
//     the same way in the directory made of its components before the first unsafe one;
//   - every collection and every member gets exactly one name;
//   - removing every record (and rmdir of every made directory) leaves an empty root.
// Check() returns "" when every invariant holds, else a description of the first violation.
#pragma once

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/records.h"
#include "core/storage.h"
#include "core/uid.h"
#include "fs/view.h"

namespace regfs::fuzz {

// Inside Harness: when `cond` does not hold, returns the report of invariant `id` unless that
// id is allowed (then carries on).
#define REGFS_FUZZ_EXPECT(cond, id, what)             \
  do {                                                \
    if (!(cond)) {                                    \
      std::string fuzz_report_ = Fail(id, what);      \
      if (!fuzz_report_.empty()) return fuzz_report_; \
    }                                                 \
  } while (0)

// Bytes of the input, consumed front to back; 0 once exhausted.
class Reader {
 public:
  Reader(const uint8_t* data, size_t size) : p_(data), end_(data + size) {}
  bool done() const { return p_ >= end_; }
  uint8_t Byte() { return done() ? 0 : *p_++; }
  // A value in [0, n).
  unsigned Pick(unsigned n) { return n == 0 ? 0 : Byte() % n; }
  std::string Raw(size_t max) {
    // Pick() consumes a byte: take it before measuring what is left.
    size_t want = Pick(static_cast<unsigned>(max) + 1);
    size_t n = std::min<size_t>(want, static_cast<size_t>(end_ - p_));
    std::string s(reinterpret_cast<const char*>(p_), n);
    p_ += n;
    return s;
  }

 private:
  const uint8_t* p_;
  const uint8_t* end_;
};

inline std::string Printable(std::string_view s) {
  std::string out;
  for (unsigned char c : s) {
    if (c >= 0x20 && c < 0x7f && c != '\\') {
      out += static_cast<char>(c);
    } else {
      char buf[8];
      std::snprintf(buf, sizeof(buf), "\\x%02x", c);
      out += buf;
    }
  }
  if (out.size() > 300) out = out.substr(0, 300) + "...(" + std::to_string(s.size()) + " bytes)";
  return out;
}

// The key rule of SPEC.md section 4, stated independently of core/storage.cc.
inline bool OracleSafeKey(std::string_view key) {
  if (key.empty() || key.size() > 1024 || key.front() == '/') return false;
  if (key.find('\0') != std::string_view::npos) return false;
  size_t start = 0;
  while (true) {
    size_t slash = key.find('/', start);
    std::string_view comp =
        key.substr(start, slash == std::string_view::npos ? key.size() - start : slash - start);
    if (comp.empty() || comp == "." || comp == ".." || comp.size() > 255) return false;
    if (slash == std::string_view::npos) return true;
    start = slash + 1;
  }
}

// Where a NULL or unsafe key is shown (SPEC.md section 4, README "Decisions"), stated
// independently of fs/view.cc: the components before the first one that is no valid path
// component, and never the last component.
inline std::string OracleKeyDir(std::string_view key) {
  std::vector<std::string_view> comps;
  size_t start = 0;
  for (;;) {
    size_t slash = key.find('/', start);
    if (slash == std::string_view::npos) break;
    comps.push_back(key.substr(start, slash - start));
    start = slash + 1;
  }
  std::string dir;
  for (std::string_view c : comps) {
    bool ok = !c.empty() && c != "." && c != ".." && c.size() <= 255 &&
              c.find('\0') == std::string_view::npos;
    if (!ok) break;
    if (!dir.empty()) dir += '/';
    dir += c;
  }
  return dir;
}

inline bool ShownNameOk(const std::string& n) {
  return !n.empty() && n != "." && n != ".." && n.size() <= 255 &&
         n.find('/') == std::string::npos && n.find('\0') == std::string::npos;
}

// Each invariant has an id; a violation is reported as "[id] what happened". `allowed` lists
// ids (comma-separated) to tolerate, so that a known violation does not stop a fuzzer from
// looking further (the fuzz target reads it from $REGFS_FUZZ_ALLOW; tests allow none).
class Harness {
 public:
  Harness(Reader& in, std::string allowed, bool trace = false)
      : in_(in),
        allowed_("," + allowed + ","),
        trace_(trace),
        visible_(false, /*complete=*/true),
        trash_(true, /*complete=*/true) {}

  std::string Run() {
    std::string err;
    for (int step = 0; step < 64 && !in_.done() && err.empty(); ++step) err = Step();
    if (err.empty()) err = CheckNames();
    if (err.empty()) err = Teardown();
    return err;
  }

 private:
  struct Model {
    Artifact a;
    bool trash = false;
  };

  // ---------------------------------------------------------------- input vocabulary
  std::string Component() {
    static const char* kPieces[] = {"",      ".",  "..",       "a",        "b.txt",
                                    "x.csv", "@",  "k@",       ".lamindb", "a.tar.gz",
                                    "f.1",   "\n", "\xff\xfe", "..."};
    switch (in_.Pick(8)) {
      case 0:
      case 1:
      case 2: return kPieces[in_.Pick(sizeof(kPieces) / sizeof(kPieces[0]))];
      case 3:
        return std::string(250 + in_.Pick(8), 'n') + (in_.Pick(2) ? ".txt" : "");  // 250-261 bytes
      case 4: {
        // Looks like the @uid name of a record already made.
        if (recs_.empty()) return "c";
        const Artifact& o =
            std::next(recs_.begin(), in_.Pick(static_cast<unsigned>(recs_.size())))->second.a;
        std::string base =
            o.key
                ? o.key->substr(o.key->rfind('/') == std::string::npos ? 0 : o.key->rfind('/') + 1)
                : "";
        return AtUidName(base, o.uid, o.suffix);
      }
      case 5: return std::string(1, '\0') + "nul";
      default: return in_.Raw(12);
    }
  }

  std::optional<std::string> Key() {
    unsigned kind = in_.Pick(10);
    if (kind == 0) return std::nullopt;  // NULL key
    std::string key;
    if (kind == 1) key = "/";
    unsigned parts = 1 + in_.Pick(4);
    for (unsigned i = 0; i < parts; ++i) {
      if (i > 0) key += in_.Pick(12) == 0 ? "//" : "/";
      key += Component();
    }
    if (in_.Pick(16) == 0) key += "/";
    return key;
  }

  // A uid for the record with this id: few stems, so version families form; the 4-char
  // version comes from the id, so two live records never share a uid (the column is UNIQUE).
  std::string Uid(int64_t id) {
    static const char* kStems[] = {"AAAAAAAAAAAAAAAA", "BBBBBBBBBBBBBBBB", "zzzzzzzzzzzzzzzz",
                                   "0123456789abcdef"};
    std::string uid = kStems[in_.Pick(4)];
    std::string version;
    for (int i = 0; i < 4; ++i, id /= 62) version.insert(version.begin(), kBase62[id % 62]);
    return uid + version;
  }

  std::string Time() {
    static const char* kTimes[] = {"2024-01-01 00:00:00.000000", "2024-01-01 00:00:00.000001",
                                   "2024-06-01 12:00:00.500000", "2025-01-01 00:00:00.000000",
                                   "garbage"};
    return kTimes[in_.Pick(5)];
  }

  // ---------------------------------------------------------------- operations
  std::string Step() {
    switch (in_.Pick(8)) {
      case 0:
      case 1:
      case 2: return PutOne();
      case 3: return RemoveOne();
      case 4: return MakeDirOne();
      case 5: return RemoveDirOne();
      case 6: return CheckCollections();
      default: return CheckKeyAndSuffix();
    }
  }

  std::string CheckKeyAndSuffix() {
    std::optional<std::string> k = Key();
    std::string key = k.value_or(in_.Raw(40));
    bool safe = IsSafeKey(key);
    REGFS_FUZZ_EXPECT(safe == OracleSafeKey(key), "key-rule",
                      "IsSafeKey('" + Printable(key) + "') = " + (safe ? "true" : "false") +
                          ", the rule says otherwise");
    bool valid = ValidateKey(key).ok();
    bool want_valid = safe && key.find(".lamindb/") == std::string::npos &&
                      key.substr(0, key.find('/')) != ".lamindb";
    REGFS_FUZZ_EXPECT(
        valid == want_valid, "validate-rule",
        "ValidateKey('" + Printable(key) + "') = " + (valid ? "ok" : ValidateKey(key).message()));
    std::string suffix = SuffixOf(key);
    std::string base = key.substr(key.rfind('/') == std::string::npos ? 0 : key.rfind('/') + 1);
    if (!suffix.empty()) {
      bool tail = suffix.front() == '.' && suffix.find('/') == std::string::npos &&
                  suffix.size() < base.size() &&
                  base.compare(base.size() - suffix.size(), suffix.size(), suffix) == 0;
      REGFS_FUZZ_EXPECT(tail, "suffix",
                        "SuffixOf('" + Printable(key) + "') = '" + Printable(suffix) +
                            "' is not a suffix of its name");
      std::string ext = suffix.substr(suffix.rfind('.') + 1);
      REGFS_FUZZ_EXPECT(
          ext.empty() ||
              !std::all_of(ext.begin(), ext.end(), [](char c) { return c >= '0' && c <= '9'; }),
          "suffix", "SuffixOf('" + Printable(key) + "') = '" + Printable(suffix) + "' is numeric");
    }
    return "";
  }

  std::string PutOne() {
    Artifact a;
    a.id = 1 + in_.Pick(24);  // small ids: Put often replaces a record
    a.uid = Uid(a.id);
    a.key = Key();
    a.suffix =
        a.key && in_.Pick(4) ? SuffixOf(*a.key) : std::string(in_.Pick(3) == 0 ? ".txt" : "");
    a.created_at = Time();
    a.updated_at = Time();
    a.is_latest = in_.Pick(3) != 0;
    a.size = in_.Pick(100);
    bool trash = in_.Pick(3) == 0;
    a.state = trash ? kStateTrash : kStateVisible;
    // A record is in one area at a time (the session removes it from both, then puts it).
    visible_.Remove(a.id);
    trash_.Remove(a.id);
    recs_.erase(a.id);
    FileRec r = MakeFileRec(a);
    if (a.key && IsSafeKey(*a.key)) {
      REGFS_FUZZ_EXPECT(r.key_is_path && DisplayPath(r) == *a.key, "key-path",
                        "MakeFileRec: safe key '" + Printable(*a.key) +
                            "' not shown at its path (got '" + Printable(DisplayPath(r)) + "')");
    } else if (ShownNameOk(a.uid + a.suffix)) {
      std::string dir = a.key ? OracleKeyDir(*a.key) : std::string();
      REGFS_FUZZ_EXPECT(!r.key_is_path && r.dir == dir && r.base == a.uid + a.suffix, "key-path",
                        "MakeFileRec: NULL or unsafe key '" + Printable(a.key.value_or("(null)")) +
                            "' not shown as <uid><suffix> in '" + Printable(dir) + "' (got '" +
                            Printable(r.dir) + "' / '" + Printable(r.base) + "')");
    } else {
      // <uid><suffix> is no file name itself (a hostile uid or suffix): any valid name in that
      // directory will do.
      std::string dir = a.key ? OracleKeyDir(*a.key) : std::string();
      REGFS_FUZZ_EXPECT(!r.key_is_path && r.dir == dir && ShownNameOk(r.base), "key-path",
                        "MakeFileRec: record with uid '" + Printable(a.uid) + "' and suffix '" +
                            Printable(a.suffix) + "' shown as '" + Printable(r.base) + "' in '" +
                            Printable(r.dir) + "', not a valid name in '" + Printable(dir) + "'");
    }
    if (trace_)
      std::fprintf(
          stderr, "put id %lld uid %s key '%s' suffix '%s' created %s updated %s latest %d %s\n",
          static_cast<long long>(a.id), a.uid.c_str(), Printable(a.key.value_or("(null)")).c_str(),
          Printable(a.suffix).c_str(), a.created_at.c_str(), a.updated_at.c_str(),
          a.is_latest ? 1 : 0, trash ? "trash" : "visible");
    (trash ? trash_ : visible_).Put(r);
    recs_[a.id] = Model{a, trash};
    return CheckNames();
  }

  std::string RemoveOne() {
    if (recs_.empty()) return "";
    int64_t id = std::next(recs_.begin(), in_.Pick(static_cast<unsigned>(recs_.size())))->first;
    if (trace_) std::fprintf(stderr, "remove id %lld\n", static_cast<long long>(id));
    visible_.Remove(id);
    trash_.Remove(id);
    recs_.erase(id);
    return CheckNames();
  }

  std::string MakeDirOne() {
    std::optional<std::string> k = Key();
    if (!k) return "";
    // The daemon's mkdir checks the path as a key prefix first.
    if (!ValidateKey(*k + "/x").ok()) return "";
    bool made = visible_.MakeDir(*k);
    if (trace_)
      std::fprintf(stderr, "mkdir '%s': %s\n", Printable(*k).c_str(), made ? "made" : "refused");
    if (made) made_.insert(*k);
    return CheckNames();
  }

  std::string RemoveDirOne() {
    if (made_.empty()) return "";
    std::string path = *std::next(made_.begin(), in_.Pick(static_cast<unsigned>(made_.size())));
    bool removed = visible_.RemoveDir(path);
    if (trace_)
      std::fprintf(stderr, "rmdir '%s': %s\n", Printable(path).c_str(),
                   removed ? "removed" : "refused");
    if (removed) made_.erase(path);
    return CheckNames();
  }

  // ---------------------------------------------------------------- invariants
  static bool Newer(const timespec& a, const timespec& b) {
    return a.tv_sec != b.tv_sec ? a.tv_sec > b.tv_sec : a.tv_nsec > b.tv_nsec;
  }

  std::string WalkArea(const AreaView& v, bool trash, const std::string& dir, int depth,
                       std::set<int64_t>* shown) {
    const auto* names = v.Names(dir);
    if (!names)
      return Fail("view",
                  "directory '" + Printable(dir) + "' listed by its parent but has no names");
    if (depth > 600) return Fail("view", "directory nesting deeper than any key allows");
    for (const auto& [name, child] : *names) {
      std::string where =
          std::string(trash ? ".trash/artifacts/" : "artifacts/") + (dir.empty() ? "" : dir + "/");
      REGFS_FUZZ_EXPECT(name.size() <= 255, "name-too-long",
                        "shown name '" + Printable(where + name) + "' is " +
                            std::to_string(name.size()) + " bytes long, more than NAME_MAX (255)");
      REGFS_FUZZ_EXPECT(
          ShownNameOk(name) || name.size() > 255, "bad-name",
          "shown name '" + Printable(where + name) + "' is not one valid path component");
      auto back = v.Lookup(dir, name);
      if (!back || back->is_dir != child.is_dir || back->id != child.id)
        return Fail("lookup", "Lookup of shown name '" + Printable(where + name) +
                                  "' does not resolve back to it");
      std::string path = dir.empty() ? name : dir + "/" + name;
      if (child.is_dir) {
        if (!v.HasDir(path))
          return Fail("view", "shown directory '" + Printable(where + name) + "' does not exist");
        std::string e = WalkArea(v, trash, path, depth + 1, shown);
        if (!e.empty()) return e;
      } else {
        const FileRec* r = v.Rec(child.id);
        if (!r) return Fail("view", "shown name '" + Printable(where + name) + "' has no record");
        REGFS_FUZZ_EXPECT(v.ShownName(child.id) == name, "view",
                          "record " + std::to_string(child.id) + " shown as '" + Printable(name) +
                              "' but ShownName says '" + Printable(v.ShownName(child.id)) + "'");
        REGFS_FUZZ_EXPECT(r->dir == dir, "view",
                          "record " + std::to_string(child.id) + " shown outside its directory");
        REGFS_FUZZ_EXPECT(shown->insert(child.id).second, "view",
                          "record " + std::to_string(child.id) + " shown twice");
      }
    }
    return "";
  }

  std::string CheckNames() {
    std::set<int64_t> shown_v, shown_t;
    std::string e = WalkArea(visible_, false, "", 0, &shown_v);
    if (e.empty()) e = WalkArea(trash_, true, "", 0, &shown_t);
    if (!e.empty()) return e;
    size_t nv = 0, nt = 0;
    // Groups of visible records sharing (dir, base): the latest one must be shown.
    std::map<std::pair<std::string, std::string>, std::vector<const FileRec*>> groups;
    for (const auto& [id, m] : recs_) {
      const AreaView& v = m.trash ? trash_ : visible_;
      const FileRec* r = v.Rec(id);
      if (!r)
        return Fail("view", "record " + std::to_string(id) + " was put but the view has lost it");
      (m.trash ? nt : nv)++;
      if (m.trash) {
        REGFS_FUZZ_EXPECT(shown_t.count(id), "trash-unlisted",
                          "trashed record " + std::to_string(id) + " (uid " + m.a.uid + ", key '" +
                              Printable(m.a.key.value_or("(null)")) +
                              "') is not listed in .trash (SPEC: every trashed record is listed)");
      } else {
        groups[{r->dir, r->base}].push_back(r);
      }
    }
    REGFS_FUZZ_EXPECT(visible_.size() == nv && trash_.size() == nt, "view",
                      "view sizes differ from the records put");
    for (auto& [where, members] : groups) {
      std::sort(members.begin(), members.end(), [](const FileRec* a, const FileRec* b) {
        if (a->is_latest != b->is_latest) return a->is_latest;
        if (a->mtime.tv_sec != b->mtime.tv_sec || a->mtime.tv_nsec != b->mtime.tv_nsec)
          return Newer(a->mtime, b->mtime);
        return a->id > b->id;
      });
      const FileRec* latest = members.front();
      REGFS_FUZZ_EXPECT(shown_v.count(latest->id), "latest-hidden",
                        "the latest visible record at '" +
                            Printable(where.first + "/" + where.second) + "' (id " +
                            std::to_string(latest->id) + ") is not shown");
      for (size_t i = 1; i < members.size(); ++i)
        REGFS_FUZZ_EXPECT(
            visible_.ShownName(members[i]->id) != where.second, "latest-hidden",
            "an older version holds the plain name '" + Printable(where.second) + "'");
    }
    return "";
  }

  std::string CheckCollections() {
    std::vector<CollectionRec> cols;
    unsigned n = 1 + in_.Pick(6);
    for (unsigned i = 0; i < n; ++i) {
      CollectionRec c;
      c.id = i + 1;
      c.uid = Uid(c.id);
      std::optional<std::string> k = Key();
      c.name = k.value_or("");
      if (in_.Pick(3) == 0 && !cols.empty())
        c.name = cols[in_.Pick(static_cast<unsigned>(cols.size()))].name;
      if (in_.Pick(4) == 0 && !cols.empty()) c.name = cols.back().name + "@" + cols.back().uid;
      timespec t{static_cast<time_t>(in_.Pick(3)), static_cast<long>(in_.Pick(2))};
      c.mtime = t;
      c.ctime = t;
      cols.push_back(c);
    }
    bool trash = in_.Pick(2);
    auto names = CollectionNames(cols, trash);
    std::map<int64_t, int> seen;
    for (const auto& [name, id] : names) {
      REGFS_FUZZ_EXPECT(name.size() <= 255, "name-too-long",
                        "collection shown as '" + Printable(name) + "', " +
                            std::to_string(name.size()) + " bytes, more than NAME_MAX (255)");
      REGFS_FUZZ_EXPECT(
          ShownNameOk(name) || name.size() > 255, "bad-name",
          "collection shown as '" + Printable(name) + "', not one valid path component");
      seen[id]++;
    }
    for (const auto& c : cols)
      REGFS_FUZZ_EXPECT(seen[c.id] == 1, "collection-unlisted",
                        "collection " + std::to_string(c.id) + " ('" + Printable(c.name) +
                            "', uid " + c.uid + ") shown " + std::to_string(seen[c.id]) +
                            " times in " + (trash ? ".trash/collections" : "collections") +
                            " (SPEC: collections follow the @<uid> rule)");

    std::vector<MemberRec> members;
    unsigned m = in_.Pick(6);
    for (unsigned i = 0; i < m; ++i) {
      Artifact a;
      a.id = i + 1;
      a.uid = Uid(a.id);
      a.key = Key();
      a.suffix = a.key ? SuffixOf(*a.key) : "";
      a.created_at = a.updated_at = Time();
      MemberRec mr;
      mr.link_id = i + 1;
      mr.file = MakeFileRec(a);
      members.push_back(mr);
    }
    auto mnames = MemberNames(members);
    if (mnames.size() != members.size())
      return Fail("view", "MemberNames returned a different count");
    std::set<std::string> uniq;
    for (const auto& mn : mnames) {
      REGFS_FUZZ_EXPECT(mn.size() <= 255, "name-too-long",
                        "collection member shown as '" + Printable(mn) + "', " +
                            std::to_string(mn.size()) + " bytes, more than NAME_MAX (255)");
      REGFS_FUZZ_EXPECT(
          ShownNameOk(mn) || mn.size() > 255, "bad-name",
          "collection member shown as '" + Printable(mn) + "', not one valid path component");
      REGFS_FUZZ_EXPECT(uniq.insert(mn).second, "member-clash",
                        "two collection members share the name '" + Printable(mn) + "'");
    }
    return "";
  }

  std::string Teardown() {
    for (const auto& [id, m] : recs_) {
      visible_.Remove(id);
      trash_.Remove(id);
    }
    recs_.clear();
    std::vector<std::string> dirs(made_.begin(), made_.end());
    std::sort(dirs.begin(), dirs.end(),
              [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
    for (const auto& d : dirs)
      if (!visible_.RemoveDir(d))
        return Fail("teardown", "rmdir of made directory '" + Printable(d) +
                                    "' refused after every record left");
    for (const AreaView* v : {&visible_, &trash_}) {
      const auto* names = v->Names("");
      if (!names || !names->empty() || v->size() != 0) {
        std::string left;
        if (names)
          for (const auto& [n, c] : *names) left += " '" + Printable(n) + "'";
        return Fail("teardown", std::string("removing every record leaves a non-empty ") +
                                    (v == &trash_ ? ".trash/artifacts" : "artifacts") + ":" + left);
      }
    }
    return "";
  }

  // "" when `id` is allowed, else the report.
  std::string Fail(const char* id, const std::string& what) const {
    if (allowed_.find("," + std::string(id) + ",") != std::string::npos) return "";
    return "[" + std::string(id) + "] " + what;
  }

  Reader& in_;
  std::string allowed_;
  bool trace_;
  AreaView visible_;
  AreaView trash_;
  std::map<int64_t, Model> recs_;
  std::set<std::string> made_;
};

// `trace`: every step to stderr (the fuzz target sets it from $REGFS_FUZZ_TRACE, to read what
// a crashing input does: REGFS_FUZZ_TRACE=1 fuzz_names crash-...).
inline std::string Check(const uint8_t* data, size_t size, const std::string& allowed = "",
                         bool trace = false) {
  Reader in(data, size);
  Harness h(in, allowed, trace);
  return h.Run();
}

#undef REGFS_FUZZ_EXPECT

}  // namespace regfs::fuzz
