/* SPDX-License-Identifier: Apache-2.0 */
/* A fake UART transmitter whose completions the test triggers by hand. */
#pragma once

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "os/hil/uart.h"

struct fake_uart {
    struct hil_uart_tx tx; /* the role under test */
    uint8_t *buf;          /* buffer in flight, NULL when idle */
    size_t len;            /* its length */
    unsigned transmits;    /* transmit() calls accepted */
    char sent[16384];      /* everything completed so far */
    size_t sent_len;
};

/* Initialise u with an idle transmitter. */
void fake_uart_init(struct fake_uart *u);

/* Complete the transmit in flight with written bytes (<= len) and status.
 * Returns false if nothing was in flight. */
bool fake_uart_complete(struct fake_uart *u, size_t written, os_err_t status);

/* Complete transmits until idle (at most limit times). */
void fake_uart_drain(struct fake_uart *u, unsigned limit);
