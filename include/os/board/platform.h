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

#include "os/compiler.h"
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
    struct uart_mux *console_mux;           /* console sharing (NULL without debug writer) */
    struct kernel_memory_map memory;        /* kernel, app flash and process RAM regions */
};

/* Initialise chip and kernel, optionally attach the debug writer to the
 * console, and print the banner. Boot time, once. */
const struct board_platform *board_platform_init(const struct board_platform_params *params);

/* Flush debug output and stop the machine with status (0 = success). */
OS_NORETURN void board_exit(int status);
