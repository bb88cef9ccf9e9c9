// Must compile cleanly in the thread-safety build: the same shapes, used correctly.
#include "core/sync.h"

struct Two {
  regfs::Mutex outer;
  regfs::Mutex inner ACQUIRED_AFTER(outer);
  regfs::CondVar cv;
  int n GUARDED_BY(inner) = 0;
  void Forwards() {
    regfs::MutexLock a(&outer);
    regfs::MutexLock b(&inner);
    ++n;
  }
  void WaitPositive() {
    regfs::MutexLock b(&inner);
    while (n <= 0) cv.Wait(&inner);
  }
  void Locked() REQUIRES(inner) { ++n; }
};

int main() {
  Two t;
  t.Forwards();
  {
    regfs::MutexLock b(&t.inner);
    t.Locked();
  }
  t.WaitPositive();
}
