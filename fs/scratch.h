// A per-thread buffer for moving file content (copying, writing) without allocating and
// clearing memory for every request: a fresh 1 MiB std::vector<char> is an mmap, a memset
// that faults in 256 pages, and an munmap, each time.
#pragma once

#include <cstddef>
#include <memory>

namespace regfs {

// At least `size` bytes, valid until this thread asks again. Not cleared.
inline char* Scratch(size_t size) {
  thread_local std::unique_ptr<char[]> buf;
  thread_local size_t cap = 0;
  if (size > cap) {
    buf.reset(new char[size]);
    cap = size;
  }
  return buf.get();
}

}  // namespace regfs
