/* SPDX-License-Identifier: Apache-2.0 */
/* LED driver (2) raw wrappers: one function per command.
 *
 * drivers.md section 4. LEDs are numbered 0..count-1 in board order; an index
 * at or above the count gives RETURNCODE_EINVAL. The driver keeps no
 * per-process state: it has no upcalls or allows (they fail with NOMEM).
 * Glue code: no global data, callable with any r9.
 */
#pragma once

#include <stdint.h>

#include "libos/syscall.h"

/* command 0: number of LEDs into *count (0 on a board without LEDs). */
int led_syscalls_count(uint32_t *count);

/* command 1: switch LED index on. */
int led_syscalls_on(uint32_t index);

/* command 2: switch LED index off. */
int led_syscalls_off(uint32_t index);

/* command 3: toggle LED index. */
int led_syscalls_toggle(uint32_t index);

/* command 4: *on = 1 if LED index is on, 0 if off. */
int led_syscalls_read(uint32_t index, uint32_t *on);
