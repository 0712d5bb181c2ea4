/* SPDX-License-Identifier: Apache-2.0 */
/* Button driver (3) raw wrappers: one function per command/subscribe.
 *
 * drivers.md section 5. Buttons are numbered 0..count-1 in board order; an
 * index at or above the count gives RETURNCODE_EINVAL. Upcall 0 delivers
 * (index, 1 = pressed / 0 = released, 0) for every button this process
 * enabled. A board whose buttons cannot interrupt answers the enable with
 * RETURNCODE_ENOSUPPORT (the buttons can still be read). Glue code: no
 * global data, callable with any r9.
 */
#pragma once

#include <stdint.h>

#include "libos/syscall.h"

#define BUTTON_SUBSCRIBE_CHANGED 0 /* (index, pressed, 0) */

/* command 0: number of buttons into *count (0 on a board without any). */
int button_syscalls_count(uint32_t *count);

/* command 1: deliver press/release upcalls of button index to this process. */
int button_syscalls_enable_interrupt(uint32_t index);

/* command 2: stop them. */
int button_syscalls_disable_interrupt(uint32_t index);

/* command 3: *pressed = 1 if button index is pressed, 0 if released. */
int button_syscalls_read(uint32_t index, uint32_t *pressed);

/* Subscribe 0 (button changed); upcall NULL unsubscribes. */
int button_syscalls_subscribe(syscall_upcall_t upcall, void *userdata);
