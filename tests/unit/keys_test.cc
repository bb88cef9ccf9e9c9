// The shared naming rules (core/keys.h), the path helpers (core/path.h) and LaminDB's file
// names (core/storage/layout.h).
#include "core/keys.h"

#include <gtest/gtest.h>

#include "core/path.h"
#include "core/storage/layout.h"

namespace regfs {
namespace {

TEST(PathTest, FileSystemPaths) {
  EXPECT_EQ(path::DirName("/a/b"), "/a");
  EXPECT_EQ(path::DirName("b"), ".");
  EXPECT_EQ(path::DirName("/b"), "/");
  EXPECT_EQ(path::BaseName("/a/b"), "b");
  EXPECT_EQ(path::BaseName("/a/b//"), "b");
  EXPECT_EQ(path::BaseName("/"), "/");
  EXPECT_EQ(path::StripTrailingSlashes("/a/b//"), "/a/b");
  EXPECT_EQ(path::StripTrailingSlashes("///"), "/");
}

TEST(PathTest, AreaPaths) {
  EXPECT_EQ(path::ParentOf("a/b/c"), "a/b");
  EXPECT_EQ(path::ParentOf("c"), "");
  EXPECT_EQ(path::BaseOf("a/b/c"), "c");
  EXPECT_EQ(path::Join("", "c"), "c");
  EXPECT_EQ(path::Join("a/b", "c"), "a/b/c");
  EXPECT_EQ(path::Join("/root/", "c"), "/root/c");
  EXPECT_TRUE(path::AtOrBelow("a/b", "a"));
  EXPECT_TRUE(path::AtOrBelow("a", "a"));
  EXPECT_TRUE(path::AtOrBelow("a", ""));
  EXPECT_FALSE(path::AtOrBelow("ab", "a"));
}

TEST(PathTest, InsideAcceptsOnlyPlainComponentsStrictlyBelow) {
  EXPECT_EQ(path::RelativeInside("/r/a/b", "/r").value_or("?"), "a/b");
  EXPECT_EQ(path::RelativeInside("/x", "/").value_or("?"), "x");
  EXPECT_FALSE(path::Inside("/r", "/r"));
  EXPECT_FALSE(path::Inside("/rx/a", "/r"));
  EXPECT_FALSE(path::Inside("/r/../x", "/r"));
  EXPECT_FALSE(path::Inside("/r//x", "/r"));
  EXPECT_FALSE(path::Inside("/r/./x", "/r"));
  EXPECT_FALSE(path::Inside(std::string("/r/a\0b", 6), "/r")) << "a NUL cuts a path short";
}

TEST(KeysTest, KeyDirIsTheDeepestSafeDirectory) {
  EXPECT_EQ(keys::KeyDir("a/b/c.txt"), "a/b");
  EXPECT_EQ(keys::KeyDir("c.txt"), "");
  EXPECT_EQ(keys::KeyDir("x/../y.txt"), "x");
  EXPECT_EQ(keys::KeyDir("../y.txt"), "");
  EXPECT_EQ(keys::KeyDir("a//b"), "a");
}

TEST(KeysTest, AtUidName) {
  EXPECT_EQ(keys::AtUidName("x.txt", "U", ".txt"), "x@U.txt");
  EXPECT_EQ(keys::AtUidName("x", "U", ".txt"), "x@U.txt");
  EXPECT_EQ(keys::AtUidName("x.tar.gz", "U", ".tar.gz"), "x@U.tar.gz");
}

TEST(KeysTest, TheMostRecentlyTrashedComesFirstThenTheHigherId) {
  // LaminDB's three text forms of one instant are the same time.
  timespec a = keys::TrashTime("2026-12-04 03:39:46");
  timespec b = keys::TrashTime("2026-12-04 03:39:46.000");
  timespec c = keys::TrashTime("2026-12-04 03:39:46.000000");
  EXPECT_FALSE(keys::TrashedLater(a, 1, b, 2));
  EXPECT_TRUE(keys::TrashedLater(c, 2, a, 1)) << "a tie goes to the higher id";
  timespec later = keys::TrashTime("2026-12-04 03:39:46.5");
  EXPECT_TRUE(keys::TrashedLater(later, 1, c, 9));
  // Compared as times, not as text: ".5" is later than ".123456".
  EXPECT_TRUE(keys::TrashedLater(later, 1, keys::TrashTime("2026-12-04 03:39:46.123456"), 9));
  timespec unreadable = keys::TrashTime("not a time");
  EXPECT_FALSE(keys::TrashedLater(unreadable, 99, a, 1)) << "unreadable counts as oldest";
}

TEST(KeysTest, LatestFirst) {
  timespec t1 = keys::TrashTime("2026-01-01 00:00:00.1");
  timespec t2 = keys::TrashTime("2026-01-01 00:00:00.2");
  EXPECT_TRUE(keys::LatestFirst(true, t1, 1, false, t2, 2)) << "is_latest wins";
  EXPECT_TRUE(keys::LatestFirst(false, t2, 1, false, t1, 2)) << "then the newer";
  EXPECT_TRUE(keys::LatestFirst(false, t1, 2, false, t1, 1)) << "then the higher id";
}

TEST(KeysTest, OtypeAsLaminDBSetsItFromThePath) {
  EXPECT_EQ(keys::OtypeOf("t.csv"), "DataFrame");
  EXPECT_EQ(keys::OtypeOf("dir/x.parquet"), "DataFrame");
  EXPECT_EQ(keys::OtypeOf("x.ipc"), "DataFrame");
  EXPECT_EQ(keys::OtypeOf("x.csv.gz"), std::nullopt) << "the last extension counts";
  EXPECT_EQ(keys::OtypeOf("x.h5ad"), "AnnData");
  EXPECT_EQ(keys::OtypeOf("x.h5ad.gz"), "AnnData") << "any extension counts";
  EXPECT_EQ(keys::OtypeOf("x.h5mu"), "MuData");
  EXPECT_EQ(keys::OtypeOf("f1.txt"), std::nullopt);
  EXPECT_EQ(keys::OtypeOf(".csv"), std::nullopt);
}

TEST(LayoutTest, LaminDBFilesAreNoArtifacts) {
  for (const char* n :
       {"lamin.db", "lamin.db-wal", "lamin.db-shm", "lamin.db-journal", "lamin.db.gz",
        "_is_initialized", "storage_uid.txt", "_exclusion", ".regfs-staging"}) {
    EXPECT_TRUE(layout::IsInstanceFile(n)) << n;
  }
  EXPECT_FALSE(layout::IsInstanceFile("1QNjg3m2ib8oS35n0000.txt"));
  EXPECT_FALSE(layout::IsInstanceFile("5jotKTr2ojPP9STT"));
}

TEST(LayoutTest, NamesAndMarkers) {
  EXPECT_EQ(layout::ManagedKey("1QNjg3m2ib8oS35n0000", ".txt", false),
            ".lamindb/1QNjg3m2ib8oS35n0000.txt");
  EXPECT_EQ(layout::ManagedKey("5jotKTr2ojPP9STT0000", "", true), ".lamindb/5jotKTr2ojPP9STT");
  EXPECT_EQ(layout::DbPath("/r"), "/r/.lamindb/lamin.db");
  EXPECT_TRUE(layout::IsLegacyDbName("0088f8a3dd1b5657a48d24591fc09add.lndb"));
  EXPECT_FALSE(layout::IsLegacyDbName(".lndb"));
  // storage_uid.txt as LaminDB 2.9 writes it, and _is_initialized as 0.73 does.
  EXPECT_EQ(layout::StorageUidOfMarker("MyDwGh2K3K4Q\ncreation info:\ninstance_slug=a/b"),
            "MyDwGh2K3K4Q");
  EXPECT_EQ(layout::StorageUidOfMarker("rJo943tZsDm8"), "rJo943tZsDm8");
}

}  // namespace
}  // namespace regfs
