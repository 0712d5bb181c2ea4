/* SPDX-License-Identifier: Apache-2.0 */
/* The scheduling policies' decisions, driven by hand on the host.
 *
 * Each case builds four process slots, marks them runnable (Running) or
 * blocked (Yielded with nothing queued), and plays the kernel's part: ask
 * next(), then report stopped() with a reason and the time used.
 */
#include "fakes/fake_alarm.h"
#include "os/board/kernel.h"
#include "os/board/process.h"
#include "os/board/scheduler.h"
#include "unit.h"

#define SLOTS 4
#define SLICE 1000u

static struct kernel k;
static struct process procs[SLOTS];

/* Four loaded, runnable processes in slots 0..3. */
static void setup(void)
{
    k = (struct kernel){.processes = procs, .num_processes = SLOTS};
    for (unsigned i = 0; i < SLOTS; i++) {
        procs[i] = (struct process){.in_use = true, .index = (uint8_t)i, .state = PROCESS_RUNNING};
    }
}

static void block(unsigned i)
{
    procs[i].state = PROCESS_YIELDED;
}

static void wake(unsigned i)
{
    procs[i].state = PROCESS_RUNNING;
}

/* Ask s for a decision; check the process slot (-1: none) and slice. */
static bool expect(struct scheduler *s, int slot, uint32_t slice)
{
    struct sched_choice c = s->ops->next(s, &k);
    int got = c.process == NULL ? -1 : c.process->index;

    return CHECK_EQ(got, slot) && (slot < 0 || CHECK_EQ(c.timeslice_us, slice));
}

static void stopped(struct scheduler *s, unsigned i, enum sched_stop why, uint32_t used)
{
    s->ops->stopped(s, &k, &procs[i], why, used);
}

static void rr_cycles_and_skips_blocked(void)
{
    struct sched_rr rr;

    setup();
    sched_rr_init(&rr, SLICE);
    block(2);
    for (int round = 0; round < 2; round++) {
        const int order[] = {0, 1, 3};

        for (unsigned j = 0; j < 3; j++) {
            expect(&rr.base, order[j], SLICE);
            stopped(&rr.base, (unsigned)order[j], SCHED_STOP_EXPIRED, SLICE);
        }
    }
    for (unsigned i = 0; i < SLOTS; i++) {
        block(i);
    }
    expect(&rr.base, -1, 0);
}

static void rr_kernel_work_not_charged(void)
{
    struct sched_rr rr;

    setup();
    sched_rr_init(&rr, SLICE);
    expect(&rr.base, 0, SLICE);
    stopped(&rr.base, 0, SCHED_STOP_PREEMPTED, 300);
    expect(&rr.base, 0, SLICE - 300); /* keeps its place and the rest */
    stopped(&rr.base, 0, SCHED_STOP_PREEMPTED, 200);
    expect(&rr.base, 0, SLICE - 500);
    stopped(&rr.base, 0, SCHED_STOP_EXPIRED, SLICE - 500);
    expect(&rr.base, 1, SLICE); /* a fresh slice for the next one */
    stopped(&rr.base, 1, SCHED_STOP_PREEMPTED, 100);
    block(1); /* blocked meanwhile: its turn is over */
    expect(&rr.base, 2, SLICE);
    stopped(&rr.base, 2, SCHED_STOP_BLOCKED, 10);
    expect(&rr.base, 3, SLICE);
}

static void coop_runs_until_blocked(void)
{
    struct sched_coop coop;

    setup();
    sched_coop_init(&coop);
    expect(&coop.base, 0, 0); /* no slice: no preemption */
    stopped(&coop.base, 0, SCHED_STOP_PREEMPTED, 0);
    expect(&coop.base, 0, 0); /* kernel work does not end its turn */
    block(0);
    stopped(&coop.base, 0, SCHED_STOP_BLOCKED, 0);
    expect(&coop.base, 1, 0);
    stopped(&coop.base, 1, SCHED_STOP_BLOCKED, 0);
    wake(0);
    expect(&coop.base, 2, 0);
}

