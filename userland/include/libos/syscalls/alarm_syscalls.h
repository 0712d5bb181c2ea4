/* SPDX-License-Identifier: Apache-2.0 */
/* Alarm driver (0) raw wrappers: one function per command/subscribe.
 *
 * drivers.md section 2. Ticks are left-justified 32-bit values that wrap at 2^32; the
 * frequency is scaled to match. One one-shot alarm per process; upcall 0 delivers
 * (now, expiration, 0). Glue code: no global data, callable with any r9.
 */
#pragma once

#include <stdint.h>

#include "libos/syscall.h"

#define ALARM_SUBSCRIBE_FIRED 0 /* (now, expiration, 0) */

/* command 0: driver present. */
int alarm_syscalls_exists(void);

/* command 1: tick frequency in Hz into *hz. */
int alarm_syscalls_frequency(uint32_t *hz);

/* command 2: current time in ticks into *now. */
int alarm_syscalls_read(uint32_t *now);

/* command 3: cancel this process's alarm (RETURNCODE_EALREADY if none is armed). */
int alarm_syscalls_stop(void);

/* command 5: fire at now + dt; *expiration receives the absolute expiry time. */
int alarm_syscalls_set_relative(uint32_t dt, uint32_t *expiration);

/* command 6: fire at reference + dt (at once if that is already past). */
int alarm_syscalls_set_absolute(uint32_t reference, uint32_t dt, uint32_t *expiration);

/* Subscribe 0 (alarm fired); upcall NULL unsubscribes. */
int alarm_syscalls_subscribe(syscall_upcall_t upcall, void *userdata);
