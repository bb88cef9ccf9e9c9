// LaminDB identifiers: base62 (0-9A-Za-z) random strings from a CSPRNG.
#pragma once

#include <string>
#include <string_view>

namespace regfs {

inline constexpr std::string_view kBase62 =
    "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

std::string RandomBase62(size_t n);
// A new version family: 16 random characters, version suffix "0000" (as LaminDB).
inline std::string NewArtifactUid() { return RandomBase62(16) + "0000"; }
inline std::string NewCollectionUid() { return RandomBase62(20); }
inline std::string NewStorageUid() { return RandomBase62(12); }
inline std::string NewUserUid() { return RandomBase62(8); }
// The next 4-char version suffix in base62 order ("0000" -> "0001", "000z" -> "0010").
// "zzzz" has no successor and wraps to "0000"; callers pass the family's highest uid.
std::string IncrementBase62(std::string_view s);
// Same 16-char stem as `uid`, suffix incremented (LaminDB's rule). Pass the family's
// highest uid so the result is unused; a 16-char stem gives "<stem>0001".
std::string NewVersionUid(std::string_view uid);
bool IsBase62(std::string_view s);
// True for a 20-char artifact/collection uid, or a 16-char stem when allow_stem.
bool LooksLikeUid(std::string_view s, bool allow_stem = false);

}  // namespace regfs
