/* SPDX-License-Identifier: Apache-2.0 */
/* Multilevel feedback queue: demotion on a used-up slice, periodic boost
 * (os/board/scheduler.h). */
#include "kernel/sched_common.h"

static uint32_t slice_of(const struct sched_mlfq *s, const struct process *p)
{
    return s->timeslice_us << p->sched.level;
}

static bool at_level(const struct process *p, const void *arg)
{
    return p->sched.level == *(const uint8_t *)arg;
}

static struct sched_choice mlfq_next(struct scheduler *base, struct kernel *k)
{
    struct sched_mlfq *s = (struct sched_mlfq *)base;
    uint32_t left = s->resume.left_us;
    struct process *resume = sched_take_resume(&s->resume);
    uint8_t best = SCHED_MLFQ_LEVELS;

    for (uint32_t i = 0; i < sched_num_slots(k); i++) {
        struct process *p = sched_slot(k, i);

        if (sched_runnable(p) && p->sched.level < best) {
            best = p->sched.level;
        }
    }
    if (best == SCHED_MLFQ_LEVELS) {
        return (struct sched_choice){NULL, 0};
    }
    if (resume != NULL && resume->sched.level == best) {
        return (struct sched_choice){resume, left};
    }
    if (resume != NULL) {
        resume->sched.slice_used_us = 0; /* overtaken: a fresh slice next time */
    }
    struct process *p = sched_next_in_order(k, &s->cursor[best], at_level, &best);

    return (struct sched_choice){p, slice_of(s, p)};
}

/* Everyone back to the top queue. */
static void boost(struct sched_mlfq *s, struct kernel *k)
{
    for (uint32_t i = 0; i < sched_num_slots(k); i++) {
        struct process *p = sched_slot(k, i);

        p->sched.level = 0;
        p->sched.slice_used_us = 0;
    }
    if (s->resume.process != NULL) {
        s->resume.left_us = s->timeslice_us; /* a fresh level-0 slice */
    }
    s->since_boost_us = 0;
    s->boosts++;
}

static void mlfq_stopped(struct scheduler *base, struct kernel *k, struct process *p,
                         enum sched_stop why, uint32_t used_us)
{
    struct sched_mlfq *s = (struct sched_mlfq *)base;
    uint32_t left = sched_slice_left(p, slice_of(s, p), used_us);

    if (why == SCHED_STOP_EXPIRED || (why == SCHED_STOP_PREEMPTED && left == 0)) {
        if (p->sched.level + 1 < SCHED_MLFQ_LEVELS) {
            p->sched.level++;
        }
        p->sched.slice_used_us = 0;
    } else if (why == SCHED_STOP_PREEMPTED) {
        s->resume = (struct sched_resume){p, left};
    } else {
        p->sched.slice_used_us = 0; /* gave the CPU up early: keeps its level */
    }
    s->since_boost_us += used_us;
    if (s->since_boost_us >= s->boost_us) {
        boost(s, k);
    }
}

static const struct scheduler_ops mlfq_ops = {
    .next = mlfq_next, .stopped = mlfq_stopped, .used_after_block = true};

void sched_mlfq_init(struct sched_mlfq *s, uint32_t timeslice_us, uint32_t boost_us)
{
    *s = (struct sched_mlfq){.base = {.ops = &mlfq_ops, .name = "mlfq"},
                             .timeslice_us = timeslice_us,
                             .boost_us = boost_us};
}
