// Mutexes, locks and condition variables that clang's thread-safety analysis understands.
//
// Every lock in regfs is one of these, never a bare std::mutex: with the annotations below
// the compiler checks, in the thread-safety build (scripts/test.sh --thread-safety, clang's
// -Wthread-safety -Wthread-safety-beta as errors), that guarded data is only touched with
// its lock held (GUARDED_BY), that a function's lock preconditions hold (REQUIRES,
// EXCLUDES), and that locks are taken in the written order (ACQUIRED_BEFORE /
// ACQUIRED_AFTER). Under GCC the annotations compile to nothing.
#pragma once

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <shared_mutex>

#if defined(__clang__)
#define REGFS_TSA(x) __attribute__((x))
#else
#define REGFS_TSA(x)
#endif

#define CAPABILITY(x) REGFS_TSA(capability(x))
#define SCOPED_CAPABILITY REGFS_TSA(scoped_lockable)
#define GUARDED_BY(x) REGFS_TSA(guarded_by(x))
#define PT_GUARDED_BY(x) REGFS_TSA(pt_guarded_by(x))
#define ACQUIRED_BEFORE(...) REGFS_TSA(acquired_before(__VA_ARGS__))
#define ACQUIRED_AFTER(...) REGFS_TSA(acquired_after(__VA_ARGS__))
#define REQUIRES(...) REGFS_TSA(requires_capability(__VA_ARGS__))
#define REQUIRES_SHARED(...) REGFS_TSA(requires_shared_capability(__VA_ARGS__))
#define ACQUIRE(...) REGFS_TSA(acquire_capability(__VA_ARGS__))
#define ACQUIRE_SHARED(...) REGFS_TSA(acquire_shared_capability(__VA_ARGS__))
#define RELEASE(...) REGFS_TSA(release_capability(__VA_ARGS__))
#define RELEASE_SHARED(...) REGFS_TSA(release_shared_capability(__VA_ARGS__))
#define RELEASE_GENERIC(...) REGFS_TSA(release_generic_capability(__VA_ARGS__))
#define TRY_ACQUIRE(...) REGFS_TSA(try_acquire_capability(__VA_ARGS__))
#define TRY_ACQUIRE_SHARED(...) REGFS_TSA(try_acquire_shared_capability(__VA_ARGS__))
#define EXCLUDES(...) REGFS_TSA(locks_excluded(__VA_ARGS__))
#define ASSERT_CAPABILITY(x) REGFS_TSA(assert_capability(x))
#define ASSERT_SHARED_CAPABILITY(x) REGFS_TSA(assert_shared_capability(x))
#define RETURN_CAPABILITY(x) REGFS_TSA(lock_returned(x))
#define NO_THREAD_SAFETY_ANALYSIS REGFS_TSA(no_thread_safety_analysis)

namespace regfs {

class CondVar;

// An exclusive lock.
class CAPABILITY("mutex") Mutex {
 public:
  Mutex() = default;
  Mutex(const Mutex&) = delete;
  Mutex& operator=(const Mutex&) = delete;

  void Lock() ACQUIRE() { m_.lock(); }
  void Unlock() RELEASE() { m_.unlock(); }
  bool TryLock() TRY_ACQUIRE(true) { return m_.try_lock(); }
  // Tells the analysis that the caller holds the lock (where it cannot see it).
  void AssertHeld() const ASSERT_CAPABILITY(this) {}

 private:
  friend class CondVar;
  std::mutex m_;
};

// A reader-writer lock.
class CAPABILITY("shared_mutex") SharedMutex {
 public:
  SharedMutex() = default;
  SharedMutex(const SharedMutex&) = delete;
  SharedMutex& operator=(const SharedMutex&) = delete;

  void Lock() ACQUIRE() { m_.lock(); }
  void Unlock() RELEASE() { m_.unlock(); }
  void LockShared() ACQUIRE_SHARED() { m_.lock_shared(); }
  void UnlockShared() RELEASE_SHARED() { m_.unlock_shared(); }
  void AssertHeld() const ASSERT_CAPABILITY(this) {}
  void AssertReaderHeld() const ASSERT_SHARED_CAPABILITY(this) {}

 private:
  std::shared_mutex m_;
};

// Holds a Mutex for its scope.
class SCOPED_CAPABILITY MutexLock {
 public:
  explicit MutexLock(Mutex* mu) ACQUIRE(mu) : mu_(mu) { mu_->Lock(); }
  ~MutexLock() RELEASE() { mu_->Unlock(); }
  MutexLock(const MutexLock&) = delete;
  MutexLock& operator=(const MutexLock&) = delete;

 private:
  Mutex* mu_;
};

// Holds a SharedMutex exclusively for its scope.
class SCOPED_CAPABILITY WriterLock {
 public:
  explicit WriterLock(SharedMutex* mu) ACQUIRE(mu) : mu_(mu) { mu_->Lock(); }
  ~WriterLock() RELEASE() { mu_->Unlock(); }
  WriterLock(const WriterLock&) = delete;
  WriterLock& operator=(const WriterLock&) = delete;

 private:
  SharedMutex* mu_;
};

// Holds a SharedMutex shared for its scope.
class SCOPED_CAPABILITY ReaderLock {
 public:
  explicit ReaderLock(SharedMutex* mu) ACQUIRE_SHARED(mu) : mu_(mu) { mu_->LockShared(); }
  ~ReaderLock() RELEASE() { mu_->UnlockShared(); }
  ReaderLock(const ReaderLock&) = delete;
  ReaderLock& operator=(const ReaderLock&) = delete;

 private:
  SharedMutex* mu_;
};

// A condition variable over a Mutex. The caller holds the mutex; waiting releases and
// re-acquires it, which the analysis sees as the lock held throughout.
class CondVar {
 public:
  void Wait(Mutex* mu) REQUIRES(mu) {
    std::unique_lock<std::mutex> lk(mu->m_, std::adopt_lock);
    cv_.wait(lk);
    lk.release();
  }
  // Returns false on timeout.
  template <typename Rep, typename Period>
  bool WaitFor(Mutex* mu, std::chrono::duration<Rep, Period> d) REQUIRES(mu) {
    std::unique_lock<std::mutex> lk(mu->m_, std::adopt_lock);
    bool woken = cv_.wait_for(lk, d) == std::cv_status::no_timeout;
    lk.release();
    return woken;
  }
  void Signal() { cv_.notify_one(); }
  void SignalAll() { cv_.notify_all(); }

 private:
  std::condition_variable cv_;
};

}  // namespace regfs
