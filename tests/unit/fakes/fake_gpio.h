/* SPDX-License-Identifier: Apache-2.0 */
/* A fake GPIO pin whose input level and edges the test drives by hand.
 *
 * It records every configuration call. Capabilities are switches: a pin
 * that cannot drive, be an input or interrupt answers OS_ENOSUPPORT, as a
 * fixed-function pin of a real chip does. Edges reach the client only from
 * fake_gpio_drive() (the test's "main loop"), never from a HIL call, and
 * only while the interrupt is enabled for that edge.
 */
#pragma once

#include <stdbool.h>

#include "os/hil/gpio.h"

struct fake_gpio_pin {
    struct hil_gpio_pin pin; /* the role under test */
    bool can_output;         /* make_output/set/clear/toggle allowed */
    bool can_input;          /* make_input allowed (any pull) */
    bool can_interrupt;      /* enable_interrupt allowed */
    bool is_output;          /* configured as output */
    bool level;              /* current level (driven or input) */
    enum hil_gpio_pull pull; /* last pull set by make_input */
    bool irq_enabled;        /* interrupt enabled */
    enum hil_gpio_edge edge; /* its edge */
    bool deactivated;        /* deactivate() since the last configuration */
    unsigned calls;          /* HIL calls made on this pin */
    unsigned edges;          /* pin_changed calls made */
};

/* Initialise a low, unconfigured pin with the given capabilities. */
void fake_gpio_init(struct fake_gpio_pin *p, bool can_output, bool can_input, bool can_interrupt);

/* Set the pin's external level; if that is an enabled edge, call the
 * client's pin_changed. Returns whether it did. */
bool fake_gpio_drive(struct fake_gpio_pin *p, bool level);
