// The fuzz target's invariants (tests/fuzz/names_harness.h) as a plain unit test: a few
// hundred deterministic pseudo-random inputs, and the hostile cases the fuzzer found,
// written out as explicit scenarios so that they do not depend on how the harness decodes
// bytes. Runs in every build (no clang, no libFuzzer needed).
#include <gtest/gtest.h>

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "fs/view.h"
#include "tests/fuzz/names_harness.h"

namespace regfs {
namespace {

std::string Hex(const std::vector<uint8_t>& in) {
  static const char* kHex = "0123456789abcdef";
  std::string out;
  for (uint8_t b : in) {
    out += kHex[b >> 4];
    out += kHex[b & 15];
  }
  return out;
}

// xorshift64*: the same inputs on every machine and every run.
std::vector<uint8_t> Input(uint64_t seed, size_t len) {
  uint64_t x = seed * 0x9E3779B97F4A7C15ull + 1;
  std::vector<uint8_t> out(len);
  for (auto& b : out) {
    x ^= x >> 12;
    x ^= x << 25;
    x ^= x >> 27;
    b = static_cast<uint8_t>((x * 0x2545F4914F6CDD1Dull) >> 56);
  }
  return out;
}

TEST(NamesFuzzReplay, PseudoRandomInputsKeepEveryInvariant) {
  int failures = 0;
  for (uint64_t seed = 1; seed <= 400; ++seed) {
    std::vector<uint8_t> in = Input(seed, static_cast<size_t>(seed * 37 % 600));
    std::string err = fuzz::Check(in.data(), in.size());
    if (!err.empty() && ++failures <= 5)
      ADD_FAILURE() << "seed " << seed << " input " << Hex(in) << ": " << err;
  }
  EXPECT_EQ(failures, 0) << "inputs violating an invariant (first 5 shown)";
}

TEST(NamesFuzzReplay, EmptyAndTinyInputs) {
  for (size_t len = 0; len < 64; ++len) {
    for (uint8_t fill : {0x00, 0x01, 0x2e, 0x2f, 0x40, 0xff}) {
      std::vector<uint8_t> in(len, fill);
      EXPECT_EQ("", fuzz::Check(in.data(), in.size())) << "input " << Hex(in);
    }
  }
}

// ---------------------------------------------------------------- what the fuzzer found

Artifact Rec(int64_t id, const std::string& uid, std::optional<std::string> key,
             const std::string& suffix, const std::string& updated, int state) {
  Artifact a;
  a.id = id;
  a.uid = uid;
  a.key = std::move(key);
  a.suffix = suffix;
  a.created_at = "2024-01-01 00:00:00.000000";
  a.updated_at = updated;
  a.state = state;
  a.size = 1;
  return a;
}

// Every name in one directory of a view, with a check that it is one path component.
void ExpectValidNames(const AreaView& v, const std::string& dir) {
  const auto* names = v.Names(dir);
  ASSERT_NE(names, nullptr);
  for (const auto& [name, child] : *names) {
    EXPECT_TRUE(fuzz::ShownNameOk(name))
        << "shown name '" << fuzz::Printable(name) << "' (" << name.size()
        << " bytes) is not one valid path component";
  }
}

TEST(NamesFuzzReplay, TrashClashOfLongKeysStaysWithinNameMax) {
  // Two trashed records with one 251+4 = 255-byte key: the older one's `name@uid.txt` would be
  // 276 bytes, more than NAME_MAX.
  AreaView t(true, /*complete=*/true);
  std::string key = std::string(251, 'n') + ".txt";
  t.Put(MakeFileRec(
      Rec(1, "AAAAAAAAAAAAAAAA0000", key, ".txt", "2024-02-01 00:00:00.000000", kStateTrash)));
  t.Put(MakeFileRec(
      Rec(2, "BBBBBBBBBBBBBBBB0000", key, ".txt", "2024-03-01 00:00:00.000000", kStateTrash)));
  ExpectValidNames(t, "");
  EXPECT_NE(t.ShownName(1), "") << "every trashed record is listed";
  EXPECT_NE(t.ShownName(2), "") << "every trashed record is listed";
}

TEST(NamesFuzzReplay, HostileUidOrSuffixFromTheDatabaseMakesNoPath) {
  // A NULL key shows the record as <uid><suffix>: with a suffix holding '/' or NUL, or a uid
  // of "..", that is no file name (the kernel fails the whole readdir with EIO on a '/').
  AreaView v(false, /*complete=*/true);
  v.Put(MakeFileRec(Rec(1, "AAAAAAAAAAAAAAAA0000", std::nullopt, ".txt/../../x",
                        "2024-01-01 00:00:00.000000", kStateVisible)));
  v.Put(MakeFileRec(Rec(2, "BBBBBBBBBBBBBBBB0000", std::nullopt, std::string(".t\0x", 4),
                        "2024-01-01 00:00:00.000000", kStateVisible)));
  v.Put(MakeFileRec(Rec(3, "..", std::nullopt, "", "2024-01-01 00:00:00.000000", kStateVisible)));
  v.Put(MakeFileRec(
      Rec(4, "../../etc/passwd", std::nullopt, "", "2024-01-01 00:00:00.000000", kStateVisible)));
  ExpectValidNames(v, "");
  // The @uid form of a trash clash uses the suffix too.
  AreaView t(true, /*complete=*/true);
  t.Put(MakeFileRec(Rec(5, "CCCCCCCCCCCCCCCC0000", std::string("d/k.csv"), "/x",
                        "2024-02-01 00:00:00.000000", kStateTrash)));
  t.Put(MakeFileRec(Rec(6, "DDDDDDDDDDDDDDDD0000", std::string("d/k.csv"), "/x",
                        "2024-03-01 00:00:00.000000", kStateTrash)));
  ExpectValidNames(t, "d");
}

TEST(NamesFuzzReplay, TrashedRecordWhoseAtUidNameIsTakenIsStillListed) {
  // k.csv trashed twice (A older, B newer) and a third record whose key is literally A's
  // @uid name: A must still be listed somewhere (SPEC: every trashed record is listed).
  AreaView t(true, /*complete=*/true);
  t.Put(MakeFileRec(Rec(1, "AAAAAAAAAAAAAAAA0000", std::string("k.csv"), ".csv",
                        "2024-02-01 00:00:00.000000", kStateTrash)));
  t.Put(MakeFileRec(Rec(2, "BBBBBBBBBBBBBBBB0000", std::string("k.csv"), ".csv",
                        "2024-03-01 00:00:00.000000", kStateTrash)));
  t.Put(MakeFileRec(Rec(3, "CCCCCCCCCCCCCCCC0000", std::string("k@AAAAAAAAAAAAAAAA0000.csv"),
                        ".csv", "2024-01-01 00:00:00.000000", kStateTrash)));
  for (int64_t id : {1, 2, 3})
    EXPECT_NE(t.ShownName(id), "") << "trashed record " << id << " is not listed";
}

TEST(NamesFuzzReplay, LatestVersionShownWhenItsAtUidNameIsTaken) {
  // A file "f" next to a directory "f" is shown as f@<uid>; a record whose key is literally
  // that name must not hide it.
  AreaView v(false, /*complete=*/true);
  v.Put(MakeFileRec(Rec(1, "AAAAAAAAAAAAAAAA0000", std::string("f/x.txt"), ".txt",
                        "2024-01-01 00:00:00.000000", kStateVisible)));
  v.Put(MakeFileRec(Rec(2, "BBBBBBBBBBBBBBBB0000", std::string("f"), "",
                        "2024-01-01 00:00:00.000000", kStateVisible)));
  v.Put(MakeFileRec(Rec(3, "CCCCCCCCCCCCCCCC0000", std::string("f@BBBBBBBBBBBBBBBB0000"), "",
                        "2024-01-01 00:00:00.000000", kStateVisible)));
  for (int64_t id : {1, 2, 3})
    EXPECT_NE(v.ShownName(id), "")
        << "visible record " << id << " (the only version of its key) is not shown";
}

TEST(NamesFuzzReplay, DirectoryNamedLikeAFilesAtUidNameDoesNotHideTheFile) {
  // mkdir c; a file with key "c" is then shown as c@<uid>; a record whose key starts with
  // that very name makes a directory "c@<uid>/", which must not take the file's entry
  // (found by the fuzzer as [latest-hidden] and, in the trash, [trash-unlisted]).
  AreaView v(false, /*complete=*/true);
  ASSERT_TRUE(v.MakeDir("c"));
  v.Put(MakeFileRec(Rec(21, "AAAAAAAAAAAAAAAA000L", std::string("c"), "",
                        "2024-01-01 00:00:00.000000", kStateVisible)));
  std::string at = v.ShownName(21);
  ASSERT_NE(at, "");
  v.Put(MakeFileRec(Rec(3, "0123456789abcdef0003", at + "/x.txt", ".txt",
                        "2024-01-01 00:00:00.000000", kStateVisible)));
  EXPECT_NE(v.ShownName(21), "") << "the file with key c is no longer shown";
  auto c = v.Lookup("", v.ShownName(21));
  ASSERT_TRUE(c.has_value()) << "its shown name '" << v.ShownName(21) << "' does not resolve";
  EXPECT_FALSE(c->is_dir) << "its shown name '" << v.ShownName(21)
                          << "' now resolves to a directory";
  EXPECT_EQ(c->id, 21);
  ExpectValidNames(v, "");

  // The same in the trash, where the directory comes from another trashed record.
  AreaView t(true, /*complete=*/true);
  t.Put(MakeFileRec(Rec(14, "BBBBBBBBBBBBBBBB000E", std::string("d/x.txt"), ".txt",
                        "2024-01-01 00:00:00.000000", kStateTrash)));
  t.Put(MakeFileRec(Rec(1, "zzzzzzzzzzzzzzzz0001", std::string("d"), "",
                        "2024-01-01 00:00:00.000000", kStateTrash)));
  at = t.ShownName(1);
  ASSERT_NE(at, "");
  t.Put(MakeFileRec(Rec(10, "BBBBBBBBBBBBBBBB000A", at + "/y.txt", ".txt",
                        "2024-01-01 00:00:00.000000", kStateTrash)));
  EXPECT_NE(t.ShownName(1), "") << "the trashed file with key d is no longer listed";
  auto tc = t.Lookup("", t.ShownName(1));
  ASSERT_TRUE(tc.has_value()) << "its shown name '" << t.ShownName(1) << "' does not resolve";
  EXPECT_FALSE(tc->is_dir) << "its shown name '" << t.ShownName(1)
                           << "' now resolves to a directory";
}

TEST(NamesFuzzReplay, CollectionWhoseAtUidNameIsTakenIsStillListed) {
  std::vector<CollectionRec> cols(3);
  cols[0].id = 1;
  cols[0].uid = "AAAAAAAAAAAAAAAA0000";
  cols[0].name = "c";
  cols[0].mtime = {1, 0};
  cols[1].id = 2;
  cols[1].uid = "BBBBBBBBBBBBBBBB0000";
  cols[1].name = "c";
  cols[1].mtime = {2, 0};
  cols[2].id = 3;
  cols[2].uid = "CCCCCCCCCCCCCCCC0000";
  cols[2].name = "c@AAAAAAAAAAAAAAAA0000";
  cols[2].mtime = {3, 0};
  auto names = CollectionNames(cols, false);
  std::map<int64_t, int> seen;
  for (const auto& [name, id] : names) seen[id]++;
  for (int64_t id : {1, 2, 3})
    EXPECT_EQ(seen[id], 1) << "collection " << id << " is not listed exactly once";
}

TEST(NamesFuzzReplay, CollectionClashOfLongNamesStaysWithinNameMax) {
  std::vector<CollectionRec> cols(2);
  cols[0].id = 1;
  cols[0].uid = "AAAAAAAAAAAAAAAA0000";
  cols[0].name = std::string(255, 'c');
  cols[0].mtime = {1, 0};
  cols[1] = cols[0];
  cols[1].id = 2;
  cols[1].uid = "BBBBBBBBBBBBBBBB0000";
  cols[1].mtime = {2, 0};
  auto names = CollectionNames(cols, false);
  EXPECT_EQ(names.size(), 2u);
  for (const auto& [name, id] : names)
    EXPECT_LE(name.size(), 255u) << "collection " << id << " shown under a name of " << name.size()
                                 << " bytes";
}

}  // namespace
}  // namespace regfs
