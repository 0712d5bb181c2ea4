/* SPDX-License-Identifier: Apache-2.0 */
/* Grants: drivers' per-process state inside each process's RAM block.
 *
 * One allocation per (process, driver) holds, in order: the driver's upcall
 * slots {fn, userdata}, its read-only allow slots {ptr, len}, its read-write
 * allow slots {ptr, len}, then the driver's own state. Its address is kept
 * in the process's grant table, indexed by the grant's number.
 */
#include <string.h>

#include "kernel/capability_check.h"
#include "kernel/process_internal.h"
#include "os/grant.h"
#include "os/platform/panic.h"

/* The handle a driver gets while a grant is entered. */
struct grant_kernel {
    struct process *p;     /* the process */
    const struct grant *g; /* the grant */
    uint8_t *base;         /* start of its allocation */
};

static uint32_t slot_words(const struct grant *g)
{
    return 2u * ((uint32_t)g->num_upcalls + g->num_ro + g->num_rw);
}

static uint32_t allocation_size(const struct grant *g)
{
    return slot_words(g) * 4u + (((uint32_t)g->data_size + 7u) & ~7u);
}

struct grant *kernel_create_grant(struct kernel *k, uint32_t driver_num, uint32_t data_size,
                                  uint32_t num_upcalls, uint32_t num_ro, uint32_t num_rw,
                                  const struct cap_memory_alloc *cap)
{
    struct grant *g;

    if (!capability_is_memory_alloc(cap)) {
        OS_PANIC("kernel_create_grant: not the memory-allocation capability");
    }
    if (k->processes_loaded || k->num_grants >= KERNEL_MAX_GRANTS) {
        OS_PANIC("grant for driver 0x%lx: %s", (unsigned long)driver_num,
                 k->processes_loaded ? "created after processes were loaded"
                                     : "more than KERNEL_MAX_GRANTS grants");
    }
    if (grant_for_driver(k, driver_num) != NULL) {
        OS_PANIC("driver 0x%lx has two grants", (unsigned long)driver_num);
    }
    if (data_size > 0xffffu || num_upcalls > 0xffu || num_ro > 0xffu || num_rw > 0xffu) {
        OS_PANIC("grant for driver 0x%lx is too large", (unsigned long)driver_num);
    }
    g = &k->grants[k->num_grants];
    *g = (struct grant){.kernel = k,
                        .driver_num = driver_num,
                        .data_size = (uint16_t)data_size,
                        .num_upcalls = (uint8_t)num_upcalls,
                        .num_ro = (uint8_t)num_ro,
                        .num_rw = (uint8_t)num_rw,
                        .index = (uint8_t)k->num_grants};
    k->num_grants++;
    return g;
}

struct grant *grant_for_driver(struct kernel *k, uint32_t driver_num)
{
    for (uint32_t i = 0; i < k->num_grants; i++) {
        if (k->grants[i].driver_num == driver_num) {
            return &k->grants[i];
        }
    }
    return NULL;
}

uint8_t *grant_base(const struct process *p, const struct grant *g)
{
    /* SAFETY: the table entry is 0 or an address inside p's kernel-owned
     * area, written only by allocate() below. */
    return (uint8_t *)(uintptr_t)p->grant_ptrs[g->index];
}

static uint8_t *allocate(struct process *p, const struct grant *g)
{
    uint8_t *base = grant_base(p, g);

    if (base == NULL) {
        base = process_alloc_kernel_memory(p, allocation_size(g));
        if (base != NULL) {
            p->grant_ptrs[g->index] = (uint32_t)(uintptr_t)base;
        }
    }
    return base;
}

uint8_t *grant_ensure(struct kernel *k, struct process *p, struct grant *g)
{
    (void)k;
    return allocate(p, g);
}

uint32_t *grant_upcall_slot(const struct grant *g, uint8_t *base, uint32_t s)
{
    (void)g;
    /* SAFETY: base is an 8-aligned grant allocation; s < num_upcalls is
     * checked by every caller. */
    return (uint32_t *)(void *)base + 2u * s;
}

uint32_t *grant_allow_slot(const struct grant *g, uint8_t *base, bool rw, uint32_t s)
{
    uint32_t first = (uint32_t)g->num_upcalls + (rw ? g->num_ro : 0u);

    /* SAFETY: as above; s is below the slot count of the chosen set. */
    return (uint32_t *)(void *)base + 2u * (first + s);
}

