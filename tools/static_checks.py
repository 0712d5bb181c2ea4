# SPDX-License-Identifier: Apache-2.0
"""Static gates run by the test command: format, analysis, sizes, SAFETY.

Each check yields (name, ok, detail) for the test runner.
"""
import os
import re
import shutil
import subprocess

SOURCE_DIRS = ["include", "kernel", "arch", "chips", "capsules", "boards", "tests/kernel",
               "tests/unit", "tests/build", "userland", "tools"]
ANALYSED_DIRS = ["kernel", "arch", "chips", "capsules", "boards"]
SIZE_WARN, SIZE_FAIL = 800, 1500
# Lines that need a SAFETY comment: MMIO pointers, integer-to-pointer casts
# of constants, inline asm, linker-symbol address use.
SAFETY_PATTERNS = [
    re.compile(r"\(\s*volatile\b[^)]*\*\s*\)"),
    re.compile(r"\b(asm|__asm__)\b\s*(volatile|__volatile__)?\s*\("),
    re.compile(r"\(\s*(const\s+)?[a-z_0-9]+\s*\*\s*\)\s*(\(uintptr_t\)\s*)?0x[0-9a-fA-F]+"),
    re.compile(r"&_(s|e)[a-z]+\b"),
]
SAFETY_WINDOW = 12


def sources(root, dirs, exts=(".c", ".h")):
    for d in dirs:
        top = os.path.join(root, d)
        for base, _, files in os.walk(top):
            for f in sorted(files):
                if f.endswith(exts):
                    yield os.path.join(base, f)


def check_format(root):
    files = list(sources(root, SOURCE_DIRS))
    p = subprocess.run(["clang-format", "--dry-run", "--Werror", *files], cwd=root,
                       capture_output=True, text=True)
    bad = sorted({line.split(":")[0] for line in p.stderr.splitlines() if ": error:" in line})
    detail = "needs clang-format -i:\n" + "\n".join(os.path.relpath(b, root) for b in bad)
    return p.returncode == 0, detail if p.returncode else ""


def check_cppcheck(root):
    cmd = ["cppcheck", "--quiet", "--error-exitcode=1", "--std=c11", "--inline-suppr",
           "--enable=warning,performance,portability", "--max-configs=1",
           "--suppress=missingIncludeSystem", "-DOS_BOARD_NAME=\"board\"",
           "-DOS_RELEASE=\"0\"", "-I", "include", "-I", "kernel/include", "-I", "chips",
           "-I", "arch/cortex-m/include", "-I", "arch/riscv/include", "-I", "."]
    files = [os.path.relpath(f, root) for f in sources(root, ANALYSED_DIRS, (".c",))]
    p = subprocess.run(cmd + files, cwd=root, capture_output=True, text=True)
    return p.returncode == 0, (p.stdout + p.stderr)[-6000:]


def check_sizes(root):
    bad, warn = [], []
    for f in sources(root, SOURCE_DIRS, (".c", ".h", ".S")):
        with open(f, encoding="utf-8", errors="replace") as fh:
            n = sum(1 for _ in fh)
        rel = os.path.relpath(f, root)
        if n > SIZE_FAIL:
            bad.append(f"{rel}: {n} lines (limit {SIZE_FAIL})")
        elif n > SIZE_WARN:
            warn.append(f"{rel}: {n} lines (warning above {SIZE_WARN})")
    for w in warn:
        print(f"    size warning: {w}")
    return not bad, "\n".join(bad)


def check_safety(root):
    missing = []
    for f in sources(root, ["kernel", "arch", "chips", "boards"], (".c", ".h")):
        with open(f, encoding="utf-8", errors="replace") as fh:
            lines = fh.read().splitlines()
        for i, line in enumerate(lines):
            code = line.split("//")[0]
            if code.lstrip().startswith(("*", "/*")):
                continue
            if any(p.search(code) for p in SAFETY_PATTERNS):
                window = lines[max(0, i - SAFETY_WINDOW):i + 1]
                if not any("SAFETY:" in w for w in window):
                    missing.append(f"{os.path.relpath(f, root)}:{i + 1}: {line.strip()}")
    return not missing, "no SAFETY: comment before:\n" + "\n".join(missing[:50])


def run_all(root, wanted):
    checks = [("static.clang-format", check_format, "clang-format"),
              ("static.cppcheck", check_cppcheck, "cppcheck"),
              ("static.file-sizes", check_sizes, None),
              ("static.safety-comments", check_safety, None)]
    for name, fn, tool in checks:
        if not wanted(name):
            continue
        if tool and shutil.which(tool) is None:
            yield name, False, f"{tool} is not installed (run tools/setup)"
            continue
        ok, detail = fn(root)
        yield name, ok, detail
