/* SPDX-License-Identifier: Apache-2.0 */
/* Process-info capsule (driver 0x10002): list and inspect processes.
 * Boards allocate struct process_info_driver; only process_info_driver.c
 * reads its fields. The userspace ABI is at the top of the .c. */
#pragma once

#include "os/capability.h"
#include "os/capsule.h"

struct process_info_driver {
    struct syscall_driver driver;           /* reached through the board's lookup */
    struct grant *apps;                     /* RW allow 0 per process */
    const struct cap_process_mgmt *control; /* NULL: read-only (command 6 refused) */
};

/* The grant geometry: no upcalls, no RO allow, one RW allow (slot 0). */
#define PROCESS_INFO_GRANT_UPCALLS 0
#define PROCESS_INFO_GRANT_RO 0
#define PROCESS_INFO_GRANT_RW 1

/* Initialise d. With control NULL the driver only reads; a board that
 * passes its process-management capability also allows command 6.
 * Boot time. */
void process_info_driver_init(struct process_info_driver *d, struct grant *apps,
                              const struct cap_process_mgmt *control);
