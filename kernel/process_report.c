/* SPDX-License-Identifier: Apache-2.0 */
/* The readable dump of a process: registers, memory map, MPU, counters. */
#include "kernel/process_internal.h"
#include "os/platform/mpu.h"
#include "os/platform/panic.h"
#include "os/platform/user_boundary.h"

static void print_memory(const struct process *p)
{
    const struct process_image *im = &p->image;

    early_printf("    flash  0x%08lx-0x%08lx (binary at 0x%08lx, entry 0x%08lx)\n",
                 (unsigned long)im->flash_start, (unsigned long)im->flash_end,
                 (unsigned long)im->app_start, (unsigned long)im->entry);
    early_printf("    RAM    0x%08lx-0x%08lx (%lu bytes)\n", (unsigned long)p->mem_start,
                 (unsigned long)p->mem_end, (unsigned long)(p->mem_end - p->mem_start));
    early_printf("    break  0x%08lx (accessible to 0x%08lx), grants from 0x%08lx (%lu bytes)\n",
                 (unsigned long)p->app_break, (unsigned long)mpu_accessible_end(&p->mpu),
                 (unsigned long)p->kernel_break, (unsigned long)(p->kernel_top - p->kernel_break));
    if (p->stack_hint != 0) {
        early_printf("    stack  top 0x%08lx, sp 0x%08lx%s\n", (unsigned long)p->stack_hint,
                     (unsigned long)arch_user_stack_pointer(&p->ctx),
                     arch_user_stack_pointer(&p->ctx) < p->mem_start ? " EXCEEDED!" : "");
    }
}

void process_print_report(const struct kernel *k, const struct process *p)
{
    (void)k;
    early_printf("    process id %lu, slot %u, state %s, %u tasks queued\n", (unsigned long)p->id,
                 p->index, process_state_name(p->state), p->task_count);
    early_printf("    syscalls %lu (last class %lu), upcalls %lu, dropped %lu, restarts %lu\n",
                 (unsigned long)p->stats.syscalls, (unsigned long)p->stats.last_syscall,
                 (unsigned long)p->stats.upcalls_delivered, (unsigned long)p->stats.upcalls_dropped,
                 (unsigned long)p->stats.restarts);
    print_memory(p);
    arch_user_print_state(&p->ctx);
    mpu_print_config(&p->mpu);
}