os_err_t grant_enter(struct grant *g, process_id_t pid, grant_fn fn, void *ctx)
{
    struct process *p = process_find(g->kernel, pid);
    struct grant_kernel kg;

    if (p == NULL) {
        return OS_EINVAL;
    }
    kg.base = allocate(p, g);
    if (kg.base == NULL) {
        return OS_ENOMEM;
    }
    kg.p = p;
    kg.g = g;
    fn(kg.base + slot_words(g) * 4u, &kg, ctx);
    return OS_OK;
}

void grant_each(struct grant *g, grant_fn fn, void *ctx)
{
    struct kernel *k = g->kernel;

    for (uint32_t i = 0; i < k->num_processes; i++) {
        struct process *p = &k->processes[i];
        struct grant_kernel kg = {.p = p, .g = g, .base = NULL};

        if (!process_is_alive(p) || (kg.base = grant_base(p, g)) == NULL) {
            continue;
        }
        fn(kg.base + slot_words(g) * 4u, &kg, ctx);
    }
}

process_id_t grant_process_id(const struct grant_kernel *kg)
{
    return kg->p->id;
}

os_err_t grant_schedule_upcall(struct grant_kernel *kg, uint32_t subscribe_num, uint32_t a0,
                               uint32_t a1, uint32_t a2)
{
    const uint32_t *slot;
    struct process_task t;

    if (subscribe_num >= kg->g->num_upcalls) {
        return OS_EINVAL;
    }
    if (!process_is_alive(kg->p)) {
        return OS_EOFF;
    }
    slot = grant_upcall_slot(kg->g, kg->base, subscribe_num);
    t = (struct process_task){
        .kind = slot[0] != 0 ? PROCESS_TASK_FUNCTION_CALL : PROCESS_TASK_RETURN_VALUE,
        .driver_num = kg->g->driver_num,
        .subscribe_num = subscribe_num,
        .fn = slot[0],
        .args = {a0, a1, a2, slot[1]},
    };
    return process_task_push(kg->p, &t);
}

/* The (ptr, len) of an allow slot, re-validated against the process. */
static bool buffer(const struct grant_kernel *kg, bool rw, uint32_t num, uint32_t *ptr,
                   uint32_t *len)
{
    const uint32_t *slot;

    if (num >= (rw ? kg->g->num_rw : kg->g->num_ro)) {
        return false;
    }
    slot = grant_allow_slot(kg->g, kg->base, rw, num);
    *ptr = slot[0];
    *len = slot[1];
    if (*len == 0) {
        return false;
    }
    return process_in_ram(kg->p, *ptr, *len) || (!rw && process_in_flash(kg->p, *ptr, *len));
}

/* The part of allow slot num that [offset, offset + want) covers: its first
 * byte in *at and its length (0 without a valid buffer or past its end). */
static size_t window(const struct grant_kernel *kg, bool rw, uint32_t num, size_t offset,
                     size_t want, uint8_t **at)
{
    uint32_t ptr;
    uint32_t len;

    if (!buffer(kg, rw, num, &ptr, &len) || offset >= len) {
        return 0;
    }
    /* SAFETY: [ptr, ptr + len) was validated against the process's own RAM
     * (or, read-only, its flash) just now, and offset < len. */
    *at = (uint8_t *)(uintptr_t)ptr + offset;
    return MIN(want, len - offset);
}

size_t process_buffer_ro_len(const struct grant_kernel *kg, uint32_t num)
{
    uint32_t ptr;
    uint32_t len;

    return buffer(kg, false, num, &ptr, &len) ? len : 0;
}

size_t process_buffer_ro_copy(const struct grant_kernel *kg, uint32_t num, size_t offset, void *dst,
                              size_t len)
{
    uint8_t *at = NULL;
    size_t n = window(kg, false, num, offset, len, &at);

    if (n != 0) {
        memcpy(dst, at, n);
    }
    return n;
}

size_t process_buffer_rw_len(const struct grant_kernel *kg, uint32_t num)
{
    uint32_t ptr;
    uint32_t len;

    return buffer(kg, true, num, &ptr, &len) ? len : 0;
}

size_t process_buffer_rw_read(const struct grant_kernel *kg, uint32_t num, size_t offset, void *dst,
                              size_t len)
{
    uint8_t *at = NULL;
    size_t n = window(kg, true, num, offset, len, &at);

    if (n != 0) {
        memcpy(dst, at, n);
    }
    return n;
}

size_t process_buffer_rw_write(const struct grant_kernel *kg, uint32_t num, size_t offset,
                               const void *src, size_t len)
{
    uint8_t *at = NULL;
    size_t n = window(kg, true, num, offset, len, &at);

    if (n != 0) {
        memcpy(at, src, n);
    }
    return n;
}
