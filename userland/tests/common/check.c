/* SPDX-License-Identifier: Apache-2.0 */
/* Test transcript helpers. */
#include "check.h"

#include <stdarg.h>
#include <stdio.h>

#include "libos/returncode.h"

/* Counters of the running suite. */
struct check_suite {
    const char *name; /* printed in the summary */
    uint32_t passed;  /* checks passed */
    uint32_t failed;  /* checks failed */
};

static struct check_suite suite;

void check_begin(const char *name)
{
    suite.name = name;
    suite.passed = 0;
    suite.failed = 0;
}

bool check(const char *name, const char *label, bool ok, const char *detail, ...)
{
    va_list args;

    if (ok) {
        suite.passed++;
        if (label != NULL) {
            printf("%s: %s ok\n", name, label);
        } else {
            printf("%s: ok\n", name);
        }
        return true;
    }
    suite.failed++;
    printf("%s: FAIL ", name);
    va_start(args, detail);
    vprintf(detail, args);
    va_end(args);
    printf("\n");
    return false;
}

void check_pass(const char *name, const char *label)
{
    (void)check(name, label, true, "%s", "");
}

const char *check_error_name(uint32_t error)
{
    return returncode_name(-(int)error);
}

static bool matches(uint32_t value, uint32_t want)
{
    return want == CHECK_ANY || value == want;
}

bool check_failure(const char *name, struct syscall_return ret, uint32_t variant, os_err_t error,
                   uint32_t passed0, uint32_t passed1)
{
    bool ok = ret.variant == variant && ret.data[0] == (uint32_t)error;

    if (variant == SYSCALL_RET_FAILURE_2U32) {
        ok = ok && matches(ret.data[1], passed0) && matches(ret.data[2], passed1);
    }
    return check(name, check_error_name(error), ok,
                 "(r0=%lu r1=%lu r2=0x%08lx r3=0x%08lx, expected variant %lu error %s)",
                 (unsigned long)ret.variant, (unsigned long)ret.data[0], (unsigned long)ret.data[1],
                 (unsigned long)ret.data[2], (unsigned long)variant, check_error_name(error));
}

bool check_success(const char *name, struct syscall_return ret, uint32_t variant, uint32_t value0,
                   uint32_t value1)
{
    bool ok = ret.variant == variant;

    if (variant == SYSCALL_RET_SUCCESS_U32 || variant == SYSCALL_RET_SUCCESS_2U32) {
        ok = ok && matches(ret.data[0], value0);
    }
    if (variant == SYSCALL_RET_SUCCESS_2U32) {
        ok = ok && matches(ret.data[1], value1);
    }
    return check(name, NULL, ok, "(r0=%lu r1=0x%08lx r2=0x%08lx r3=0x%08lx, expected variant %lu)",
                 (unsigned long)ret.variant, (unsigned long)ret.data[0], (unsigned long)ret.data[1],
                 (unsigned long)ret.data[2], (unsigned long)variant);
}

void check_skip(const char *name, const char *why)
{
    printf("%s: skipped (%s)\n", name, why);
}

uint32_t check_failures(void)
{
    return suite.failed;
}

int check_finish(void)
{
    printf("%s: %lu passed, %lu failed\n", suite.name, (unsigned long)suite.passed,
           (unsigned long)suite.failed);
    return suite.failed == 0 ? 0 : 1;
}
