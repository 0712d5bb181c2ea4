/* SPDX-License-Identifier: Apache-2.0 */
/* profile: the profiling counters against what this app did.
 *
 * Takes its own profile (process-info command 8), makes a known set of
 * system calls, takes it again and prints the difference per class:
 *   "profile: delta yield 3 subscribe 1 command 12 allow-rw 1 allow-ro 1
 *    memop 2 exit 0 allow-ur 0"
 * (11 commands, the second profile read and the allow of its buffer). Then prints the kernel
 * profile (command 9) as "profile: kernel hz <hz> uptime <t> idle <t>
 * kernel <t> process <t>" and its own CPU ticks as "profile: cpu <t>
 * lowest-sp 0x<sp>", for tests/qemu to check that the
 * buckets add up and that the figures agree. Ends with "profile: done".
 */
#include <stdint.h>
#include <stdio.h>

#include "libos/syscall.h"
#include "os/abi/driver_num.h"
#include "own_id.h"

#define PI DRIVER_NUM_PROCESS_INFO

static uint32_t before[19];
static uint32_t after[19];
static uint32_t kernel[13];
static const char ro_data[4] = "abc";

static unsigned long ticks(const uint32_t *w)
{
    return (unsigned long)(((uint64_t)w[1] << 32 | w[0]) & 0xFFFFFFFFu);
}

int main(void)
{
    static const char *const classes[8] = {"yield",    "subscribe", "command", "allow-rw",
                                           "allow-ro", "memop",     "exit",    "allow-ur"};
    uint32_t me = test_own_process_id(APP_NAME);

    (void)syscall_allow_rw(PI, 0, (uint32_t)(uintptr_t)before, sizeof(before));
    (void)syscall_command(PI, 8, me, 0); /* counted in before: the call is counted first */
    for (int i = 0; i < 10; i++) {
        (void)syscall_command(DRIVER_NUM_ALARM, 0, 0, 0);
    }
    (void)syscall_command(0xDEAD, 0, 0, 0); /* no such driver: still a command */
    for (int i = 0; i < 3; i++) {
        (void)syscall_yield_no_wait();
    }
    (void)syscall_subscribe(DRIVER_NUM_ALARM, 0, 0, 0);
    (void)syscall_allow_ro(DRIVER_NUM_CONSOLE, 1, (uint32_t)(uintptr_t)ro_data, 3);
    (void)syscall_memop(2, 0);
    (void)syscall_memop(3, 0);
    (void)syscall_allow_rw(PI, 0, (uint32_t)(uintptr_t)after, sizeof(after));
    (void)syscall_command(PI, 8, me, 0);
    uint32_t d[8];

    for (unsigned c = 0; c < 8; c++) {
        d[c] = after[2 + c] - before[2 + c];
    }
    /* One printf: the console stream flushes at the end of each call. */
    printf("profile: delta %s %lu %s %lu %s %lu %s %lu %s %lu %s %lu %s %lu %s %lu\n", classes[0],
           (unsigned long)d[0], classes[1], (unsigned long)d[1], classes[2], (unsigned long)d[2],
           classes[3], (unsigned long)d[3], classes[4], (unsigned long)d[4], classes[5],
           (unsigned long)d[5], classes[6], (unsigned long)d[6], classes[7], (unsigned long)d[7]);
    (void)syscall_allow_rw(PI, 0, (uint32_t)(uintptr_t)kernel, sizeof(kernel));
    (void)syscall_command(PI, 9, 0, 0);
    printf("profile: kernel hz %lu uptime %lu idle %lu kernel %lu process %lu\n",
           (unsigned long)kernel[0], ticks(&kernel[1]), ticks(&kernel[3]), ticks(&kernel[5]),
           ticks(&kernel[7]));
    printf("profile: cpu %lu lowest-sp 0x%08lx\n", ticks(&after[0]), (unsigned long)after[15]);
    printf("profile: done\n");
    return 0;
}
