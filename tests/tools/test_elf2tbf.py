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
    return subprocess.run(cmd, capture_output=True, text=True, errors="replace", **kw)


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

    def reference(self, name):
        """The ARM or RISC-V app packed with default options (for the inspect cases)."""
        path = self.path("ref_%s.tbf" % name)
        if not os.path.exists(path):
            self.pack(self.elfs[name], path, "-n", "blink", "--minimum-footer-size", "3000")
        return path


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


# ---------------------------------------------------------------- packing cases

def check_common(data, tbf, elf, flash_base):
    """Checks shared by every packed app: checksum, sizes, binary, relocations, footers."""
    check(tbf["version"] == 2 and tbf["checksum_ok"], "version 2 and a valid checksum")
    check(tbf["header_size"] % 4 == 0 and tbf["total"] == len(data), "sizes")
    check(tbf["types"][:2] == [1, 9], "Main then Program first")
    check(tbf["types"][-1] == 8 or tbf["types"][-2:] == [8, 10], "Kernel Version near the end")
    check(tbf["tlv"][1] == tbf["tlv"][9][:12], "Main carries the Program values")
    init, trailer, ram, binary_end, _ = program(tbf)
    app_start = tbf["header_size"] + trailer
    check(data[tbf["header_size"]:app_start] == bytes(trailer), "protected trailer is zeros")
    crt0 = elf["secs"][".crt0_header"]["data"]
    check(data[app_start:app_start + 40] == crt0, "the binary starts with the crt0 header")
    check(init == trailer + elf["entry"] - flash_base, "init_fn_offset = trailer + entry offset")
    reldata = struct.unpack_from("<I", crt0, 32)[0]
    rel = elf["secs"].get(".rel.data", {"data": b""})["data"]
    at = app_start + reldata
    check(struct.unpack_from("<I", data, at)[0] == len(rel), "relocation length at reldata_start")
    check(data[at + 4:at + 4 + len(rel)] == rel, "relocation data is .rel.data")
    check(binary_end == (at + 4 + len(rel) + 3) & ~3, "binary_end_offset after the relocations")
    data_seg = [s for s in elf["segs"] if s[0] == 1 and s[2] != s[3] and s[6] & 2]
    check(ram == sum(s[5] for s in data_seg) + 2048 + 1024 + 1024, "minimum_ram_size formula")
    return footers(data, binary_end, tbf["total"])


def case_arm_pack(env):
    elf = elf_read(env.elfs["arm"])
    data = env.pack(env.elfs["arm"], env.path("arm.tbf"), "--package-name", "blink",
                    "--minimum-footer-size", "3000")
    tbf = tbf_read(data)
    check(tbf["flags"] == 1, "enabled")
    check(tbf["types"] == [1, 9, 3, 2, 8], "TLV order Main, Program, Name, WFR, Kernel Version")
    check(tbf["tlv"][3] == b"blink" and tbf["tlv"][8] == struct.pack("<HH", 2, 2), "name, 2.2")
    check(5 not in tbf["tlv"], "no Fixed Addresses TLV for a PIC app")
    check(tbf["total"] >= 512 and tbf["total"] & (tbf["total"] - 1) == 0, "power-of-two size")
    check(program(tbf)[1] == 0 and program(tbf)[0] & 1 == 1, "no trailer; Thumb entry")
    check(len(elf["secs"][".rel.data"]["data"]) == 8, "the test app has one data relocation")
    foot = check_common(data, tbf, elf, 0x80000000)
    check(foot[0][0] == 0 and sum(4 + n for _, n in foot) >= 3000, "Reserved footer >= 3000")
    wfr_off, wfr_size = struct.unpack("<II", tbf["tlv"][2])
    wfr = elf["secs"][".wfr.app_state"]
    check(wfr_size == 16 and data[wfr_off:wfr_off + 16] == wfr["data"], "WFR points at .wfr")


