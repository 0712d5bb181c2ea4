/* SPDX-License-Identifier: Apache-2.0 */
/* Console driver (1) raw wrappers: one function per command/allow/subscribe.
 *
 * drivers.md section 3. Write: RO allow 1 + command 1 (completion upcall 1 with
 * (bytes written, 0, 0)). Read: RW allow 1 + command 2 (upcall 2 with (status, bytes
 * read, 0)). These are glue code: no global data, callable with any r9.
 */
#pragma once

#include <stdint.h>

#include "libos/syscall.h"

#define CONSOLE_SUBSCRIBE_WRITE_DONE 1 /* (bytes written, 0, 0) */
#define CONSOLE_SUBSCRIBE_READ_DONE 2  /* (status, bytes read, 0) */
#define CONSOLE_ALLOW_RO_WRITE 1       /* data to write */
#define CONSOLE_ALLOW_RW_READ 1        /* receive buffer */

/* command 0: driver present (Success). */
int console_syscalls_exists(void);

/* RO allow 1: share len bytes at buf for writing; (NULL, 0) revokes. Returns a return
 * code (returncode.h). */
int console_syscalls_allow_write(const void *buf, uint32_t len);

/* RW allow 1: share len bytes at buf for receiving; (NULL, 0) revokes. */
int console_syscalls_allow_read(void *buf, uint32_t len);

/* Subscribe 1 (write done); upcall NULL unsubscribes. */
int console_syscalls_subscribe_write_done(syscall_upcall_t upcall, void *userdata);

/* Subscribe 2 (read done); upcall NULL unsubscribes. */
int console_syscalls_subscribe_read_done(syscall_upcall_t upcall, void *userdata);

/* command 1: write up to len bytes of the RO allow; completion -> upcall 1. */
int console_syscalls_write(uint32_t len);

/* command 2: read exactly min(len, RW allow length) bytes; completion -> upcall 2. */
int console_syscalls_read(uint32_t len);

/* command 3: abort a read in progress (it completes early with CANCEL). */
int console_syscalls_abort_read(void);
