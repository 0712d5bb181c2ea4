/* SPDX-License-Identifier: Apache-2.0 */
/* bench_pong: answer every wake-up from bench_ping with a wake-up.
 *
 * Wakes ping once after subscribing (one token then circulates), then loops
 * forever: Yield-Wait until the cycle-count driver's wake upcall
 * (subscribe 0) arrives, then wake every other process (command 0x102).
 */
#include "bench.h"
#include "libos/syscall.h"

int main(void)
{
    (void)syscall_subscribe(BENCH_DRIVER, 0, bench_ignore_upcall, NULL);
    /* Start the single token circulating if ping subscribed first. */
    (void)syscall_command(BENCH_DRIVER, BENCH_CMD_WAKE, 0, 0);
    for (;;) {
        syscall_yield_wait();
        (void)syscall_command(BENCH_DRIVER, BENCH_CMD_WAKE, 0, 0);
    }
}
