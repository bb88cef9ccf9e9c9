// Must NOT compile in the thread-safety build: the writer taken while the view's lock is
// held, against the mount's lock order (fs/session/session.h).
#include "fs/session/session.h"

namespace regfs {
void WriterUnderTheViewLock(Session& s) {
  ReaderLock lk(&s.view().mu());
  WriterPool::Writer w(&s.writers());
}
}  // namespace regfs

int main() {}
