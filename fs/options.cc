#include "fs/options.h"

#include <cstdlib>
#include <cstring>

namespace regfs {

namespace {

std::vector<std::string> Split(const std::string& text, char sep) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find(sep, start);
    if (end == std::string::npos) end = text.size();
    if (end > start) out.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

// The options that set one switch of the configuration.
struct Switch {
  const char* name;
  bool MountConfig::*field;
  bool value;
};
constexpr Switch kSwitches[] = {
    {"notrash", &MountConfig::notrash, true},
    {"allow_other", &MountConfig::allow_other, true},
    {"ro", &MountConfig::read_only, true},
    {"rw", &MountConfig::read_only, false},
    {"purge_real_keys", &MountConfig::purge_real_keys, true},
    {"debug", &MountConfig::debug, true},
    {"sync", &MountConfig::sync, true},
    {"nopassthrough", &MountConfig::nopassthrough, true},
    {"passthrough", &MountConfig::nopassthrough, false},
};

}  // namespace

Status ParseMountOptions(const std::string& text, MountConfig* cfg) {
  for (const std::string& opt : Split(text, ',')) {
    const Switch* sw = nullptr;
    for (const Switch& s : kSwitches)
      if (opt == s.name) sw = &s;
    if (sw)
      cfg->*(sw->field) = sw->value;
    else if (opt == "default_permissions")
      continue;  // implied by allow_other
    else if (opt.rfind("max_threads=", 0) == 0) {
      std::string v = opt.substr(strlen("max_threads="));
      char* end = nullptr;
      long n = strtol(v.c_str(), &end, 10);
      if (v.empty() || *end != '\0' || n < 1 || n > 256)
        return Status::Invalid("max_threads must be a number from 1 to 256, got '" + v + "'");
      cfg->max_threads = static_cast<int>(n);
    } else {
      cfg->fuse_options.push_back(opt);
    }
  }
  return Status();
}

}  // namespace regfs
