/* SPDX-License-Identifier: Apache-2.0 */
/* The standard kernel with the multilevel feedback queue: 1, 2 and 4 ms
 * slices, a boost every 20 ms of process CPU time (the scheduler tests,
 * tests/qemu/sched_cases.py). */
#include "os/board/scheduler.h"

static struct sched_mlfq mlfq;

#define KERNEL_MAIN_TIMESLICE_US 1000u
#define MLFQ_BOOST_US 20000u
#define KERNEL_MAIN_SCHEDULER (&mlfq.base)
#define KERNEL_MAIN_SCHEDULER_INIT(mux)                                                            \
    ((void)(mux), sched_mlfq_init(&mlfq, KERNEL_MAIN_TIMESLICE_US, MLFQ_BOOST_US))
#include "boards/common/kernel_main.c"
