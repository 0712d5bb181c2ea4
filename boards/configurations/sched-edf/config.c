/* SPDX-License-Identifier: Apache-2.0 */
/* The standard kernel with earliest-deadline-first scheduling of periodic
 * apps, on a virtual alarm of its own; apps without a period run
 * round-robin with 2 ms slices (the scheduler tests,
 * tests/qemu/sched_cases.py). */
#include "capsules/core/virtualizers/alarm_mux.h"
#include "os/board/scheduler.h"

static struct sched_edf edf;
static struct alarm_mux_device edf_alarm;

#define KERNEL_MAIN_TIMESLICE_US 2000u
#define KERNEL_MAIN_SCHEDULER (&edf.base)
#define KERNEL_MAIN_SCHEDULER_INIT(mux)                                                            \
    (alarm_mux_device_init(&edf_alarm, (mux)),                                                     \
     sched_edf_init(&edf, &edf_alarm.alarm, KERNEL_MAIN_TIMESLICE_US))
#include "boards/common/kernel_main.c"
