// The naming rules of the mounted tree (SPEC.md section 4), without a kernel.
#include "fs/view.h"

#include <gtest/gtest.h>

#include <algorithm>

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
  v.Put(MakeFileRec(Art(1, "aaaaaaaaaaaaaaaa0000", "raw/run1/x.csv", ".csv", "2024-01-01 00:00:00",
                        "2024-01-01 00:00:00")));
  v.Put(MakeFileRec(Art(2, "bbbbbbbbbbbbbbbb0000", "raw/y.csv", ".csv", "2024-01-01 00:00:00",
                        "2024-01-01 00:00:00")));
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
  v.Put(MakeFileRec(Art(1, "aaaaaaaaaaaaaaaa0000", "k.txt", ".txt", "2024-01-01 00:00:00",
                        "2024-01-01 00:00:00", kStateVisible, false)));
  v.Put(MakeFileRec(Art(2, "aaaaaaaaaaaaaaaa0001", "k.txt", ".txt", "2024-01-02 00:00:00",
                        "2024-01-02 00:00:00", kStateVisible, true)));
  EXPECT_EQ(NamesOf(v, ""), (std::vector<std::string>{"k.txt"}));
  EXPECT_EQ(v.Lookup("", "k.txt")->id, 2);
  EXPECT_EQ(v.ShownName(1), "");
  // Trashing the latest (removing it from the visible area) shows the previous version.
  v.Remove(2);
  EXPECT_EQ(v.Lookup("", "k.txt")->id, 1);
}

TEST(ViewTest, WithoutIsLatestNewestCreatedWins) {
  AreaView v(false, /*complete=*/true);
  v.Put(MakeFileRec(Art(5, "aaaaaaaaaaaaaaaa0001", "k.txt", ".txt", "2024-03-01 00:00:00",
                        "2024-03-01 00:00:00")));
  v.Put(MakeFileRec(Art(4, "aaaaaaaaaaaaaaaa0000", "k.txt", ".txt", "2024-01-01 00:00:00",
                        "2024-01-01 00:00:00")));
  EXPECT_EQ(v.Lookup("", "k.txt")->id, 5);
}

TEST(ViewTest, TrashClashesGetAtUidNames) {
  AreaView t(true, /*complete=*/true);
  t.Put(MakeFileRec(Art(1, "aaaaaaaaaaaaaaaa0000", "d/k.csv", ".csv", "2024-01-01 00:00:00",
                        "2024-02-01 00:00:00", kStateTrash)));
  t.Put(MakeFileRec(Art(2, "bbbbbbbbbbbbbbbb0000", "d/k.csv", ".csv", "2024-01-01 00:00:00",
                        "2024-03-01 00:00:00", kStateTrash)));
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
      {"../evil.txt", ""},        {"/abs.txt", ""},    {"", ""},
      {"a//b.txt", "a"},          {"a/./b.txt", "a"},  {"x/..", "x"},
      {"x/y/../../z", "x/y"},     {"trail/", "trail"}, {std::string("a\0b.txt", 7), ""},
      {std::string(256, 'l'), ""}};
  int64_t id = 1;
  for (const auto& [key, dir] : bad) {
    FileRec r = MakeFileRec(
        Art(id, "u" + std::to_string(id) + std::string(19 - std::to_string(id).size(), 'a'), key,
            ".txt", "2024-01-01 00:00:00", "2024-01-01 00:00:00"));
    EXPECT_FALSE(r.key_is_path) << key;
    EXPECT_EQ(r.dir, dir) << key;
    EXPECT_EQ(r.base, r.uid + ".txt") << key;
    v.Put(r);
    ++id;
  }
  v.Put(MakeFileRec(Art(id++, "nullkeyaaaaaaaaa0000", std::nullopt, ".txt", "2024-01-01 00:00:00",
                        "2024-01-01 00:00:00")));
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
  v.Put(MakeFileRec(
      Art(1, "aaaaaaaaaaaaaaaa0000", "a", "", "2024-01-01 00:00:00", "2024-01-01 00:00:00")));
  EXPECT_EQ(NamesOf(v, ""), (std::vector<std::string>{"a"}));
  v.Put(MakeFileRec(
      Art(2, "bbbbbbbbbbbbbbbb0000", "a/b", "", "2024-01-01 00:00:00", "2024-01-01 00:00:00")));
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
  v.Put(MakeFileRec(Art(1, "aaaaaaaaaaaaaaaa0000", "new/f.txt", ".txt", "2024-01-01 00:00:00",
                        "2024-01-01 00:00:00")));
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