def case_riscv_pack(env):
    elf = elf_read(env.elfs["rv"])
    data = env.pack(env.elfs["rv"], env.path("rv.tbf"), "-n", "rv")
    tbf = tbf_read(data)
    check(tbf["types"] == [1, 9, 3, 2, 5, 8], "TLV order with Fixed Addresses")
    ram, flash = struct.unpack("<II", tbf["tlv"][5])
    check(flash == 0x20040080 and ram == 0x80002800, "fixed addresses %#x %#x" % (flash, ram))
    check(tbf["header_size"] + program(tbf)[1] == 0x80, "protected region ends at 0x...80")
    check(tbf["total"] % 4 == 0, "size a multiple of 4")
    check_common(data, tbf, elf, 0x20040080)
    # Without _sram_origin the RAM origin comes from the lowest RAM segment.
    data = env.pack(env.elfs["rv_nosym"], env.path("rv_nosym.tbf"))
    check(struct.unpack("<II", tbf_read(data)["tlv"][5]) == (0x80002800, 0x20040080), "fallback")


def case_options(env):
    elf = env.elfs["arm"]
    tbf = tbf_read(env.pack(elf, env.path("o1.tbf"), "--disabled", "--sticky", "--short-id",
                            "0x1234", "--app-version", "7", "--kernel-minor", "0"))
    check(tbf["flags"] == 2, "disabled + sticky flags")
    check(tbf["types"][-2:] == [8, 10] and tbf["tlv"][10] == struct.pack("<I", 0x1234), "ShortId")
    check(program(tbf)[4] == 7 and tbf["tlv"][8] == struct.pack("<HH", 2, 0), "version, 2.0")
    p = env.elf2tbf("--inspect", env.path("o1.tbf"))
    check(p.returncode == 0 and "object at offset 0x0: disabled" in p.stdout, "inspect disabled")
    base = program(tbf_read(env.pack(elf, env.path("o2.tbf"))))[2]
    bigger = program(tbf_read(env.pack(elf, env.path("o3.tbf"), "--stack", "4097",
                                       "--app-heap", "1", "--kernel-heap", "0")))[2]
    check(bigger == base + 4104 - 2048 + 4 - 1024 - 1024, "stack rounded to 8, heaps to 4")
    tbf = tbf_read(env.pack(elf, env.path("o4.tbf"), "--permission", "1,2", "--permission",
                            "1,66", "--permission", "1,3", "--write-id", "9", "--read-id", "9",
                            "--modify-id", "10"))
    perms = tbf["tlv"][6]
    check(perms == struct.pack("<H", 2) + struct.pack("<IIQ", 1, 0, 0xC) +
          struct.pack("<IIQ", 1, 1, 4), "Permissions entries grouped per block")
    check(tbf["tlv"][7] == struct.pack("<IHIHI", 9, 1, 9, 1, 10), "Storage Permissions")
    check(tbf["types"].index(6) < tbf["types"].index(7) < tbf["types"].index(8), "order")


def case_scheduling(env):
    elf = env.elfs["arm"]
    tbf = tbf_read(env.pack(elf, env.path("s1.tbf"), "--priority", "3", "--period-us", "10000",
                            "--budget-us", "2500"))
    check(tbf["types"][-1] == 0x8001, "scheduling TLV last")
    check(tbf["tlv"][0x8001] == struct.pack("<III", 3, 10000, 2500), "priority, period, budget")
    tbf = tbf_read(env.pack(elf, env.path("s2.tbf"), "--period-us", "500", "--budget-us", "500"))
    check(tbf["tlv"][0x8001] == struct.pack("<III", 0xFFFFFFFF, 500, 500), "no priority")
    check(0x8001 not in tbf_read(env.pack(elf, env.path("s3.tbf")))["tlv"], "absent by default")
    p = env.elf2tbf("--inspect", env.path("s1.tbf"))
    for want in ("TLV Bulkhead Scheduling (type 32769, length 12)", "priority                 3",
                 "period                   10000 us", "budget                   2500 us"):
        check(want in p.stdout, "inspect prints " + want)
    out = env.path("s4.tbf")
    for args, pattern in ((["--priority", "256"], r"--priority: '256'"),
                          (["--period-us", "1000"], r"go together"),
                          (["--budget-us", "10"], r"go together"),
                          (["--period-us", "100", "--budget-us", "101"], r"at most the period"),
                          (["--period-us", "60000001", "--budget-us", "1"], r"--period-us")):
        expect_error(env, args + ["-o", out, elf], pattern, status=2)
        check(not os.path.exists(out), "no output for bad scheduling options")


