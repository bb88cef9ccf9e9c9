#include "core/clock.h"

#include <cstdint>
#include <cstdio>

namespace regfs {

namespace {

// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's civil algorithm).
// Done by hand so that parsing depends neither on TZ nor on timegm().
int64_t DaysFromCivil(int64_t y, unsigned m, unsigned d) {
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int64_t>(doe) - 719468;
}

bool IsLeap(int64_t y) {
  return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

unsigned DaysInMonth(int64_t y, unsigned m) {
  static constexpr unsigned kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && IsLeap(y) ? 29 : kDays[m - 1];
}

// Reads exactly `n` decimal digits at *pos.
bool Digits(std::string_view s, size_t* pos, size_t n, int* out) {
  if (*pos + n > s.size()) return false;
  int v = 0;
  for (size_t i = 0; i < n; ++i) {
    char c = s[*pos + i];
    if (c < '0' || c > '9') return false;
    v = v * 10 + (c - '0');
  }
  *pos += n;
  *out = v;
  return true;
}

bool Expect(std::string_view s, size_t* pos, char c) {
  if (*pos >= s.size() || s[*pos] != c) return false;
  ++*pos;
  return true;
}

}  // namespace

std::string NowTimestamp() {
  timespec ts{};
  clock_gettime(CLOCK_REALTIME, &ts);
  return FormatTimestamp(ts);
}

std::string FormatTimestamp(const timespec& ts) {
  // Normalize first: a negative tv_nsec would otherwise print as garbage.
  int64_t sec = ts.tv_sec + ts.tv_nsec / 1000000000;
  int64_t nsec = ts.tv_nsec % 1000000000;
  if (nsec < 0) {
    nsec += 1000000000;
    --sec;
  }
  time_t t = static_cast<time_t>(sec);
  tm utc{};
  gmtime_r(&t, &utc);
  char buf[64];
  std::snprintf(buf, sizeof(buf), "%04d-%02d-%02d %02d:%02d:%02d.%06lld", utc.tm_year + 1900,
                utc.tm_mon + 1, utc.tm_mday, utc.tm_hour, utc.tm_min, utc.tm_sec,
                static_cast<long long>(nsec / 1000));
  return buf;
}

bool ParseTimestamp(std::string_view text, timespec* out) {
  size_t p = 0;
  int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0;
  if (!Digits(text, &p, 4, &year) || !Expect(text, &p, '-') || !Digits(text, &p, 2, &month) ||
      !Expect(text, &p, '-') || !Digits(text, &p, 2, &day)) {
    return false;
  }
  if (p >= text.size() || (text[p] != ' ' && text[p] != 'T')) return false;
  ++p;
  if (!Digits(text, &p, 2, &hour) || !Expect(text, &p, ':') || !Digits(text, &p, 2, &minute) ||
      !Expect(text, &p, ':') || !Digits(text, &p, 2, &second)) {
    return false;
  }
  if (month < 1 || month > 12 || day < 1 ||
      static_cast<unsigned>(day) > DaysInMonth(year, static_cast<unsigned>(month)) || hour > 23 ||
      minute > 59 || second > 60) {  // 60: a leap second rolls over
    return false;
  }
  int64_t nsec = 0;
  if (p < text.size() && text[p] == '.') {
    ++p;
    size_t start = p;
    int64_t scale = 100000000;
    while (p < text.size() && text[p] >= '0' && text[p] <= '9') {
      // Digits past nanoseconds are dropped, not rounded: a timestamp never moves forward.
      nsec += (text[p] - '0') * scale;
      scale /= 10;
      ++p;
    }
    if (p == start) return false;
  }
  int64_t offset = 0;  // seconds east of UTC
  if (p < text.size()) {
    if (text[p] == 'Z') {
      ++p;
    } else if (text[p] == '+' || text[p] == '-') {
      int sign = text[p] == '+' ? 1 : -1;
      ++p;
      int oh, om;
      if (!Digits(text, &p, 2, &oh)) return false;
      if (p < text.size() && text[p] == ':') ++p;
      if (!Digits(text, &p, 2, &om) || oh > 23 || om > 59) return false;
      offset = sign * (oh * 3600 + om * 60);
    }
  }
  if (p != text.size()) return false;
  int64_t days = DaysFromCivil(year, static_cast<unsigned>(month), static_cast<unsigned>(day));
  out->tv_sec = static_cast<time_t>(days * 86400 + hour * 3600 + minute * 60 + second - offset);
  out->tv_nsec = static_cast<long>(nsec);
  return true;
}

}  // namespace regfs
