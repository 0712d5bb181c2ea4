/* SPDX-License-Identifier: Apache-2.0 */
/* UART virtualizer: many transmitters and receivers over one UART.
 *
 * Boards allocate struct uart_mux and one struct uart_mux_device per user;
 * only uart_mux.c reads their fields. Each device implements the same UART
 * HIL roles the mux consumes, so a capsule cannot tell it from a real UART.
 *
 * Transmit: each device may have one transmit outstanding; the mux sends
 * them one whole buffer at a time, taking devices in turn (round robin), so
 * transmissions never interleave and none starves. Receive: one device
 * receives at a time; a second device asking meanwhile gets OS_EBUSY.
 */
#pragma once

#include "os/capsule.h"
#include "os/hil/uart.h"

struct uart_mux;

/* One virtual UART. */
struct uart_mux_device {
    struct hil_uart_tx tx;        /* transmit role offered to a client */
    struct hil_uart_rx rx;        /* receive role offered to a client */
    struct uart_mux *mux;         /* the mux it belongs to */
    struct uart_mux_device *next; /* next device of the mux */
    uint8_t *tx_buf;              /* queued or in-flight buffer */
    size_t tx_len;                /* its length */
    bool tx_queued;               /* waiting for the UART */
    bool tx_cancelled;            /* abort before start: report ECANCEL */
    uint8_t *rx_buf;              /* receive buffer while receiving */
};

/* The mux over one UART's transmit and receive roles. */
struct uart_mux {
    struct hil_uart_tx *tx;              /* the real transmitter */
    struct hil_uart_rx *rx;              /* the real receiver */
    struct hil_uart_tx_client tx_client; /* its tx_done */
    struct hil_uart_rx_client rx_client; /* its rx_done */
    struct uart_mux_device *devices;     /* all devices */
    struct uart_mux_device *tx_owner;    /* device whose buffer is in flight */
    struct uart_mux_device *rx_owner;    /* device receiving */
    struct uart_mux_device *last_served; /* round-robin position */
    struct deferred_call cancel_call;    /* reports cancelled queued transmits */
};

/* Take over tx and rx (sets their clients). Boot time. */
void uart_mux_init(struct uart_mux *mux, struct hil_uart_tx *tx, struct hil_uart_rx *rx);

/* Attach dev to mux; dev->tx and dev->rx are then usable HIL roles.
 * Boot time. */
void uart_mux_device_init(struct uart_mux_device *dev, struct uart_mux *mux);
