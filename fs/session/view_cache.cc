#include "fs/session/view_cache.h"

#include <algorithm>
#include <map>

#include "core/clock.h"
#include "fs/inodes.h"
#include "fs/log.h"
#include "fs/session/notifier.h"

namespace regfs {

namespace {

FileRec FromListed(const Registry::Listed& l) {
  return MakeFileRec(l.id, l.uid, l.key, l.suffix, l.size, l.created_at, l.updated_at, l.state,
                     l.is_latest, l.is_folder);
}

CollectionRec MakeCollectionRec(const Collection& c) {
  CollectionRec r;
  r.id = c.id;
  r.uid = c.uid;
  r.name = c.name;
  r.state = c.state;
  ParseTimestamp(c.created_at, &r.mtime);
  ParseTimestamp(c.updated_at, &r.ctime);
  return r;
}

std::vector<MemberRec> MakeMembers(const std::vector<Registry::MemberLink>& links) {
  std::vector<MemberRec> out;
  out.reserve(links.size());
  for (const auto& l : links) {
    MemberRec m;
    m.link_id = l.link_id;
    m.file = MakeFileRec(l.artifact);  // named by the last component of its key
    out.push_back(std::move(m));
  }
  return out;
}

}  // namespace

ViewCache::ViewCache(WriterPool& writers, InodeTable& inodes, Notifier& notifier)
    : writers_(writers), inodes_(inodes), notifier_(notifier) {}

// ---------------------------------------------------------------- reading

const CollectionRec* ViewCache::collection(int64_t id) const {
  for (const auto* list : {&visible_cols_, &trash_cols_})
    for (const auto& c : *list)
      if (c.id == id) return &c;
  return nullptr;
}

const std::vector<MemberRec>* ViewCache::members(int64_t collection_id) const {
  auto it = members_.find(collection_id);
  return it == members_.end() ? nullptr : &it->second;
}

const MemberRec* ViewCache::member(int64_t link_id) const {
  for (const auto& [cid, members] : members_)
    for (const auto& m : members)
      if (m.link_id == link_id) return &m;
  return nullptr;
}

Result<std::string> ViewCache::FolderPath(int64_t artifact_id, const std::string& inner) const {
  auto it = folder_roots_.find(artifact_id);
  if (it == folder_roots_.end())
    return Status::NotFound("folder artifact id " + std::to_string(artifact_id) +
                            ": stored folder not known");
  // `inner` is built from names the kernel looked up one by one (no '/', '.', '..' in a
  // component), and each component was checked not to be a symlink when it was looked up.
  return inner.empty() ? it->second : it->second + "/" + inner;
}

// ---------------------------------------------------------------- loading

Status ViewCache::ListDir(Registry& reg, bool trash, const std::string& dir,
                          AreaView::Listing* out) {
  out->files.clear();
  out->subdirs.clear();
  return reg.ListDir(
      dir, trash ? kStateTrash : kStateVisible,
      [&](const Registry::Listed& l) {
        FileRec r = FromListed(l);
        // The registry's scan and the view agree on where a key is shown (KeyDir); a record
        // that would land elsewhere is left out rather than filed in the wrong directory.
        if (r.dir != dir) {
          log::Warn("listing " + dir + ": record id " + std::to_string(r.id) +
                    " belongs to directory '" + r.dir + "'; not shown here");
          return;
        }
        out->files.push_back(std::move(r));
      },
      [&](std::string_view name) { out->subdirs.emplace_back(name); });
}

Status ViewCache::EnsureDir(bool trash, const std::string& dir) {
  {
    ReaderLock lk(&mu_);
    if (area(trash).Loaded(dir)) return Status();
  }
  AreaView::Listing listing;
  auto missing = [&] {
    return Status::NotFound(std::string(trash ? ".trash/artifacts/" : "artifacts/") + dir);
  };
  for (int attempt = 0; attempt < 2; ++attempt) {
    uint64_t before = epoch_.load();
    {
      REGFS_ASSIGN_OR_RETURN(auto reader, writers_.AcquireReader());
      REGFS_RETURN_IF_ERROR(
          reader->InReadSnapshot([&] { return ListDir(*reader, trash, dir, &listing); }));
    }
    WriterLock lk(&mu_);
    if (area(trash).Loaded(dir)) return Status();
    // A change of the mount's own landed while listing: the listing may predate it.
    if (epoch_.load() == before)
      return mutable_area(trash).Install(dir, std::move(listing)) ? Status() : missing();
  }
  // Changes keep landing: list under the writer, which they wait for.
  WriterPool::Writer w(&writers_, WriterPool::Use::kRead);
  REGFS_RETURN_IF_ERROR(w->InReadSnapshot([&] { return ListDir(*w, trash, dir, &listing); }));
  WriterLock lk(&mu_);
  if (area(trash).Loaded(dir)) return Status();
  return mutable_area(trash).Install(dir, std::move(listing)) ? Status() : missing();
}

Status ViewCache::EnsureCollections() {
  {
    ReaderLock lk(&mu_);
    if (cols_loaded_) return Status();
  }
  // Rare (once per mount): read under the writer, so that no change of a collection by the
  // mount lands between the read and the install.
  WriterPool::Writer w(&writers_, WriterPool::Use::kRead);
  REGFS_ASSIGN_OR_RETURN(auto cols, w->Collections(StateFilter::kAll));
  WriterLock lk(&mu_);
  if (!cols_loaded_) InstallCollections(cols);
  return Status();
}

Status ViewCache::EnsureMembers(int64_t collection_id) {
  {
    ReaderLock lk(&mu_);
    if (members_.count(collection_id)) return Status();
  }
  for (int attempt = 0; attempt < 2; ++attempt) {
    uint64_t before = members_epoch_.load();
    std::vector<MemberRec> members;
    {
      REGFS_ASSIGN_OR_RETURN(auto reader, writers_.AcquireReader());
      REGFS_ASSIGN_OR_RETURN(auto links, reader->MemberLinks(collection_id));
      members = MakeMembers(links);
    }
    WriterLock lk(&mu_);
    if (members_.count(collection_id)) return Status();
    // The collections were read again meanwhile: the members may predate that.
    if (members_epoch_.load() == before) {
      members_[collection_id] = std::move(members);
      return Status();
    }
  }
  // Collections keep changing: read under the writer, which those changes hold.
  WriterPool::Writer w(&writers_, WriterPool::Use::kRead);
  REGFS_ASSIGN_OR_RETURN(auto links, w->MemberLinks(collection_id));
  WriterLock lk(&mu_);
  if (!members_.count(collection_id)) members_[collection_id] = MakeMembers(links);
  return Status();
}

Status ViewCache::EnsureFolderRoot(int64_t artifact_id) {
  {
    ReaderLock lk(&mu_);
    if (folder_roots_.count(artifact_id)) return Status();
  }
  REGFS_ASSIGN_OR_RETURN(auto a, LoadArtifact(artifact_id));
  if (!a) return Status::NotFound("artifact id " + std::to_string(artifact_id));
  REGFS_ASSIGN_OR_RETURN(std::string root, writers_.info().storage->StoredPath(*a));
  WriterLock lk(&mu_);
  folder_roots_.emplace(artifact_id, std::move(root));
  return Status();
}

Result<std::string> ViewCache::LoadFolderPath(int64_t artifact_id, const std::string& inner) {
  REGFS_RETURN_IF_ERROR(EnsureFolderRoot(artifact_id));
  ReaderLock lk(&mu_);
  return FolderPath(artifact_id, inner);
}

Result<std::optional<Artifact>> ViewCache::LoadArtifact(int64_t id) {
  REGFS_ASSIGN_OR_RETURN(auto reader, writers_.AcquireReader());
  return reader->ArtifactById(id);
}

Result<std::optional<FileRec>> ViewCache::LoadFileRec(int64_t id) {
  REGFS_ASSIGN_OR_RETURN(auto reader, writers_.AcquireReader());
  std::optional<FileRec> out;
  REGFS_RETURN_IF_ERROR(
      reader->ListedById(id, [&](const Registry::Listed& l) { out = FromListed(l); }).status());
  return out;
}

// ---------------------------------------------------------------- changes

void ViewCache::InstallCollections(const std::vector<Collection>& cols) {
  std::vector<CollectionRec> vis, tr;
  for (const auto& c : cols) {
    if (c.state == kStateVisible)
      vis.push_back(MakeCollectionRec(c));
    else if (c.state == kStateTrash)
      tr.push_back(MakeCollectionRec(c));
  }
  // Names the kernel may hold that change meaning: every collection name and member name
  // shown so far (collections are few).
  for (const auto& [name, id] : CollectionNames(visible_cols_, false))
    notifier_.InvalEntry(ino::kCollections, name);
  for (const auto& [name, id] : CollectionNames(trash_cols_, true))
    notifier_.InvalEntry(ino::kTrashCollections, name);
  for (const auto& [cid, members] : members_) {
    uint64_t col_ino = ino::Make(ino::Tag::kCollection, static_cast<uint64_t>(cid));
    for (const std::string& name : MemberNames(members)) notifier_.InvalEntry(col_ino, name);
  }
  members_.clear();
  members_epoch_++;
  visible_cols_ = std::move(vis);
  trash_cols_ = std::move(tr);
  cols_loaded_ = true;
}

Status ViewCache::RefreshCollections(WriterPool::Writer& w) {
  REGFS_ASSIGN_OR_RETURN(auto cols, w->Collections(StateFilter::kAll));
  WriterLock lk(&mu_);
  epoch_++;
  InstallCollections(cols);
  return Status();
}

void ViewCache::RefreshTree(bool trash, const std::string& dir) {
  WriterLock lk(&mu_);
  epoch_++;
  AreaView& a = mutable_area(trash);
  for (const std::string& d : a.LoadedDirs())
    if (AtOrBelow(d, dir)) a.Evict(d);
  // Its parent lists it (or no longer does) when it is listed again.
  a.Evict(ParentOf(dir));
}

std::optional<ViewCache::Shown> ViewCache::ShownAt(bool trash, int64_t id) {
  const FileRec* r = area(trash).Rec(id);
  if (!r) return std::nullopt;
  std::string name = area(trash).ShownName(id);
  if (name.empty()) return std::nullopt;
  uint64_t parent = inodes_.KnownDirIno(trash, r->dir);
  if (parent == 0) return std::nullopt;  // the kernel holds no name in that directory
  return Shown{parent, name, r->ctime, r->size};
}

Status ViewCache::RefreshKeys(WriterPool::Writer& w, const std::vector<std::string>& keys,
                              const std::vector<int64_t>& ids, const KernelDid* kernel_did) {
  // What the registry has now at these keys and for these ids, read before the view lock.
  std::unordered_map<int64_t, FileRec> now;
  std::vector<int64_t> touched(ids);
  for (const std::string& key : keys) {
    REGFS_RETURN_IF_ERROR(w->ListedAt(key, [&](const Registry::Listed& l) {
      touched.push_back(l.id);
      now.emplace(l.id, FromListed(l));
    }));
  }
  for (int64_t id : ids) {
    if (now.count(id)) continue;
    REGFS_RETURN_IF_ERROR(w->ListedById(id, [&](const Registry::Listed& l) {
                             now.emplace(l.id, FromListed(l));
                           }).status());
  }

  WriterLock lk(&mu_);
  epoch_++;
  // Records the view shows at these keys (some may have left them).
  for (const std::string& key : keys) {
    if (!IsSafeKey(key)) continue;
    std::string dir = KeyDir(key);
    std::string base = key.substr(dir.empty() ? 0 : dir.size() + 1);
    for (bool trash : {false, true})
      for (int64_t id : area(trash).IdsAt(dir, base)) touched.push_back(id);
  }
  std::sort(touched.begin(), touched.end());
  touched.erase(std::unique(touched.begin(), touched.end()), touched.end());

  // Where each touched record is shown, before and after: the kernel is told only about
  // names that now mean something else (a new name has nothing cached to forget), except
  // the one it just changed itself, and about records whose attributes changed under the
  // same name.
  std::vector<std::optional<Shown>> before;
  for (int64_t id : touched) {
    before.push_back(ShownAt(false, id));
    before.push_back(ShownAt(true, id));
  }

  // Directories that records leave through the mount stay until rmdir, as on any
  // filesystem: `rm -r` must still find them when it comes to remove them.
  std::vector<std::pair<bool, std::string>> left;
  for (int64_t id : touched) {
    if (const FileRec* r = visible_.Rec(id); r && !r->dir.empty()) left.emplace_back(false, r->dir);
    if (const FileRec* r = trash_.Rec(id); r && !r->dir.empty()) left.emplace_back(true, r->dir);
    auto it = now.find(id);
    bool stays_visible = it != now.end() && it->second.state == kStateVisible;
    bool stays_trash = it != now.end() && it->second.state == kStateTrash;
    // A record that stays in its area is replaced in place (Put), so that its directory is
    // never dropped and made again in between.
    if (!stays_visible) visible_.Remove(id);
    if (!stays_trash) trash_.Remove(id);
    if (stays_visible) visible_.Put(it->second);
    if (stays_trash) trash_.Put(it->second);
  }
  for (size_t i = 0; i < touched.size(); ++i) {
    for (bool trash : {false, true}) {
      const auto& was = before[2 * i + (trash ? 1 : 0)];
      if (!was) continue;
      auto is = ShownAt(trash, touched[i]);
      if (!is || is->parent != was->parent || is->name != was->name) {
        bool kernel_knows =
            kernel_did && kernel_did->parent == was->parent && kernel_did->name == was->name;
        if (!kernel_knows) notifier_.InvalEntry(was->parent, was->name);
      } else if (is->size != was->size || is->ctime.tv_sec != was->ctime.tv_sec ||
                 is->ctime.tv_nsec != was->ctime.tv_nsec) {
        notifier_.InvalInode(ino::FileIno(trash, touched[i]));
      }
    }
  }
  for (const auto& [trash, dir] : left)
    if (!area(trash).HasDir(dir)) mutable_area(trash).KeepDir(dir);
  return Status();
}

Status ViewCache::Reload() {
  WriterPool::Writer w(&writers_, WriterPool::Use::kRead);
  epoch_++;
  reloads_++;
  // What the kernel may hold names of: the loaded directories whose inode it has. The
  // others are forgotten and listed again when used.
  struct Before {
    bool trash;
    std::string dir;
    uint64_t ino;
    std::map<std::string, AreaView::Child> names;
    std::unordered_map<int64_t, std::pair<int64_t, timespec>> attrs;  // id -> size, ctime
  };
  std::vector<Before> before;
  std::vector<std::pair<bool, std::string>> forget;
  bool cols;
  {
    ReaderLock lk(&mu_);
    cols = cols_loaded_;
    for (bool trash : {false, true}) {
      for (const std::string& dir : area(trash).LoadedDirs()) {
        uint64_t dino = inodes_.KnownDirIno(trash, dir);
        if (dino == 0) {
          forget.emplace_back(trash, dir);
          continue;
        }
        Before b{trash, dir, dino, *area(trash).Names(dir), {}};
        for (const auto& [name, child] : b.names) {
          if (child.is_dir) continue;
          if (const FileRec* r = area(trash).Rec(child.id)) b.attrs[child.id] = {r->size, r->ctime};
        }
        before.push_back(std::move(b));
      }
    }
  }
  // Everything is read in one snapshot before the view lock is taken again.
  std::vector<AreaView::Listing> listings(before.size());
  std::vector<Collection> collections;
  REGFS_RETURN_IF_ERROR(w->InReadSnapshot([&]() -> Status {
    for (size_t i = 0; i < before.size(); ++i)
      REGFS_RETURN_IF_ERROR(ListDir(*w, before[i].trash, before[i].dir, &listings[i]));
    if (!cols) return Status();
    REGFS_ASSIGN_OR_RETURN(collections, w->Collections(StateFilter::kAll));
    return Status();
  }));
  WriterLock lk(&mu_);
  for (const auto& [trash, dir] : forget) mutable_area(trash).Evict(dir);
  // Everything is installed before anything is compared: a record that moved from one
  // directory to another leaves the first only when the second is installed.
  for (size_t i = 0; i < before.size(); ++i)
    mutable_area(before[i].trash).Install(before[i].dir, std::move(listings[i]));
  for (const Before& b : before) {
    const AreaView& a = area(b.trash);
    const auto* now = a.Names(b.dir);
    bool changed = !now || now->size() != b.names.size();
    for (const auto& [name, child] : b.names) {
      bool same = false;
      if (now) {
        auto it = now->find(name);
        same = it != now->end() && it->second.is_dir == child.is_dir && it->second.id == child.id;
        if (same && !child.is_dir) {
          const FileRec* r = a.Rec(child.id);
          auto old = b.attrs.find(child.id);
          same = r && old != b.attrs.end() && r->size == old->second.first &&
                 r->ctime.tv_sec == old->second.second.tv_sec &&
                 r->ctime.tv_nsec == old->second.second.tv_nsec;
        }
      }
      if (!same) {
        changed = true;
        notifier_.InvalEntry(b.ino, name);
        if (!child.is_dir) notifier_.InvalInode(ino::FileIno(b.trash, child.id));
      }
    }
    if (changed) notifier_.InvalInode(b.ino);  // its attributes and any listing the kernel keeps
  }
  if (cols) InstallCollections(collections);
  epoch_++;
  return Status();
}

}  // namespace regfs
