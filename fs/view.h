// The namespace model of the mount: which name in which directory shows which record.
//
// Pure logic over record snapshots, with no FUSE and no SQL, so every naming rule of
// SPEC.md section 4 is unit-tested without a kernel:
//   - artifacts/<key>: the latest visible artifact per key; the other versions are hidden.
//   - .trash/artifacts/<key>: every trashed artifact; where several share a path the most
//     recently trashed keeps the name and the others are `<name without suffix>@<uid><suffix>`.
//   - a record whose key is NULL is shown at the top as `<uid><suffix>`; a key that is not a
//     safe path is shown the same way in the deepest directory its key names safely (the
//     top when its first component is already unsafe), so that a directory listing finds it
//     by its key range alone.
//   - a file whose name is also a directory (keys "a" and "a/b") yields the name to the
//     directory and is shown with the `@<uid>` form.
//   - directories exist while something is below them, or when made by mkdir.
//
// Loaded on demand: the view holds only the directories that were listed (Install) and
// what the mount changed in them since (Put/Remove), so mounting and the first `ls` never
// read the whole registry. A directory is either loaded, with every record shown directly
// in it and the names of all its subdirectories, or not known at all. Put/Remove touch the
// loaded directories on one path and rename one group, so a change costs O(size of that
// directory), not O(registry).
// Not thread-safe: the session guards it with a shared mutex.
#pragma once

#include <cstdint>
#include <ctime>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
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
  std::string dir;           // directory path inside the area ("" for the top)
  std::string base;          // last key component, or <uid><suffix> for unsafe / NULL keys
  bool key_is_path = false;  // false when the key is NULL or unsafe
  int64_t size = 0;
  timespec mtime{};  // created_at
  timespec ctime{};  // updated_at
  bool is_latest = true;
  bool is_folder = false;
  int state = kStateVisible;
};

FileRec MakeFileRec(const Artifact& a);
// The same from the fields a listing carries (Registry::Listed).
FileRec MakeFileRec(int64_t id, std::string_view uid, const std::optional<std::string_view>& key,
                    std::string_view suffix, int64_t size, std::string_view created_at,
                    std::string_view updated_at, int state, bool is_latest, bool is_folder);

// The directory a key is shown in (see the header comment): every component but the last
// for a safe key; for an unsafe one, the components before the first unsafe component (at
// most all but the last). "" for the top.
std::string KeyDir(std::string_view key);

// The key a record is shown under, as a path ("" when not shown by key).
std::string DisplayPath(const FileRec& r);

// Paths inside an area: "a/b/c", with "" for the top.
std::string ParentOf(const std::string& path);  // "a/b"; "" for a name at the top
std::string BaseOf(const std::string& path);    // "c"
std::string Join(const std::string& dir, const std::string& name);  // dir "" gives name
// True when `path` is `dir` or lies below it.
bool AtOrBelow(const std::string& path, const std::string& dir);

// `<name without suffix>@<uid><suffix>`.
std::string AtUidName(const std::string& name, const std::string& uid, const std::string& suffix);

class AreaView {
 public:
  // `complete`: the view starts out holding the whole area, which is empty (the top is
  // loaded). The mount starts with nothing loaded.
  explicit AreaView(bool is_trash, bool complete = false);

  struct Child {
    bool is_dir = false;
    int64_t id = 0;  // artifact id for files
  };

  // What the registry lists for one directory: the records shown directly in it (each
  // with r.dir == that directory) and the names of its subdirectories.
  struct Listing {
    std::vector<FileRec> files;
    std::vector<std::string> subdirs;
  };

  bool Loaded(const std::string& dir) const { return dirs_.count(dir) != 0; }
  // Replaces what the view holds for `dir` with `listing`, merged with the user-made
  // subdirectories. A record it lists that the view shows elsewhere moves here. Returns
  // false, and leaves `dir` unloaded, when the directory does not exist: nothing below it
  // and not user-made (the top always exists).
  bool Install(const std::string& dir, Listing&& listing);
  // Forgets a loaded directory's content (it is listed again when needed).
  void Evict(const std::string& dir);
  std::vector<std::string> LoadedDirs() const;

