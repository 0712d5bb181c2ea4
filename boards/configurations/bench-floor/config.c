/* SPDX-License-Identifier: Apache-2.0 */
/* Benchmark kernel: the floor, a bare trap round trip with nothing in it.
 *
 * Runs arch_trap_floor_run() (os/platform/cycle_counter.h: `svc` into a
 * `bx lr` handler on Cortex-M, `ecall` into `csrw mepc; mret` on RISC-V)
 * in privileged mode, batch and 2 * batch times per sample between two
 * counter reads, and prints the difference per iteration, the loop's own
 * two instructions (decrement, branch) included, as
 *   bench floor_trap_loop n=<N> min=<x> avg=<y> max=<z>
 * The counter is the CPU's instruction counter where the arch has one, else
 * the board's alarm ticks scaled to instructions (mps2: 40 per tick), as in
 * the bench kernel. Ends with "bench-done" and exit status 0.
 */
#include <stdint.h>

#include "../config_common.h"
#include "os/board/platform.h"
#include "os/debug.h"
#include "os/hil/time.h"
#include "os/platform/arch.h"
#include "os/platform/cycle_counter.h"

#define BATCH 256u
#define SAMPLES 16u
#define NS_PER_S 1000000000u

static struct hil_alarm *timer;
static uint32_t per_tick;

static uint64_t now(void)
{
    if (per_tick == 0) {
        return arch_cycle_counter_read();
    }
    return (uint64_t)hil_alarm_now(timer) * per_tick;
}

/* Instructions for batch and 2 * batch round trips: the second minus the first. */
static uint32_t sample(void)
{
    uint64_t t0 = now();

    arch_trap_floor_run(BATCH);
    uint64_t t1 = now();

    arch_trap_floor_run(2 * BATCH);
    uint64_t t2 = now();

    return (uint32_t)((t2 - t1) - (t1 - t0));
}

static void print_tenths(const char *key, uint32_t tenths)
{
    debug_printf(" %s=%lu.%lu", key, (unsigned long)(tenths / 10), (unsigned long)(tenths % 10));
}

void board_main(void)
{
    static const struct board_platform_params params = {.debug_writer = true};
    const struct board_platform *p = board_platform_init(&params);
    uint32_t lo = UINT32_MAX;
    uint32_t hi = 0;
    uint64_t sum = 0;

    timer = p->alarm;
    per_tick = arch_cycle_counter_available() ? 0 : NS_PER_S / hil_alarm_frequency(timer);
    for (uint32_t s = 0; s < SAMPLES; s++) {
        uint32_t d = sample();

        sum += d;
        lo = d < lo ? d : lo;
        hi = d > hi ? d : hi;
    }
    debug_printf("bench floor_trap_loop n=%lu", (unsigned long)(SAMPLES * BATCH));
    print_tenths("min", lo * 10 / BATCH);
    print_tenths("avg", (uint32_t)(sum * 10 / (SAMPLES * BATCH)));
    print_tenths("max", hi * 10 / BATCH);
    debug_printf("\nbench-info floor_counter=%s loop_instructions=2\nbench-done\n",
                 per_tick == 0 ? "cpu" : "timer");
    config_finish(true);
}
