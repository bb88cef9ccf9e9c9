#include "fs/view.h"

#include <algorithm>
#include <functional>

#include "core/clock.h"
#include "core/storage.h"

namespace regfs {
namespace {

bool Newer(const timespec& a, const timespec& b) {
  return a.tv_sec != b.tv_sec ? a.tv_sec > b.tv_sec : a.tv_nsec > b.tv_nsec;
}

// Every name the mount shows comes from here: the first candidate that is one valid path
// component and not taken, else one made from the record id (ids are unique, and the loop
// steps past the rare key that happens to look like one).
template <typename Taken>
std::string PickName(const Taken& taken, std::initializer_list<std::string> candidates,
                     int64_t id) {
  for (const std::string& c : candidates)
    if (IsSafeComponent(c) && !taken(c)) return c;
  std::string base = "@" + std::to_string(id);
  std::string name = base;
  for (int n = 1; taken(name); ++n) name = base + "-" + std::to_string(n);
  return name;
}

// The name of file `r` of group `base`: the plain name where `plain` allows it and it is
// free, else the first free fallback (built only then: the plain name is the common case).
template <typename Taken>
std::string NameIn(const Taken& taken, const std::string& base, bool plain, const FileRec& r) {
  if (plain && IsSafeComponent(base) && !taken(base)) return base;
  return PickName(taken, {AtUidName(base, r.uid, r.suffix), r.uid + r.suffix, r.uid}, r.id);
}

}  // namespace

std::string ParentOf(const std::string& path) {
  size_t slash = path.rfind('/');
  return slash == std::string::npos ? std::string() : path.substr(0, slash);
}

std::string BaseOf(const std::string& path) {
  size_t slash = path.rfind('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

std::string Join(const std::string& dir, const std::string& name) {
  return dir.empty() ? name : dir + "/" + name;
}

bool AtOrBelow(const std::string& path, const std::string& dir) {
  return path == dir || (path.size() > dir.size() && path.compare(0, dir.size(), dir) == 0 &&
                         path[dir.size()] == '/');
}

std::string KeyDir(std::string_view key) {
  size_t start = 0;
  size_t dir_end = 0;  // the directory is key[0, dir_end)
  for (;;) {
    size_t slash = key.find('/', start);
    if (slash == std::string_view::npos) break;  // the last component is never a directory
    if (!IsSafeComponent(key.substr(start, slash - start))) break;
    dir_end = slash;
    start = slash + 1;
  }
  return std::string(key.substr(0, dir_end));
}

FileRec MakeFileRec(int64_t id, std::string_view uid, const std::optional<std::string_view>& key,
                    std::string_view suffix, int64_t size, std::string_view created_at,
                    std::string_view updated_at, int state, bool is_latest, bool is_folder) {
  FileRec r;
  r.id = id;
  r.uid = uid;
  r.suffix = suffix;
  if (key) r.dir = KeyDir(*key);
  if (key && IsSafeKey(*key)) {
    r.key_is_path = true;
    r.base = key->substr(r.dir.empty() ? 0 : r.dir.size() + 1);
  } else {
    // A suffix that is not plain text for a file name (a '/', a NUL, too long) is left off.
    r.base = r.uid + r.suffix;
    if (!IsSafeComponent(r.base)) r.base = r.uid;
    if (!IsSafeComponent(r.base)) r.base = "invalid-uid-" + std::to_string(id);
  }
  r.size = size;
  ParseTimestamp(created_at, &r.mtime);
  ParseTimestamp(updated_at, &r.ctime);
  r.is_latest = is_latest;
  r.is_folder = is_folder;
  r.state = state;
  return r;
}

FileRec MakeFileRec(const Artifact& a) {
  std::optional<std::string_view> key;
  if (a.key) key = *a.key;
  return MakeFileRec(a.id, a.uid, key, a.suffix, a.size.value_or(0), a.created_at, a.updated_at,
                     a.state, a.is_latest, a.is_folder);
}

std::string DisplayPath(const FileRec& r) {
  if (!r.key_is_path) return "";
  return Join(r.dir, r.base);
}

std::string AtUidName(const std::string& name, const std::string& uid, const std::string& suffix) {
  std::string stem = name;
  if (!suffix.empty() && stem.size() > suffix.size() &&
      stem.compare(stem.size() - suffix.size(), suffix.size(), suffix) == 0) {
    stem.resize(stem.size() - suffix.size());
  }
  return stem + "@" + uid + suffix;
}

// ---------------------------------------------------------------- AreaView

AreaView::AreaView(bool is_trash, bool complete) : trash_(is_trash) {
  if (complete) dirs_[""];
}

const FileRec* AreaView::Rec(int64_t id) const {
  auto it = recs_.find(id);
  return it == recs_.end() ? nullptr : &it->second.rec;
}

bool AreaView::HasDir(const std::string& path) const {
  if (path.empty() || Loaded(path)) return true;
  auto p = dirs_.find(ParentOf(path));
  return p != dirs_.end() && p->second.subdirs.count(BaseOf(path)) != 0;
}

const std::map<std::string, AreaView::Child>* AreaView::Names(const std::string& dir) const {
  auto it = dirs_.find(dir);
  return it == dirs_.end() ? nullptr : &it->second.names;
}

std::optional<AreaView::Child> AreaView::Lookup(const std::string& dir,
                                                const std::string& name) const {
  auto it = dirs_.find(dir);
  if (it == dirs_.end()) return std::nullopt;
  auto n = it->second.names.find(name);
  if (n == it->second.names.end()) return std::nullopt;
  return n->second;
}

std::string AreaView::ShownName(int64_t id) const {
  auto it = recs_.find(id);
  return it == recs_.end() ? std::string() : it->second.shown;
}

std::vector<int64_t> AreaView::IdsAt(const std::string& dir, const std::string& base) const {
  auto it = dirs_.find(dir);
  if (it == dirs_.end()) return {};
  auto g = it->second.groups.find(base);
  return g == it->second.groups.end() ? std::vector<int64_t>() : g->second;
}

std::vector<std::string> AreaView::LoadedDirs() const {
  std::vector<std::string> out;
  out.reserve(dirs_.size());
  for (const auto& [path, d] : dirs_) out.push_back(path);
  std::sort(out.begin(), out.end());
  return out;
}

void AreaView::EraseGroupNames(Dir& d, const std::string& base) {
  auto g = d.groups.find(base);
  if (g == d.groups.end()) return;
  for (int64_t id : g->second) {
    auto h = recs_.find(id);
    if (h == recs_.end() || h->second.shown.empty()) continue;
    auto n = d.names.find(h->second.shown);
    if (n != d.names.end() && !n->second.is_dir && n->second.id == id) d.names.erase(n);
    h->second.shown.clear();
  }
}

void AreaView::NameGroup(Dir& d, const std::string& base) {
  auto g = d.groups.find(base);
  if (g == d.groups.end() || g->second.empty()) return;
  auto taken = [&d](const std::string& n) { return d.names.count(n) != 0; };
  const bool plain_free = d.subdirs.count(base) == 0;  // a directory keeps the plain name
  if (g->second.size() == 1) {  // the common case: one record, nothing to order
    Held& h = recs_.at(g->second.front());
    h.shown = NameIn(taken, base, plain_free, h.rec);
    d.names[h.shown] = Child{false, h.rec.id};
    return;
  }
  std::vector<const FileRec*> members;
  members.reserve(g->second.size());
  for (int64_t id : g->second) members.push_back(&recs_.at(id).rec);
  if (trash_) {
    // Most recently trashed first.
    std::sort(members.begin(), members.end(), [](const FileRec* a, const FileRec* b) {
      if (a->ctime.tv_sec != b->ctime.tv_sec || a->ctime.tv_nsec != b->ctime.tv_nsec)
        return Newer(a->ctime, b->ctime);
      return a->id > b->id;
    });
  } else {
    // The latest version: is_latest, then newest created_at, then highest id.
    std::sort(members.begin(), members.end(), [](const FileRec* a, const FileRec* b) {
      if (a->is_latest != b->is_latest) return a->is_latest;
      if (a->mtime.tv_sec != b->mtime.tv_sec || a->mtime.tv_nsec != b->mtime.tv_nsec)
        return Newer(a->mtime, b->mtime);
      return a->id > b->id;
    });
  }
  for (size_t i = 0; i < members.size(); ++i) {
    if (!trash_ && i > 0) break;  // older visible versions are not shown
    const FileRec* r = members[i];
    std::string name = NameIn(taken, base, i == 0 && plain_free, *r);
    d.names[name] = Child{false, r->id};
    recs_.at(r->id).shown = std::move(name);
  }
}

void AreaView::AddSubdir(Dir& d, const std::string& name) {
  if (!d.subdirs.insert(name).second) return;
  // The name may be shown by a file of another group (as its @<uid> name): that group is
  // named again once the directory holds the name.
  std::string displaced_base;
  auto held = d.names.find(name);
  if (held != d.names.end() && !held->second.is_dir) {
    if (const FileRec* r = Rec(held->second.id)) displaced_base = r->base;
  }
  EraseGroupNames(d, name);
  if (!displaced_base.empty()) EraseGroupNames(d, displaced_base);
  d.names[name] = Child{true, 0};
  NameGroup(d, name);
  if (!displaced_base.empty() && displaced_base != name) NameGroup(d, displaced_base);
}

void AreaView::DropSubdir(Dir& d, const std::string& name) {
  if (d.subdirs.erase(name) == 0) return;
  auto n = d.names.find(name);
  if (n != d.names.end() && n->second.is_dir) d.names.erase(n);
  EraseGroupNames(d, name);
  NameGroup(d, name);  // a file of that name gets its plain name back
}

void AreaView::Prune(std::string dir) {
  while (!dir.empty()) {
    auto it = dirs_.find(dir);
    if (it == dirs_.end() || !it->second.names.empty() || user_dirs_.count(dir)) return;
    dirs_.erase(it);
    std::string parent = ParentOf(dir);
    auto p = dirs_.find(parent);
    if (p == dirs_.end()) return;
    DropSubdir(p->second, BaseOf(dir));
    dir = std::move(parent);
  }
}

void AreaView::EnsurePath(const std::string& path) {
  if (path.empty()) return;
  std::string cur;
  size_t start = 0;
  for (;;) {
    size_t slash = path.find('/', start);
    std::string comp =
        path.substr(start, slash == std::string::npos ? std::string::npos : slash - start);
    std::string child = Join(cur, comp);
    auto it = dirs_.find(cur);
    if (it != dirs_.end() && it->second.subdirs.count(comp) == 0) {
      AddSubdir(it->second, comp);
      // Nothing was below it, so its whole (empty) content is known.
      dirs_.try_emplace(child);
    }
    if (slash == std::string::npos) return;
    cur = std::move(child);
    start = slash + 1;
  }
}

void AreaView::DropRecords(Dir& d) {
  for (const auto& [base, ids] : d.groups) {
    for (int64_t id : ids) {
      recs_.erase(id);
    }
  }
}

bool AreaView::Install(const std::string& dir, Listing&& listing) {
  if (auto old = dirs_.find(dir); old != dirs_.end()) {
    DropRecords(old->second);
    dirs_.erase(old);
  }
  // Subdirectories that exist because of user-made directories below `dir`.
  std::vector<std::string> user_children;
  const std::string prefix = dir.empty() ? std::string() : dir + "/";
  for (auto it = user_dirs_.lower_bound(prefix); it != user_dirs_.end(); ++it) {
    if (it->compare(0, prefix.size(), prefix) != 0) break;
    if (it->size() == prefix.size()) continue;  // "" itself
    std::string rest = it->substr(prefix.size());
    std::string first = rest.substr(0, rest.find('/'));
    if (user_children.empty() || user_children.back() != first) user_children.push_back(first);
  }
  bool exists = dir.empty() || !listing.files.empty() || !listing.subdirs.empty() ||
                !user_children.empty() || user_dirs_.count(dir) != 0;
  if (!exists) {
    // Whatever the parent knew of it is stale.
    auto p = dirs_.find(ParentOf(dir));
    if (p != dirs_.end() && p->second.subdirs.count(BaseOf(dir))) {
      DropSubdir(p->second, BaseOf(dir));
      Prune(ParentOf(dir));
    }
    return false;
  }
  // The listing is newer than what the view shows elsewhere: its records move here.
  for (const FileRec& r : listing.files)
    if (recs_.count(r.id)) Remove(r.id);
  EnsurePath(dir);
  Dir& d = dirs_[dir];
  for (const std::string& s : listing.subdirs) d.subdirs.insert(s);
  for (const std::string& s : user_children) d.subdirs.insert(s);
  for (const std::string& s : d.subdirs) d.names[s] = Child{true, 0};
  for (FileRec& r : listing.files) {
    d.groups[r.base].push_back(r.id);
    int64_t id = r.id;
    recs_[id].rec = std::move(r);
  }
  // Named in a fixed order, so that listing the same records again shows the same names.
  std::vector<const std::string*> bases;
  bases.reserve(d.groups.size());
  for (const auto& [base, ids] : d.groups) bases.push_back(&base);
  std::sort(bases.begin(), bases.end(),
            [](const std::string* a, const std::string* b) { return *a < *b; });
  for (const std::string* base : bases) NameGroup(d, *base);
  return true;
}

void AreaView::Evict(const std::string& dir) {
  auto it = dirs_.find(dir);
  if (it == dirs_.end()) return;
  DropRecords(it->second);
  dirs_.erase(it);
}

void AreaView::Put(const FileRec& r) {
  if (auto old = recs_.find(r.id); old != recs_.end()) {
    // A directory the record stays in is not pruned (and made again) in between.
    std::string was = Detach(old);
    if (was != r.dir) Prune(std::move(was));
  }
  EnsurePath(r.dir);
  auto it = dirs_.find(r.dir);
  if (it == dirs_.end()) return;  // not loaded: listed when it is
  recs_[r.id] = Held{r, std::string()};
  Dir& d = it->second;
  EraseGroupNames(d, r.base);
  d.groups[r.base].push_back(r.id);
  NameGroup(d, r.base);
}

std::string AreaView::Detach(std::unordered_map<int64_t, Held>::iterator it) {
  const int64_t id = it->first;
  std::string dir = it->second.rec.dir;
  const std::string base = it->second.rec.base;
  Dir& d = dirs_.at(dir);  // records are held only in loaded directories
  EraseGroupNames(d, base);
  auto g = d.groups.find(base);
  if (g != d.groups.end()) {
    g->second.erase(std::remove(g->second.begin(), g->second.end(), id), g->second.end());
    if (g->second.empty()) d.groups.erase(g);
  }
  recs_.erase(it);
  NameGroup(d, base);
  return dir;
}

void AreaView::Remove(int64_t id) {
  auto it = recs_.find(id);
  if (it == recs_.end()) return;
  Prune(Detach(it));
}

bool AreaView::MakeDir(const std::string& path) {
  auto p = dirs_.find(ParentOf(path));
  if (p == dirs_.end() || p->second.names.count(BaseOf(path))) return false;
  user_dirs_.insert(path);
  EnsurePath(path);
  return true;
}

bool AreaView::DirEmpty(const std::string& path) const {
  auto it = dirs_.find(path);
  return it == dirs_.end() || it->second.names.empty();
}

bool AreaView::RemoveDir(const std::string& path) {
  auto it = dirs_.find(path);
  if (it != dirs_.end() && !it->second.names.empty()) return false;
  user_dirs_.erase(path);
  Prune(path);
  return true;
}

namespace {
// The paths of `set` at or below `dir`, deepest first.
std::vector<std::string> AtOrBelowOf(const std::set<std::string>& set, const std::string& dir) {
  std::vector<std::string> out;
  for (auto it = set.lower_bound(dir); it != set.end() && it->compare(0, dir.size(), dir) == 0;
       ++it)
    if (AtOrBelow(*it, dir)) out.push_back(*it);
  std::sort(out.begin(), out.end(),
            [](const std::string& a, const std::string& b) { return a > b; });
  return out;
}
}  // namespace

void AreaView::MoveUserDirs(const std::string& from, const std::string& to) {
  std::vector<std::string> moved = AtOrBelowOf(user_dirs_, from);
  for (const std::string& p : moved) user_dirs_.erase(p);
  for (const std::string& p : moved) Prune(p);
  for (const std::string& p : moved) {
    std::string target = to + p.substr(from.size());
    user_dirs_.insert(target);
    EnsurePath(target);
  }
}

void AreaView::DropUserDirs(const std::string& path) {
  std::vector<std::string> marked = AtOrBelowOf(user_dirs_, path);
  for (const std::string& p : marked) user_dirs_.erase(p);
  for (const std::string& p : marked) Prune(p);
}

bool AreaView::KeepDir(const std::string& path) {
  if (path.empty()) return true;
  std::string parent = ParentOf(path);
  if (!KeepDir(parent)) return false;
  if (user_dirs_.count(path)) return true;
  auto p = dirs_.find(parent);
  if (p != dirs_.end()) {
    const std::string name = BaseOf(path);
    if (!p->second.subdirs.count(name) && p->second.names.count(name))
      return false;  // a file has it
  }
  user_dirs_.insert(path);
  EnsurePath(path);
  return true;
}

// ---------------------------------------------------------------- collections

std::map<std::string, int64_t> CollectionNames(const std::vector<CollectionRec>& cols, bool trash) {
  std::map<std::string, std::vector<const CollectionRec*>> groups;
  std::map<std::string, int64_t> out;
  auto taken = [&out](const std::string& n) { return out.count(n) != 0; };
  std::vector<const CollectionRec*> unsafe;
  for (const auto& c : cols) {
    if (IsSafeComponent(c.name))
      groups[c.name].push_back(&c);
    else
      unsafe.push_back(&c);
  }
  for (auto& [name, members] : groups) {
    std::sort(members.begin(), members.end(),
              [trash](const CollectionRec* a, const CollectionRec* b) {
                const timespec& ta = trash ? a->ctime : a->mtime;
                const timespec& tb = trash ? b->ctime : b->mtime;
                if (ta.tv_sec != tb.tv_sec || ta.tv_nsec != tb.tv_nsec) return Newer(ta, tb);
                return a->id > b->id;
              });
    for (size_t i = 0; i < members.size(); ++i) {
      const CollectionRec* c = members[i];
      std::string plain = i == 0 ? name : std::string();
      out.emplace(PickName(taken, {plain, name + "@" + c->uid, c->uid}, c->id), c->id);
    }
  }
  // Unsafe names last, so that they never take a name a safe one would show under.
  for (const CollectionRec* c : unsafe) out.emplace(PickName(taken, {c->uid}, c->id), c->id);
  return out;
}

std::vector<std::string> MemberNames(const std::vector<MemberRec>& members) {
  std::vector<std::string> out;
  std::unordered_set<std::string> taken;
  auto is_taken = [&taken](const std::string& n) { return taken.count(n) != 0; };
  for (const MemberRec& m : members) {
    std::string name = NameIn(is_taken, m.file.base, /*plain=*/true, m.file);
    taken.insert(name);
    out.push_back(std::move(name));
  }
  return out;
}

}  // namespace regfs
