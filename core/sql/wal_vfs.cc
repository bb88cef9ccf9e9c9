#include "core/sql/wal_vfs.h"

#include <sqlite3.h>

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <cstring>
#include <new>
#include <vector>

#include "core/sync.h"

namespace regfs {
namespace {

constexpr size_t kMaxRun = 4u << 20;  // flush a longer run of frames at once
constexpr int kFrameHeader = 24;      // WAL frame header; bytes 4..7: db size after commit

sqlite3_vfs* g_base = nullptr;  // the VFS this one wraps (SQLite's default)
std::atomic<uint64_t> g_wal_writes{0};

// Every file this VFS opens: the wrapped file follows the struct in the same allocation.
struct File {
  sqlite3_file base;   // first: SQLite sees this
  sqlite3_file* real;  // the default VFS's file
  bool wal = false;
  // WAL files: a run of consecutive bytes not yet written, starting at run_off.
  std::vector<char>* run = nullptr;
  sqlite3_int64 run_off = 0;
  bool commit_pending = false;  // the last header was a commit frame's: flush after its page
};

File* F(sqlite3_file* f) {
  return reinterpret_cast<File*>(f);
}

int Flush(File* f) {
  if (!f->run || f->run->empty()) return SQLITE_OK;
  // SQLite's unix VFS writes at most 128 KiB - 1 bytes per call (it masks the length), so a
  // longer run goes in chunks below that.
  constexpr size_t kChunk = 0x1f000;
  int rc = SQLITE_OK;
  for (size_t done = 0; done < f->run->size() && rc == SQLITE_OK; done += kChunk) {
    size_t n = std::min(kChunk, f->run->size() - done);
    rc = f->real->pMethods->xWrite(f->real, f->run->data() + done, static_cast<int>(n),
                                   f->run_off + static_cast<sqlite3_int64>(done));
    g_wal_writes.fetch_add(1, std::memory_order_relaxed);
  }
  f->run->clear();
  return rc;
}

int Close(sqlite3_file* p) {
  File* f = F(p);
  int rc = Flush(f);
  int rc2 = f->real->pMethods ? f->real->pMethods->xClose(f->real) : SQLITE_OK;
  delete f->run;
  f->run = nullptr;
  return rc != SQLITE_OK ? rc : rc2;
}

int Read(sqlite3_file* p, void* buf, int amt, sqlite3_int64 off) {
  File* f = F(p);
  if (int rc = Flush(f); rc != SQLITE_OK) return rc;
  return f->real->pMethods->xRead(f->real, buf, amt, off);
}

int Write(sqlite3_file* p, const void* buf, int amt, sqlite3_int64 off) {
  File* f = F(p);
  if (!f->wal) return f->real->pMethods->xWrite(f->real, buf, amt, off);
  if (!f->run->empty() && off != f->run_off + static_cast<sqlite3_int64>(f->run->size())) {
    if (int rc = Flush(f); rc != SQLITE_OK) return rc;
  }
  if (f->run->empty()) f->run_off = off;
  const char* bytes = static_cast<const char*>(buf);
  f->run->insert(f->run->end(), bytes, bytes + amt);
  bool flush_now = f->run->size() >= kMaxRun;
  if (amt == kFrameHeader) {
    // A frame header: its page follows. A non-zero "database size after commit" marks the
    // last frame of a transaction.
    const auto* h = reinterpret_cast<const unsigned char*>(buf);
    uint32_t db_size =
        (uint32_t{h[4]} << 24) | (uint32_t{h[5]} << 16) | (uint32_t{h[6]} << 8) | h[7];
    f->commit_pending = db_size != 0;
  } else if (f->commit_pending) {
    f->commit_pending = false;
    flush_now = true;  // the commit frame is complete: on disk before SQLite publishes it
  }
  return flush_now ? Flush(f) : SQLITE_OK;
}

int Truncate(sqlite3_file* p, sqlite3_int64 size) {
  File* f = F(p);
  if (int rc = Flush(f); rc != SQLITE_OK) return rc;
  return f->real->pMethods->xTruncate(f->real, size);
}

int Sync(sqlite3_file* p, int flags) {
  File* f = F(p);
  if (int rc = Flush(f); rc != SQLITE_OK) return rc;
  return f->real->pMethods->xSync(f->real, flags);
}

int FileSize(sqlite3_file* p, sqlite3_int64* size) {
  File* f = F(p);
  if (int rc = Flush(f); rc != SQLITE_OK) return rc;
  return f->real->pMethods->xFileSize(f->real, size);
}

int Lock(sqlite3_file* p, int l) {
  return F(p)->real->pMethods->xLock(F(p)->real, l);
}
int Unlock(sqlite3_file* p, int l) {
  return F(p)->real->pMethods->xUnlock(F(p)->real, l);
}
int CheckReservedLock(sqlite3_file* p, int* out) {
  return F(p)->real->pMethods->xCheckReservedLock(F(p)->real, out);
}
int FileControl(sqlite3_file* p, int op, void* arg) {
  File* f = F(p);
  if (f->wal) {
    if (int rc = Flush(f); rc != SQLITE_OK) return rc;
  }
  return f->real->pMethods->xFileControl(f->real, op, arg);
}
int SectorSize(sqlite3_file* p) {
  return F(p)->real->pMethods->xSectorSize(F(p)->real);
}
int DeviceCharacteristics(sqlite3_file* p) {
  return F(p)->real->pMethods->xDeviceCharacteristics(F(p)->real);
}
int ShmMap(sqlite3_file* p, int pg, int pgsz, int extend, void volatile** out) {
  return F(p)->real->pMethods->xShmMap(F(p)->real, pg, pgsz, extend, out);
}
int ShmLock(sqlite3_file* p, int offset, int n, int flags) {
  return F(p)->real->pMethods->xShmLock(F(p)->real, offset, n, flags);
}
void ShmBarrier(sqlite3_file* p) {
  F(p)->real->pMethods->xShmBarrier(F(p)->real);
}
int ShmUnmap(sqlite3_file* p, int del) {
  return F(p)->real->pMethods->xShmUnmap(F(p)->real, del);
}
int Fetch(sqlite3_file* p, sqlite3_int64 off, int amt, void** out) {
  File* f = F(p);
  if (f->wal) {
    if (int rc = Flush(f); rc != SQLITE_OK) return rc;
  }
  return f->real->pMethods->xFetch(f->real, off, amt, out);
}
int Unfetch(sqlite3_file* p, sqlite3_int64 off, void* ptr) {
  return F(p)->real->pMethods->xUnfetch(F(p)->real, off, ptr);
}

// One method table per version of the wrapped file's (methods it lacks stay null).
sqlite3_io_methods MethodsFor(const sqlite3_io_methods* real) {
  sqlite3_io_methods m{};
  m.iVersion = real->iVersion;
  m.xClose = Close;
  m.xRead = Read;
  m.xWrite = Write;
  m.xTruncate = Truncate;
  m.xSync = Sync;
  m.xFileSize = FileSize;
  m.xLock = Lock;
  m.xUnlock = Unlock;
  m.xCheckReservedLock = CheckReservedLock;
  m.xFileControl = FileControl;
  m.xSectorSize = SectorSize;
  m.xDeviceCharacteristics = DeviceCharacteristics;
  if (real->iVersion >= 2) {
    m.xShmMap = ShmMap;
    m.xShmLock = ShmLock;
    m.xShmBarrier = ShmBarrier;
    m.xShmUnmap = ShmUnmap;
  }
  if (real->iVersion >= 3) {
    m.xFetch = Fetch;
    m.xUnfetch = Unfetch;
  }
  return m;
}

// One forwarding table per method table of the wrapped VFS (SQLite's unix VFS uses a few:
// one per locking style), made when a file with it is first opened. Static storage: the
// tables must outlive every connection, up to the process's exit.
constexpr int kMaxTables = 8;
Mutex g_methods_mu;
const sqlite3_io_methods* g_real_tables[kMaxTables] GUARDED_BY(g_methods_mu);
// Written once per slot under the mutex, read through the pointers Wrapped() hands out.
sqlite3_io_methods g_tables[kMaxTables];
int g_ntables GUARDED_BY(g_methods_mu) = 0;

const sqlite3_io_methods* Wrapped(const sqlite3_io_methods* real) {
  MutexLock lk(&g_methods_mu);
  for (int i = 0; i < g_ntables; ++i)
    if (g_real_tables[i] == real) return &g_tables[i];
  if (g_ntables == kMaxTables) return nullptr;
  g_real_tables[g_ntables] = real;
  g_tables[g_ntables] = MethodsFor(real);
  return &g_tables[g_ntables++];
}

int Open(sqlite3_vfs* vfs, sqlite3_filename name, sqlite3_file* p, int flags, int* out_flags) {
  (void)vfs;
  File* f = F(p);
  f->real = reinterpret_cast<sqlite3_file*>(f + 1);
  f->wal = (flags & SQLITE_OPEN_WAL) != 0;
  f->run = nullptr;
  f->run_off = 0;
  f->commit_pending = false;
  int rc = g_base->xOpen(g_base, name, f->real, flags, out_flags);
  if (rc != SQLITE_OK || !f->real->pMethods) {
    // SQLite calls xClose only when pMethods is set: leave it null, as the real file did.
    p->pMethods = nullptr;
    return rc;
  }
  if (f->wal) f->run = new (std::nothrow) std::vector<char>();
  if (f->wal && !f->run) {
    f->real->pMethods->xClose(f->real);
    p->pMethods = nullptr;
    return SQLITE_NOMEM;
  }
  p->pMethods = Wrapped(f->real->pMethods);
  if (!p->pMethods) {  // more method tables than expected: refuse rather than misbehave
    f->real->pMethods->xClose(f->real);
    delete f->run;
    f->run = nullptr;
    return SQLITE_CANTOPEN;
  }
  return SQLITE_OK;
}

// Everything but xOpen is the wrapped VFS's.
int Delete(sqlite3_vfs*, const char* name, int sync) {
  return g_base->xDelete(g_base, name, sync);
}
int Access(sqlite3_vfs*, const char* name, int flags, int* out) {
  return g_base->xAccess(g_base, name, flags, out);
}
int FullPathname(sqlite3_vfs*, const char* name, int n, char* out) {
  return g_base->xFullPathname(g_base, name, n, out);
}
void* DlOpen(sqlite3_vfs*, const char* name) {
  return g_base->xDlOpen(g_base, name);
}
void DlError(sqlite3_vfs*, int n, char* msg) {
  g_base->xDlError(g_base, n, msg);
}
void (*DlSym(sqlite3_vfs*, void* h, const char* sym))(void) {
  return g_base->xDlSym(g_base, h, sym);
}
void DlClose(sqlite3_vfs*, void* h) {
  g_base->xDlClose(g_base, h);
}
int Randomness(sqlite3_vfs*, int n, char* out) {
  return g_base->xRandomness(g_base, n, out);
}
int Sleep(sqlite3_vfs*, int us) {
  return g_base->xSleep(g_base, us);
}
int CurrentTime(sqlite3_vfs*, double* t) {
  return g_base->xCurrentTime(g_base, t);
}
int GetLastError(sqlite3_vfs*, int n, char* msg) {
  return g_base->xGetLastError(g_base, n, msg);
}
int CurrentTimeInt64(sqlite3_vfs*, sqlite3_int64* t) {
  return g_base->xCurrentTimeInt64(g_base, t);
}

const char* Register() {
  g_base = sqlite3_vfs_find(nullptr);
  if (!g_base || g_base->iVersion < 2) return nullptr;
  static sqlite3_vfs vfs{};
  vfs.iVersion = 2;
  vfs.szOsFile = static_cast<int>(sizeof(File)) + g_base->szOsFile;
  vfs.mxPathname = g_base->mxPathname;
  vfs.zName = "regfs-wal";
  vfs.xOpen = Open;
  vfs.xDelete = Delete;
  vfs.xAccess = Access;
  vfs.xFullPathname = FullPathname;
  vfs.xDlOpen = DlOpen;
  vfs.xDlError = DlError;
  vfs.xDlSym = DlSym;
  vfs.xDlClose = DlClose;
  vfs.xRandomness = Randomness;
  vfs.xSleep = Sleep;
  vfs.xCurrentTime = CurrentTime;
  vfs.xGetLastError = GetLastError;
  vfs.xCurrentTimeInt64 = CurrentTimeInt64;
  if (sqlite3_vfs_register(&vfs, /*makeDflt=*/0) != SQLITE_OK) return nullptr;
  return vfs.zName;
}

}  // namespace

uint64_t WalVfsWritesForTest() {
  return g_wal_writes.load();
}

const char* WalCoalescingVfs() {
  static const char* name = Register();
  return name;
}

}  // namespace regfs
