// Timestamps as LaminDB stores them: UTC text "YYYY-MM-DD HH:MM:SS.ffffff".
#pragma once

#include <ctime>
#include <string>
#include <string_view>

namespace regfs {

std::string NowTimestamp();
std::string FormatTimestamp(const timespec& ts);
// Parses "YYYY-MM-DD HH:MM:SS[.f...]" (also with 'T' and trailing 'Z' or "+00:00").
// Returns false for unparseable text.
bool ParseTimestamp(std::string_view text, timespec* out);

}  // namespace regfs
