/* SPDX-License-Identifier: Apache-2.0 */
/* UART virtualizer: round-robin transmit queue, one receiver at a time. */
#include "uart_mux.h"

/* Start the next queued transmit if the UART is idle. */
static void start_next(struct uart_mux *mux)
{
    struct uart_mux_device *d;

    if (mux->tx_owner != NULL || mux->devices == NULL) {
        return;
    }
    d = mux->last_served != NULL ? mux->last_served->next : mux->devices;
    for (unsigned n = 0; n < 2; n++) {
        for (; d != NULL; d = d->next) {
            if (d->tx_queued) {
                d->tx_queued = false;
                if (hil_uart_transmit(mux->tx, d->tx_buf, d->tx_len) == OS_OK) {
                    mux->tx_owner = d;
                    mux->last_served = d;
                    return;
                }
                /* The UART refused it: report as a cancelled transmit. */
                d->tx_cancelled = true;
                deferred_call_set(&mux->cancel_call);
            }
        }
        d = mux->devices;
    }
}

static void mux_tx_done(struct hil_uart_tx_client *client, uint8_t *buf, size_t written,
                        os_err_t status)
{
    struct uart_mux *mux = container_of(client, struct uart_mux, tx_client);
    struct uart_mux_device *d = mux->tx_owner;

    mux->tx_owner = NULL;
    if (d != NULL && d->tx.client != NULL) {
        d->tx.client->tx_done(d->tx.client, buf, written, status);
    }
    start_next(mux);
}

/* Deferred: tell devices whose queued transmit was aborted or refused. */
static void mux_cancel_fire(struct deferred_call *dc)
{
    struct uart_mux *mux = container_of(dc, struct uart_mux, cancel_call);

    for (struct uart_mux_device *d = mux->devices; d != NULL; d = d->next) {
        if (d->tx_cancelled) {
            d->tx_cancelled = false;
            if (d->tx.client != NULL) {
                d->tx.client->tx_done(d->tx.client, d->tx_buf, 0, OS_ECANCEL);
            }
        }
    }
}

static os_err_t device_transmit(struct hil_uart_tx *tx, uint8_t *buf, size_t len)
{
    struct uart_mux_device *d = container_of(tx, struct uart_mux_device, tx);

    if (d->tx_queued || d->tx_cancelled || d->mux->tx_owner == d) {
        return OS_EBUSY;
    }
    if (len == 0) {
        return OS_ESIZE;
    }
    d->tx_buf = buf;
    d->tx_len = len;
    d->tx_queued = true;
    start_next(d->mux);
    return OS_OK;
}

static os_err_t device_transmit_abort(struct hil_uart_tx *tx)
{
    struct uart_mux_device *d = container_of(tx, struct uart_mux_device, tx);

    if (d->mux->tx_owner == d) {
        return hil_uart_transmit_abort(d->mux->tx);
    }
    if (!d->tx_queued) {
        return d->tx_cancelled ? OS_EBUSY : OS_OK;
    }
    d->tx_queued = false;
    d->tx_cancelled = true;
    deferred_call_set(&d->mux->cancel_call);
    return OS_EBUSY;
}

static void mux_rx_done(struct hil_uart_rx_client *client, uint8_t *buf, size_t received,
                        os_err_t status)
{
    struct uart_mux *mux = container_of(client, struct uart_mux, rx_client);
    struct uart_mux_device *d = mux->rx_owner;

    mux->rx_owner = NULL;
    if (d != NULL && d->rx.client != NULL) {
        d->rx.client->rx_done(d->rx.client, buf, received, status);
    }
}

static os_err_t device_receive(struct hil_uart_rx *rx, uint8_t *buf, size_t len)
{
    struct uart_mux_device *d = container_of(rx, struct uart_mux_device, rx);
    os_err_t err;

    if (d->mux->rx_owner != NULL) {
        return OS_EBUSY;
    }
    err = hil_uart_receive(d->mux->rx, buf, len);
    if (err == OS_OK) {
        d->mux->rx_owner = d;
    }
    return err;
}

static os_err_t device_receive_abort(struct hil_uart_rx *rx)
{
    struct uart_mux_device *d = container_of(rx, struct uart_mux_device, rx);

    if (d->mux->rx_owner != d) {
        return OS_OK;
    }
    return hil_uart_receive_abort(d->mux->rx);
}

static const struct hil_uart_tx_ops device_tx_ops = {
    .transmit = device_transmit,
    .abort = device_transmit_abort,
};

static const struct hil_uart_rx_ops device_rx_ops = {
    .receive = device_receive,
    .abort = device_receive_abort,
};

void uart_mux_init(struct uart_mux *mux, struct hil_uart_tx *tx, struct hil_uart_rx *rx)
{
    *mux = (struct uart_mux){.tx = tx, .rx = rx};
    mux->tx_client.tx_done = mux_tx_done;
    mux->rx_client.rx_done = mux_rx_done;
    hil_uart_tx_set_client(tx, &mux->tx_client);
    hil_uart_rx_set_client(rx, &mux->rx_client);
    deferred_call_register(&mux->cancel_call, mux_cancel_fire);
}

void uart_mux_device_init(struct uart_mux_device *dev, struct uart_mux *mux)
{
    struct uart_mux_device **tail = &mux->devices;

    *dev = (struct uart_mux_device){.mux = mux};
    dev->tx.ops = &device_tx_ops;
    dev->rx.ops = &device_rx_ops;
    while (*tail != NULL) {
        tail = &(*tail)->next;
    }
    *tail = dev;
}
