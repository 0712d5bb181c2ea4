/* SPDX-License-Identifier: Apache-2.0 */
/* Benchmark helpers: the cycle-count driver and one measuring loop.
 *
 * Every figure is printed as one machine-parsable line
 *   bench <name> n=<iterations> min=<x> avg=<y> max=<z>
 * in guest instructions (QEMU -icount shift=0), avg with one decimal.
 * Method: a sample runs the operation `batch` times and then 2 * batch
 * times between two counter reads; the difference of the two cancels the
 * counter-read cost. The same is done for an empty operation called the
 * same way, and its cost (the loop and the call) is subtracted, so a figure
 * is the operation alone, as the app issues it (argument set-up included).
 * min/max are over samples (each the average of `batch` iterations).
 */
#pragma once

#include <stddef.h>
#include <stdint.h>

/* Cycle-count driver (0x90008) commands; see capsules/core/cycle_count.c. */
#define BENCH_DRIVER 0x90008u
#define BENCH_CMD_READ 2u
#define BENCH_CMD_RESOLUTION 0x100u
#define BENCH_CMD_MPU_WRITES 0x101u
#define BENCH_CMD_WAKE 0x102u
#define BENCH_CMD_ALARM_STAMP 0x103u
#define BENCH_CMD_READ_RAW 0x104u

/* One operation under test; ctx is passed through. */
typedef void (*bench_op_fn)(void *ctx);

/* Counter in instructions, read inside the kernel (command 0x104). */
uint64_t bench_now(void);

/* Counter resolution in instructions (1 = exact). */
uint32_t bench_resolution(void);

/* MPU/PMP register writes so far (0 if the kernel gives no count). */
uint32_t bench_mpu_writes(void);

/* Measure op as described above and print its bench line; returns the
 * average in tenths of an instruction. */
uint32_t bench_measure(const char *name, bench_op_fn op, void *ctx, uint32_t batch,
                       uint32_t samples);

/* Print a bench line for precomputed samples (values in tenths). */
void bench_print(const char *name, uint32_t n, uint32_t min10, uint32_t avg10, uint32_t max10);

/* Print "bench-info <key>=<value>". */
void bench_info(const char *key, uint32_t value);

/* An upcall that does nothing (the wake-ups of bench_ping/pong/trace). */
void bench_ignore_upcall(uint32_t a0, uint32_t a1, uint32_t a2, void *userdata);

/* One ping-pong round (ctx unused): wake every other process (command
 * 0x102) and Yield-Wait for the wake-up that comes back; with bench_pong
 * answering, that is two switches. */
void bench_round_trip(void *ctx);
