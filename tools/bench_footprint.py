# SPDX-License-Identifier: Apache-2.0
"""Kernel footprint from a GNU ld map file, broken down by library.

Used by tools/bench.py. Flash = text + rodata + data (load image), RAM =
data + bss + kernel stack (the RISC-V stack guard page is reported apart).
Every input section is attributed to the archive it came from.
"""
import re

GROUPS = [
    ("core", "libos_kernel.a"),
    ("arch", "libos_arch.a"),
    ("chip", "libos_chip.a"),
    ("capsules", "libos_capsules.a"),
    ("components", "libos_components.a"),
    ("tests", "libos_test_capsules.a"),
    ("board", "boards/"),
    ("libc", "libgcc.a"),
    ("libc", "libc.a"),
]
FLASH_ONLY = (".text", ".rodata", ".srodata", ".ARM.exidx", ".vectors")
DATA = (".data", ".sdata")
BSS = (".bss", ".sbss")
OUT_RE = re.compile(r"^(\.[\w.]+)(?:\s+0x([0-9a-f]+)\s+0x([0-9a-f]+))?")
IN_RE = re.compile(r"^ (\.[\w.$]+|COMMON|\*fill\*)(?:\s+0x([0-9a-f]+)\s+0x([0-9a-f]+)\s*(.*))?$")
CONT_RE = re.compile(r"^\s+0x([0-9a-f]+)\s+0x([0-9a-f]+)\s+(\S.*)$")


def group_of(path):
    for name, key in GROUPS:
        if key in path:
            return name
    return "padding" if not path else "other"


def kind_of(out_section):
    if out_section.startswith(FLASH_ONLY):
        return "flash"
    if out_section.startswith(DATA):
        return "data"
    if out_section.startswith(BSS):
        return "bss"
    if out_section == ".stack":
        return "stack"
    if out_section == ".stack_guard":
        return "guard"
    return None


def parse(path):
    """Return {'flash': {group: bytes}, 'ram': {group: bytes}, totals...}."""
    with open(path, encoding="utf-8", errors="replace") as f:
        lines = f.read().split("Linker script and memory map", 1)[-1].splitlines()
    flash, ram = {}, {}
    totals = {"text_rodata": 0, "data": 0, "bss": 0, "stack": 0, "stack_guard": 0}
    out = None
    pending = None
    for line in lines:
        m = OUT_RE.match(line)
        if m:
            out = kind_of(m.group(1))
            if out and m.group(3):
                key = {"flash": "text_rodata", "guard": "stack_guard"}.get(out, out)
                totals[key] += int(m.group(3), 16)
            pending = None
            continue
        if out is None:
            continue
        m = IN_RE.match(line)
        size = owner = None
        if m and m.group(2):
            size, owner = int(m.group(3), 16), m.group(4).strip()
        elif m:
            pending = m.group(1)
            continue
        elif pending:
            c = CONT_RE.match(line)
            pending = None
            if c:
                size, owner = int(c.group(2), 16), c.group(3).strip()
        if size is None:
            continue
        group = "stack" if out in ("stack", "guard") else group_of(owner)
        if out in ("flash", "data"):
            flash[group] = flash.get(group, 0) + size
        if out in ("data", "bss", "stack"):
            ram[group] = ram.get(group, 0) + size
    totals["flash"] = totals["text_rodata"] + totals["data"]
    totals["ram"] = totals["data"] + totals["bss"] + totals["stack"]
    return {"totals": totals, "flash_by_group": flash, "ram_by_group": ram}


def code_sections(path):
    """Return sorted (address, size, owner) of every code input section with
    an address (for naming the file a program counter falls in)."""
    with open(path, encoding="utf-8", errors="replace") as f:
        lines = f.read().split("Linker script and memory map", 1)[-1].splitlines()
    out, pending, found = None, None, []
    for line in lines:
        m = OUT_RE.match(line)
        if m:
            out, pending = m.group(1), None
            continue
        if out is None or not out.startswith((".text", ".vectors")):
            continue
        m = IN_RE.match(line)
        if m and m.group(2):
            found.append((int(m.group(2), 16), int(m.group(3), 16), m.group(4).strip()))
        elif m:
            pending = m.group(1)
        elif pending:
            c = CONT_RE.match(line)
            pending = None
            if c:
                found.append((int(c.group(1), 16), int(c.group(2), 16), c.group(3).strip()))
    return sorted(s for s in found if s[1] > 0)
