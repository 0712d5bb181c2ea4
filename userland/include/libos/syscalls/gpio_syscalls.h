/* SPDX-License-Identifier: Apache-2.0 */
/* GPIO driver (4) raw wrappers: one function per command/subscribe.
 *
 * drivers.md section 6. Pins are indices into the board's array: an index
 * at or above the count gives RETURNCODE_EINVAL, a hole RETURNCODE_ENODEVICE.
 * Upcall 0 delivers (pin, level after the edge, 0) to every process that
 * used the driver. Glue code: no global data, callable with any r9.
 */
#pragma once

#include <stdint.h>

#include "libos/syscall.h"

#define GPIO_SUBSCRIBE_EDGE 0 /* (pin, level, 0) */

/* Pull values of command 5. */
#define GPIO_PULL_NONE 0u
#define GPIO_PULL_UP 1u
#define GPIO_PULL_DOWN 2u

/* Edge values of command 7. */
#define GPIO_EDGE_EITHER 0u
#define GPIO_EDGE_RISING 1u
#define GPIO_EDGE_FALLING 2u

/* command 0: driver present. */
int gpio_syscalls_exists(void);

/* command 1: make pin an output. */
int gpio_syscalls_enable_output(uint32_t pin);

/* commands 2 / 3 / 4: drive pin high / low / invert it. */
int gpio_syscalls_set(uint32_t pin);
int gpio_syscalls_clear(uint32_t pin);
int gpio_syscalls_toggle(uint32_t pin);

/* command 5: make pin an input with pull (GPIO_PULL_*; others: ENOSUPPORT). */
int gpio_syscalls_enable_input(uint32_t pin, uint32_t pull);

/* command 6: pin level (0/1) into *level. */
int gpio_syscalls_read(uint32_t pin, uint32_t *level);

/* command 7: upcalls on edge (GPIO_EDGE_*; others: ENOSUPPORT). */
int gpio_syscalls_enable_interrupt(uint32_t pin, uint32_t edge);

/* command 8: stop the upcalls and deactivate pin. */
int gpio_syscalls_disable_interrupt(uint32_t pin);

/* command 9: deactivate pin (lowest power). */
int gpio_syscalls_disable(uint32_t pin);

/* command 10: number of pins (holes included) into *count. */
int gpio_syscalls_count(uint32_t *count);

/* Subscribe 0 (edge); upcall NULL unsubscribes. */
int gpio_syscalls_subscribe(syscall_upcall_t upcall, void *userdata);
