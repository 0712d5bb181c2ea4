/* SPDX-License-Identifier: Apache-2.0 */
/* Yield and exit checks (syscalls.md 5, 12, 14).
 *
 * Upcalls come from zero-length console writes: command(console, 1, 0) completes with a
 * write-done event (0, 0, 0) and prints nothing. Every check unsubscribes console slot 1
 * before printing, because printf itself waits for write-done events with no upcall.
 */
#include <stddef.h>

#include "check.h"
#include "libos/console.h"
#include "libos/syscall.h"
#include "libos/syscalls/console_syscalls.h"
#include "os/abi/driver_num.h"
#include "syscalls_test.h"

/* Upper bound of Yield-NoWait polls while the kernel completes a write. */
#define POLL_LIMIT 1000000u

static const uint8_t flash_byte = 0x5A;

static int subscribe_log(struct test_upcall_log *log)
{
    return console_syscalls_subscribe_write_done(test_upcall_record, log);
}

static void unsubscribe(void)
{
    (void)console_syscalls_subscribe_write_done(NULL, NULL);
}

static void no_wait_checks(void)
{
    volatile uint8_t result = 0xAA;

    syscall_yield_no_wait_at((uint32_t)(uintptr_t)&result);
    check("yield no-wait empty", "0", result == 0, "(result byte 0x%02x)", result);
    syscall_yield_no_wait_at(0);
    check_pass("yield no-wait null result address", NULL);
    syscall_yield_no_wait_at((uint32_t)(uintptr_t)&flash_byte);
    check("yield no-wait flash result address", NULL, flash_byte == 0x5A, "(flash changed)");
    syscall_yield_no_wait_at(TEST_KERNEL_RAM);
    check_pass("yield no-wait kernel result address", NULL);
}

static void no_wait_delivery_check(void)
{
    struct test_upcall_log log = {0};
    uint32_t polls = 0;
    uint8_t ran = 0;

    if (subscribe_log(&log) != 0 || console_syscalls_write(0) != 0) {
        unsubscribe();
        check("yield no-wait delivers upcall", "1", false, "(subscribe/command refused)");
        return;
    }
    while (ran == 0 && polls++ < POLL_LIMIT) {
        ran = syscall_yield_no_wait();
    }
    unsubscribe();
    check("yield no-wait delivers upcall", "1", ran == 1 && log.calls == 1 && log.args[0] == 0,
          "(result %u after %lu polls, %lu calls)", ran, (unsigned long)polls,
          (unsigned long)log.calls);
}

static void wait_checks(void)
{
    struct test_upcall_log log = {0};
    struct syscall_yield_result got;

    if (subscribe_log(&log) == 0 && console_syscalls_write(0) == 0) {
        syscall_yield_wait();
    }
    unsubscribe();
    check("yield wait delivers upcall", NULL, log.calls == 1 && log.args[0] == 0,
          "(%lu calls, arg0 %lu)", (unsigned long)log.calls, (unsigned long)log.args[0]);

    (void)console_syscalls_write(0);
    got = syscall_yield_wait_for(DRIVER_NUM_CONSOLE, CONSOLE_SUBSCRIBE_WRITE_DONE);
    check("yield wait-for returns upcall args", NULL,
          got.data[0] == 0 && got.data[1] == 0 && got.data[2] == 0, "(got %lu %lu %lu)",
          (unsigned long)got.data[0], (unsigned long)got.data[1], (unsigned long)got.data[2]);

    log.calls = 0;
    if (subscribe_log(&log) == 0 && console_syscalls_write(0) == 0) {
        got = syscall_yield_wait_for(DRIVER_NUM_CONSOLE, CONSOLE_SUBSCRIBE_WRITE_DONE);
    }
    unsubscribe();
    check("yield wait-for does not call subscribed upcall", NULL,
          log.calls == 0 && got.data[0] == 0, "(%lu calls)", (unsigned long)log.calls);
}

static void on_write_done(uint32_t written, void *userdata)
{
    struct test_upcall_log *log = userdata;

    log->calls++;
    log->args[0] = written;
}

/* The async console layer: a zero-length write completes through its callback. */
static void async_console_check(void)
{
    static const char nothing[1] = {0};
    struct test_upcall_log log = {0};
    int rc = console_write(nothing, 0, on_write_done, &log);

    while (rc == 0 && log.calls == 0) {
        syscall_yield_wait();
    }
    unsubscribe();
    check("console async write callback", NULL, rc == 0 && log.calls == 1 && log.args[0] == 0,
          "(rc %d, %lu calls)", rc, (unsigned long)log.calls);
}

void yield_checks(void)
{
    no_wait_checks();
    no_wait_delivery_check();
    wait_checks();
    async_console_check();
}

void invalid_variant_checks(void)
{
    /* Tock 2.2 and TRD104: an unknown yield variant returns at once, registers intact. */
    struct syscall_return ret = syscall_yield_raw(3);

    check("yield invalid variant returns", NULL, ret.variant == 3 && ret.data[0] == 0,
          "(r0=%lu r1=%lu)", (unsigned long)ret.variant, (unsigned long)ret.data[0]);
    check_failure("exit invalid variant", syscall_exit_raw(2, 0), SYSCALL_RET_FAILURE,
                  OS_ENOSUPPORT, 0, 0);
}
