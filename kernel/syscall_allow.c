/* SPDX-License-Identifier: Apache-2.0 */
/* Subscribe and the allow classes: validate, find the slot, swap.
 *
 * The order of checks is Tock's, so the first failing step decides the
 * error (shared/spec/syscalls.md 6, 8-10). Every pointer is checked against
 * the calling process's own memory before anything is stored.
 */
#include "kernel/process_internal.h"
#include "os/abi/syscall.h"

static void failure(os_err_t err, const uint32_t *args, uint32_t *values, unsigned *count)
{
    values[0] = SYSCALL_RET_FAILURE_2U32;
    values[1] = (uint32_t)err;
    values[2] = args[2];
    values[3] = args[3];
    *count = 4;
}

/* Swap (args[2], args[3]) into slot and return the previous pair. */
static void swap(uint32_t *slot, const uint32_t *args, uint32_t *values, unsigned *count)
{
    values[0] = SYSCALL_RET_SUCCESS_2U32;
    values[1] = slot[0];
    values[2] = slot[1];
    slot[0] = args[2];
    slot[1] = args[3];
    *count = 3;
}

/* The grant allocation of the driver for p (asking the driver to create
 * it), or NULL: NODEVICE or NOMEM in *err. */
static uint8_t *lookup(struct kernel *k, struct process *p, uint32_t driver_num, struct grant **g,
                       os_err_t *err)
{
    struct syscall_driver *drv = k->res->driver_lookup(driver_num);
    uint8_t *base;

    if (drv == NULL) {
        *err = OS_ENODEVICE;
        return NULL;
    }
    *g = grant_for_driver(k, driver_num);
    base = *g != NULL ? grant_ensure(k, p, *g) : NULL;
    *err = OS_ENOMEM;
    return base;
}

void syscall_subscribe(struct kernel *k, struct process *p, const uint32_t *args, uint32_t *values,
                       unsigned *count)
{
    uint32_t fn = args[2];
    struct grant *g = NULL;
    uint8_t *base;
    os_err_t err;

    if (fn != 0 && !process_in_flash(p, fn, 4) && !process_in_ram(p, fn, 4)) {
        failure(OS_EINVAL, args, values, count);
        return;
    }
    base = lookup(k, p, args[0], &g, &err);
    if (base == NULL) {
        failure(err, args, values, count);
        return;
    }
    if (args[1] >= g->num_upcalls) {
        failure(OS_ENOSUPPORT, args, values, count);
        return;
    }
    swap(grant_upcall_slot(g, base, args[1]), args, values, count);
    process_task_cancel_calls(p, args[0], args[1]);
}

/* Whether the buffer (ptr, len) may be allowed by p for this class. */
static bool buffer_ok(const struct process *p, uint32_t class_num, uint32_t ptr, uint32_t len)
{
    if (len == 0) {
        return true;
    }
    if (process_in_ram(p, ptr, len)) {
        return true;
    }
    return class_num == SYSCALL_ALLOW_RO && process_in_flash(p, ptr, len);
}

void syscall_allow(struct kernel *k, struct process *p, uint32_t class_num, const uint32_t *args,
                   uint32_t *values, unsigned *count)
{
    uint32_t ptr = args[2];
    uint32_t len = args[3];
    bool rw = class_num == SYSCALL_ALLOW_RW;
    struct grant *g = NULL;
    uint8_t *base;
    os_err_t err;

    if (k->res->driver_lookup(args[0]) == NULL) {
        failure(OS_ENODEVICE, args, values, count);
        return;
    }
    if (!buffer_ok(p, class_num, ptr, len)) {
        failure(OS_EINVAL, args, values, count);
        return;
    }
    if (class_num == SYSCALL_ALLOW_USERSPACE_READABLE) {
        /* No driver in this kernel implements userspace-readable allow. */
        failure(OS_ENOSUPPORT, args, values, count);
        return;
    }
    base = lookup(k, p, args[0], &g, &err);
    if (base == NULL) {
        failure(err, args, values, count);
        return;
    }
    if (args[1] >= (rw ? g->num_rw : g->num_ro)) {
        failure(OS_ENOSUPPORT, args, values, count);
        return;
    }
    swap(grant_allow_slot(g, base, rw, args[1]), args, values, count);
    if (len != 0 && process_in_ram(p, ptr, len) && ptr + len > p->allow_high_water) {
        p->allow_high_water = ptr + len;
    }
}
