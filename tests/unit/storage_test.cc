#include <fcntl.h>
#include <gtest/gtest.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "core/storage/local_store.h"
#include "core/storage/staging.h"

namespace regfs {
namespace {

namespace fs = std::filesystem;

class TempDir {
 public:
  TempDir() {
    std::string tmpl = (fs::temp_directory_path() / "regfs-storage-XXXXXX").string();
    char* made = mkdtemp(tmpl.data());
    EXPECT_NE(made, nullptr);
    path_ = tmpl;
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  std::string operator/(const std::string& name) const { return path_ + "/" + name; }
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

void WriteFile(const std::string& path, std::string_view content) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(content.data(), static_cast<std::streamsize>(content.size()));
  ASSERT_TRUE(out.good()) << path;
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

bool Exists(const std::string& path) {
  struct stat st;
  return lstat(path.c_str(), &st) == 0;
}

constexpr char kUid[] = "AbCdEfGhIjKlMnOp0123";

Artifact MakeArtifact() {
  Artifact a;
  a.uid = kUid;
  a.suffix = ".parquet";
  a.storage_id = 1;
  return a;
}

// ---------------------------------------------------------------- names

TEST(StorageTest, SuffixOf) {
  EXPECT_EQ(SuffixOf("x.parquet"), ".parquet");
  EXPECT_EQ(SuffixOf("a.tar.gz"), ".tar.gz");
  EXPECT_EQ(SuffixOf("reads.fastq.gz"), ".fastq.gz");
  EXPECT_EQ(SuffixOf("reads.fq.gz"), ".fq.gz");
  EXPECT_EQ(SuffixOf("pbmc.anndata.zarr"), ".anndata.zarr");
  EXPECT_EQ(SuffixOf("img.ome.zarr"), ".ome.zarr");
  EXPECT_EQ(SuffixOf("cfg.vitessce.json"), ".vitessce.json");
  EXPECT_EQ(SuffixOf("s.spatialdata.zarr"), ".spatialdata.zarr");
  EXPECT_EQ(SuffixOf("a.tar.bz2"), ".tar.bz2");
  EXPECT_EQ(SuffixOf("a.tar.xz"), ".tar.xz");
  EXPECT_EQ(SuffixOf("t.csv.gz"), ".csv.gz");
  EXPECT_EQ(SuffixOf("t.tsv.gz"), ".tsv.gz");
  EXPECT_EQ(SuffixOf("t.json.gz"), ".json.gz");
  EXPECT_EQ(SuffixOf("t.txt.gz"), ".txt.gz");
  EXPECT_EQ(SuffixOf("v.vcf.gz"), ".vcf.gz");
  EXPECT_EQ(SuffixOf("b.bed.gz"), ".bed.gz");
  EXPECT_EQ(SuffixOf("data.v2.csv"), ".csv");
  EXPECT_EQ(SuffixOf("x.random.gz"), ".gz");
  EXPECT_EQ(SuffixOf("file.1"), "");
  EXPECT_EQ(SuffixOf("file.2024"), "");
  EXPECT_EQ(SuffixOf("file.1a"), ".1a");
  EXPECT_EQ(SuffixOf("file"), "");
  EXPECT_EQ(SuffixOf("file."), "");
  EXPECT_EQ(SuffixOf(".bashrc"), "");
  EXPECT_EQ(SuffixOf(".config.json"), ".json");
  EXPECT_EQ(SuffixOf("dir.d/file"), "");
  EXPECT_EQ(SuffixOf("dir/sub/x.parquet"), ".parquet");
  EXPECT_EQ(SuffixOf(""), "");
}

TEST(StorageTest, IsSafeKey) {
  EXPECT_TRUE(IsSafeKey("a"));
  EXPECT_TRUE(IsSafeKey("a/b/c.parquet"));
  EXPECT_TRUE(IsSafeKey(".hidden"));
  EXPECT_TRUE(IsSafeKey("a/...b"));
  EXPECT_FALSE(IsSafeKey(""));
  EXPECT_FALSE(IsSafeKey("."));
  EXPECT_FALSE(IsSafeKey(".."));
  EXPECT_FALSE(IsSafeKey("a/../b"));
  EXPECT_FALSE(IsSafeKey("a/./b"));
  EXPECT_FALSE(IsSafeKey("a/.."));
  EXPECT_FALSE(IsSafeKey("/etc/passwd"));
  EXPECT_FALSE(IsSafeKey("a//b"));
  EXPECT_FALSE(IsSafeKey("a/"));
  EXPECT_FALSE(IsSafeKey(std::string("a\0b", 3)));
  EXPECT_FALSE(IsSafeKey(std::string("a/\0", 3)));
  EXPECT_TRUE(IsSafeKey(std::string(255, 'x')));
  EXPECT_FALSE(IsSafeKey(std::string(256, 'x')));
  EXPECT_TRUE(IsSafeKey("d/" + std::string(255, 'x')));
  EXPECT_FALSE(IsSafeKey("d/" + std::string(256, 'x') + "/e"));
  // Total length: four 255-byte components and separators are 1,023 bytes; one more
  // component goes past 1,024.
  std::string c(255, 'y');
  EXPECT_TRUE(IsSafeKey(c + "/" + c + "/" + c + "/" + c));
  EXPECT_FALSE(IsSafeKey(c + "/" + c + "/" + c + "/" + c + "/z"));
}

TEST(StorageTest, ValidateKey) {
  EXPECT_TRUE(ValidateKey("a/b.csv").ok());
  EXPECT_EQ(ValidateKey("").code(), Status::Code::kInvalid);
  EXPECT_EQ(ValidateKey("a//b").code(), Status::Code::kInvalid);
  EXPECT_EQ(ValidateKey(std::string(256, 'x')).code(), Status::Code::kNameTooLong);
  EXPECT_FALSE(ValidateKey(std::string("a\0b", 3)).ok());
  // LaminDB refuses keys inside its managed directory.
  EXPECT_EQ(ValidateKey(".lamindb/x.parquet").code(), Status::Code::kInvalid);
  EXPECT_EQ(ValidateKey(".lamindb").code(), Status::Code::kInvalid);
  EXPECT_TRUE(ValidateKey(".lamindbx/y").ok());
  EXPECT_NE(ValidateKey("a/../b").message().find(".."), std::string::npos);
}

// ---------------------------------------------------------------- paths

TEST(StorageTest, DirsAndManagedPath) {
  LocalStore s("/inst/", 1);
  EXPECT_EQ(s.instance_root(), "/inst");
  EXPECT_EQ(s.storage_root(), "/inst");
  EXPECT_EQ(s.managed_dir(), "/inst/.lamindb");
  EXPECT_EQ(s.staging_dir(), "/inst/.lamindb/.regfs-staging");
  EXPECT_EQ(s.ManagedPath(kUid, ".csv", false), std::string("/inst/.lamindb/") + kUid + ".csv");
  EXPECT_EQ(s.ManagedPath(kUid, "", true), "/inst/.lamindb/AbCdEfGhIjKlMnOp");
}

TEST(StorageTest, StoredPathVirtualAndNullKey) {
  LocalStore s("/inst", 1);
  Artifact a = MakeArtifact();
  a.key = "dir/x.parquet";
  a.key_is_virtual = true;
  auto p = s.StoredPath(a);
  ASSERT_TRUE(p.ok()) << p.status().ToString();
  EXPECT_EQ(*p, std::string("/inst/.lamindb/") + kUid + ".parquet");
  EXPECT_TRUE(s.IsManaged(a));

  a.key.reset();
  a.key_is_virtual = false;  // a NULL key is managed whatever the flag says
  p = s.StoredPath(a);
  ASSERT_TRUE(p.ok());
  EXPECT_EQ(*p, std::string("/inst/.lamindb/") + kUid + ".parquet");
  EXPECT_TRUE(s.IsManaged(a));
}

TEST(StorageTest, StoredPathRealKey) {
  LocalStore s("/inst", 1);
  Artifact a = MakeArtifact();
  a.key = "dir/x.parquet";
  a.key_is_virtual = false;
  auto p = s.StoredPath(a);
  ASSERT_TRUE(p.ok());
  EXPECT_EQ(*p, "/inst/dir/x.parquet");
  EXPECT_FALSE(s.IsManaged(a));

  // A real key that would escape the root is refused, never resolved.
  for (const std::string& bad :
       {std::string("../etc/passwd"), std::string("/etc/passwd"), std::string("a/../../b"),
        std::string("a//b"), std::string("x\0y", 3), std::string(".lamindb/lamin.db")}) {
    a.key = bad;
    auto r = s.StoredPath(a);
    ASSERT_FALSE(r.ok()) << bad;
    EXPECT_EQ(r.status().code(), Status::Code::kPermission) << bad;
    EXPECT_FALSE(s.IsManaged(a));
  }
}

TEST(StorageTest, StoredPathRealKeyColumnWins) {
  LocalStore s("/inst", 1);
  Artifact a = MakeArtifact();
  a.key = "shown/name.parquet";
  a.key_is_virtual = true;
  a.real_key = "actual/place.parquet";
  auto p = s.StoredPath(a);
  ASSERT_TRUE(p.ok());
  EXPECT_EQ(*p, "/inst/actual/place.parquet");
  EXPECT_FALSE(s.IsManaged(a));

  a.real_key = "../outside";
  auto r = s.StoredPath(a);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), Status::Code::kPermission);
}

TEST(StorageTest, StoredPathFolder) {
  LocalStore s("/inst", 1);
  Artifact a = MakeArtifact();
  a.suffix = ".zarr";
  a.is_folder = true;
  a.n_objects = 3;
  auto p = s.StoredPath(a);
  ASSERT_TRUE(p.ok());
  EXPECT_EQ(*p, "/inst/.lamindb/AbCdEfGhIjKlMnOp.zarr");
  EXPECT_TRUE(s.IsManaged(a));
}

TEST(StorageTest, StoredPathForeignStorage) {
  LocalStore s("/inst", 1);
  Artifact a = MakeArtifact();
  a.storage_id = 7;
  auto p = s.StoredPath(a);
  ASSERT_FALSE(p.ok());
  EXPECT_TRUE(p.status().IsNotFound());
  EXPECT_NE(p.status().message().find(std::string("artifact uid ") + kUid +
                                      " lives in storage id 7, not this instance"),
            std::string::npos)
      << p.status().message();
  EXPECT_FALSE(s.IsManaged(a));
}

TEST(StorageTest, StoredPathRejectsUnsafeManagedNames) {
  LocalStore s("/inst", 1);
  Artifact a = MakeArtifact();
  a.uid = "../../etc/passwdXXXX";
  EXPECT_EQ(s.StoredPath(a).status().code(), Status::Code::kPermission);
  a = MakeArtifact();
  a.suffix = "/../../x";
  EXPECT_EQ(s.StoredPath(a).status().code(), Status::Code::kPermission);
  EXPECT_FALSE(s.IsManaged(a));
}

TEST(StorageTest, RealKeyPath) {
  LocalStore s("/inst", 1);
  auto p = s.RealKeyPath("a/b.txt");
  ASSERT_TRUE(p.ok());
  EXPECT_EQ(*p, "/inst/a/b.txt");
  EXPECT_EQ(s.RealKeyPath("../b").status().code(), Status::Code::kPermission);
  EXPECT_EQ(s.RealKeyPath(".lamindb/x").status().code(), Status::Code::kPermission);
}

// ---------------------------------------------------------------- files

TEST(StorageTest, StagingAndPublish) {
  TempDir root;
  LocalStore s(root.path(), 1);
  int fd = -1;
  auto tmp = s.CreateStaging(&fd);
  ASSERT_TRUE(tmp.ok()) << tmp.status().ToString();
  ASSERT_GE(fd, 0);
  EXPECT_EQ(tmp->rfind(s.staging_dir() + "/", 0), 0u) << *tmp;
  struct stat st;
  ASSERT_EQ(fstat(fd, &st), 0);
  // The staging directory keeps half-written content private; the file already has the
  // mode a plain `cp` gives, so publishing needs no chmod.
  mode_t mask = umask(0);
  umask(mask);
  EXPECT_EQ(st.st_mode & 0777, 0666u & ~mask);
  ASSERT_EQ(stat(s.staging_dir().c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0700u);
  ASSERT_EQ(write(fd, "abc", 3), 3);
  close(fd);

  // Two staging files never share a name.
  int fd2 = -1;
  auto tmp2 = s.CreateStaging(&fd2);
  ASSERT_TRUE(tmp2.ok());
  close(fd2);
  EXPECT_NE(*tmp, *tmp2);

  std::string final_path = s.ManagedPath(kUid, ".txt", false);
  ASSERT_TRUE(s.Publish(*tmp, final_path).ok());
  EXPECT_EQ(ReadFile(final_path), "abc");
  EXPECT_FALSE(Exists(*tmp));

  // A real key in directories that do not exist yet.
  auto real = s.RealKeyPath("new/dirs/here.txt");
  ASSERT_TRUE(real.ok());
  Status st2 = s.Publish(*tmp2, *real);
  ASSERT_TRUE(st2.ok()) << st2.ToString();
  EXPECT_TRUE(Exists(*real));
}

TEST(StorageTest, PublishNeverOverwrites) {
  TempDir root;
  LocalStore s(root.path(), 1);
  WriteFile(root / "taken.txt", "old");
  int fd = -1;
  auto tmp = s.CreateStaging(&fd);
  ASSERT_TRUE(tmp.ok());
  ASSERT_EQ(write(fd, "new", 3), 3);
  close(fd);
  Status st = s.Publish(*tmp, root / "taken.txt");
  EXPECT_EQ(st.code(), Status::Code::kExists) << st.ToString();
  EXPECT_EQ(ReadFile(root / "taken.txt"), "old");
  EXPECT_TRUE(Exists(*tmp));  // the caller decides what happens to it

  // Outside the storage root: refused.
  fs::create_directory(root / "other");
  LocalStore inner(root / "other", 1);
  EXPECT_EQ(inner.Publish(*tmp, root / "escaped.txt").code(), Status::Code::kPermission);
  EXPECT_FALSE(Exists(root / "escaped.txt"));
}

TEST(StorageTest, RemoveStoredFileFolderAndMissing) {
  TempDir root;
  LocalStore s(root.path(), 1);
  fs::create_directories(root / ".lamindb/AbCdEfGhIjKlMnOp.zarr/sub/deeper");
  WriteFile(root / ".lamindb/AbCdEfGhIjKlMnOp.zarr/a", "a");
  WriteFile(root / ".lamindb/AbCdEfGhIjKlMnOp.zarr/sub/deeper/b", "b");
  WriteFile(root / ".lamindb/file.txt", "x");

  EXPECT_TRUE(s.RemoveStored(root / ".lamindb/AbCdEfGhIjKlMnOp.zarr").ok());
  EXPECT_FALSE(Exists(root / ".lamindb/AbCdEfGhIjKlMnOp.zarr"));
  EXPECT_TRUE(s.RemoveStored(root / ".lamindb/file.txt").ok());
  EXPECT_FALSE(Exists(root / ".lamindb/file.txt"));
  EXPECT_TRUE(s.RemoveStored(root / ".lamindb/file.txt").ok());  // missing is fine
  EXPECT_TRUE(s.RemoveStored(root / "no/such/dir/file").ok());
  EXPECT_TRUE(Exists(root / ".lamindb"));
}

TEST(StorageTest, RemoveStoredRefusesTheRootAndOutside) {
  TempDir root;
  LocalStore s(root / "inst", 1);
  fs::create_directories(root / "inst/.lamindb");
  WriteFile(root / "victim", "keep");
  EXPECT_EQ(s.RemoveStored(root / "inst").code(), Status::Code::kPermission);
  EXPECT_EQ(s.RemoveStored(root / "inst/").code(), Status::Code::kPermission);
  EXPECT_EQ(s.RemoveStored(root / "inst/.lamindb").code(), Status::Code::kPermission);
  EXPECT_EQ(s.RemoveStored(root / "victim").code(), Status::Code::kPermission);
  EXPECT_EQ(s.RemoveStored(root / "inst/../victim").code(), Status::Code::kPermission);
  EXPECT_TRUE(Exists(root / "inst/.lamindb"));
  EXPECT_EQ(ReadFile(root / "victim"), "keep");
}

TEST(StorageTest, RemoveStoredDoesNotFollowSymlinks) {
  TempDir tmp;
  fs::create_directories(tmp / "inst/.lamindb");
  fs::create_directories(tmp / "outside/nested");
  WriteFile(tmp / "outside/precious", "keep me");
  WriteFile(tmp / "outside/nested/also", "keep me too");
  LocalStore s(tmp / "inst", 1);

  // The stored path itself is a symlink to a directory outside.
  fs::create_directory_symlink(tmp / "outside", tmp / "inst/.lamindb/AbCdEfGhIjKlMnOp.zarr");
  EXPECT_TRUE(s.RemoveStored(tmp / "inst/.lamindb/AbCdEfGhIjKlMnOp.zarr").ok());
  EXPECT_FALSE(Exists(tmp / "inst/.lamindb/AbCdEfGhIjKlMnOp.zarr"));
  EXPECT_EQ(ReadFile(tmp / "outside/precious"), "keep me");
  EXPECT_EQ(ReadFile(tmp / "outside/nested/also"), "keep me too");

  // A stored folder containing symlinks to a directory and a file outside.
  fs::create_directories(tmp / "inst/.lamindb/ZyXwVuTsRqPoNmLk/sub");
  fs::create_directory_symlink(tmp / "outside", tmp / "inst/.lamindb/ZyXwVuTsRqPoNmLk/sub/d");
  fs::create_symlink(tmp / "outside/precious", tmp / "inst/.lamindb/ZyXwVuTsRqPoNmLk/f");
  EXPECT_TRUE(s.RemoveStored(tmp / "inst/.lamindb/ZyXwVuTsRqPoNmLk").ok());
  EXPECT_FALSE(Exists(tmp / "inst/.lamindb/ZyXwVuTsRqPoNmLk"));
  EXPECT_EQ(ReadFile(tmp / "outside/precious"), "keep me");
  EXPECT_EQ(ReadFile(tmp / "outside/nested/also"), "keep me too");
}

TEST(StorageTest, CleanStaging) {
  TempDir root;
  LocalStore s(root.path(), 1);
  EXPECT_TRUE(s.CleanStaging().ok());  // no staging dir yet
  int fd = -1;
  auto tmp = s.CreateStaging(&fd);
  ASSERT_TRUE(tmp.ok());
  close(fd);
  fs::create_directories(s.staging_dir() + "/leftover/dir");
  WriteFile(s.staging_dir() + "/leftover/dir/f", "x");
  fs::create_directory(root / "outside");
  WriteFile(root / "outside/keep", "k");
  fs::create_directory_symlink(root / "outside", s.staging_dir() + "/link");

  EXPECT_TRUE(s.CleanStaging().ok());
  EXPECT_TRUE(fs::is_directory(s.staging_dir()));
  EXPECT_TRUE(fs::is_empty(s.staging_dir()));
  EXPECT_EQ(ReadFile(root / "outside/keep"), "k");
}

// ---------------------------------------------------------------- the BlobStore interface

TEST(StorageTest, BlobStoreObjectsByLocator) {
  TempDir root;
  LocalStore s(root.path(), 1);
  const BlobStore& store = s;
  EXPECT_TRUE(store.is_local());
  Locator loc{".lamindb/" + std::string(kUid) + ".txt", false};
  EXPECT_EQ(store.Address(loc), root.path() + "/.lamindb/" + kUid + ".txt");
  EXPECT_EQ(store.LocatorOf(store.Address(loc)), loc);
  EXPECT_FALSE(store.LocatorOf(root.path() + "/../x").has_value());
  EXPECT_FALSE(store.LocatorOf("/elsewhere/x").has_value());
  EXPECT_TRUE(store.Stat(loc).status().IsNotFound());

  auto staged = store.NewStaging();
  ASSERT_TRUE(staged.ok()) << staged.status().ToString();
  ASSERT_EQ(write(staged->fd(), "hello", 5), 5);
  ASSERT_TRUE(staged->Close().ok());
  std::string staged_path = staged->Release();
  ASSERT_TRUE(store.Publish(staged_path, loc, /*durable=*/true).ok());
  auto info = store.Stat(loc);
  ASSERT_TRUE(info.ok());
  EXPECT_EQ(info->size, 5u);
  EXPECT_FALSE(info->is_dir);

  auto h = store.Open(loc);
  ASSERT_TRUE(h.ok()) << h.status().ToString();
  char buf[16];
  auto n = (*h)->ReadAt(1, buf, sizeof buf);
  ASSERT_TRUE(n.ok());
  EXPECT_EQ(std::string(buf, *n), "ello") << "a ranged read, short at the end";
  EXPECT_GE((*h)->fd(), 0) << "a local store hands the kernel a descriptor";

  // A move never replaces, makes parents, and prunes the directories it empties.
  Locator to{"real/dir/x.txt", false};
  ASSERT_TRUE(store.Move(loc, to).ok());
  EXPECT_EQ(ReadFile(root / "real/dir/x.txt"), "hello");
  EXPECT_TRUE(store.Stat(loc).status().IsNotFound());
  ASSERT_TRUE(store.Move(loc, to).ok()) << "a move done already is done";
  WriteFile(root / "other.txt", "o");
  EXPECT_EQ(store.Move(Locator{"other.txt", false}, to).code(), Status::Code::kExists);
  ASSERT_TRUE(store.Move(to, Locator{"elsewhere.txt", false}).ok());
  EXPECT_FALSE(Exists(root / "real")) << "emptied directories go";

  WriteFile(root / ".lamindb/b.txt", "b");
  WriteFile(root / ".lamindb/a.txt", "a");
  auto names = store.List(Locator{".lamindb", false});
  ASSERT_TRUE(names.ok()) << names.status().ToString();
  EXPECT_EQ(*names, (std::vector<std::string>{".regfs-staging", "a.txt", "b.txt"})) << "sorted";
  auto missing = store.List(Locator{"no/such/dir", false});
  ASSERT_TRUE(missing.ok());
  EXPECT_TRUE(missing->empty());
  ASSERT_TRUE(store.Remove(Locator{"elsewhere.txt", false}, true).ok());
  EXPECT_FALSE(Exists(root / "elsewhere.txt"));
  EXPECT_TRUE(store.Remove(Locator{"elsewhere.txt", false}, true).ok()) << "missing is fine";
}

TEST(StorageTest, StageFileCopiesAndHashesInOnePass) {
  TempDir root;
  LocalStore s(root.path(), 1);
  std::string content(3 * 1024 * 1024 + 17, 'x');  // more than one buffer
  for (size_t i = 0; i < content.size(); i += 4096) content[i] = static_cast<char>('a' + i % 26);
  WriteFile(root / "src.bin", content);
  auto staged = StageFile(s, root / "src.bin");
  ASSERT_TRUE(staged.ok()) << staged.status().ToString();
  EXPECT_EQ(ReadFile(staged->path), content);
  HashResult want = HashBytes(content);
  EXPECT_EQ(staged->hash.hash, want.hash);
  EXPECT_EQ(staged->hash.hash_type, "md5");
  EXPECT_EQ(staged->hash.size, content.size());
  EXPECT_EQ(fs::path(staged->path).parent_path(), fs::path(s.staging_dir()));

  // A source that cannot be read leaves nothing in the staging directory.
  auto bad = StageFile(s, root / "missing.bin");
  EXPECT_TRUE(bad.status().IsNotFound());
  size_t n = 0;
  for (const auto& e : fs::directory_iterator(s.staging_dir())) n += e.path() != staged->path;
  EXPECT_EQ(n, 0u);
}

}  // namespace
}  // namespace regfs
