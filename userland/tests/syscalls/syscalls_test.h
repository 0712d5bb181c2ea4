/* SPDX-License-Identifier: Apache-2.0 */
/* The syscalls test app's check groups (one file each) and shared fixtures. */
#pragma once

#include <stdint.h>

/* A driver number no board registers (NODEVICE for every class). */
#define TEST_MISSING_DRIVER 0x99999u

/* An upcall function that counts its calls and records its arguments. */
struct test_upcall_log {
    uint32_t calls;   /* times called */
    uint32_t args[3]; /* arguments of the last call */
};

/* Upcall recording into the struct test_upcall_log passed as userdata. */
void test_upcall_record(uint32_t arg0, uint32_t arg1, uint32_t arg2, void *userdata);

/* A second, distinct upcall function (for swap checks); never expected to run. */
void test_upcall_other(uint32_t arg0, uint32_t arg1, uint32_t arg2, void *userdata);

/* Memop 0-11: break, layout, writeable flash regions, hints (memop_checks.c). */
void memop_checks(void);

/* Command and driver_exists, return-code conversions (command_checks.c). */
void command_checks(void);

/* Subscribe success and error paths (command_checks.c). */
void subscribe_checks(void);

/* Read-write, read-only and userspace-readable allow (allow_checks.c). */
void allow_checks(void);

/* Yield no-wait, wait and wait-for (yield_checks.c). */
void yield_checks(void);

/* Register preservation across syscalls (regcheck.c). */
void regcheck_run(void);

/* Invalid yield variant (returns) and invalid exit variant (NOSUPPORT); a kernel that
 * faults instead ends the transcript here (yield_checks.c). */
void invalid_variant_checks(void);
