// An SQLite VFS that writes each transaction's WAL frames with one system call.
//
// SQLite appends a committed transaction to the write-ahead log frame by frame, and each
// frame with two writes (its 24-byte header, then the page): a record save or purge in a
// LaminDB database, whose artifact table carries an index on nearly every column, dirties
// about 25 pages, so about 50 pwrite() calls per commit. This VFS wraps the default one
// and, for WAL files only, gathers consecutive writes in memory and writes them at once:
//   - when the page of a commit frame (a frame header whose "database size after commit"
//     field is not zero) has been appended: the transaction's frames reach the file before
//     that write returns, so a failure is that write's failure, reported to SQLite before
//     it publishes the frames in the shared wal-index (which readers, in this process or
//     another, use to find them);
//   - before anything reads, syncs, truncates, sizes or closes the WAL file;
//   - when a write does not continue the gathered run, or the run reaches 4 MiB.
// What reaches the file, at which offsets, and every sync are exactly what SQLite asked for;
// only the number of system calls changes (one per 124 KiB: the unix VFS writes at most
// 128 KiB - 1 bytes a call). Frames past the last commit that a crash leaves
// unwritten are frames SQLite would ignore anyway (their transaction never committed).
#pragma once

#include <cstdint>

namespace regfs {

// The VFS name to open connections with (registered on first use), or nullptr when it
// could not be registered (then SQLite's default VFS is used).
const char* WalCoalescingVfs();

// Writes this VFS made to WAL files since the process started (for tests).
uint64_t WalVfsWritesForTest();

}  // namespace regfs
