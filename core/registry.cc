#include "core/registry.h"

#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>  // renameat2
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <set>
#include <tuple>

#include "core/clock.h"
#include "core/sql/open.h"
#include "core/storage.h"
#include "core/uid.h"

namespace regfs {

namespace {

constexpr size_t kStemLen = 16;
constexpr const char* kPendingTable = "regfs_pending";

// A version family is every uid starting with the same 16-char stem. Uids are base62, so
// [stem, stem + "\x7f") is exactly the family and the uid's UNIQUE index serves the range.
std::string StemOf(std::string_view uid) {
  return std::string(uid.substr(0, kStemLen));
}
std::string StemEnd(const std::string& stem) {
  return stem + '\x7f';
}

bool PathExists(const std::string& path) {
  struct stat st;
  return lstat(path.c_str(), &st) == 0;
}

std::string DirName(const std::string& path) {
  size_t slash = path.find_last_of('/');
  if (slash == std::string::npos) return ".";
  if (slash == 0) return "/";
  return path.substr(0, slash);
}

std::string StripSlashes(std::string s) {
  while (!s.empty() && s.back() == '/') s.pop_back();
  return s;
}

// True when `path` lies strictly below `root` with no "", "." or ".." component on the way:
// the only paths a pending operation may ever touch.
bool Inside(const std::string& path, const std::string& root) {
  if (path.size() <= root.size() + 1 || path.compare(0, root.size(), root) != 0 ||
      path[root.size()] != '/') {
    return false;
  }
  std::string_view rest = std::string_view(path).substr(root.size() + 1);
  for (;;) {
    size_t slash = rest.find('/');
    std::string_view comp = rest.substr(0, slash);
    if (comp.empty() || comp == "." || comp == "..") return false;
    if (slash == std::string_view::npos) return true;
    rest.remove_prefix(slash + 1);
  }
}

// A file whose path is its key: it has to move on disk when the key changes.
bool IsRealKey(const Artifact& a) {
  return a.real_key.has_value() || (!a.key_is_virtual && a.key.has_value());
}

std::string Describe(const Artifact& a) {
  return "uid " + a.uid;
}

// mkdir -p below `root` (the directories of a real key).
Status MakeParents(const std::string& path, const std::string& root) {
  std::string dir = DirName(path);
  if (dir == root || dir.size() < root.size() || PathExists(dir)) return Status();
  REGFS_RETURN_IF_ERROR(MakeParents(dir, root));
  if (mkdir(dir.c_str(), 0777) != 0 && errno != EEXIST) {
    return Status::FromErrno(errno, "mkdir " + dir);
  }
  return Status();
}

// Renames without ever replacing an existing target.
Status MoveNoReplace(const std::string& from, const std::string& to) {
  if (renameat2(AT_FDCWD, from.c_str(), AT_FDCWD, to.c_str(), RENAME_NOREPLACE) == 0) {
    return Status();
  }
  int err = errno;
  if (err == EINVAL || err == ENOSYS) {
    // A filesystem without RENAME_NOREPLACE: check, then rename (the window is ours alone,
    // since regfs is the only writer of real-key paths it moves).
    if (PathExists(to)) return Status::FromErrno(EEXIST, "rename " + from + " -> " + to);
    if (rename(from.c_str(), to.c_str()) == 0) return Status();
    err = errno;
  }
  return Status::FromErrno(err, "rename " + from + " -> " + to);
}

// Removes now-empty directories left behind by a move out of a real-key directory, up to
// (not including) the instance root. Stops at the first one that is not empty.
void PruneEmptyDirs(const std::string& path, const std::string& root) {
  for (std::string dir = DirName(path); Inside(dir, root); dir = DirName(dir)) {
    if (rmdir(dir.c_str()) != 0) break;
  }
}

// Table of records with a state column, a uid family and maybe is_latest: the artifact and
// the collection table share the life-cycle rules.
struct Tbl {
  std::string q;      // quoted table name
  std::string state;  // quoted state column
  bool has_latest = false;
};

}  // namespace

// ------------------------------------------------------------------------------ Impl

struct Registry::Impl {
  Impl(const InstanceInfo& info, SqlDb& db) : info(info), s(info.schema), db(db) {
    auto q = [](const std::string& c) { return QuoteId(c); };
    art = Tbl{q(s.artifact), q(s.state_col), s.artifact_has_is_latest};
    coll = Tbl{q(s.collection), q(s.collection_state_col), s.collection_has_is_latest};
    link = q(s.collection_artifact);

    auto acol = [&](const std::string& c) { return c.empty() ? "NULL" : "a." + q(c); };
    auto aopt = [&](const char* c) { return s.HasArtifactColumn(c) ? "a." + q(c) : "NULL"; };
    // Without a stored is_latest, the latest of a family on a branch is its newest row.
    std::string latest =
        s.artifact_has_is_latest
            ? "a.is_latest"
            : "NOT EXISTS (SELECT 1 FROM " + art.q +
                  " b WHERE b.uid >= substr(a.uid, 1, 16) "
                  "AND b.uid < substr(a.uid, 1, 16) || char(127) AND +b." +
                  art.state + " = a." + art.state +
                  " AND (b.created_at > a.created_at OR (b.created_at = a.created_at "
                  "AND b.id > a.id)))";
    std::string folder = s.folder_flag_col.empty()
                             ? "(a." + q(s.n_objects_col) + " IS NOT NULL)"
                             : "coalesce(a." + q(s.folder_flag_col) + ", FALSE)";
    // Column order is ReadArtifact's; `is_latest` is the expression for regfs_is_latest.
    auto cols = [&](const std::string& is_latest) {
      return "a.id, a.uid, a.key, a.suffix, " + aopt("description") + ", " + acol(s.accessor_col) +
             ", a.size, a.hash, " + acol(s.hash_type_col) + ", " + acol(s.n_objects_col) + ", " +
             aopt("n_observations") + ", a." + art.state + ", a." + q(s.key_virtual_col) + ", " +
             acol(s.real_key_col) + ", " + acol(s.version_col) + ", (" + is_latest +
             ") AS regfs_is_latest, " + folder + ", a.storage_id, " + acol(s.transform_col) + ", " +
             aopt("run_id") + ", a.created_by_id, a.created_at, a.updated_at";
    };
    a_cols = cols(latest);
    sel_a = "SELECT " + a_cols + " FROM " + art.q + " a ";
    // The same row for the transitions: they use is_latest only where the column exists, so
    // without it the per-row family subquery is left out.
    std::string sel_tx =
        s.artifact_has_is_latest ? sel_a : "SELECT " + cols("TRUE") + " FROM " + art.q + " a ";
    const char* newest_first = "regfs_is_latest DESC, a.created_at DESC, a.id DESC";

    by_id = sel_a + "WHERE a.id = ?1";
    by_id_tx = sel_tx + "WHERE a.id = ?1";
    by_uid = sel_a + "WHERE a.uid = ?1";
    by_stem = sel_a + "WHERE a.uid >= ?1 AND a.uid < ?2 ORDER BY (a." + art.state + " = 1) DESC, " +
              newest_first + " LIMIT 1";
    family = sel_a + "WHERE a.uid >= ?1 AND a.uid < ?2 ORDER BY a.created_at, a.id";
    // A unary + keeps SQLite (which has no statistics here) off the state and storage
    // indexes, where nearly every row matches, and on the selective key/hash/uid indexes.
    by_key = sel_a + "WHERE a.key = ?1 AND +a." + art.state + " = ?2 ORDER BY " + newest_first;
    under = sel_a + "WHERE a.key >= ?1 AND a.key < ?2 AND +a." + art.state +
            " = ?3 ORDER BY a.key, " + newest_first;
    all_of_state = sel_a + "WHERE a." + art.state + " = ?1 ORDER BY a.id";
    all = sel_a + "ORDER BY a.id";
    same_content = sel_a + "WHERE +a.storage_id = ?1 AND a.key IS ?2 AND a.hash = ?3 ORDER BY (a." +
                   art.state + " = 1) DESC, a.updated_at DESC, a.id DESC LIMIT 1";
    path_sharers = sel_tx + "WHERE (a.uid >= ?1 AND a.uid < ?2) OR a.key = ?3";
    members = "SELECT " + a_cols + " FROM " + link + " l JOIN " + art.q +
              " a ON a.id = l.artifact_id WHERE l.collection_id = ?1 ORDER BY l.id";

    auto copt = [&](const char* c) { return s.HasCollectionColumn(c) ? "c." + q(c) : "NULL"; };
    std::string c_cols =
        "c.id, c.uid, c." + q(s.collection_name_col) + ", " + copt("description") + ", " +
        (s.collection_version_col.empty() ? "NULL" : "c." + q(s.collection_version_col)) + ", " +
        copt("hash") + ", c." + coll.state + ", c." + q(s.collection_meta_col) +
        ", c.created_at, c.updated_at";
    sel_c = "SELECT " + c_cols + " FROM " + coll.q + " c ";

    member_of = "SELECT c.uid FROM " + link + " l JOIN " + coll.q +
                " c ON c.id = l.collection_id WHERE l.artifact_id = ?1 ORDER BY l.id LIMIT 1";
    meta_of = "SELECT uid FROM " + coll.q + " WHERE " + q(s.collection_meta_col) + " = ?1 LIMIT 1";

    // Every NOT NULL column regfs knows; the 0.7x tables have no defaults. The >= 1.0
    // columns left out (branch metadata, space, locks) have defaults.
    insert_cols = {
        "uid",         "key",           "suffix",        "description", "size",
        "hash",        s.hash_type_col, s.n_objects_col, s.state_col,   s.key_virtual_col,
        s.version_col, "storage_id",    "created_by_id", "created_at",  "updated_at"};
    if (s.artifact_has_is_latest) insert_cols.push_back("is_latest");
    if (!s.folder_flag_col.empty()) insert_cols.push_back(s.folder_flag_col);
    std::string names, params;
    for (size_t i = 0; i < insert_cols.size(); ++i) {
      names += (i ? ", " : "") + q(insert_cols[i]);
      params += (i ? ", ?" : "?") + std::to_string(i + 1);
    }
    insert_artifact =
        "INSERT INTO " + art.q + " (" + names + ") VALUES (" + params + ") RETURNING id";

    // The light listing of the mount (Registry::Listed), in ReadListed's column order. A
    // unary + keeps SQLite on the key index (the state index matches nearly every row).
    std::string l_state = QuoteId(s.state_col);
    std::string l_folder = s.folder_flag_col.empty()
                               ? "(" + QuoteId(s.n_objects_col) + " IS NOT NULL)"
                               : "coalesce(" + QuoteId(s.folder_flag_col) + ", FALSE)";
    std::string l_sel =
        "SELECT id, uid, CASE WHEN typeof(key) = 'text' THEN key END, suffix, "
        "coalesce(size, 0), created_at, updated_at, " +
        l_state + ", " + (s.artifact_has_is_latest ? "is_latest" : "TRUE") + ", " + l_folder +
        " FROM " + art.q + " ";
    std::string shown = "+" + l_state + " IN (1, -1)";
    list_keyless =
        l_sel + "WHERE (key IS NULL OR key < '' OR key >= X'') AND +" + l_state + " = ?1";
    list_top = l_sel + "WHERE key >= ?1 AND key < X'' AND +" + l_state + " = ?2 ORDER BY key";
    list_range = l_sel + "WHERE key >= ?1 AND key < ?3 AND +" + l_state + " = ?2 ORDER BY key";
    list_at_key = l_sel + "WHERE key = ?1 AND " + shown;
    list_by_id = l_sel + "WHERE id = ?1 AND " + shown;
  }

