/* SPDX-License-Identifier: Apache-2.0 */
/* LED component: the capsule over the board's LED pins. */
#include "components/led.h"

struct led *led_component_finalize(struct led *led, struct hil_gpio_pin *const *pins,
                                   size_t num_pins)
{
    led_init(led, pins, num_pins);
    return led;
}