// ---------------------------------------------------------------- loading on demand

FileRec Rec(int64_t id, const std::string& key, int state = kStateVisible) {
  return MakeFileRec(
      Art(id, "u" + std::to_string(id) + std::string(19 - std::to_string(id).size(), 'a'), key,
          ".txt", "2024-01-01 00:00:00", "2024-01-01 00:00:00", state));
}

AreaView::Listing Listing(std::vector<FileRec> files, std::vector<std::string> subdirs) {
  AreaView::Listing l;
  l.files = std::move(files);
  l.subdirs = std::move(subdirs);
  return l;
}

TEST(ViewLoadingTest, OnlyListedDirectoriesAreHeld) {
  AreaView v(false);
  EXPECT_FALSE(v.Loaded(""));
  EXPECT_EQ(v.Names(""), nullptr);
  ASSERT_TRUE(v.Install("", Listing({Rec(1, "top.txt")}, {"a", "b"})));
  EXPECT_EQ(NamesOf(v, ""), (std::vector<std::string>{"a/", "b/", "top.txt"}));
  EXPECT_TRUE(v.HasDir("a"));     // known from its parent's listing
  EXPECT_FALSE(v.Loaded("a"));    // but not listed itself
  EXPECT_FALSE(v.HasDir("a/x"));  // nothing known below it
  EXPECT_EQ(v.Names("a"), nullptr);
  // A change in a directory that is not loaded holds nothing; its loaded parent is unchanged.
  v.Put(Rec(2, "a/new.txt"));
  EXPECT_EQ(v.Rec(2), nullptr);
  EXPECT_EQ(NamesOf(v, ""), (std::vector<std::string>{"a/", "b/", "top.txt"}));
  ASSERT_TRUE(v.Install("a", Listing({Rec(2, "a/new.txt"), Rec(3, "a/old.txt")}, {})));
  EXPECT_EQ(NamesOf(v, "a"), (std::vector<std::string>{"new.txt", "old.txt"}));
  EXPECT_EQ(v.size(), 3u);
  v.Evict("a");
  EXPECT_FALSE(v.Loaded("a"));
  EXPECT_TRUE(v.HasDir("a"));
  EXPECT_EQ(v.size(), 1u);
}

TEST(ViewLoadingTest, NewDirectoriesUnderALoadedParentAreComplete) {
  AreaView v(false);
  ASSERT_TRUE(v.Install("", Listing({}, {"old"})));
  // "fresh" did not exist below the loaded top: its whole content is this one record.
  v.Put(Rec(1, "fresh/deep/f.txt"));
  EXPECT_TRUE(v.Loaded("fresh"));
  EXPECT_TRUE(v.Loaded("fresh/deep"));
  EXPECT_EQ(NamesOf(v, "fresh/deep"), (std::vector<std::string>{"f.txt"}));
  // "old" exists but is not loaded: a record put below it is not held, nor are new
  // directories below it made up.
  v.Put(Rec(2, "old/sub/g.txt"));
  EXPECT_FALSE(v.Loaded("old/sub"));
  EXPECT_EQ(v.Rec(2), nullptr);
  // Removing the last record of a loaded directory takes it (and its empty parents) away.
  v.Remove(1);
  EXPECT_FALSE(v.HasDir("fresh"));
  EXPECT_EQ(NamesOf(v, ""), (std::vector<std::string>{"old/"}));
}

TEST(ViewLoadingTest, InstallOfAVanishedDirectoryFailsAndFixesItsParent) {
  AreaView v(false);
  ASSERT_TRUE(v.Install("", Listing({}, {"gone", "here"})));
  EXPECT_FALSE(v.Install("gone", Listing({}, {})));  // nothing below it any more
  EXPECT_FALSE(v.Loaded("gone"));
  EXPECT_EQ(NamesOf(v, ""), (std::vector<std::string>{"here/"}));
  EXPECT_TRUE(v.Install("", Listing({}, {})));  // the top always exists
}

