/* SPDX-License-Identifier: Apache-2.0 */
/* A process's RAM block: bounds checks, the break, kernel-owned memory.
 *
 * Layout (shared/spec/process.md 4.1): the process owns
 * [mem_start, app_break); grants grow down from kernel_top to kernel_break;
 * [kernel_top, mem_end) holds the grant table and the task ring. The MPU may
 * round the accessible end up (mpu_accessible_end()); kernel data never goes
 * below that rounded end.
 */
#include <string.h>

#include "kernel/process_internal.h"
#include "os/platform/panic.h"
#include "os/platform/user_boundary.h"

bool process_in_ram(const struct process *p, uint32_t addr, uint32_t len)
{
    /* Compare lengths, not end addresses, so no sum can wrap. */
    return addr >= p->mem_start && addr <= p->app_break && len <= p->app_break - addr;
}

bool process_in_flash(const struct process *p, uint32_t addr, uint32_t len)
{
    uint32_t start = p->image.app_start;
    uint32_t end = p->image.flash_end;

    return addr >= start && addr <= end && len <= end - addr;
}

os_err_t process_set_break(struct process *p, uint32_t new_break)
{
    uint32_t old = p->app_break;

    if (new_break < p->allow_high_water || new_break < p->mem_start || new_break >= p->mem_end ||
        new_break > p->kernel_break) {
        return OS_ENOMEM;
    }
    if (mpu_update_app_break(&p->mpu, new_break, p->kernel_break) != OS_OK) {
        return OS_ENOMEM;
    }
    if (new_break > old) {
        /* SAFETY: [old, new_break) lies inside this process's RAM block
         * (checked above), below kernel_break, so no kernel data is there. */
        memset((void *)(uintptr_t)old, 0, new_break - old);
    }
    p->app_break = new_break;
    return OS_OK;
}

void *process_alloc_kernel_memory(struct process *p, uint32_t size)
{
    uint32_t limit = mpu_accessible_end(&p->mpu);
    uint32_t rounded = (size + 7u) & ~7u;
    uint32_t new_break;

    /* kernel_break is always 8-aligned: kernel_top is, and so is every
     * allocation. */
    if (p->kernel_break < limit || rounded < size || rounded > p->kernel_break - limit) {
        return NULL;
    }
    new_break = p->kernel_break - rounded;
    p->kernel_break = new_break;
    /* SAFETY: [new_break, new_break + rounded) is inside the block, above
     * the rounded process-accessible end, so the process cannot reach it. */
    memset((void *)(uintptr_t)new_break, 0, rounded);
    return (void *)(uintptr_t)new_break;
}

uint32_t process_kernel_fixed_bytes(uint32_t num_grants)
{
    uint32_t table = (num_grants * (uint32_t)sizeof(uint32_t) + 7u) & ~7u;

    return table + PROCESS_TASK_SLOTS * (uint32_t)sizeof(struct process_task);
}

void process_reset_memory(struct process *p, uint32_t num_grants)
{
    uint32_t fixed = process_kernel_fixed_bytes(num_grants);
    uint32_t table = (num_grants * (uint32_t)sizeof(uint32_t) + 7u) & ~7u;

    p->kernel_top = p->mem_end - fixed;
    p->kernel_break = p->kernel_top;
    /* SAFETY: the fixed kernel-owned part [kernel_top, mem_end) was sized
     * for this at load time and lies inside the process's block. */
    p->grant_ptrs = (uint32_t *)(uintptr_t)p->kernel_top;
    p->tasks = (struct process_task *)(uintptr_t)(p->kernel_top + table);
    memset(p->grant_ptrs, 0, fixed);
    p->task_head = 0;
    p->task_count = 0;
    p->allow_high_water = p->mem_start;
    p->app_break = p->mem_start + arch_initial_stack_bytes();
    /* The placement guaranteed this initial window (mpu_allocate_ram). */
    OS_VERIFY(mpu_update_app_break(&p->mpu, p->app_break, p->kernel_break) == OS_OK);
}
