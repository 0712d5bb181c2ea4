/* SPDX-License-Identifier: Apache-2.0 */
/* Round-robin scheduling of processes with a preemption timeslice.
 *
 * A process runs until it yields with nothing to deliver, exits, faults,
 * uses up its slice, or kernel work (an interrupt bottom half or deferred
 * call) becomes pending: the kernel always goes first. System calls that
 * return immediately go straight back to the same process, without reloading
 * its MPU configuration.
 */
#include "kernel/deferred_call_table.h"
#include "kernel/process_internal.h"
#include "os/platform/chip.h"
#include "os/platform/panic.h"
#include "os/platform/mpu.h"
#include "os/platform/sched_timer.h"
#include "os/platform/user_boundary.h"

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

/* Run p (Running) until it stops being runnable or must give way. */
static void run(struct kernel *k, struct process *p)
{
    sched_timer_start(k->res->timeslice_us);
    for (;;) {
        enum arch_switch_reason why;

        mpu_configure(&p->mpu);
        sched_timer_arm();
        why = arch_switch_to_user(&p->ctx);
        sched_timer_disarm();
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
        if (sched_timer_has_expired()) {
            p->stats.timeslice_expirations++;
            break;
        }
        if (why == ARCH_SWITCH_INTERRUPT || chip_has_pending_interrupts(k->chip) ||
            deferred_call_has_pending()) {
            break;
        }
    }
    sched_timer_reset();
}

bool scheduler_run_one(struct kernel *k)
{
    for (uint32_t i = 0; i < k->num_processes; i++) {
        uint32_t idx = (k->next_process + i) % k->num_processes;
        struct process *p = &k->processes[idx];

        if (p->in_use && make_ready(k, p)) {
            k->next_process = (idx + 1) % k->num_processes;
            run(k, p);
            return true;
        }
    }
    return false;
}

void kernel_setup_processes(struct kernel *k, struct process *processes, uint32_t num_processes,
                            const struct kernel_resources *res)
{
    OS_VERIFY(res != NULL && res->driver_lookup != NULL && res->timeslice_us != 0);
    OS_VERIFY(num_processes <= 255 && !k->processes_loaded);
    k->processes = processes;
    k->num_processes = num_processes;
    k->res = res;
    k->run_process = scheduler_run_one;
    process_info_attach(k);
    for (uint32_t i = 0; i < num_processes; i++) {
        processes[i] = (struct process){.index = (uint8_t)i, .state = PROCESS_TERMINATED};
    }
}
