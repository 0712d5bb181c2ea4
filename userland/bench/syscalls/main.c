/* SPDX-License-Identifier: Apache-2.0 */
/* bench_syscalls: the single-process benchmarks, one bench line each.
 *
 * Needs the bench kernel (driver 0x90008). Prints bench-info lines (counter
 * resolution, MPU writes per operation, kernel-owned bytes of this process's
 * RAM block), the bench lines listed in doc/benchmarks.md, then
 * "bench-done" and exits 0. Run alone: Yield-NoWait then has no other
 * process to give way to.
 */
#include <stdio.h>

#include "bench.h"
#include "libos/memop.h"
#include "libos/syscall.h"
#include "ops.h"

#define BATCH 32u
#define SAMPLES 16u
#define SLOW_BATCH 4u
#define SLOW_SAMPLES 8u
#define LATENCY_SAMPLES 16u
#define YIELD_MPU_ITERATIONS 100u

static uint32_t kernel_owned(void)
{
    return (uint32_t)((uintptr_t)memop_memory_end() - (uintptr_t)memop_grant_start());
}

/* Kernel-owned bytes before and after the default capsules' grants exist. */
static void footprint(void)
{
    uint32_t before = kernel_owned();

    /* Zero-length allow/subscribe calls allocate the console and alarm
     * grants; a low-level-debug print allocates that one. */
    (void)syscall_allow_ro(1, 1, 0, 0);
    (void)syscall_subscribe(0, 0, NULL, NULL);
    (void)syscall_command(8, 2, 0xbe5c, 0);
    uint32_t with_default = kernel_owned();
    (void)syscall_command(0x90008u, 2, 0, 0); /* read: enters the grant */
    uint32_t with_bench = kernel_owned();

    bench_info("kernel_owned_at_start", before);
    bench_info("grants_default_capsules", with_default - before);
    bench_info("grant_cycle_count", with_bench - with_default);
    bench_info("ram_block",
               (uint32_t)((uintptr_t)memop_memory_end() - (uintptr_t)memop_memory_start()));
}

static void mpu_writes_per_yield(void)
{
    uint32_t before = bench_mpu_writes();

    for (uint32_t i = 0; i < YIELD_MPU_ITERATIONS; i++) {
        (void)syscall_yield_no_wait();
    }
    bench_info("mpu_writes_per_100_yield_no_wait", bench_mpu_writes() - before);
}

static void allows(void)
{
    ops_allow_others(0);
    bench_measure("allow_rw_0live", op_allow_rw, NULL, BATCH, SAMPLES);
    bench_measure("allow_ro_0live", op_allow_ro, NULL, BATCH, SAMPLES);
    ops_allow_others(1);
    bench_measure("allow_rw_4live", op_allow_rw, NULL, BATCH, SAMPLES);
    bench_measure("allow_ro_4live", op_allow_ro, NULL, BATCH, SAMPLES);
    ops_allow_others(0);
}

int main(void)
{
    footprint();
    ops_init();
    bench_info("resolution", bench_resolution());
    mpu_writes_per_yield();
    bench_measure("command_nodevice", op_command_nodevice, NULL, BATCH, SAMPLES);
    bench_measure("command_trivial", op_command_trivial, NULL, BATCH, SAMPLES);
    bench_measure("yield_no_wait", op_yield_no_wait, NULL, BATCH, SAMPLES);
    allows();
    bench_measure("subscribe", op_subscribe, NULL, BATCH, SAMPLES);
    bench_measure("memop_brk", op_memop_brk, NULL, BATCH, SAMPLES);
    phases_run(SAMPLES);
    latency_run(LATENCY_SAMPLES);
    bench_measure("console_write64", op_console_write64, NULL, SLOW_BATCH, SLOW_SAMPLES);
    printf("bench-done\n");
    return 0;
}
