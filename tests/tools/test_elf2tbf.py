#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Tests for tools/elf2tbf: pack real ARM and RISC-V ELFs, check the bytes, reject bad input.

Builds elf2tbf with ASan/UBSan into build/tools-test, builds tiny apps from tests/tools/app.c
and app.ld with the cross compilers, and prints one "PASS elf2tbf.<case>" or
"FAIL elf2tbf.<case>" line per case. Exit status 0 only if every case passed.

    python3 tests/tools/test_elf2tbf.py [--elf2tbf PATH] [--only REGEX]
"""
import argparse
import os
import random
import re
import shutil
import struct
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
BUILD = os.path.join(ROOT, "build", "tools-test")
WORK = os.path.join(BUILD, "work")
SANITIZER = re.compile(r"AddressSanitizer|runtime error|LeakSanitizer|Segmentation|Aborted")

ARM_CFLAGS = ["arm-none-eabi-gcc", "-mcpu=cortex-m4", "-mthumb", "-fPIC", "-msingle-pic-base",
              "-mpic-register=r9", "-mno-pic-data-is-text-relative"]
RV_CFLAGS = ["riscv64-unknown-elf-gcc", "-march=rv32imac", "-misa-spec=2.2", "-mabi=ilp32"]
COMMON = ["-Os", "-nostdlib", "-nostartfiles", "-ffreestanding", "-T", os.path.join(HERE, "app.ld"),
          "-Wl,--no-warn-rwx-segments"]
ARM_LINK = ["-Wl,--defsym=FLASH_ORIGIN=0x80000000", "-Wl,--defsym=RAM_ORIGIN=0",
            "-Wl,--emit-relocs"]
RV_LINK = ["-Wl,--defsym=FLASH_ORIGIN=0x20040080", "-Wl,--defsym=RAM_ORIGIN=0x80002800"]


class Failure(Exception):
    pass


def check(cond, what):
    if not cond:
        raise Failure(what)


def run(cmd, **kw):
    return subprocess.run(cmd, capture_output=True, text=True, **kw)


# ---------------------------------------------------------------- independent ELF/TBF readers

def elf_read(path):
    """Minimal ELF32 reader: entry, segments and sections by name (for cross-checking)."""
    data = open(path, "rb").read()
    entry, phoff, shoff = struct.unpack_from("<III", data, 24)
    phnum, _, shnum, shstrndx = struct.unpack_from("<HHHH", data, 44)
    segs = [struct.unpack_from("<8I", data, phoff + 32 * i) for i in range(phnum)]
    raw = [struct.unpack_from("<10I", data, shoff + 40 * i) for i in range(shnum)]
    names_off = raw[shstrndx][4]
    secs = {}
    for sh in raw:
        end = data.index(b"\0", names_off + sh[0])
        name = data[names_off + sh[0]:end].decode()
        secs[name] = {"type": sh[1], "flags": sh[2], "addr": sh[3], "offset": sh[4],
                      "size": sh[5], "data": data[sh[4]:sh[4] + sh[5]] if sh[1] != 8 else b""}
    return {"entry": entry, "segs": segs, "secs": secs, "machine": struct.unpack_from("<H", data, 18)[0]}


def tbf_read(data):
    """Decode base header and TLVs of a TBF, checking the checksum independently."""
    version, hsize, total, flags, csum = struct.unpack_from("<HHIII", data, 0)
    words = struct.unpack_from("<%dI" % (hsize // 4), data, 0)
    x = 0
    for i, w in enumerate(words):
        if i != 3:
            x ^= w
    tlvs = []
    pos = 16
    while pos < hsize:
        t, n = struct.unpack_from("<HH", data, pos)
        tlvs.append((t, data[pos + 4:pos + 4 + n]))
        pos += 4 + ((n + 3) & ~3)
    check(pos == hsize, "TLVs end exactly at header_size")
    return {"version": version, "header_size": hsize, "total": total, "flags": flags,
            "checksum_ok": x == csum, "tlvs": tlvs, "types": [t for t, _ in tlvs],
            "tlv": {t: v for t, v in tlvs}}


def footers(data, start, end):
    out = []
    while end - start >= 4:
        t, n = struct.unpack_from("<HH", data, start)
        check(t == 128 and start + 4 + n <= end, "footer at 0x%x is a credential in range" % start)
        out.append((struct.unpack_from("<I", data, start + 4)[0], n))
        start += 4 + n
    check(start == end, "footers fill the footer region exactly")
    return out


def program(tbf):
    return struct.unpack("<5I", tbf["tlv"][9])


# ---------------------------------------------------------------- fixtures

class Env:
    def __init__(self, tool):
        self.tool = tool
        self.elfs = {}

    def elf2tbf(self, *args):
        p = run([self.tool, *args], timeout=60)
        check(not SANITIZER.search(p.stderr), "no sanitizer report:\n" + p.stderr[-2000:])
        return p

    def pack(self, elf, out, *opts):
        p = self.elf2tbf(*opts, "-o", out, elf)
        check(p.returncode == 0, "packing %s succeeds: %s" % (elf, p.stderr.strip()))
        return open(out, "rb").read()

    def path(self, name):
        return os.path.join(WORK, name)


def build_tool(args):
    if args.elf2tbf:
        return args.elf2tbf
    for cmd in (["cmake", "-S", os.path.join(ROOT, "tools", "elf2tbf"), "-B", BUILD, "-G", "Ninja",
                 "-DELF2TBF_SANITIZE=ON"], ["ninja", "-C", BUILD]):
        p = run(cmd)
        check(p.returncode == 0, " ".join(cmd) + ":\n" + p.stdout[-3000:] + p.stderr[-3000:])
    return os.path.join(BUILD, "elf2tbf")


def case_build(env):
    src = os.path.join(HERE, "app.c")
    for name, cc, link in (("arm", ARM_CFLAGS, ARM_LINK), ("rv", RV_CFLAGS, RV_LINK)):
        out = env.path("app_%s.elf" % name)
        p = run(cc + COMMON + link + ["-o", out, src])
        check(p.returncode == 0, "cross build of %s:\n%s" % (name, p.stderr[-3000:]))
        env.elfs[name] = out
    nosym = env.path("app_rv_nosym.elf")
    p = run(["riscv64-unknown-elf-objcopy", "--strip-symbol=_sram_origin", env.elfs["rv"], nosym])
    check(p.returncode == 0, "objcopy: " + p.stderr)
    env.elfs["rv_nosym"] = nosym
    obj = env.path("app_arm.o")
    p = run(ARM_CFLAGS + ["-Os", "-c", "-o", obj, src])
    check(p.returncode == 0, "arm object: " + p.stderr)
    env.elfs["arm_obj"] = obj