  // The mount changed records. Put adds or replaces the record with r.id where it is shown
  // (a no-op for the record itself when its directory is not loaded; the directories on its
  // path that are loaded learn of them). Remove takes the record out; a loaded directory
  // left empty (and not user-made) goes, and so on up.
  void Put(const FileRec& r);
  void Remove(int64_t id);

  const FileRec* Rec(int64_t id) const;
  // True when `path` is a directory: it is loaded, or its loaded parent lists it. A
  // directory whose parent is not loaded either is not known (false).
  bool HasDir(const std::string& path) const;
  // Children of a loaded directory by shown name, or nullptr when it is not loaded.
  const std::map<std::string, Child>* Names(const std::string& dir) const;
  // Resolves one name in a loaded directory.
  std::optional<Child> Lookup(const std::string& dir, const std::string& name) const;
  // The name a record is shown under ("" when hidden, e.g. an older version).
  std::string ShownName(int64_t id) const;
  // The records of a loaded directory whose key ends in `base` (shown or not).
  std::vector<int64_t> IdsAt(const std::string& dir, const std::string& base) const;

  // mkdir / rmdir of user-made directories (kept in memory until rmdir or unmount).
  // MakeDir needs the parent loaded and returns false when the name is taken. RemoveDir
  // returns false when the (loaded) directory is not empty.
  bool MakeDir(const std::string& path);
  bool RemoveDir(const std::string& path);
  // True when `path` is loaded with nothing in it, or not loaded.
  bool DirEmpty(const std::string& path) const;
  // Moves the user-made marks below `from` to `to` (rename of a directory).
  void MoveUserDirs(const std::string& from, const std::string& to);
  // Drops the user-made marks at and below `path` (its records moved elsewhere).
  void DropUserDirs(const std::string& path);
  // Keeps `path` and its parents as directories until rmdir (user-made), as a directory
  // emptied through the mount stays on any filesystem. Returns false on a name clash.
  bool KeepDir(const std::string& path);
  bool IsUserDir(const std::string& path) const { return user_dirs_.count(path) != 0; }
  // Records held (those of loaded directories).
  size_t size() const { return recs_.size(); }

 private:
  struct Dir {
    std::unordered_map<std::string, std::vector<int64_t>> groups;  // base name -> record ids
    std::unordered_set<std::string> subdirs;                       // names of subdirectories
    std::map<std::string, Child> names;  // what readdir shows; kept current per group
  };
  // A record of a loaded directory and the name it is shown under ("" when hidden).
  struct Held {
    FileRec rec;
    std::string shown;
  };
  // Makes `name` a subdirectory of the loaded directory `d`; the group of files holding
  // that name (or showing their @<uid> name there) is named again.
  void AddSubdir(Dir& d, const std::string& name);
  // Drops subdirectory `name` of the loaded directory `d`; a file of that name gets its
  // plain name back.
  void DropSubdir(Dir& d, const std::string& name);
  // Unloads `dir` and its parents while they are loaded, empty and not user-made.
  void Prune(std::string dir);
  // Makes every directory on `path` known to its loaded parent; a directory that did not
  // exist under a loaded parent is new and empty, so it is loaded as such.
  void EnsurePath(const std::string& path);
  void DropRecords(Dir& d);
  // Takes a held record out of its directory (the rest of its group is named again) and
  // returns that directory, which the caller may prune.
  std::string Detach(std::unordered_map<int64_t, Held>::iterator it);
  void EraseGroupNames(Dir& d, const std::string& base);
  void NameGroup(Dir& d, const std::string& base);

  bool trash_;
  std::unordered_map<int64_t, Held> recs_;
  std::unordered_map<std::string, Dir> dirs_;  // loaded directories
  std::set<std::string> user_dirs_;  // made by mkdir or kept after emptying (sorted: prefixes)
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
