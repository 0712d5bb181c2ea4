/* SPDX-License-Identifier: Apache-2.0 */
/* Wiring for the LED capsule: storage macro plus finalize function. */
#pragma once

#include <stddef.h>

#include "capsules/core/led.h"
#include "os/hil/gpio.h"

/* Declare, at file scope in a board, the LED capsule's storage. */
#define LED_COMPONENT_STORAGE(name) static struct led name

/* Initialise led over the board's LED pins (num_pins may be 0, pins then
 * NULL): every LED becomes an output and is switched off. No grant (the
 * driver is stateless). Boot time, once per storage. Returns led. */
struct led *led_component_finalize(struct led *led, struct hil_gpio_pin *const *pins,
                                   size_t num_pins);
