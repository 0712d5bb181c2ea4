/* SPDX-License-Identifier: Apache-2.0 */
/* The standard kernel with round-robin chosen explicitly and 2 ms slices
 * (the scheduler tests, tests/qemu/sched_cases.py). */
#include "os/board/scheduler.h"

static struct sched_rr rr;

#define KERNEL_MAIN_TIMESLICE_US 2000u
#define KERNEL_MAIN_SCHEDULER (&rr.base)
#define KERNEL_MAIN_SCHEDULER_INIT(mux) ((void)(mux), sched_rr_init(&rr, KERNEL_MAIN_TIMESLICE_US))
#include "boards/common/kernel_main.c"
