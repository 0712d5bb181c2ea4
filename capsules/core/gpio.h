/* SPDX-License-Identifier: Apache-2.0 */
/* GPIO capsule (driver 4): userspace control of the board's spare pins.
 *
 * Boards allocate struct gpio (see components/gpio.h); only gpio.c reads or
 * writes its fields. The userspace ABI is at the top of gpio.c.
 */
#pragma once

#include "os/capsule.h"
#include "os/hil/gpio.h"

/* Per-process state, in each process's grant. Having the grant at all is
 * what matters (interrupt upcalls go to every process that has it). */
struct gpio_app {
    uint32_t calls; /* GPIO commands and grant allocations for this process */
};

struct gpio {
    struct syscall_driver driver;          /* reached through the board's driver lookup */
    struct hil_gpio_pin_client pin_client; /* pin_changed from every pin */
    struct hil_gpio_pin *const *pins;      /* the board's pins; NULL entries are holes */
    size_t num_pins;                       /* entries in pins (may be 0) */
    struct grant *apps;                    /* struct gpio_app per process */
};

/* Initialise gpio over num_pins entries of pins (pins may be NULL when
 * num_pins is 0) and wire pin_client to every pin that is not a hole. Pins
 * are left as the board set them up until a process configures them; they
 * belong to the capsule from now on. apps is the GPIO grant (1 upcall, no
 * allows). Boot time. */
void gpio_init(struct gpio *gpio, struct hil_gpio_pin *const *pins, size_t num_pins,
               struct grant *apps);

/* The grant geometry gpio_init() expects. */
#define GPIO_GRANT_UPCALLS 1
#define GPIO_GRANT_RO 0
#define GPIO_GRANT_RW 0
