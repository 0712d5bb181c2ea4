/* SPDX-License-Identifier: Apache-2.0 */
/* Scheduling mechanism: runs the process the board's policy chooses.
 *
 * The policy (os/board/scheduler.h) picks a process and a slice. The
 * process runs until it yields with nothing to deliver, exits, faults, uses
 * up its slice, or kernel work (an interrupt bottom half or deferred call)
 * becomes pending: the kernel always goes first. System calls that return
 * immediately go straight back to the same process, without reloading its
 * MPU configuration.
 */
#include "kernel/deferred_call_table.h"
#include "kernel/process_internal.h"
#include "kernel/profile.h"
#include "kernel/sched_common.h"
#include "os/platform/chip.h"
#include "os/platform/panic.h"
#include "os/platform/mpu.h"
#include "os/platform/sched_timer.h"
#include "os/platform/user_boundary.h"
#include "os/board/scheduler.h"

/* Deliver the next task if p is waiting for one; true if p can run now. */
static bool make_ready(struct kernel *k, struct process *p)
{
    struct process_task t;

    switch (p->state) {
    case PROCESS_RUNNING:
        return true;
    case PROCESS_YIELDED: {
        if (!process_task_next_call(p, &t)) {
            return false;
        }
        struct arch_upcall u = {.fn = t.fn, .args = {t.args[0], t.args[1], t.args[2], t.args[3]}};
        if (arch_user_set_upcall(&p->ctx, &u, p->mem_start, p->app_break) != OS_OK) {
            process_fault(k, p, "stack pointer outside its RAM at upcall delivery");
            return false;
        }
        p->stats.upcalls_delivered++;
        p->state = PROCESS_RUNNING;
        return true;
    }
    case PROCESS_YIELDED_FOR:
        if (!process_task_take_matching(p, p->wait_driver, p->wait_subscribe, &t)) {
            return false;
        }
        p->state = PROCESS_RUNNING;
        return syscall_set_return(k, p, t.args, 3);
    case PROCESS_STOPPED:
    case PROCESS_FAULTED:
    case PROCESS_TERMINATED:
        break;
    }
    return false;
}

/* Run p (Running) until it stops being runnable or must give way; the
 * policy learns why and how much of the slice it used. */
static void run(struct kernel *k, struct scheduler *s, struct process *p, uint32_t slice_us)
{
    enum sched_stop stop = SCHED_STOP_BLOCKED;

    PROFILE_ACCOUNT(k, &k->stats.kernel_ticks);
    k->current = p;
    /* The slice stays armed while the kernel serves p's system calls: an
     * expiry then only pends (the kernel runs with the timer's interrupt
     * masked on RISC-V; on Cortex-M the SysTick handler only latches it)
     * and is seen below. Time the kernel spends on p's behalf counts
     * against p's slice, as in Tock. sched_timer_reset() at the end of the
     * run stops it and its interrupt together. */
    if (slice_us != 0) {
        sched_timer_start(slice_us);
        sched_timer_arm();
    }
    for (;;) {
        enum arch_switch_reason why;

        mpu_configure(&p->mpu);
        why = arch_switch_to_user(&p->ctx);
        if (why == ARCH_SWITCH_FAULT) {
            process_fault(k, p, arch_user_fault_description(&p->ctx));
            break;
        }
        if (why == ARCH_SWITCH_SYSCALL) {
            syscall_handle(k, p);
        }
        if (p->state != PROCESS_RUNNING) {
            break;
        }
        bool work = why == ARCH_SWITCH_INTERRUPT || chip_has_pending_interrupts(k->chip) ||
                    deferred_call_has_pending();

        /* After a system call with no kernel work waiting, the expiry is
         * not checked here: an expired armed slice stops the next entry
         * (Cortex-M: the entry check in the SVC handler; RISC-V: the
         * pending timer interrupt traps at once), which comes back as an
         * interrupt and is classified then. */
        if (work && slice_us != 0 && sched_timer_has_expired()) {
            p->stats.timeslice_expirations++;
            stop = SCHED_STOP_EXPIRED;
            break;
        }
        if (work) {
            stop = SCHED_STOP_PREEMPTED;
            break;
        }
    }
    uint32_t used_us = 0;

    PROFILE_PROCESS_RAN(k, p);
    k->current = NULL;

    if (slice_us != 0) {
        if (stop == SCHED_STOP_EXPIRED) {
            used_us = slice_us;
        } else if (stop == SCHED_STOP_PREEMPTED || s->ops->used_after_block) {
            uint32_t left = sched_timer_get_remaining_us();

            used_us = left < slice_us ? slice_us - left : 0;
        }
        sched_timer_reset();
    }
    s->ops->stopped(s, k, p, stop, used_us);
}

