/* SPDX-License-Identifier: Apache-2.0 */
/* Scheduler policies: the interface and the policies a board can pick.
 *
 * The kernel core owns the mechanism (kernel/scheduler.c): it asks the
 * policy which process to run and for how long, makes that process ready
 * (delivering a queued upcall or Yield-WaitFor result), runs it under the
 * scheduler timer and reports back why it stopped and how much of its slice
 * it used. The main loop always services interrupt bottom halves and
 * deferred calls before it asks the policy, under every policy, and sleeps
 * when the policy has nothing to run.
 *
 * A board allocates one policy object, initialises it with its *_init()
 * function and puts &obj.base into kernel_resources.scheduler (NULL there
 * means round-robin with kernel_resources.timeslice_us). Adding a policy is
 * one kernel/sched_<name>.c plus its block below. Doc: doc/scheduling.md.
 *
 * Context: every call below is made from the main loop, never from an
 * interrupt; policies keep their state in their own object and in
 * struct process_sched, and never allocate.
 */
#pragma once

#include <stdbool.h>
#include <stdint.h>

struct kernel;
struct process;
struct hil_alarm;

/* Why a process stopped running. */
enum sched_stop {
    SCHED_STOP_BLOCKED,   /* yielded with nothing to deliver, exited, faulted or was stopped */
    SCHED_STOP_EXPIRED,   /* its timeslice ran out */
    SCHED_STOP_PREEMPTED, /* kernel work (an interrupt, a deferred call) needed the CPU */
};

/* A policy's decision: run process for at most timeslice_us microseconds
 * (0: no preemption; only kernel work interrupts it). process NULL: nothing
 * to run, the kernel sleeps until an interrupt. */
struct sched_choice {
    struct process *process;
    uint32_t timeslice_us;
};

struct scheduler;

/* A policy's operations (a const table in flash). */
struct scheduler_ops {
    /* Choose the next process among the runnable ones (sched_runnable()).
     * Called with no kernel work pending. The process returned must be
     * runnable. */
    struct sched_choice (*next)(struct scheduler *s, struct kernel *k);
    /* p, returned by the last next(), stopped for why after running for
     * used_us microseconds of its slice (0 when it ran without a slice). */
    void (*stopped)(struct scheduler *s, struct kernel *k, struct process *p, enum sched_stop why,
                    uint32_t used_us);
    /* false: used_us is only needed after SCHED_STOP_PREEMPTED (it is 0 after
     * a block then), which saves reading the timer on most switches. */
    bool used_after_block;
};

/* Base object of every policy. */
struct scheduler {
    const struct scheduler_ops *ops;
    const char *name; /* "round-robin", ... (banner, shell) */
};

/* Whether p could run now: Running, or Yielded with an upcall queued, or
 * Yielded-For with the awaited upcall queued. Does not change p. */
bool sched_runnable(const struct process *p);

/* Number of process slots of k, and slot i (in_use tells if it is loaded). */
uint32_t sched_num_slots(const struct kernel *k);
struct process *sched_slot(struct kernel *k, uint32_t i);

/* The scheduler k uses (its board's choice, or the built-in round-robin). */
const struct scheduler *kernel_scheduler(const struct kernel *k);

/* A process stopped by kernel work with part of its slice left. */
struct sched_resume {
    struct process *process; /* NULL: none */
    uint32_t left_us;        /* the rest of its slice */
};

/* ---- round-robin (kernel/sched_rr.c) ------------------------------------
 * Each runnable process in slot order gets timeslice_us. A process stopped
 * by kernel work keeps its place and the rest of its slice: time spent in
 * interrupt bottom halves and deferred calls is not charged to it. */
struct sched_rr {
    struct scheduler base;
    uint32_t timeslice_us;
    uint32_t cursor;            /* slot to consider first */
    struct sched_resume resume; /* preempted by kernel work: continues first */
};
void sched_rr_init(struct sched_rr *s, uint32_t timeslice_us);

/* ---- cooperative (kernel/sched_coop.c) ----------------------------------
 * Round-robin without preemption: a process runs until it blocks (yields
 * with nothing to deliver, exits, faults). Kernel work still runs in
 * between, after which the same process continues. */
struct sched_coop {
    struct scheduler base;
    uint32_t cursor;
    struct process *current; /* runs until it blocks */
};
void sched_coop_init(struct sched_coop *s);

/* ---- fixed priority (kernel/sched_priority.c) ---------------------------
 * The runnable process with the numerically lowest priority runs: the
 * value from its Bulkhead scheduling TBF TLV, or its slot index without
 * one. Equal priorities share the CPU round-robin with timeslice_us slices;
 * lower priorities run only when no higher one is runnable (they starve by
 * design). After kernel work the choice is made again, so a process woken
 * by an interrupt preempts a lower-priority one at once. */
struct sched_priority {
    struct scheduler base;
    uint32_t timeslice_us;
    uint32_t cursor;            /* round-robin position among equals */
    struct sched_resume resume; /* preempted by kernel work */
};
void sched_priority_init(struct sched_priority *s, uint32_t timeslice_us);

/* ---- multilevel feedback queue (kernel/sched_mlfq.c) --------------------
 * SCHED_MLFQ_LEVELS queues; level n gives a slice of timeslice_us << n.
 * New and restarted processes start at level 0. Using a whole slice moves a
 * process one level down; blocking keeps its level. Every boost_us of CPU
 * time used by processes, all go back to level 0, so none starves. The
 * highest non-empty level runs, round-robin within it. */
#define SCHED_MLFQ_LEVELS 3
struct sched_mlfq {
    struct scheduler base;
    uint32_t timeslice_us;
    uint32_t boost_us;
    uint32_t since_boost_us;            /* CPU time used since the last boost */
    uint32_t cursor[SCHED_MLFQ_LEVELS]; /* round-robin position per level */
    struct sched_resume resume;         /* preempted by kernel work */
    uint32_t boosts;                    /* boosts so far (reports) */
};
void sched_mlfq_init(struct sched_mlfq *s, uint32_t timeslice_us, uint32_t boost_us);

/* ---- earliest deadline first (kernel/sched_edf.c) -----------------------
 * For periodic apps: an app whose scheduling TLV gives period_us and
 * budget_us is released every period (the first release when it is first
 * seen runnable), with a budget of budget_us CPU time and a deadline at the
 * end of the period. Among released processes with budget left, the one
 * with the earliest deadline runs, its slice limited to its budget. One
 * that uses up its budget is throttled until its next release (counted in
 * process_info sched_throttles); one still runnable at its next release has
 * missed a deadline (sched_misses). Apps without a period run round-robin
 * with timeslice_us slices when no periodic app is eligible. alarm (a
 * virtual alarm of its own) is the clock and wakes the kernel at the next
 * release of a throttled app. */
struct sched_edf {
    struct scheduler base;
    struct hil_alarm *alarm;
    uint32_t timeslice_us;
    uint32_t hz;                /* alarm frequency */
    uint32_t cursor;            /* background round-robin position */
    struct sched_resume resume; /* background process preempted by kernel work */
};
void sched_edf_init(struct sched_edf *s, struct hil_alarm *alarm, uint32_t timeslice_us);
