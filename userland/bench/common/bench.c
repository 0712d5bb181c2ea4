/* SPDX-License-Identifier: Apache-2.0 */
/* Benchmark helpers: counter reads, the N/2N measuring loop, output, the
 * ping-pong round. */
#include "bench.h"

#include <stdio.h>

#include "libos/syscall.h"

uint64_t bench_now(void)
{
    struct syscall_return r = syscall_command(BENCH_DRIVER, BENCH_CMD_READ_RAW, 0, 0);

    return (uint64_t)r.data[0] | ((uint64_t)r.data[1] << 32);
}

uint32_t bench_resolution(void)
{
    struct syscall_return r = syscall_command(BENCH_DRIVER, BENCH_CMD_RESOLUTION, 0, 0);

    return r.variant == SYSCALL_RET_SUCCESS_U32 ? r.data[0] : 0;
}

uint32_t bench_mpu_writes(void)
{
    struct syscall_return r = syscall_command(BENCH_DRIVER, BENCH_CMD_MPU_WRITES, 0, 0);

    return r.variant == SYSCALL_RET_SUCCESS_U32 ? r.data[0] : 0;
}

static void empty_op(void *ctx)
{
    (void)ctx;
}

/* Instructions for `count` calls of op, counter reads included. */
static uint32_t run(bench_op_fn op, void *ctx, uint32_t count)
{
    uint64_t start = bench_now();

    for (uint32_t i = 0; i < count; i++) {
        op(ctx);
    }
    return (uint32_t)(bench_now() - start);
}

/* One sample: instructions for batch calls, the read cost cancelled. */
static int32_t sample(bench_op_fn op, void *ctx, uint32_t batch)
{
    uint32_t one = run(op, ctx, batch);
    uint32_t two = run(op, ctx, 2 * batch);

    return (int32_t)(two - one);
}

void bench_print(const char *name, uint32_t n, uint32_t min10, uint32_t avg10, uint32_t max10)
{
    printf("bench %s n=%lu min=%lu.%lu avg=%lu.%lu max=%lu.%lu\n", name, (unsigned long)n,
           (unsigned long)(min10 / 10), (unsigned long)(min10 % 10), (unsigned long)(avg10 / 10),
           (unsigned long)(avg10 % 10), (unsigned long)(max10 / 10), (unsigned long)(max10 % 10));
}

void bench_info(const char *key, uint32_t value)
{
    printf("bench-info %s=%lu\n", key, (unsigned long)value);
}

uint32_t bench_measure(const char *name, bench_op_fn op, void *ctx, uint32_t batch,
                       uint32_t samples)
{
    int64_t empty_total = 0;
    int64_t total = 0;
    int32_t lo = INT32_MAX;
    int32_t hi = INT32_MIN;

    for (uint32_t s = 0; s < samples; s++) {
        empty_total += sample(empty_op, NULL, batch);
    }
    /* The empty loop's cost per sample, in tenths of an instruction per batch. */
    int32_t empty10 = (int32_t)((empty_total * 10) / samples);
    for (uint32_t s = 0; s < samples; s++) {
        int32_t d = sample(op, ctx, batch) * 10 - empty10;

        total += d;
        lo = d < lo ? d : lo;
        hi = d > hi ? d : hi;
    }
    uint32_t avg10 = (uint32_t)(total / ((int64_t)samples * batch));
    lo /= (int32_t)batch;
    hi /= (int32_t)batch;
    bench_print(name, samples * batch, lo < 0 ? 0 : (uint32_t)lo, avg10, hi < 0 ? 0 : (uint32_t)hi);
    return avg10;
}

void bench_ignore_upcall(uint32_t a0, uint32_t a1, uint32_t a2, void *userdata)
{
    (void)a0;
    (void)a1;
    (void)a2;
    (void)userdata;
}

void bench_round_trip(void *ctx)
{
    (void)ctx;
    (void)syscall_command(BENCH_DRIVER, BENCH_CMD_WAKE, 0, 0);
    syscall_yield_wait();
}
