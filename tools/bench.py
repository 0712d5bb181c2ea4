#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Bulkhead benchmarks and footprint: build, boot under QEMU, print a table.

  tools/bench.py                      every board, table + build/bench/results.{json,csv}
  tools/bench.py --board qemu_rv32_virt
  tools/bench.py --smoke              boot each bench image once, check it completes

Figures are guest instructions under -icount shift=0,sleep=off (exact on
RISC-V, 40-instruction steps averaged on mps2), printed by the bench apps
and kernels (userland/bench, boards/configurations/bench*). Numbers are
reported, never judged: the exit status says only whether everything ran.
Method and reading guide: doc/benchmarks.md.
"""
import argparse
import concurrent.futures
import csv
import json
import os
import re
import struct
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import bench_footprint  # noqa: E402
import bench_phases  # noqa: E402
import qemu_lib  # noqa: E402

ROOT = qemu_lib.ROOT
BOARDS = ["qemu_mps2_an386", "qemu_rv32_virt", "qemu_rv32_virt_64k"]
OUT_DIR = os.path.join(ROOT, "build", "bench")
LINE_RE = re.compile(r"^bench (\S+) n=(\d+) min=([\d.]+) avg=([\d.]+) max=([\d.]+)$", re.M)
INFO_RE = re.compile(r"^bench-(?:info|kernel) (.*)$", re.M)
# (run name, kernel image, apps relative to the userland build)
RUNS = [
    ("floor", "bench-floor", []),
    ("syscalls", "bench", ["bench/syscalls/bench_syscalls.tbf"]),
    ("pingpong", "bench", ["bench/pingpong/bench_ping.tbf", "bench/pingpong/bench_pong.tbf"]),
]
# Rows of the table: (key, label)
ROWS = [
    ("floor_trap", "floor: bare trap round trip"),
    ("command_nodevice", "null syscall: Command, no driver"),
    ("command_trivial", "Command, trivial driver (0x90008 cmd 0)"),
    ("yield_no_wait", "Yield-NoWait, same process"),
    ("switch_one", "switch to other process (half round)"),
    ("switch_round", "ping-pong round (2 switches)"),
    ("upcall_latency", "upcall: alarm expiry -> callback"),
    ("upcall_fired_to_callback", "  of which HIL alarm_fired -> callback"),
    ("upcall_irq_to_fired", "  of which expiry -> HIL fired (coarse)"),
    ("allow_rw_0live", "Allow RW, 0 other live buffers"),
    ("allow_rw_4live", "Allow RW, 4 other live buffers"),
    ("allow_ro_0live", "Allow RO, 0 other live buffers"),
    ("allow_ro_4live", "Allow RO, 4 other live buffers"),
    ("subscribe", "Subscribe"),
    ("memop_brk", "Memop brk"),
    ("console_write64", "console write 64 B, end to end"),
    ("phase_command_entry", "  Command: app -> driver (RISC-V)"),
    ("phase_command_return", "  Command: driver -> app (RISC-V)"),
]
# Goals: key -> {arch: limit}
GOALS = {
    "command_nodevice": {"cortex-m": 150, "riscv": 250},
    "switch_one": {"cortex-m": 300, "riscv": 400},
}
FLASH_GOAL, RAM_GOAL = 24 * 1024, 6 * 1024


def sh(cmd):
    p = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True)
    if p.returncode != 0:
        sys.stderr.write(p.stdout[-3000:] + p.stderr[-3000:])
        raise SystemExit(f"bench: '{' '.join(cmd)}' failed")
    return p.stdout


def build(board):
    bdir = qemu_lib.build_dir(board)
    sh(["cmake", "-S", ".", "-B", bdir, "-G", "Ninja", f"-DBOARD={board}"])
    sh(["ninja", "-C", bdir])
    return sh([os.path.join("tools", "build-apps"), "--board", board]).strip()


def boot(board, image, tbfs, timeout=30.0):
    r = qemu_lib.run(board, image, tbfs, timeout=timeout,
                     stop_when=lambda t: "bench-done" in t or "TEST FAILED" in t)
    return r.transcript, "bench-done" in r.transcript


def parse(text, into, info):
    for m in LINE_RE.finditer(text):
        into[m.group(1)] = {"n": int(m.group(2)), "min": float(m.group(3)),
                            "avg": float(m.group(4)), "max": float(m.group(5))}
    for m in INFO_RE.finditer(text):
        for kv in m.group(1).split():
            k, _, v = kv.partition("=")
            info[k] = int(v) if v.isdigit() else v


def derive(fig, info):
    """Figures computed from the measured ones."""
    if "floor_trap_loop" in fig:
        f = fig.pop("floor_trap_loop")
        loop = info.get("loop_instructions", 2)
        fig["floor_trap"] = {k: (v - loop if k != "n" else v) for k, v in f.items()}
    if "switch_round" in fig:
        fig["switch_one"] = {k: (v / 2 if k != "n" else v) for k, v in fig["switch_round"].items()}
    a, b = fig.get("upcall_fired_to_callback"), fig.get("upcall_irq_to_fired")
    if a and b:
        fig["upcall_latency"] = {"n": a["n"], "min": a["min"] + b["min"],
                                 "avg": a["avg"] + b["avg"], "max": a["max"] + b["max"]}


def tbf_min_ram(path):
    with open(path, "rb") as f:
        data = f.read()
    for tlv_type, value in qemu_lib.tbf_tlvs(data):
        if tlv_type in (1, 9) and len(value) >= 12:
            return struct.unpack_from("<I", value, 8)[0]
    return None


def hello_block(board, userland):
    """RAM block the standard kernel gives the example hello app."""
    tbf = os.path.join(ROOT, userland, "examples", "hello", "hello.tbf")
    r = qemu_lib.run(board, "kernel", [tbf], timeout=10,
                     stop_when=lambda t: "Hello from" in t)
    m = re.search(r"process 'hello': .*RAM 0x([0-9a-f]+)-0x([0-9a-f]+)", r.transcript)
    size = int(m.group(2), 16) - int(m.group(1), 16) if m else None
    return {"tbf_minimum_ram": tbf_min_ram(tbf), "block": size}


def smoke_board(board):
    """Boot every bench image once on an already built board and userland;
    return (run name, completed, transcript tail) triples. No numbers judged."""
    userland = os.path.join(ROOT, "build", qemu_lib.load_board(board)["userland"]["build"])
    out = []
    for name, image, apps in RUNS:
        text, done = boot(board, image, [os.path.join(userland, a) for a in apps], timeout=15.0)
        out.append((name, done, "\n".join(text.splitlines()[-15:])))
    try:  # bench_trace under the execution log, and the log's parser
        ok = bool(bench_phases.run(board, userland))
        out.append(("phases", ok, ""))
    except SystemExit as e:
        out.append(("phases", False, str(e)))
    return out


def run_board(board, smoke=False):
    userland = build(board)
    fig, info, ok = {}, {}, {}
    for name, image, apps in RUNS:
        text, done = boot(board, image, [os.path.join(ROOT, userland, a) for a in apps])
        ok[name] = done
        parse(text, fig, info)
    if smoke:
        return {"board": board, "completed": ok}
    derive(fig, info)
    arch = qemu_lib.load_board(board)["arch"]
    fp = bench_footprint.parse(os.path.join(qemu_lib.build_dir(board), "boards", "kernel.map"))
    fp_min = bench_footprint.parse(os.path.join(qemu_lib.build_dir(board), "boards",
                                                "minimal.map"))
    per_process = {"struct_process": info.get("process_struct"),
                   "kernel_owned_fixed": info.get("kernel_owned_at_start"),
                   "grants_default_capsules": info.get("grants_default_capsules")}
    per_process["total"] = sum(v for v in per_process.values() if isinstance(v, int))
    return {"board": board, "arch": arch, "completed": ok, "figures": fig, "info": info,
            "footprint": fp, "footprint_minimal": fp_min, "per_process": per_process,
            "hello": hello_block(board, userland),
            "phases": bench_phases.run(board, os.path.join(ROOT, userland))}


def cell(res, key):
    f = res["figures"].get(key)
    if not f:
        return "-"
    floor = res["figures"].get("floor_trap", {}).get("avg")
    ratio = f" x{f['avg'] / floor:.0f}" if floor and key != "floor_trap" else ""
    return f"{f['avg']:.1f} [{f['min']:.0f}-{f['max']:.0f}]{ratio}"


def print_table(results):
    names = [r["board"] for r in results]
    w = 44
    cw = max(26, *(len(n) for n in names))
    print(f"{'instructions: avg [min-max] xratio-to-floor':<{w}}" + "".join(f"{n:>{cw}}" for n in names))
    for key, label in ROWS:
        print(f"{label:<{w}}" + "".join(f"{cell(r, key):>{cw}}" for r in results))
    extra = [("MPU/PMP writes per 100 Yield-NoWait", lambda r: r["info"].get(
        "mpu_writes_per_100_yield_no_wait", "-")),
        ("MPU/PMP writes per ping-pong round", lambda r: (
            r["info"].get("mpu_writes_per_100_rounds", 0) / 100 if "mpu_writes_per_100_rounds"
            in r["info"] else "-")),
        ("counter resolution (instructions)", lambda r: r["info"].get("resolution", "-"))]
    for label, fn in extra:
        print(f"{label:<{w}}" + "".join(f"{str(fn(r)):>{cw}}" for r in results))
    print()
    bench_phases.print_split(results, w, cw)
    print(f"{'footprint (standard kernel, bytes)':<{w}}" + "".join(f"{n:>{cw}}" for n in names))
    rows = [("kernel flash (text+rodata+data)", lambda r: r["footprint"]["totals"]["flash"]),
            ("kernel RAM (data+bss+stack)", lambda r: r["footprint"]["totals"]["ram"]),
            ("  static RAM (data+bss)", lambda r: r["footprint"]["totals"]["data"]
             + r["footprint"]["totals"]["bss"]),
            ("  kernel stack", lambda r: r["footprint"]["totals"]["stack"]),
            ("  stack guard page (not counted)", lambda r: r["footprint"]["totals"]["stack_guard"])]
    for g in ("core", "arch", "chip", "capsules", "components", "board", "libc"):
        rows.append((f"  flash: {g}", lambda r, g=g: r["footprint"]["flash_by_group"].get(g, 0)))
    for g in ("core", "arch", "chip", "capsules", "board"):
        rows.append((f"  RAM: {g}", lambda r, g=g: r["footprint"]["ram_by_group"].get(g, 0)))
    rows += [("per process: struct process", lambda r: r["per_process"]["struct_process"]),
             ("per process: kernel-owned block part", lambda r: r["per_process"][
                 "kernel_owned_fixed"]),
             ("per process: default capsules' grants", lambda r: r["per_process"][
                 "grants_default_capsules"]),
             ("per process: total kernel overhead", lambda r: r["per_process"]["total"]),
             ("hello: TBF minimum RAM", lambda r: r["hello"]["tbf_minimum_ram"]),
             ("hello: RAM block allocated", lambda r: r["hello"]["block"]),
             ("minimal kernel: flash (text+rodata+data)",
              lambda r: r["footprint_minimal"]["totals"]["flash"]),
             ("minimal kernel: static RAM (data+bss)", lambda r: r["footprint_minimal"]["totals"][
                 "data"] + r["footprint_minimal"]["totals"]["bss"])]
    for g in ("core", "arch", "chip", "capsules"):
        rows.append((f"  minimal flash: {g}",
                     lambda r, g=g: r["footprint_minimal"]["flash_by_group"].get(g, 0)))
    for label, fn in rows:
        print(f"{label:<{w}}" + "".join(f"{str(fn(r)):>{cw}}" for r in results))
    print()
    print_goals(results)


def print_goals(results):
    print("goals")
    for r in results:
        arch = r["arch"]
        floor = r["figures"].get("floor_trap", {}).get("avg")
        for key, limits in GOALS.items():
            f = r["figures"].get(key)
            if f:
                verdict = "met" if f["avg"] <= limits[arch] else "MISSED"
                ratio = f", x{f['avg'] / floor:.0f} floor" if floor else ""
                print(f"  {r['board']}: {key} {f['avg']:.1f} vs <= {limits[arch]}: {verdict}"
                      f"{ratio}")
        writes = r["info"].get("mpu_writes_per_100_yield_no_wait")
        print(f"  {r['board']}: Yield-NoWait MPU/PMP writes {writes}: "
              f"{'met' if writes == 0 else 'MISSED'}")
        for fp, what in ((r["footprint_minimal"], "minimal kernel: console, alarm, LED, button, "
                          "RNG, 4 slots"), (r["footprint"], "standard kernel, with the shell")):
            t = fp["totals"]
            static = t["data"] + t["bss"]
            print(f"  {r['board']}: kernel flash {t['flash']} vs <= {FLASH_GOAL}: "
                  f"{'met' if t['flash'] <= FLASH_GOAL else 'MISSED'}; static RAM {static} vs "
                  f"<= {RAM_GOAL}: {'met' if static <= RAM_GOAL else 'MISSED'} ({what})")
        if "phase_command_entry" in r["figures"]:
            e = r["figures"]["phase_command_entry"]["avg"]
            b = r["figures"]["phase_command_return"]["avg"]
            print(f"  {r['board']}: Command breakdown: app->driver {e:.0f}, driver->app {b:.0f}")


def write_files(results):
    os.makedirs(OUT_DIR, exist_ok=True)
    with open(os.path.join(OUT_DIR, "results.json"), "w", encoding="utf-8") as f:
        json.dump({"unit": "guest instructions (QEMU -icount shift=0,sleep=off)",
                   "boards": results}, f, indent=2)
    with open(os.path.join(OUT_DIR, "results.csv"), "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["board", "metric", "n", "min", "avg", "max", "ratio_to_floor"])
        for r in results:
            floor = r["figures"].get("floor_trap", {}).get("avg")
            for key, v in sorted(r["figures"].items()):
                ratio = f"{v['avg'] / floor:.2f}" if floor else ""
                w.writerow([r["board"], key, v["n"], v["min"], v["avg"], v["max"], ratio])
            for key, v in sorted(r["footprint"]["totals"].items()):
                w.writerow([r["board"], f"footprint_{key}_bytes", "", "", v, "", ""])
            for key, v in sorted(r["footprint_minimal"]["totals"].items()):
                w.writerow([r["board"], f"footprint_minimal_{key}_bytes", "", "", v, "", ""])
            for key, v in r["per_process"].items():
                w.writerow([r["board"], f"per_process_{key}_bytes", "", "", v, "", ""])
            for op, v in sorted(r.get("phases", {}).items()):
                w.writerow([r["board"], f"traced_{op}", "", "", v["total"] / v["per"], "", ""])
                for phase, n in sorted(v["phases"].items()):
                    w.writerow([r["board"], f"traced_{op}:{phase}", "", "", n / v["per"], "", ""])


def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--board", action="append", help="board (repeatable; default: all)")
    ap.add_argument("--smoke", action="store_true", help="only check every bench completes")
    args = ap.parse_args()
    boards = args.board or BOARDS
    with concurrent.futures.ThreadPoolExecutor(max_workers=len(boards)) as pool:
        results = list(pool.map(lambda b: run_board(b, args.smoke), boards))
    failed = [f"{r['board']}:{n}" for r in results for n, ok in r["completed"].items() if not ok]
    if args.smoke:
        print("bench smoke: " + ("all completed" if not failed else "FAILED " + " ".join(failed)))
        return 1 if failed else 0
    print_table(results)
    write_files(results)
    print(f"\nwritten: {os.path.relpath(OUT_DIR, ROOT)}/results.json, results.csv")
    if failed:
        print("incomplete runs: " + " ".join(failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
