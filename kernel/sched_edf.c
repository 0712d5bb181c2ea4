/* SPDX-License-Identifier: Apache-2.0 */
/* Earliest-deadline-first for periodic apps with CPU budgets; the others
 * run round-robin in the background (os/board/scheduler.h). */
#include "kernel/sched_common.h"
#include "os/hil/time.h"

#define US_PER_SECOND 1000000u

static uint32_t to_ticks(const struct sched_edf *s, uint32_t us)
{
    return (uint32_t)((uint64_t)us * s->hz / US_PER_SECOND);
}

/* Whether tick t has come at now (wrap-safe for spans below 2^31). */
static bool reached(uint32_t now, uint32_t t)
{
    return (int32_t)(now - t) >= 0;
}

static bool periodic(const struct process *p)
{
    return p->image.period_us != 0;
}

static bool background(const struct process *p, const void *arg)
{
    (void)arg;
    return !periodic(p);
}

/* Apply every release of p up to now: a fresh budget and deadline. A job
 * still runnable when the next one is released missed its deadline. */
static void release(struct sched_edf *s, struct process *p, uint32_t now)
{
    uint32_t period = to_ticks(s, p->image.period_us);

    if (!p->sched.released) {
        if (!sched_runnable(p)) {
            return;
        }
        p->sched.released = true;
        p->sched.next_release = now;
    }
    if (!reached(now, p->sched.next_release)) {
        return;
    }
    if (p->sched.job_open && sched_runnable(p)) {
        p->stats.sched_misses++;
    }
    /* Skip whole periods spent asleep: the release is the latest one due. */
    uint32_t late = now - p->sched.next_release;

    p->sched.next_release += (late / period) * period;
    p->sched.deadline = p->sched.next_release + period;
    p->sched.next_release = p->sched.deadline;
    p->sched.budget_left_us = p->image.budget_us;
    p->sched.job_open = true;
}

/* The released periodic process with budget and the earliest deadline;
 * also arms the wake-up for the next release of a runnable one. */
static struct process *earliest(struct sched_edf *s, struct kernel *k, uint32_t now)
{
    struct process *best = NULL;
    uint32_t wake = 0;
    bool need_wake = false;

    for (uint32_t i = 0; i < sched_num_slots(k); i++) {
        struct process *p = sched_slot(k, i);

        if (!p->in_use || !periodic(p)) {
            continue;
        }
        release(s, p, now);
        if (!sched_runnable(p)) {
            continue;
        }
        if (!need_wake || (int32_t)(p->sched.next_release - wake) < 0) {
            wake = p->sched.next_release;
            need_wake = true;
        }
        if (p->sched.budget_left_us != 0 &&
            (best == NULL || (int32_t)(p->sched.deadline - best->sched.deadline) < 0)) {
            best = p;
        }
    }
    if (need_wake) {
        hil_alarm_set(s->alarm, now, wake - now);
    }
    return best;
}

static struct sched_choice edf_next(struct scheduler *base, struct kernel *k)
{
    struct sched_edf *s = (struct sched_edf *)base;
    uint32_t left = s->resume.left_us;
    struct process *resume = sched_take_resume(&s->resume);
    struct process *p = earliest(s, k, hil_alarm_now(s->alarm));

    if (p != NULL) {
        if (resume != NULL) {
            resume->sched.slice_used_us = 0; /* overtaken: a fresh slice next time */
        }
        return (struct sched_choice){p, p->sched.budget_left_us};
    }
    if (resume != NULL) {
        return (struct sched_choice){resume, left};
    }
    p = sched_next_in_order(k, &s->cursor, background, NULL);
    return (struct sched_choice){p, p != NULL ? s->timeslice_us : 0};
}

static void edf_stopped(struct scheduler *base, struct kernel *k, struct process *p,
                        enum sched_stop why, uint32_t used_us)
{
    struct sched_edf *s = (struct sched_edf *)base;

    (void)k;
    if (!periodic(p)) {
        sched_note_stop(&s->resume, p, s->timeslice_us, why, used_us);
        return;
    }
    if (why == SCHED_STOP_BLOCKED) {
        p->sched.job_open = false; /* this period's job is done */
    }
    bool had_budget = p->sched.budget_left_us != 0;

    p->sched.budget_left_us = why == SCHED_STOP_EXPIRED || used_us >= p->sched.budget_left_us
                                  ? 0
                                  : p->sched.budget_left_us - used_us;
    if (had_budget && p->sched.budget_left_us == 0 && why != SCHED_STOP_BLOCKED) {
        p->stats.sched_throttles++;
    }
}

static void wake_fired(struct hil_alarm_client *self)
{
    (void)self; /* the interrupt alone brings the main loop back to next() */
}

static struct hil_alarm_client wake_client = {.alarm_fired = wake_fired};

static const struct scheduler_ops edf_ops = {
    .next = edf_next, .stopped = edf_stopped, .used_after_block = true};

void sched_edf_init(struct sched_edf *s, struct hil_alarm *alarm, uint32_t timeslice_us)
{
    *s = (struct sched_edf){.base = {.ops = &edf_ops, .name = "edf"},
                            .alarm = alarm,
                            .timeslice_us = timeslice_us,
                            .hz = hil_alarm_frequency(alarm)};
    hil_alarm_set_client(alarm, &wake_client);
}
