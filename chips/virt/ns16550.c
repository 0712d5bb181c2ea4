/* SPDX-License-Identifier: Apache-2.0 */
/* NS16550A UART driver implementing the transmit, receive and config roles. */
#include "virt/ns16550.h"

#include "os/compiler.h"
#include "riscv/mmio.h"

/* Register offsets (DLAB = 0 unless noted). */
#define REG_RBR_THR 0u /* receive buffer (read) / transmit holding (write) */
#define REG_IER 1u     /* interrupt enable */
#define REG_IIR_FCR 2u /* interrupt identification (read) / FIFO control */
#define REG_LCR 3u     /* line control */
#define REG_MCR 4u     /* modem control */
#define REG_LSR 5u     /* line status */
#define REG_MSR 6u     /* modem status */
#define REG_DLL 0u     /* divisor latch low (DLAB = 1) */
#define REG_DLM 1u     /* divisor latch high (DLAB = 1) */

#define IER_RX_DATA 0x01u     /* received data available */
#define IER_THR_EMPTY 0x02u   /* transmit holding register empty */
#define IER_LINE_STATUS 0x04u /* receiver line status (errors) */

#define IIR_NO_PENDING 0x01u /* bit 0 set: no interrupt pending */
#define IIR_ID_MASK 0x0Eu
#define IIR_ID_MODEM 0x00u
#define IIR_ID_THR_EMPTY 0x02u
#define IIR_ID_RX_DATA 0x04u
#define IIR_ID_LINE_STATUS 0x06u
#define IIR_ID_RX_TIMEOUT 0x0Cu

#define FCR_ENABLE_CLEAR 0x07u /* FIFOs on, both cleared, RX trigger 1 byte */
#define LCR_8_BITS 0x03u
#define LCR_2_STOP 0x04u
#define LCR_DLAB 0x80u
#define MCR_DTR_RTS_OUT2 0x0Bu /* OUT2 gates the IRQ line on PC-style parts */

#define LSR_DATA_READY 0x01u
#define LSR_ERRORS 0x1Eu    /* overrun, parity, framing, break */
#define LSR_THR_EMPTY 0x20u /* THR and FIFO empty */

#define FIFO_DEPTH 16u
#define SERVICE_MAX_PASSES 8u /* bound on causes handled per service call */

static uint8_t reg_read(const struct ns16550 *uart, uintptr_t reg)
{
    /* SAFETY: reg is one of the 8 byte-wide registers of this port. */
    return riscv_mmio_read8(uart->base + reg);
}

static void reg_write(const struct ns16550 *uart, uintptr_t reg, uint8_t value)
{
    /* SAFETY: reg is one of the 8 byte-wide registers of this port. */
    riscv_mmio_write8(uart->base + reg, value);
}

static void set_ier(struct ns16550 *uart, uint8_t ier)
{
    uart->ier = ier;
    reg_write(uart, REG_IER, ier);
}

/* Wait for an empty FIFO, then queue up to FIFO_DEPTH bytes of s.
 * Returns the number queued. */
static size_t write_chunk_polled(uintptr_t base, const uint8_t *s, size_t len)
{
    size_t n = MIN(len, (size_t)FIFO_DEPTH);

    /* SAFETY: LSR and THR of the port at base. */
    while ((riscv_mmio_read8(base + REG_LSR) & LSR_THR_EMPTY) == 0) {}
    for (size_t i = 0; i < n; i++) {
        riscv_mmio_write8(base + REG_RBR_THR, s[i]);
    }
    return n;
}

void ns16550_write_polled(uintptr_t base, const char *s, size_t len)
{
    const uint8_t *p = (const uint8_t *)s;

    while (len > 0) {
        size_t n = write_chunk_polled(base, p, len);

        p += n;
        len -= n;
    }
}

void ns16550_early_write(struct ns16550 *uart, const char *s, size_t len)
{
    if (uart->tx_buf != NULL && !uart->tx_aborted) {
        while (uart->tx_pos < uart->tx_len) {
            uart->tx_pos += write_chunk_polled(uart->base, uart->tx_buf + uart->tx_pos,
                                               uart->tx_len - uart->tx_pos);
        }
    }
    ns16550_write_polled(uart->base, s, len);
}

/* ---- Transmit ----------------------------------------------------------- */

/* Queue as much of the active transmit as fits in the (empty) FIFO. */
static void tx_fill_fifo(struct ns16550 *uart)
{
    size_t n = MIN(uart->tx_len - uart->tx_pos, (size_t)FIFO_DEPTH);

    for (size_t i = 0; i < n; i++) {
        reg_write(uart, REG_RBR_THR, uart->tx_buf[uart->tx_pos + i]);
    }
    uart->tx_pos += n;
}

