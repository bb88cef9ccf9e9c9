#!/usr/bin/env python3
"""Creates a tree of small files for scripts/bench.sh.

  mktree.py ROOT --dirs D --per-dir P --size BYTES [--dir-fmt d%04d] [--file-fmt f%04d.txt]

With --dirs 0 the P files go straight into ROOT. Every file starts with its own relative
path, so no two files have the same content (no deduplication can make a run look faster),
and is padded to BYTES with a fixed byte. Prints the relative paths, one a line, when
--list FILE is given.
"""
import argparse
import os
import sys


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("root")
    ap.add_argument("--dirs", type=int, required=True)
    ap.add_argument("--per-dir", type=int, required=True)
    ap.add_argument("--size", type=int, required=True)
    ap.add_argument("--dir-fmt", default="d%04d")
    ap.add_argument("--file-fmt", default="f%04d.txt")
    ap.add_argument("--list", help="write the relative paths to this file")
    a = ap.parse_args()

    os.makedirs(a.root, exist_ok=True)
    dirs = [a.dir_fmt % d for d in range(a.dirs)] if a.dirs > 0 else [""]
    paths = []
    for d in dirs:
        if d:
            os.mkdir(os.path.join(a.root, d))
        for f in range(a.per_dir):
            rel = os.path.join(d, a.file_fmt % f) if d else a.file_fmt % f
            head = (rel + "\n").encode()
            body = head + b"." * max(0, a.size - len(head))
            with open(os.path.join(a.root, rel), "wb") as fh:
                fh.write(body)
            paths.append(rel)
    if a.list:
        with open(a.list, "w") as fh:
            fh.write("\n".join(paths) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
