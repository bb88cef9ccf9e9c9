// The namespace model of the mount: which name in which directory shows which record.
//
// Pure logic over record snapshots, with no FUSE and no SQL, so every naming rule of
// SPEC.md section 4 is unit-tested without a kernel:
//   - artifacts/<key>: the latest visible artifact per key; the other versions are hidden.
//   - .trash/artifacts/<key>: every trashed artifact; where several share a path the most
//     recently trashed keeps the name and the others are `<name without suffix>@<uid><suffix>`.
//   - a key that is NULL or not a safe path is shown as `<uid><suffix>` at the top.
//   - a file whose name is also a directory (keys "a" and "a/b") yields the name to the
//     directory and is shown with the `@<uid>` form.
//   - directories exist while something is below them, or when made by mkdir.
//
// Incremental: Put/Remove touch only the directories on one path and recompute the names of
// one directory, so a change costs O(size of that directory), not O(registry).
// Not thread-safe: the session guards it with a shared mutex.
#pragma once

#include <cstdint>
#include <ctime>
#include <map>
#include <optional>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "core/records.h"

namespace regfs {

// What the mount needs of an artifact to list and stat it.
struct FileRec {
  int64_t id = 0;
  std::string uid;
  std::string suffix;
  std::string dir;       // directory path inside the area ("" for the top)
  std::string base;      // last key component, or <uid><suffix> for unsafe / NULL keys
  bool key_is_path = false;  // false when the key is NULL or unsafe
  int64_t size = 0;
  timespec mtime{};      // created_at
  timespec ctime{};      // updated_at
  bool is_latest = true;
  bool is_folder = false;
  int state = kStateVisible;
};

FileRec MakeFileRec(const Artifact& a);
// The same from the fields a listing carries (Registry::ForEachListed).
FileRec MakeFileRec(int64_t id, std::string_view uid, const std::optional<std::string_view>& key,
                    std::string_view suffix, int64_t size, std::string_view created_at,
                    std::string_view updated_at, int state, bool is_latest, bool is_folder);

// The key a record is shown under, as a path ("" when not shown by key).
std::string DisplayPath(const FileRec& r);

// `<name without suffix>@<uid><suffix>`.
std::string AtUidName(const std::string& name, const std::string& uid, const std::string& suffix);

// True for a name usable as one path component (non-empty, not . or .., no '/', <= 255).
bool IsSafeComponent(const std::string& name);

class AreaView {
 public:
  explicit AreaView(bool is_trash) : trash_(is_trash) { dirs_[""]; }

  struct Child {
    bool is_dir = false;
    int64_t id = 0;  // artifact id for files
  };

  // Adds or replaces the record with r.id.
  void Put(const FileRec& r);
  // Removes the record with this id (no-op when absent).
  void Remove(int64_t id);
  void Clear();

  const FileRec* Rec(int64_t id) const;
  bool HasDir(const std::string& path) const { return dirs_.count(path) != 0; }
  // Children of a directory by shown name, or nullptr when the directory does not exist.
  const std::map<std::string, Child>* Names(const std::string& dir) const;
  // Resolves one name in a directory.
  std::optional<Child> Lookup(const std::string& dir, const std::string& name) const;
  // The name a record is shown under ("" when hidden, e.g. an older version).
  std::string ShownName(int64_t id) const;

  // mkdir / rmdir of user-made directories (kept in memory until rmdir or unmount).
  // MakeDir returns false when the name is taken. RemoveDir returns false when not empty.
  bool MakeDir(const std::string& path);
  bool RemoveDir(const std::string& path);
  bool DirEmpty(const std::string& path) const;
  // Moves the user-made marks below `from` to `to` (rename of a directory).
  void MoveUserDirs(const std::string& from, const std::string& to);
  // Drops the user-made marks at and below `path` (its records moved elsewhere).
  void DropUserDirs(const std::string& path);
  // Keeps `path` and its parents as directories until rmdir (user-made), as a directory
  // emptied through the mount stays on any filesystem. Returns false on a name clash.
  bool KeepDir(const std::string& path);
  // Every user-made directory, parents before children (to carry them over a reload).
  std::vector<std::string> UserDirs() const;
  // Every record id whose key lies below dir (dir "" = everything).
  std::vector<int64_t> IdsUnder(const std::string& dir) const;
  size_t size() const { return recs_.size(); }

 private:
  // Invariant: a directory exists (has an entry in dirs_ and in its parent's subdirs)
  // exactly while its count is > 0; the count is the number of records below it plus the
  // number of user-made directories at or below it.
  struct Dir {
    std::unordered_map<std::string, std::vector<int64_t>> groups;  // base name -> record ids
    std::map<std::string, int64_t> subdirs;                       // name -> count
    bool user_made = false;
    std::map<std::string, Child> names;  // what readdir shows; kept current per group
  };
  // Adds `delta` to the count of every directory on the path (creating or dropping them).
  void Adjust(const std::string& dir, int delta);
  void EraseGroupNames(Dir& d, const std::string& base);
  void NameGroup(Dir& d, const std::string& base);

  bool trash_;
  std::unordered_map<int64_t, FileRec> recs_;
  std::unordered_map<std::string, Dir> dirs_;
  std::unordered_map<int64_t, std::string> shown_;  // record id -> shown name
};

// Collections: few, so they are kept whole and named on demand.
struct CollectionRec {
  int64_t id = 0;
  std::string uid;
  std::string name;
  int state = kStateVisible;
  timespec mtime{};
  timespec ctime{};
};

struct MemberRec {
  int64_t link_id = 0;
  FileRec file;  // the member artifact
};

// Shown names of collections in one area: newest (visible) / most recently trashed (trash)
// keeps the plain name, others `name@uid`; unsafe names are shown as the uid.
std::map<std::string, int64_t> CollectionNames(const std::vector<CollectionRec>& cols, bool trash);
// Shown names of members, index-aligned with `members` (link order): the first keeps the
// plain name, later clashes get @uid.
std::vector<std::string> MemberNames(const std::vector<MemberRec>& members);

}  // namespace regfs
