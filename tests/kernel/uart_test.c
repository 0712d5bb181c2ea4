/* SPDX-License-Identifier: Apache-2.0 */
/* In-kernel UART HIL test: transmit-done callbacks, busy, size, receive.
 *
 * Output of the test itself goes through debug_printf(), which (with no
 * debug writer attached) is the synchronous early path; it is only used
 * between transfers, never while one is in flight.
 */
#include "uart_test.h"

enum step {
    STEP_SHORT,   /* a short transmit, plus BUSY and SIZE checks */
    STEP_LONG,    /* a transmit longer than any hardware FIFO */
    STEP_RECEIVE, /* receive 4 bytes typed on the console */
    STEP_DONE,
};

static uint8_t short_msg[] = "uart: interrupt-driven transmit\n";
static uint8_t long_msg[320];
static uint8_t rx_buf[4];

static void check(struct uart_test *t, bool ok, const char *what)
{
    if (!ok) {
        t->passed = false;
        debug_printf("uart: CHECK FAILED: %s\n", what);
    }
}

static void fill_long_message(void)
{
    size_t i = 0;

    for (int line = 0; line < 8; line++) {
        for (int col = 0; col < 39; col++) {
            long_msg[i++] = (uint8_t)('a' + (line + col) % 26);
        }
        long_msg[i++] = '\n';
    }
}

static void transmit(struct uart_test *t, uint8_t *buf, size_t len)
{
    os_err_t err;

    t->buf = buf;
    t->requested = len;
    t->in_call = true;
    err = hil_uart_transmit(t->tx, buf, len);
    t->busy_result = hil_uart_transmit(t->tx, buf, len);
    t->in_call = false;
    check(t, err == OS_OK, "transmit accepted");
}

static void start_step(struct uart_test *t)
{
    os_err_t err;

    switch (t->step) {
    case STEP_SHORT:
        t->size_result = hil_uart_transmit(t->tx, short_msg, 0);
        transmit(t, short_msg, sizeof(short_msg) - 1);
        break;
    case STEP_LONG:
        fill_long_message();
        transmit(t, long_msg, sizeof(long_msg));
        break;
    case STEP_RECEIVE:
        debug_printf("uart: waiting for %u input bytes\n", (unsigned)sizeof(rx_buf));
        t->in_call = true;
        err = hil_uart_receive(t->rx, rx_buf, sizeof(rx_buf));
        check(t, hil_uart_receive(t->rx, rx_buf, sizeof(rx_buf)) == OS_EBUSY,
              "second receive is BUSY");
        t->in_call = false;
        check(t, err == OS_OK, "receive accepted");
        break;
    default:
        t->done(t->passed);
        break;
    }
}

static void uart_test_tx_done(struct hil_uart_tx_client *client, uint8_t *buf, size_t written,
                              os_err_t status)
{
    struct uart_test *t = container_of(client, struct uart_test, tx_client);

    t->tx_done_calls++;
    check(t, !t->in_call, "tx_done not made from within transmit");
    check(t, buf == t->buf, "tx_done returns the buffer");
    check(t, written == t->requested, "whole buffer written");
    check(t, status == OS_OK, "status OK");
    check(t, t->busy_result == OS_EBUSY, "transmit while busy is BUSY");
    if (t->step == STEP_SHORT) {
        check(t, t->size_result == OS_ESIZE, "zero-length transmit is SIZE");
    }
    debug_printf("uart: tx_done %u: %lu bytes, status %s\n", t->tx_done_calls,
                 (unsigned long)written, os_err_name(status));
    t->step++;
    start_step(t);
}

static void uart_test_rx_done(struct hil_uart_rx_client *client, uint8_t *buf, size_t received,
                              os_err_t status)
{
    struct uart_test *t = container_of(client, struct uart_test, rx_client);

    check(t, !t->in_call, "rx_done not made from within receive");
    check(t, buf == rx_buf && received == sizeof(rx_buf), "rx_done returns 4 bytes");
    check(t, status == OS_OK, "rx status OK");
    debug_printf("uart: received '%.*s', status %s\n", (int)received, (const char *)buf,
                 os_err_name(status));
    t->step++;
    start_step(t);
}

void uart_test_start(struct uart_test *t, struct hil_uart_tx *tx, struct hil_uart_rx *rx,
                     void (*done)(bool passed))
{
    *t = (struct uart_test){.tx = tx, .rx = rx, .done = done, .passed = true};
    t->tx_client.tx_done = uart_test_tx_done;
    t->rx_client.rx_done = uart_test_rx_done;
    hil_uart_tx_set_client(tx, &t->tx_client);
    hil_uart_rx_set_client(rx, &t->rx_client);
    start_step(t);
}
