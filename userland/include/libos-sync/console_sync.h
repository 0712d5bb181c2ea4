/* SPDX-License-Identifier: Apache-2.0 */
/* Console (driver 1), blocking: write or read and wait with Yield-WaitFor.
 *
 * libtock-sync's pattern (syscalls.md 5.4): allow the buffer, issue the command, then
 * yield_wait_for(console, upcall) WITHOUT subscribing, so the completion arrives as a
 * return value and no upcall function runs. The buffer is un-allowed before returning.
 * Glue code: safe to call from stdio callbacks (no global data).
 */
#pragma once

#include <stdint.h>

/* Write len bytes from buf (RAM or flash). Returns the byte count the kernel reports
 * (>= 0) or a negative return code. */
int console_sync_write(const void *buf, uint32_t len);

/* Read exactly len bytes into buf (RAM). Returns the bytes received (>= 0) or a negative
 * return code (the kernel's status, e.g. RETURNCODE_EINVAL if len exceeds its buffer). */
int console_sync_read(void *buf, uint32_t len);