TEST(ViewLoadingTest, ARecordListedElsewhereMovesThere) {
  AreaView v(false);
  ASSERT_TRUE(v.Install("", Listing({}, {"a", "b"})));
  ASSERT_TRUE(v.Install("a", Listing({Rec(1, "a/f.txt"), Rec(2, "a/g.txt")}, {})));
  // Another process moved record 1 to b/ and b/ is listed first.
  ASSERT_TRUE(v.Install("b", Listing({Rec(1, "b/f.txt")}, {})));
  EXPECT_EQ(NamesOf(v, "a"), (std::vector<std::string>{"g.txt"}));
  EXPECT_EQ(NamesOf(v, "b"), (std::vector<std::string>{"f.txt"}));
  EXPECT_EQ(v.Rec(1)->dir, "b");
  EXPECT_EQ(v.size(), 2u);
}

TEST(ViewLoadingTest, UserDirectoriesSurviveEvictionAndListings) {
  AreaView v(false);
  ASSERT_TRUE(v.Install("", Listing({}, {})));
  ASSERT_TRUE(v.MakeDir("made"));
  ASSERT_TRUE(v.MakeDir("made/inner"));
  v.Evict("");
  v.Evict("made");
  v.Evict("made/inner");
  // The registry knows nothing of them; the listings still show them until rmdir.
  ASSERT_TRUE(v.Install("", Listing({}, {})));
  EXPECT_EQ(NamesOf(v, ""), (std::vector<std::string>{"made/"}));
  ASSERT_TRUE(v.Install("made", Listing({}, {})));
  EXPECT_EQ(NamesOf(v, "made"), (std::vector<std::string>{"inner/"}));
  ASSERT_TRUE(v.Install("made/inner", Listing({}, {})));
  EXPECT_FALSE(v.RemoveDir("made"));  // not empty
  EXPECT_TRUE(v.RemoveDir("made/inner"));
  EXPECT_TRUE(v.RemoveDir("made"));
  EXPECT_TRUE(v.DirEmpty(""));
  // Kept while its parent is not loaded: shown once the parent is listed.
  AreaView w(true);
  EXPECT_TRUE(w.KeepDir("k/eep"));
  ASSERT_TRUE(w.Install("", Listing({}, {})));
  EXPECT_EQ(NamesOf(w, ""), (std::vector<std::string>{"k/"}));
}

TEST(ViewLoadingTest, ListingTheSameRecordsAgainShowsTheSameNames) {
  // Clashing names are resolved in a fixed order, whatever order the listing has.
  std::vector<FileRec> files = {
      MakeFileRec(Art(1, "aaaaaaaaaaaaaaaa0000", "d/k.csv", ".csv", "2024-01-01 00:00:00",
                      "2024-02-01 00:00:00", kStateTrash)),
      MakeFileRec(Art(2, "bbbbbbbbbbbbbbbb0000", "d/k.csv", ".csv", "2024-01-01 00:00:00",
                      "2024-03-01 00:00:00", kStateTrash)),
      MakeFileRec(Art(3, "cccccccccccccccc0000", "d/k@aaaaaaaaaaaaaaaa0000.csv", ".csv",
                      "2024-01-01 00:00:00", "2024-01-01 00:00:00", kStateTrash))};
  AreaView a(true), b(true);
  ASSERT_TRUE(a.Install("d", Listing(files, {})));
  std::reverse(files.begin(), files.end());
  ASSERT_TRUE(b.Install("d", Listing(files, {})));
  EXPECT_EQ(NamesOf(a, "d"), NamesOf(b, "d"));
  for (int64_t id : {1, 2, 3}) EXPECT_EQ(a.ShownName(id), b.ShownName(id)) << id;
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
  members[0].file = MakeFileRec(Art(1, "aaaaaaaaaaaaaaaa0000", "x/f.csv", ".csv",
                                    "2024-01-01 00:00:00", "2024-01-01 00:00:00"));
  members[1].link_id = 11;
  members[1].file = MakeFileRec(Art(2, "bbbbbbbbbbbbbbbb0000", "y/f.csv", ".csv",
                                    "2024-01-01 00:00:00", "2024-01-01 00:00:00"));
  auto mnames = MemberNames(members);
  // Link order is kept; the first keeps the plain name.
  EXPECT_EQ(mnames, (std::vector<std::string>{"f.csv", "f@bbbbbbbbbbbbbbbb0000.csv"}));
}

}  // namespace
}  // namespace regfs
