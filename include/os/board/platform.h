/* SPDX-License-Identifier: Apache-2.0 */
/* What every board offers its kernels and test configurations.
 *
 * Each board implements these in boards/<board>/platform.c. The board's own
 * kernel (board.c) and the board-independent test configurations
 * (boards/configurations/<name>/config.c) are both written against this, so
 * one configuration builds for every board.
 */
#pragma once

#include <stdbool.h>
#include <stddef.h>

#include "os/compiler.h"
#include "os/hil/gpio.h"
#include "os/hil/entropy.h"
#include "os/hil/time.h"
#include "os/hil/uart.h"

#include "os/board/kernel.h"

struct chip;
struct uart_mux;

/* How a kernel wants the platform set up. */
struct board_platform_params {
    bool debug_writer; /* attach the debug writer to the console UART */
};

/* The peripherals a board hands to its kernels. */
struct board_platform {
    const char *board_name;                 /* e.g. "qemu_mps2_an386" */
    struct chip *chip;                      /* the one chip */
    struct kernel *kernel;                  /* the one kernel object */
    struct hil_uart_tx *console_tx;         /* console UART, transmit role */
    struct hil_uart_rx *console_rx;         /* console UART, receive role */
    struct hil_uart_config *console_config; /* console UART, configuration */
    struct hil_alarm *alarm;                /* the hardware alarm */
    struct hil_entropy *entropy;            /* random words; NULL = no RNG driver */
    /* GPIO pins, each in exactly one array (a pin has one user). Arrays may
     * be NULL with a count of 0 on a board without such pins. */
    struct hil_gpio_pin *const *leds;      /* user LEDs, active high, LED driver order */
    size_t num_leds;                       /* entries in leds */
    struct hil_gpio_pin *const *buttons;   /* push buttons, high = pressed */
    size_t num_buttons;                    /* entries in buttons */
    struct hil_gpio_pin *const *gpio_pins; /* GPIO driver pins; NULL entries are holes */
    size_t num_gpio_pins;                  /* entries in gpio_pins */
    struct uart_mux *console_mux;          /* console sharing (NULL without debug writer) */
    struct kernel_memory_map memory;       /* kernel, app flash and process RAM regions */
};

/* Initialise chip and kernel, optionally attach the debug writer to the
 * console, and print the banner. Boot time, once. */
const struct board_platform *board_platform_init(const struct board_platform_params *params);

/* Flush debug output and stop the machine with status (0 = success). */
OS_NORETURN void board_exit(int status);
