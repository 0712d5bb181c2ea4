/* SPDX-License-Identifier: Apache-2.0 */
/* Process introspection and management for capsules (os/process_info.h). */
#include "os/process_info.h"

#include "kernel/capability_check.h"
#include "kernel/process_internal.h"
#include "kernel/sched_common.h"

/* The kernel whose processes these functions describe (one per image). */
static struct kernel *info_kernel;

void process_info_attach(struct kernel *k)
{
    info_kernel = k;
}

static void snapshot(const struct process *p, struct process_info *out)
{
    *out = (struct process_info){
        .id = p->id,
        .slot = p->index,
        .short_id = 0,
        .state = (uint32_t)p->state,
        .timeslice_expirations = p->stats.timeslice_expirations,
        .syscalls = p->stats.syscalls,
        .restarts = p->stats.restarts,
        .upcalls_dropped = p->stats.upcalls_dropped,
        .priority = sched_priority_of(p),
        .sched_level = p->sched.level,
        .sched_throttles = p->stats.sched_throttles,
        .sched_misses = p->stats.sched_misses,
        .name = p->image.name,
        .name_len = p->image.name_len,
    };
}

uint32_t process_info_count(void)
{
    uint32_t n = 0;

    for (uint32_t i = 0; info_kernel != NULL && i < info_kernel->num_processes; i++) {
        n += info_kernel->processes[i].in_use ? 1 : 0;
    }
    return n;
}

bool process_info_by_index(uint32_t n, struct process_info *out)
{
    for (uint32_t i = 0; info_kernel != NULL && i < info_kernel->num_processes; i++) {
        const struct process *p = &info_kernel->processes[i];

        if (p->in_use && n-- == 0) {
            snapshot(p, out);
            return true;
        }
    }
    return false;
}

struct kernel *process_info_kernel_ref(void)
{
    return info_kernel;
}

struct process *process_info_find(process_id_t id)
{
    for (uint32_t i = 0; info_kernel != NULL && i < info_kernel->num_processes; i++) {
        struct process *p = &info_kernel->processes[i];

        if (p->in_use && p->id == id && id != 0) {
            return p;
        }
    }
    return NULL;
}

bool process_info_by_id(process_id_t id, struct process_info *out)
{
    const struct process *p = process_info_find(id);

    if (p != NULL) {
        snapshot(p, out);
    }
    return p != NULL;
}

/* Carry out action on p; false if it does not apply to p's state. */
static bool apply(struct kernel *k, struct process *p, uint32_t action)
{
    bool alive = process_is_alive(p);

    switch (action) {
    case PROCESS_INFO_RESUME:
        if (p->state != PROCESS_STOPPED) {
            return false;
        }
        p->state = p->resume_state;
        return true;
    case PROCESS_INFO_STOP:
        if (!alive || p->state == PROCESS_STOPPED) {
            return false;
        }
        p->resume_state = p->state;
        p->state = PROCESS_STOPPED;
        return true;
    case PROCESS_INFO_FAULT:
        if (alive) {
            process_fault(k, p, "faulted by the process-management interface");
        }
        return alive;
    case PROCESS_INFO_TERMINATE:
        if (p->state != PROCESS_TERMINATED) {
            process_terminate(k, p, false, 0);
        }
        return true;
    case PROCESS_INFO_BOOT:
        if (p->state != PROCESS_TERMINATED && p->state != PROCESS_FAULTED) {
            return false;
        }
        p->stats.restarts++;
        process_start(k, p);
        return true;
    default:
        return false;
    }
}

os_err_t process_info_control(process_id_t id, uint32_t action, const struct cap_process_mgmt *cap)
{
    struct process *p = process_info_find(id);

    if (!capability_is_process_mgmt(cap)) {
        return OS_ENOSUPPORT;
    }
    if (p == NULL || !apply(info_kernel, p, action)) {
        return OS_EINVAL;
    }
    return OS_OK;
}
