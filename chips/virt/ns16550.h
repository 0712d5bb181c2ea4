/* SPDX-License-Identifier: Apache-2.0 */
/* NS16550A UART driver: interrupt-driven uart HIL roles plus polled output.
 *
 * Transmit fills the 16-byte FIFO and refills it on each "THR empty"
 * interrupt; tx_done comes on the THR-empty interrupt after the last byte
 * was queued. Receive takes bytes on "data ready" interrupts until the
 * buffer is full. Aborts, and a byte that arrived before ns16550_init(),
 * complete through a deferred call. All callbacks
 * run from ns16550_service(), i.e. from chip_service_pending_interrupts(),
 * or from the deferred call: never from inside a start call.
 *
 * The interrupt line goes to the PLIC (QEMU virt: UART0 = source 10); the
 * chip calls ns16550_service() when that source is claimed.
 */
#pragma once

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "os/deferred_call.h"
#include "os/hil/uart.h"

/* One NS16550A port. Fields are private to ns16550.c. */
struct ns16550 {
    struct hil_uart_tx tx;          /* transmit role */
    struct hil_uart_rx rx;          /* receive role */
    struct hil_uart_config config;  /* configuration role */
    struct deferred_call soft_call; /* aborts, byte kept from before init */
    uintptr_t base;                 /* MMIO base; registers 1 byte apart */
    uint32_t clock_hz;              /* input clock of the baud generator */
    uint8_t ier;                    /* shadow of the interrupt enable reg */
    uint8_t *tx_buf;                /* NULL when no transmit is active */
    size_t tx_len;                  /* bytes requested */
    size_t tx_pos;                  /* bytes written to the FIFO so far */
    bool tx_aborted;                /* tx_done(ECANCEL) is pending */
    uint8_t *rx_buf;                /* NULL when no receive is active */
    size_t rx_len;                  /* bytes requested */
    size_t rx_pos;                  /* bytes received so far */
    bool rx_aborted;                /* rx_done(ECANCEL) is pending */
    uint8_t rx_early_byte;          /* byte received before init ... */
    bool rx_early_valid;            /* ... not yet handed to a receive */
};

/* Line settings ns16550_init() applies. */
#define NS16550_DEFAULT_BAUD 115200u

/* Initialise uart at base, whose baud generator runs at clock_hz (QEMU virt
 * advertises 3686400): 115200 8N1, FIFOs on and cleared, all interrupts
 * off, the HIL ops installed and the abort deferred call registered.
 * Boot time, once (it registers a deferred call). The chip enables the
 * port's PLIC source. */
void ns16550_init(struct ns16550 *uart, uintptr_t base, uint32_t clock_hz);

/* Interrupt bottom half: handle every cause the port reports (receive data,
 * line errors, THR empty) and make the resulting tx_done/rx_done calls.
 * Main loop only (from chip_service_pending_interrupts()). */
void ns16550_service(struct ns16550 *uart);

/* Polled output for early boot and panic: first pushes out the rest of an
 * interrupt-driven transmit in flight (its tx_done still comes later from
 * ns16550_service(), with the full count), then writes s[0..len) and
 * returns once it is all in the FIFO. Any context; never sleeps or uses
 * interrupts. */
void ns16550_early_write(struct ns16550 *uart, const char *s, size_t len);

/* Polled output on the port at base without any driver state: usable before
 * ns16550_init(). Does not know about interrupt-driven transmits, so use
 * ns16550_early_write() once a driver exists. Any context. */
void ns16550_write_polled(uintptr_t base, const char *s, size_t len);
