/* SPDX-License-Identifier: Apache-2.0 */
/* RNG driver (0x40001) raw wrappers: one function per command/allow/subscribe.
 *
 * drivers.md section 8. RW allow 0 + command 1 (N bytes); completion upcall 0 with
 * (0, bytes written, 0). A request for 0 bytes succeeds but never completes (Tock
 * quirk). These are glue code: no global data, callable with any r9.
 */
#pragma once

#include <stdint.h>

#include "libos/syscall.h"

#define RNG_SUBSCRIBE_DONE 0  /* (0, bytes written, 0) */
#define RNG_ALLOW_RW_BUFFER 0 /* destination of the random bytes */

/* command 0: driver present (Success). */
int rng_syscalls_exists(void);

/* RW allow 0: share len bytes at buf as the destination; (NULL, 0) revokes. Returns a
 * return code (returncode.h). */
int rng_syscalls_allow_buffer(void *buf, uint32_t len);

/* Subscribe 0 (fill done); upcall NULL unsubscribes. */
int rng_syscalls_subscribe_done(syscall_upcall_t upcall, void *userdata);

/* command 1: fill the buffer with len random bytes (capped at its length). */
int rng_syscalls_fill(uint32_t len);