static os_err_t tx_transmit(struct hil_uart_tx *tx, uint8_t *buf, size_t len)
{
    struct ns16550 *uart = container_of(tx, struct ns16550, tx);

    if (uart->tx_buf != NULL) {
        return OS_EBUSY;
    }
    if (len == 0) {
        return OS_ESIZE;
    }
    uart->tx_buf = buf;
    uart->tx_len = len;
    uart->tx_pos = 0;
    if ((reg_read(uart, REG_LSR) & LSR_THR_EMPTY) != 0) {
        tx_fill_fifo(uart);
    }
    /* The THR-empty interrupt comes once the FIFO has drained (at once if
     * nothing was queued); its handler refills or completes. */
    set_ier(uart, uart->ier | IER_THR_EMPTY);
    return OS_OK;
}

static os_err_t tx_abort(struct hil_uart_tx *tx)
{
    struct ns16550 *uart = container_of(tx, struct ns16550, tx);

    if (uart->tx_buf == NULL) {
        return OS_OK;
    }
    if (!uart->tx_aborted) {
        uart->tx_aborted = true;
        set_ier(uart, uart->ier & (uint8_t)~IER_THR_EMPTY);
        deferred_call_set(&uart->soft_call);
    }
    return OS_EBUSY;
}

/* Hand the transmit buffer back to the client. */
static void tx_finish(struct ns16550 *uart, os_err_t status)
{
    uint8_t *buf = uart->tx_buf;
    size_t written = uart->tx_pos;

    uart->tx_buf = NULL;
    uart->tx_aborted = false;
    if (uart->tx.client != NULL) {
        uart->tx.client->tx_done(uart->tx.client, buf, written, status);
    }
}

static void tx_handle_thr_empty(struct ns16550 *uart)
{
    if (uart->tx_buf == NULL || uart->tx_aborted) {
        return;
    }
    if (uart->tx_pos < uart->tx_len) {
        tx_fill_fifo(uart);
        return;
    }
    set_ier(uart, uart->ier & (uint8_t)~IER_THR_EMPTY);
    tx_finish(uart, OS_OK);
}

static const struct hil_uart_tx_ops ns16550_tx_ops = {
    .transmit = tx_transmit,
    .abort = tx_abort,
};

/* ---- Receive ------------------------------------------------------------ */

static os_err_t rx_receive(struct hil_uart_rx *rx, uint8_t *buf, size_t len)
{
    struct ns16550 *uart = container_of(rx, struct ns16550, rx);

    if (uart->rx_buf != NULL) {
        return OS_EBUSY;
    }
    if (len == 0) {
        return OS_ESIZE;
    }
    uart->rx_buf = buf;
    uart->rx_len = len;
    uart->rx_pos = 0;
    /* Bytes already in the FIFO raise the data interrupt as soon as it is
     * on; the byte kept from before init has no interrupt behind it. */
    set_ier(uart, uart->ier | IER_RX_DATA | IER_LINE_STATUS);
    if (uart->rx_early_valid) {
        deferred_call_set(&uart->soft_call);
    }
    return OS_OK;
}

static os_err_t rx_abort(struct hil_uart_rx *rx)
{
    struct ns16550 *uart = container_of(rx, struct ns16550, rx);

    if (uart->rx_buf == NULL) {
        return OS_OK;
    }
    if (!uart->rx_aborted) {
        uart->rx_aborted = true;
        set_ier(uart, uart->ier & (uint8_t) ~(IER_RX_DATA | IER_LINE_STATUS));
        deferred_call_set(&uart->soft_call);
    }
    return OS_EBUSY;
}

/* Stop receiving and hand the buffer back to the client. */
static void rx_finish(struct ns16550 *uart, os_err_t status)
{
    uint8_t *buf = uart->rx_buf;
    size_t received = uart->rx_pos;

    set_ier(uart, uart->ier & (uint8_t) ~(IER_RX_DATA | IER_LINE_STATUS));
    uart->rx_buf = NULL;
    uart->rx_aborted = false;
    if (uart->rx.client != NULL) {
        uart->rx.client->rx_done(uart->rx.client, buf, received, status);
    }
}

/* Move received bytes into the active buffer, the one kept from before init
 * first; bytes beyond it stay in the FIFO for the next receive. A line
 * error ends the receive with EFAIL. */
static void rx_handle_data(struct ns16550 *uart)
{
    if (uart->rx_buf == NULL || uart->rx_aborted) {
        return;
    }
    if (uart->rx_early_valid) {
        uart->rx_buf[uart->rx_pos++] = uart->rx_early_byte;
        uart->rx_early_valid = false;
    }
    while (uart->rx_pos < uart->rx_len) {
        uint8_t lsr = reg_read(uart, REG_LSR);

        if ((lsr & LSR_ERRORS) != 0) {
            if ((lsr & LSR_DATA_READY) != 0) {
                (void)reg_read(uart, REG_RBR_THR); /* drop the bad byte */
            }
            rx_finish(uart, OS_EFAIL);
            return;
        }
        if ((lsr & LSR_DATA_READY) == 0) {
            return;
        }
        uart->rx_buf[uart->rx_pos++] = reg_read(uart, REG_RBR_THR);
    }
    rx_finish(uart, OS_OK);
}

static const struct hil_uart_rx_ops ns16550_rx_ops = {
    .receive = rx_receive,
    .abort = rx_abort,
};

