// Path helpers: the one copy. Two kinds of path meet in regfs:
//   - file-system paths ("/data/lab/.lamindb/x.txt"), for which DirName and BaseName behave
//     as dirname(1) and basename(1);
//   - paths inside an area of the mount or a key ("a/b/c", "" for the top), for which
//     ParentOf gives "" at the top level.
// Everything here is lexical: nothing touches the file system.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace regfs::path {

// As dirname(1): "a/b" -> "a", "b" -> ".", "/b" -> "/", "/" -> "/". Trailing slashes of
// `p` are not ignored ("a/b/" -> "a/b").
std::string DirName(std::string_view p);
// The last component, trailing slashes ignored: "a/b" -> "b", "a/b/" -> "b", "/" -> "/".
std::string BaseName(std::string_view p);
// `p` without trailing slashes; "/" stays "/" (a path that is only slashes becomes "/").
std::string StripTrailingSlashes(std::string_view p);

// The directory of an area path: "a/b/c" -> "a/b", "c" -> "".
std::string ParentOf(std::string_view p);
// The last component of an area path: "a/b/c" -> "c".
std::string BaseOf(std::string_view p);
// `dir` + "/" + `name`; an empty `dir` gives `name`, and a `dir` ending in '/' gets no
// second one.
std::string Join(std::string_view dir, std::string_view name);
// True when `p` is `dir` or lies below it ("a/b" is at or below "a", "ab" is not). Every
// path is at or below "" (the top).
bool AtOrBelow(std::string_view p, std::string_view dir);

// The part of `p` strictly below `root` when every component of it is a plain name (no
// "", "." or "..", no NUL), else nullopt: "/r/a/b" below "/r" is "a/b"; "/r", "/r/../x", "/r//x"
// and
// "/rx" are not below "/r". `root` has no trailing slash, or is "/".
std::optional<std::string_view> RelativeInside(std::string_view p, std::string_view root);
// True when RelativeInside has a value: the only paths a stored-file operation may touch.
bool Inside(std::string_view p, std::string_view root);

}  // namespace regfs::path
