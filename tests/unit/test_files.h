// Small file helpers the core's unit tests share.
#pragma once

#include <sys/stat.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace regfs::test_files {

// A file of ../shared/fixtures (the build passes its directory as REGFS_FIXTURES).
inline std::string Fixture(const std::string& name) {
  return std::string(REGFS_FIXTURES) + "/" + name;
}

inline std::string ReadAll(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// Writes `data` to `path`, making its directory first.
inline void WriteAll(const std::string& path, const std::string& data) {
  std::filesystem::create_directories(std::filesystem::path(path).parent_path());
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << data;
}

// True when something (a symlink included) is at `path`.
inline bool Exists(const std::string& path) {
  struct stat st;
  return lstat(path.c_str(), &st) == 0;
}

}  // namespace regfs::test_files
