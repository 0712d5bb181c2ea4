#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Fail if a capsule library references a symbol outside its allow-list.

Runs `nm` over a static library, collects the symbols its objects leave
undefined, drops those defined elsewhere in the same library, and reports
every remaining symbol that matches no pattern of the allow-list.
"""
import argparse
import fnmatch
import subprocess
import sys


def read_patterns(path):
    patterns = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.split("#", 1)[0].strip()
            if line:
                patterns.append(line)
    return patterns


def library_symbols(nm, lib):
    out = subprocess.run([nm, "-A", lib], check=True, capture_output=True, text=True).stdout
    defined, undefined = set(), {}
    for line in out.splitlines():
        # "lib.a:obj.o:         U name" or "lib.a:obj.o:00000000 T name"
        parts = line.rsplit(None, 2)
        if len(parts) < 2:
            continue
        kind, name = parts[-2], parts[-1]
        obj = line.split(":", 2)[1] if line.count(":") >= 2 else lib
        if kind == "U":
            undefined.setdefault(name, set()).add(obj)
        elif kind not in ("w", "v"):
            defined.add(name)
    return defined, undefined


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--nm", default="nm")
    ap.add_argument("--allow", required=True)
    ap.add_argument("library")
    args = ap.parse_args()
    patterns = read_patterns(args.allow)
    defined, undefined = library_symbols(args.nm, args.library)
    bad = sorted(n for n in undefined
                 if n not in defined and not any(fnmatch.fnmatchcase(n, p) for p in patterns))
    for name in bad:
        objs = ", ".join(sorted(undefined[name]))
        print(f"check_symbols: {args.library}: '{name}' (used by {objs}) is not allowed "
              f"for capsules; see {args.allow}", file=sys.stderr)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
