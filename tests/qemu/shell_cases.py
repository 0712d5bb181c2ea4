# SPDX-License-Identifier: Apache-2.0
"""QEMU tests of the process console on the standard kernel.

The harness types each command once the previous output has ended with a
prompt (each trigger is looked for after the previous one). These boots run
with typed=True (-icount shift=0,sleep=on): idle time follows the host
clock, as with a person typing, instead of racing ahead between keystrokes.
Their transcripts therefore depend on when the input arrives, and are not
compared across two runs; the expectations allow app output between a
prompt and the echo of what was typed.
"""
import re

from cases_base import Case

PROMPT = "tock$ "
VALID = (r"Valid commands are: help status list stop start fault boot terminate process kernel "
         r"reset panic console-start console-stop top stats\n")


def app(path):
    return "{userland}/" + path + ".tbf"


HELLO = app("examples/hello/hello")
TICKER = app("examples/ticker/ticker")
SLOW = app("examples/ticker/ticker_slow")
READER = app("tests/reader/reader")


def at_prompts(*commands):
    """Type each command at the next prompt."""
    return [(PROMPT, c.encode() + b"\r") for c in commands]


def need(cond, what):
    if not cond:
        raise AssertionError(what)


def between(text, start, end):
    a = text.index(start)
    return text[a:text.index(end, a)]


def check_commands(text):
    try:
        m = re.search(r"Ticks at (\d+) Hz: uptime (\d+) = idle (\d+) \+ kernel (\d+) \+ "
                      r"processes (\d+)", text)
        hz, up, idle, kern, procs = (int(x) for x in m.groups())
        need(hz > 0 and up == idle + kern + procs, f"uptime {up} is not the sum of its parts")
        cpu = [int(x) for x in re.findall(r"^ \d+ +\S+ +(\d+) +\d+\.\d ", text, re.M)]
        need(len(cpu) == 1 and 0 < cpu[0] <= procs, f"top CPU ticks {cpu}, processes {procs}")
        syscalls = re.search(r"^ reader +(\d+) (\d+) (\d+) (\d+) (\d+) (\d+) (\d+) (\d+)$",
                             text, re.M)
        by_class = sum(int(x) for x in syscalls.groups())
        total = int(re.search(r"^ 1 +Unique +reader +\d+ +(\d+)", text, re.M).group(1))
        # The reader is blocked: its counts do not change between list and stats.
        need(by_class == total, f"syscalls by class add up to {by_class}, list says {total}")
    except (AttributeError, ValueError, AssertionError) as e:
        return f"shell figures: {e}"
    return None


def check_woken(text):
    """After the second console-stop, the console-start line woke the shell."""
    tail = text[text.rindex("Ctrl-T takes it back."):]
    return None if PROMPT in tail else "no prompt after the console-start line"


def check_control(text):
    try:
        stopped = between(text, "Process ticker stopped", "Process ticker resumed.")
        need("ticker: tick" not in stopped, "the stopped ticker kept printing")
        need("Stopped(" in stopped, "list did not show it Stopped")
        gone = between(text, "Process ticker terminated", "Process ticker booted")
        need("ticker: tick" not in gone, "the terminated ticker kept printing")
        after = text[text.index("Process ticker booted"):]
        need(re.search(r"ticker: tick 1\n", after), "the booted ticker did not start afresh")
    except ValueError as e:
        return f"missing transcript part: {e}"
    except AssertionError as e:
        return str(e)
    return None


LONG = "x" * 70

