/* SPDX-License-Identifier: Apache-2.0 */
/* Isolation cases that hand the kernel bad pointers: each must be an error return
 * (INVAL) or be ignored, never a fault and never a kernel access on our behalf. */
#include <stdio.h>

#include "isolation.h"
#include "libos/driver.h"
#include "libos/memop.h"
#include "libos/syscall.h"
#include "libos/syscalls/alarm_syscalls.h"
#include "libos/syscalls/console_syscalls.h"
#include "os/abi/driver_num.h"

#define FLOOD_WRITES 12u       /* more completions than Tock's 9-entry upcall queue */
#define FLOOD_SPIN_MS 20u      /* let the kernel finish each write (> one timeslice) */
#define FLOOD_SPIN_CALLS 2000u /* without an alarm driver: cheap syscalls instead */

static uint8_t buffer[16];

/* "<name>: INVAL ok" if ret is Failure with 2 x u32 carrying INVAL and the passed
 * values, else "<name>: FAIL (...)". Returns 1 on failure. */
static uint32_t expect_inval(const char *name, struct syscall_return ret, uint32_t p0, uint32_t p1)
{
    if (ret.variant == SYSCALL_RET_FAILURE_2U32 && ret.data[0] == OS_EINVAL && ret.data[1] == p0 &&
        ret.data[2] == p1) {
        printf("%s: INVAL ok\n", name);
        return 0;
    }
    printf("%s: FAIL (r0=%lu r1=%lu r2=0x%08lx r3=0x%08lx)\n", name, (unsigned long)ret.variant,
           (unsigned long)ret.data[0], (unsigned long)ret.data[1], (unsigned long)ret.data[2]);
    return 1;
}

static uint32_t allow_cases(int which)
{
    uint32_t buf = (uint32_t)(uintptr_t)buffer;
    uint32_t brk = (uint32_t)(uintptr_t)memop_sbrk(0);
    uint32_t end = (uint32_t)(uintptr_t)memop_memory_end();
    uint32_t failed = 0;

    if (which == ISO_ALLOW_KERNEL_PTR) {
        isolation_about_at("allow a buffer in kernel RAM", TEST_KERNEL_RAM);
        failed += expect_inval("allow kernel ptr", syscall_allow_rw(1, 1, TEST_KERNEL_RAM, 16),
                               TEST_KERNEL_RAM, 16);
        failed += expect_inval("allow ro kernel ptr", syscall_allow_ro(1, 1, TEST_KERNEL_RAM, 16),
                               TEST_KERNEL_RAM, 16);
    } else if (which == ISO_ALLOW_PAST_END) {
        isolation_about_at("allow buffers past the break and past memory end", brk - 8);
        failed +=
            expect_inval("allow past break", syscall_allow_rw(1, 1, brk - 8, 16), brk - 8, 16);
        failed +=
            expect_inval("allow past memory end", syscall_allow_rw(1, 1, end - 8, 16), end - 8, 16);
    } else {
        isolation_about_at("allow a buffer whose length wraps", buf);
        failed += expect_inval("allow wrapping length", syscall_allow_rw(1, 1, buf, 0u - buf + 16u),
                               buf, 0u - buf + 16u);
        failed += expect_inval("allow ro wrapping length", syscall_allow_ro(1, 1, buf, 0xFFFFFFFFu),
                               buf, 0xFFFFFFFFu);
    }
    return failed;
}

/* Let the kernel run (and complete our writes) without yielding: poll the alarm for
 * FLOOD_SPIN_MS, or without one make FLOOD_SPIN_CALLS cheap syscalls (a Tock-style kernel
 * services its deferred work at syscall boundaries). */
static void spin_a_while(uint32_t hz)
{
    uint32_t start = 0;
    uint32_t now = 0;

    if (hz == 0 || alarm_syscalls_read(&start) != 0) {
        for (uint32_t i = 0; i < FLOOD_SPIN_CALLS; i++) {
            (void)syscall_memop(SYSCALL_MEMOP_MEMORY_START, 0);
        }
        return;
    }
    do {
        (void)alarm_syscalls_read(&now);
    } while (now - start < hz / 1000u * FLOOD_SPIN_MS);
}

static void count_upcall(uint32_t a0, uint32_t a1, uint32_t a2, void *userdata)
{
    (void)a0;
    (void)a1;
    (void)a2;
    /* SAFETY: userdata is the counter upcall_flood_case() subscribed with. */
    (*(volatile uint32_t *)userdata)++;
}

/* More completed writes than the upcall queue holds, before the first yield. */
static uint32_t upcall_flood_case(void)
{
    volatile uint32_t delivered = 0;
    uint32_t hz = 0;
    uint32_t accepted = 0;

    isolation_about("queue 12 write-done upcalls without yielding");
    (void)alarm_syscalls_frequency(&hz);
    if (console_syscalls_subscribe_write_done(count_upcall, (void *)&delivered) != 0) {
        printf("upcall flood: FAIL (subscribe refused)\n");
        return 1;
    }
    for (uint32_t i = 0; i < FLOOD_WRITES; i++) {
        accepted += console_syscalls_write(0) == 0 ? 1u : 0u;
        spin_a_while(hz);
    }
    for (uint32_t i = 0; i < 4 * FLOOD_WRITES && syscall_yield_no_wait() != 0; i++) {}
    (void)console_syscalls_subscribe_write_done(NULL, NULL);
    printf("upcall flood: %lu writes accepted, %lu upcalls delivered\n", (unsigned long)accepted,
           (unsigned long)delivered);
    printf("upcall flood: survived ok\n");
    return delivered >= 1 && delivered <= accepted ? 0 : 1;
}

/* Buffers and functions in another process: refused like kernel ones. */
static uint32_t neighbour_cases(void)
{
    uint32_t ram = isolation_neighbour_ram();
    uint32_t fn = isolation_neighbour_flash() + 0x81u;
    uint32_t failed = 0;

    isolation_about_at("allow a buffer in the neighbour's RAM", ram);
    failed += expect_inval("allow neighbour ram", syscall_allow_rw(1, 1, ram, 16), ram, 16);
    failed += expect_inval("allow ro neighbour ram", syscall_allow_ro(1, 1, ram, 16), ram, 16);
    failed +=
        expect_inval("subscribe neighbour fn", syscall_subscribe_raw(1, 2, fn, 0x55), fn, 0x55);
    return failed;
}

uint32_t isolation_pointer_case(void)
{
    uint32_t fn = TEST_KERNEL_FLASH | 1u;

    switch (ISOLATION_CASE) {
    case ISO_SUBSCRIBE_KERNEL_FN:
        isolation_about_at("subscribe a function in kernel flash", fn);
        return expect_inval("subscribe kernel fn", syscall_subscribe_raw(1, 2, fn, 0x55), fn, 0x55);
    case ISO_YIELD_KERNEL_PTR:
        isolation_about_at("yield no-wait with a result address in kernel RAM", TEST_KERNEL_RAM);
        syscall_yield_no_wait_at(TEST_KERNEL_RAM);
        printf("yield no-wait kernel ptr: ok\n");
        return 0;
    case ISO_UPCALL_FLOOD:
        return upcall_flood_case();
    case ISO_ALLOW_NEIGHBOUR:
        return neighbour_cases();
    default:
        return allow_cases(ISOLATION_CASE);
    }
}
