/* SPDX-License-Identifier: Apache-2.0 */
/* Kernel-private process operations shared by the kernel's process files. */
#pragma once

#include <stdbool.h>
#include <stdint.h>

#include "os/board/kernel.h"
#include "os/board/process.h"
#include "os/err.h"

/* Kinds of queued task. */
enum process_task_kind {
    PROCESS_TASK_FUNCTION_CALL = 1, /* call a userspace function */
    PROCESS_TASK_RETURN_VALUE = 2,  /* event on a null upcall (WaitFor only) */
};

/* Driver number recorded for kernel-originated tasks (_start). */
#define PROCESS_TASK_KERNEL 0xffffffffu

/* ---- memory (process_memory.c) ---------------------------------------- */

/* [addr, addr + len) lies inside [mem_start, app_break) without wrapping.
 * len 0 is inside only if addr is. */
bool process_in_ram(const struct process *p, uint32_t addr, uint32_t len);

/* [addr, addr + len) lies in the process's flash after its protected
 * region (readable by the process, not the TBF header). */
bool process_in_flash(const struct process *p, uint32_t addr, uint32_t len);

/* Move the break (memop brk). Grows zero-fill the new bytes.
 * @retval OS_OK / OS_ENOMEM (below the allow mark, past the kernel break,
 *         not expressible by the MPU). */
os_err_t process_set_break(struct process *p, uint32_t new_break);

/* Allocate size bytes (8-aligned, zeroed) of kernel-owned memory below the
 * kernel break; NULL if it would reach the process-accessible RAM. */
void *process_alloc_kernel_memory(struct process *p, uint32_t size);

/* Reset the block to its initial layout: break at start + arch minimum, no
 * grants, empty task queue, allow mark at memory_start. */
void process_reset_memory(struct process *p, uint32_t num_grants);

/* Bytes of the fixed kernel-owned part (grant table + task ring). */
uint32_t process_kernel_fixed_bytes(uint32_t num_grants);

/* ---- tasks (process_tasks.c) ------------------------------------------ */

/* Queue t. @retval OS_OK, or OS_ENOMEM if full (dropped and counted). */
os_err_t process_task_push(struct process *p, const struct process_task *t);

/* Remove the oldest FunctionCall task into *out, discarding ReturnValue
 * tasks queued before it (Yield-Wait semantics). False if none. */
bool process_task_next_call(struct process *p, struct process_task *out);

/* Remove the oldest FunctionCall task into *out, keeping every ReturnValue
 * task queued (Yield-NoWait). False if none. */
bool process_task_take_call(struct process *p, struct process_task *out);

/* Remove the oldest task from (driver, subscribe) of either kind. */
bool process_task_take_matching(struct process *p, uint32_t driver, uint32_t subscribe,
                                struct process_task *out);

/* Whether a task from (driver, subscribe) is queued. */
bool process_task_has_matching(const struct process *p, uint32_t driver, uint32_t subscribe);

/* Whether a FunctionCall task is queued. */
bool process_task_has_call(const struct process *p);

/* Drop the FunctionCall tasks from (driver, subscribe) (after subscribe). */
void process_task_cancel_calls(struct process *p, uint32_t driver, uint32_t subscribe);

/* Drop every task. */
void process_task_clear(struct process *p);

/* ---- lifecycle (process_lifecycle.c) ---------------------------------- */

/* Whether the process exists and can take upcalls (not faulted/terminated). */
bool process_is_alive(const struct process *p);

/* Find the live process with identifier id, or NULL. */
struct process *process_find(struct kernel *k, process_id_t id);

/* (Re)initialise p in its block: new identifier, fresh memory layout and
 * registers, _start queued, state Yielded. */
void process_start(struct kernel *k, struct process *p);

/* End p: drop tasks, free grants, record the code, state Terminated. */
void process_terminate(struct kernel *k, struct process *p, bool has_code, uint32_t code);

/* Terminate then start again; counts a restart. */
void process_restart(struct kernel *k, struct process *p);

/* Handle a fault of p per the board's policy (after the report). */
void process_fault(struct kernel *k, struct process *p, const char *why);

/* Print p's state, memory map and MPU regions through early_printf(). */
void process_print_report(const struct kernel *k, const struct process *p);

/* Human-readable state name. */
const char *process_state_name(enum process_state s);

/* ---- syscalls (syscall*.c) -------------------------------------------- */

/* Handle the system call p just made. May change p's state. */
void syscall_handle(struct kernel *k, struct process *p);

/* Write return registers; faults p if its stack frame is invalid. Returns
 * false if p was faulted. */
bool syscall_set_return(struct kernel *k, struct process *p, const uint32_t *values,
                        unsigned count);

/* Memop (class 5): fills values/count. */
void syscall_memop(struct process *p, uint32_t op, uint32_t arg, uint32_t *values, unsigned *count);

/* Allow classes 3, 4, 7. */
void syscall_allow(struct kernel *k, struct process *p, uint32_t class_num, const uint32_t *args,
                   uint32_t *values, unsigned *count);

/* Subscribe (class 1). */
void syscall_subscribe(struct kernel *k, struct process *p, const uint32_t *args, uint32_t *values,
                       unsigned *count);

/* ---- grants (grant.c) ------------------------------------------------- */

/* The grant of driver_num, or NULL if the driver has none. */
struct grant *grant_for_driver(struct kernel *k, uint32_t driver_num);

/* Base of p's allocation of g, or NULL if not allocated. */
uint8_t *grant_base(const struct process *p, const struct grant *g);

/* Make sure p has g allocated (subscribe and allow store their slots
 * there). Returns the base or NULL (NOMEM). */
uint8_t *grant_ensure(struct kernel *k, struct process *p, struct grant *g);

/* Upcall slot s of a grant allocation: 2 words (fn, userdata). */
uint32_t *grant_upcall_slot(const struct grant *g, uint8_t *base, uint32_t s);

/* Allow slot: 2 words (ptr, len); rw selects the read-write set. */
uint32_t *grant_allow_slot(const struct grant *g, uint8_t *base, bool rw, uint32_t s);

/* ---- introspection (process_info.c) ------------------------------------ */

/* Make k the kernel that os/process_info.h describes. */
void process_info_attach(struct kernel *k);

/* That kernel (NULL before attach), and its process with identifier id in
 * any state (NULL if none). */
struct kernel *process_info_kernel_ref(void);
struct process *process_info_find(process_id_t id);

/* The memory map and board name the banner printed (banner.c). */
const struct kernel_memory_map *kernel_banner_map(const char **board);

/* ---- scheduling (scheduler.c) ----------------------------------------- */

/* Run one process for up to a timeslice if any is runnable. Returns false
 * if none was. */
bool scheduler_run_one(struct kernel *k);
