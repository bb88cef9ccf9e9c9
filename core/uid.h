// LaminDB identifiers: base62 (0-9A-Za-z) random strings from a CSPRNG.
#pragma once

#include <string>
#include <string_view>

namespace regfs {

inline constexpr std::string_view kBase62 =
    "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

std::string RandomBase62(size_t n);
inline std::string NewArtifactUid() { return RandomBase62(20); }  // 16 stem + 4 version
inline std::string NewCollectionUid() { return RandomBase62(20); }
inline std::string NewStorageUid() { return RandomBase62(12); }
inline std::string NewUserUid() { return RandomBase62(8); }
// Same 16-char stem as `uid`, fresh 4-char version suffix.
std::string NewVersionUid(std::string_view uid);
bool IsBase62(std::string_view s);
// True for a 20-char artifact/collection uid, or a 16-char stem when allow_stem.
bool LooksLikeUid(std::string_view s, bool allow_stem = false);

}  // namespace regfs