  const InstanceInfo& info;
  const Schema& s;
  SqlDb& db;
  Tbl art, coll;
  std::string link;
  std::string a_cols, sel_a, sel_c;
  std::string by_id, by_id_tx, by_uid, by_stem, family, by_key, under, all_of_state, all,
      same_content, path_sharers, members, member_of, meta_of, insert_artifact;
  std::string list_keyless, list_top, list_range, list_at_key, list_by_id;
  std::vector<std::string> insert_cols;

  const Storage& storage() const { return *info.storage; }

  // ---------------------------------------------------------------- reading rows

  // The artifact columns (a_cols) from column `c` on.
  static Artifact ReadArtifact(const Statement& st, int c = 0) {
    Artifact a;
    a.id = st.Int(c + 0);
    a.uid = st.Text(c + 1);
    a.key = st.OptText(c + 2);
    a.suffix = st.Text(c + 3);
    a.description = st.OptText(c + 4);
    a.accessor = st.OptText(c + 5);
    a.size = st.OptInt(c + 6);
    a.hash = st.OptText(c + 7);
    a.hash_type = st.OptText(c + 8);
    a.n_objects = st.OptInt(c + 9);
    a.n_observations = st.OptInt(c + 10);
    a.state = static_cast<int>(st.Int(c + 11));
    a.key_is_virtual = st.Bool(c + 12);
    a.real_key = st.OptText(c + 13);
    a.version = st.OptText(c + 14);
    a.is_latest = st.Bool(c + 15);
    a.is_folder = st.Bool(c + 16);
    a.storage_id = st.Int(c + 17);
    a.transform_id = st.OptInt(c + 18);
    a.run_id = st.OptInt(c + 19);
    a.created_by_id = st.Int(c + 20);
    a.created_at = st.Text(c + 21);
    a.updated_at = st.Text(c + 22);
    return a;
  }

  static Collection ReadCollection(const Statement& st) {
    Collection c;
    c.id = st.Int(0);
    c.uid = st.Text(1);
    c.name = st.Text(2);
    c.description = st.OptText(3);
    c.version = st.OptText(4);
    c.hash = st.OptText(5);
    c.state = static_cast<int>(st.Int(6));
    c.meta_artifact_id = st.OptInt(7);
    c.created_at = st.Text(8);
    c.updated_at = st.Text(9);
    return c;
  }

  // Steps `st` to the end. Rows are collected before the caller acts on them, so a cached
  // statement is never re-entered while it is being stepped.
  static Result<std::vector<Artifact>> CollectArtifacts(Statement& st) {
    std::vector<Artifact> out;
    for (;;) {
      REGFS_ASSIGN_OR_RETURN(bool row, st.Step());
      if (!row) return out;
      out.push_back(ReadArtifact(st));
    }
  }

  static Result<std::vector<Collection>> CollectCollections(Statement& st) {
    std::vector<Collection> out;
    for (;;) {
      REGFS_ASSIGN_OR_RETURN(bool row, st.Step());
      if (!row) return out;
      out.push_back(ReadCollection(st));
    }
  }

  template <typename T>
  static std::optional<T> First(std::vector<T> v) {
    if (v.empty()) return std::nullopt;
    return std::move(v.front());
  }

  Result<std::optional<Artifact>> GetArtifact(int64_t id) {
    REGFS_ASSIGN_OR_RETURN(auto st, db.Cached(by_id));
    st->Bind(1, id);
    REGFS_ASSIGN_OR_RETURN(auto v, CollectArtifacts(*st));
    return First(std::move(v));
  }

  // The row a transition acts on (is_latest as stored; without the column, true).
  Result<Artifact> MustArtifact(int64_t id, std::string_view what) {
    REGFS_ASSIGN_OR_RETURN(auto st, db.Cached(by_id_tx));
    st->Bind(1, id);
    REGFS_ASSIGN_OR_RETURN(auto v, CollectArtifacts(*st));
    std::optional<Artifact> a = First(std::move(v));
    if (!a)
      return Status::NotFound(std::string(what) + " artifact id " + std::to_string(id) +
                              ": no such artifact");
    return std::move(*a);
  }

  Result<std::vector<Artifact>> ByKey(std::string_view key, int state) {
    REGFS_ASSIGN_OR_RETURN(auto st, db.Cached(by_key));
    st->Bind(1, key).Bind(2, state);
    return CollectArtifacts(*st);
  }

  Result<std::vector<Artifact>> Family(const std::string& stem) {
    REGFS_ASSIGN_OR_RETURN(auto st, db.Cached(family));
    st->Bind(1, stem).Bind(2, StemEnd(stem));
    return CollectArtifacts(*st);
  }

  Result<std::vector<Artifact>> Under(std::string_view dir_in, int state) {
    std::string dir = StripSlashes(std::string(dir_in));
    REGFS_ASSIGN_OR_RETURN(auto st, db.Cached(under));
    // '0' is the byte after '/': [dir/, dir0) is every key below dir, and nothing else.
    if (dir.empty()) {
      st->Bind(1, "").Bind(2, "\xff");  // above every UTF-8 lead byte
    } else {
      st->Bind(1, dir + "/").Bind(2, dir + "0");
    }
    st->Bind(3, state);
    return CollectArtifacts(*st);
  }

  Result<std::optional<Collection>> GetCollection(int64_t id) {
    REGFS_ASSIGN_OR_RETURN(auto st, db.Cached(sel_c + "WHERE c.id = ?1"));
    st->Bind(1, id);
    REGFS_ASSIGN_OR_RETURN(auto v, CollectCollections(*st));
    return First(std::move(v));
  }

  Result<Collection> MustCollection(int64_t id, std::string_view what) {
    REGFS_ASSIGN_OR_RETURN(auto c, GetCollection(id));
    if (!c)
      return Status::NotFound(std::string(what) + " collection id " + std::to_string(id) +
                              ": no such collection");
    return std::move(*c);
  }