static void priority_by_slot_and_tbf(void)
{
    struct sched_priority prio;

    setup();
    sched_priority_init(&prio, SLICE);
    /* Without TLVs the slot is the priority: slot 0 always wins. */
    for (int i = 0; i < 3; i++) {
        expect(&prio.base, 0, SLICE);
        stopped(&prio.base, 0, SCHED_STOP_EXPIRED, SLICE);
    }
    /* TBF priorities: 1 and 2 share priority 1, 0 has 5, 3 keeps 3. */
    procs[0].image = (struct process_image){.has_priority = true, .priority = 5};
    procs[1].image = (struct process_image){.has_priority = true, .priority = 1};
    procs[2].image = (struct process_image){.has_priority = true, .priority = 1};
    for (int i = 0; i < 2; i++) {
        expect(&prio.base, 1, SLICE);
        stopped(&prio.base, 1, SCHED_STOP_EXPIRED, SLICE);
        expect(&prio.base, 2, SLICE);
        stopped(&prio.base, 2, SCHED_STOP_EXPIRED, SLICE);
    }
    block(1);
    block(2);
    expect(&prio.base, 3, SLICE); /* 3 before 5 */
    stopped(&prio.base, 3, SCHED_STOP_EXPIRED, SLICE);
    block(3);
    expect(&prio.base, 0, SLICE);
    stopped(&prio.base, 0, SCHED_STOP_PREEMPTED, 400);
    expect(&prio.base, 0, SLICE - 400); /* still the most urgent: continues */
    stopped(&prio.base, 0, SCHED_STOP_PREEMPTED, 100);
    wake(2); /* the interrupt woke a more urgent process: it goes first */
    expect(&prio.base, 2, SLICE);
    stopped(&prio.base, 2, SCHED_STOP_BLOCKED, 50);
    block(2);
    expect(&prio.base, 0, SLICE); /* a fresh slice after being overtaken */
}

static void mlfq_demotes_and_boosts(void)
{
    struct sched_mlfq mlfq;

    setup();
    block(2);
    block(3);
    sched_mlfq_init(&mlfq, SLICE, 18 * SLICE);
    expect(&mlfq.base, 0, SLICE);
    stopped(&mlfq.base, 0, SCHED_STOP_EXPIRED, SLICE);
    CHECK_EQ(procs[0].sched.level, 1);
    expect(&mlfq.base, 1, SLICE); /* level 0 first */
    stopped(&mlfq.base, 1, SCHED_STOP_BLOCKED, 100);
    CHECK_EQ(procs[1].sched.level, 0); /* blocking early keeps the level */
    expect(&mlfq.base, 1, SLICE);
    stopped(&mlfq.base, 1, SCHED_STOP_PREEMPTED, 600);
    expect(&mlfq.base, 1, SLICE - 600);
    stopped(&mlfq.base, 1, SCHED_STOP_EXPIRED, SLICE - 600);
    CHECK_EQ(procs[1].sched.level, 1); /* the whole slice, in two parts */
    expect(&mlfq.base, 0, 2 * SLICE);
    stopped(&mlfq.base, 0, SCHED_STOP_EXPIRED, 2 * SLICE);
    expect(&mlfq.base, 1, 2 * SLICE);
    stopped(&mlfq.base, 1, SCHED_STOP_EXPIRED, 2 * SLICE);
    CHECK_EQ(procs[0].sched.level, 2);
    CHECK_EQ(procs[1].sched.level, 2);
    wake(3); /* a new arrival at level 0 runs before both */
    expect(&mlfq.base, 3, SLICE);
    stopped(&mlfq.base, 3, SCHED_STOP_BLOCKED, 100);
    block(3);
    /* Level 2 is the floor: 4 slices each, round-robin. */
    expect(&mlfq.base, 0, 4 * SLICE);
    stopped(&mlfq.base, 0, SCHED_STOP_EXPIRED, 4 * SLICE);
    CHECK_EQ(procs[0].sched.level, 2);
    CHECK_EQ(mlfq.boosts, 0u);
    expect(&mlfq.base, 1, 4 * SLICE);
    stopped(&mlfq.base, 1, SCHED_STOP_EXPIRED, 4 * SLICE);
    expect(&mlfq.base, 0, 4 * SLICE);
    stopped(&mlfq.base, 0, SCHED_STOP_EXPIRED, 4 * SLICE); /* 18.2 slices used: boost */
    CHECK_EQ(mlfq.boosts, 1u);
    CHECK_EQ(procs[0].sched.level, 0);
    CHECK_EQ(procs[1].sched.level, 0);
    expect(&mlfq.base, 0, SLICE); /* back at the top, with level-0 slices */
}

