/* SPDX-License-Identifier: Apache-2.0 */
/* Split-phase UART HIL: transmit, receive and configuration roles.
 *
 * Each role is its own base object, so a capsule that may send cannot
 * reconfigure the port. Every start call is non-blocking: OS_OK means exactly
 * one completion callback follows, and it is never made from inside the start
 * call (it comes from the kernel main loop, when the chip services its
 * interrupt). Any other return means no callback for that call.
 *
 * Buffers are never const, even for transmit: they come back through the
 * completion callback and the client usually refills them. A buffer handed to
 * a start call belongs to the driver until its callback (or a non-OK return)
 * and must stay valid until then; use static storage (it may be read by DMA).
 */
#pragma once

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "os/err.h"

struct hil_uart_tx;
struct hil_uart_rx;
struct hil_uart_config;

/* ---- Transmit role ---------------------------------------------------- */

/* Events a transmitter delivers. Embed in the client's struct and recover the
 * client with container_of(). */
struct hil_uart_tx_client {
    /* A transmit ended; buf is the client's again. written <= requested len.
     * status: OS_OK, OS_ECANCEL (aborted) or OS_EFAIL (hardware error).
     * Called from the main loop, never from within hil_uart_transmit(). */
    void (*tx_done)(struct hil_uart_tx_client *self, uint8_t *buf, size_t written, os_err_t status);
};

/* Implementation table, one const instance per driver, in flash. */
struct hil_uart_tx_ops {
    os_err_t (*transmit)(struct hil_uart_tx *tx, uint8_t *buf, size_t len);
    os_err_t (*abort)(struct hil_uart_tx *tx);
};

/* Base object of a transmitter; implementations embed it. */
struct hil_uart_tx {
    const struct hil_uart_tx_ops *ops; /* const table, lives in flash */
    struct hil_uart_tx_client *client; /* NULL until wired by a component */
};

/* Set the client that receives tx_done. Boot time, before any transmit. */
static inline void hil_uart_tx_set_client(struct hil_uart_tx *tx, struct hil_uart_tx_client *client)
{
    tx->client = client;
}

/* Start sending len bytes from buf. Main-loop context only.
 *
 * @retval OS_OK     the driver owns buf; tx_done follows exactly once.
 * @retval OS_EBUSY  a transmit is in flight; its tx_done is still coming.
 * @retval OS_ESIZE  len is 0.
 * @retval OS_EOFF   the transmitter is disabled.
 * On any error the caller keeps buf and no callback is made for this call. */
static inline OS_MUST_CHECK os_err_t hil_uart_transmit(struct hil_uart_tx *tx, uint8_t *buf,
                                                       size_t len)
{
    return tx->ops->transmit(tx, buf, len);
}

/* Abort the transmit in flight. Main-loop context only.
 *
 * @retval OS_OK        nothing was in flight; no callback.
 * @retval OS_EBUSY     a transmit was in flight; its tx_done follows with
 *                      status OS_ECANCEL and the count actually sent.
 * @retval OS_ENOSUPPORT the driver cannot abort; tx_done comes as usual. */
static inline OS_MUST_CHECK os_err_t hil_uart_transmit_abort(struct hil_uart_tx *tx)
{
    return tx->ops->abort(tx);
}

/* ---- Receive role ----------------------------------------------------- */

/* Events a receiver delivers. */
struct hil_uart_rx_client {
    /* A receive ended; buf is the client's again with received bytes in
     * [0, received). status: OS_OK (buffer full), OS_ECANCEL (aborted; the
     * bytes so far are valid) or OS_EFAIL (framing/overrun error).
     * Called from the main loop, never from within hil_uart_receive(). */
    void (*rx_done)(struct hil_uart_rx_client *self, uint8_t *buf, size_t received,
                    os_err_t status);
};

/* Implementation table of a receiver. */
struct hil_uart_rx_ops {
    os_err_t (*receive)(struct hil_uart_rx *rx, uint8_t *buf, size_t len);
    os_err_t (*abort)(struct hil_uart_rx *rx);
};

/* Base object of a receiver; implementations embed it. */
struct hil_uart_rx {
    const struct hil_uart_rx_ops *ops; /* const table, lives in flash */
    struct hil_uart_rx_client *client; /* NULL until wired by a component */
};

/* Set the client that receives rx_done. Boot time, before any receive. */
static inline void hil_uart_rx_set_client(struct hil_uart_rx *rx, struct hil_uart_rx_client *client)
{
    rx->client = client;
}

/* Receive exactly len bytes into buf (rx_done when full or aborted).
 * Main-loop context only.
 *
 * @retval OS_OK     the driver owns buf; rx_done follows exactly once.
 * @retval OS_EBUSY  a receive is in progress.
 * @retval OS_ESIZE  len is 0.
 * On any error the caller keeps buf and no callback is made. */
static inline OS_MUST_CHECK os_err_t hil_uart_receive(struct hil_uart_rx *rx, uint8_t *buf,
                                                      size_t len)
{
    return rx->ops->receive(rx, buf, len);
}

/* Abort the receive in progress. Main-loop context only.
 *
 * @retval OS_OK     nothing was in progress; no callback.
 * @retval OS_EBUSY  rx_done follows with OS_ECANCEL and the bytes so far. */
static inline OS_MUST_CHECK os_err_t hil_uart_receive_abort(struct hil_uart_rx *rx)
{
    return rx->ops->abort(rx);
}

/* ---- Configuration role ---------------------------------------------- */

/* Line parameters. */
struct hil_uart_params {
    uint32_t baud_rate;   /* bits per second, e.g. 115200 */
    uint8_t stop_bits;    /* 1 or 2 */
    bool hw_flow_control; /* RTS/CTS */
};

/* Implementation table of the configuration role. */
struct hil_uart_config_ops {
    os_err_t (*configure)(struct hil_uart_config *cfg, const struct hil_uart_params *params);
};

/* Base object of the configuration role. */
struct hil_uart_config {
    const struct hil_uart_config_ops *ops; /* const table, lives in flash */
};

/* Apply params synchronously (no callback). Not while a transfer is active.
 *
 * @retval OS_OK        applied.
 * @retval OS_EINVAL    a parameter cannot be expressed by the hardware.
 * @retval OS_EBUSY     a transmit or receive is in progress. */
static inline OS_MUST_CHECK os_err_t hil_uart_configure(struct hil_uart_config *cfg,
                                                        const struct hil_uart_params *params)
{
    return cfg->ops->configure(cfg, params);
}
