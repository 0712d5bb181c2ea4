#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Run every Bulkhead test and end with the line 'N passed, N failed'.

Stages: static checks, host unit tests (ASan/UBSan), board builds, layering
negative builds, QEMU integration tests on every board. Exit status is 0
only if every test passed. `--only REGEX` limits the run to matching names.
"""
import argparse
import concurrent.futures
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, os.path.join(ROOT, "tools"))
sys.path.insert(0, os.path.join(HERE, "qemu"))
import qemu_lib  # noqa: E402
import static_checks  # noqa: E402
from cases import CASES  # noqa: E402

BOARDS = ["qemu_mps2_an386", "qemu_rv32_virt", "qemu_rv32_virt_64k"]


class Results:
    def __init__(self, only):
        self.passed = 0
        self.failed = []
        self.only = re.compile(only) if only else None

    def wanted(self, name):
        return self.only is None or self.only.search(name) is not None

    def record(self, name, ok, detail=""):
        if ok:
            self.passed += 1
            print(f"PASS {name}", flush=True)
        else:
            self.failed.append(name)
            print(f"FAIL {name}", flush=True)
            if detail:
                print("\n".join("    " + line for line in detail.rstrip().splitlines()),
                      flush=True)


def run(cmd, cwd=ROOT):
    p = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True)
    return p.returncode, p.stdout + p.stderr


def configure_and_build(build, source, extra=(), target=None):
    rc, out = run(["cmake", "-S", source, "-B", build, "-G", "Ninja", *extra])
    if rc != 0:
        return rc, out
    cmd = ["ninja", "-C", build] + ([target] if target else [])
    return run(cmd)


def host_unit_tests(res):
    build = os.path.join(ROOT, "build", "host")
    rc, out = configure_and_build(build, os.path.join(ROOT, "tests", "unit"))
    res.record("unit.build", rc == 0, out if rc else "")
    if rc != 0:
        return
    for name in sorted(os.listdir(build)):
        path = os.path.join(build, name)
        if not (name.startswith("test_") and os.access(path, os.X_OK)):
            continue
        p = subprocess.run([path], capture_output=True, text=True, timeout=120)
        detail = []
        seen = False
        for line in p.stdout.splitlines():
            m = re.match(r"(PASS|FAIL) (\S+)$", line)
            if m:
                seen = True
                if res.wanted("unit." + m.group(2)):
                    res.record("unit." + m.group(2), m.group(1) == "PASS", "\n".join(detail))
                detail = []
            else:
                detail.append(line)
        if p.returncode != 0 and (not seen or detail or p.stderr):
            # A crash (sanitizer report) after or instead of the case lines.
            res.record(f"unit.{name}.exit", False,
                       "\n".join(detail) + "\n" + p.stderr[-4000:])


def tool_tests(res):
    """The packer's own tests (a script printing PASS/FAIL lines)."""
    script = os.path.join(ROOT, "tests", "tools", "test_elf2tbf.py")
    p = subprocess.run([sys.executable, script], capture_output=True, text=True, timeout=600)
    seen = False
    for line in p.stdout.splitlines():
        m = re.match(r"(PASS|FAIL) (\S+)", line)
        if m and res.wanted("tools." + m.group(2)):
            seen = True
            res.record("tools." + m.group(2), m.group(1) == "PASS", line)
    if not seen or (p.returncode != 0 and "FAIL" not in p.stdout):
        res.record("tools.elf2tbf.run", False, (p.stdout + p.stderr)[-3000:])


def build_tools(res):
    rc, out = configure_and_build(os.path.join(ROOT, "build", "tools"),
                                  os.path.join(ROOT, "tools", "elf2tbf"))
    res.record("build.tools", rc == 0, out[-4000:] if rc else "")
    return rc == 0


def build_userland(res, boards):
    """Build the userland apps each board needs (one tree per parameter set)."""
    done = {}
    elf2tbf = os.path.join(ROOT, "build", "tools", "elf2tbf")
    for board in boards:
        u = qemu_lib.load_board(board)["userland"]
        if u["build"] in done:
            continue
        build = os.path.join(ROOT, "build", u["build"])
        rc, out = configure_and_build(build, os.path.join(ROOT, "userland"),
                                      [f"-DUSERLAND_ARCH={u['arch']}", f"-DELF2TBF={elf2tbf}",
                                       *u["args"]])
        res.record(f"build.{u['build']}", rc == 0, out[-6000:] if rc else "")
        done[u["build"]] = rc == 0


