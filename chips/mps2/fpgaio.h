/* SPDX-License-Identifier: Apache-2.0 */
/* MPS2 FPGAIO block: user LEDs and push buttons as GPIO HIL pins.
 *
 * The FPGA images of the MPS2 boards have a small register block (at
 * 0x40028000 on AN385/AN386/AN500) with, among others, LED0 (+0x00: one bit
 * per user LED, read/write) and BUTTON (+0x08: one bit per user push
 * button, read-only). This driver offers each LED bit as a fixed output pin
 * and each BUTTON bit as a fixed input pin. The block has no interrupt line,
 * so neither kind of pin can interrupt (OS_ENOSUPPORT): buttons can only be
 * read.
 *
 * Measured on QEMU 7.2 mps2-an386 (num-leds = 2): LED0 keeps bits [1:0] and
 * drives the "USERLED0/1" LED devices; BUTTON always reads 0 (QEMU does not
 * model the buttons and no monitor command or property changes them);
 * SWITCHES is absent (has-switches = false); no FPGAIO interrupt exists.
 *
 * Fields are private to fpgaio.c; the chip allocates the struct and hands
 * &fpgaio.leds[i].pin / &fpgaio.buttons[i].pin to the board.
 */
#pragma once

#include <stdint.h>

#include "os/hil/gpio.h"

/* User LEDs and push buttons of the AN385/AN386/AN500 images. */
#define MPS2_FPGAIO_NUM_LEDS 2u
#define MPS2_FPGAIO_NUM_BUTTONS 2u

struct mps2_fpgaio_regs;
struct mps2_fpgaio;

/* One pin: a bit of the LED0 or BUTTON register. */
struct mps2_fpgaio_pin {
    struct hil_gpio_pin pin; /* the HIL role; hand &pin to a capsule */
    struct mps2_fpgaio *io;  /* the block it belongs to */
    uint32_t mask;           /* its bit in the register */
};

/* The FPGAIO block. */
struct mps2_fpgaio {
    struct mps2_fpgaio_regs *regs;                           /* register block */
    struct mps2_fpgaio_pin leds[MPS2_FPGAIO_NUM_LEDS];       /* outputs, LED0 bits */
    struct mps2_fpgaio_pin buttons[MPS2_FPGAIO_NUM_BUTTONS]; /* inputs, BUTTON bits */
};

/* Initialise io for the register block at base and switch every LED off
 * (QEMU's LED devices start "on" while LED0 reads 0; this makes both
 * agree). Boot time (chip_init), once. */
void mps2_fpgaio_init(struct mps2_fpgaio *io, uintptr_t base);
