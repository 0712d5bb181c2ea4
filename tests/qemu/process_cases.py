# SPDX-License-Identifier: Apache-2.0
"""QEMU tests of processes: syscalls, isolation, concurrency, restart.

Apps come from the board's userland build ({userland}, see board.json);
RISC-V apps are fixed-address, so a case lists them in slot order (every
test app is slot 0, counter slot 1, counter2 slot 2).
"""
import re

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
    "iso_fault_mid_write",
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


def check_profile(text):
    """The kernel's time buckets add up to its uptime; the app's CPU time
    is part of the process bucket; its lowest stack pointer is in its RAM."""
    m = re.search(r"profile: kernel hz (\d+) uptime (\d+) idle (\d+) kernel (\d+) process (\d+)",
                  text)
    hz, up, idle, kern, proc_ = (int(x) for x in m.groups())
    if hz == 0 or up != idle + kern + proc_:
        return f"uptime {up} != idle {idle} + kernel {kern} + process {proc_} (hz {hz})"
    cpu, sp = re.search(r"profile: cpu (\d+) lowest-sp 0x([0-9a-f]+)", text).groups()
    if not 0 < int(cpu) <= proc_:
        return f"app CPU {cpu} ticks outside (0, {proc_}]"
    ram = re.search(r"process 'profile': flash \S+, RAM 0x([0-9a-f]+)-0x([0-9a-f]+)", text)
    if not int(ram.group(1), 16) <= int(sp, 16) < int(ram.group(2), 16):
        return f"lowest stack pointer 0x{sp} outside the app's RAM"
    return None


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
    Case("profile-counters", "kernel", [
        r"profile: delta yield 3 subscribe 1 command 12 allow-rw 1 allow-ro 1 memop 2 exit 0 "
        r"allow-ur 0\n",
        r"profile: kernel hz \d+ uptime \d+ idle \d+ kernel \d+ process \d+\n",
        r"profile: cpu \d+ lowest-sp 0x[0-9a-f]{8}\n", r"profile: done\n",
    ], exit=None, tbfs=[app("tests/profile/profile"), COUNTER], check=check_profile, twice=True),
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
    # The footprint goal's kernel (doc/benchmarks.md): console and RNG work, no shell.
    Case("minimal-kernel", "minimal", [r"process 'rng_test': flash ",
                                       r"rng: 10 passed, 0 failed\n"], exit=None,
         forbid=[r"tock\$", r"faulted", r"KERNEL PANIC"], tbfs=[app("tests/rng/rng_test")]),
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
        r"restart: run 0 data=0x00001234 bss=0x00000000 heap=zero fresh ok\n",
        r"restart: calling exit-restart\n",
        r"restart: run 1 data=0x00001234 bss=0x00000000 heap=zero fresh ok\n",
        r"restart: run 2 data=0x00001234 bss=0x00000000 heap=zero fresh ok\n",
        r"restart: run 3 data=0x00001234 bss=0x00000000 heap=zero fresh ok\n",
        r"restart: done after 3 restarts\n",
    ], exit=None, forbid=[r"STALE", r"faulted"], tbfs=[app("tests/restart/restart")]),
    Case("console-driver", "kernel", [
        r"console: raw write of 31 bytes\n", r"write done upcall \(bytes written, 0, 0\): ok\n",
        r"read above the kernel buffer: INVAL ok\n", r"second read while reading: BUSY ok\n",
        r"read done \(status 0, 4 bytes\): ok\n",
        r"aborted read done \(CANCEL, 0 bytes\): ok\n", r"console: 18 passed, 0 failed\n",
    ], exit=None, forbid=[r": FAIL", r"faulted"], tbfs=[app("tests/console/console")],
        inputs=[("tock$ ", b"console-stop\r"), ("takes it back.\n", b"abcd")]),
    Case("process-info", "kernel", [
        r"own stats: ok\n", r"control on a read-only board: NOSUPPORT ok\n",
        r"process_info: 11 passed, 0 failed\n", r"counter counter: \d+\n",
    ], exit=None, forbid=[r": FAIL", r"faulted"],
        tbfs=[app("tests/process_info/process_info"), COUNTER]),
    Case("bad-tbf-skipped", "kernel", [
        r"app '\S+' at 0x[0-9a-f]{8} skipped: .+\n",
        r"Hello from hello\n",
    ], exit=None, forbid=[r"KERNEL PANIC"], tbfs=["{corrupt_tbf}", app("examples/hello/hello")],
        boards=("qemu_mps2_an386",)),
]
PROCESS_CASES += [faulting_case(n) for n in FAULTING]
PROCESS_CASES += [checking_case(n, lines) for n, lines in CHECKING.items()]

