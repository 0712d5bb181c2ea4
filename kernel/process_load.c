/* SPDX-License-Identifier: Apache-2.0 */
/* Creating processes from the TBF objects in application flash.
 *
 * This is Tock's synchronous loader (shared/spec/tbf.md 6): objects are
 * walked in flash order, and each valid, enabled app becomes a process as
 * soon as it is found, while slots and RAM last. Anything unusable is
 * reported on the debug console with the reason and skipped; the walk never
 * trusts a length (kernel/tbf*.c).
 */
#include "kernel/capability_check.h"
#include "kernel/process_internal.h"
#include "kernel/tbf_walk.h"
#include "os/debug.h"
#include "os/platform/panic.h"

/* Name of an object for messages: its package name, or "?". */
static void name_of(const struct tbf_header *h, const char **s, int *len)
{
    *s = h->package_name != NULL ? (const char *)h->package_name : "?";
    *len = h->package_name != NULL ? (int)h->package_name_len : 1;
}

static void fill_image(struct process_image *im, const struct tbf_object *obj)
{
    const struct tbf_header *h = &obj->header;
    int len;

    im->flash_start = obj->address;
    im->flash_end = obj->address + h->total_size;
    im->app_start = obj->address + tbf_protected_size(h);
    im->entry = obj->address + tbf_entry_offset(h);
    im->min_ram = h->minimum_ram_size;
    im->fixed_ram = h->fixed_ram;
    im->wfr = h->wfr != NULL ? (uint32_t)(uintptr_t)h->wfr : 0;
    im->wfr_count = h->wfr_count;
    name_of(h, &im->name, &len);
    im->name_len = (uint32_t)len;
    im->has_priority = h->has_scheduling && h->sched_priority != TBF_PRIORITY_NONE;
    im->priority = im->has_priority ? (uint8_t)h->sched_priority : 0;
    im->period_us = h->sched_period_us;
    im->budget_us = h->sched_budget_us;
}

/* Place p's RAM block at or above *pool; false (reported) if impossible. */
static bool place_ram(struct kernel *k, struct process *p, uint32_t *pool, uint32_t ram_end)
{
    uint32_t initial = arch_initial_stack_bytes();
    uint32_t kernel_bytes = process_kernel_fixed_bytes(k->num_grants);
    uint32_t min_app = MAX(p->image.min_ram, initial);
    struct mpu_ram_block blk;

    if (mpu_allocate_ram(&p->mpu, *pool, ram_end, min_app, kernel_bytes, initial,
                         p->image.fixed_ram, &blk) != OS_OK) {
        debug_printf("process '%.*s' skipped: no room for %lu bytes of RAM%s in 0x%08lx-0x%08lx\n",
                     (int)p->image.name_len, p->image.name, (unsigned long)(min_app + kernel_bytes),
                     p->image.fixed_ram != 0xffffffffu ? " at its fixed address" : "",
                     (unsigned long)*pool, (unsigned long)ram_end);
        return false;
    }
    p->mem_start = blk.start;
    p->mem_end = blk.start + blk.size;
    *pool = p->mem_end;
    return true;
}

/* Turn an accepted object into the process in slot p. */
static bool create(struct kernel *k, struct process *p, const struct tbf_object *obj,
                   uint32_t *pool, uint32_t ram_end)
{
    fill_image(&p->image, obj);
    mpu_config_init(&p->mpu);
    if (mpu_set_flash_region(&p->mpu, p->image.flash_start,
                             p->image.flash_end - p->image.flash_start) != OS_OK) {
        debug_printf("process '%.*s' skipped: flash 0x%08lx-0x%08lx cannot be covered by the MPU\n",
                     (int)p->image.name_len, p->image.name, (unsigned long)p->image.flash_start,
                     (unsigned long)p->image.flash_end);
        return false;
    }
    if (!place_ram(k, p, pool, ram_end)) {
        return false;
    }
    /* SAFETY: the first arch_initial_stack_bytes() of the block, just
     * placed inside the board's process RAM pool. */
    for (uint32_t a = p->mem_start; a < p->mem_start + arch_initial_stack_bytes(); a += 4) {
        *(volatile uint32_t *)(uintptr_t)a = 0;
    }
    p->in_use = true;
    p->stats = (struct process_stats){0};
    process_start(k, p);
    debug_printf("process '%.*s': flash 0x%08lx-0x%08lx, RAM 0x%08lx-0x%08lx\n",
                 (int)p->image.name_len, p->image.name, (unsigned long)p->image.flash_start,
                 (unsigned long)p->image.flash_end, (unsigned long)p->mem_start,
                 (unsigned long)p->mem_end);
    return true;
}

static void report_skip(const struct tbf_object *obj)
{
    const char *s;
    int len;

    name_of(&obj->header, &s, &len);
    if (obj->result == TBF_DISABLED) {
        debug_printf("app '%.*s' at 0x%08lx is disabled; not started\n", len, s,
                     (unsigned long)obj->address);
    } else {
        debug_printf("app '%.*s' at 0x%08lx skipped: %s\n", len, s, (unsigned long)obj->address,
                     tbf_reason_str(obj->header.reason));
    }
}

uint32_t kernel_load_processes(struct kernel *k, uint32_t apps_start, uint32_t apps_end,
                               uint32_t ram_start, uint32_t ram_end,
                               const struct cap_process_mgmt *cap)
{
    struct tbf_walker w;
    struct tbf_object obj;
    uint32_t pool = ram_start;
    uint32_t slot = 0;

    if (!capability_is_process_mgmt(cap)) {
        OS_PANIC("kernel_load_processes: not the process-management capability");
    }
    k->processes_loaded = true;
    /* SAFETY: [apps_start, apps_end) is the board's application flash,
     * from its linker script; the walker reads only inside it. */
    tbf_walk_init(&w, (const uint8_t *)(uintptr_t)apps_start, apps_end - apps_start, apps_start,
                  KERNEL_VERSION_MAJOR, KERNEL_VERSION_MINOR);
    while (tbf_walk_next(&w, &obj) != TBF_END) {
        if (obj.result == TBF_PADDING) {
            continue;
        }
        if (obj.result != TBF_APP) {
            report_skip(&obj);
        } else if (slot >= k->num_processes) {
            debug_printf("app at 0x%08lx skipped: all %lu process slots are in use\n",
                         (unsigned long)obj.address, (unsigned long)k->num_processes);
        } else if (create(k, &k->processes[slot], &obj, &pool, ram_end)) {
            slot++;
        }
    }
    if (obj.header.reason == TBF_REASON_PAST_END || obj.header.reason == TBF_REASON_BINARY_END) {
        debug_printf("app flash walk stopped at 0x%08lx: %s\n", (unsigned long)obj.address,
                     tbf_reason_str(obj.header.reason));
    }
    return slot;
}
