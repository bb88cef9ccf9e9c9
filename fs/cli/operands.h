// What a command-line operand names: an artifact uid (20 characters), a uid stem (16, the
// latest of that family), a collection uid, an artifact key, or a collection name. Among
// several records at one key, the visible latest is meant (the one the mount shows at
// artifacts/<key>), else the most recently trashed, by the rule the mount's .trash/ uses
// for its plain names (keys::TrashedLater); `restore` asks for the trashed one first. A
// string that looks like a uid but matches no record is tried as a key.
#pragma once

#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "core/records.h"
#include "core/registry/registry.h"
#include "core/status.h"

namespace regfs::cli {

using Record = std::variant<Artifact, Collection>;

enum class Prefer { kVisibleFirst, kTrashFirst };

// nullopt when nothing matches.
Result<std::optional<Record>> Resolve(Registry& reg, const std::string& operand, Prefer prefer);
// Every operand, before anything changes (a typo in the third must not leave the first two
// half-done): kNotFound naming the first that matches nothing.
Result<std::vector<Record>> ResolveAll(Registry& reg, const std::string& cmd,
                                       const std::vector<std::string>& operands, Prefer prefer);

// "artifact <uid> (<key>)", "collection <uid> (<name>)".
std::string Describe(const Artifact& a);
std::string Describe(const Collection& c);

// What "moved to trash (visibility = -1)" calls the state column in this database.
std::string StateColumn(const Registry& reg);

}  // namespace regfs::cli