/* EDF on a 1 MHz fake clock: ticks are microseconds. */
static struct fake_alarm clock;

static void periodic(unsigned i, uint32_t period, uint32_t budget)
{
    procs[i].image = (struct process_image){.period_us = period, .budget_us = budget};
}

static void edf_deadlines_budgets_and_misses(void)
{
    struct sched_edf edf;

    setup();
    fake_alarm_init(&clock, 1000000, 0);
    block(3);
    periodic(0, 1000, 300);
    periodic(1, 500, 100);
    sched_edf_init(&edf, &clock.alarm, SLICE);
    expect(&edf.base, 1, 100); /* deadline 500 before 1000; slice = budget */
    block(1);
    stopped(&edf.base, 1, SCHED_STOP_BLOCKED, 60);
    expect(&edf.base, 0, 300);
    stopped(&edf.base, 0, SCHED_STOP_EXPIRED, 300); /* used up: throttled */
    CHECK_EQ(procs[0].stats.sched_throttles, 1u);
    expect(&edf.base, 2, SLICE); /* the background app gets the rest */
    CHECK(clock.armed);          /* the kernel wakes at 0's next release */
    CHECK_EQ(clock.reference + clock.dt, 1000u);
    stopped(&edf.base, 2, SCHED_STOP_PREEMPTED, 200);
    fake_alarm_advance(&clock, 500);
    wake(1); /* its own alarm woke it for its next period */
    expect(&edf.base, 1, 100);
    stopped(&edf.base, 1, SCHED_STOP_EXPIRED, 100);
    CHECK_EQ(procs[1].stats.sched_throttles, 1u);
    expect(&edf.base, 2, SLICE); /* overtaken: a fresh background slice */
    stopped(&edf.base, 2, SCHED_STOP_EXPIRED, SLICE);
    fake_alarm_advance(&clock, 500);           /* t = 1000: both released again */
    expect(&edf.base, 1, 100);                 /* deadline 1500 before 2000 */
    CHECK_EQ(procs[0].stats.sched_misses, 1u); /* still runnable at its release */
    CHECK_EQ(procs[1].stats.sched_misses, 1u);
    CHECK_EQ(procs[1].sched.deadline, 1500u);
    CHECK_EQ(procs[0].sched.deadline, 2000u);
}

static void edf_sleeping_app_misses_nothing(void)
{
    struct sched_edf edf;

    setup();
    fake_alarm_init(&clock, 1000000, 0xfffffc00u); /* wraps during the test */
    block(1);
    block(2);
    block(3);
    periodic(0, 1000, 500);
    sched_edf_init(&edf, &clock.alarm, SLICE);
    expect(&edf.base, 0, 500);
    block(0);
    stopped(&edf.base, 0, SCHED_STOP_BLOCKED, 100);
    expect(&edf.base, -1, 0);
    fake_alarm_advance(&clock, 10500); /* asleep for ten periods */
    wake(0);
    expect(&edf.base, 0, 500);
    CHECK_EQ(procs[0].stats.sched_misses, 0u);
    CHECK_EQ(procs[0].sched.deadline, 0xfffffc00u + 11000u);
    stopped(&edf.base, 0, SCHED_STOP_PREEMPTED, 200);
    expect(&edf.base, 0, 300); /* preempted: the rest of the budget */
}

int main(void)
{
    static const struct unit_case cases[] = {
        UNIT_CASE(rr_cycles_and_skips_blocked),     UNIT_CASE(rr_kernel_work_not_charged),
        UNIT_CASE(coop_runs_until_blocked),         UNIT_CASE(priority_by_slot_and_tbf),
        UNIT_CASE(mlfq_demotes_and_boosts),         UNIT_CASE(edf_deadlines_budgets_and_misses),
        UNIT_CASE(edf_sleeping_app_misses_nothing),
    };

    return unit_run("sched", cases, sizeof(cases) / sizeof(cases[0]));
}
