/* SPDX-License-Identifier: Apache-2.0 */
/* The standard kernel with fixed-priority scheduling, 2 ms slices among
 * equal priorities (the scheduler tests, tests/qemu/sched_cases.py). */
#include "os/board/scheduler.h"

static struct sched_priority prio;

#define KERNEL_MAIN_TIMESLICE_US 2000u
#define KERNEL_MAIN_SCHEDULER (&prio.base)
#define KERNEL_MAIN_SCHEDULER_INIT(mux)                                                            \
    ((void)(mux), sched_priority_init(&prio, KERNEL_MAIN_TIMESLICE_US))
#include "boards/common/kernel_main.c"
