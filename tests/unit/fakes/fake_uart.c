/* SPDX-License-Identifier: Apache-2.0 */
/* Fake UART transmitter for host tests. */
#include "fake_uart.h"

#include <string.h>

#include "os/compiler.h"

static os_err_t fake_transmit(struct hil_uart_tx *tx, uint8_t *buf, size_t len)
{
    struct fake_uart *u = container_of(tx, struct fake_uart, tx);

    if (u->buf != NULL) {
        return OS_EBUSY;
    }
    if (len == 0) {
        return OS_ESIZE;
    }
    u->buf = buf;
    u->len = len;
    u->transmits++;
    return OS_OK;
}

static os_err_t fake_abort(struct hil_uart_tx *tx)
{
    (void)tx;
    return OS_ENOSUPPORT;
}

static const struct hil_uart_tx_ops fake_tx_ops = {
    .transmit = fake_transmit,
    .abort = fake_abort,
};

void fake_uart_init(struct fake_uart *u)
{
    memset(u, 0, sizeof(*u));
    u->tx.ops = &fake_tx_ops;
}

bool fake_uart_complete(struct fake_uart *u, size_t written, os_err_t status)
{
    uint8_t *buf = u->buf;

    if (buf == NULL) {
        return false;
    }
    if (written > u->len) {
        written = u->len;
    }
    if (u->sent_len + written < sizeof(u->sent)) {
        memcpy(u->sent + u->sent_len, buf, written);
        u->sent_len += written;
        u->sent[u->sent_len] = '\0';
    }
    u->buf = NULL;
    u->tx.client->tx_done(u->tx.client, buf, written, status);
    return true;
}

void fake_uart_drain(struct fake_uart *u, unsigned limit)
{
    while (limit-- > 0 && fake_uart_complete(u, u->len, OS_OK)) {}
}
