/* SPDX-License-Identifier: Apache-2.0 */
/* Helpers shared by the scheduling policies (kernel/sched_*.c). */
#pragma once

#include <stdbool.h>
#include <stdint.h>

#include "os/board/kernel.h"
#include "os/board/process.h"
#include "os/board/scheduler.h"

/* A filter on candidate processes; arg is the caller's. */
typedef bool (*sched_accept_fn)(const struct process *p, const void *arg);

/* The first runnable process in slot order starting at slot *cursor that
 * accept (NULL: any) takes; *cursor moves to the slot after it. NULL, with
 * *cursor unchanged, when there is none. */
struct process *sched_next_in_order(struct kernel *k, uint32_t *cursor, sched_accept_fn accept,
                                    const void *arg);

/* Add used_us to what p used of its current slice of slice_us and return
 * what is left (0: used up). */
uint32_t sched_slice_left(struct process *p, uint32_t slice_us, uint32_t used_us);

/* Book-keeping after p stopped for why, having used used_us of a slice of
 * slice_us: preempted by kernel work with time left, it goes into *r to
 * continue with the rest; otherwise its next slice starts afresh. */
void sched_note_stop(struct sched_resume *r, struct process *p, uint32_t slice_us,
                     enum sched_stop why, uint32_t used_us);

/* The process in *r if it can still run (clearing *r either way); a process
 * passed over loses the rest of its slice. */
struct process *sched_take_resume(struct sched_resume *r);

/* p's fixed priority: the TBF value, or its slot index without one. */
static inline uint32_t sched_priority_of(const struct process *p)
{
    return p->image.has_priority ? p->image.priority : p->index;
}
