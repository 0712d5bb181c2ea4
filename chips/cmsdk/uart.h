/* SPDX-License-Identifier: Apache-2.0 */
/* CMSDK APB UART: interrupt-driven UART HIL roles plus polled early output.
 *
 * The CMSDK UART (ARM DDI0479C, 4.3) has a one-byte transmit holding
 * register and a one-byte receive buffer, a fixed 8N1 frame and a 20-bit
 * baud divider (minimum 16). It raises a TX interrupt each time the holding
 * register empties and an RX interrupt each time a byte arrives; on mps2
 * these are separate NVIC lines.
 *
 * One struct cmsdk_uart drives one UART and embeds all three HIL roles
 * (tx, rx, config). The chip wires the two interrupt lines to
 * cmsdk_uart_handle_tx_interrupt() / cmsdk_uart_handle_rx_interrupt(),
 * which it calls from chip_service_pending_interrupts(), i.e. from the
 * kernel main loop: all HIL callbacks therefore come from the main loop.
 * Completions without a hardware event (aborts, a receive that finds a byte
 * already waiting) go through a deferred call.
 *
 * Fields are private to uart.c; chips allocate the struct (inside their
 * struct chip) and pass it around.
 */
#pragma once

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "os/deferred_call.h"
#include "os/hil/uart.h"

struct cmsdk_uart_regs;

/* One CMSDK APB UART. */
struct cmsdk_uart {
    struct hil_uart_tx tx;         /* transmit role, hand to the console */
    struct hil_uart_rx rx;         /* receive role */
    struct hil_uart_config config; /* configuration role */
    struct cmsdk_uart_regs *regs;  /* register block */
    uint32_t pclk_hz;              /* APB clock feeding the baud divider */
    uint8_t *tx_buf;               /* transmit in flight, NULL when idle */
    size_t tx_len;                 /* its length */
    size_t tx_pos;                 /* bytes handed to the hardware so far */
    bool tx_aborted;               /* abort requested; ECANCEL completion queued */
    uint8_t *rx_buf;               /* receive in progress, NULL when idle */
    size_t rx_len;                 /* bytes wanted */
    size_t rx_pos;                 /* bytes received so far */
    bool rx_aborted;               /* abort requested; ECANCEL completion queued */
    struct deferred_call deferred; /* aborts and already-buffered RX bytes */
};

/* Initialise uart for the register block at base, clocked at pclk_hz, at
 * baud_rate 8N1, with transmitter, receiver and TX interrupt enabled.
 * Registers a deferred call, so boot time only (chip_init), once per UART.
 * Does not touch the NVIC: the chip enables the UART's lines. A baud rate the
 * divider cannot express stops the boot with a panic. */
void cmsdk_uart_init(struct cmsdk_uart *uart, uintptr_t base, uint32_t pclk_hz, uint32_t baud_rate);

/* Bottom half of the TX interrupt: clear it, refill the holding register,
 * and call tx_done once the whole buffer went out. Main-loop context only
 * (from chip_service_pending_interrupts()). Spurious calls are harmless. */
void cmsdk_uart_handle_tx_interrupt(struct cmsdk_uart *uart);

/* Bottom half of the RX interrupt: clear it, move received bytes into the
 * receive buffer, and call rx_done once it is full (OS_OK) or on overrun
 * (OS_EFAIL). Main-loop context only. Spurious calls are harmless. */
void cmsdk_uart_handle_rx_interrupt(struct cmsdk_uart *uart);

/* Polled, synchronous write of len bytes from s, for early boot and panic
 * (chip_early_write()). First pushes out the rest of an interrupt-driven
 * transmit in flight so output stays in order; that transmit's tx_done still
 * comes later from the main loop, never from here. Any context, including
 * exception handlers; does not use interrupts. */
void cmsdk_uart_early_write(struct cmsdk_uart *uart, const char *s, size_t len);

/* Polled write on the UART at base before any struct cmsdk_uart exists
 * (a panic during early boot). Enables the transmitter at baud_rate if it is
 * not enabled yet. Any context. */
void cmsdk_uart_boot_write(uintptr_t base, uint32_t pclk_hz, uint32_t baud_rate, const char *s,
                           size_t len);
