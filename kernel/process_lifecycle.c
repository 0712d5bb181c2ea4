/* SPDX-License-Identifier: Apache-2.0 */
/* Process lifecycle: start, terminate, restart, and the fault policies. */
#include <string.h>

#include "kernel/process_internal.h"
#include "os/board/debug_writer.h"
#include "os/debug.h"
#include "os/platform/panic.h"

bool process_is_alive(const struct process *p)
{
    return p->in_use && p->state != PROCESS_FAULTED && p->state != PROCESS_TERMINATED;
}

struct process *process_find(struct kernel *k, process_id_t id)
{
    for (uint32_t i = 0; i < k->num_processes; i++) {
        struct process *p = &k->processes[i];

        if (p->id == id && id != 0 && process_is_alive(p)) {
            return p;
        }
    }
    return NULL;
}

const char *process_state_name(enum process_state s)
{
    switch (s) {
    case PROCESS_RUNNING:
        return "Running";
    case PROCESS_YIELDED:
        return "Yielded";
    case PROCESS_YIELDED_FOR:
        return "YieldedFor";
    case PROCESS_STOPPED:
        return "Stopped";
    case PROCESS_FAULTED:
        return "Faulted";
    case PROCESS_TERMINATED:
        return "Terminated";
    }
    return "?";
}

void process_start(struct kernel *k, struct process *p)
{
    uint32_t restarts = p->stats.restarts;
    uint32_t faults = p->stats.faults;
    struct process_task start;

    p->id = k->next_id++;
    p->stats =
        (struct process_stats){.restarts = restarts, .faults = faults, .lowest_sp = UINT32_MAX};
    p->sched = (struct process_sched){0};
    p->stack_hint = 0;
    p->heap_hint = 0;
    process_reset_memory(p, k->num_grants);
    arch_user_init(&p->ctx, p->app_break);
    start = (struct process_task){
        .kind = PROCESS_TASK_FUNCTION_CALL,
        .driver_num = PROCESS_TASK_KERNEL,
        .fn = p->image.entry,
        .args = {p->image.app_start, p->mem_start, p->mem_end - p->mem_start, p->app_break},
    };
    (void)process_task_push(p, &start);
    p->state = PROCESS_YIELDED;
}

void process_terminate(struct kernel *k, struct process *p, bool has_code, uint32_t code)
{
    process_task_clear(p);
    /* Free every grant: forget the table; the memory is reclaimed when the
     * process starts again (process_reset_memory). */
    memset(p->grant_ptrs, 0, k->num_grants * sizeof(uint32_t));
    p->kernel_break = p->kernel_top;
    p->has_completion_code = has_code;
    p->completion_code = code;
    p->state = PROCESS_TERMINATED;
}

void process_restart(struct kernel *k, struct process *p)
{
    process_terminate(k, p, p->has_completion_code, p->completion_code);
    p->stats.restarts++;
    process_start(k, p);
}

/* Whether the policy restarts p now. */
static bool policy_restarts(const struct kernel *k, const struct process *p)
{
    switch (k->res->fault_policy) {
    case KERNEL_FAULT_RESTART:
        return true;
    case KERNEL_FAULT_RESTART_LIMITED:
        return p->stats.restarts < k->res->max_restarts;
    case KERNEL_FAULT_STOP:
    case KERNEL_FAULT_PANIC:
        break;
    }
    return false;
}

void process_fault(struct kernel *k, struct process *p, const char *why)
{
    bool restart = policy_restarts(k, p);

    p->stats.faults++;
    /* The report is printed synchronously so none of it can be dropped; the
     * debug writer's queue goes first to keep output in order. */
    debug_flush_sync();
    early_printf("\n*** process '%.*s' faulted: %s\n", (int)p->image.name_len, p->image.name, why);
    process_print_report(k, p);
    if (k->res->fault_policy == KERNEL_FAULT_PANIC) {
        OS_PANIC("process '%.*s' faulted (fault policy: panic)", (int)p->image.name_len,
                 p->image.name);
    }
    if (restart) {
        early_printf("*** restarting '%.*s' (restart %lu)\n", (int)p->image.name_len, p->image.name,
                     (unsigned long)p->stats.restarts + 1);
        process_terminate(k, p, false, 0);
        p->stats.restarts++;
        process_start(k, p);
    } else {
        early_printf("*** '%.*s' stopped after %lu restarts\n", (int)p->image.name_len,
                     p->image.name, (unsigned long)p->stats.restarts);
        process_terminate(k, p, false, 0);
        p->state = PROCESS_FAULTED;
    }
}
