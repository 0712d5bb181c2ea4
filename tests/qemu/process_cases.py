# SPDX-License-Identifier: Apache-2.0
"""QEMU tests of processes: syscalls, isolation, concurrency, restart.

Apps come from the board's userland build ({userland}, see board.json);
RISC-V apps are fixed-address, so a case lists them in slot order (every
test app is slot 0, counter slot 1, counter2 slot 2).
"""
from cases_base import Case


def app(path):
    return "{userland}/" + path + ".tbf"


COUNTER = app("tests/counter/counter")

# Apps that must be faulted: the kernel reports the fault, restarts the app
# three times (the board's policy), stops it, and the companion keeps going.
FAULTING = [
    "iso_kernel_ram_read", "iso_kernel_ram_write", "iso_kernel_flash_read",
    "iso_peripheral_read", "iso_own_flash_write", "iso_ram_exec", "iso_stack_overflow",
    "iso_above_break", "iso_below_grant", "iso_grant_read", "iso_neighbour_ram_read",
    "iso_neighbour_flash_read", "iso_privileged", "iso_bad_class", "iso_bad_class_255",
    "iso_repeat_fault", "iso_neighbour_ram_write", "iso_kernel_exec", "iso_null_read",
]

# Apps whose bad requests must be refused with an error, not a fault.
CHECKING = {
    "iso_allow_kernel_ptr": [r"allow kernel ptr: INVAL ok", r"allow ro kernel ptr: INVAL ok"],
    "iso_allow_past_end": [r"allow past break: INVAL ok", r"allow past memory end: INVAL ok"],
    "iso_allow_wrap": [r"allow wrapping length: INVAL ok", r"allow ro wrapping length: INVAL ok"],
    "iso_subscribe_kernel_fn": [r"subscribe kernel fn: INVAL ok"],
    "iso_yield_kernel_ptr": [r"yield no-wait kernel ptr: ok"],
    "iso_allow_neighbour": [r"allow neighbour ram: INVAL ok", r"allow ro neighbour ram: INVAL ok",
                            r"subscribe neighbour fn: INVAL ok"],
    "iso_upcall_flood": [r"upcall flood: 12 writes accepted, 9 upcalls delivered",
                         r"upcall flood: survived ok"],
}


def faulting_case(name):
    return Case(f"isolation-{name}", "kernel", [
        rf"process '{name}': flash ",
        rf"{name}: about to ",
        rf"\*\*\* process '{name}' faulted: .+\n",
        r"    registers ",
        rf"\*\*\* restarting '{name}' \(restart 1\)\n",
        rf"\*\*\* restarting '{name}' \(restart 3\)\n",
        rf"\*\*\* '{name}' stopped after 3 restarts\n",
        r"counter counter: \d+\n",
        r"counter counter: \d+\n",
    ], exit=None, forbid=[r"NOT FAULTED", r"KERNEL PANIC"],
        tbfs=[app(f"tests/isolation/{name}"), COUNTER])


def checking_case(name, lines):
    return Case(f"isolation-{name}", "kernel", [rf"{name}: about to "] + lines + [
        rf"{name}: done\n", r"counter counter: \d+\n"],
        exit=None, forbid=[r": FAIL \(", r"faulted", r"KERNEL PANIC"],
        tbfs=[app(f"tests/isolation/{name}"), COUNTER])


PROCESS_CASES = [
    Case("syscalls", "kernel", [
        r"process 'syscalls': flash 0x[0-9a-f]{8}-0x[0-9a-f]{8}, RAM ",
        r"syscalls: start\n",
        r"LowLevelDebug: App 0x1 prints 0x5ca1ab1e\n",
        r"LowLevelDebug: App 0x1 prints 0x1234 0x5678\n",
        r"subscribe to driver without upcalls: NOSUPPORT ok\n",
        r"yield wait-for returns upcall args: ok\n",
        r"exit invalid variant: NOSUPPORT ok\n",
        r"syscalls: 9\d passed, 0 failed\n",
    ], exit=None, forbid=[r": FAIL \(", r"faulted", r"KERNEL PANIC"],
        tbfs=[app("tests/syscalls/syscalls")], twice=True),
    Case("tock-compat", "kernel", [
        r"tock-compat: start\n", r"tock-compat: brk ok\n",
        r"tock-compat: entry [ar]0=app_start ok\n",
        r"tock-compat: data copied ok\n", r"tock-compat: all checks ok\n",
        r"tock-compat: done\n",
    ], exit=None, forbid=[r"FAIL", r"faulted"], tbfs=[app("tests/tock_compat/tock_compat")]),
    Case("hello", "kernel", [r"process 'hello': flash ", r"Hello from hello\n"], exit=None,
         tbfs=[app("examples/hello/hello")]),
    Case("preemption", "kernel", [
        r"spin: spinning\n", r"counter counter: 0\n", r"counter counter: 20\n",
        r"counter counter2: 20\n",
    ], exit=None, forbid=[r"faulted"],
        tbfs=[app("tests/spin/spin"), COUNTER, app("tests/counter/counter2")]),
    Case("four-concurrent", "kernel", [
        r"counter counter0: 0\n", r"counter counter: 0\n", r"counter counter2: 0\n",
        r"counter counter3: 0\n",
    ] + [rf"counter counter{n}: 30\n" for n in ("0", "", "2", "3")], exit=None,
        forbid=[r"faulted"],
        tbfs=[app("tests/counter/counter0"), COUNTER, app("tests/counter/counter2"),
              app("tests/counter/counter3")]),
    Case("slots-full", "kernel", [
        r"process 'counter3': flash ",
        r"app at 0x[0-9a-f]{8} skipped: all 4 process slots are in use\n",
        r"counter counter3: 5\n",
    ], exit=None, forbid=[r"Hello from hello", r"faulted"],
        tbfs=[app("tests/counter/counter0"), COUNTER, app("tests/counter/counter2"),
              app("tests/counter/counter3"), app("examples/hello/hello")],
        boards=("qemu_mps2_an386",)),
    Case("restart-fresh-state", "kernel", [
        r"restart: run \S+ data=0x00001234 bss=0x00000000 heap=zero fresh ok\n",
        r"restart: calling exit-restart\n",
        r"restart: run \S+ data=0x00001234 bss=0x00000000 heap=zero fresh ok\n",
        r"restart: run \S+ data=0x00001234 bss=0x00000000 heap=zero fresh ok\n",
    ], exit=None, forbid=[r"STALE", r"faulted"], tbfs=[app("tests/restart/restart")]),
    Case("bad-tbf-skipped", "kernel", [
        r"app '\S+' at 0x[0-9a-f]{8} skipped: .+\n",
        r"Hello from hello\n",
    ], exit=None, forbid=[r"KERNEL PANIC"], tbfs=["{corrupt_tbf}", app("examples/hello/hello")],
        boards=("qemu_mps2_an386",)),
]
PROCESS_CASES += [faulting_case(n) for n in FAULTING]
PROCESS_CASES += [checking_case(n, lines) for n, lines in CHECKING.items()]
