/* SPDX-License-Identifier: Apache-2.0 */
/* Console (driver 1), asynchronous: start a write or read, get a callback later.
 *
 * Callbacks run inside a yield (syscall_yield_wait() / yield_no_wait()). One write and
 * one read may be outstanding at a time; the buffer belongs to the driver until the
 * callback, which runs after the buffer has been un-allowed.
 */
#pragma once

#include <stdint.h>

/* Write finished: written = bytes the kernel reports as written. */
typedef void (*console_write_done_t)(uint32_t written, void *userdata);

/* Read finished: returncode 0 or negative (CANCEL after an abort, SIZE ...), length =
 * bytes received into the buffer. */
typedef void (*console_read_done_t)(int returncode, uint32_t length, void *userdata);

/* Start writing len bytes from buf (RAM or flash); done may be NULL. Returns 0 if started,
 * else a negative return code (no callback). */
int console_write(const void *buf, uint32_t len, console_write_done_t done, void *userdata);

/* Start reading exactly len bytes into buf (the kernel's receive buffer bounds len,
 * commonly 64). Returns 0 if started, else a negative return code (no callback). */
int console_read(void *buf, uint32_t len, console_read_done_t done, void *userdata);

/* End a read in progress early; its callback reports CANCEL and what arrived. */
int console_read_abort(void);