  // ---------------------------------------------------------------- writing rows

  Status RunCached(const std::string& sql, const std::function<void(Statement&)>& bind) {
    REGFS_ASSIGN_OR_RETURN(auto st, db.Cached(sql));
    bind(*st);
    return st->Run();
  }

  Status SetState(const Tbl& t, int64_t id, int state, const std::string& now) {
    return RunCached("UPDATE " + t.q + " SET " + t.state + " = ?2, updated_at = ?3 WHERE id = ?1",
                     [&](Statement& st) { st.Bind(1, id).Bind(2, state).Bind(3, now); });
  }

  Status SetLatest(const Tbl& t, int64_t id, bool latest, const std::string& now) {
    return RunCached("UPDATE " + t.q + " SET is_latest = ?2, updated_at = ?3 WHERE id = ?1",
                     [&](Statement& st) { st.Bind(1, id).Bind(2, latest).Bind(3, now); });
  }

  // Clears is_latest on every row of the family on branch `state` except `keep`.
  Status ClearFamilyLatest(const Tbl& t, const std::string& stem, int state, int64_t keep,
                           const std::string& now) {
    return RunCached("UPDATE " + t.q +
                         " SET is_latest = FALSE, updated_at = ?5 WHERE uid >= ?1 AND "
                         "uid < ?2 AND +" +
                         t.state + " = ?3 AND id <> ?4 AND +is_latest = TRUE",
                     [&](Statement& st) {
                       st.Bind(1, stem).Bind(2, StemEnd(stem)).Bind(3, state).Bind(4, keep);
                       st.Bind(5, now);
                     });
  }

  // Row `id` (the family's latest on branch `state`) is leaving that branch: it loses
  // is_latest, and the newest remaining version on the branch (created_at, then id) gains
  // it, unless another row already holds it.
  Status HandOffLatest(const Tbl& t, int64_t id, std::string_view uid, int state,
                       const std::string& now) {
    if (!t.has_latest) return Status();
    std::string stem = StemOf(uid);
    REGFS_RETURN_IF_ERROR(SetLatest(t, id, false, now));
    std::string fam = "uid >= ?1 AND uid < ?2 AND +" + t.state + " = ?3 AND id <> ?4";
    return RunCached(
        "UPDATE " + t.q + " SET is_latest = TRUE, updated_at = ?5 WHERE id = (SELECT id FROM " +
            t.q + " WHERE " + fam +
            " ORDER BY created_at DESC, id DESC LIMIT 1) AND NOT EXISTS "
            "(SELECT 1 FROM " +
            t.q + " WHERE " + fam + " AND +is_latest = TRUE)",
        [&](Statement& st) {
          st.Bind(1, stem).Bind(2, StemEnd(stem)).Bind(3, state).Bind(4, id).Bind(5, now);
        });
  }

  // Row `id` has arrived on branch `state`: it takes is_latest when it is newer than the
  // family's current latest there (or there is none), and does not hold it otherwise.
  Status TakeLatestIfNewer(const Tbl& t, int64_t id, std::string_view uid,
                           const std::string& created_at, int state, const std::string& now) {
    if (!t.has_latest) return Status();
    std::string stem = StemOf(uid);
    REGFS_ASSIGN_OR_RETURN(auto cur, db.Cached("SELECT id, created_at FROM " + t.q +
                                               " WHERE uid >= ?1 AND "
                                               "uid < ?2 AND +" +
                                               t.state +
                                               " = ?3 AND id <> ?4 AND +is_latest = TRUE "
                                               "ORDER BY created_at DESC, id DESC LIMIT 1"));
    cur->Bind(1, stem).Bind(2, StemEnd(stem)).Bind(3, state).Bind(4, id);
    REGFS_ASSIGN_OR_RETURN(bool has_cur, cur->Step());
    bool newer = !has_cur || std::tie(created_at, id) > std::make_tuple(cur->Text(1), cur->Int(0));
    if (newer) {
      REGFS_RETURN_IF_ERROR(ClearFamilyLatest(t, stem, state, id, now));
    }
    return SetLatest(t, id, newer, now);
  }

  Result<int64_t> AddPending(std::string_view op, const std::string& path,
                             const std::optional<std::string>& path2, const std::string& now) {
    REGFS_ASSIGN_OR_RETURN(auto st, db.Cached(std::string("INSERT INTO ") + kPendingTable +
                                              " (op, path, path2, created_at) "
                                              "VALUES (?1, ?2, ?3, ?4) RETURNING id"));
    st->Bind(1, op).Bind(2, path).Bind(3, path2).Bind(4, now);
    return st->RunReturningId();
  }

  Status DropPending(int64_t id) {
    return RunCached(std::string("DELETE FROM ") + kPendingTable + " WHERE id = ?1",
                     [&](Statement& st) { st.Bind(1, id); });
  }

  // ---------------------------------------------------------------- transitions (in txn)

  Status DoTrash(const Artifact& a, const std::string& now) {
    REGFS_RETURN_IF_ERROR(SetState(art, a.id, kStateTrash, now));
    if (a.is_latest) REGFS_RETURN_IF_ERROR(HandOffLatest(art, a.id, a.uid, a.state, now));
    return Status();
  }

  Status DoRestore(const Artifact& a, const std::string& now) {
    REGFS_RETURN_IF_ERROR(SetState(art, a.id, kStateVisible, now));
    return TakeLatestIfNewer(art, a.id, a.uid, a.created_at, kStateVisible, now);
  }

  struct Move {
    int64_t pending_id;
    std::string from, to;
  };

  // Gives `a` the key `new_key`. A real-key file moves on disk: the move is recorded in
  // regfs_pending inside the caller's transaction and done by DoMoves after the commit, so
  // a crash in between is finished by FinishPending. `claimed` holds targets of moves
  // planned earlier in the same transaction.
  Status PlanRekey(const Artifact& a, const std::string& new_key, const std::string& now,
                   std::vector<Move>* moves, std::set<std::string>* claimed) {
    std::string ctx = "rekey " + Describe(a) + " to " + new_key;
    bool move_real = IsRealKey(a);
    if (move_real) {
      auto from = storage().StoredPath(a);
      if (!from.ok()) return from.status().Annotate(ctx);
      auto to = storage().RealKeyPath(new_key);
      if (!to.ok()) return to.status().Annotate(ctx);
      if (PathExists(*to) || claimed->count(*to)) {
        return Status::Exists(ctx + ": " + *to + " already exists on disk");
      }
      claimed->insert(*to);
      REGFS_ASSIGN_OR_RETURN(int64_t pid, AddPending("move", *from, *to, now));
      moves->push_back(Move{pid, *from, *to});
    }
    // With `_real_key` set the file's place is that column, not the key: it follows the move.
    bool set_real = move_real && a.real_key.has_value() && !s.real_key_col.empty();
    std::string sql = "UPDATE " + art.q + " SET key = ?2, updated_at = ?3" +
                      (set_real ? ", " + QuoteId(s.real_key_col) + " = ?2" : "") + " WHERE id = ?1";
    return RunCached(sql, [&](Statement& st) { st.Bind(1, a.id).Bind(2, new_key).Bind(3, now); })
        .Annotate(ctx);
  }

  // After the commit: performs planned moves and clears their pending rows. A move that
  // cannot be done stays pending (fsck --repair retries it) and is reported.
  Status DoMoves(const std::vector<Move>& moves) {
    Status first;
    for (const Move& m : moves) {
      Status st = MoveOne(m.from, m.to);
      if (st.ok()) st = DropPending(m.pending_id);
      if (!st.ok() && first.ok()) {
        first = st.Annotate("record re-keyed, file move left pending for `regfs fsck --repair`");
      }
    }
    return first;
  }

  Status MoveOne(const std::string& from, const std::string& to) {
    const std::string& root = info.root;
    if (!Inside(from, root) || !Inside(to, root)) {
      return Status::Permission("move " + from + " -> " + to + ": outside the instance " + root);
    }
    if (!PathExists(from) && PathExists(to)) return Status();  // done already (FinishPending)
    REGFS_RETURN_IF_ERROR(MakeParents(to, root));
    Status st = MoveNoReplace(from, to);
    if (!st.ok() && st.IsNotFound() && PathExists(to)) return Status();
    REGFS_RETURN_IF_ERROR(st);
    PruneEmptyDirs(from, root);
    return Status();
  }

