#include "fs/cli/operands.h"

#include <algorithm>

#include "core/keys.h"
#include "core/uid.h"

namespace regfs::cli {

namespace {

template <typename T>
std::optional<T> MostRecentlyTrashed(const std::vector<T>& list) {
  std::optional<T> best;
  for (const T& r : list) {
    if (!best || keys::TrashedLater(keys::TrashTime(r.updated_at), r.id,
                                    keys::TrashTime(best->updated_at), best->id)) {
      best = r;
    }
  }
  return best;
}

// The visible one the mount shows at the key: the latest version (keys::LatestFirst).
std::optional<Artifact> ShownLatest(const std::vector<Artifact>& list) {
  std::optional<Artifact> best;
  for (const Artifact& a : list) {
    if (!best || keys::LatestFirst(a.is_latest, keys::TrashTime(a.created_at), a.id,
                                   best->is_latest, keys::TrashTime(best->created_at), best->id)) {
      best = a;
    }
  }
  return best;
}

template <typename T>
std::optional<Record> Pick(const std::optional<T>& visible, const std::optional<T>& trashed,
                           Prefer prefer) {
  const std::optional<T>& first = prefer == Prefer::kVisibleFirst ? visible : trashed;
  const std::optional<T>& second = prefer == Prefer::kVisibleFirst ? trashed : visible;
  if (first) return Record(*first);
  if (second) return Record(*second);
  return std::nullopt;
}

}  // namespace

Result<std::optional<Record>> Resolve(Registry& reg, const std::string& operand, Prefer prefer) {
  if (LooksLikeUid(operand, /*allow_stem=*/true)) {
    REGFS_ASSIGN_OR_RETURN(auto art, reg.ArtifactByUid(operand));
    if (art) return std::optional<Record>(std::move(*art));
    REGFS_ASSIGN_OR_RETURN(auto col, reg.CollectionByUid(operand));
    if (col) return std::optional<Record>(std::move(*col));
    // Not a uid after all: it may still be a key that happens to look like one.
  }
  REGFS_ASSIGN_OR_RETURN(auto visible, reg.ArtifactsByKey(operand, kStateVisible));
  REGFS_ASSIGN_OR_RETURN(auto trashed, reg.ArtifactsByKey(operand, kStateTrash));
  if (auto r = Pick(ShownLatest(visible), MostRecentlyTrashed(trashed), prefer)) {
    return std::optional<Record>(std::move(*r));
  }
  // A collection by its name (LaminDB >= 1.0: its key), by the same rules.
  REGFS_ASSIGN_OR_RETURN(auto collections, reg.Collections(StateFilter::kAll));
  std::vector<Collection> named_visible, named_trashed;
  for (const Collection& c : collections) {
    if (c.name != operand) continue;
    if (c.state == kStateVisible) named_visible.push_back(c);
    if (c.state == kStateTrash) named_trashed.push_back(c);
  }
  // Among visible collections of one name, the newest (the mount's plain name).
  std::optional<Collection> newest;
  for (const Collection& c : named_visible) {
    if (!newest || keys::LatestFirst(false, keys::TrashTime(c.created_at), c.id, false,
                                     keys::TrashTime(newest->created_at), newest->id)) {
      newest = c;
    }
  }
  return Pick(newest, MostRecentlyTrashed(named_trashed), prefer);
}

Result<std::vector<Record>> ResolveAll(Registry& reg, const std::string& cmd,
                                       const std::vector<std::string>& operands, Prefer prefer) {
  std::vector<Record> records;
  for (const auto& op : operands) {
    auto r = Resolve(reg, op, prefer);
    if (!r.ok()) return r.status().Annotate(cmd + " " + op);
    if (!*r) {
      return Status::NotFound(cmd + " " + op + ": no artifact or collection with uid or key " + op);
    }
    records.push_back(std::move(**r));
  }
  return records;
}

std::string Describe(const Artifact& a) {
  std::string s = "artifact " + a.uid;
  if (a.key) s += " (" + *a.key + ")";
  return s;
}

std::string Describe(const Collection& c) {
  return "collection " + c.uid + " (" + c.name + ")";
}

std::string StateColumn(const Registry& reg) {
  const std::string& col = reg.schema().state_col;
  return col.empty() ? std::string("visibility") : col;
}

}  // namespace regfs::cli
