/* SPDX-License-Identifier: Apache-2.0 */
/* Chip contract: fixed-name functions the kernel calls, one chip per image.
 *
 * struct chip is incomplete here; the chip linked into the image defines it
 * in chips/<chip>/chip.h and boards allocate the one instance. This is static
 * polymorphism: no ops table, the linker binds exactly one implementation.
 */
#pragma once

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "os/compiler.h"

struct chip;

/* Bring up the chip's peripherals and interrupt controller. Called once by
 * the board before any driver is used. Interrupts stay masked at the CPU
 * until kernel_run(). */
void chip_init(struct chip *chip);

/* Whether any interrupt has fired whose bottom half has not run yet.
 * Main-loop context; cheap (a few loads). */
bool chip_has_pending_interrupts(struct chip *chip);

/* Run the bottom halves of every pending interrupt: call each peripheral
 * driver's handler (which may call HIL clients), then re-enable the line.
 * Main-loop context only: this is where HIL callbacks originate. */
void chip_service_pending_interrupts(struct chip *chip);

/* Sleep until an interrupt is pending. Returns immediately if one already is
 * (the check and the sleep are atomic with respect to interrupts). */
void chip_sleep(struct chip *chip);

/* Polled, synchronous output on the console UART for early boot, fault
 * reports and panic. Sends the rest of any interrupt-driven transmission in
 * flight first, so output stays in order; that transmission's tx_done is
 * still delivered afterwards from the main loop as usual. Any context,
 * including exception handlers; never waits for an interrupt. */
void chip_early_write(const char *s, size_t len);

/* Stop the machine. On QEMU boards this ends the emulator with exit status
 * status (0 = success); on hardware it would spin with interrupts off. */
OS_NORETURN void chip_halt(int status);
