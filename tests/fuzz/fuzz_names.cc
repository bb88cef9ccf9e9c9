// libFuzzer target: key-to-path mapping (IsSafeKey, ValidateKey, SuffixOf), the names the
// mount shows (MakeFileRec, AreaView Put/Remove/Lookup/MakeDir/RemoveDir), the @<uid> rule
// (AtUidName, CollectionNames, MemberNames). The invariants are in names_harness.h; a
// violation aborts with a description, so libFuzzer keeps the input as a crash.
//
// Build and run: tests/fuzz/run.sh [SECONDS] (clang, -fsanitize=fuzzer,address,undefined).
// $REGFS_FUZZ_ALLOW (comma-separated invariant ids, e.g. "name-too-long,trash-unlisted")
// tolerates known violations so that a run can look past them; $REGFS_FUZZ_TRACE prints
// every step of an input to stderr.
#include <cstdio>
#include <cstdlib>

#include "tests/fuzz/names_harness.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const std::string allowed = [] {
    const char* env = std::getenv("REGFS_FUZZ_ALLOW");
    return std::string(env ? env : "");
  }();
  static const bool trace = std::getenv("REGFS_FUZZ_TRACE") != nullptr;
  std::string err = regfs::fuzz::Check(data, size, allowed, trace);
  if (!err.empty()) {
    std::fprintf(stderr, "naming invariant violated: %s\n", err.c_str());
    std::abort();
  }
  return 0;
}
