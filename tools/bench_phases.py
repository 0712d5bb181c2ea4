# SPDX-License-Identifier: Apache-2.0
"""Per-phase split of the system call and switch paths, from QEMU's log.

Used by tools/bench.py. Boots the bench kernel with userland/bench/trace
(bench_trace in slot 0, bench_pong in slot 1) under -icount with one
instruction per translation block and the execution log on
(-singlestep -d exec,nochain), so the log holds the address of every
instruction executed, in order. One iteration of an operation is the run
of instructions from one entry of its function (in bench_trace) to the
next; each instruction is named by the kernel function and file it lies in
(the kernel's symbol table and linker map) or counted as app code, and
files are grouped into phases (PHASES). The count is exact on both
architectures: no counter is read.
"""
import bisect
import os
import re
import subprocess
import tempfile

import bench_footprint
import qemu_lib

NM = {"cortex-m": "arm-none-eabi-nm", "riscv": "riscv64-unknown-elf-nm"}
# App link base on Cortex-M (userland/arch/cortex-m/app.ld): flash at 0x80000000 = app start.
CM_APP_LINK_BASE = 0x80000000
# (operation label, function in bench_trace, iterations it stands for)
OPS = [
    ("command_nodevice", "op_command_nodevice", 1),
    ("command_trivial", "op_command_trivial", 1),
    ("yield_no_wait", "op_yield_no_wait", 1),
    ("subscribe", "op_subscribe", 1),
    ("allow_rw_0live", "op_allow_rw", 1),
    ("memop_brk", "op_memop_brk", 1),
    ("switch_round", "bench_round_trip", 2),
    ("alarm_wait", "op_alarm_wait", 1),
]
# Upcall latency: from the instruction after the kernel's last wfi to the
# first instruction of this bench_trace function (the alarm upcall).
LATENCY_CALLBACK = "trace_on_alarm"
OBJDUMP = {"cortex-m": "arm-none-eabi-objdump", "riscv": "riscv64-unknown-elf-objdump"}
# Phases, first match wins: (phase, pattern on "object:function" of a kernel
# instruction; object is the archive member, e.g. "libos_kernel.a(grant.c.obj)").
PHASES = [
    ("trap in/out", r":(riscv_trap_entry|riscv_trap_from_user|riscv_user_run|arch_switch_to_user"
                    r"|cortex_m_svc_entry|cortex_m_user_return|cortex_m_user_entry\w*"
                    r"|cortex_m_pendsv\w*|\w*_handler)$"),
    ("user registers", r":(arch_user_\w+|frame_in\S*|frame_out\S*)$"),
    ("MPU/PMP", r"\((mpu|pmp)[\w.]*\)|:(mpu_\w+|pmp_\w+|write_pmp\w*)$"),
    ("timeslice timer", r":(sched_timer_\w+|poll_expiry|program_comparator|systick_\w+)$"),
    ("clock reads, CPU-time accounting", r"\(clock\.c|:(\w+_now|kernel_account\w*)$"),
    ("interrupt/deferred-call polls",
     r":(chip_has_pending_interrupts|cortex_m_nvic_has_pending|pending_sources"
     r"|deferred_call_\w+|arch_irq_\w+|plic_\w+)$"),
    ("interrupt service (chip, alarm stack)",
     r":(chip_service_pending_interrupts|\w*_service|\w*_irq\w*|\w*fired\w*"
     r"|cortex_m_\w*isr\w*|\w*nvic\w*|\w*handle_interrupt\w*|alarm_mux_\w+|\w*alarm_\w*)$"),
    ("scheduler", r"\((scheduler|sched_\w+|main_loop)\.c"),
    ("syscall decode/dispatch", r"\(syscall\w*\.c|:driver_lookup$"),
    ("upcalls, task queue", r"\((process_task|upcall)\w*\.c|:grant_schedule_upcall$"),
    ("grants, allow checks, process state", r"\((grant|allow|process_\w+)\.c"),
    ("capsule (driver)", r"libos_capsules\.a|libos_test_capsules\.a"),
    ("libc (memcpy ...)", r"libc\.a|libgcc\.a"),
    ("other kernel", r"."),
]
PHASE_RE = [(name, re.compile(p)) for name, p in PHASES]


