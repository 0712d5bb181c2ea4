/* SPDX-License-Identifier: Apache-2.0 */
/* Round-robin policy: equal slices in slot order; kernel work is not
 * charged to the process it interrupts (os/board/scheduler.h). */
#include "kernel/sched_common.h"

static struct sched_choice rr_next(struct scheduler *base, struct kernel *k)
{
    struct sched_rr *s = (struct sched_rr *)base;
    uint32_t left = s->resume.left_us;
    struct process *p = sched_take_resume(&s->resume);

    if (p != NULL) {
        return (struct sched_choice){p, left};
    }
    p = sched_next_in_order(k, &s->cursor, NULL, NULL);
    return (struct sched_choice){p, s->timeslice_us};
}

static void rr_stopped(struct scheduler *base, struct kernel *k, struct process *p,
                       enum sched_stop why, uint32_t used_us)
{
    struct sched_rr *s = (struct sched_rr *)base;

    (void)k;
    sched_note_stop(&s->resume, p, s->timeslice_us, why, used_us);
}

static const struct scheduler_ops rr_ops = {.next = rr_next, .stopped = rr_stopped};

void sched_rr_init(struct sched_rr *s, uint32_t timeslice_us)
{
    *s = (struct sched_rr){.base = {.ops = &rr_ops, .name = "round-robin"},
                           .timeslice_us = timeslice_us};
}
