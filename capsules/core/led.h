/* SPDX-License-Identifier: Apache-2.0 */
/* LED capsule (driver 2): userspace turns the board's LEDs on and off.
 *
 * Boards allocate struct led (see components/led.h); only led.c reads or
 * writes its fields. The userspace ABI is at the top of led.c. The capsule
 * keeps no per-process state, so it has no grant.
 */
#pragma once

#include "os/capsule.h"
#include "os/hil/gpio.h"

struct led {
    struct syscall_driver driver;     /* reached through the board's driver lookup */
    struct hil_gpio_pin *const *pins; /* one output pin per LED, high = on */
    size_t num_pins;                  /* number of LEDs (may be 0) */
};

/* Initialise led over num_pins pins (pins may be NULL when num_pins is 0),
 * make every pin an output and switch it off. The pins belong to the
 * capsule from now on. Boot time. A pin that refuses to become an output
 * stays in the array; commands on it then fail with the pin's error. */
void led_init(struct led *led, struct hil_gpio_pin *const *pins, size_t num_pins);
