/* SPDX-License-Identifier: Apache-2.0 */
/* Read-only introspection of processes, and capability-checked control.
 *
 * What capsules (the process-info driver, a shell) may learn about
 * processes: identifiers, names, states and counters, as snapshots. Changing
 * a process's state needs the process-management capability, which only a
 * board can hand out.
 */
#pragma once

#include <stdbool.h>
#include <stdint.h>

#include "os/capability.h"
#include "os/err.h"
#include "os/syscall_driver.h"

/* A snapshot of one process slot. */
struct process_info {
    process_id_t id;                /* identifier of the current incarnation */
    uint32_t slot;                  /* process slot (index) */
    uint32_t short_id;              /* ShortId, 0 = locally unique */
    uint32_t state;                 /* 0 Running .. 5 Terminated (drivers.md 16) */
    uint32_t timeslice_expirations; /* counters since the last (re)start */
    uint32_t syscalls;
    uint32_t restarts; /* restarts since boot */
    uint32_t upcalls_dropped;
    uint32_t priority;        /* fixed priority: TBF value or slot */
    uint32_t sched_level;     /* MLFQ level (0 under other policies) */
    uint32_t sched_throttles; /* EDF: budget used up */
    uint32_t sched_misses;    /* EDF: deadlines missed */
    const char *name;         /* package name (not NUL-terminated), in flash */
    uint32_t name_len;
};

/* Management actions (process-info command 6 numbering). */
enum process_info_action {
    PROCESS_INFO_RESUME = 1,    /* Stopped -> the state it was stopped in */
    PROCESS_INFO_STOP = 2,      /* suspend a live process (tasks keep queuing) */
    PROCESS_INFO_FAULT = 3,     /* fault it as if it had faulted (policy applies) */
    PROCESS_INFO_TERMINATE = 4, /* end it; it can be booted again */
    PROCESS_INFO_BOOT = 5,      /* start a Terminated process afresh */
};

/* Number of occupied process slots. Main loop. */
uint32_t process_info_count(void);

/* The n-th occupied slot's snapshot into *out; false if n >= count. */
bool process_info_by_index(uint32_t n, struct process_info *out);

/* The snapshot of the process with identifier id (any state); false if no
 * occupied slot currently has that identifier. */
bool process_info_by_id(process_id_t id, struct process_info *out);

/* Apply action to process id. Main loop, never from inside that process's
 * own system call handling of the kernel.
 * @retval OS_OK        done.
 * @retval OS_EINVAL    no such process, or the action does not apply to its
 *                      state (e.g. boot of a live process, resume of one not
 *                      stopped), or an unknown action.
 * @retval OS_ENOSUPPORT cap is not the process-management capability. */
OS_MUST_CHECK os_err_t process_info_control(process_id_t id, uint32_t action,
                                            const struct cap_process_mgmt *cap);
