#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Post-link check of a userland app ELF (run by bulkhead_app() on every app).

Both architectures:
  * the 40-byte crt0 header is the first thing in flash and every field agrees with the
    section table (offsets of GOT, .data, .bss, relocation block, stack size);
  * _start follows the header directly (the TBF entry point is app start + 0x28).
Cortex-M (position-independent apps):
  * no absolute address is stored in flash (code or constants): such a word cannot be
    relocated at load time, so it would point at the link-time sentinel address. This
    catches non-PIC picolibc functions that touch global data (their use is unsupported)
    and glue code that touches a global (see cmake/flags.cmake);
  * every relocation against RAM (.rel.data ...) is R_ARM_ABS32, the only kind crt0
    applies.

usage: check_app.py app.elf      (exit status 1 and a report on failure)
"""
import os
import struct
import sys

SHT_SYMTAB, SHT_REL = 2, 9
SHF_WRITE, SHF_ALLOC = 1, 2
EM_ARM, EM_RISCV = 40, 243
R_ARM_NONE, R_ARM_ABS32 = 0, 2
# Relocation types that store an absolute address (ARM ELF ABI numbering).
ARM_ABSOLUTE = {2: "R_ARM_ABS32", 5: "R_ARM_ABS16", 6: "R_ARM_ABS12", 7: "R_ARM_THM_ABS5",
                8: "R_ARM_ABS8", 38: "R_ARM_TARGET1", 43: "R_ARM_MOVW_ABS_NC",
                44: "R_ARM_MOVT_ABS", 47: "R_ARM_THM_MOVW_ABS_NC", 48: "R_ARM_THM_MOVT_ABS"}
# Functions allowed to keep absolute words, with the reason (documented in README.md).
ARM_ALLOWED = {
    "__i_vfprintf": "picolibc's \"(null)\" and \"*float*\" strings: printf(\"%s\", NULL) and "
                    "%f fault on Cortex-M",
}
HEADER_FIELDS = ("got_sym_start", "got_start", "got_size", "data_sym_start", "data_start",
                 "data_size", "bss_start", "bss_size", "reldata_start", "stack_size")


class Elf:
    def __init__(self, path):
        with open(path, "rb") as f:
            self.data = f.read()
        if self.data[:4] != b"\x7fELF" or self.data[4] != 1:
            raise ValueError(f"{path}: not a 32-bit ELF file")
        (self.machine,) = struct.unpack_from("<H", self.data, 18)
        shoff, = struct.unpack_from("<I", self.data, 32)
        shentsize, shnum, shstrndx = struct.unpack_from("<HHH", self.data, 46)
        self.sections = []
        for i in range(shnum):
            f = struct.unpack_from("<IIIIIIIIII", self.data, shoff + i * shentsize)
            self.sections.append(dict(name_off=f[0], type=f[1], flags=f[2], addr=f[3],
                                      offset=f[4], size=f[5], link=f[6], info=f[7]))
        strtab = self.sections[shstrndx]
        for s in self.sections:
            s["name"] = self._cstr(strtab["offset"] + s["name_off"])
        self.symbols = self._symbols()

    def _cstr(self, off):
        return self.data[off:self.data.index(b"\0", off)].decode()

    def _symbols(self):
        out = []
        for s in self.sections:
            if s["type"] != SHT_SYMTAB:
                continue
            names = self.sections[s["link"]]
            for off in range(s["offset"], s["offset"] + s["size"], 16):
                name, value, size, info, _, _ = struct.unpack_from("<IIIBBH", self.data, off)
                out.append((self._cstr(names["offset"] + name), value, size, info & 0xF))
        return out

    def section(self, name):
        return next((s for s in self.sections if s["name"] == name), None)

    def symbol(self, name):
        return next((v for n, v, _, _ in self.symbols if n == name), None)

    def function_at(self, addr):
        for name, value, size, kind in self.symbols:
            start = value & ~1
            if kind == 2 and start <= addr < start + size:
                return name
        return "?"

    def words(self, section, count):
        return struct.unpack_from(f"<{count}I", self.data, section["offset"])


def check_header(elf, errors):
    text = elf.section(".text")
    if text is None or text["size"] < 44 or elf.symbol("_app_image_start") != text["addr"]:
        errors.append(".text must start with the crt0 header (_app_image_start)")
        return
    fields = dict(zip(HEADER_FIELDS, elf.words(text, 10)))
    flash, ram = text["addr"], elf.section(".stack")["addr"]
    got, data, tdata = elf.section(".got"), elf.section(".data"), elf.section(".tdata")
    got_image = text["addr"] + text["size"]
    tbss, bss = elf.section(".tbss"), elf.section(".bss")
    expect = {
        "got_sym_start": got_image - flash, "got_start": got["addr"] - ram,
        "got_size": got["size"], "data_sym_start": got_image + got["size"] - flash,
        "data_start": data["addr"] - ram,
        "data_size": tdata["addr"] + tdata["size"] - data["addr"],
        "bss_start": tbss["addr"] - ram, "bss_size": bss["addr"] + bss["size"] - tbss["addr"],
        "reldata_start": got_image + tdata["addr"] + tdata["size"] - got["addr"] - flash,
        "stack_size": elf.symbol("STACK_SIZE"),
    }
    for name, want in expect.items():
        if fields[name] != want:
            errors.append(f"crt0 header {name} = {fields[name]:#x}, expected {want:#x}")
    start = elf.symbol("_start")
    if start is not None and (start & ~1) != flash + 40:
        errors.append(f"_start at {start:#x}, expected {flash + 40:#x}")
    if fields["got_sym_start"] % 4 or fields["data_sym_start"] % 4 or fields["reldata_start"] % 4:
        errors.append("crt0 header flash offsets must be 4-aligned")


def check_arm_relocations(elf, errors, notes):
    for rel in elf.sections:
        if rel["type"] != SHT_REL or rel["info"] >= len(elf.sections):
            continue
        target = elf.sections[rel["info"]]
        if not target["flags"] & SHF_ALLOC:
            continue
        for off in range(rel["offset"], rel["offset"] + rel["size"], 8):
            r_offset, r_info = struct.unpack_from("<II", elf.data, off)
            kind = r_info & 0xFF
            if target["flags"] & SHF_WRITE:
                if kind not in (R_ARM_NONE, R_ARM_ABS32):
                    errors.append(f"{target['name']}+{r_offset:#x}: relocation type {kind} "
                                  "in RAM data; crt0 applies only R_ARM_ABS32")
                continue
            if kind not in ARM_ABSOLUTE:
                continue
            fn = elf.function_at(r_offset)
            where = f"{ARM_ABSOLUTE[kind]} at {r_offset:#x} in {fn}()"
            if fn in ARM_ALLOWED:
                notes.add(f"allowed: {fn}: {ARM_ALLOWED[fn]}")
            else:
                errors.append(f"absolute address in flash: {where} (not position independent"
                              " - non-PIC libc code touching globals, or glue code using a"
                              " global or a constant)")


def main(argv):
    if len(argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    elf = Elf(argv[1])
    errors, notes = [], set()
    check_header(elf, errors)
    if elf.machine == EM_ARM:
        check_arm_relocations(elf, errors, notes)
    if os.environ.get("CHECK_APP_VERBOSE"):
        for n in sorted(notes):
            print(f"check_app: {argv[1]}: {n}")
    for e in errors:
        print(f"check_app: {argv[1]}: error: {e}", file=sys.stderr)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
