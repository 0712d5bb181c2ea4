# SPDX-License-Identifier: Apache-2.0
"""QEMU integration tests: which image to boot and what the console must show.

Every case runs on every board unless it names boards. `expect` holds
regular expressions that must match in this order; `{board}` and the keys of
board.json are substituted first. A case with exit=None boots an image that
never halts: it passes once every expectation has matched.
"""
from cases_base import Case
from process_cases import PROCESS_CASES
from sched_cases import SCHED_CASES
from shell_cases import SHELL_CASES


HEX = r"0x[0-9a-f]{8}"

BANNER = [
    r"Bulkhead 0\.1\.0 on {board} \([^)]+\), kernel ABI 2\.2\n",
    r"Memory map:\n",
    rf"  kernel code +{HEX}-{HEX} +\d+ bytes\n",
    rf"  kernel data +{HEX}-{HEX} +\d+ bytes\n",
    rf"  kernel bss +{HEX}-{HEX} +\d+ bytes\n",
    rf"  kernel stack +{HEX}-{HEX} +\d+ bytes\n",
    r"  app flash +0x{app_flash_start_hex}-" + HEX + r" +\d+ bytes\n",
    r"  process RAM +0x{app_ram_start_hex}-" + HEX + r" +\d+ bytes\n",
]

CASES = [
    Case("boot-banner", "kernel", BANNER, exit=None, twice=True),
    Case("panic", "test-panic", BANNER + [
        r"test-panic: this line is queued before the panic\n",
        r"\*\*\* KERNEL PANIC: deliberate test panic 42\n",
        r"    at .*test-panic/config\.c:\d+\n",
        r"\b(r0|ra)[ =:]+" + HEX,
        r"(CFSR|mcause)",
        r"Bulkhead 0\.1\.0, kernel ABI 2\.2, board {board}",
        r"\*\*\* kernel halted\n",
    ], exit=1, twice=True),
    Case("kernel-fault", "test-fault", [
        r"test-fault: executing a trapping instruction in the kernel\n",
        r"\*\*\* KERNEL PANIC: kernel fault: .+\n",
        r"\b(pc|mepc)[ =:]+" + HEX,
        r"\*\*\* kernel halted\n",
    ], exit=1),
    Case("deferred-calls", "test-deferred", [
        r"deferred: 3 probes and a finisher set, none ran yet\n",
        r"deferred: runs a=5 b=1 c=1, first runs a=\d b=[123] c=[123]\n",
        r"TEST PASSED\n",
    ], forbid=[r"CHECK FAILED"]),
    Case("deferred-call-limit", "test-deferred-overflow", [
        r"test-deferred-overflow: registering 33 deferred calls\n",
        r"\*\*\* KERNEL PANIC: too many deferred calls: the limit is 32 \(DEFERRED_CALL_MAX\)\n",
    ], exit=1, forbid=[r"no panic"]),
    Case("alarm", "test-alarm", [
        r"alarm: frequency \d+ Hz, minimum dt \d+\n",
        r"alarm: step 0 fired after \d+ ticks \(requested \d+\)\n",
        r"alarm: step 1 fired after \d+ ticks \(requested \d+\)\n",
        r"alarm: step 2 fired after \d+ ticks \(requested \d+\)\n",
        r"alarm: step 3 fired after \d+ ticks \(requested \d+\)\n",
        r"alarm: counter wrapped, now 0x0[0-9a-f]{7}\n",
        r"alarm: step 4 fired after \d+ ticks \(requested \d+\)\n",
        r"TEST PASSED\n",
    ], forbid=[r"CHECK FAILED"], twice=True, timeout=60),
    Case("uart", "test-uart", [
        r"uart: interrupt-driven transmit\n",
        r"uart: tx_done 1: 32 bytes, status SUCCESS\n",
        r"(abcdefghijklmnopqrstuvwxyzabcdefghijklm\n)",
        r"uart: tx_done 2: 320 bytes, status SUCCESS\n",
        r"uart: waiting for 4 input bytes\n",
        r"uart: received 'wxyz', status SUCCESS\n",
        r"TEST PASSED\n",
    ], forbid=[r"CHECK FAILED"], inputs=[("waiting for 4 input bytes", b"wxyz")]),
    Case("debug-overflow", "test-debug-overflow", BANNER + [
        r"burst 00: the quick brown fox jumps\n",
        r"burst \d\d: the quick brown fox jumps\n\[debug: \d+ messages dropped\]\n",
        r"debug-overflow: burst of 60 returned after \d+ ticks, \d+ accepted\n",
        r"debug-overflow: dropped \d+ messages \(\d+ bytes\), queued \d+ bytes\n",
        r"TEST PASSED\n",
    ], forbid=[r"burst 59"]),
]
CASES += PROCESS_CASES

# The boot banner flags a deterministic RNG (mps2's insecure PRNG) and stays
# silent about the RNG where virtio-rng is present (virt boards).
RNG_WARNING = r"WARNING: rng is a deterministic generator, not secure\n"
CASES += [
    Case("rng-banner-deterministic", "kernel", BANNER + [RNG_WARNING, r"Hello from hello\n"],
         exit=None, tbfs=["{userland}/examples/hello/hello.tbf"], boards=("qemu_mps2_an386",),
         twice=True),
    Case("rng-banner-hardware", "kernel", BANNER + [r"Hello from hello\n"], exit=None,
         forbid=[r"WARNING: rng", r"rng: no entropy source"],
         tbfs=["{userland}/examples/hello/hello.tbf"],
         boards=("qemu_rv32_virt", "qemu_rv32_virt_64k")),
]

CASES += SCHED_CASES
CASES += SHELL_CASES