class Symbols:
    """Address -> (function, owning object) for one ELF and its map."""

    def __init__(self, nm, elf, map_path=None, offset=0):
        out = subprocess.run([nm, "-n", "--defined-only", elf], capture_output=True,
                             text=True, check=True).stdout
        self.addrs, self.names = [], []
        for line in out.splitlines():
            parts = line.split()
            if len(parts) == 3 and parts[1] in "tTwW" and not parts[2].startswith("$"):
                self.addrs.append((int(parts[0], 16) & ~1) + offset)
                self.names.append(parts[2])
        self.sections = bench_footprint.code_sections(map_path) if map_path else []
        self.sec_addrs = [s[0] for s in self.sections]
        self.lo = self.sections[0][0] if self.sections else 0
        self.hi = max((a + n for a, n, _ in self.sections), default=0)

    def address_of(self, name):
        return self.addrs[self.names.index(name)]

    def contains(self, pc):
        return self.lo <= pc < self.hi

    def function(self, pc):
        i = bisect.bisect_right(self.addrs, pc) - 1
        return self.names[i] if i >= 0 else "?"

    def owner(self, pc):
        i = bisect.bisect_right(self.sec_addrs, pc) - 1
        if i >= 0 and pc < self.sections[i][0] + self.sections[i][1]:
            return self.sections[i][2]
        return ""


def phase_of(owner, func):
    key = f"{os.path.basename(owner)}:{func}"
    for name, rx in PHASE_RE:
        if rx.search(key):
            return name
    return "other kernel"


def read_pcs(log_path):
    """Program counters in execution order (second field of each Trace line).
    A line repeated at once is an execution that an icount exit interrupted
    before the instruction ran: it is counted once."""
    pcs = []
    last = None
    with open(log_path, encoding="ascii", errors="replace") as f:
        for line in f:
            if not line.startswith("Trace"):
                last = None
                continue
            pc = int(line.split("/", 2)[1], 16)
            if pc != last:
                pcs.append(pc)
            last = pc
    return pcs


def app_offset(board_arch, transcript, tbf_path, name):
    """Load offset of a Cortex-M app (link address -> run address); 0 on RISC-V."""
    if board_arch != "cortex-m":
        return 0
    m = re.search(rf"process '{name}': flash 0x([0-9a-f]+)", transcript)
    if not m:
        raise SystemExit(f"bench_phases: no load address for {name} in the boot log")
    with open(tbf_path, "rb") as f:
        data = f.read()
    return int(m.group(1), 16) + qemu_lib.tbf_binary_offset(data) - CM_APP_LINK_BASE


def windows(pcs, entry, start):
    """Indices where pc == entry, from start; consecutive pairs are iterations."""
    idx = [i for i in range(start, len(pcs)) if pcs[i] == entry]
    return list(zip(idx, idx[1:]))


def wfi_addresses(arch, elf):
    """Addresses of every wfi instruction in the kernel."""
    out = subprocess.run([OBJDUMP[arch], "-d", elf], capture_output=True, text=True,
                         check=True).stdout
    return {int(m.group(1), 16) for m in re.finditer(r"^\s*([0-9a-f]+):\s.*\bwfi\b", out, re.M)}


def latency(pcs, lo, hi, callback, wfis):
    """(start, end) of the wake-up path inside pcs[lo:hi]: after the last wfi
    before the callback's first instruction, up to that instruction."""
    end = next((i for i in range(lo, hi) if pcs[i] == callback), None)
    if end is None:
        return None
    start = next((i for i in range(end - 1, lo - 1, -1) if pcs[i] in wfis), None)
    return None if start is None else (start + 1, end)


def split(pcs, lo, hi, kernel):
    """Instructions of pcs[lo:hi] by phase and by kernel function."""
    by_phase, by_func = {}, {}
    for pc in pcs[lo:hi]:
        if kernel.contains(pc):
            func, owner = kernel.function(pc), kernel.owner(pc)
            phase = phase_of(owner, func)
        else:
            func, phase = "(app)", "app code"
        by_phase[phase] = by_phase.get(phase, 0) + 1
        by_func[func] = by_func.get(func, 0) + 1
    return by_phase, by_func


