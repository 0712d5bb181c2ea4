/* SPDX-License-Identifier: Apache-2.0 */
/* sched: record when this process runs, for the scheduler tests.
 *
 * The app reads the alarm counter in a tight loop; a jump of more than
 * GAP_US between two readings means something else ran, which closes the
 * current run segment. After its work it prints every segment as
 * "T <name> <start tick> <end tick>" and the counter rate as
 * "H <name> <hz>", which tests/qemu/sched_cases.py turns into a timeline.
 *
 * What it does is chosen at build time (userland/tests/sched/CMakeLists.txt):
 *   SCHED_SPIN:     run for SCHED_WINDOW_US of wall time, then print.
 *   SCHED_BURST:    SCHED_COUNT times: use SCHED_RUN_US of CPU time, then
 *                   sleep SCHED_SLEEP_US (alarm, Yield-Wait); then print.
 *   SCHED_PERIODIC: SCHED_COUNT jobs, one per SCHED_PERIOD_US from the first
 *                   reading: wait for the release, use SCHED_RUN_US of CPU
 *                   time; a job met its deadline if it ended within the
 *                   period. Prints "<name>: jobs <n> met <m> worst <us> us"
 *                   and its scheduler counters (process-info command 7):
 *                   "<name>: throttles <t> misses <m>".
 *   SCHED_TICK:     an alarm every SCHED_PERIOD_US for SCHED_WINDOW_US
 *                   (interrupts for the others); prints "<name>: <n> ticks".
 * Every mode ends with "<name>: done".
 */
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "libos/alarm.h"
#include "libos/syscall.h"
#include "libos/syscalls/alarm_syscalls.h"
#include "os/abi/driver_num.h"
#include "own_id.h"

/* Not every mode uses every helper. */
#define HELPER static __attribute__((unused))

#define GAP_US 20u
#define MAX_SEGS 96u

struct seg {
    uint32_t start;
    uint32_t end;
};

static struct seg segs[MAX_SEGS];
static unsigned num_segs;
static bool segs_lost;
static uint32_t hz;
static uint32_t gap;

static uint32_t ticks(uint32_t us)
{
    return (uint32_t)((uint64_t)us * hz / 1000000u);
}

/* A run starting at t: continues the last segment if that ended just now. */
HELPER void seg_open(uint32_t t)
{
    if (num_segs > 0 && t - segs[num_segs - 1].end <= gap) {
        num_segs--;
        return;
    }
    if (num_segs == MAX_SEGS) {
        segs_lost = true;
        num_segs--;
    }
    segs[num_segs].start = t;
}

HELPER void seg_close(uint32_t t)
{
    segs[num_segs++].end = t;
}

/* Spin until cpu ticks of own running time have passed, or until wall
 * tick `until` (whichever is set); records the runs. */
HELPER void run(uint32_t cpu, bool by_wall, uint32_t until)
{
    uint32_t t = alarm_now();
    uint32_t last = t;
    uint32_t used = 0;

    seg_open(t);
    while (by_wall ? (int32_t)(t - until) < 0 : used < cpu) {
        t = alarm_now();
        if (t - last > gap) {
            seg_close(last);
            seg_open(t);
        } else {
            used += t - last;
        }
        last = t;
    }
    seg_close(last);
}

HELPER void fired(uint32_t now, uint32_t expiration, uint32_t unused, void *userdata)
{
    (void)now;
    (void)expiration;
    (void)unused;
    *(volatile bool *)userdata = true;
}

/* Sleep until tick reference + dt. */
HELPER void sleep_until(uint32_t reference, uint32_t dt)
{
    volatile bool done = false;
    uint32_t expiration;

    (void)alarm_syscalls_subscribe(fired, (void *)&done);
    if (alarm_syscalls_set_absolute(reference, dt, &expiration) != 0) {
        return;
    }
    while (!done) {
        syscall_yield_wait();
    }
}

HELPER void print_trace(void)
{
    printf("H %s %lu\n", APP_NAME, (unsigned long)hz);
    for (unsigned i = 0; i < num_segs; i++) {
        printf("T %s %lu %lu\n", APP_NAME, (unsigned long)segs[i].start,
               (unsigned long)segs[i].end);
    }
    if (segs_lost) {
        printf("%s: FAIL more than %u segments\n", APP_NAME, MAX_SEGS);
    }
}

#ifdef SCHED_PERIODIC
static void periodic(void)
{
    static uint32_t counters[4];
    uint32_t period = ticks(SCHED_PERIOD_US);
    uint32_t r0 = alarm_now();
    uint32_t worst = 0;
    unsigned met = 0;

    for (unsigned k = 0; k < SCHED_COUNT; k++) {
        uint32_t release = r0 + k * period;

        if ((int32_t)(alarm_now() - release) < 0) {
            sleep_until(r0, k * period);
        }
        run(ticks(SCHED_RUN_US), false, 0);
        uint32_t response = alarm_now() - release;

        met += response <= period ? 1 : 0;
        worst = response > worst ? response : worst;
    }
    print_trace();
    printf("%s: jobs %u met %u worst %lu us\n", APP_NAME, SCHED_COUNT, met,
           (unsigned long)((uint64_t)worst * 1000000u / hz));
    uint32_t me = test_own_process_id(APP_NAME); /* before the allow below: it allows its own */

    (void)syscall_allow_rw(DRIVER_NUM_PROCESS_INFO, 0, (uint32_t)(uintptr_t)counters,
                           sizeof(counters));
    (void)syscall_command(DRIVER_NUM_PROCESS_INFO, 7, me, 0);
    printf("%s: throttles %lu misses %lu\n", APP_NAME, (unsigned long)counters[2],
           (unsigned long)counters[3]);
}
#endif

int main(void)
{
    hz = alarm_frequency();
    gap = ticks(GAP_US);
#if defined(SCHED_SPIN)
    run(0, true, alarm_now() + ticks(SCHED_WINDOW_US));
    print_trace();
#elif defined(SCHED_BURST)
    for (unsigned i = 0; i < SCHED_COUNT; i++) {
        run(ticks(SCHED_RUN_US), false, 0);
        sleep_until(alarm_now(), ticks(SCHED_SLEEP_US));
    }
    print_trace();
#elif defined(SCHED_PERIODIC)
    periodic();
#elif defined(SCHED_TICK)
    uint32_t start = alarm_now();
    unsigned n = 0;

    while (alarm_now() - start < ticks(SCHED_WINDOW_US)) {
        sleep_until(alarm_now(), ticks(SCHED_PERIOD_US));
        n++;
    }
    printf("%s: %u ticks\n", APP_NAME, n);
#else
#error "define one of SCHED_SPIN, SCHED_BURST, SCHED_PERIODIC, SCHED_TICK"
#endif
    printf("%s: done\n", APP_NAME);
    return 0;
}