def case_protected_region(env):
    tbf = tbf_read(env.pack(env.elfs["arm"], env.path("p.tbf"), "--protected-region-size", "0x100"))
    init, trailer = program(tbf)[:2]
    check(tbf["header_size"] + trailer == 0x100, "protected region 0x100")
    elf = elf_read(env.elfs["arm"])
    check(init == trailer + elf["entry"] - 0x80000000, "entry follows the trailer")
    for bad in ("8", "0x102", "0x200000"):
        p = env.elf2tbf("--protected-region-size", bad, "-o", env.path("bad.tbf"), env.elfs["arm"])
        check(p.returncode != 0 and "error:" in p.stderr, "rejects protected size " + bad)
        check(not os.path.exists(env.path("bad.tbf")), "no output left behind")


def case_large_footer(env):
    data = env.pack(env.elfs["rv"], env.path("big.tbf"), "--minimum-footer-size", "0x30001")
    tbf = tbf_read(data)
    foot = footers(data, program(tbf)[3], tbf["total"])
    check(len(foot) == 4 and all(f == 0 for f, _ in foot), "split into Reserved credentials")
    check(sum(4 + n for _, n in foot) == 0x30004, "footer space rounded to 4")
    check(env.elf2tbf("--inspect", env.path("big.tbf")).returncode == 0, "inspect accepts it")


def case_footer_gap(env):
    """ARM power-of-two rounding that leaves 4 bytes: too few for a footer."""
    ref = tbf_read(env.pack(env.elfs["arm"], env.path("gap_ref.tbf")))
    total, end = ref["total"], program(ref)[3]
    check(total - end >= 8, "the reference leaves room for a footer")
    protected = ref["header_size"] + program(ref)[1] + (total - 4 - end)
    data = env.pack(env.elfs["arm"], env.path("gap.tbf"), "--protected-region-size",
                    hex(protected))
    tbf = tbf_read(data)
    check(tbf["total"] == total and len(data) == total, "still the same power of two")
    check(program(tbf)[3] == total, "the 4 bytes pad the binary (binary_end_offset = total)")
    check(footers(data, program(tbf)[3], total) == [], "no footer")
    check(data[end + (total - 4 - end):total] == bytes(4), "the padding is zeros")
    check(env.elf2tbf("--inspect", env.path("gap.tbf")).returncode == 0, "inspect accepts it")


def case_deterministic(env):
    a = env.pack(env.elfs["arm"], env.path("d1.tbf"), "-n", "x")
    b = env.pack(env.elfs["arm"], env.path("d2.tbf"), "-n", "x")
    check(a == b, "same input, same bytes")


def case_inspect(env):
    p = env.elf2tbf("--inspect", env.reference("arm"), env.reference("rv"))
    check(p.returncode == 0, "inspect exits 0: " + p.stderr)
    for want in ("checksum                 0x", "(ok)", "TLV Program (type 9, length 20)",
                 "name                     \"blink\"", "start_process_flash      0x20040080",
                 "relocation block         8 bytes", "footers: end of footers"):
        check(want in p.stdout, "inspect prints " + want)
    two = open(env.reference("arm"), "rb").read() + open(env.reference("rv"), "rb").read()
    open(env.path("two.tbf"), "wb").write(two)
    p = env.elf2tbf("--inspect", env.path("two.tbf"))
    check(p.returncode == 0 and p.stdout.count(": object at offset") == 2, "two objects")


