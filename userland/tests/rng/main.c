/* SPDX-License-Identifier: Apache-2.0 */
/* rng: the RNG driver (0x40001) through the raw, async and sync layers.
 *
 * Lines: "rng exists: ok", "rng fill 1: ok" (and 7, 64), "rng fill 0 no upcall: ok",
 * "rng capped at buffer: ok", "rng no allow: 0 bytes ok", "rng back-to-back requests: ok",
 * "rng unknown command: NOSUPPORT ok", "rng bytes vary: ok", then
 * "rng: N passed, M failed"; exit 0 if all passed. Never prints random values, so the
 * transcript is the same on every run. Without the driver it prints
 * "rng: skipped (no driver 0x40001)" and exits 0.
 */
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "check.h"
#include "libos-sync/rng_sync.h"
#include "libos/driver.h"
#include "libos/returncode.h"
#include "libos/rng.h"
#include "libos/syscall.h"
#include "libos/syscalls/rng_syscalls.h"
#include "os/abi/driver_num.h"

#define POISON 0xA5u

static uint8_t buf[128];

/* What the async callback saw. */
struct done_log {
    volatile uint32_t calls;    /* callbacks run */
    volatile uint32_t received; /* last byte count */
};

static void on_done(uint32_t received, void *userdata)
{
    struct done_log *log = userdata;

    log->received = received;
    log->calls++;
}

/* Whether buf[from, to) still holds the poison pattern. */
static bool poisoned(uint32_t from, uint32_t to)
{
    for (uint32_t i = from; i < to; i++) {
        if (buf[i] != POISON) {
            return false;
        }
    }
    return true;
}

/* Sync fill of n bytes in a 64-byte window: n reported, nothing past n touched. */
static void fill_check(const char *name, uint32_t n)
{
    int got;

    memset(buf, POISON, sizeof(buf));
    got = rng_sync_get(buf, n);
    check(name, NULL, got == (int)n && poisoned(n, sizeof(buf)), "(got %d)", got);
}

/* A 0-byte request succeeds and never completes: the next request's upcall is the
 * only one that arrives. */
static void zero_byte_check(void)
{
    struct done_log log = {0, 0};
    int rc0 = rng_syscalls_subscribe_done(NULL, NULL);
    int rc1 = returncode_from_novalue(syscall_command(DRIVER_NUM_RNG, 1, 0, 0));

    for (int i = 0; i < 5; i++) {
        (void)syscall_yield_no_wait();
    }
    int rc2 = rng_get(buf, 4, on_done, &log);

    while (rc2 == 0 && log.calls == 0) {
        syscall_yield_wait();
    }
    for (int i = 0; i < 5; i++) {
        (void)syscall_yield_no_wait();
    }
    check("rng fill 0 no upcall", NULL,
          rc0 == 0 && rc1 == 0 && rc2 == 0 && log.calls == 1 && log.received == 4,
          "(rc %d/%d/%d, %lu callbacks, last %lu bytes)", rc0, rc1, rc2, (unsigned long)log.calls,
          (unsigned long)log.received);
    (void)rng_syscalls_subscribe_done(NULL, NULL);
}

/* Raw: allow len bytes, ask for want, wait; returns (status, count) of the upcall. */
static struct syscall_yield_result raw_fill(uint32_t len, uint32_t want, int *rc)
{
    struct syscall_yield_result r = {{0xFFFFFFFFu, 0xFFFFFFFFu, 0xFFFFFFFFu}};

    *rc = rng_syscalls_allow_buffer(len != 0 ? buf : NULL, len);
    if (*rc == 0) {
        *rc = rng_syscalls_fill(want);
    }
    if (*rc == 0) {
        r = syscall_yield_wait_for(DRIVER_NUM_RNG, RNG_SUBSCRIBE_DONE);
    }
    (void)rng_syscalls_allow_buffer(NULL, 0);
    return r;
}

static void capped_and_missing_checks(void)
{
    struct syscall_yield_result r;
    int rc;

    memset(buf, POISON, sizeof(buf));
    r = raw_fill(8, 100, &rc);
    check("rng capped at buffer", NULL,
          rc == 0 && r.data[0] == 0 && r.data[1] == 8 && r.data[2] == 0 && poisoned(8, 128),
          "(rc %d, upcall %lu %lu)", rc, (unsigned long)r.data[0], (unsigned long)r.data[1]);
    r = raw_fill(0, 16, &rc);
    check("rng no allow", "0 bytes", rc == 0 && r.data[0] == 0 && r.data[1] == 0,
          "(rc %d, upcall %lu %lu)", rc, (unsigned long)r.data[0], (unsigned long)r.data[1]);
}

/* Two requests without a yield in between: the second is BUSY while the first is
 * pending, or, if the first already completed (the kernel serviced the device between
 * the two system calls), a new request with its own upcall. Either way every accepted
 * request completes exactly once with 16 bytes. */
static void back_to_back_check(void)
{
    struct syscall_yield_result r1;
    struct syscall_yield_result r2 = {{0, 16, 0}};
    int rc0 = rng_syscalls_allow_buffer(buf, 16);
    int rc1 = rng_syscalls_fill(16);
    int rc2 = rng_syscalls_fill(16);

    r1 = syscall_yield_wait_for(DRIVER_NUM_RNG, RNG_SUBSCRIBE_DONE);
    if (rc2 == 0) {
        r2 = syscall_yield_wait_for(DRIVER_NUM_RNG, RNG_SUBSCRIBE_DONE);
    }
    (void)rng_syscalls_allow_buffer(NULL, 0);
    check("rng back-to-back requests", NULL,
          rc0 == 0 && rc1 == 0 && (rc2 == 0 || rc2 == RETURNCODE_EBUSY) && r1.data[1] == 16 &&
              r2.data[1] == 16,
          "(rc %d/%d/%d, upcalls %lu %lu)", rc0, rc1, rc2, (unsigned long)r1.data[1],
          (unsigned long)r2.data[1]);
}

/* 64 random bytes that are all the same value mean a broken source. */
static void vary_check(void)
{
    bool differ = false;
    int got;

    memset(buf, POISON, sizeof(buf));
    got = rng_sync_get(buf, 64);
    for (int i = 1; i < 64; i++) {
        differ = differ || buf[i] != buf[0];
    }
    check("rng bytes vary", NULL, got == 64 && differ, "(got %d, all bytes equal: %d)", got,
          !differ);
}

int main(void)
{
    if (!driver_exists(DRIVER_NUM_RNG)) {
        printf("rng: skipped (no driver 0x40001)\n");
        return 0;
    }
    check_begin("rng");
    check("rng exists", NULL, rng_syscalls_exists() == 0, "(command 0 failed)");
    fill_check("rng fill 1", 1);
    fill_check("rng fill 7", 7);
    fill_check("rng fill 64", 64);
    zero_byte_check();
    capped_and_missing_checks();
    back_to_back_check();
    check("rng unknown command", "NOSUPPORT",
          returncode_from_novalue(syscall_command(DRIVER_NUM_RNG, 2, 0, 0)) ==
              RETURNCODE_ENOSUPPORT,
          "(expected NOSUPPORT)");
    vary_check();
    return check_finish();
}