bool scheduler_run_one(struct kernel *k)
{
    struct scheduler *s = k->scheduler;

    /* make_ready() can still fail on a process the policy found runnable
     * (its stack pointer is bad at upcall delivery: it is faulted), so
     * retry, at most once per slot. */
    for (uint32_t tries = 0; tries <= k->num_processes; tries++) {
        struct sched_choice c = s->ops->next(s, k);

        if (c.process == NULL) {
            return false;
        }
        if (make_ready(k, c.process)) {
            run(k, s, c.process, c.timeslice_us);
            return true;
        }
        s->ops->stopped(s, k, c.process, SCHED_STOP_BLOCKED, 0);
    }
    return false;
}

bool sched_runnable(const struct process *p)
{
    if (!p->in_use) {
        return false;
    }
    switch (p->state) {
    case PROCESS_RUNNING:
        return true;
    case PROCESS_YIELDED:
        return process_task_has_call(p);
    case PROCESS_YIELDED_FOR:
        return process_task_has_matching(p, p->wait_driver, p->wait_subscribe);
    default:
        return false;
    }
}

uint32_t sched_num_slots(const struct kernel *k)
{
    return k->num_processes;
}

struct process *sched_slot(struct kernel *k, uint32_t i)
{
    return &k->processes[i];
}

const struct scheduler *kernel_scheduler(const struct kernel *k)
{
    return k->scheduler;
}

void kernel_setup_processes(struct kernel *k, struct process *processes, uint32_t num_processes,
                            const struct kernel_resources *res)
{
    OS_VERIFY(res != NULL && res->driver_lookup != NULL && res->timeslice_us != 0);
    OS_VERIFY(num_processes <= 255 && !k->processes_loaded);
    k->processes = processes;
    k->num_processes = num_processes;
    k->res = res;
    k->scheduler = res->scheduler;
    if (k->scheduler == NULL) {
        sched_rr_init(&k->default_rr, res->timeslice_us);
        k->scheduler = &k->default_rr.base;
    }
    k->run_process = scheduler_run_one;
    process_info_attach(k);
    for (uint32_t i = 0; i < num_processes; i++) {
        processes[i] = (struct process){.index = (uint8_t)i, .state = PROCESS_TERMINATED};
    }
}

struct process *sched_next_in_order(struct kernel *k, uint32_t *cursor, sched_accept_fn accept,
                                    const void *arg)
{
    uint32_t n = k->num_processes;

    for (uint32_t i = 0; i < n; i++) {
        uint32_t idx = (*cursor + i) % n;
        struct process *p = &k->processes[idx];

        if (sched_runnable(p) && (accept == NULL || accept(p, arg))) {
            *cursor = (idx + 1) % n;
            return p;
        }
    }
    return NULL;
}

uint32_t sched_slice_left(struct process *p, uint32_t slice_us, uint32_t used_us)
{
    p->sched.slice_used_us += used_us;
    return p->sched.slice_used_us < slice_us ? slice_us - p->sched.slice_used_us : 0;
}

void sched_note_stop(struct sched_resume *r, struct process *p, uint32_t slice_us,
                     enum sched_stop why, uint32_t used_us)
{
    uint32_t left = sched_slice_left(p, slice_us, used_us);

    if (why == SCHED_STOP_PREEMPTED && left != 0) {
        *r = (struct sched_resume){p, left};
        return;
    }
    p->sched.slice_used_us = 0;
}

struct process *sched_take_resume(struct sched_resume *r)
{
    struct process *p = r->process;

    r->process = NULL;
    if (p != NULL && !sched_runnable(p)) {
        p->sched.slice_used_us = 0;
        return NULL;
    }
    return p;
}