def traced(pcs, spans, per, kernel):
    """One result: the last span split, every span's count."""
    counts = [hi - lo for lo, hi in spans]
    phases, funcs = split(pcs, *spans[-1], kernel)
    return {"total": counts[-1], "per": per, "phases": phases, "functions": funcs,
            "iterations": counts, "varies": len(set(counts)) > 1}


def run(board, userland):
    """Trace bench_trace + bench_pong on board; return {op: result} where a result
    is {'total', 'per', 'phases', 'functions', 'iterations', 'varies'}."""
    info = qemu_lib.load_board(board)
    arch = info["arch"]
    trace_tbf = os.path.join(userland, "bench", "trace", "bench_trace.tbf")
    pong_tbf = os.path.join(userland, "bench", "pingpong", "bench_pong.tbf")
    bdir = os.path.join(qemu_lib.build_dir(board), "boards")
    kernel = Symbols(NM[arch], os.path.join(bdir, "bench.elf"), os.path.join(bdir, "bench.map"))
    with tempfile.TemporaryDirectory() as tmp:
        log = os.path.join(tmp, "exec.log")
        r = qemu_lib.run(board, "bench", [trace_tbf, pong_tbf], timeout=120.0,
                         stop_when=lambda t: "bench-done" in t or "TEST FAILED" in t,
                         extra_args=["-singlestep", "-d", "exec,nochain", "-D", log])
        if "bench-done" not in r.transcript:
            raise SystemExit(f"bench_phases: {board}: bench_trace did not finish:\n"
                             + r.transcript[-2000:] + r.stderr[-2000:])
        pcs = read_pcs(log)
    offset = app_offset(arch, r.transcript, trace_tbf, "bench_trace")
    app = Symbols(NM[arch], trace_tbf[:-4] + ".elf", offset=offset)
    results, start, used_by_op = {}, 0, {}
    for label, func, per in OPS:
        its = windows(pcs, app.address_of(func), start)
        if len(its) < 3:
            raise SystemExit(f"bench_phases: {board}: {func}: {len(its)} iterations in the log")
        start = its[-1][1]
        used = its[1:]  # the first iteration includes first use (grant allocation)
        used_by_op[label] = used
        results[label] = traced(pcs, used, per, kernel)
    wfis = wfi_addresses(arch, os.path.join(bdir, "bench.elf"))
    spans = [latency(pcs, lo, hi, app.address_of(LATENCY_CALLBACK), wfis)
             for lo, hi in used_by_op["alarm_wait"]]
    if None in spans:
        raise SystemExit(f"bench_phases: {board}: no wfi -> {LATENCY_CALLBACK} in an iteration")
    results["upcall_latency"] = traced(pcs, spans, 1, kernel)
    return results


# Operations printed as a table (all are in results.json).
PRINTED = [("command_nodevice", "null syscall (Command, no driver)"),
           ("command_trivial", "Command, trivial driver"),
           ("yield_no_wait", "Yield-NoWait, same process"),
           ("switch_round", "switch to other process (per switch)"),
           ("upcall_latency", "upcall latency: wfi wake-up -> callback")]


def per_iteration(res, phase=None):
    """Instructions of one iteration (one switch for switch_round)."""
    n = res["total"] if phase is None else res["phases"].get(phase, 0)
    return n / res["per"]


def print_split(results, width, cw):
    """Print the phase tables for the boards in results (each with 'phases')."""
    have = [r for r in results if r.get("phases")]
    if not have:
        return
    print("per-phase split, traced (instructions of one iteration; exact: QEMU execution log)")
    for op, label in PRINTED:
        print(f"{label:<{width}}" + "".join(
            f"{per_iteration(r['phases'][op]):>{cw}.0f}" for r in have))
        names = [p for p, _ in PHASES] + ["app code"]
        for phase in names:
            if not any(phase in r["phases"][op]["phases"] for r in have):
                continue
            print(f"{'  ' + phase:<{width}}" + "".join(
                f"{per_iteration(r['phases'][op], phase):>{cw}.0f}" for r in have))
    varies = [f"{r['board']}:{op}" for r in have for op, v in r["phases"].items() if v["varies"]]
    if varies:
        print("  (iterations differ, the last is shown: " + ", ".join(varies) + ")")
    print()