# The alarm driver (0): the checking app alone, next to a ticker, and two
# tickers whose lines must interleave in time order (250 ms and 400 ms
# periods; the kernel multiplexes both processes' alarms on one timer).
TICKER = app("examples/ticker/ticker")
ALARM_CHECKS = [
    r"alarm frequency: ok\n", r"alarm: frequency \d+ Hz\n", r"alarm time advances: ok\n",
    r"alarm stop without alarm: ALREADY ok\n", r"alarm obsolete command 4: NOSUPPORT ok\n",
    r"alarm async fired: ok\n", r"alarm delay_ms\(10\): ok\n", r"alarm: 6 passed, 0 failed\n",
]
PROCESS_CASES += [
    Case("alarm-driver", "kernel", [r"process 'alarm': flash "] + ALARM_CHECKS, exit=None,
         forbid=[r": FAIL \(", r"skipped", r"faulted", r"KERNEL PANIC"],
         tbfs=[app("tests/alarm/alarm")], twice=True),
    Case("alarm-with-ticker", "kernel", ALARM_CHECKS + [
        r"ticker: tick 1\n", r"ticker: tick 2\n", r"ticker: tick 3\n",
    ], exit=None, forbid=[r": FAIL \(", r"skipped", r"faulted", r"no alarm"],
        tbfs=[app("tests/alarm/alarm"), TICKER]),
    Case("alarm-two-tickers", "kernel", [
        r"ticker: tick 1\n", r"ticker_slow: tick 1\n", r"ticker: tick 2\n",
        r"ticker: tick 3\n", r"ticker_slow: tick 2\n", r"ticker: tick 4\n",
        r"ticker_slow: tick 3\n", r"ticker: tick 5\n", r"ticker: tick 6\n",
        r"ticker_slow: tick 4\n", r"ticker: tick 7\n",
    ], exit=None, forbid=[r"faulted", r"no alarm", r"KERNEL PANIC"],
        tbfs=[TICKER, app("examples/ticker/ticker_slow")]),
]

# RNG driver (0x40001): the test app on every board (virtio-rng on virt, the
# deterministic generator on mps2). It never prints random values.
RNG_CHECKS = ["exists: ok", "fill 1: ok", "fill 7: ok", "fill 64: ok", "fill 0 no upcall: ok",
              "capped at buffer: ok", "no allow: 0 bytes ok", "back-to-back requests: ok",
              "unknown command: NOSUPPORT ok", "bytes vary: ok"]
PROCESS_CASES += [
    Case("rng", "kernel", [r"process 'rng_test': flash "]
         + [rf"rng {c}\n" for c in RNG_CHECKS] + [r"rng: 10 passed, 0 failed\n"],
         exit=None, forbid=[r": FAIL", r"faulted", r"KERNEL PANIC", r"skipped"],
         tbfs=[app("tests/rng/rng_test")]),
    Case("rng-example", "kernel", [r"rng:( 0x[0-9a-f]{8}){4}\n"], exit=None,
         forbid=[r"faulted", r"no RNG driver", r"failed"], tbfs=[app("examples/rng/rng")]),
]

# LED (2), button (3) and GPIO (4) drivers. mps2-an386: 2 LEDs and 2 buttons
# on the FPGAIO (no interrupt line, so enabling a button is NOSUPPORT) and no
# GPIO pins (QEMU emulates no GPIO block); virt: none of them. The LED state
# asserted is the app's readback: qemu_lib runs QEMU without the trace
# (-trace led_change_intensity) that would show it from outside.
GPIO_BAD_INDEX = ([rf"led command {c} bad index: INVAL ok\n" for c in range(1, 5)]
                  + [r"led unknown command: NOSUPPORT ok\n", r"led subscribe: NOMEM ok\n",
                     r"led allow ro: NOMEM ok\n", r"button count: ok\n"])
GPIO_TAIL = ([rf"button command {c} bad index: INVAL ok\n" for c in range(1, 4)]
             + [r"button unknown command: NOSUPPORT ok\n", r"button subscribe: ok\n",
                r"button subscribe out of range: NOSUPPORT ok\n",
                r"button allow ro: NOSUPPORT ok\n",
                r"gpio exists: ok\n", r"gpio count: ok\n"]
             + [rf"gpio command {c} bad index: INVAL ok\n" for c in range(1, 10)]
             + [r"gpio unknown command: NOSUPPORT ok\n", r"gpio subscribe: ok\n",
                r"gpio subscribe out of range: NOSUPPORT ok\n", r"gpio allow ro: NOSUPPORT ok\n"])
