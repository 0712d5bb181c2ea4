/* SPDX-License-Identifier: Apache-2.0 */
/* Grants: per-process kernel state, and checked access to process buffers.
 *
 * A grant is a driver's slot of state inside each process's own RAM block
 * (the kernel-owned part at its top), allocated the first time the driver
 * enters it for that process and freed when the process ends. It also holds
 * the process's subscriptions (upcall slots) and allowed buffers for that
 * driver. The state is reachable only inside a grant_enter() callback; the
 * pointer must not be kept after the callback returns.
 *
 * Process memory is never handed out as a raw pointer: the process_buffer_*
 * functions copy through buffers the kernel validated at allow time and
 * re-check lengths on every access.
 */
#pragma once

#include <stddef.h>
#include <stdint.h>

#include "os/err.h"
#include "os/syscall_driver.h"

/* A driver's grant, created by a component at boot (kernel_create_grant). */
struct grant;

/* The kernel-side handle of one process's grant, valid inside the enter
 * callback only: upcalls and allowed buffers are reached through it. */
struct grant_kernel;

/* Callback run with the grant entered: data is the driver's zero-initialised
 * state of the size given at creation. */
typedef void (*grant_fn)(void *data, struct grant_kernel *kg, void *ctx);

/* Enter g for process pid, allocating it first if needed. Main loop only;
 * must not be nested for the same process.
 * @retval OS_OK        fn ran.
 * @retval OS_ENOMEM    the process has no room left for the grant.
 * @retval OS_EINVAL    no live process has this identifier (it exited,
 *                      faulted or restarted). */
OS_MUST_CHECK os_err_t grant_enter(struct grant *g, process_id_t pid, grant_fn fn, void *ctx);

/* Enter g for every live process that has it allocated, in slot order. */
void grant_each(struct grant *g, grant_fn fn, void *ctx);

/* Identifier of the process whose grant is entered. */
process_id_t grant_process_id(const struct grant_kernel *kg);

/* Queue an upcall on subscribe slot subscribe_num with three arguments.
 * The process's current subscription is captured now; a null subscription
 * queues an event only Yield-WaitFor can receive.
 * @retval OS_OK        queued.
 * @retval OS_ENOMEM    the process's task queue is full; the upcall is
 *                      dropped and counted.
 * @retval OS_EINVAL    subscribe_num is not one of the driver's slots.
 * @retval OS_EOFF      the process is not in a state that takes upcalls. */
OS_MUST_CHECK os_err_t grant_schedule_upcall(struct grant_kernel *kg, uint32_t subscribe_num,
                                             uint32_t a0, uint32_t a1, uint32_t a2);

/* Length of read-only allow slot num (0 if none or out of range). */
size_t process_buffer_ro_len(const struct grant_kernel *kg, uint32_t num);

/* Copy up to len bytes from offset of read-only allow num into dst.
 * Returns the bytes copied (0 past the end or without a buffer). */
size_t process_buffer_ro_copy(const struct grant_kernel *kg, uint32_t num, size_t offset, void *dst,
                              size_t len);

/* Length of read-write allow slot num (0 if none or out of range). */
size_t process_buffer_rw_len(const struct grant_kernel *kg, uint32_t num);

/* Copy up to len bytes from offset of read-write allow num into dst. */
size_t process_buffer_rw_read(const struct grant_kernel *kg, uint32_t num, size_t offset, void *dst,
                              size_t len);

/* Copy up to len bytes from src into read-write allow num at offset.
 * Returns the bytes written (bounded by the buffer's current length). */
size_t process_buffer_rw_write(const struct grant_kernel *kg, uint32_t num, size_t offset,
                               const void *src, size_t len);
