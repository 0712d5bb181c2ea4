/* SPDX-License-Identifier: Apache-2.0 */
/* The single-process operations: one system call (or one exchange) each. */
#include "ops.h"

#include <string.h>

#include "bench.h"
#include "libos/memop.h"
#include "libos/syscall.h"
#include "libos/syscalls/console_syscalls.h"

#define NO_DRIVER 0x7fff0u
#define CONSOLE_DRIVER 1u
#define CONSOLE_CMD_WRITE 1u
#define WRITE_LEN 64u
#define BUF_LEN 32u
#define BRK_STEP 64u

static uint8_t buffers[5][BUF_LEN];
static char line[WRITE_LEN];
static uint8_t *brk_low;

void op_command_nodevice(void *ctx)
{
    (void)ctx;
    (void)syscall_command(NO_DRIVER, 0, 0, 0);
}

void op_command_trivial(void *ctx)
{
    (void)ctx;
    (void)syscall_command(BENCH_DRIVER, 0, 0, 0);
}

void op_yield_no_wait(void *ctx)
{
    (void)ctx;
    (void)syscall_yield_no_wait();
}

static void nothing(uint32_t a0, uint32_t a1, uint32_t a2, void *userdata)
{
    (void)a0;
    (void)a1;
    (void)a2;
    (void)userdata;
}

void op_subscribe(void *ctx)
{
    (void)ctx;
    (void)syscall_subscribe(BENCH_DRIVER, 0, nothing, NULL);
}

/* Alternate the break between two values (one brk per call). */
void op_memop_brk(void *ctx)
{
    static uint32_t flip;

    (void)ctx;
    flip ^= 1u;
    (void)syscall_memop(0, (uint32_t)(uintptr_t)(brk_low + flip * BRK_STEP));
}

void op_allow_rw(void *ctx)
{
    (void)ctx;
    (void)syscall_allow_rw(BENCH_DRIVER, 0, (uint32_t)(uintptr_t)buffers[0], BUF_LEN);
}

void op_allow_ro(void *ctx)
{
    (void)ctx;
    (void)syscall_allow_ro(BENCH_DRIVER, 0, (uint32_t)(uintptr_t)buffers[0], BUF_LEN);
}

/* Allow the line, start the write, wait for its completion event. */
void op_console_write64(void *ctx)
{
    (void)ctx;
    (void)syscall_allow_ro(CONSOLE_DRIVER, CONSOLE_ALLOW_RO_WRITE, (uint32_t)(uintptr_t)line,
                           WRITE_LEN);
    (void)syscall_command(CONSOLE_DRIVER, CONSOLE_CMD_WRITE, WRITE_LEN, 0);
    (void)syscall_yield_wait_for(CONSOLE_DRIVER, CONSOLE_SUBSCRIBE_WRITE_DONE);
}

void ops_allow_others(int live)
{
    for (uint32_t slot = 1; slot < 5; slot++) {
        uint32_t addr = live ? (uint32_t)(uintptr_t)buffers[slot] : 0;
        uint32_t len = live ? BUF_LEN : 0;

        (void)syscall_allow_rw(BENCH_DRIVER, slot, addr, len);
        (void)syscall_allow_ro(BENCH_DRIVER, slot, addr, len);
    }
}

void ops_init(void)
{
    /* Two break values above the current one (the memory below stays). */
    brk_low = (uint8_t *)memop_sbrk(2 * BRK_STEP) + BRK_STEP;
    memset(line, '.', sizeof(line));
    line[0] = '#';
    line[WRITE_LEN - 1] = '\n';
}
