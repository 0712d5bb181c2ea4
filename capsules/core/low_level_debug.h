/* SPDX-License-Identifier: Apache-2.0 */
/* Low-level debug capsule (driver 8): one-line diagnostics from processes.
 * Boards allocate struct low_level_debug; only low_level_debug.c reads it. */
#pragma once

#include "os/capsule.h"

struct low_level_debug {
    struct syscall_driver driver; /* reached through the board's driver lookup */
};

/* Initialise lld. Output goes to the kernel debug writer. Boot time. */
void low_level_debug_init(struct low_level_debug *lld);
