/* SPDX-License-Identifier: Apache-2.0 */
/* Low-level debug capsule (driver 8): one-line diagnostics from processes.
 * Boards allocate struct low_level_debug; only low_level_debug.c reads it. */
#pragma once

#include "os/capsule.h"

/* Per-process state, in each process's grant. */
struct low_level_debug_app {
    uint32_t dropped; /* lines lost because the debug writer was full */
};

struct low_level_debug {
    struct syscall_driver driver; /* reached through the board's driver lookup */
    struct grant *apps;           /* struct low_level_debug_app per process */
};

/* The grant geometry: no upcalls, no allows (subscribe/allow: NOSUPPORT). */
#define LOW_LEVEL_DEBUG_GRANT_UPCALLS 0
#define LOW_LEVEL_DEBUG_GRANT_RO 0
#define LOW_LEVEL_DEBUG_GRANT_RW 0

/* Initialise lld with its grant. Output goes to the kernel debug writer.
 * Boot time. */
void low_level_debug_init(struct low_level_debug *lld, struct grant *apps);
