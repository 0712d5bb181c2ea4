/* SPDX-License-Identifier: Apache-2.0 */
/* Wiring for the low-level debug capsule. */
#pragma once

#include "capsules/core/low_level_debug.h"
#include "os/board/kernel.h"

/* Declare, at file scope in a board, the capsule's storage. */
#define LOW_LEVEL_DEBUG_COMPONENT_STORAGE(name) static struct low_level_debug name

/* Create its grant and initialise it. Boot time, before processes load. */
struct low_level_debug *low_level_debug_component_finalize(struct low_level_debug *lld,
                                                           struct kernel *kernel,
                                                           const struct cap_memory_alloc *cap);
