#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Build the synthetic audit root the shares benchmark scans.

ROOT/etc/{passwd,group} name the owners that exist; ROOT/data holds
FILES regular files in 10 x 10 x 10 x 10 nested directories, with planted
problems whose exact counts are written to ROOT/planted.json:

  world-writable files (0666), world-writable directories without the
  sticky bit (and some with it, which do not count), setuid and setgid
  files, files owned by a uid or gid with no entry, POSIX ACLs (a named
  user that does not exist, a default ACL giving others write, a named
  group with write under a write mask), symlinks to files, out of the
  root and dangling, and two symlink loops.

Usage: shares-tree.py ROOT FILES   (must run as root: chown, setxattr)
"""
import json
import os
import struct
import sys

FANOUT = 10
DEPTH = 4
UNDEFINED = 0xFFFFFFFF


def acl(entries):
    """The system.posix_acl_* xattr: version 2, then tag, perm, id."""
    data = struct.pack("<I", 2)
    for tag, perm, ident in sorted(entries, key=lambda e: (e[0], e[2])):
        data += struct.pack("<HHI", tag, perm, ident)
    return data


USER_OBJ, USER, GROUP_OBJ, GROUP, MASK, OTHER = 1, 2, 4, 8, 0x10, 0x20


def leaf_dirs(data):
    """All DEPTH-level directory paths, in creation order."""
    paths = [data]
    for _ in range(DEPTH):
        paths = [os.path.join(p, "d%d" % i) for p in paths for i in range(FANOUT)]
    return paths


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    root, files = sys.argv[1], int(sys.argv[2])
    leaves_n = FANOUT ** DEPTH
    if files < leaves_n * 10:
        sys.exit("need at least %d files" % (leaves_n * 10))
    os.makedirs(os.path.join(root, "etc"), exist_ok=True)
    with open(os.path.join(root, "etc/passwd"), "w") as f:
        f.write("root:x:0:0:root:/root:/bin/sh\n"
                "staff1:x:1500:1500::/nonexistent:/usr/sbin/nologin\n")
    with open(os.path.join(root, "etc/group"), "w") as f:
        f.write("root:x:0:\nstaff:x:1500:\n")
    data = os.path.join(root, "data")
    os.umask(0o022)
    leaves = leaf_dirs(data)
    for leaf in leaves:
        os.makedirs(leaf, exist_ok=True)
    per_leaf = files // leaves_n
    extra = files - per_leaf * leaves_n
    created = []  # one sample file per leaf, to plant on
    for i, leaf in enumerate(leaves):
        n = per_leaf + (1 if i < extra else 0)
        for j in range(n):
            fd = os.open(os.path.join(leaf, "f%d" % j),
                         os.O_CREAT | os.O_WRONLY | os.O_EXCL, 0o644)
            os.close(fd)
        created.append(leaf)

    # Plant problems on files spread over the tree: file k of leaf i.
    planted = {"world-writable-file": 0, "world-writable-dir": 0,
               "setuid": 0, "setgid": 0, "orphan-owner": 0,
               "acl-orphan-user": 0, "acl-other-write": 0,
               "acl-broad-mask": 0}
    def spread(count, k):
        step = max(1, leaves_n // count)
        return [os.path.join(leaves[(i * step) % leaves_n], "f%d" % k)
                for i in range(count)]
    def n(per_million):
        return max(1, per_million * files // 1000000)

    for p in spread(n(1000), 1):
        os.chmod(p, 0o666)
        planted["world-writable-file"] += 1
    for p in spread(n(20), 2):
        os.chmod(p, 0o4755)
        planted["setuid"] += 1
    for p in spread(n(30), 3):
        os.chmod(p, 0o2755)
        planted["setgid"] += 1
    for p in spread(n(500), 4):
        os.chown(p, 77777, 0)
        planted["orphan-owner"] += 1
    for p in spread(n(200), 5):
        os.chown(p, 0, 88888)
        planted["orphan-owner"] += 1
    for p in spread(n(40), 6):
        os.setxattr(p, "system.posix_acl_access", acl([
            (USER_OBJ, 6, UNDEFINED), (USER, 6, 99999),
            (GROUP_OBJ, 4, UNDEFINED), (MASK, 6, UNDEFINED),
            (OTHER, 4, UNDEFINED)]))
        planted["acl-orphan-user"] += 1
    for p in spread(n(10), 7):
        os.setxattr(p, "system.posix_acl_access", acl([
            (USER_OBJ, 6, UNDEFINED), (GROUP_OBJ, 4, UNDEFINED),
            (GROUP, 6, 1500), (MASK, 6, UNDEFINED), (OTHER, 4, UNDEFINED)]))
        planted["acl-broad-mask"] += 1
    # Directories: new leaves, so the file counts above stay as they are.
    for i in range(n(100)):
        d = os.path.join(leaves[(i * 37) % leaves_n], "open%d" % i)
        os.mkdir(d)
        os.chmod(d, 0o777)
        planted["world-writable-dir"] += 1
    for i in range(n(50)):
        d = os.path.join(leaves[(i * 41) % leaves_n], "tmp%d" % i)
        os.mkdir(d)
        os.chmod(d, 0o1777)
    for i in range(n(10)):
        d = os.path.join(leaves[(i * 43) % leaves_n], "inherit%d" % i)
        os.mkdir(d)
        os.setxattr(d, "system.posix_acl_default", acl([
            (USER_OBJ, 7, UNDEFINED), (GROUP_OBJ, 5, UNDEFINED),
            (OTHER, 7, UNDEFINED)]))
        planted["acl-other-write"] += 1
    # Symlinks: never followed, never counted.
    for i in range(n(1000)):
        leaf = leaves[(i * 7) % leaves_n]
        target = ["f0", "/", "/etc/shadow", "missing"][i % 4]
        os.symlink(target, os.path.join(leaf, "ln%d" % i))
    os.symlink("loop-b", os.path.join(leaves[0], "loop-a"))
    os.symlink("loop-a", os.path.join(leaves[0], "loop-b"))
    os.symlink("..", os.path.join(leaves[1], "up"))
    with open(os.path.join(root, "planted.json"), "w") as f:
        json.dump({"files": files, "planted": planted}, f, indent=1)


if __name__ == "__main__":
    main()
