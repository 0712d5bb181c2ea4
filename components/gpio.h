/* SPDX-License-Identifier: Apache-2.0 */
/* Wiring for the GPIO capsule: storage macro plus finalize function. */
#pragma once

#include <stddef.h>

#include "capsules/core/gpio.h"
#include "os/board/kernel.h"
#include "os/hil/gpio.h"

/* Declare, at file scope in a board, the GPIO capsule's storage. */
#define GPIO_COMPONENT_STORAGE(name) static struct gpio name

/* Create the GPIO grant (driver 4: one upcall, no allows) and initialise
 * gpio over the board's GPIO pins (NULL entries are holes; num_pins may be
 * 0, pins then NULL); the capsule becomes every pin's client. Boot time,
 * before kernel_load_processes(); a second grant for driver 4 panics.
 * Returns gpio. */
struct gpio *gpio_component_finalize(struct gpio *gpio, struct hil_gpio_pin *const *pins,
                                     size_t num_pins, struct kernel *kernel,
                                     const struct cap_memory_alloc *cap);
