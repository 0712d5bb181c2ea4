/* SPDX-License-Identifier: Apache-2.0 */
/* bench_trace: a few iterations of each benchmarked path, for the phase split.
 *
 * tools/bench_phases.py boots this app (slot 0) with bench_pong (slot 1)
 * on the bench kernel with QEMU's per-instruction execution log and splits
 * each iteration's instructions by kernel function and phase. Each
 * operation runs TRACE_ITERATIONS times from trace_run(); an iteration is
 * the trace from one entry of the operation's function to the next, so the
 * first and last iterations are not used (first use, loop exit). Needs no
 * counter: the log is the measurement. The alarm operation sleeps until a
 * 1 ms alarm's upcall runs trace_on_alarm(): the log from the kernel's wfi
 * to that function's first instruction is the upcall latency. Prints
 * "bench-done" and exits 0.
 */
#include <stdbool.h>
#include <stdio.h>

#include "bench.h"
#include "libos/syscall.h"
#include "../syscalls/ops.h"

#define TRACE_ITERATIONS 5u
#define SYNC_ROUNDS 4u
#define ALARM_DRIVER 0u
#define ALARM_CMD_FREQUENCY 1u
#define ALARM_CMD_SET_RELATIVE 5u

static volatile bool alarm_fired;
static uint32_t alarm_hz;

/* The alarm upcall, subscribed directly: its first instruction is the
 * first one the process runs after the interrupt. */
__attribute__((noinline)) static void trace_on_alarm(uint32_t a0, uint32_t a1, uint32_t a2,
                                                     void *userdata)
{
    (void)a0;
    (void)a1;
    (void)a2;
    (void)userdata;
    alarm_fired = true;
}

/* Arm the alarm 1 ms ahead and sleep until its upcall ran. */
static void op_alarm_wait(void *ctx)
{
    (void)ctx;
    alarm_fired = false;
    (void)syscall_command(ALARM_DRIVER, ALARM_CMD_SET_RELATIVE, alarm_hz / 1000u, 0);
    while (!alarm_fired) {
        syscall_yield_wait();
    }
}

/* Out of line so the log shows each call of op at one address. */
__attribute__((noinline)) static void trace_run(bench_op_fn op)
{
    for (uint32_t i = 0; i < TRACE_ITERATIONS; i++) {
        op(NULL);
    }
}

int main(void)
{
    (void)syscall_subscribe(BENCH_DRIVER, 0, bench_ignore_upcall, NULL);
    /* Let bench_pong subscribe and the single wake token settle. */
    for (uint32_t i = 0; i < SYNC_ROUNDS; i++) {
        bench_round_trip(NULL);
    }
    ops_init();
    trace_run(op_command_nodevice);
    trace_run(op_command_trivial);
    trace_run(op_yield_no_wait);
    trace_run(op_subscribe);
    trace_run(op_allow_rw);
    trace_run(op_memop_brk);
    trace_run(bench_round_trip);
    alarm_hz = syscall_command(ALARM_DRIVER, ALARM_CMD_FREQUENCY, 0, 0).data[0];
    (void)syscall_subscribe(ALARM_DRIVER, 0, trace_on_alarm, NULL);
    trace_run(op_alarm_wait);
    printf("bench-done\n");
    return 0;
}
