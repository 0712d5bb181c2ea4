# SPDX-License-Identifier: Apache-2.0
"""QEMU tests of the scheduling policies (boards/configurations/sched-*).

The apps (userland/tests/sched) print every stretch of time they ran as
"T <name> <start> <end>" in alarm ticks and the tick rate as "H <name> <hz>".
Each check below rebuilds the timeline from those lines and asserts the
policy's ordering exactly; under -icount the transcript is the same on every
run, which twice=True verifies. Apps are listed in RISC-V slot order.
"""
import re

from cases_base import Case


def app(name):
    return "{userland}/tests/sched/" + name + ".tbf"


def timeline(text):
    """{name: [(start_us, end_us), ...]} from the T and H lines."""
    # A line may follow the process console's prompt ("tock$ ", no newline).
    hz = {m.group(1): int(m.group(2))
          for m in re.finditer(r"^(?:tock\$ )?H (\S+) (\d+)\r?$", text, re.M)}
    segs = {}
    for m in re.finditer(r"^(?:tock\$ )?T (\S+) (\d+) (\d+)\r?$", text, re.M):
        f = hz.get(m.group(1))
        if not f:
            raise AssertionError(f"no tick rate line for {m.group(1)}")
        segs.setdefault(m.group(1), []).append(
            (int(m.group(2)) * 1e6 / f, int(m.group(3)) * 1e6 / f))
    return segs


def dur(seg):
    return seg[1] - seg[0]


def need(cond, what):
    if not cond:
        raise AssertionError(what)


def common_window(segs, names):
    """Events of names inside the span where all of them were recording,
    leaving out each one's first and last (partial) run."""
    for n in names:
        need(segs.get(n), f"no run segments from {n}")
    lo = max(segs[n][0][1] for n in names)
    hi = min(segs[n][-1][0] for n in names)
    events = sorted((s, e, n) for n in names for s, e in segs[n] if s >= lo and e <= hi)
    return lo, hi, events


def cpu_in(segs, name, lo, hi):
    return sum(max(0.0, min(e, hi) - max(s, lo)) for s, e in segs[name])


def wrap(check):
    """Run check(text); return None or the failure message for the runner."""
    def run(text):
        try:
            check(text)
        except (AssertionError, KeyError, ValueError, IndexError) as e:
            return f"schedule check: {e}"
        return None
    return run


SLICE = 2000.0
SPIN = ["sched_spin_a", "sched_spin_b", "sched_spin_c"]


def check_round_robin(text):
    segs = timeline(text)
    lo, hi, events = common_window(segs, SPIN)
    need(len(events) >= 12, f"only {len(events)} turns in the common window")
    for (_, _, a), (_, _, b) in zip(events, events[1:]):
        need(SPIN.index(b) == (SPIN.index(a) + 1) % 3, f"{b} ran after {a}: not slot order")
    # The ticker's alarm interrupts most slices; the interrupted process
    # keeps the rest of its slice, so every whole turn is one full slice.
    for s, e, n in events[1:-1]:
        need(0.99 * SLICE <= e - s <= 1.03 * SLICE, f"{n} ran {e - s:.0f} us, not one slice")
    shares = [cpu_in(segs, n, lo, hi) for n in SPIN]
    need(max(shares) - min(shares) <= SLICE * 1.05,
         f"CPU shares {['%.0f' % x for x in shares]} differ by more than a slice")


def check_cooperative(text):
    segs = timeline(text)
    names = ["sched_burst_a", "sched_burst_b"]
    events = sorted((s, e, n) for n in names for s, e in segs[n])
    need(len(events) == 8, f"{len(events)} bursts, expected 8")
    for i, (s, e, n) in enumerate(events):
        need(n == names[i % 2], f"burst {i} by {n}: not alternating")
        # 5 ms bursts, longer than any slice: never preempted.
        need(e - s >= 4990, f"{n} burst of {e - s:.0f} us was cut short")
    need(re.search(r"sched_tick: [1-9]\d* ticks", text), "the ticker never ran")


def check_priority(text):
    segs = timeline(text)
    high = segs["sched_prio_high"]
    need(len(high) == 6, f"{len(high)} high-priority bursts, expected 6")
    for s, e in high:
        need(490 <= e - s <= 530, f"high-priority burst of {e - s:.0f} us was interrupted")
    for (_, e0), (s1, _) in zip(high, high[1:]):
        late = s1 - e0 - 3000
        need(0 <= late <= 100, f"high priority ran {late:.0f} us after its wake-up")
    mids = ["sched_prio_mid_a", "sched_prio_mid_b"]
    _, _, events = common_window(segs, mids)
    mid_events = [n for _, _, n in events]
    need(len(mid_events) >= 8, "equal priorities barely ran")
    for a, b in zip(mid_events, mid_events[1:]):
        need(a != b, "equal priorities did not take turns")
    low = segs["sched_prio_low"]
    mid_end = max(segs[n][-1][1] for n in mids)
    need(low[0][0] >= mid_end, "the lowest priority ran while higher ones were runnable")
    need(sum(dur(x) for x in low) >= 4900, "the lowest priority did not get the CPU at the end")


