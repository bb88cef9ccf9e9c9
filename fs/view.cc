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

// Splits "a/b/c" into its components.
std::vector<std::string> Components(const std::string& path) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start < path.size()) {
    size_t slash = path.find('/', start);
    if (slash == std::string::npos) slash = path.size();
    out.push_back(path.substr(start, slash - start));
    start = slash + 1;
  }
  return out;
}

}  // namespace

// Every name the mount shows comes from here: the first candidate that is one valid path
// component and not taken, else one made from the record id (ids are unique, and the loop
// steps past the rare key that happens to look like one).
std::string PickName(const std::function<bool(const std::string&)>& taken,
                     std::initializer_list<std::string> candidates, int64_t id) {
  for (const std::string& c : candidates)
    if (IsSafeComponent(c) && !taken(c)) return c;
  std::string base = "@" + std::to_string(id);
  std::string name = base;
  for (int n = 1; taken(name); ++n) name = base + "-" + std::to_string(n);
  return name;
}

bool IsSafeComponent(const std::string& name) {
  return !name.empty() && name != "." && name != ".." && name.size() <= 255 &&
         name.find('/') == std::string::npos && name.find('\0') == std::string::npos;
}

FileRec MakeFileRec(int64_t id, std::string_view uid, const std::optional<std::string_view>& key,
                    std::string_view suffix, int64_t size, std::string_view created_at,
                    std::string_view updated_at, int state, bool is_latest, bool is_folder) {
  FileRec r;
  r.id = id;
  r.uid = uid;
  r.suffix = suffix;
  if (key && IsSafeKey(*key)) {
    r.key_is_path = true;
    size_t slash = key->rfind('/');
    if (slash == std::string_view::npos) {
      r.base = *key;
    } else {
      r.dir = key->substr(0, slash);
      r.base = key->substr(slash + 1);
    }
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
  return r.dir.empty() ? r.base : r.dir + "/" + r.base;
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

const FileRec* AreaView::Rec(int64_t id) const {
  auto it = recs_.find(id);
  return it == recs_.end() ? nullptr : &it->second;
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
  auto it = shown_.find(id);
  return it == shown_.end() ? std::string() : it->second;
}

void AreaView::Clear() {
  recs_.clear();
  dirs_.clear();
  shown_.clear();
  dirs_[""];
}

void AreaView::EraseGroupNames(Dir& d, const std::string& base) {
  auto g = d.groups.find(base);
  if (g == d.groups.end()) return;
  for (int64_t id : g->second) {
    auto s = shown_.find(id);
    if (s == shown_.end()) continue;
    auto n = d.names.find(s->second);
    if (n != d.names.end() && !n->second.is_dir && n->second.id == id) d.names.erase(n);
    shown_.erase(s);
  }
}

void AreaView::NameGroup(Dir& d, const std::string& base) {
  auto g = d.groups.find(base);
  if (g == d.groups.end() || g->second.empty()) return;
  std::vector<const FileRec*> members;
  members.reserve(g->second.size());
  for (int64_t id : g->second) members.push_back(&recs_.at(id));
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
  // A directory of the same name keeps the plain name.
  auto taken = [&d](const std::string& n) { return d.names.count(n) != 0; };
  for (size_t i = 0; i < members.size(); ++i) {
    if (!trash_ && i > 0) break;  // older visible versions are not shown
    const FileRec* r = members[i];
    std::string plain = i == 0 && d.subdirs.count(base) == 0 ? base : std::string();
    std::string name = PickName(taken,
                                {plain, AtUidName(base, r->uid, r->suffix), r->uid + r->suffix,
                                 r->uid},
                                r->id);
    d.names[name] = Child{false, r->id};
    shown_[r->id] = name;
  }
}

void AreaView::Adjust(const std::string& dir, int delta) {
  if (dir.empty()) return;
  std::vector<std::string> comps = Components(dir);
  std::string parent;
  for (const std::string& name : comps) {
    std::string path = parent.empty() ? name : parent + "/" + name;
    Dir& p = dirs_[parent];
    int64_t& count = p.subdirs[name];
    bool created = count == 0;
    count += delta;
    if (count <= 0) {
      p.subdirs.erase(name);
      EraseGroupNames(p, name);
      p.names.erase(name);
      NameGroup(p, name);  // a file of that name gets its plain name back
      // Everything below is gone too: no record and no user-made directory remains.
      for (auto it = dirs_.begin(); it != dirs_.end();) {
        if (it->first == path || it->first.compare(0, path.size() + 1, path + "/") == 0)
          it = dirs_.erase(it);
        else
          ++it;
      }
      return;
    }
    if (created) {
      dirs_[path];
      // The name may be shown by a file of another group (as its @<uid> name): that group
      // is named again once the directory holds the name.
      std::string displaced_base;
      auto held = p.names.find(name);
      if (held != p.names.end() && !held->second.is_dir) {
        if (const FileRec* r = Rec(held->second.id)) displaced_base = r->base;
      }
      EraseGroupNames(p, name);
      if (!displaced_base.empty()) EraseGroupNames(p, displaced_base);
      p.names[name] = Child{true, 0};
      NameGroup(p, name);
      if (!displaced_base.empty() && displaced_base != name) NameGroup(p, displaced_base);
    }
    parent = path;
  }
}

void AreaView::Put(const FileRec& r) {
  Remove(r.id);
  recs_[r.id] = r;
  Adjust(r.dir, +1);
  Dir& d = dirs_[r.dir];
  EraseGroupNames(d, r.base);
  d.groups[r.base].push_back(r.id);
  NameGroup(d, r.base);
}

void AreaView::Remove(int64_t id) {
  auto it = recs_.find(id);
  if (it == recs_.end()) return;
  const std::string dir = it->second.dir;
  const std::string base = it->second.base;
  auto dit = dirs_.find(dir);
  if (dit != dirs_.end()) {
    Dir& d = dit->second;
    EraseGroupNames(d, base);
    auto& group = d.groups[base];
    group.erase(std::remove(group.begin(), group.end(), id), group.end());
    if (group.empty()) d.groups.erase(base);
    recs_.erase(it);
    NameGroup(d, base);
  } else {
    recs_.erase(it);
  }
  shown_.erase(id);
  Adjust(dir, -1);
}

bool AreaView::MakeDir(const std::string& path) {
  size_t slash = path.rfind('/');
  std::string parent = slash == std::string::npos ? "" : path.substr(0, slash);
  std::string name = slash == std::string::npos ? path : path.substr(slash + 1);
  auto p = dirs_.find(parent);
  if (p == dirs_.end() || p->second.names.count(name)) return false;
  Adjust(path, +1);
  dirs_[path].user_made = true;
  return true;
}

bool AreaView::DirEmpty(const std::string& path) const {
  auto it = dirs_.find(path);
  return it == dirs_.end() || it->second.names.empty();
}

bool AreaView::RemoveDir(const std::string& path) {
  auto it = dirs_.find(path);
  if (it == dirs_.end()) return true;
  if (!it->second.names.empty()) return false;
  if (it->second.user_made) {
    it->second.user_made = false;
    Adjust(path, -1);
  }
  return true;
}

void AreaView::MoveUserDirs(const std::string& from, const std::string& to) {
  std::vector<std::string> moved;
  for (const auto& [path, d] : dirs_) {
    if (!d.user_made) continue;
    if (path == from || path.compare(0, from.size() + 1, from + "/") == 0) moved.push_back(path);
  }
  for (const std::string& path : moved) {
    auto it = dirs_.find(path);
    if (it == dirs_.end()) continue;
    it->second.user_made = false;
    Adjust(path, -1);
  }
  for (const std::string& path : moved) {
    std::string target = to + path.substr(from.size());
    if (!HasDir(target)) {
      Adjust(target, +1);
      dirs_[target].user_made = true;
    } else if (!dirs_[target].user_made) {
      Adjust(target, +1);
      dirs_[target].user_made = true;
    }
  }
}

void AreaView::DropUserDirs(const std::string& path) {
  std::vector<std::string> marked;
  for (const auto& [p, d] : dirs_) {
    if (d.user_made && (p == path || p.compare(0, path.size() + 1, path + "/") == 0))
      marked.push_back(p);
  }
  for (const std::string& p : marked) {
    auto it = dirs_.find(p);
    if (it == dirs_.end() || !it->second.user_made) continue;
    it->second.user_made = false;
    Adjust(p, -1);
  }
}

bool AreaView::KeepDir(const std::string& path) {
  if (path.empty()) return true;
  size_t slash = path.rfind('/');
  if (slash != std::string::npos && !KeepDir(path.substr(0, slash))) return false;
  auto it = dirs_.find(path);
  if (it != dirs_.end()) {
    if (!it->second.user_made) {
      Adjust(path, +1);
      dirs_[path].user_made = true;
    }
    return true;
  }
  return MakeDir(path);
}

std::vector<std::string> AreaView::UserDirs() const {
  std::vector<std::string> out;
  for (const auto& [p, d] : dirs_)
    if (d.user_made) out.push_back(p);
  std::sort(out.begin(), out.end());  // "a" sorts before "a/b"
  return out;
}

std::vector<int64_t> AreaView::IdsUnder(const std::string& dir) const {
  std::vector<int64_t> ids;
  for (const auto& [id, r] : recs_) {
    if (dir.empty() || r.dir == dir || r.dir.compare(0, dir.size() + 1, dir + "/") == 0) {
      if (r.key_is_path || dir.empty()) ids.push_back(id);
    }
  }
  std::sort(ids.begin(), ids.end());
  return ids;
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
    std::sort(members.begin(), members.end(), [trash](const CollectionRec* a, const CollectionRec* b) {
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
    const FileRec& f = m.file;
    std::string name =
        PickName(is_taken, {f.base, AtUidName(f.base, f.uid, f.suffix), f.uid + f.suffix, f.uid},
                 f.id);
    taken.insert(name);
    out.push_back(std::move(name));
  }
  return out;
}

}  // namespace regfs
