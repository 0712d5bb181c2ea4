/* SPDX-License-Identifier: Apache-2.0 */
/* Capability accessors: only boards have this header on their include path. */
#pragma once

#include "os/capability.h"

/* The one memory-allocation capability. */
const struct cap_memory_alloc *board_cap_memory_alloc(void);
/* The one process-management capability. */
const struct cap_process_mgmt *board_cap_process_mgmt(void);
/* The one main-loop capability. */
const struct cap_main_loop *board_cap_main_loop(void);
