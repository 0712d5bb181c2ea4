/* SPDX-License-Identifier: Apache-2.0 */
/* Test transcript helpers: one line per check, a summary line at the end.
 *
 * Line formats (what a harness asserts on):
 *   "<name>: ok"                 check passed, nothing to show
 *   "<name>: <label> ok"         check passed; label is the expected result (INVAL, 0 ...)
 *   "<name>: FAIL <detail>"      check failed
 *   "<name>: skipped (<why>)"    not run (not counted)
 *   "<suite>: <n> passed, <m> failed"   from check_finish()
 */
#pragma once

#include <stdbool.h>
#include <stdint.h>

#include "libos/syscall.h"
#include "os/abi/errorcode.h"

/* Start a suite: reset the counters. */
void check_begin(const char *suite);

/* Record one check: prints "<name>: <label> ok" (label may be NULL) or
 * "<name>: FAIL " followed by the printf-style detail. Returns ok. */
__attribute__((format(printf, 4, 5))) bool check(const char *name, const char *label, bool ok,
                                                 const char *detail, ...);

/* Record a check that passed by reaching this point (e.g. a trap that must not fault):
 * prints "<name>: <label> ok" (label may be NULL). */
void check_pass(const char *name, const char *label);

/* A failure return with variant and error code; for variant 2 also the passed values
 * (data[1], data[2]) that the kernel must hand back. Label: the error name. */
bool check_failure(const char *name, struct syscall_return ret, uint32_t variant, os_err_t error,
                   uint32_t passed0, uint32_t passed1);

/* Exactly this success variant, and for variant 129/130 the values given (pass
 * CHECK_ANY to skip one). */
bool check_success(const char *name, struct syscall_return ret, uint32_t variant, uint32_t value0,
                   uint32_t value1);

/* Print "<name>: skipped (<why>)". */
void check_skip(const char *name, const char *why);

/* Print the summary line; returns 0 if nothing failed, else 1 (the exit code). */
int check_finish(void);

/* Number of failures so far. */
uint32_t check_failures(void);

#define CHECK_ANY 0xFFFFFFFFu /* wildcard for check_success()/check_failure() values */

/* Error name for printing ("INVAL"). */
const char *check_error_name(uint32_t error);