def build_boards(res):
    built = []
    for board in BOARDS:
        build = qemu_lib.build_dir(board)
        rc, out = configure_and_build(build, ROOT, [f"-DBOARD={board}"])
        res.record(f"build.{board}", rc == 0, out[-6000:] if rc else "")
        if rc == 0:
            built.append(board)
            sizes = [l for l in out.splitlines() if re.match(r"\s*\d+\s+\d+\s+\d+\s+\d+", l)]
            if sizes:
                print(f"    {board}: text data bss of the last image: {sizes[-1].split()[:3]}")
    return built


def layering_probes(res):
    """A capsule that breaks a layer rule must make the build fail."""
    probes = [
        ("bad_include", r"kernel/process_table\.h: No such file|os/board/kernel\.h: No such file"),
        ("bad_symbol", r"check_symbols: .*'chip_halt'.* is not allowed"),
        ("bad_asm", r"attempt to use poisoned \"(__asm__|asm)\""),
    ]
    board = BOARDS[0]
    for probe, pattern in probes:
        name = f"layering.{probe}"
        if not res.wanted(name):
            continue
        build = os.path.join(ROOT, "build", f"probe-{probe}")
        rc, out = configure_and_build(build, ROOT, [f"-DBOARD={board}",
                                                    f"-DOS_LAYERING_PROBE={probe}"],
                                      target="os_test_capsules")
        ok = rc != 0 and re.search(pattern, out) is not None
        res.record(name, ok, "" if ok else f"build exit {rc}, wanted /{pattern}/:\n{out[-3000:]}")


def profiling_off(res):
    """-DOS_PROFILING=OFF: the kernel builds and its hot paths no longer
    call the accounting (doc/profiling.md)."""
    name = "build.profiling-off"
    if not res.wanted(name):
        return
    build = os.path.join(ROOT, "build", "profiling-off")
    rc, out = configure_and_build(build, ROOT, [f"-DBOARD={BOARDS[0]}", "-DOS_PROFILING=OFF"],
                                  target="kernel")
    if rc != 0:
        res.record(name, False, out[-4000:])
        return
    objs = os.path.join(build, "kernel", "CMakeFiles", "os_kernel.dir")
    calls = []
    for obj in ("scheduler.c.obj", "main_loop.c.obj", "syscall.c.obj"):
        rc, syms = run(["arm-none-eabi-nm", "-u", os.path.join(objs, obj)])
        if rc != 0 or "kernel_account" in syms:
            calls.append(obj)
    res.record(name, not calls, f"still accounting in {calls}" if calls else "")


def subst(raw, values):
    """Replace {key} by values[key] for board facts; regex braces stay."""
    return re.sub(r"\{([a-z_]+)\}", lambda m: str(values.get(m.group(1), m.group(0))), raw)


def match_expectations(case, text, values):
    """Offset just past the last expectation, or (None, message)."""
    pos = end = 0
    for raw in case.expect:
        rx = subst(raw, values)
        m = re.compile(rx).search(text, 0 if case.unordered else pos)
        if not m:
            return None, f"expected /{rx}/ " + ("anywhere" if case.unordered else
                                                f"after offset {pos}")
        pos = m.end()
        end = max(end, pos)
    return end, None


def check_transcript(case, text, status, values):
    end, err = match_expectations(case, text, values)
    if err:
        return err
    for raw in case.forbid:
        if re.search(subst(raw, values), text):
            return f"forbidden /{raw}/ appeared"
    if case.exit is not None and status != case.exit:
        return f"exit status {status}, expected {case.exit}"
    if case.check is not None:
        return case.check(text)
    return None


def corrupt_tbf(userland, board):
    """hello.tbf with one header byte changed (its checksum no longer holds)."""
    src = os.path.join(userland, "examples", "hello", "hello.tbf")
    dst = os.path.join(ROOT, "build", board, "corrupt-hello.tbf")
    if os.path.exists(src):
        data = bytearray(open(src, "rb").read())
        data[8] ^= 0x02  # the flags word: bit 1 (sticky), covered by the checksum
        with open(dst, "wb") as f:
            f.write(bytes(data))
    return dst


