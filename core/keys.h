// LaminDB's key and name rules, and the naming rules the mount and the CLI share: one copy
// of each (SPEC.md sections 1, 3 and 4).
#pragma once

#include <cstdint>
#include <ctime>
#include <optional>
#include <string>
#include <string_view>

#include "core/status.h"

namespace regfs::keys {

// The suffix LaminDB derives from a file name: the last extension, or a known compound one
// (".tar.gz", ".fastq.gz", ".anndata.zarr", ...). A purely numeric extension gives "".
std::string SuffixOf(std::string_view filename);

// True for a name usable as one path component: non-empty, not "." or "..", no '/', no NUL,
// at most 255 bytes (NAME_MAX).
bool IsSafeComponent(std::string_view name);
// A key that maps to a safe relative path: made of safe components only (no leading '/', no
// empty component), at most 1024 bytes.
bool IsSafeKey(std::string_view key);
// The same check for a key a user is writing, and LaminDB's own refusal of keys inside its
// managed directory. kInvalid (kNameTooLong for lengths) with what is wrong.
Status ValidateKey(std::string_view key);

// The directory of the mount a key is shown in: every component but the last for a safe
// key; for an unsafe one, the components before the first unsafe component (at most all but
// the last), so that a directory listing finds every record by its key range. "" is the top.
// The mount's view and Registry::ListDir both place records with it.
std::string KeyDir(std::string_view key);

// `<name without suffix>@<uid><suffix>`: the name of a record that cannot have the plain one.
std::string AtUidName(std::string_view name, std::string_view uid, std::string_view suffix);

// THE rule for several trashed records at one path: the most recently trashed keeps the
// plain name, for the mount (.trash/artifacts/) and the CLI operands (`regfs rm KEY`,
// `regfs restore KEY`) alike. "More recently trashed" is the later updated_at (set by every
// trash; compared as times, since LaminDB writes three text forms), then the higher id.
// TrashedLater(a, b) is true when a comes first; an unreadable updated_at counts as oldest.
timespec TrashTime(std::string_view updated_at);
bool TrashedLater(const timespec& a_updated, int64_t a_id, const timespec& b_updated, int64_t b_id);

// The rule for several visible records at one key: the one shown is the latest version
// (is_latest), then the newest created_at, then the highest id. LatestFirst(a, b) is true when
// a comes first.
bool LatestFirst(bool a_latest, const timespec& a_created, int64_t a_id, bool b_latest,
                 const timespec& b_created, int64_t b_id);

// The `otype` LaminDB >= 1.0 gives an artifact made from a file of this name: "DataFrame"
// for a last extension .parquet, .csv or .ipc, "AnnData" when one of its extensions is
// .h5ad, "MuData" for .h5mu; nullopt otherwise.
std::optional<std::string> OtypeOf(std::string_view filename);

// Database text made safe for one log line: control bytes (NUL above all) become '?'.
std::string Printable(std::string_view s);

}  // namespace regfs::keys

namespace regfs {
// The key rules everyone calls by their short names.
using keys::IsSafeComponent;
using keys::IsSafeKey;
using keys::SuffixOf;
using keys::ValidateKey;
}  // namespace regfs
