#include "core/uid.h"

#include <gtest/gtest.h>

#include <array>
#include <set>
#include <string>

namespace regfs {
namespace {

TEST(UidTest, LengthsAndAlphabet) {
  EXPECT_EQ(NewArtifactUid().size(), 20u);
  EXPECT_EQ(NewCollectionUid().size(), 20u);
  EXPECT_EQ(NewStorageUid().size(), 12u);
  EXPECT_EQ(NewUserUid().size(), 8u);
  EXPECT_EQ(RandomBase62(0), "");
  EXPECT_EQ(RandomBase62(1000).size(), 1000u);
  for (int i = 0; i < 100; ++i) EXPECT_TRUE(IsBase62(NewArtifactUid()));
}

TEST(UidTest, Unique) {
  std::set<std::string> seen;
  for (int i = 0; i < 10000; ++i) EXPECT_TRUE(seen.insert(NewArtifactUid()).second);
}

TEST(UidTest, RoughlyUniform) {
  // 62,000 draws: each character expects 1,000. A modulo bias (bytes 248..255 folded onto
  // the first 8 characters) would show up as ~1,130 for those; plain chance stays within
  // about +-100 (3 sigma). The bounds are loose so that the test never flakes.
  std::array<int, 128> counts{};
  std::string s = RandomBase62(62000);
  for (char c : s) ++counts[static_cast<unsigned char>(c)];
  for (char c : kBase62) {
    EXPECT_GT(counts[static_cast<unsigned char>(c)], 800) << c;
    EXPECT_LT(counts[static_cast<unsigned char>(c)], 1200) << c;
  }
}

TEST(UidTest, NewVersionKeepsStem) {
  std::string uid = NewArtifactUid();
  std::string v = NewVersionUid(uid);
  ASSERT_EQ(v.size(), 20u);
  EXPECT_EQ(v.substr(0, 16), uid.substr(0, 16));
  EXPECT_TRUE(IsBase62(v));
  // From a bare stem as well.
  EXPECT_EQ(NewVersionUid(uid.substr(0, 16)).substr(0, 16), uid.substr(0, 16));
}

TEST(UidTest, VersionSuffixFollowsLaminDB) {
  std::string uid = NewArtifactUid();
  EXPECT_EQ(uid.substr(16), "0000");
  EXPECT_EQ(NewVersionUid(uid).substr(16), "0001");
  EXPECT_EQ(NewVersionUid(uid.substr(0, 16) + "0009").substr(16), "000A");
  EXPECT_EQ(NewVersionUid(uid.substr(0, 16) + "000z").substr(16), "0010");
  EXPECT_EQ(IncrementBase62("0zzz"), "1000");
  EXPECT_EQ(NewVersionUid(uid.substr(0, 16)).substr(16), "0001");
}

TEST(UidTest, IsBase62) {
  EXPECT_TRUE(IsBase62(""));
  EXPECT_TRUE(IsBase62("09AZaz"));
  EXPECT_FALSE(IsBase62("ab-c"));
  EXPECT_FALSE(IsBase62("ab_c"));
  EXPECT_FALSE(IsBase62("a/b"));
  EXPECT_FALSE(IsBase62(std::string("ab\0c", 4)));
  EXPECT_FALSE(IsBase62("\xc3\xa9"));
}

TEST(UidTest, LooksLikeUid) {
  EXPECT_TRUE(LooksLikeUid("0123456789abcdefGHIJ"));
  EXPECT_FALSE(LooksLikeUid("0123456789abcdef"));
  EXPECT_TRUE(LooksLikeUid("0123456789abcdef", /*allow_stem=*/true));
  EXPECT_FALSE(LooksLikeUid("0123456789abcdefGHI"));
  EXPECT_FALSE(LooksLikeUid("0123456789abcdefGHIJK"));
  EXPECT_FALSE(LooksLikeUid("0123456789abcdefGHI."));
  EXPECT_FALSE(LooksLikeUid(""));
  EXPECT_FALSE(LooksLikeUid("", true));
}

}  // namespace
}  // namespace regfs