GPIO_LEDS = [rf"led {i} {what}: ok\n" for i in (0, 1) for what in ("on", "off", "toggle")]
GPIO_BUTTONS = [rf"button {i} {what}\n" for i in (0, 1)
                for what in ("read: ok", "interrupt: NOSUPPORT ok", "disable: ok")]
GPIO_FORBID = [r": FAIL", r"skipped", r"faulted", r"KERNEL PANIC"]
PROCESS_CASES += [
    Case("gpio-drivers", "kernel", [
        r"process 'gpio': flash ", r"gpio: board has 2 LEDs, 2 buttons, 0 GPIO pins\n",
        r"led count: ok\n"] + GPIO_LEDS + GPIO_BAD_INDEX + GPIO_BUTTONS + GPIO_TAIL + [
        r"gpio: LEDs left as 0=on 1=off\n", r"gpio: 43 passed, 0 failed\n",
    ], exit=None, forbid=GPIO_FORBID, tbfs=[app("tests/gpio/gpio")], twice=True,
        boards=("qemu_mps2_an386",)),
    Case("gpio-drivers-none", "kernel", [
        r"process 'gpio': flash ", r"gpio: board has 0 LEDs, 0 buttons, 0 GPIO pins\n",
        r"led count: ok\n"] + GPIO_BAD_INDEX + GPIO_TAIL + [
        r"gpio: LEDs left as \(none\)\n", r"gpio: 31 passed, 0 failed\n",
    ], exit=None, forbid=GPIO_FORBID + [r"led 0 "], tbfs=[app("tests/gpio/gpio")],
        boards=("qemu_rv32_virt", "qemu_rv32_virt_64k")),
    Case("blink", "kernel", [
        r"blink: 2 LEDs\n", r"blink: step 1 leds 10\n", r"blink: step 2 leds 01\n",
        r"blink: step 3 leds 11\n", r"blink: step 4 leds 00\n",
    ], exit=None, forbid=[r"faulted", r"no LEDs"], tbfs=[app("examples/blink/blink")],
        boards=("qemu_mps2_an386",)),
    Case("blink-no-leds", "kernel", [r"blink: no LEDs\n"], exit=None, forbid=[r"faulted"],
         tbfs=[app("examples/blink/blink")], boards=("qemu_rv32_virt", "qemu_rv32_virt_64k")),
]

# Example apps buttons and multi_alarm. multi_alarm runs three virtual timers
# (100, 250, 400 ms) on its one alarm; under -icount the lines come out in
# exactly this order (timers due at the same tick print in timer order), with
# nothing in between. buttons: mps2's FPGAIO buttons cannot interrupt (enable
# is NOSUPPORT), so it polls them; QEMU never presses them, so no change may
# be printed while multi_alarm shows that time passes. virt has no buttons.
MULTI_ALARM = app("examples/multi_alarm/multi_alarm")
BUTTONS = app("examples/buttons/buttons")
MULTI_ALARM_ORDER = [(0, 100), (0, 200), (1, 250), (0, 300), (0, 400), (2, 400), (0, 500),
                     (1, 500), (0, 600), (0, 700), (1, 750), (0, 800), (2, 800)]
PROCESS_CASES += [
    Case("multi-alarm", "kernel", [
        r"process 'multi_alarm': flash ",
        "".join(rf"multi_alarm: timer {k} fired at {ms} ms\n" for k, ms in MULTI_ALARM_ORDER),
    ], exit=None, forbid=[r"no alarm", r"faulted", r"KERNEL PANIC"], tbfs=[MULTI_ALARM],
        twice=True),
    Case("buttons-polling", "kernel", [
        r"buttons: 2 buttons, polling\n", r"multi_alarm: timer 0 fired at 1600 ms\n",
    ], exit=None, forbid=[r"buttons: button ", r"no alarm", r"faulted", r"KERNEL PANIC"],
        tbfs=[BUTTONS, MULTI_ALARM], boards=("qemu_mps2_an386",)),
    Case("buttons-none", "kernel", [
        r"buttons: no buttons\n", r"multi_alarm: timer 0 fired at 600 ms\n",
    ], exit=None, forbid=[r"buttons: button ", r"buttons: \d", r"faulted", r"KERNEL PANIC"],
        tbfs=[BUTTONS, MULTI_ALARM], boards=("qemu_rv32_virt", "qemu_rv32_virt_64k")),
]
