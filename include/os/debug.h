/* SPDX-License-Identifier: Apache-2.0 */
/* Kernel debug output: printf-style, buffered, drained asynchronously.
 *
 * debug_printf() formats into a ring buffer and returns at once; the debug
 * writer sends the ring over the console UART through the UART HIL. When the
 * ring is full a message is dropped whole and counted, never blocking the
 * kernel; the writer then reports "[debug: N messages dropped]" as soon as it
 * has room.
 */
#pragma once

#include <stddef.h>
#include <stdint.h>

#include "os/compiler.h"

/* Queue a formatted message (same conversions as early_printf()).
 * Main-loop context. Returns the message length, or 0 if it was dropped. */
OS_PRINTF(1, 2) size_t debug_printf(const char *fmt, ...);

/* Statistics of the debug writer. */
struct debug_stats {
    uint32_t queued_bytes;     /* bytes accepted into the ring, total */
    uint32_t dropped_messages; /* messages dropped because the ring was full */
    uint32_t dropped_bytes;    /* bytes of those messages */
};

/* Copy the writer's counters into *stats. Any context. */
void debug_get_stats(struct debug_stats *stats);
