/* SPDX-License-Identifier: Apache-2.0 */
/* Identity checks of capability pointers (kernel-private). */
#pragma once

#include <stdbool.h>

#include "os/capability.h"

/* True only for the one genuine instance handed out to boards. */
bool capability_is_memory_alloc(const struct cap_memory_alloc *cap);
bool capability_is_process_mgmt(const struct cap_process_mgmt *cap);
bool capability_is_main_loop(const struct cap_main_loop *cap);
