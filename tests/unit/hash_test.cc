#include "core/hash.h"

#include <gtest/gtest.h>
#include <openssl/evp.h>
#include <stdlib.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace regfs {
namespace {

namespace fs = std::filesystem;

class TempDir {
 public:
  TempDir() {
    std::string tmpl = (fs::temp_directory_path() / "regfs-hash-XXXXXX").string();
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

// Deterministic bytes that differ at every position (an LCG), so that a first/last chunk
// mixup or an off-by-one offset changes the hash.
std::string Pattern(size_t n, uint32_t seed = 12345) {
  std::string s(n, '\0');
  uint32_t x = seed;
  for (size_t i = 0; i < n; ++i) {
    x = x * 1664525u + 1013904223u;
    s[i] = static_cast<char>(x >> 24);
  }
  return s;
}

// An independent route to LaminDB's encoding: OpenSSL's standard base64, then the URL-safe
// alphabet, padding dropped, first 22 characters.
std::string RefB64(const std::string& raw) {
  std::vector<unsigned char> out(4 * ((raw.size() + 2) / 3) + 1);
  int n = EVP_EncodeBlock(out.data(), reinterpret_cast<const unsigned char*>(raw.data()),
                          static_cast<int>(raw.size()));
  std::string s(reinterpret_cast<char*>(out.data()), static_cast<size_t>(n));
  for (char& c : s) {
    if (c == '+') c = '-';
    if (c == '/') c = '_';
  }
  while (!s.empty() && s.back() == '=') s.pop_back();
  return s.substr(0, 22);
}

std::string RefDigest(const EVP_MD* md, std::string_view data) {
  unsigned char out[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  EXPECT_EQ(EVP_Digest(data.data(), data.size(), out, &len, md, nullptr), 1);
  return std::string(reinterpret_cast<char*>(out), len);
}

// ---------------------------------------------------------------- SPEC section 2 vectors

TEST(HashTest, SpecVectorsInMemory) {
  EXPECT_EQ(HashBytes("a").hash, "DMF1ucDxtqgxw5niaXcmYQ");
  EXPECT_EQ(HashBytes("a").hash_type, "md5");
  EXPECT_EQ(HashBytes("b").hash, "kutf_uauL-w61xx3dTFXjw");
  EXPECT_EQ(HashBytes("abc").hash, "kAFQmDzST7DWlj99KOF_cg");
  EXPECT_EQ(HashBytes("abc").size, 3u);

  HashResult fl = HashBytes("abc", 1);
  EXPECT_EQ(fl.hash, "p0EbDbQEP1wS-Tw6TuBjKS");
  EXPECT_EQ(fl.hash_type, "sha1-fl");
}

TEST(HashTest, SpecVectorsFromFiles) {
  TempDir dir;
  WriteFile(dir / "a", "a");
  WriteFile(dir / "b", "b");
  WriteFile(dir / "abc", "abc");

  auto a = HashFile(dir / "a");
  ASSERT_TRUE(a.ok()) << a.status().ToString();
  EXPECT_EQ(a->hash, "DMF1ucDxtqgxw5niaXcmYQ");
  EXPECT_EQ(a->hash_type, "md5");
  EXPECT_EQ(a->size, 1u);

  auto b = HashFile(dir / "b");
  ASSERT_TRUE(b.ok());
  EXPECT_EQ(b->hash, "kutf_uauL-w61xx3dTFXjw");

  auto abc = HashFile(dir / "abc");
  ASSERT_TRUE(abc.ok());
  EXPECT_EQ(abc->hash, "kAFQmDzST7DWlj99KOF_cg");
  EXPECT_EQ(abc->hash_type, "md5");

  auto fl = HashFile(dir / "abc", 1);
  ASSERT_TRUE(fl.ok());
  EXPECT_EQ(fl->hash, "p0EbDbQEP1wS-Tw6TuBjKS");
  EXPECT_EQ(fl->hash_type, "sha1-fl");
  EXPECT_EQ(fl->size, 3u);
}

TEST(HashTest, SpecFolderVector) {
  TempDir dir;
  fs::create_directory(dir / "folder");
  WriteFile(dir / "folder/a", "a");
  WriteFile(dir / "folder/b", "b");
  int64_t n_files = -1;
  auto r = HashFolder(dir / "folder", &n_files);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->hash, "YNCwyFw7rBegqZLBVEckCg");
  EXPECT_EQ(r->hash_type, "md5-d");
  EXPECT_EQ(r->size, 2u);
  EXPECT_EQ(n_files, 2);

  // The per-file hashes are sorted, so their order does not matter.
  EXPECT_EQ(FolderHash({"DMF1ucDxtqgxw5niaXcmYQ", "kutf_uauL-w61xx3dTFXjw"}),
            "YNCwyFw7rBegqZLBVEckCg");
  EXPECT_EQ(FolderHash({"kutf_uauL-w61xx3dTFXjw", "DMF1ucDxtqgxw5niaXcmYQ"}),
            "YNCwyFw7rBegqZLBVEckCg");
}

// ---------------------------------------------------------------- encoding and rules

TEST(HashTest, B64DigestMatchesReferenceEncoding) {
  for (size_t len : {0u, 1u, 2u, 3u, 16u, 20u, 32u}) {
    std::string raw = Pattern(len, static_cast<uint32_t>(len) + 7);
    EXPECT_EQ(B64Digest(reinterpret_cast<const unsigned char*>(raw.data()), raw.size()),
              RefB64(raw))
        << "len " << len;
  }
}

TEST(HashTest, ChunkBoundarySwitchesHashType) {
  TempDir dir;
  const uint64_t chunk = 1024;
  for (size_t size : {0u, 1u, 1023u, 1024u, 1025u, 2048u, 2049u, 5000u}) {
    std::string data = Pattern(size, static_cast<uint32_t>(size));
    std::string path = dir / ("f" + std::to_string(size));
    WriteFile(path, data);
    auto r = HashFile(path, chunk);
    ASSERT_TRUE(r.ok()) << r.status().ToString();
    EXPECT_EQ(r->hash_type, size <= chunk ? "md5" : "sha1-fl") << size;
    EXPECT_EQ(r->size, size);
    HashResult mem = HashBytes(data, chunk);
    EXPECT_EQ(r->hash, mem.hash) << size;
    EXPECT_EQ(r->hash_type, mem.hash_type) << size;

    std::string expected;
    if (size <= chunk) {
      expected = RefB64(RefDigest(EVP_md5(), data));
    } else {
      std::string both = RefDigest(EVP_sha1(), std::string_view(data).substr(0, chunk)) +
                         RefDigest(EVP_sha1(), std::string_view(data).substr(size - chunk));
      expected = RefB64(RefDigest(EVP_sha1(), both));
    }
    EXPECT_EQ(r->hash, expected) << size;
  }
}

TEST(HashTest, SixtyMiBFileIsSha1FirstLast) {
  TempDir dir;
  const size_t size = 60u * 1024 * 1024;
  std::string data = Pattern(size, 99);
  std::string path = dir / "big.bin";
  WriteFile(path, data);

  auto r = HashFile(path);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->hash_type, "sha1-fl");
  EXPECT_EQ(r->size, size);

  std::string_view view(data);
  std::string both = RefDigest(EVP_sha1(), view.substr(0, kHashChunk)) +
                     RefDigest(EVP_sha1(), view.substr(size - kHashChunk));
  EXPECT_EQ(r->hash, RefB64(RefDigest(EVP_sha1(), both)));

  // The streaming path with the real chunk size, in FUSE-sized pieces.
  StreamHasher sh;
  const size_t piece = 128 * 1024;
  for (size_t off = 0; off < size; off += piece) {
    sh.Update(off, data.data() + off, std::min(piece, size - off));
  }
  EXPECT_TRUE(sh.sequential());
  auto s = sh.Finish(path, size);
  ASSERT_TRUE(s.ok()) << s.status().ToString();
  EXPECT_EQ(s->hash, r->hash);
  EXPECT_EQ(s->hash_type, "sha1-fl");
  EXPECT_EQ(s->size, size);
}

TEST(HashTest, HashFileRefusesSymlinksAndDirectories) {
  TempDir dir;
  WriteFile(dir / "real", "abc");
  fs::create_symlink(dir / "real", dir / "link");
  fs::create_directory(dir / "sub");

  auto link = HashFile(dir / "link");
  EXPECT_FALSE(link.ok());
  auto sub = HashFile(dir / "sub");
  ASSERT_FALSE(sub.ok());
  EXPECT_EQ(sub.status().code(), Status::Code::kIsDir);
  auto missing = HashFile(dir / "missing");
  ASSERT_FALSE(missing.ok());
  EXPECT_TRUE(missing.status().IsNotFound());
}

TEST(HashTest, FolderIsRecursiveAndSkipsSymlinks) {
  TempDir dir;
  fs::create_directories(dir / "f/sub/deeper");
  WriteFile(dir / "f/a", "a");
  WriteFile(dir / "f/sub/b", "b");
  WriteFile(dir / "f/sub/deeper/abc", "abc");
  int64_t n = 0;
  auto plain = HashFolder(dir / "f", &n);
  ASSERT_TRUE(plain.ok()) << plain.status().ToString();
  EXPECT_EQ(n, 3);
  EXPECT_EQ(plain->size, 5u);
  EXPECT_EQ(plain->hash, FolderHash({"DMF1ucDxtqgxw5niaXcmYQ", "kutf_uauL-w61xx3dTFXjw",
                                     "kAFQmDzST7DWlj99KOF_cg"}));

  // Symlinks to a file and to a directory outside change nothing: they are not followed.
  fs::create_directory(dir / "outside");
  WriteFile(dir / "outside/x", "x");
  fs::create_symlink(dir / "outside", dir / "f/dirlink");
  fs::create_symlink(dir / "outside/x", dir / "f/filelink");
  auto with_links = HashFolder(dir / "f", &n);
  ASSERT_TRUE(with_links.ok());
  EXPECT_EQ(n, 3);
  EXPECT_EQ(with_links->hash, plain->hash);

  // The folder itself given as a symlink is refused.
  fs::create_directory_symlink(dir / "f", dir / "flink");
  EXPECT_FALSE(HashFolder(dir / "flink").ok());
}

// ---------------------------------------------------------------- StreamHasher

// Writes `data` to `path` and feeds it to `sh` in pieces of the given sizes, cycling.
void StreamIn(StreamHasher* sh, const std::string& path, const std::string& data,
              const std::vector<size_t>& pieces) {
  WriteFile(path, data);
  size_t off = 0;
  for (size_t i = 0; off < data.size(); ++i) {
    size_t n = std::min(pieces[i % pieces.size()], data.size() - off);
    sh->Update(off, data.data() + off, n);
    off += n;
  }
}

TEST(StreamHasherTest, SequentialEqualsHashFile) {
  TempDir dir;
  const uint64_t chunk = 1024;
  for (size_t size : {0u, 1u, 3u, 1023u, 1024u, 1025u, 2047u, 2048u, 2049u, 10000u}) {
    std::string data = Pattern(size, static_cast<uint32_t>(size) * 3 + 1);
    std::string path = dir / ("s" + std::to_string(size));
    StreamHasher sh(chunk);
    StreamIn(&sh, path, data, {1, 7, 100, 1024, 333});
    EXPECT_TRUE(sh.sequential()) << size;
    auto got = sh.Finish(path, size);
    ASSERT_TRUE(got.ok()) << got.status().ToString();
    auto want = HashFile(path, chunk);
    ASSERT_TRUE(want.ok());
    EXPECT_EQ(got->hash, want->hash) << size;
    EXPECT_EQ(got->hash_type, want->hash_type) << size;
    EXPECT_EQ(got->size, size);
  }
}

TEST(StreamHasherTest, SmallFileNeedsNoReadBack) {
  // Up to `chunk` bytes the streamed digest is the answer: the path is never opened.
  StreamHasher sh(1024);
  sh.Update(0, "ab", 2);
  sh.Update(2, "c", 1);
  auto r = sh.Finish("/nonexistent/regfs/never-read", 3);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->hash, "kAFQmDzST7DWlj99KOF_cg");
  EXPECT_EQ(r->hash_type, "md5");
}

TEST(StreamHasherTest, OutOfOrderWritesRehash) {
  TempDir dir;
  const uint64_t chunk = 1024;
  for (size_t size : {600u, 3000u}) {
    std::string data = Pattern(size, static_cast<uint32_t>(size));
    std::string path = dir / ("o" + std::to_string(size));
    WriteFile(path, data);
    StreamHasher sh(chunk);
    size_t half = size / 2;
    sh.Update(half, data.data() + half, size - half);  // second half first
    sh.Update(0, data.data(), half);
    EXPECT_FALSE(sh.sequential());
    auto got = sh.Finish(path, size);
    ASSERT_TRUE(got.ok()) << got.status().ToString();
    auto want = HashFile(path, chunk);
    ASSERT_TRUE(want.ok());
    EXPECT_EQ(got->hash, want->hash) << size;
    EXPECT_EQ(got->hash_type, want->hash_type) << size;
  }
}

TEST(StreamHasherTest, OverwriteAndTruncateRehash) {
  TempDir dir;
  std::string path = dir / "f";
  // Written "xbc", then byte 0 rewritten to 'a': the file holds "abc".
  StreamHasher sh(1024);
  sh.Update(0, "xbc", 3);
  sh.Update(0, "a", 1);
  EXPECT_FALSE(sh.sequential());
  WriteFile(path, "abc");
  auto r = sh.Finish(path, 3);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->hash, "kAFQmDzST7DWlj99KOF_cg");

