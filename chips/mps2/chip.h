/* SPDX-License-Identifier: Apache-2.0 */
/* The mps2 chip (Cortex-M on an ARM MPS2 FPGA image): struct chip and map.
 *
 * Defines the struct chip that os/platform/chip.h leaves incomplete: the
 * drivers of the peripherals the kernel uses. Boards allocate the one
 * instance and pass it to chip_init(); they hand the embedded HIL roles
 * (e.g. &chip.uart0.tx, &chip.dual_timer.alarm) to the kernel and capsules.
 *
 * Addresses and interrupt lines are those of the AN385/AN386/AN500 images
 * as emulated by QEMU (mps2-an385/an386/an500), checked on mps2-an386.
 */
#pragma once

#include <stdint.h>

#include "cmsdk/dual_timer.h"
#include "cmsdk/uart.h"
#include "mps2/fpgaio.h"

/* Core and peripheral clock of the FPGA images (SYSCLK = PCLK). */
#define MPS2_SYSCLK_HZ 25000000u

/* Console UART line rate (QEMU ignores it; real boards run 115200 8N1). */
#define MPS2_CONSOLE_BAUD 115200u

/* Peripheral base addresses. */
#define MPS2_UART0_BASE 0x40004000u
#define MPS2_DUAL_TIMER_BASE 0x40002000u
#define MPS2_FPGAIO_BASE 0x40028000u

/* NVIC external interrupt lines. */
#define MPS2_IRQ_UART0_RX 0u
#define MPS2_IRQ_UART0_TX 1u
#define MPS2_IRQ_DUAL_TIMER 10u

/* The chip object: every peripheral driver the kernel uses. */
struct chip {
    struct cmsdk_uart uart0;            /* console UART (QEMU serial0) */
    struct cmsdk_dual_timer dual_timer; /* hil_alarm at MPS2_SYSCLK_HZ */
    struct mps2_fpgaio fpgaio;          /* user LEDs and buttons (GPIO pins) */
};
