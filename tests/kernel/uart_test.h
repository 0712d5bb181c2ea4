/* SPDX-License-Identifier: Apache-2.0 */
/* In-kernel test of a UART HIL implementation (see uart_test.c).
 * Boards allocate struct uart_test; only uart_test.c reads its fields. */
#pragma once

#include "os/capsule.h"
#include "os/hil/uart.h"

struct uart_test {
    struct hil_uart_tx *tx; /* transmitter under test */
    struct hil_uart_rx *rx; /* receiver under test */
    struct hil_uart_tx_client tx_client;
    struct hil_uart_rx_client rx_client;
    void (*done)(bool passed); /* called once at the end */
    int step;                  /* current step */
    size_t requested;          /* length of the transfer in flight */
    uint8_t *buf;              /* its buffer */
    os_err_t busy_result;      /* second transmit while one is in flight */
    os_err_t size_result;      /* zero-length transmit */
    unsigned tx_done_calls;    /* tx_done callbacks seen */
    bool in_call;              /* inside a HIL call */
    bool passed;               /* no check failed so far */
};

/* Run the sequence. The transmitter must not be used by anything else
 * (debug output must go through the synchronous early path, which is only
 * used here while no transmit is in flight). */
void uart_test_start(struct uart_test *t, struct hil_uart_tx *tx, struct hil_uart_rx *rx,
                     void (*done)(bool passed));