  Result<std::optional<std::string>> Protection(const Artifact& a) {
    {
      REGFS_ASSIGN_OR_RETURN(auto st, db.Cached(member_of));
      st->Bind(1, a.id);
      REGFS_ASSIGN_OR_RETURN(bool row, st->Step());
      if (row) return std::optional<std::string>("member of collection " + st->Text(0));
    }
    {
      REGFS_ASSIGN_OR_RETURN(auto st, db.Cached(meta_of));
      st->Bind(1, a.id);
      REGFS_ASSIGN_OR_RETURN(bool row, st->Step());
      if (row) return std::optional<std::string>("meta artifact of collection " + st->Text(0));
    }
    return RefReason(s.artifact_refs, a.id);
  }

  // The first nullable reference to `id` that is set: such a row points at the record and
  // would dangle (LaminDB protects these).
  Result<std::optional<std::string>> RefReason(const std::vector<Schema::Ref>& refs, int64_t id) {
    for (const auto& r : refs) {
      if (r.not_null) continue;
      REGFS_ASSIGN_OR_RETURN(auto st, db.Cached("SELECT 1 FROM " + QuoteId(r.table) + " WHERE " +
                                                QuoteId(r.column) + " = ?1 LIMIT 1"));
      st->Bind(1, id);
      REGFS_ASSIGN_OR_RETURN(bool row, st->Step());
      if (row) return std::optional<std::string>("referenced by " + r.table + "." + r.column);
    }
    return std::optional<std::string>();
  }

  // Deletes the link rows (NOT NULL references) that die with record `id`.
  Status DeleteLinks(const std::vector<Schema::Ref>& refs, int64_t id) {
    for (const auto& r : refs) {
      if (!r.not_null) continue;
      REGFS_RETURN_IF_ERROR(
          RunCached("DELETE FROM " + QuoteId(r.table) + " WHERE " + QuoteId(r.column) + " = ?1",
                    [&](Statement& st) { st.Bind(1, id); }));
    }
    return Status();
  }

  // True when a row other than `a` (already deleted in this transaction) still stores its
  // content at `path`: folder versions share one folder, real keys may be shared.
  Result<bool> PathShared(const Artifact& a, const std::string& path) {
    std::string stem = a.stem();
    REGFS_ASSIGN_OR_RETURN(auto st, db.Cached(path_sharers));
    st->Bind(1, stem).Bind(2, StemEnd(stem)).Bind(3, a.key);
    REGFS_ASSIGN_OR_RETURN(auto rows, CollectArtifacts(*st));
    for (const Artifact& o : rows) {
      if (o.id == a.id) continue;
      auto p = storage().StoredPath(o);
      if (p.ok() && *p == path) return true;
    }
    return false;
  }

  // True when some record stores its content at `path` (a file a pending delete names).
  Result<bool> PathInUse(const std::string& path) {
    std::vector<Artifact> rows;
    std::string managed = storage().managed_dir() + "/";
    if (path.compare(0, managed.size(), managed) == 0) {
      // .lamindb/<uid><suffix> or .lamindb/<uid[:16]><suffix>: the records of that family.
      std::string name = path.substr(managed.size());
      if (name.size() < kStemLen) return false;
      std::string stem = name.substr(0, kStemLen);
      REGFS_ASSIGN_OR_RETURN(auto st, db.Cached(family));
      st->Bind(1, stem).Bind(2, StemEnd(stem));
      REGFS_ASSIGN_OR_RETURN(rows, CollectArtifacts(*st));
    } else {
      std::string root = info.storage->storage_root() + "/";
      if (path.compare(0, root.size(), root) != 0) return false;
      std::string rel = path.substr(root.size());
      REGFS_ASSIGN_OR_RETURN(rows, ByKeyAnyState(rel));
      if (!s.real_key_col.empty()) {
        REGFS_ASSIGN_OR_RETURN(auto st,
                               db.Cached(sel_a + "WHERE a." + QuoteId(s.real_key_col) + " = ?1"));
        st->Bind(1, rel);
        REGFS_ASSIGN_OR_RETURN(auto more, CollectArtifacts(*st));
        rows.insert(rows.end(), more.begin(), more.end());
      }
    }
    for (const Artifact& a : rows) {
      auto p = storage().StoredPath(a);
      if (p.ok() && *p == path) return true;
    }
    return false;
  }

  Result<std::vector<Artifact>> ByKeyAnyState(const std::string& key) {
    REGFS_ASSIGN_OR_RETURN(auto st, db.Cached(sel_a + "WHERE a.key = ?1"));
    st->Bind(1, key);
    return CollectArtifacts(*st);
  }

  // ---------------------------------------------------------------- saving

  Result<int64_t> InsertArtifact(const std::string& uid, const StagedContent& c,
                                 const SaveRequest& req, const std::optional<std::string>& version,
                                 const std::string& now) {
    REGFS_ASSIGN_OR_RETURN(auto st, db.Cached(insert_artifact));
    for (size_t i = 0; i < insert_cols.size(); ++i) {
      const std::string& col = insert_cols[i];
      int n = static_cast<int>(i + 1);
      if (col == "uid")
        st->Bind(n, uid);
      else if (col == "key")
        st->Bind(n, req.key);
      else if (col == "suffix")
        st->Bind(n, req.suffix);
      else if (col == "description")
        st->Bind(n, req.description);
      else if (col == "size")
        st->Bind(n, static_cast<int64_t>(c.hash.size));
      else if (col == "hash")
        st->Bind(n, c.hash.hash);
      else if (col == s.hash_type_col)
        st->Bind(n, c.hash.hash_type);
      else if (col == s.n_objects_col)
        st->Bind(n, std::nullopt);
      else if (col == s.state_col)
        st->Bind(n, kStateVisible);
      else if (col == s.key_virtual_col)
        st->Bind(n, true);
      else if (col == s.version_col)
        st->Bind(n, version);
      else if (col == "storage_id")
        st->Bind(n, info.storage_id);
      else if (col == "created_by_id")
        st->Bind(n, info.user_id);
      else if (col == "created_at" || col == "updated_at")
        st->Bind(n, now);
      else if (col == "is_latest")
        st->Bind(n, true);
      else if (col == s.folder_flag_col)
        st->Bind(n, false);
    }
    return st->RunReturningId();
  }

  // One save inside the caller's transaction. Published files are appended to `published`
  // so that the caller can remove them if the transaction does not commit.
  Result<SaveOutcome> SaveOne(const StagedContent& c, const SaveRequest& req,
                              const std::string& now, std::vector<std::string>* published) {
    std::string ctx = "save " + (req.key ? "key " + *req.key : std::string("key-less file"));
    auto drop_staged = [&] { unlink(c.path.c_str()); };
    if (req.key) REGFS_RETURN_IF_ERROR(ValidateKey(*req.key).Annotate(ctx));
    // The suffix becomes part of a file name in .lamindb/: one plain name component.
    if (!req.suffix.empty() &&
        (req.suffix.front() != '.' ||
         req.suffix.find_first_of(std::string_view("/\0", 2)) != std::string::npos)) {
      return Status::Invalid(ctx + ": bad suffix '" + req.suffix + "'");
    }

    std::optional<Artifact> latest;
    if (req.key) {
      REGFS_ASSIGN_OR_RETURN(auto at_key, ByKey(*req.key, kStateVisible));
      latest = First(std::move(at_key));
    }
    if (latest && latest->hash == c.hash.hash) {
      drop_staged();
      return SaveOutcome{SaveOutcome::kUnchanged, std::move(*latest)};
    }

    std::optional<Artifact> same;
    {
      REGFS_ASSIGN_OR_RETURN(auto st, db.Cached(same_content));
      st->Bind(1, info.storage_id).Bind(2, req.key).Bind(3, c.hash.hash);
      REGFS_ASSIGN_OR_RETURN(auto v, CollectArtifacts(*st));
      same = First(std::move(v));
    }
    if (same && !req.key && same->state == kStateVisible) {
      // As LaminDB: saving content that is already registered without a key returns it.
      drop_staged();
      return SaveOutcome{SaveOutcome::kUnchanged, std::move(*same)};
    }
    if (same && s.layout == Layout::kV1 && s.artifact_has_is_latest) {
      // LaminDB >= 1.0 allows one row per (storage, key, hash): content that an older or
      // trashed row at this key already holds brings that row back as the latest instead of
      // a duplicate the unique index would refuse.
      REGFS_RETURN_IF_ERROR(SetState(art, same->id, kStateVisible, now).Annotate(ctx));
      if (latest) {
        REGFS_RETURN_IF_ERROR(SetLatest(art, latest->id, false, now).Annotate(ctx));
      }
      REGFS_RETURN_IF_ERROR(ClearFamilyLatest(art, same->stem(), kStateVisible, same->id, now));
      REGFS_RETURN_IF_ERROR(SetLatest(art, same->id, true, now).Annotate(ctx));
      drop_staged();
      REGFS_ASSIGN_OR_RETURN(Artifact back, MustArtifact(same->id, ctx));
      return SaveOutcome{latest ? SaveOutcome::kNewVersion : SaveOutcome::kCreated,
                         std::move(back)};
    }

    std::string uid;
    std::optional<std::string> version;
    if (latest) {
      // LaminDB increments the version suffix; start from the family's highest uid so a
      // newer version sitting in the trash is never collided with.
      std::string top = latest->uid;
      {
        REGFS_ASSIGN_OR_RETURN(auto st, db.Cached("SELECT max(uid) FROM " + art.q +
                                                  " WHERE uid >= ?1 AND uid < ?1 || char(127)"));
        st->Bind(1, latest->stem());
        REGFS_ASSIGN_OR_RETURN(bool row, st->Step());
        if (row && !st->IsNull(0)) top = st->Text(0);
      }
      uid = NewVersionUid(top);
      version = NextVersion(latest->version);
      if (!latest->version) {
        // The first version gets its label when the second appears, as LaminDB does.
        REGFS_RETURN_IF_ERROR(RunCached("UPDATE " + art.q + " SET " + QuoteId(s.version_col) +
                                            " = '1', updated_at = ?2 WHERE id = ?1",
                                        [&](Statement& st) { st.Bind(1, latest->id).Bind(2, now); })
                                  .Annotate(ctx));
      }
      if (art.has_latest) {
        REGFS_RETURN_IF_ERROR(SetLatest(art, latest->id, false, now).Annotate(ctx));
        REGFS_RETURN_IF_ERROR(ClearFamilyLatest(art, latest->stem(), kStateVisible, 0, now));
      }
    } else {
      uid = NewArtifactUid();
    }
    std::string dest = storage().ManagedPath(uid, req.suffix, false);
    // Durability for the whole batch comes from one SyncAll() before the commit.
    REGFS_RETURN_IF_ERROR(
        storage().Publish(c.path, dest, /*durable=*/false).Annotate(ctx + " uid " + uid));
    published->push_back(dest);
    auto id = InsertArtifact(uid, c, req, version, now);
    if (!id.ok()) return id.status().Annotate(ctx + " uid " + uid);
    // The new row is what was just inserted (no need to read it back).
    Artifact row;
    row.id = *id;
    row.uid = uid;
    row.key = req.key;
    row.suffix = req.suffix;
    row.description = req.description;
    row.size = static_cast<int64_t>(c.hash.size);
    row.hash = c.hash.hash;
    row.hash_type = c.hash.hash_type;
    row.state = kStateVisible;
    row.key_is_virtual = true;
    row.version = version;
    row.is_latest = true;
    row.is_folder = false;
    row.storage_id = info.storage_id;
    row.created_by_id = info.user_id;
    row.created_at = now;
    row.updated_at = now;
    return SaveOutcome{latest ? SaveOutcome::kNewVersion : SaveOutcome::kCreated, std::move(row),
                       /*inserted=*/true};
  }