# ---------------------------------------------------------------- bad input

def expect_error(env, args, pattern, status=1):
    p = env.elf2tbf(*args)
    check(p.returncode == status, "exit status %d for %s, got %d" % (status, args, p.returncode))
    lines = [line for line in p.stderr.splitlines() if line.strip()]
    check(lines and lines[0].startswith("elf2tbf: error: "),
          "error message for %s: %r" % (args, p.stderr))
    check(re.search(pattern, p.stderr), "message matches /%s/: %r" % (pattern, p.stderr))


def patched(env, name, offset, value, fmt="<B"):
    data = bytearray(open(env.elfs["arm"], "rb").read())
    struct.pack_into(fmt, data, offset, value)
    path = env.path(name)
    open(path, "wb").write(data)
    return path


def case_bad_elf(env):
    out = env.path("never.tbf")
    good = open(env.elfs["arm"], "rb").read()
    open(env.path("empty.elf"), "wb").close()
    open(env.path("trunc30.elf"), "wb").write(good[:30])
    open(env.path("trunc.elf"), "wb").write(good[:0x400])
    open(env.path("garbage.elf"), "wb").write(random.Random(7).randbytes(4096))
    host_obj = env.path("host64.o")
    p = run(["gcc", "-c", "-x", "c", "-o", host_obj, "/dev/null"])
    check(p.returncode == 0, "host object: " + p.stderr)
    cases = [
        ("empty.elf", r"empty file"),
        ("trunc30.elf", r"truncated ELF header"),
        ("trunc.elf", r"outside the file"),
        ("garbage.elf", r"not an ELF file"),
        ("host64.o", r"64-bit ELF is not supported"),
        (patched(env, "class.elf", 4, 2), r"64-bit ELF"),
        (patched(env, "be.elf", 5, 2), r"big-endian"),
        (patched(env, "machine.elf", 18, 62, "<H"), r"unsupported machine"),
        (patched(env, "shoff.elf", 32, 0xFFFFFF00, "<I"), r"section header table"),
        (patched(env, "phnum.elf", 44, 0, "<H"), r"no program headers"),
        (patched(env, "strndx.elf", 50, 0x7FFF, "<H"), r"section name table"),
        (patched(env, "entry.elf", 24, 0x12345678, "<I"), r"entry point 0x12345678"),
        (env.elfs["arm_obj"], r"relocatable object"),
        ("missing.elf", r"cannot open"),
    ]
    for name, pattern in cases:
        expect_error(env, ["-o", out, name if os.path.isabs(name) else env.path(name)], pattern)
        check(not os.path.exists(out), "no output for a bad ELF")


def case_bad_usage(env):
    elf = env.elfs["arm"]
    out = env.path("u.tbf")
    for args, pattern in ((["-n", "x", elf], r"-o"),
                          (["-o", out], r"exactly one input"),
                          (["--bogus", "-o", out, elf], r"unknown option"),
                          (["--stack", "12x", "-o", out, elf], r"--stack: '12x'"),
                          (["--kernel-major", "70000", "-o", out, elf], r"--kernel-major"),
                          (["--permission", "5", "-o", out, elf], r"DRIVER,COMMAND"),
                          (["-n", "\udcff", "-o", out, elf], r"UTF-8"),
                          (["--inspect"], r"needs a TBF")):
        try:
            expect_error(env, args, pattern, status=2)
        except UnicodeEncodeError:
            continue
    p = env.elf2tbf("--help")
    check(p.returncode == 0 and "usage: elf2tbf" in p.stdout, "--help")


