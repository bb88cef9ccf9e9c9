// The daemon log: one line per event, with context. Thread-safe. Goes to stderr (foreground
// or when stderr is not a terminal) and to syslog when running in the background.
#pragma once

#include <string>

namespace regfs::log {

enum class Level { kDebug, kInfo, kWarn, kError };

void Init(bool foreground, bool debug);
void Write(Level level, const std::string& message);
inline void Info(const std::string& m) { Write(Level::kInfo, m); }
inline void Warn(const std::string& m) { Write(Level::kWarn, m); }
inline void Error(const std::string& m) { Write(Level::kError, m); }
void Debug(const std::string& m);

}  // namespace regfs::log