def run_case(board, case):
    info = qemu_lib.load_board(board)
    values = dict(info)
    values["app_flash_start_hex"] = f"{int(info['app_flash_start'], 16):08x}"
    values["app_ram_start_hex"] = f"{int(info['app_ram_start'], 16):08x}"
    values["userland"] = os.path.join("build", info["userland"]["build"])
    values["corrupt_tbf"] = corrupt_tbf(os.path.join(ROOT, values["userland"]), board)
    forbidden = [re.compile(subst(raw, values)) for raw in case.forbid]

    def stop(text):
        # End at once on a forbidden line (fail fast instead of timing out);
        # an image that never halts also ends once everything matched.
        if any(rx.search(text) for rx in forbidden):
            return True
        if case.exit is not None or match_expectations(case, text, values)[1] is not None:
            return False
        # A case with a check also waits until the check holds (or the timeout).
        return case.check is None or case.check(text) is None

    tbfs = [os.path.join(ROOT, subst(t, values)) for t in case.tbfs]
    transcripts = []
    for _ in range(2 if case.twice else 1):
        r = qemu_lib.run(board, case.image, tbfs, timeout=case.timeout, stop_when=stop,
                         inputs=case.inputs, typed=case.typed)
        tail = "\n".join(r.transcript.splitlines()[-40:])
        if r.timed_out:
            why = check_transcript(case, r.transcript, None, values) or "hang"
            return f"timeout after {case.timeout:g} s ({why}); transcript tail:\n{tail}"
        if r.stopped and case.exit is not None:
            r.status = None
        err = check_transcript(case, r.transcript, r.status, values)
        if err:
            return f"{err}; transcript tail:\n{tail}\n{r.stderr[-1000:]}"
        # A run ended by stop_when is cut wherever QEMU was killed: compare
        # what the expectations covered.
        end = match_expectations(case, r.transcript, values)[0] if case.exit is None else None
        transcripts.append(r.transcript[:end])
    if case.twice and transcripts[0] != transcripts[1]:
        return "two runs produced different transcripts"
    return None


def qemu_tests(res, boards):
    jobs = []
    for board in boards:
        for case in CASES:
            if case.boards and board not in case.boards:
                continue
            name = f"qemu.{board}.{case.name}"
            if res.wanted(name):
                jobs.append((name, board, case))
    with concurrent.futures.ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
        futures = [(name, pool.submit(run_case, board, case)) for name, board, case in jobs]
        for name, fut in futures:
            try:
                err = fut.result()
            except qemu_lib.QemuError as e:
                err = str(e)
            res.record(name, err is None, err or "")


def bench_smoke(res, boards):
    """Benchmark binaries still build (the board builds above) and complete:
    one boot of each bench image per board, numbers not judged."""
    import bench  # noqa: E402 (tools/bench.py)

    wanted = [b for b in boards if res.wanted(f"bench.smoke.{b}")]
    with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, len(wanted))) as pool:
        for board, runs in zip(wanted, pool.map(bench.smoke_board, wanted)):
            bad = [f"{name}: no bench-done; transcript tail:\n{tail}"
                   for name, done, tail in runs if not done]
            res.record(f"bench.smoke.{board}", not bad, "\n".join(bad))


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--only", help="run only tests whose name matches this regex")
    args = ap.parse_args()
    res = Results(args.only)
    for name, ok, detail in static_checks.run_all(ROOT, res.wanted):
        res.record(name, ok, detail)
    if res.wanted("unit."):
        host_unit_tests(res)
    build_tools(res)
    if res.wanted("tools."):
        tool_tests(res)
    boards = build_boards(res)
    build_userland(res, boards)
    layering_probes(res)
    profiling_off(res)
    qemu_tests(res, boards)
    bench_smoke(res, boards)
    if res.failed:
        print("failed: " + ", ".join(res.failed))
    print(f"{res.passed} passed, {len(res.failed)} failed")
    return 0 if not res.failed else 1


if __name__ == "__main__":
    sys.exit(main())