def check_mlfq(text):
    segs = timeline(text)
    names = ["sched_mlfq_a", "sched_mlfq_b"]
    _, _, events = common_window(segs, names)
    for a, b in zip(events, events[1:]):
        need(a[2] != b[2], "equal levels did not take turns")
    for n in names:
        levels = []
        for s, e in segs[n][1:-1]:
            ms = (e - s) / 1000.0
            match = [lv for lv in (1, 2, 4) if abs(ms - lv) <= 0.03 * lv]
            need(match, f"{n} ran {ms:.3f} ms, not a 1, 2 or 4 ms slice")
            levels.append(match[0])
        follows = {1: (2,), 2: (4,), 4: (4, 1)}
        for a, b in zip(levels, levels[1:]):
            need(b in follows[a], f"{n}: a {b} ms slice after {a} ms ({levels})")
        need((2, 4) in zip(levels, levels[1:]), f"{n} was never demoted ({levels})")
        need((4, 1) in zip(levels, levels[1:]), f"{n} was never boosted ({levels})")


def edf_lines(fast_slow_only):
    lines = [r"sched_edf_fast: jobs 25 met 25 worst \d+ us\n",
             r"sched_edf_fast: throttles 0 misses 0\n",
             r"sched_edf_slow: jobs 10 met 10 worst \d+ us\n",
             r"sched_edf_slow: throttles 0 misses 0\n",
             r"sched_edf_bg: done\n"]
    if not fast_slow_only:
        lines += [r"sched_edf_hog: jobs 2 met 0 worst \d+ us\n",
                  r"sched_edf_hog: throttles \d+ misses \d+\n"]
    return lines


def check_edf_background(segs):
    bg = segs["sched_edf_bg"]
    span = bg[-1][1] - bg[0][0]
    need(sum(dur(x) for x in bg) >= 0.35 * span, "the background app was starved")


def check_edf_feasible(text):
    check_edf_background(timeline(text))


def check_edf_overrun(text):
    segs = timeline(text)
    check_edf_background(segs)
    m = re.search(r"sched_edf_hog: throttles (\d+) misses (\d+)", text)
    throttles, misses = int(m.group(1)), int(m.group(2))
    # 32 ms of work at 2 ms per 20 ms period: about 16 periods.
    need(throttles >= 14 and misses >= 14, f"hog throttled {throttles}, missed {misses}")
    hog = segs["sched_edf_hog"]
    span = hog[-1][1] - hog[0][0]
    used = sum(dur(x) for x in hog)
    need(used <= (span / 20000 + 1) * 2000 + 50,
         f"hog used {used:.0f} us in {span:.0f} us: more than its budget")


def sched_case(name, image, tbfs, expect, check):
    return Case(name, image, [r"scheduler: .+\n"] + expect, exit=None, unordered=True,
                tbfs=[app(t) for t in tbfs], check=wrap(check), twice=True)


SCHED_CASES = [
    sched_case("sched-round-robin", "sched-rr", SPIN + ["sched_tick"],
               [r"scheduler: round-robin, 2000 us slices\n"] +
               [rf"{n}: done\n" for n in SPIN + ["sched_tick"]], check_round_robin),
    sched_case("sched-cooperative", "sched-coop", ["sched_burst_a", "sched_burst_b", "sched_tick"],
               [r"scheduler: cooperative", r"sched_burst_a: done\n", r"sched_burst_b: done\n",
                r"sched_tick: done\n"], check_cooperative),
    sched_case("sched-priority", "sched-priority",
               ["sched_prio_low", "sched_prio_mid_a", "sched_prio_mid_b", "sched_prio_high"],
               [r"scheduler: fixed-priority"] +
               [rf"sched_prio_{n}: done\n" for n in ("low", "mid_a", "mid_b", "high")],
               check_priority),
    sched_case("sched-mlfq", "sched-mlfq", ["sched_mlfq_a", "sched_mlfq_b"],
               [r"scheduler: mlfq, 1000 us slices", r"sched_mlfq_a: done\n",
                r"sched_mlfq_b: done\n"], check_mlfq),
    sched_case("sched-edf-feasible", "sched-edf",
               ["sched_edf_fast", "sched_edf_slow", "sched_edf_bg"],
               [r"scheduler: edf"] + edf_lines(True), check_edf_feasible),
    sched_case("sched-edf-overrun", "sched-edf",
               ["sched_edf_fast", "sched_edf_slow", "sched_edf_hog", "sched_edf_bg"],
               [r"scheduler: edf"] + edf_lines(False), check_edf_overrun),
]
