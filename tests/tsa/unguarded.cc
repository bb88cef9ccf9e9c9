// Must NOT compile in the thread-safety build: a guarded field touched without its lock.
#include "core/sync.h"

struct Counter {
  regfs::Mutex mu;
  int n GUARDED_BY(mu) = 0;
  void Bump() { ++n; }
};

int main() {
  Counter c;
  c.Bump();
}