/* ---- Configuration ------------------------------------------------------ */

/* Divisor for baud at clock_hz, or 0 if not within 3 % of the request. */
static uint32_t baud_divisor(uint32_t clock_hz, uint32_t baud)
{
    if (baud == 0 || baud > clock_hz / 16u) {
        return 0;
    }
    uint32_t divisor = (clock_hz + 8u * baud) / (16u * baud);
    uint32_t actual = clock_hz / (16u * divisor);
    uint32_t error = actual > baud ? actual - baud : baud - actual;

    if (divisor > 0xFFFFu || (uint64_t)error * 100u > (uint64_t)baud * 3u) {
        return 0;
    }
    return divisor;
}

static void apply_line_settings(struct ns16550 *uart, uint32_t divisor, uint8_t lcr)
{
    reg_write(uart, REG_LCR, LCR_DLAB);
    reg_write(uart, REG_DLL, (uint8_t)divisor);
    reg_write(uart, REG_DLM, (uint8_t)(divisor >> 8));
    reg_write(uart, REG_LCR, lcr);
}

static os_err_t config_configure(struct hil_uart_config *cfg, const struct hil_uart_params *params)
{
    struct ns16550 *uart = container_of(cfg, struct ns16550, config);
    uint32_t divisor = baud_divisor(uart->clock_hz, params->baud_rate);

    if (uart->tx_buf != NULL || uart->rx_buf != NULL) {
        return OS_EBUSY;
    }
    /* The 16550A has no automatic RTS/CTS flow control. */
    if (divisor == 0 || params->hw_flow_control ||
        (params->stop_bits != 1 && params->stop_bits != 2)) {
        return OS_EINVAL;
    }
    apply_line_settings(uart, divisor,
                        params->stop_bits == 2 ? LCR_8_BITS | LCR_2_STOP : LCR_8_BITS);
    return OS_OK;
}

static const struct hil_uart_config_ops ns16550_config_ops = {
    .configure = config_configure,
};

/* ---- Setup and interrupt service --------------------------------------- */

/* Work no interrupt will announce: complete aborted transfers and hand over
 * the byte kept from before init. */
static void soft_fire(struct deferred_call *dc)
{
    struct ns16550 *uart = container_of(dc, struct ns16550, soft_call);

    if (uart->tx_buf != NULL && uart->tx_aborted) {
        tx_finish(uart, OS_ECANCEL);
    }
    if (uart->rx_buf != NULL && uart->rx_aborted) {
        rx_finish(uart, OS_ECANCEL);
    } else if (uart->rx_buf != NULL) {
        rx_handle_data(uart);
    }
}

/* Keep a byte that arrived before init: enabling the FIFOs below discards
 * the receive buffer. Then restart reception (on QEMU, reading RBR is what
 * lets the host side deliver more input after the FIFO reset). */
static void reset_fifos(struct ns16550 *uart)
{
    uart->rx_early_valid = (reg_read(uart, REG_LSR) & LSR_DATA_READY) != 0;
    uart->rx_early_byte = uart->rx_early_valid ? reg_read(uart, REG_RBR_THR) : 0;
    reg_write(uart, REG_IIR_FCR, FCR_ENABLE_CLEAR);
    (void)reg_read(uart, REG_LSR); /* clear stale line-status bits */
    (void)reg_read(uart, REG_RBR_THR);
}

void ns16550_init(struct ns16550 *uart, uintptr_t base, uint32_t clock_hz)
{
    uart->tx.ops = &ns16550_tx_ops;
    uart->tx.client = NULL;
    uart->rx.ops = &ns16550_rx_ops;
    uart->rx.client = NULL;
    uart->config.ops = &ns16550_config_ops;
    uart->base = base;
    uart->clock_hz = clock_hz;
    uart->tx_buf = NULL;
    uart->tx_aborted = false;
    uart->rx_buf = NULL;
    uart->rx_aborted = false;
    deferred_call_register(&uart->soft_call, soft_fire);

    set_ier(uart, 0);
    apply_line_settings(uart, baud_divisor(clock_hz, NS16550_DEFAULT_BAUD), LCR_8_BITS);
    reg_write(uart, REG_MCR, MCR_DTR_RTS_OUT2);
    reset_fifos(uart);
}

void ns16550_service(struct ns16550 *uart)
{
    for (unsigned pass = 0; pass < SERVICE_MAX_PASSES; pass++) {
        uint8_t iir = reg_read(uart, REG_IIR_FCR);

        if ((iir & IIR_NO_PENDING) != 0) {
            return;
        }
        switch (iir & IIR_ID_MASK) {
        case IIR_ID_LINE_STATUS:
        case IIR_ID_RX_DATA:
        case IIR_ID_RX_TIMEOUT:
            rx_handle_data(uart);
            break;
        case IIR_ID_THR_EMPTY:
            /* Reading IIR with this cause on top already acknowledged it. */
            tx_handle_thr_empty(uart);
            break;
        default:
            (void)reg_read(uart, REG_MSR); /* acknowledge modem status */
            break;
        }
    }
}
