/* SPDX-License-Identifier: Apache-2.0 */
/* A minimal host unit-test framework: one line per case, PASS or FAIL. */
#pragma once

#include <stdbool.h>
#include <stddef.h>

/* One test case. */
struct unit_case {
    const char *name;
    void (*fn)(void);
};

#define UNIT_CASE(fn)                                                                              \
    {                                                                                              \
#fn, fn                                                                                    \
    }

/* Record a check; on failure the current case is marked failed and the
 * message printed. Returns cond. */
bool unit_check(bool cond, const char *what, const char *file, int line);

/* Run every case of suite; prints "PASS suite.case" or "FAIL suite.case".
 * Returns the process exit status (0 if all passed). */
int unit_run(const char *suite, const struct unit_case *cases, size_t n);

#define CHECK(cond) unit_check((cond), #cond, __FILE__, __LINE__)
#define CHECK_EQ(a, b) unit_check((a) == (b), #a " == " #b, __FILE__, __LINE__)
#define CHECK_STREQ(a, b) unit_check(unit_streq((a), (b)), #a " equals " #b, __FILE__, __LINE__)

/* strcmp()==0 that also prints both strings when they differ. */
bool unit_streq(const char *a, const char *b);
