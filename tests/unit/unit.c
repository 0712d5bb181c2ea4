/* SPDX-License-Identifier: Apache-2.0 */
/* The host unit-test framework's runner. */
#include "unit.h"

#include <stdio.h>
#include <string.h>

static bool case_failed;

bool unit_check(bool cond, const char *what, const char *file, int line)
{
    if (!cond) {
        case_failed = true;
        printf("    check failed: %s (%s:%d)\n", what, file, line);
    }
    return cond;
}

bool unit_streq(const char *a, const char *b)
{
    if (a != NULL && b != NULL && strcmp(a, b) == 0) {
        return true;
    }
    printf("    got:      \"%s\"\n    expected: \"%s\"\n", a ? a : "(null)", b ? b : "(null)");
    return false;
}

int unit_run(const char *suite, const struct unit_case *cases, size_t n)
{
    int failures = 0;

    for (size_t i = 0; i < n; i++) {
        case_failed = false;
        cases[i].fn();
        printf("%s %s.%s\n", case_failed ? "FAIL" : "PASS", suite, cases[i].name);
        fflush(stdout);
        failures += case_failed ? 1 : 0;
    }
    return failures == 0 ? 0 : 1;
}
