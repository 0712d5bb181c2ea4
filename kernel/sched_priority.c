/* SPDX-License-Identifier: Apache-2.0 */
/* Fixed-priority policy: the most urgent runnable process runs; equal
 * priorities round-robin (os/board/scheduler.h). */
#include "kernel/sched_common.h"

static bool has_priority(const struct process *p, const void *arg)
{
    return sched_priority_of(p) == *(const uint32_t *)arg;
}

/* The most urgent priority among runnable processes; false if none. */
static bool best_priority(struct kernel *k, uint32_t *best)
{
    bool any = false;

    for (uint32_t i = 0; i < sched_num_slots(k); i++) {
        struct process *p = sched_slot(k, i);

        if (sched_runnable(p) && (!any || sched_priority_of(p) < *best)) {
            *best = sched_priority_of(p);
            any = true;
        }
    }
    return any;
}

static struct sched_choice prio_next(struct scheduler *base, struct kernel *k)
{
    struct sched_priority *s = (struct sched_priority *)base;
    uint32_t left = s->resume.left_us;
    struct process *resume = sched_take_resume(&s->resume);
    uint32_t best = 0;

    if (!best_priority(k, &best)) {
        return (struct sched_choice){NULL, 0};
    }
    /* Interrupted by kernel work and still the most urgent: carry on. */
    if (resume != NULL && sched_priority_of(resume) == best) {
        return (struct sched_choice){resume, left};
    }
    if (resume != NULL) {
        resume->sched.slice_used_us = 0; /* overtaken: a fresh slice next time */
    }
    return (struct sched_choice){sched_next_in_order(k, &s->cursor, has_priority, &best),
                                 s->timeslice_us};
}

static void prio_stopped(struct scheduler *base, struct kernel *k, struct process *p,
                         enum sched_stop why, uint32_t used_us)
{
    struct sched_priority *s = (struct sched_priority *)base;

    (void)k;
    sched_note_stop(&s->resume, p, s->timeslice_us, why, used_us);
}

static const struct scheduler_ops prio_ops = {.next = prio_next, .stopped = prio_stopped};

void sched_priority_init(struct sched_priority *s, uint32_t timeslice_us)
{
    *s = (struct sched_priority){.base = {.ops = &prio_ops, .name = "fixed-priority"},
                                 .timeslice_us = timeslice_us};
}
