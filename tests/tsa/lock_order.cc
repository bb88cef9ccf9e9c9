// Must NOT compile in the thread-safety build: two locks taken against their written order.
#include "core/sync.h"

struct Two {
  regfs::Mutex outer;
  regfs::Mutex inner ACQUIRED_AFTER(outer);
  int n GUARDED_BY(inner) = 0;
  void Backwards() {
    regfs::MutexLock a(&inner);
    regfs::MutexLock b(&outer);
    ++n;
  }
};

int main() {
  Two t;
  t.Backwards();
}
