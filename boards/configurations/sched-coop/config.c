/* SPDX-License-Identifier: Apache-2.0 */
/* The standard kernel with the cooperative scheduler: no preemption (the
 * scheduler tests, tests/qemu/sched_cases.py). The slice is only reported. */
#include "os/board/scheduler.h"

static struct sched_coop coop;

#define KERNEL_MAIN_TIMESLICE_US 2000u
#define KERNEL_MAIN_SCHEDULER (&coop.base)
#define KERNEL_MAIN_SCHEDULER_INIT(mux) ((void)(mux), sched_coop_init(&coop))
#include "boards/common/kernel_main.c"
