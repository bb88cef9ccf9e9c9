// Must compile cleanly in the thread-safety build: the mount's locks used in their order
// (fs/session/session.h): an open file, the writer, then the view.
#include "fs/session/session.h"

namespace regfs {
size_t InOrder(Session& s, FileHandle& h) {
  MutexLock hl(&h.mu);
  WriterPool::Writer w(&s.writers());
  ReaderLock lk(&s.view().mu());
  return s.view().records();
}
Status LoadThenRead(Session& s) {
  Status st = s.view().EnsureMembers(1);
  ReaderLock lk(&s.view().mu());
  return s.view().members(1) ? st : Status::NotFound("members");
}
}  // namespace regfs

int main() {}
