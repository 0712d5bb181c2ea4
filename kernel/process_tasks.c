/* SPDX-License-Identifier: Apache-2.0 */
/* The per-process task queue: a ring of PROCESS_TASK_SLOTS, 9 usable.
 *
 * The ring lives in the kernel-owned top of the process's own RAM block.
 * Removing a task from the middle shifts the later ones down one slot, so
 * order is always kept (the queue is at most 9 long).
 */
#include "kernel/process_internal.h"

#define USABLE (PROCESS_TASK_SLOTS - 1)

static struct process_task *slot(const struct process *p, unsigned i)
{
    return &p->tasks[(p->task_head + i) % PROCESS_TASK_SLOTS];
}

/* *dst = *src, word by word: a structure assignment becomes a byte-wise
 * memcpy() call on RV32 at -Os, which is on every upcall's path. */
static void copy(struct process_task *dst, const struct process_task *src)
{
    dst->kind = src->kind;
    dst->driver_num = src->driver_num;
    dst->subscribe_num = src->subscribe_num;
    dst->fn = src->fn;
    for (unsigned i = 0; i < 4; i++) {
        dst->args[i] = src->args[i];
    }
}

/* Remove the task at queue position i, keeping the order of the rest. */
static void remove_at(struct process *p, unsigned i, struct process_task *out)
{
    if (out != NULL) {
        copy(out, slot(p, i));
    }
    for (; i + 1 < p->task_count; i++) {
        copy(slot(p, i), slot(p, i + 1));
    }
    p->task_count--;
}

os_err_t process_task_push(struct process *p, const struct process_task *t)
{
    if (p->task_count >= USABLE) {
        p->stats.upcalls_dropped++;
        return OS_ENOMEM;
    }
    copy(slot(p, p->task_count), t);
    p->task_count++;
    return OS_OK;
}

bool process_task_next_call(struct process *p, struct process_task *out)
{
    while (p->task_count > 0) {
        bool call = slot(p, 0)->kind == PROCESS_TASK_FUNCTION_CALL;

        copy(out, slot(p, 0));
        p->task_head = (uint8_t)((p->task_head + 1) % PROCESS_TASK_SLOTS);
        p->task_count--;
        if (call) {
            return true;
        }
    }
    return false;
}

bool process_task_take_call(struct process *p, struct process_task *out)
{
    for (unsigned i = 0; i < p->task_count; i++) {
        if (slot(p, i)->kind == PROCESS_TASK_FUNCTION_CALL) {
            remove_at(p, i, out);
            return true;
        }
    }
    return false;
}

static int find_matching(const struct process *p, uint32_t driver, uint32_t subscribe)
{
    for (unsigned i = 0; i < p->task_count; i++) {
        const struct process_task *t = slot(p, i);

        if (t->driver_num == driver && t->subscribe_num == subscribe) {
            return (int)i;
        }
    }
    return -1;
}

bool process_task_take_matching(struct process *p, uint32_t driver, uint32_t subscribe,
                                struct process_task *out)
{
    int i = find_matching(p, driver, subscribe);

    if (i < 0) {
        return false;
    }
    remove_at(p, (unsigned)i, out);
    return true;
}

bool process_task_has_matching(const struct process *p, uint32_t driver, uint32_t subscribe)
{
    return find_matching(p, driver, subscribe) >= 0;
}

bool process_task_has_call(const struct process *p)
{
    for (unsigned i = 0; i < p->task_count; i++) {
        if (slot(p, i)->kind == PROCESS_TASK_FUNCTION_CALL) {
            return true;
        }
    }
    return false;
}

void process_task_cancel_calls(struct process *p, uint32_t driver, uint32_t subscribe)
{
    unsigned i = 0;

    while (i < p->task_count) {
        const struct process_task *t = slot(p, i);

        if (t->kind == PROCESS_TASK_FUNCTION_CALL && t->driver_num == driver &&
            t->subscribe_num == subscribe) {
            remove_at(p, i, NULL);
        } else {
            i++;
        }
    }
}

void process_task_clear(struct process *p)
{
    p->task_head = 0;
    p->task_count = 0;
}
