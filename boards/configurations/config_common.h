/* SPDX-License-Identifier: Apache-2.0 */
/* Shared ending of the single-purpose test kernels in this folder.
 *
 * A test kernel prints "TEST PASSED" or "TEST FAILED" and ends QEMU with
 * status 0 or 2 (a panic ends it with 1), so the harness can check both the
 * transcript and the exit status.
 */
#pragma once

#include <stdbool.h>

#include "os/board/platform.h"
#include "os/debug.h"

/* Test exit status when a check failed. */
#define CONFIG_TEST_FAILED_STATUS 2

/* Report the outcome and stop the machine. */
static inline OS_NORETURN void config_finish(bool passed)
{
    debug_printf("%s\n", passed ? "TEST PASSED" : "TEST FAILED");
    board_exit(passed ? 0 : CONFIG_TEST_FAILED_STATUS);
}
