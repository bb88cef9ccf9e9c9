#include "core/clock.h"

#include <gtest/gtest.h>

#include <regex>
#include <string>

namespace regfs {
namespace {

timespec Ts(time_t sec, long nsec) {
  timespec ts{};
  ts.tv_sec = sec;
  ts.tv_nsec = nsec;
  return ts;
}

TEST(ClockTest, FormatIsUtcWithSixDigits) {
  EXPECT_EQ(FormatTimestamp(Ts(0, 0)), "1970-01-01 00:00:00.000000");
  EXPECT_EQ(FormatTimestamp(Ts(1700000000, 123456789)), "2023-11-14 22:13:20.123456");
  EXPECT_EQ(FormatTimestamp(Ts(951782400, 999)), "2000-02-29 00:00:00.000000");
  EXPECT_EQ(FormatTimestamp(Ts(1, -1)), "1970-01-01 00:00:00.999999");
}

TEST(ClockTest, FormatIgnoresTZ) {
  const char* old = getenv("TZ");
  std::string saved = old ? old : "";
  setenv("TZ", "America/New_York", 1);
  tzset();
  EXPECT_EQ(FormatTimestamp(Ts(0, 0)), "1970-01-01 00:00:00.000000");
  if (old) {
    setenv("TZ", saved.c_str(), 1);
  } else {
    unsetenv("TZ");
  }
  tzset();
}

TEST(ClockTest, NowLooksRight) {
  std::string now = NowTimestamp();
  EXPECT_TRUE(std::regex_match(now, std::regex(R"(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{6})"))) << now;
  timespec parsed{};
  ASSERT_TRUE(ParseTimestamp(now, &parsed));
  EXPECT_LE(std::llabs(static_cast<long long>(parsed.tv_sec - time(nullptr))), 5);
}

TEST(ClockTest, ParseForms) {
  timespec ts{};
  ASSERT_TRUE(ParseTimestamp("2023-11-14 22:13:20.123456", &ts));
  EXPECT_EQ(ts.tv_sec, 1700000000);
  EXPECT_EQ(ts.tv_nsec, 123456000);

  ASSERT_TRUE(ParseTimestamp("2023-11-14 22:13:20", &ts));
  EXPECT_EQ(ts.tv_sec, 1700000000);
  EXPECT_EQ(ts.tv_nsec, 0);

  ASSERT_TRUE(ParseTimestamp("2023-11-14T22:13:20.5Z", &ts));
  EXPECT_EQ(ts.tv_sec, 1700000000);
  EXPECT_EQ(ts.tv_nsec, 500000000);

  ASSERT_TRUE(ParseTimestamp("2023-11-14T22:13:20.123456789123+00:00", &ts));
  EXPECT_EQ(ts.tv_sec, 1700000000);
  EXPECT_EQ(ts.tv_nsec, 123456789);

  ASSERT_TRUE(ParseTimestamp("2023-11-15T00:13:20+02:00", &ts));
  EXPECT_EQ(ts.tv_sec, 1700000000);

  ASSERT_TRUE(ParseTimestamp("1970-01-01 00:00:00.000000", &ts));
  EXPECT_EQ(ts.tv_sec, 0);
  ASSERT_TRUE(ParseTimestamp("1969-12-31 23:59:59", &ts));
  EXPECT_EQ(ts.tv_sec, -1);
  ASSERT_TRUE(ParseTimestamp("2024-02-29 00:00:00", &ts));
}

// LaminDB's SQLite datetimes come in three text forms, sometimes in one table (fixtures
// README, "The 2.9.1 instance"): the column default's .SSS, Django's .ffffff, and no
// fraction where the default had given .000. They are the same kind of time.
TEST(ClockTest, ParsesTheThreeFormsLaminDBWrites) {
  timespec ms{}, us{}, none{};
  ASSERT_TRUE(ParseTimestamp("2026-12-04 03:39:46.009", &ms));
  ASSERT_TRUE(ParseTimestamp("2026-12-04 03:39:46.009000", &us));
  ASSERT_TRUE(ParseTimestamp("2026-12-04 03:39:46", &none));
  EXPECT_EQ(ms.tv_sec, us.tv_sec);
  EXPECT_EQ(ms.tv_nsec, 9000000);
  EXPECT_EQ(us.tv_nsec, 9000000);
  EXPECT_EQ(none.tv_sec, us.tv_sec);
  EXPECT_EQ(none.tv_nsec, 0);
  EXPECT_EQ(none.tv_sec, 1796355586);  // 2026-12-04 03:39:46 UTC
}

TEST(ClockTest, ParseRejectsGarbage) {
  timespec ts{};
  for (const char* bad : {"", "2023", "2023-11-14", "2023-11-14 22:13", "2023-13-01 00:00:00",
                          "2023-02-29 00:00:00", "2023-11-31 00:00:00", "2023-11-14 24:00:00",
                          "2023-11-14 22:60:00", "2023-11-14 22:13:20.", "2023-11-14 22:13:20x",
                          "2023-11-14X22:13:20", "2023/11/14 22:13:20", "2023-11-14 22:13:20+0"}) {
    EXPECT_FALSE(ParseTimestamp(bad, &ts)) << bad;
  }
}

TEST(ClockTest, RoundTrip) {
  for (time_t sec : {0L, 86399L, 951782400L, 1700000000L, 4102444800L}) {
    timespec in = Ts(sec, 654321000);
    timespec out{};
    ASSERT_TRUE(ParseTimestamp(FormatTimestamp(in), &out));
    EXPECT_EQ(out.tv_sec, in.tv_sec);
    EXPECT_EQ(out.tv_nsec, in.tv_nsec);
  }
}

}  // namespace
}  // namespace regfs
