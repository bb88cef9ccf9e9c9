// Must NOT compile in the thread-safety build: a database load (EnsureMembers) while the
// view's lock is held, the deadlock of issue 11 (fs/session/session.h, "two rules").
#include "fs/session/session.h"

namespace regfs {
Status MembersUnderTheViewLock(Session& s) {
  ReaderLock lk(&s.view().mu());
  return s.view().EnsureMembers(1);
}
}  // namespace regfs

int main() {}
