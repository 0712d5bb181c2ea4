/* SPDX-License-Identifier: Apache-2.0 */
/* GPIO HIL: one pin as output or input, with optional edge interrupts.
 *
 * A pin is its own base object (struct hil_gpio_pin); a chip driver embeds
 * one per pin it offers, and a board hands arrays of pin pointers to the
 * capsules that use them (LEDs, buttons, the GPIO syscall driver). Each pin
 * has exactly one user: two capsules must never share a pin, since a pin has
 * one client.
 *
 * Every call is synchronous and returns at once; none of them ever calls the
 * client. The only callback is pin_changed, made when an enabled edge was
 * seen, from the kernel main loop (the chip's interrupt bottom half), never
 * from inside a HIL call and never from an interrupt handler.
 *
 * Not every pin can do everything: a pin wired as a fixed output (an LED
 * driven by an FPGA register) cannot become an input, a fixed input cannot
 * drive, and a chip without edge detection cannot interrupt. Such calls fail
 * with OS_ENOSUPPORT and change nothing; implementations never emulate a
 * missing feature (no polling behind an "interrupt").
 */
#pragma once

#include <stdbool.h>
#include <stdint.h>

#include "os/err.h"

struct hil_gpio_pin;

/* Input bias. */
enum hil_gpio_pull {
    HIL_GPIO_PULL_NONE, /* floating: the pin reads what drives it */
    HIL_GPIO_PULL_UP,   /* weak pull to the high level */
    HIL_GPIO_PULL_DOWN, /* weak pull to the low level */
};

/* Which transitions raise pin_changed. */
enum hil_gpio_edge {
    HIL_GPIO_EDGE_RISING,  /* low -> high */
    HIL_GPIO_EDGE_FALLING, /* high -> low */
    HIL_GPIO_EDGE_BOTH,    /* either */
};

/* Events a pin delivers. Embed in the client's struct; recover the client
 * with container_of(). One client may serve many pins: the pin argument
 * says which one changed. */
struct hil_gpio_pin_client {
    /* An enabled edge happened on pin; level is the pin's level sampled
     * when the edge was serviced (true = high). The interrupt stays enabled.
     * Called from the main loop only. */
    void (*pin_changed)(struct hil_gpio_pin_client *self, struct hil_gpio_pin *pin, bool level);
};

/* Implementation table, one const instance per kind of pin, in flash. */
struct hil_gpio_pin_ops {
    os_err_t (*make_output)(struct hil_gpio_pin *pin);
    os_err_t (*make_input)(struct hil_gpio_pin *pin, enum hil_gpio_pull pull);
    os_err_t (*deactivate)(struct hil_gpio_pin *pin);
    os_err_t (*set)(struct hil_gpio_pin *pin);
    os_err_t (*clear)(struct hil_gpio_pin *pin);
    os_err_t (*toggle)(struct hil_gpio_pin *pin);
    bool (*read)(struct hil_gpio_pin *pin);
    os_err_t (*enable_interrupt)(struct hil_gpio_pin *pin, enum hil_gpio_edge edge);
    os_err_t (*disable_interrupt)(struct hil_gpio_pin *pin);
};

/* Base object of a pin; implementations embed it. */
struct hil_gpio_pin {
    const struct hil_gpio_pin_ops *ops; /* const table, lives in flash */
    struct hil_gpio_pin_client *client; /* NULL until wired; pin_changed target */
};

/* Set the client that receives pin_changed. Boot time, before any
 * interrupt is enabled. client may be NULL (edges are then ignored). */
static inline void hil_gpio_set_client(struct hil_gpio_pin *pin, struct hil_gpio_pin_client *client)
{
    pin->client = client;
}

/* Drive the pin: it becomes an output keeping its current output level.
 * Main-loop context.
 * @retval OS_OK         the pin is an output.
 * @retval OS_ENOSUPPORT the pin cannot drive (a fixed input). */
static inline OS_MUST_CHECK os_err_t hil_gpio_make_output(struct hil_gpio_pin *pin)
{
    return pin->ops->make_output(pin);
}

/* Stop driving: the pin becomes an input with the given bias. Main-loop
 * context.
 * @retval OS_OK         the pin is an input with that bias.
 * @retval OS_ENOSUPPORT the pin cannot be an input (a fixed output), or it
 *                       does not offer that bias; the pin is unchanged. */
static inline OS_MUST_CHECK os_err_t hil_gpio_make_input(struct hil_gpio_pin *pin,
                                                         enum hil_gpio_pull pull)
{
    return pin->ops->make_input(pin, pull);
}

/* Put the pin in its lowest-power state (disconnected where the hardware
 * can; a fixed output is driven to its inactive, low level). Does not
 * change the interrupt enable. Main-loop context.
 * @retval OS_OK  done (always, for a pin that exists). */
static inline OS_MUST_CHECK os_err_t hil_gpio_deactivate(struct hil_gpio_pin *pin)
{
    return pin->ops->deactivate(pin);
}

/* Drive the output high. Any context that owns the pin.
 * @retval OS_OK         the output level is now high.
 * @retval OS_ENOSUPPORT the pin cannot drive. */
static inline OS_MUST_CHECK os_err_t hil_gpio_set(struct hil_gpio_pin *pin)
{
    return pin->ops->set(pin);
}

/* Drive the output low. Errors as hil_gpio_set(). */
static inline OS_MUST_CHECK os_err_t hil_gpio_clear(struct hil_gpio_pin *pin)
{
    return pin->ops->clear(pin);
}

/* Invert the output level. Errors as hil_gpio_set(). */
static inline OS_MUST_CHECK os_err_t hil_gpio_toggle(struct hil_gpio_pin *pin)
{
    return pin->ops->toggle(pin);
}

/* The pin's level now: the input level of an input, the driven level of an
 * output (true = high). Cannot fail. Main-loop context. */
static inline bool hil_gpio_read(struct hil_gpio_pin *pin)
{
    return pin->ops->read(pin);
}

/* Call pin_changed on every future edge of the given kind, until
 * hil_gpio_disable_interrupt(). Enabling again replaces the edge. Edges
 * before this call are not reported. Main-loop context.
 * @retval OS_OK         enabled; pin_changed follows for each edge, never
 *                       from inside this call.
 * @retval OS_ENOSUPPORT the pin has no interrupt (or not on that edge). */
static inline OS_MUST_CHECK os_err_t hil_gpio_enable_interrupt(struct hil_gpio_pin *pin,
                                                               enum hil_gpio_edge edge)
{
    return pin->ops->enable_interrupt(pin, edge);
}

/* Stop reporting edges; an edge already seen but not yet serviced is
 * dropped, so no pin_changed follows this call. Main-loop context.
 * @retval OS_OK  disabled (or was not enabled). */
static inline OS_MUST_CHECK os_err_t hil_gpio_disable_interrupt(struct hil_gpio_pin *pin)
{
    return pin->ops->disable_interrupt(pin);
}
