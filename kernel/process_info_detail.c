/* SPDX-License-Identifier: Apache-2.0 */
/* Process and kernel detail for the process console (os/process_info.h). */
#include "kernel/process_internal.h"
#include "kernel/profile.h"
#include "os/debug.h"
#include "os/platform/mpu.h"
#include "os/platform/user_boundary.h"
#include "os/process_info.h"

/* Grants p has allocated. */
static uint32_t grants_used(const struct kernel *k, const struct process *p)
{
    uint32_t n = 0;

    if (!process_is_alive(p)) {
        return 0; /* their memory went with the process */
    }
    for (uint32_t i = 0; i < k->num_grants; i++) {
        n += grant_base(p, &k->grants[i]) != NULL ? 1 : 0;
    }
    return n;
}

bool process_info_detail(process_id_t id, struct process_info_detail *out)
{
    const struct process *p = process_info_find(id);
    const struct kernel *k = process_info_kernel_ref();

    if (p == NULL) {
        return false;
    }
    const struct process_stats *st = &p->stats;

    *out = (struct process_info_detail){
        .resume_state = (uint32_t)p->resume_state,
        .wait_driver = p->wait_driver,
        .wait_subscribe = p->wait_subscribe,
        .tasks_queued = p->task_count,
        .upcalls_delivered = st->upcalls_delivered,
        .faults = st->faults,
        .last_syscall = st->last_syscall,
        .last_syscall_args = {st->last_syscall_args[0], st->last_syscall_args[1]},
        .cpu_ticks = st->cpu_ticks,
        .lowest_sp = st->lowest_sp,
        .grants_used = grants_used(k, p),
        .grants_total = k->num_grants,
        .grant_bytes = p->kernel_top - p->kernel_break,
        .has_completion_code = p->has_completion_code,
        .completion_code = p->completion_code,
        .flash_start = p->image.flash_start,
        .flash_end = p->image.flash_end,
        .app_start = p->image.app_start,
        .entry = p->image.entry,
        .mem_start = p->mem_start,
        .mem_end = p->mem_end,
        .app_break = p->app_break,
        .kernel_break = p->kernel_break,
        .accessible_end = mpu_accessible_end(&p->mpu),
        .stack_hint = p->stack_hint,
        .heap_hint = p->heap_hint,
    };
    for (unsigned c = 0; c < 8; c++) {
        out->syscalls_by_class[c] = st->syscalls_by_class[c];
    }
#if OS_PROFILING
    if (k->current == p) {
        /* Asked from inside its own system call: add the run so far. */
        out->cpu_ticks += kernel_clock_now((struct kernel *)k) - k->accounted;
    }
#endif
    return true;
}

uint32_t process_info_registers(process_id_t id, struct process_info_reg *out, uint32_t max)
{
    const struct process *p = process_info_find(id);
    struct arch_user_reg regs[40];
    uint32_t n;

    if (p == NULL) {
        return 0;
    }
    n = arch_user_registers(&p->ctx, regs, max < 40 ? max : 40);
    for (uint32_t i = 0; i < n; i++) {
        out[i] = (struct process_info_reg){regs[i].name, regs[i].value};
    }
    return n;
}

uint32_t process_info_regions(process_id_t id, struct process_info_region *out, uint32_t max)
{
    const struct process *p = process_info_find(id);
    struct mpu_region_info r[8];
    uint32_t n;

    if (p == NULL) {
        return 0;
    }
    n = mpu_regions(&p->mpu, r, max < 8 ? max : 8);
    for (uint32_t i = 0; i < n; i++) {
        out[i] = (struct process_info_region){
            .start = r[i].start,
            .end = r[i].end,
            .enabled = r[i].enabled,
            .access = {r[i].read ? 'r' : '-', r[i].write ? 'w' : '-', r[i].execute ? 'x' : '-',
                       '\0'},
        };
    }
    return n;
}

void process_info_kernel(struct process_info_kernel *out)
{
    struct kernel *k = process_info_kernel_ref();
    const char *board;
    const struct kernel_memory_map *m = kernel_banner_map(&board);
    struct debug_stats ds;
    uint64_t uptime = 0;
    uint32_t hz = 0;

    debug_get_stats(&ds);
    *out = (struct process_info_kernel){
        .version_major = KERNEL_VERSION_MAJOR,
        .version_minor = KERNEL_VERSION_MINOR,
        .release = kernel_release,
        .board = board,
        .scheduler = k != NULL && k->scheduler != NULL ? k->scheduler->name : "none",
        .text_start = (uint32_t)m->text_start,
        .text_end = (uint32_t)m->text_end,
        .data_start = (uint32_t)m->data_start,
        .data_end = (uint32_t)m->data_end,
        .bss_start = (uint32_t)m->bss_start,
        .bss_end = (uint32_t)m->bss_end,
        .stack_start = (uint32_t)m->stack_start,
        .stack_end = (uint32_t)m->stack_end,
        .app_flash_start = (uint32_t)m->app_flash_start,
        .app_flash_end = (uint32_t)m->app_flash_end,
        .app_ram_start = (uint32_t)m->app_ram_start,
        .app_ram_end = (uint32_t)m->app_ram_end,
        .debug_dropped = ds.dropped_messages,
        .profiling = OS_PROFILING != 0,
    };
    if (k == NULL) {
        return;
    }
    /* Up to now: the time since the last accounting point is the kernel's
     * (this very call runs in the main loop). */
    (void)kernel_uptime(k, &uptime, &hz);
#if OS_PROFILING
    PROFILE_ACCOUNT(k, &k->stats.kernel_ticks);
    uptime = k->accounted; /* exactly the sum of the buckets */
#endif
    out->clock_hz = hz;
    out->uptime_ticks = uptime;
    out->idle_ticks = k->stats.idle_ticks;
    out->kernel_ticks = k->stats.kernel_ticks;
    out->process_ticks = k->stats.process_ticks;
    out->interrupt_services = k->stats.interrupt_services;
    out->deferred_calls_run = k->stats.deferred_calls_run;
    out->sleeps = k->stats.sleeps;
}
