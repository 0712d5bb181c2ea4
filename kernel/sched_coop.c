/* SPDX-License-Identifier: Apache-2.0 */
/* Cooperative policy: round-robin order, no preemption; a process runs
 * until it blocks (os/board/scheduler.h). */
#include "kernel/sched_common.h"

static struct sched_choice coop_next(struct scheduler *base, struct kernel *k)
{
    struct sched_coop *s = (struct sched_coop *)base;

    /* Kernel work stopped the current process, it did not give up the CPU. */
    if (s->current == NULL || !sched_runnable(s->current)) {
        s->current = sched_next_in_order(k, &s->cursor, NULL, NULL);
    }
    return (struct sched_choice){s->current, 0};
}

static void coop_stopped(struct scheduler *base, struct kernel *k, struct process *p,
                         enum sched_stop why, uint32_t used_us)
{
    struct sched_coop *s = (struct sched_coop *)base;

    (void)k;
    (void)used_us;
    if (why != SCHED_STOP_PREEMPTED && s->current == p) {
        s->current = NULL;
    }
}

static const struct scheduler_ops coop_ops = {.next = coop_next, .stopped = coop_stopped};

void sched_coop_init(struct sched_coop *s)
{
    *s = (struct sched_coop){.base = {.ops = &coop_ops, .name = "cooperative"}};
}
