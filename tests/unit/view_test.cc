// The naming rules of the mounted tree (SPEC.md section 4), without a kernel.
#include "fs/view.h"

#include <gtest/gtest.h>

namespace regfs {
namespace {

Artifact Art(int64_t id, const std::string& uid, std::optional<std::string> key,
             const std::string& suffix, const std::string& created, const std::string& updated,
             int state = kStateVisible, bool is_latest = true) {
  Artifact a;
  a.id = id;
  a.uid = uid;
  a.key = std::move(key);
  a.suffix = suffix;
  a.created_at = created;
  a.updated_at = updated;
  a.state = state;
  a.is_latest = is_latest;
  a.size = 10 * id;
  return a;
}

std::vector<std::string> NamesOf(const AreaView& v, const std::string& dir) {
  std::vector<std::string> out;
  const auto* names = v.Names(dir);
  if (!names) return out;
  for (const auto& [name, child] : *names) out.push_back(name + (child.is_dir ? "/" : ""));
  return out;
}

TEST(ViewTest, KeysBecomeDirectoriesAndFiles) {
  AreaView v(false, /*complete=*/true);
  v.Put(MakeFileRec(Art(1, "aaaaaaaaaaaaaaaa0000", "raw/run1/x.csv", ".csv", "2024-01-01 00:00:00", "2024-01-01 00:00:00")));
  v.Put(MakeFileRec(Art(2, "bbbbbbbbbbbbbbbb0000", "raw/y.csv", ".csv", "2024-01-01 00:00:00", "2024-01-01 00:00:00")));
  EXPECT_EQ(NamesOf(v, ""), (std::vector<std::string>{"raw/"}));
  EXPECT_EQ(NamesOf(v, "raw"), (std::vector<std::string>{"run1/", "y.csv"}));
  EXPECT_EQ(NamesOf(v, "raw/run1"), (std::vector<std::string>{"x.csv"}));
  auto c = v.Lookup("raw/run1", "x.csv");
  ASSERT_TRUE(c);
  EXPECT_EQ(c->id, 1);
  // Directories disappear with their last record.
  v.Remove(1);
  EXPECT_FALSE(v.HasDir("raw/run1"));
  EXPECT_EQ(NamesOf(v, "raw"), (std::vector<std::string>{"y.csv"}));
  v.Remove(2);
  EXPECT_TRUE(NamesOf(v, "").empty());
}

TEST(ViewTest, LatestVersionIsShown) {
  AreaView v(false, /*complete=*/true);
  v.Put(MakeFileRec(Art(1, "aaaaaaaaaaaaaaaa0000", "k.txt", ".txt", "2024-01-01 00:00:00", "2024-01-01 00:00:00", kStateVisible, false)));
  v.Put(MakeFileRec(Art(2, "aaaaaaaaaaaaaaaa0001", "k.txt", ".txt", "2024-01-02 00:00:00", "2024-01-02 00:00:00", kStateVisible, true)));
  EXPECT_EQ(NamesOf(v, ""), (std::vector<std::string>{"k.txt"}));
  EXPECT_EQ(v.Lookup("", "k.txt")->id, 2);
  EXPECT_EQ(v.ShownName(1), "");
  // Trashing the latest (removing it from the visible area) shows the previous version.
  v.Remove(2);
  EXPECT_EQ(v.Lookup("", "k.txt")->id, 1);
}

TEST(ViewTest, WithoutIsLatestNewestCreatedWins) {
  AreaView v(false, /*complete=*/true);
  v.Put(MakeFileRec(Art(5, "aaaaaaaaaaaaaaaa0001", "k.txt", ".txt", "2024-03-01 00:00:00", "2024-03-01 00:00:00")));
  v.Put(MakeFileRec(Art(4, "aaaaaaaaaaaaaaaa0000", "k.txt", ".txt", "2024-01-01 00:00:00", "2024-01-01 00:00:00")));
  EXPECT_EQ(v.Lookup("", "k.txt")->id, 5);
}

TEST(ViewTest, TrashClashesGetAtUidNames) {
  AreaView t(true, /*complete=*/true);
  t.Put(MakeFileRec(Art(1, "aaaaaaaaaaaaaaaa0000", "d/k.csv", ".csv", "2024-01-01 00:00:00", "2024-02-01 00:00:00", kStateTrash)));
  t.Put(MakeFileRec(Art(2, "bbbbbbbbbbbbbbbb0000", "d/k.csv", ".csv", "2024-01-01 00:00:00", "2024-03-01 00:00:00", kStateTrash)));
  // The most recently trashed (updated_at) keeps the plain name.
  EXPECT_EQ(NamesOf(t, "d"), (std::vector<std::string>{"k.csv", "k@aaaaaaaaaaaaaaaa0000.csv"}));
  EXPECT_EQ(t.Lookup("d", "k.csv")->id, 2);
  EXPECT_EQ(t.ShownName(1), "k@aaaaaaaaaaaaaaaa0000.csv");
  t.Remove(2);
  EXPECT_EQ(NamesOf(t, "d"), (std::vector<std::string>{"k.csv"}));
}

TEST(ViewTest, UnsafeAndNullKeysShowAsUidWhereTheirKeyIsStillSafe) {
  AreaView v(false, /*complete=*/true);
  // key -> the directory it is shown in (its components before the first unsafe one)
  const std::pair<std::string, std::string> bad[] = {
      {"../evil.txt", ""}, {"/abs.txt", ""}, {"", ""},         {"a//b.txt", "a"},
      {"a/./b.txt", "a"},  {"x/..", "x"},    {"x/y/../../z", "x/y"}, {"trail/", "trail"},
      {std::string("a\0b.txt", 7), ""}, {std::string(256, 'l'), ""}};
  int64_t id = 1;
  for (const auto& [key, dir] : bad) {
    FileRec r = MakeFileRec(Art(id, "u" + std::to_string(id) + std::string(19 - std::to_string(id).size(), 'a'),
                                key, ".txt", "2024-01-01 00:00:00", "2024-01-01 00:00:00"));
    EXPECT_FALSE(r.key_is_path) << key;
    EXPECT_EQ(r.dir, dir) << key;
    EXPECT_EQ(r.base, r.uid + ".txt") << key;
    v.Put(r);
    ++id;
  }
  v.Put(MakeFileRec(Art(id++, "nullkeyaaaaaaaaa0000", std::nullopt, ".txt", "2024-01-01 00:00:00", "2024-01-01 00:00:00")));
  // The top: five unsafe keys, the NULL key, and the three directories the others are in.
  auto top = NamesOf(v, "");
  EXPECT_EQ(top.size(), 9u);
  for (const auto& n : top) {
    if (n.back() == '/') continue;
    EXPECT_EQ(n.find('/'), std::string::npos) << n;
    EXPECT_EQ(n.size(), 24u) << n;  // <uid><suffix>
  }
  EXPECT_EQ(NamesOf(v, "a").size(), 2u);
  EXPECT_EQ(NamesOf(v, "x"), (std::vector<std::string>{"u6aaaaaaaaaaaaaaaaaa.txt", "y/"}));
  EXPECT_EQ(NamesOf(v, "x/y"), (std::vector<std::string>{"u7aaaaaaaaaaaaaaaaaa.txt"}));
}

TEST(ViewTest, FileAndDirectoryOfOneNameBothShow) {
  AreaView v(false, /*complete=*/true);
  v.Put(MakeFileRec(Art(1, "aaaaaaaaaaaaaaaa0000", "a", "", "2024-01-01 00:00:00", "2024-01-01 00:00:00")));
  EXPECT_EQ(NamesOf(v, ""), (std::vector<std::string>{"a"}));
  v.Put(MakeFileRec(Art(2, "bbbbbbbbbbbbbbbb0000", "a/b", "", "2024-01-01 00:00:00", "2024-01-01 00:00:00")));
  // The directory keeps the name; the file steps aside with its uid.
  EXPECT_EQ(NamesOf(v, ""), (std::vector<std::string>{"a/", "a@aaaaaaaaaaaaaaaa0000"}));
  v.Remove(2);
  EXPECT_EQ(NamesOf(v, ""), (std::vector<std::string>{"a"}));
}

TEST(ViewTest, UserDirectoriesLiveUntilRmdir) {
  AreaView v(false, /*complete=*/true);
  EXPECT_TRUE(v.MakeDir("new"));
  EXPECT_TRUE(v.MakeDir("new/sub"));
  EXPECT_FALSE(v.MakeDir("new"));  // taken
  EXPECT_FALSE(v.MakeDir("missing/x"));
  v.Put(MakeFileRec(Art(1, "aaaaaaaaaaaaaaaa0000", "new/f.txt", ".txt", "2024-01-01 00:00:00", "2024-01-01 00:00:00")));
  EXPECT_FALSE(v.RemoveDir("new"));  // not empty
  v.Remove(1);
  EXPECT_TRUE(v.HasDir("new"));  // made by mkdir: stays after its last record goes
  EXPECT_TRUE(v.RemoveDir("new/sub"));
  EXPECT_TRUE(v.RemoveDir("new"));
  EXPECT_FALSE(v.HasDir("new"));
}

TEST(ViewTest, MovingUserDirectories) {
  AreaView v(false, /*complete=*/true);
  ASSERT_TRUE(v.MakeDir("a"));
  ASSERT_TRUE(v.MakeDir("a/b"));
  v.MoveUserDirs("a", "z");
  EXPECT_FALSE(v.HasDir("a"));
  EXPECT_TRUE(v.HasDir("z"));
  EXPECT_TRUE(v.HasDir("z/b"));
}

TEST(ViewTest, CollectionAndMemberNames) {
  std::vector<CollectionRec> cols(3);
  cols[0] = {1, "c1aaaaaaaaaaaaaa0000", "set", kStateVisible, {100, 0}, {100, 0}};
  cols[1] = {2, "c2aaaaaaaaaaaaaa0000", "set", kStateVisible, {200, 0}, {200, 0}};
  cols[2] = {3, "c3aaaaaaaaaaaaaa0000", "a/b", kStateVisible, {100, 0}, {100, 0}};
  auto names = CollectionNames(cols, false);
  EXPECT_EQ(names.at("set"), 2);  // newest keeps the name
  EXPECT_EQ(names.at("set@c1aaaaaaaaaaaaaa0000"), 1);
  EXPECT_EQ(names.at("c3aaaaaaaaaaaaaa0000"), 3);  // unsafe name shown as uid

  std::vector<MemberRec> members(2);
  members[0].link_id = 10;
  members[0].file = MakeFileRec(Art(1, "aaaaaaaaaaaaaaaa0000", "x/f.csv", ".csv", "2024-01-01 00:00:00", "2024-01-01 00:00:00"));
  members[1].link_id = 11;
  members[1].file = MakeFileRec(Art(2, "bbbbbbbbbbbbbbbb0000", "y/f.csv", ".csv", "2024-01-01 00:00:00", "2024-01-01 00:00:00"));
  auto mnames = MemberNames(members);
  // Link order is kept; the first keeps the plain name.
  EXPECT_EQ(mnames, (std::vector<std::string>{"f.csv", "f@bbbbbbbbbbbbbbbb0000.csv"}));
}

}  // namespace
}  // namespace regfs
