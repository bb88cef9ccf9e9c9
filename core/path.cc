#include "core/path.h"

namespace regfs::path {

std::string DirName(std::string_view p) {
  size_t slash = p.find_last_of('/');
  if (slash == std::string_view::npos) return ".";
  if (slash == 0) return "/";
  return std::string(p.substr(0, slash));
}

std::string StripTrailingSlashes(std::string_view p) {
  while (p.size() > 1 && p.back() == '/') p.remove_suffix(1);
  return std::string(p);
}

std::string BaseName(std::string_view p) {
  std::string s = StripTrailingSlashes(p);
  size_t slash = s.find_last_of('/');
  if (slash == std::string::npos || s == "/") return s;
  return s.substr(slash + 1);
}

std::string ParentOf(std::string_view p) {
  size_t slash = p.rfind('/');
  return slash == std::string_view::npos ? std::string() : std::string(p.substr(0, slash));
}

std::string BaseOf(std::string_view p) {
  size_t slash = p.rfind('/');
  return std::string(slash == std::string_view::npos ? p : p.substr(slash + 1));
}

std::string Join(std::string_view dir, std::string_view name) {
  std::string out(dir);
  if (!out.empty() && out.back() != '/') out += '/';
  out += name;
  return out;
}

bool AtOrBelow(std::string_view p, std::string_view dir) {
  if (dir.empty()) return true;
  return p == dir ||
         (p.size() > dir.size() && p.substr(0, dir.size()) == dir && p[dir.size()] == '/');
}

std::optional<std::string_view> RelativeInside(std::string_view p, std::string_view root) {
  if (root.empty() || p.size() <= root.size() || p.substr(0, root.size()) != root) {
    return std::nullopt;
  }
  std::string_view rel = p.substr(root.size());
  // Root "/" ends in its own separator; any other root must be followed by one.
  if (root.back() != '/') {
    if (rel.front() != '/') return std::nullopt;
    rel.remove_prefix(1);
  }
  // A NUL would cut the path short where the system sees it: another file than the one
  // checked here.
  if (rel.empty() || rel.find('\0') != std::string_view::npos) return std::nullopt;
  for (std::string_view rest = rel;;) {
    size_t slash = rest.find('/');
    std::string_view comp = rest.substr(0, slash);
    if (comp.empty() || comp == "." || comp == "..") return std::nullopt;
    if (slash == std::string_view::npos) return rel;
    rest.remove_prefix(slash + 1);
  }
}

bool Inside(std::string_view p, std::string_view root) {
  return RelativeInside(p, root).has_value();
}

}  // namespace regfs::path
