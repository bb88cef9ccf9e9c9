// Version families: is_latest (kept per family and branch, as LaminDB keeps it), the uid of a
// new version, and LaminDB 0.7x's version labels.
#include <tuple>

#include "core/clock.h"
#include "core/registry/impl.h"
#include "core/storage/layout.h"
#include "core/uid.h"

namespace regfs {

namespace {

// Compared as times: LaminDB writes three text forms of a datetime (.SSS, .ffffff and none),
// and PostgreSQL's come formatted by the dialect. An unreadable one counts as the oldest.
std::pair<int64_t, long> TimeKey(std::string_view text) {
  timespec ts{};
  if (!ParseTimestamp(text, &ts)) return {INT64_MIN, 0};
  return {static_cast<int64_t>(ts.tv_sec), ts.tv_nsec};
}

}  // namespace

Status Registry::Impl::SetState(const RecordTable& t, int64_t id, int state,
                                const std::string& now) {
  return RunCached("UPDATE " + t.q + " SET " + t.state + " = ?2, updated_at = ?3 WHERE id = ?1",
                   [&](Statement& st) { st.Bind(1, id).Bind(2, state).Bind(3, now); });
}

Status Registry::Impl::SetLatest(const RecordTable& t, int64_t id, bool latest) {
  return RunCached("UPDATE " + t.q + " SET is_latest = ?2 WHERE id = ?1",
                   [&](Statement& st) { st.Bind(1, id).Bind(2, latest); });
}

Status Registry::Impl::ClearFamilyLatest(const RecordTable& t, std::string_view stem, int state,
                                         int64_t keep) {
  const std::string uid = d.Bytewise("uid");
  return RunCached(
      "UPDATE " + t.q + " SET is_latest = FALSE WHERE " + uid + " >= ?1 AND " + uid + " < ?2 AND " +
          d.Unindexed(t.state) + " = ?3 AND id <> ?4 AND " + d.Unindexed("is_latest") + " = TRUE",
      [&](Statement& st) { st.Bind(1, stem).Bind(2, StemEnd(stem)).Bind(3, state).Bind(4, keep); });
}

Status Registry::Impl::HandOffLatest(const RecordTable& t, int64_t id, std::string_view uid,
                                     int state) {
  if (!t.has_latest) return Status();
  std::string_view stem = uid.substr(0, layout::kStemLength);
  REGFS_RETURN_IF_ERROR(db.LockFamily(stem));
  const std::string u = d.Bytewise("uid");
  // The newest version remaining on the branch, and whether one of them is the latest.
  REGFS_ASSIGN_OR_RETURN(
      auto st, db.Cached("SELECT id, (SELECT count(*) FROM " + t.q + " WHERE " + u + " >= ?1 AND " +
                         u + " < ?2 AND " + d.Unindexed(t.state) + " = ?3 AND id <> ?4 AND " +
                         d.Unindexed("is_latest") + " = TRUE) FROM " + t.q + " WHERE " + u +
                         " >= ?1 AND " + u + " < ?2 AND " + d.Unindexed(t.state) +
                         " = ?3 AND id <> ?4 ORDER BY created_at DESC, id DESC LIMIT 1"));
  st->Bind(1, stem).Bind(2, StemEnd(stem)).Bind(3, state).Bind(4, id);
  REGFS_ASSIGN_OR_RETURN(bool remaining, st->Step());
  if (!remaining) return Status();  // the only version on the branch keeps is_latest
  int64_t newest = st->Int(0);
  bool held = st->Int(1) > 0;
  st->Reset();
  if (!held) REGFS_RETURN_IF_ERROR(SetLatest(t, newest, true));
  return SetLatest(t, id, false);
}

Status Registry::Impl::TakeLatestIfNewer(const RecordTable& t, int64_t id, std::string_view uid,
                                         const std::string& created_at, int state) {
  if (!t.has_latest) return Status();
  std::string_view stem = uid.substr(0, layout::kStemLength);
  REGFS_RETURN_IF_ERROR(db.LockFamily(stem));
  const std::string u = d.Bytewise("uid");
  REGFS_ASSIGN_OR_RETURN(
      auto cur, db.Cached("SELECT id, " + d.TimeText("created_at") + " FROM " + t.q + " WHERE " +
                          u + " >= ?1 AND " + u + " < ?2 AND " + d.Unindexed(t.state) +
                          " = ?3 AND id <> ?4 AND " + d.Unindexed("is_latest") +
                          " = TRUE ORDER BY created_at DESC, id DESC LIMIT 1"));
  cur->Bind(1, stem).Bind(2, StemEnd(stem)).Bind(3, state).Bind(4, id);
  REGFS_ASSIGN_OR_RETURN(bool has_cur, cur->Step());
  bool newer = !has_cur || std::make_tuple(TimeKey(created_at), id) >
                               std::make_tuple(TimeKey(cur->TextView(1)), cur->Int(0));
  cur->Reset();
  if (newer) REGFS_RETURN_IF_ERROR(ClearFamilyLatest(t, stem, state, id));
  return SetLatest(t, id, newer);
}

Result<std::string> Registry::Impl::NewVersionUidOf(std::string_view stem) {
  // Base62 suffixes have a fixed length, so the highest uid in byte order (Bytewise: never
  // a locale's collation) has the highest suffix. A newer version sitting in the trash is
  // counted too, and never collided with.
  REGFS_ASSIGN_OR_RETURN(auto st, db.Cached(top_uid));
  st->Bind(1, stem).Bind(2, StemEnd(stem));
  REGFS_ASSIGN_OR_RETURN(bool row, st->Step());
  std::string top = row ? st->Text(0) : std::string(stem);
  return NewVersionUid(top);
}

std::string NextVersion(const std::optional<std::string>& prev) {
  if (!prev || prev->empty()) return "2";
  const std::string& v = *prev;
  // Increment the last run of digits in place, keeping everything around it.
  size_t end = v.find_last_of("0123456789");
  if (end == std::string::npos) return v + ".2";  // "beta" counts as 1: "beta.2"
  size_t begin = end;
  while (begin > 0 && v[begin - 1] >= '0' && v[begin - 1] <= '9') --begin;
  std::string digits = v.substr(begin, end - begin + 1);
  int i = static_cast<int>(digits.size()) - 1;
  for (; i >= 0; --i) {
    if (digits[i] == '9') {
      digits[i] = '0';
    } else {
      ++digits[i];
      break;
    }
  }
  if (i < 0) digits.insert(digits.begin(), '1');
  return v.substr(0, begin) + digits + v.substr(end + 1);
}

}  // namespace regfs