  // Truncated below what was written: the file holds "a".
  StreamHasher shrink(1024);
  shrink.Update(0, "abc", 3);
  shrink.Truncated(1);
  EXPECT_FALSE(shrink.sequential());
  WriteFile(path, "a");
  auto a = shrink.Finish(path, 1);
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(a->hash, "DMF1ucDxtqgxw5niaXcmYQ");

  // Truncated to the size written: nothing changes.
  StreamHasher same(1024);
  same.Update(0, "abc", 3);
  same.Truncated(3);
  EXPECT_TRUE(same.sequential());
}

TEST(StreamHasherTest, TruncateToZeroStartsOver) {
  TempDir dir;
  std::string path = dir / "f";
  StreamHasher sh(1024);
  sh.Update(5, "zzz", 3);  // broken
  EXPECT_FALSE(sh.sequential());
  sh.Truncated(0);
  EXPECT_TRUE(sh.sequential());
  sh.Update(0, "b", 1);
  auto r = sh.Finish("/nonexistent/regfs/never-read", 1);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->hash, "kutf_uauL-w61xx3dTFXjw");
}

TEST(StreamHasherTest, SizeMismatchRehashesTheFile) {
  TempDir dir;
  std::string path = dir / "f";
  WriteFile(path, "abc");
  StreamHasher sh(1024);
  sh.Update(0, "ab", 2);  // the last write never reached the hasher
  auto r = sh.Finish(path, 3);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->hash, "kAFQmDzST7DWlj99KOF_cg");
}

}  // namespace
}  // namespace regfs
