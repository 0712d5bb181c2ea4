/* SPDX-License-Identifier: Apache-2.0 */
/* GPIO (driver 4), asynchronous: a typed callback on pin edges.
 *
 * One callback per process serves every pin; it runs inside a yield. Pin
 * configuration (output, input, set ...) is synchronous: use the raw calls
 * in libos/syscalls/gpio_syscalls.h.
 */
#pragma once

#include <stdint.h>

/* An enabled edge happened on pin; level is the level after it (0/1). */
typedef void (*gpio_edge_t)(uint32_t pin, uint32_t level, void *userdata);

/* Number of pins, holes included (0 without any, or without the driver). */
uint32_t gpio_count(void);

/* Make pin an input with pull (GPIO_PULL_*) and call edge on each edge of
 * the given kind (GPIO_EDGE_*). Replaces the callback of every watched pin.
 * Returns 0 or a negative return code. */
int gpio_watch(uint32_t pin, uint32_t pull, uint32_t edge_kind, gpio_edge_t edge, void *userdata);

/* Stop the edge callbacks of pin and deactivate it. */
int gpio_unwatch(uint32_t pin);
