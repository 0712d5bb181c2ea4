/* SPDX-License-Identifier: Apache-2.0 */
/* Button capsule (driver 3): read push buttons, per-process press events.
 *
 * Boards allocate struct button (see components/button.h); only button.c
 * reads or writes its fields. The userspace ABI is at the top of button.c.
 */
#pragma once

#include "os/capsule.h"
#include "os/hil/gpio.h"

/* At most this many buttons (one bit each in a process's enable mask). */
#define BUTTON_MAX 32u

/* Per-process state, in each process's grant. */
struct button_app {
    uint32_t enabled; /* bit i: this process wants events of button i */
};

struct button {
    struct syscall_driver driver;          /* reached through the board's driver lookup */
    struct hil_gpio_pin_client pin_client; /* pin_changed from every button pin */
    struct hil_gpio_pin *const *pins;      /* one input pin per button, high = pressed */
    size_t num_pins;                       /* number of buttons, <= BUTTON_MAX */
    struct grant *apps;                    /* struct button_app per process */
    uint32_t irq_enabled;                  /* bit i: button i's interrupt is on */
};

/* Initialise btn over num_pins pins (at most BUTTON_MAX are used; pins may
 * be NULL when num_pins is 0): make each an input without pull, wire
 * pin_client to each, interrupts off. apps is the button grant (1 upcall,
 * no allows). The pins belong to the capsule from now on. Boot time. */
void button_init(struct button *btn, struct hil_gpio_pin *const *pins, size_t num_pins,
                 struct grant *apps);

/* The grant geometry button_init() expects. */
#define BUTTON_GRANT_UPCALLS 1
#define BUTTON_GRANT_RO 0
#define BUTTON_GRANT_RW 0
