// What an inode number stands for (fs/inodes.h has the numbers themselves).
#pragma once

#include <cstdint>
#include <string>

namespace regfs {

struct Node {
  enum Kind {
    kRoot,
    kCollectionsTop,
    kTrashTop,
    kTrashCollectionsTop,
    kDir,         // a directory in artifacts/ (trash=false) or .trash/artifacts/ (trash=true)
    kFile,        // an artifact (id)
    kCollection,  // a collection directory (id)
    kMember,      // a member of a collection (id = link id; artifact = member artifact id)
    kPending,     // a file being written that is not a record yet (id = sequence number)
    kFolder,      // a folder artifact (id) or, with a non-empty path, an entry inside it
  };
  Kind kind = kRoot;
  bool trash = false;
  std::string path;  // kDir: directory path inside the area; kFolder: path inside the folder
  int64_t id = 0;
  int64_t artifact = 0;  // kMember: the member artifact
};

}  // namespace regfs