SHELL_CASES = [
    # The reader waits on console input for good: a live process that never prints.
    Case("shell-commands", "kernel", [
        r"Welcome to the process console\.\n", VALID, r"tock\$ help\n", VALID,
        r"tock\$ status\n", r"Total processes: 1\n", r"Active processes: 0\n",
        r"Timeslice expirations: \d+\n",
        r"tock\$ list\n",
        r" PID    ShortID    Name                Quanta  Syscalls  Restarts  Grants  State\n",
        r" 1      Unique     reader                   0 +\d+         0   \d/ \d   "
        r"YieldedFor\(UpcallId \{ driver_num: 0x1, subscribe_num: 2 \}\)\n",
        r"tock\$ listing\n PID    ShortID",
        r"tock\$ kernel\n", r"Kernel version: 2\.2 \(build 0\.1\.0\)\n",
        r" Board {board}, scheduler round-robin, profiling on\n",
        r"  code +0x[0-9a-f]{8}-0x[0-9a-f]{8} +\d+ bytes\n",
        r"  process RAM +0x{app_ram_start_hex}-",
        r"tock\$ top\n", r"Uptime \d+\.\d{3} s; processes \d+\.\d%, kernel \d+\.\d%, idle \d+\.\d%\n",
        r" PID   Name +CPU ticks@\d+Hz CPU% ",
        r" 1     reader +\d+ +\d+\.\d +\d+ ",
        r"tock\$ stats\n", r"Interrupts serviced \d+, deferred calls \d+, sleeps \d+, "
        r"debug drops \d+\n", r"Ticks at \d+ Hz: uptime \d+ = ",
        r"Syscalls by class: yield subscribe command allow-rw allow-ro memop exit allow-ur\n",
        r" reader +\d+( \d+){7}\n",
        r"tock\$ process reader\n", r"App: reader   -   \[YieldedFor\(UpcallId",
        r" Events Queued: \d+   Syscall Count: \d+   Dropped Upcall Count: 0\n",
        r" Last Syscall: Yield \{ which: 2 \}\n", r" Completion Code: None\n",
        r" RAM +0x[0-9a-f]{8}-0x[0-9a-f]{8} \(\d+ bytes\), break 0x",
        r" Stack +top 0x[0-9a-f]{8}, lowest sp 0x[0-9a-f]{8}: \d+ of \d+ bytes used\n",
        r" Registers: +\S+ 0x[0-9a-f]{8}", r" Protection \d: 0x[0-9a-f]{8}-0x[0-9a-f]{8} r-x",
        r"tock\$ process nosuch\nNo process named 'nosuch'\. 'list' shows them\.\n",
        r"tock\$ process\nUsage: process <process name>\n",
        r"tock\$ stop\nUsage: stop <process name>\n",
        r"tock\$ start nosuch\nNo process named 'nosuch'",
        r"tock\$ boot reader\nProcess reader is not terminated; terminate it first\.\n",
        r"tock\$ bogus\n" + VALID,
        r"tock\$    \n" + VALID,
        r"tock\$ \ntock\$ reset\nReset function is not implementedtock\$ x{63}\n" + VALID,
    ], exit=None, forbid=[r"faulted", r"KERNEL PANIC", r"reader: got"], tbfs=[READER],
        inputs=at_prompts("help", "status", "list", "listing", "kernel", "top", "stats",
                          "process reader", "process nosuch", "process", "stop",
                          "start nosuch", "boot reader", "bogus", "   ", "", "reset", LONG),
        check=check_commands, typed=True),
    # The tickers print on their own; commands typed at one of their lines may
    # appear after it, so these expectations do not tie a command to a prompt.
    Case("shell-control", "kernel", [
        r"stop ticker\nProcess ticker stopped\n",
        r"list\n PID", r" \d +Unique +ticker +\d+ +\d+ +\d+ +\d/ \d   Stopped\(\w+",
        r"start ticker\nProcess ticker resumed\.\n", r"ticker: tick \d+\n",
        r"Process ticker terminated\n",
        r"list\n PID", r" \d +Unique +ticker +\d+ +\d+ +\d+ +0/ \d   Terminated\n",
        r"boot ticker\nProcess ticker booted\n", r"ticker: tick 1\n",
        r"\*\*\* process 'ticker' faulted: faulted by the process-management interface\n",
        r"\*\*\* restarting 'ticker' \(restart 2\)\n", r"Process ticker now faulted\n",
        r"ticker: tick 1\n",
        r"list\n PID", r" \d +Unique +ticker +0 +\d+ +2 ",
    ], exit=None, forbid=[r"KERNEL PANIC"], tbfs=[HELLO, TICKER, SLOW],
        inputs=[(PROMPT, b"stop ticker\r"), ("Process ticker stopped\n", b""),
                ("ticker_slow: tick", b""), ("ticker_slow: tick", b"list\r"),
                (PROMPT, b"start ticker\r"), ("ticker: tick", b"terminate ticker\r"),
                ("Process ticker terminated\n", b""), ("ticker_slow: tick", b""),
                ("ticker_slow: tick", b"list\r"), (PROMPT, b"boot ticker\r"),
                ("ticker: tick 1\n", b"fault ticker\r"), ("Process ticker now faulted", b""),
                ("ticker: tick 1\n", b"list\r")],
        check=check_control, typed=True),
    Case("shell-input-routing", "kernel", [
        r"reader: waiting\n", r"tock\$ abcd\n" + VALID,
        r"tock\$ console-stop\nDisabling the process console\.\nRun console-start to "
        r"reactivate\.\nConsole input now goes to the apps; Ctrl-T takes it back\.\n",
        r"reader: got 'wxyz'\n", r"list\n PID",
        r"console-stop\n", r"takes it back\.\n",
    ], exit=None, forbid=[r"reader: got 'abcd'", r"reader: got 'list'", r"reader: got '.tat'",
                          r"faulted"], tbfs=[READER],
        inputs=[(PROMPT, b"abcd\r"), (PROMPT, b"console-stop\r"),
                ("takes it back.\n", b"wxyz"), ("reader: got 'wxyz'\n", b"\x14"),
                (PROMPT, b"list\r"), (PROMPT, b"console-stop\r"),
                ("takes it back.\n", b"console-start\r")],
        check=check_woken, typed=True),
    Case("shell-editing", "kernel", [
        r"tock\$ helq\x08 \x08p", r"Welcome to the process console\.\n",
        r"tock\$ help\nWelcome to the process console\.\n",
        r"tock\$ status\n", r"tock\$ list\n", r"tock\$ list\x08{4}status\nTotal processes",
        r"tock\$ stauts", r"Total processes",
        r"tock\$ 5~\n" + VALID,
    ], exit=None, forbid=[r"faulted"], tbfs=[HELLO],
        inputs=[(PROMPT, b"helq\x08p\r"), (PROMPT, b"\x1b[A\r"), (PROMPT, b"status\r"),
                (PROMPT, b"list\r"), (PROMPT, b"\x1b[A\x1b[A\r"),
                (PROMPT, b"stauts\x1b[D\x1b[D\x7f\x1b[Cu\r"), (PROMPT, b"\x1b[5~\r")],
        typed=True),
    # The panic stops the kernel at once: the shell's echo of "panic" may still
    # be queued and is then never sent.
    Case("shell-panic", "kernel", [
        r"tock\$ ", r"\*\*\* KERNEL PANIC: Process Console forced a kernel panic\.\n",
    ], exit=1, tbfs=[HELLO], inputs=at_prompts("panic"), typed=True),
]