def case_bad_tbf(env):
    good = open(env.reference("arm"), "rb").read()
    tbf = tbf_read(good)

    def write(name, data):
        open(env.path(name), "wb").write(data)
        return env.path(name)

    flipped = bytearray(good)
    flipped[0x3C] ^= 0x20
    hs = bytearray(good)
    struct.pack_into("<H", hs, 2, 8)
    foot = bytearray(good)
    struct.pack_into("<H", foot, program(tbf)[3] + 2, 0xFFFF)
    cases = [
        (write("checksum.tbf", bytes(flipped)), r"checksum mismatch"),
        (write("short.tbf", good[:len(good) - 1]), r"runs past the end"),
        (write("empty.tbf", b""), r"empty file"),
        (write("erased.tbf", b"\xff" * 64), r"version is not 2"),
        (write("garbage.tbf", random.Random(3).randbytes(999)), r"error"),
        (write("hsize.tbf", bytes(hs)), r"header_size"),
        (write("footer.tbf", bytes(foot)), r"error"),
        (write("trailing.tbf", good + b"\xff" * 20), r"not a TBF object"),
        (env.elfs["arm"], r"version is not 2"),
    ]
    for path, pattern in cases:
        expect_error(env, ["--inspect", path], pattern)
    p = env.elf2tbf("--inspect", "--kernel-major", "3", env.reference("arm"))
    check(p.returncode == 1 and "incompatible kernel version" in p.stderr, "kernel version check")


def case_fuzz(env):
    """Mutated ELFs and TBFs: exit 0 or 1, never a crash; packed output always inspects."""
    rng = random.Random(12345)
    elf = open(env.elfs["rv"], "rb").read()
    tbf = open(env.reference("arm"), "rb").read()
    for i in range(150):
        data = bytearray(elf if i % 2 else tbf)
        for _ in range(rng.randint(1, 6)):
            at = rng.randrange(min(len(data), 0x200 if rng.random() < 0.7 else len(data)))
            data[at] = rng.randrange(256)
        if rng.random() < 0.2:
            data = data[:rng.randrange(len(data))]
        path = env.path("fuzz.bin")
        open(path, "wb").write(data)
        if i % 2:
            out = env.path("fuzz.tbf")
            if os.path.exists(out):
                os.remove(out)
            p = env.elf2tbf("-o", out, path)
            check(p.returncode in (0, 1), "packing mutant %d exits 0/1, got %d" % (i, p.returncode))
            if p.returncode == 0:
                q = env.elf2tbf("--inspect", out)
                check(q.returncode == 0, "mutant %d output inspects: %s" % (i, q.stderr))
        else:
            p = env.elf2tbf("--inspect", path)
            check(p.returncode in (0, 1), "inspecting mutant %d exits 0/1" % i)


CASES = [
    ("build_apps", case_build),
    ("arm_pack", case_arm_pack),
    ("riscv_pack", case_riscv_pack),
    ("options", case_options),
    ("scheduling", case_scheduling),
    ("protected_region", case_protected_region),
    ("large_footer", case_large_footer),
    ("footer_gap", case_footer_gap),
    ("deterministic", case_deterministic),
    ("inspect", case_inspect),
    ("bad_elf", case_bad_elf),
    ("bad_usage", case_bad_usage),
    ("bad_tbf", case_bad_tbf),
    ("fuzz", case_fuzz),
]


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--elf2tbf", help="use this elf2tbf instead of building one")
    ap.add_argument("--only", help="run only cases whose name matches this regex")
    args = ap.parse_args()
    failed = 0
    try:
        tool = build_tool(args)
        print("PASS elf2tbf.build_tool", flush=True)
    except Failure as e:
        print("FAIL elf2tbf.build_tool\n    " + str(e).replace("\n", "\n    "), flush=True)
        return 1
    shutil.rmtree(WORK, ignore_errors=True)
    os.makedirs(WORK)
    env = Env(tool)
    for name, fn in CASES:
        if args.only and not re.search(args.only, name) and name != "build_apps":
            continue
        try:
            fn(env)
            print("PASS elf2tbf." + name, flush=True)
        except (Failure, OSError, struct.error, KeyError, ValueError, IndexError) as e:
            failed += 1
            print("FAIL elf2tbf.%s\n    %s: %s" % (name, type(e).__name__, e), flush=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
