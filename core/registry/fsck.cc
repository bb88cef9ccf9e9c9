// `regfs fsck`: rows against stored content, and what a crash left pending.
#include <set>

#include "core/registry/impl.h"
#include "core/storage/layout.h"

namespace regfs {

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
    REGFS_RETURN_IF_ERROR(store().CleanStaging().Annotate("fsck: clean staging"));
  }

  std::set<std::string> stored;  // keys of the store that rows point to
  REGFS_RETURN_IF_ERROR(ForEachArtifact(StateFilter::kAll, [&](const Artifact& a) {
    auto loc = LocateArtifact(a, store().storage_id());
    if (!loc.ok()) return;  // another storage: not ours to check
    stored.insert(loc->key);
    // Missing is what is not there at all; something there that is not followed (a symlink
    // on the way) is not missing.
    if (store().Stat(*loc).status().IsNotFound()) {
      rep.missing_files.push_back(a.uid + " " + store().Address(*loc));
    }
  }));

  const Locator managed{std::string(layout::kManagedDir), false};
  REGFS_ASSIGN_OR_RETURN(auto names, store().List(managed));
  for (const std::string& n : names) {
    // LaminDB's own files (the registry, the storage markers, ...) and regfs's staging.
    if (layout::IsInstanceFile(n)) continue;
    Locator loc{layout::InManagedDir(n), false};
    if (stored.count(loc.key)) continue;
    std::string address = store().Address(loc);
    // An object with a pending delete is reported once, as pending (until repaired).
    if (!repair && pending_paths.count(address)) continue;
    rep.orphan_files.push_back(address);
  }
  return rep;
}

}  // namespace regfs
