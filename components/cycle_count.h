/* SPDX-License-Identifier: Apache-2.0 */
/* Wiring for the cycle-count capsule (benchmark kernels only). */
#pragma once

#include "capsules/core/cycle_count.h"
#include "os/board/kernel.h"

/* Declare, at file scope in a board, the capsule's storage. */
#define CYCLE_COUNT_COMPONENT_STORAGE(name) static struct cycle_count name

/* Create the capsule's grant (driver 0x90008: one upcall, five RO and five
 * RW allow slots) and initialise cc over the hardware alarm (see
 * cycle_count_init()). Boot time, before the alarm's other users are wired
 * (they take cycle_count_alarm(cc)) and before processes load. Returns cc. */
struct cycle_count *cycle_count_component_finalize(struct cycle_count *cc, struct kernel *kernel,
                                                   const struct cap_memory_alloc *cap,
                                                   struct hil_alarm *alarm,
                                                   cycle_count_read_fn read,
                                                   cycle_count_stat_fn mpu_writes);
