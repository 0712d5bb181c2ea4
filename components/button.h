/* SPDX-License-Identifier: Apache-2.0 */
/* Wiring for the button capsule: storage macro plus finalize function. */
#pragma once

#include <stddef.h>

#include "capsules/core/button.h"
#include "os/board/kernel.h"
#include "os/hil/gpio.h"

/* Declare, at file scope in a board, the button capsule's storage. */
#define BUTTON_COMPONENT_STORAGE(name) static struct button name

/* Create the button grant (driver 3: one upcall, no allows) and initialise
 * btn over the board's button pins (num_pins may be 0, pins then NULL);
 * the capsule becomes every pin's client. Boot time, before
 * kernel_load_processes(); a second grant for driver 3 panics. Returns btn. */
struct button *button_component_finalize(struct button *btn, struct hil_gpio_pin *const *pins,
                                         size_t num_pins, struct kernel *kernel,
                                         const struct cap_memory_alloc *cap);
