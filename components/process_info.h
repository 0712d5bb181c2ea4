/* SPDX-License-Identifier: Apache-2.0 */
/* Wiring for the process-info capsule. */
#pragma once

#include "capsules/core/process_info_driver.h"
#include "os/board/kernel.h"

/* Declare, at file scope in a board, the capsule's storage. */
#define PROCESS_INFO_COMPONENT_STORAGE(name) static struct process_info_driver name

/* Create its grant and initialise it; control (may be NULL) lets apps stop,
 * start and terminate processes. Boot time, before processes load. */
struct process_info_driver *process_info_component_finalize(struct process_info_driver *d,
                                                            struct kernel *kernel,
                                                            const struct cap_memory_alloc *cap,
                                                            const struct cap_process_mgmt *control);
