/* SPDX-License-Identifier: Apache-2.0 */
/* Low-level debug driver (8) raw wrappers: numbers on the kernel's debug UART.
 *
 * drivers.md section 7. No allows, no upcalls: each command queues one kernel line,
 * "LowLevelDebug: App 0x<id> ..." (see the functions). Glue code.
 */
#pragma once

#include <stdint.h>

#define LOW_LEVEL_DEBUG_ALERT_PANIC 0x01          /* app panic */
#define LOW_LEVEL_DEBUG_ALERT_WRONG_LOCATION 0x02 /* app not at its linked address */

/* command 0: driver present. */
int low_level_debug_syscalls_exists(void);

/* command 1: "LowLevelDebug: App 0xN alert code 0xC". */
int low_level_debug_syscalls_alert(uint32_t code);

/* command 2: "LowLevelDebug: App 0xN prints 0xV". */
int low_level_debug_syscalls_print1(uint32_t value);

/* command 3: "LowLevelDebug: App 0xN prints 0xV1 0xV2". */
int low_level_debug_syscalls_print2(uint32_t value0, uint32_t value1);
