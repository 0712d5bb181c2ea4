/* SPDX-License-Identifier: Apache-2.0 */
/* bench_ping: context switches between two processes (with bench_pong).
 *
 * One round: ping wakes pong (command 0x102) and Yield-Waits; the kernel
 * switches to pong (MPU/PMP reload), delivers its upcall; pong wakes ping
 * and Yield-Waits; the kernel switches back and delivers ping's upcall.
 * Printed: "switch_round" (one round = 2 switches), "switch_one" (half a
 * round), and the MPU/PMP register writes per round. Then "bench-done".
 */
#include <stdio.h>

#include "bench.h"
#include "libos/syscall.h"

#define BATCH 16u
#define SAMPLES 16u
#define MPU_ROUNDS 100u

int main(void)
{
    (void)syscall_subscribe(BENCH_DRIVER, 0, bench_ignore_upcall, NULL);
    /* Let pong start and subscribe first. */
    for (int i = 0; i < 4; i++) {
        bench_round_trip(NULL);
    }
    uint32_t writes = bench_mpu_writes();

    for (uint32_t i = 0; i < MPU_ROUNDS; i++) {
        bench_round_trip(NULL);
    }
    bench_info("mpu_writes_per_100_rounds", bench_mpu_writes() - writes);
    uint32_t avg10 = bench_measure("switch_round", bench_round_trip, NULL, BATCH, SAMPLES);

    printf("bench-info switch_one_x10=%lu\n", (unsigned long)(avg10 / 2));
    printf("bench-done\n");
    return 0;
}