  // ---------------------------------------------------------------- pending work

  struct PendingRow {
    int64_t id;
    std::string op, path;
    std::optional<std::string> path2;
  };

  Result<std::vector<PendingRow>> ListPending() {
    std::vector<PendingRow> rows;
    REGFS_ASSIGN_OR_RETURN(bool exists, db.TableExists(kPendingTable));
    if (!exists) return rows;
    REGFS_ASSIGN_OR_RETURN(auto st, db.Prepare(std::string("SELECT id, op, path, path2 FROM ") +
                                               kPendingTable + " ORDER BY id"));
    for (;;) {
      REGFS_ASSIGN_OR_RETURN(bool row, st->Step());
      if (!row) break;
      rows.push_back(PendingRow{st->Int(0), st->Text(1), st->Text(2), st->OptText(3)});
    }
    return rows;
  }
};

// ------------------------------------------------------------------------------ Registry

Registry::Registry(std::shared_ptr<const InstanceInfo> info, std::unique_ptr<SqlDb> db)
    : info_(std::move(info)), db_(std::move(db)), impl_(std::make_unique<Impl>(*info_, *db_)) {}

Registry::~Registry() {
  // Best effort: what is not cleared here is cleared by the next FinishPending.
  on_batch_end_ = nullptr;
  if (in_batch_) (void)CommitBatch();
  if (!done_pending_.empty()) (void)FlushPending();
}

Status Registry::BeginBatch() {
  if (in_batch_) return Status();
  REGFS_RETURN_IF_ERROR(db_->BeginTxn(SqlDb::TxnKind::kWrite).Annotate("begin a batch"));
  in_batch_ = true;
  return Status();
}

Status Registry::CommitBatch() {
  if (!in_batch_) return Status();
  in_batch_ = false;
  // A failed commit (a full disk, say) rolls the whole batch back.
  Status st = db_->CommitTxn().Annotate("commit a batch");
  if (on_batch_end_) on_batch_end_(st);
  return st;
}

Status Registry::FlushPending() {
  if (done_pending_.empty()) return Status();
  std::set<std::string> dirs;
  for (const auto& d : done_pending_) dirs.insert(d.dir);
  // The deletions are on disk before the rows that would finish them go.
  for (const std::string& dir : dirs) REGFS_RETURN_IF_ERROR(storage().SyncDir(dir));
  REGFS_ASSIGN_OR_RETURN(auto txn, Transaction::Begin(*db_));
  for (const auto& d : done_pending_) REGFS_RETURN_IF_ERROR(impl_->DropPending(d.id));
  REGFS_RETURN_IF_ERROR(txn->Commit().Annotate("clear finished pending deletes"));
  done_pending_.clear();
  return Status();
}

Result<std::unique_ptr<Registry>> Registry::Open(std::shared_ptr<const InstanceInfo> info,
                                                 bool read_only) {
  if (!info || !info->storage) return Status::Invalid("open registry: instance not open");
  bool ro = read_only || info->read_only;
  auto db = OpenSqlDb(info->db_path, {.read_only = ro});
  if (!db.ok()) return db.status().Annotate("open registry of " + info->root);
  return std::unique_ptr<Registry>(new Registry(std::move(info), std::move(*db)));
}

// ---------------------------------------------------------------- queries

Result<std::optional<Artifact>> Registry::ArtifactById(int64_t id) {
  return impl_->GetArtifact(id);
}

Result<std::optional<Artifact>> Registry::ArtifactByUid(std::string_view uid) {
  if (uid.size() == 20) {
    REGFS_ASSIGN_OR_RETURN(auto st, db_->Cached(impl_->by_uid));
    st->Bind(1, uid);
    REGFS_ASSIGN_OR_RETURN(auto v, Impl::CollectArtifacts(*st));
    return Impl::First(std::move(v));
  }
  if (uid.size() == kStemLen) {
    // A stem names its family's latest: the visible latest when there is one.
    std::string stem(uid);
    REGFS_ASSIGN_OR_RETURN(auto st, db_->Cached(impl_->by_stem));
    st->Bind(1, stem).Bind(2, StemEnd(stem));
    REGFS_ASSIGN_OR_RETURN(auto v, Impl::CollectArtifacts(*st));
    return Impl::First(std::move(v));
  }
  return std::optional<Artifact>();
}

Status Registry::ForEachArtifact(StateFilter filter,
                                 const std::function<void(const Artifact&)>& fn) {
  // Prepared, not cached: `fn` may call back into this registry, even into this listing.
  bool all = filter == StateFilter::kAll;
  REGFS_ASSIGN_OR_RETURN(auto st, db_->Prepare(all ? impl_->all : impl_->all_of_state));
  if (!all) st->Bind(1, filter == StateFilter::kVisible ? kStateVisible : kStateTrash);
  for (;;) {
    REGFS_ASSIGN_OR_RETURN(bool row, st->Step());
    if (!row) return Status();
    fn(Impl::ReadArtifact(*st));
  }
}

namespace {

// Reads the Listed columns (Impl's list_* queries, in their order) from the current row.
Registry::Listed ReadListed(Statement& st) {
  auto view = [&](int col) { return st.TextView(col); };
  Registry::Listed l;
  l.id = st.Int(0);
  l.uid = view(1);
  if (!st.IsNull(2)) l.key = view(2);
  l.suffix = view(3);
  l.size = st.Int(4);
  l.created_at = view(5);
  l.updated_at = view(6);
  l.state = static_cast<int>(st.Int(7));
  l.is_latest = st.Bool(8);
  l.is_folder = st.Bool(9);
  return l;
}

}  // namespace

Status Registry::ListDir(std::string_view dir, int state,
                         const std::function<void(const Listed&)>& on_file,
                         const std::function<void(std::string_view name)>& on_subdir) {
  const std::string prefix = dir.empty() ? std::string() : std::string(dir) + "/";
  if (dir.empty()) {
    // Key-less records (and keys that are not text) are shown at the top.
    REGFS_ASSIGN_OR_RETURN(auto st, db_->Cached(impl_->list_keyless));
    st->Bind(1, state);
    for (;;) {
      REGFS_ASSIGN_OR_RETURN(bool row, st->Step());
      if (!row) break;
      on_file(ReadListed(*st));
    }
  }
  // Keys in [dir/, dir0) are exactly those below dir ('0' is the byte after '/'); at the
  // top, every text key (a blob sorts after all text).
  REGFS_ASSIGN_OR_RETURN(auto st, db_->Cached(dir.empty() ? impl_->list_top : impl_->list_range));
  const std::string end = std::string(dir) + "0";
  std::string from = prefix;
  auto bind = [&] {
    st->Reset();
    st->Bind(1, from).Bind(2, state);
    if (!dir.empty()) st->Bind(3, end);
  };
  bind();
  for (;;) {
    REGFS_ASSIGN_OR_RETURN(bool row, st->Step());
    if (!row) return Status();
    Listed l = ReadListed(*st);
    if (!l.key) continue;  // not text: listed at the top above
    std::string_view rest = l.key->substr(prefix.size());
    size_t slash = rest.find('/');
    if (slash != std::string_view::npos && IsSafeComponent(rest.substr(0, slash))) {
      std::string_view name = rest.substr(0, slash);
      on_subdir(name);
      // Every key below prefix/name/ sorts before prefix/name0: continue from there. The
      // new bound is above the current key, so the scan always moves on.
      from = prefix + std::string(name) + "0";
      bind();
      continue;
    }
    on_file(l);
  }
}

Status Registry::ListedAt(std::string_view key, const std::function<void(const Listed&)>& fn) {
  REGFS_ASSIGN_OR_RETURN(auto st, db_->Cached(impl_->list_at_key));
  st->Bind(1, key);
  for (;;) {
    REGFS_ASSIGN_OR_RETURN(bool row, st->Step());
    if (!row) return Status();
    fn(ReadListed(*st));
  }
}

Result<bool> Registry::ListedById(int64_t id, const std::function<void(const Listed&)>& fn) {
  REGFS_ASSIGN_OR_RETURN(auto st, db_->Cached(impl_->list_by_id));
  st->Bind(1, id);
  REGFS_ASSIGN_OR_RETURN(bool row, st->Step());
  if (row) fn(ReadListed(*st));
  return row;
}

Result<std::vector<Artifact>> Registry::Artifacts(StateFilter filter) {
  std::vector<Artifact> out;
  REGFS_RETURN_IF_ERROR(ForEachArtifact(filter, [&](const Artifact& a) { out.push_back(a); }));
  return out;
}

Result<std::vector<Artifact>> Registry::ArtifactsByKey(std::string_view key, int state) {
  return impl_->ByKey(key, state);
}

Result<std::vector<Artifact>> Registry::ArtifactsUnder(std::string_view dir, int state) {
  return impl_->Under(dir, state);
}

Result<std::vector<Artifact>> Registry::Family(std::string_view stem) {
  return impl_->Family(std::string(stem.substr(0, kStemLen)));
}

Result<std::vector<Collection>> Registry::Collections(StateFilter filter) {
  std::string sql = impl_->sel_c;
  if (filter != StateFilter::kAll) sql += "WHERE c." + impl_->coll.state + " = ?1 ";
  sql += "ORDER BY c.id";
  REGFS_ASSIGN_OR_RETURN(auto st, db_->Cached(sql));
  if (filter != StateFilter::kAll) {
    st->Bind(1, filter == StateFilter::kVisible ? kStateVisible : kStateTrash);
  }
  return Impl::CollectCollections(*st);
}

Result<std::optional<Collection>> Registry::CollectionByUid(std::string_view uid) {
  REGFS_ASSIGN_OR_RETURN(auto st, db_->Cached(impl_->sel_c + "WHERE c.uid = ?1"));
  st->Bind(1, uid);
  REGFS_ASSIGN_OR_RETURN(auto v, Impl::CollectCollections(*st));
  return Impl::First(std::move(v));
}

Result<std::optional<Collection>> Registry::CollectionById(int64_t id) {
  return impl_->GetCollection(id);
}

Result<std::vector<Artifact>> Registry::Members(int64_t collection_id) {
  REGFS_ASSIGN_OR_RETURN(auto st, db_->Cached(impl_->members));
  st->Bind(1, collection_id);
  return Impl::CollectArtifacts(*st);
}

Result<std::vector<Registry::MemberLink>> Registry::MemberLinks(int64_t collection_id) {
  REGFS_ASSIGN_OR_RETURN(auto st, db_->Cached("SELECT l.id, " + impl_->a_cols + " FROM " +
                                              impl_->link + " l JOIN " + impl_->art.q +
                                              " a ON a.id = l.artifact_id WHERE "
                                              "l.collection_id = ?1 ORDER BY l.id"));
  st->Bind(1, collection_id);
  std::vector<MemberLink> out;
  for (;;) {
    REGFS_ASSIGN_OR_RETURN(bool row, st->Step());
    if (!row) return out;
    MemberLink m;
    m.link_id = st->Int(0);
    m.artifact = Impl::ReadArtifact(*st, 1);
    out.push_back(std::move(m));
  }
}

Status Registry::Tune(Role role) {
  return db_->Tune(role);
}

Status Registry::InReadSnapshot(const std::function<Status()>& fn) {
  if (db_->InTransaction()) return fn();
  REGFS_RETURN_IF_ERROR(db_->BeginTxn(SqlDb::TxnKind::kRead));
  Status st = fn();
  Status end = st.ok() ? db_->CommitTxn() : db_->RollbackTxn();
  return st.ok() ? end : st;
}

Result<bool> Registry::ChangedElsewhere() {
  REGFS_ASSIGN_OR_RETURN(std::string token, db_->ChangeToken());
  bool changed = seen_token_ && *seen_token_ != token;
  seen_token_ = std::move(token);
  return changed;
}

Status Registry::Checkpoint(bool only_if_large) {
  return db_->Checkpoint(only_if_large);
}

Result<std::optional<std::string>> Registry::ProtectionReason(const Artifact& a) {
  return impl_->Protection(a);
}

// ---------------------------------------------------------------- transitions

Status Registry::Trash(int64_t artifact_id) {
  REGFS_ASSIGN_OR_RETURN(auto txn, Transaction::Begin(*db_));
  REGFS_ASSIGN_OR_RETURN(Artifact a, impl_->MustArtifact(artifact_id, "trash"));
  if (a.state == kStateTrash) return Status::Invalid("trash " + Describe(a) + ": already in trash");
  REGFS_RETURN_IF_ERROR(impl_->DoTrash(a, NowTimestamp()).Annotate("trash " + Describe(a)));
  return txn->Commit().Annotate("trash " + Describe(a));
}

Status Registry::Restore(int64_t artifact_id, const std::optional<std::string>& new_key) {
  std::vector<Impl::Move> moves;
  {
    REGFS_ASSIGN_OR_RETURN(auto txn, Transaction::Begin(*db_));
    REGFS_ASSIGN_OR_RETURN(Artifact a, impl_->MustArtifact(artifact_id, "restore"));
    std::string ctx = "restore " + Describe(a);
    if (a.state == kStateVisible) return Status::Invalid(ctx + ": not in trash");
    std::string now = NowTimestamp();
    if (new_key && a.key != *new_key) {
      REGFS_RETURN_IF_ERROR(ValidateKey(*new_key).Annotate(ctx));
      // Restoring under a new key must not hide an unrelated record there; versions of the
      // same family may share the key (the newest shows).
      REGFS_ASSIGN_OR_RETURN(auto there, impl_->ByKey(*new_key, kStateVisible));
      for (const Artifact& o : there) {
        if (o.stem() != a.stem()) {
          return Status::Exists(ctx + " as " + *new_key + ": key taken by uid " + o.uid);
        }
      }
      std::set<std::string> claimed;
      REGFS_RETURN_IF_ERROR(impl_->PlanRekey(a, *new_key, now, &moves, &claimed));
    }
    REGFS_RETURN_IF_ERROR(impl_->DoRestore(a, now).Annotate(ctx));
    REGFS_RETURN_IF_ERROR(txn->Commit().Annotate(ctx));
  }
  return impl_->DoMoves(moves);
}

Result<PurgeOutcome> Registry::Purge(int64_t artifact_id, const PurgeOptions& opts) {
  PurgeOutcome out;
  std::optional<std::string> to_delete;
  bool to_delete_managed = false;
  int64_t pending_id = 0;
  std::string ctx;
  {
    REGFS_ASSIGN_OR_RETURN(auto txn, Transaction::Begin(*db_));
    REGFS_ASSIGN_OR_RETURN(Artifact a, impl_->MustArtifact(artifact_id, "purge"));
    out.uid = a.uid;
    ctx = "purge " + Describe(a);
    if (opts.expect_state && a.state != *opts.expect_state) {
      return Status::NotFound(ctx + ": its state changed meanwhile (now " +
                              std::to_string(a.state) + "); nothing purged");
    }
    REGFS_ASSIGN_OR_RETURN(auto reason, impl_->Protection(a));
    if (reason) return Status::Permission(ctx + ": " + *reason);
    std::string now = NowTimestamp();
    REGFS_RETURN_IF_ERROR(impl_->DeleteLinks(schema().artifact_refs, a.id).Annotate(ctx));
    if (a.is_latest) {
      REGFS_RETURN_IF_ERROR(impl_->HandOffLatest(impl_->art, a.id, a.uid, a.state, now));
    }
    REGFS_RETURN_IF_ERROR(impl_
                              ->RunCached("DELETE FROM " + impl_->art.q + " WHERE id = ?1",
                                          [&](Statement& st) { st.Bind(1, a.id); })
                              .Annotate(ctx));

    // Which file goes: LaminDB-managed content always; a real-key file only when asked and
    // only inside this instance; never a path another row still uses.
    auto path = storage().StoredPath(a);
    if (path.ok()) {
      bool managed = storage().IsManaged(a);
      bool deletable = managed || (IsRealKey(a) && opts.purge_real_keys);
      if (deletable) {
        REGFS_ASSIGN_OR_RETURN(bool shared, impl_->PathShared(a, *path));
        deletable = !shared;
      }
      if (deletable) {
        to_delete = *path;
        to_delete_managed = managed;
        REGFS_ASSIGN_OR_RETURN(pending_id, impl_->AddPending("delete", *path, std::nullopt, now));
      } else {
        out.kept_path = *path;
      }
    }
    REGFS_RETURN_IF_ERROR(txn->Commit().Annotate(ctx));
  }
  if (!to_delete) return out;
  // Only a managed file (named by its uid, never taken again) may be deleted once the
  // writer is released; a real-key path could be taken by another record meanwhile.
  if (opts.caller_deletes && to_delete_managed) {
    out.to_delete = to_delete;
    out.pending_id = pending_id;
    return out;
  }
  // The file goes now, so its record's deletion must be committed first.
  if (in_batch_) REGFS_RETURN_IF_ERROR(CommitBatch().Annotate(ctx));
  if (after_purge_commit_for_test && !after_purge_commit_for_test()) return out;
  auto deleted = FinishDelete(PurgeOutcome{out.uid, {}, {}, to_delete, pending_id});
  if (!deleted.ok()) return deleted.status().Annotate(ctx);
  (*deleted ? out.deleted_path : out.kept_path) = *to_delete;
  return out;
}

Result<bool> Registry::FinishDelete(const PurgeOutcome& o) {
  REGFS_ASSIGN_OR_RETURN(bool deleted, DeleteFileOf(o));
  REGFS_RETURN_IF_ERROR(DeleteDone(o, deleted));
  return deleted;
}

Result<bool> Registry::DeleteFileOf(const PurgeOutcome& o) const {
  if (!o.to_delete) return false;
  Status st = storage().RemoveStored(*o.to_delete, /*durable=*/!batch_pending_);
  // A symlink on the way to the file (say a real-key directory replaced by one): what it
  // points to is never deleted. The record is gone; the path is kept.
  if (st.code() == Status::Code::kPermission) return false;
  if (!st.ok()) {
    return st.Annotate("record deleted; delete of " + *o.to_delete +
                       " left pending for `regfs fsck --repair`");
  }
  return true;
}

Status Registry::DeleteDone(const PurgeOutcome& o, bool deleted) {
  if (!o.to_delete) return Status();
  if (deleted && batch_pending_) {
    done_pending_.push_back(DonePending{o.pending_id, DirName(*o.to_delete)});
    // 256 purges share one transaction and one directory sync.
    return done_pending_.size() >= 256 ? FlushPending() : Status();
  }
  return impl_->DropPending(o.pending_id);
}

Status Registry::TrashCollection(int64_t collection_id) {
  REGFS_ASSIGN_OR_RETURN(auto txn, Transaction::Begin(*db_));
  REGFS_ASSIGN_OR_RETURN(Collection c, impl_->MustCollection(collection_id, "trash"));
  std::string ctx = "trash collection uid " + c.uid;
  if (c.state == kStateTrash) return Status::Invalid(ctx + ": already in trash");
  std::string now = NowTimestamp();
  REGFS_RETURN_IF_ERROR(impl_->SetState(impl_->coll, c.id, kStateTrash, now).Annotate(ctx));
  // Collections carry is_latest like artifacts; read it from the row.
  if (impl_->coll.has_latest) {
    REGFS_ASSIGN_OR_RETURN(
        auto st, db_->Cached("SELECT is_latest FROM " + impl_->coll.q + " WHERE id = ?1"));
    st->Bind(1, c.id);
    REGFS_ASSIGN_OR_RETURN(bool row, st->Step());
    bool latest = row && st->Int(0) != 0;
    if (latest) {
      REGFS_RETURN_IF_ERROR(impl_->HandOffLatest(impl_->coll, c.id, c.uid, c.state, now));
    }
  }
  return txn->Commit().Annotate(ctx);
}

Status Registry::RestoreCollection(int64_t collection_id,
                                   const std::optional<std::string>& new_name) {
  REGFS_ASSIGN_OR_RETURN(auto txn, Transaction::Begin(*db_));
  REGFS_ASSIGN_OR_RETURN(Collection c, impl_->MustCollection(collection_id, "restore"));
  std::string ctx = "restore collection uid " + c.uid;
  if (c.state == kStateVisible) return Status::Invalid(ctx + ": not in trash");
  std::string now = NowTimestamp();
  if (new_name && *new_name != c.name) {
    if (!IsSafeComponent(*new_name)) {
      return Status::Invalid(ctx + ": invalid collection name '" + *new_name + "'");
    }
    REGFS_RETURN_IF_ERROR(
        impl_
            ->RunCached("UPDATE " + impl_->coll.q + " SET " +
                            QuoteId(schema().collection_name_col) + " = ?2 WHERE id = ?1",
                        [&](Statement& st) { st.Bind(1, c.id).Bind(2, *new_name); })
            .Annotate(ctx));
  }
  REGFS_RETURN_IF_ERROR(impl_->SetState(impl_->coll, c.id, kStateVisible, now).Annotate(ctx));
  REGFS_RETURN_IF_ERROR(
      impl_->TakeLatestIfNewer(impl_->coll, c.id, c.uid, c.created_at, kStateVisible, now));
  if (c.meta_artifact_id) {
    // The meta artifact describes the collection: it comes back with it.
    REGFS_ASSIGN_OR_RETURN(auto meta, impl_->GetArtifact(*c.meta_artifact_id));
    if (meta && meta->state != kStateVisible) {
      REGFS_RETURN_IF_ERROR(impl_->DoRestore(*meta, now).Annotate(ctx + ": meta artifact"));
    }
  }
  return txn->Commit().Annotate(ctx);
}

Status Registry::PurgeCollection(int64_t collection_id) {
  REGFS_ASSIGN_OR_RETURN(auto txn, Transaction::Begin(*db_));
  REGFS_ASSIGN_OR_RETURN(Collection c, impl_->MustCollection(collection_id, "purge"));
  std::string ctx = "purge collection uid " + c.uid;
  REGFS_ASSIGN_OR_RETURN(auto reason, impl_->RefReason(schema().collection_refs, c.id));
  if (reason) return Status::Permission(ctx + ": " + *reason);
  std::string now = NowTimestamp();
  REGFS_RETURN_IF_ERROR(impl_->DeleteLinks(schema().collection_refs, c.id).Annotate(ctx));
  // Membership links go; the member artifacts stay.
  REGFS_RETURN_IF_ERROR(impl_
                            ->RunCached("DELETE FROM " + impl_->link + " WHERE collection_id = ?1",
                                        [&](Statement& st) { st.Bind(1, c.id); })
                            .Annotate(ctx));
  if (impl_->coll.has_latest) {
    REGFS_RETURN_IF_ERROR(impl_->HandOffLatest(impl_->coll, c.id, c.uid, c.state, now));
  }
  REGFS_RETURN_IF_ERROR(impl_
                            ->RunCached("DELETE FROM " + impl_->coll.q + " WHERE id = ?1",
                                        [&](Statement& st) { st.Bind(1, c.id); })
                            .Annotate(ctx));
  return txn->Commit().Annotate(ctx);
}

Status Registry::Rekey(int64_t artifact_id, const std::string& new_key, bool replace) {
  std::vector<Impl::Move> moves;
  {
    REGFS_ASSIGN_OR_RETURN(auto txn, Transaction::Begin(*db_));
    REGFS_ASSIGN_OR_RETURN(Artifact a, impl_->MustArtifact(artifact_id, "rekey"));
    std::string ctx = "rekey " + Describe(a) + " to " + new_key;
    if (a.key == new_key) return Status();
    REGFS_RETURN_IF_ERROR(ValidateKey(new_key).Annotate(ctx));
    std::string now = NowTimestamp();
    REGFS_ASSIGN_OR_RETURN(auto there, impl_->ByKey(new_key, a.state));
    for (const Artifact& o : there) {
      if (o.id == a.id) continue;
      if (!replace || a.state != kStateVisible) {
        return Status::Exists(ctx + ": key taken by uid " + o.uid);
      }
      // Rename-over: the displaced record goes to the trash, nothing is lost.
      REGFS_RETURN_IF_ERROR(
          impl_->DoTrash(o, now).Annotate(ctx + ": trash displaced uid " + o.uid));
    }
    std::set<std::string> claimed;
    REGFS_RETURN_IF_ERROR(impl_->PlanRekey(a, new_key, now, &moves, &claimed));
    REGFS_RETURN_IF_ERROR(txn->Commit().Annotate(ctx));
  }
  return impl_->DoMoves(moves);
}

Status Registry::RekeyDir(const std::string& from_in, const std::string& to_in, int state) {
  std::string from = StripSlashes(from_in), to = StripSlashes(to_in);
  std::string ctx = "rekey directory " + from + " to " + to;
  if (from.empty() || to.empty()) return Status::Invalid(ctx + ": empty directory name");
  if (from == to) return Status();
  if (to.compare(0, from.size() + 1, from + "/") == 0) {
    return Status::Invalid(ctx + ": a directory cannot move into itself");
  }
  REGFS_RETURN_IF_ERROR(ValidateKey(to).Annotate(ctx));
  std::vector<Impl::Move> moves;
  {
    REGFS_ASSIGN_OR_RETURN(auto txn, Transaction::Begin(*db_));
    REGFS_ASSIGN_OR_RETURN(auto items, impl_->Under(from, state));
    if (items.empty()) return Status::NotFound(ctx + ": no records below " + from);
    std::set<int64_t> moving;
    for (const Artifact& a : items) moving.insert(a.id);
    std::string now = NowTimestamp();
    std::set<std::string> claimed;
    for (const Artifact& a : items) {
      std::string nk = to + a.key->substr(from.size());
      REGFS_RETURN_IF_ERROR(ValidateKey(nk).Annotate(ctx + ": " + Describe(a)));
      REGFS_ASSIGN_OR_RETURN(auto there, impl_->ByKey(nk, state));
      for (const Artifact& o : there) {
        if (!moving.count(o.id)) {
          return Status::Exists(ctx + ": " + nk + " is taken by uid " + o.uid);
        }
      }
      REGFS_RETURN_IF_ERROR(impl_->PlanRekey(a, nk, now, &moves, &claimed));
    }
    REGFS_RETURN_IF_ERROR(txn->Commit().Annotate(ctx));
  }
  return impl_->DoMoves(moves);
}

Status Registry::SetDescription(int64_t artifact_id,
                                const std::optional<std::string>& description) {
  REGFS_ASSIGN_OR_RETURN(auto txn, Transaction::Begin(*db_));
  REGFS_ASSIGN_OR_RETURN(Artifact a, impl_->MustArtifact(artifact_id, "set description of"));
  std::string ctx = "set description of " + Describe(a);
  if (!schema().HasArtifactColumn("description")) {
    return Status::Invalid(ctx + ": this database has no description column");
  }
  REGFS_RETURN_IF_ERROR(
      impl_
          ->RunCached(
              "UPDATE " + impl_->art.q +
                  " SET description = ?2, updated_at = ?3 "
                  "WHERE id = ?1",
              [&](Statement& st) { st.Bind(1, a.id).Bind(2, description).Bind(3, NowTimestamp()); })
          .Annotate(ctx));
  return txn->Commit().Annotate(ctx);
}

Result<SaveOutcome> Registry::Save(StagedContent content, const SaveRequest& req) {
  std::vector<std::pair<StagedContent, SaveRequest>> one;
  one.emplace_back(std::move(content), req);
  REGFS_ASSIGN_OR_RETURN(auto v, SaveMany(std::move(one)));
  return std::move(v.front());
}

Result<std::vector<SaveOutcome>> Registry::SaveMany(
    std::vector<std::pair<StagedContent, SaveRequest>> items) {
  std::vector<std::string> published;
  // Files are published before the commit, so a committed row always has its file; if the
  // transaction does not commit, the published files and unconsumed staged files go.
  auto fail = [&](const Status& st) -> Status {
    for (const auto& p : published) unlink(p.c_str());
    for (const auto& item : items) unlink(item.first.path.c_str());
    return st;
  };
  std::vector<SaveOutcome> outs;
  auto txn = Transaction::Begin(*db_);
  if (!txn.ok()) return fail(txn.status().Annotate("save"));
  std::string now = NowTimestamp();
  for (const auto& [content, req] : items) {
    auto out = impl_->SaveOne(content, req, now, &published);
    if (!out.ok()) return fail(out.status());
    outs.push_back(std::move(*out));
  }
  if (sync_writes_ && !published.empty()) {
    Status synced = storage().SyncAll();
    if (!synced.ok()) return fail(synced.Annotate("save"));
  }
  Status st = (*txn)->Commit();
  if (!st.ok()) return fail(st.Annotate("save: commit"));
  return outs;
}

// ---------------------------------------------------------------- maintenance

Result<int> Registry::FinishPending() {
  REGFS_ASSIGN_OR_RETURN(auto rows, impl_->ListPending());
  int done = 0;
  for (const auto& r : rows) {
    std::string ctx = "finish pending " + r.op + " " + r.path;
    // Only paths inside this instance are ever acted on, whatever the table says.
    if (!Inside(r.path, info_->root)) continue;
    if (r.op == "delete") {
      // A path a record uses again (a real key re-taken meanwhile) is that record's file.
      REGFS_ASSIGN_OR_RETURN(bool in_use, impl_->PathInUse(r.path));
      Status removed = in_use ? Status() : storage().RemoveStored(r.path);
      // A symlink on the way is never followed: such a delete can only be dropped.
      if (!removed.ok() && removed.code() != Status::Code::kPermission)
        return removed.Annotate(ctx);
    } else if (r.op == "move" && r.path2) {
      if (!PathExists(*r.path2) && PathExists(r.path)) {
        REGFS_RETURN_IF_ERROR(impl_->MoveOne(r.path, *r.path2).Annotate(ctx));
      }
    } else {
      continue;  // unknown operation: left for a newer regfs
    }
    REGFS_RETURN_IF_ERROR(impl_->DropPending(r.id).Annotate(ctx));
    ++done;
  }
  return done;
}

Result<FsckReport> Registry::Fsck(bool repair) {
  FsckReport rep;
  REGFS_ASSIGN_OR_RETURN(auto pending, impl_->ListPending());
  std::set<std::string> pending_paths;
  for (const auto& p : pending) {
    rep.pending.push_back(p.op + " " + p.path + (p.path2 ? " -> " + *p.path2 : ""));
    pending_paths.insert(p.path);
  }
  if (repair) {
    REGFS_ASSIGN_OR_RETURN(rep.repaired, FinishPending());
    REGFS_RETURN_IF_ERROR(storage().CleanStaging().Annotate("fsck: clean staging"));
  }

  std::set<std::string> stored;
  REGFS_RETURN_IF_ERROR(ForEachArtifact(StateFilter::kAll, [&](const Artifact& a) {
    auto p = storage().StoredPath(a);
    if (!p.ok()) return;  // another storage: not ours to check
    stored.insert(*p);
    if (!PathExists(*p)) rep.missing_files.push_back(a.uid + " " + *p);
  }));

  std::string managed = storage().managed_dir();
  std::string staging = storage().staging_dir();
  DIR* d = opendir(managed.c_str());
  if (!d) return Status::FromErrno(errno, "fsck: read " + managed);
  std::vector<std::string> names;
  while (struct dirent* e = readdir(d)) names.emplace_back(e->d_name);
  closedir(d);
  std::sort(names.begin(), names.end());
  for (const std::string& n : names) {
    if (n == "." || n == ".." || n == "_is_initialized" || n.rfind("lamin.db", 0) == 0) continue;
    std::string full = managed + "/" + n;
    if (full == staging || stored.count(full)) continue;
    // A file with a pending delete is reported once, as pending (until repaired).
    if (!repair && pending_paths.count(full)) continue;
    rep.orphan_files.push_back(full);
  }
  return rep;
}

// ------------------------------------------------------------------------------ versions

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
