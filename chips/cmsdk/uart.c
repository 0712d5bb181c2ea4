/* SPDX-License-Identifier: Apache-2.0 */
/* CMSDK APB UART driver implementing the tx, rx and config UART HIL roles.
 *
 * Transmit: the start call fills the holding register as far as it goes;
 * each TX interrupt (holding register emptied) refills it, and the
 * interrupt that finds the buffer fully handed over and the holding
 * register empty completes the transmit. The TX interrupt enable stays on
 * permanently, so no completion can be missed between a write and enabling
 * it; interrupts caused by polled early output are simply found idle.
 *
 * Receive: RX is always enabled; the RX interrupt is enabled only while a
 * receive is in progress. A byte that arrived before the receive started
 * sits in the receive buffer without raising a new interrupt, so starting a
 * receive also queues the deferred call, which drains it.
 */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "cmsdk/uart.h"
#include "os/compiler.h"
#include "os/platform/panic.h"

/* Register block (DDI0479C table 4-7). */
struct cmsdk_uart_regs {
    volatile uint32_t data;      /* 0x00 read: RX byte; write: TX byte */
    volatile uint32_t state;     /* 0x04 full flags; overrun flags W1C */
    volatile uint32_t ctrl;      /* 0x08 enables */
    volatile uint32_t intstatus; /* 0x0C read: status; write 1: clear */
    volatile uint32_t bauddiv;   /* 0x10 baud divider, >= 16 */
};

_Static_assert(offsetof(struct cmsdk_uart_regs, bauddiv) == 0x10, "CMSDK UART layout");

#define STATE_TXFULL (1u << 0)
#define STATE_RXFULL (1u << 1)
#define STATE_TXOVERRUN (1u << 2)
#define STATE_RXOVERRUN (1u << 3)

#define CTRL_TX_EN (1u << 0)
#define CTRL_RX_EN (1u << 1)
#define CTRL_TX_INTEN (1u << 2)
#define CTRL_RX_INTEN (1u << 3)

#define INT_TX (1u << 0)
#define INT_RX (1u << 1)

#define BAUDDIV_MIN 16u
#define BAUDDIV_MAX 0xFFFFFu

static struct cmsdk_uart_regs *regs_at(uintptr_t base)
{
    /* SAFETY: base is the address of a CMSDK UART register block given by
     * the chip (a fixed, word-aligned MMIO address from its memory map). */
    return (struct cmsdk_uart_regs *)base;
}

static uint32_t divider_for(uint32_t pclk_hz, uint32_t baud_rate)
{
    uint32_t div = baud_rate == 0 ? 0 : pclk_hz / baud_rate;

    return (div >= BAUDDIV_MIN && div <= BAUDDIV_MAX) ? div : 0;
}

/* Hand bytes to the holding register until it is full or none are left. */
static void tx_fill(struct cmsdk_uart *uart)
{
    /* SAFETY: MMIO on this UART's registers; writing DATA only while
     * TXFULL is clear never overruns the holding register. */
    while (uart->tx_pos < uart->tx_len && (uart->regs->state & STATE_TXFULL) == 0) {
        uart->regs->data = uart->tx_buf[uart->tx_pos];
        uart->tx_pos++;
    }
}

static void tx_finish(struct cmsdk_uart *uart, os_err_t status)
{
    uint8_t *buf = uart->tx_buf;
    size_t written = uart->tx_pos;

    uart->tx_buf = NULL;
    uart->tx_aborted = false;
    if (uart->tx.client != NULL) {
        uart->tx.client->tx_done(uart->tx.client, buf, written, status);
    }
}

static void rx_finish(struct cmsdk_uart *uart, os_err_t status)
{
    uint8_t *buf = uart->rx_buf;
    size_t received = uart->rx_pos;

    /* SAFETY: MMIO: no RX interrupts while no receive is in progress. */
    uart->regs->ctrl &= ~CTRL_RX_INTEN;
    uart->rx_buf = NULL;
    uart->rx_aborted = false;
    if (uart->rx.client != NULL) {
        uart->rx.client->rx_done(uart->rx.client, buf, received, status);
    }
}

/* Move waiting bytes into the receive buffer; complete when full. */
static void rx_drain(struct cmsdk_uart *uart)
{
    uint32_t state;

    if (uart->rx_buf == NULL || uart->rx_aborted) {
        return;
    }
    /* SAFETY: MMIO: reading DATA takes the byte and clears RXFULL; the
     * overrun flag is write-one-to-clear. */
    while (uart->rx_pos < uart->rx_len && (uart->regs->state & STATE_RXFULL) != 0) {
        uart->rx_buf[uart->rx_pos] = (uint8_t)uart->regs->data;
        uart->rx_pos++;
    }
    state = uart->regs->state;
    if ((state & STATE_RXOVERRUN) != 0) {
        uart->regs->state = STATE_RXOVERRUN;
        rx_finish(uart, OS_EFAIL);
    } else if (uart->rx_pos == uart->rx_len) {
        rx_finish(uart, OS_OK);
    }
}

static void uart_deferred(struct deferred_call *dc)
{
    struct cmsdk_uart *uart = container_of(dc, struct cmsdk_uart, deferred);

    if (uart->tx_buf != NULL && uart->tx_aborted) {
        tx_finish(uart, OS_ECANCEL);
    }
    if (uart->rx_buf != NULL && uart->rx_aborted) {
        rx_finish(uart, OS_ECANCEL);
    } else {
        rx_drain(uart);
    }
}

static os_err_t uart_transmit(struct hil_uart_tx *tx, uint8_t *buf, size_t len)
{
    struct cmsdk_uart *uart = container_of(tx, struct cmsdk_uart, tx);

    if (uart->tx_buf != NULL) {
        return OS_EBUSY;
    }
    if (buf == NULL || len == 0) {
        return OS_ESIZE;
    }
    uart->tx_buf = buf;
    uart->tx_len = len;
    uart->tx_pos = 0;
    uart->tx_aborted = false;
    /* The completion comes from the TX interrupt the last byte raises. */
    tx_fill(uart);
    return OS_OK;
}

static os_err_t uart_transmit_abort(struct hil_uart_tx *tx)
{
    struct cmsdk_uart *uart = container_of(tx, struct cmsdk_uart, tx);

    if (uart->tx_buf == NULL) {
        return OS_OK;
    }
    if (!uart->tx_aborted) {
        uart->tx_aborted = true;
        deferred_call_set(&uart->deferred);
    }
    return OS_EBUSY;
}

static os_err_t uart_receive(struct hil_uart_rx *rx, uint8_t *buf, size_t len)
{
    struct cmsdk_uart *uart = container_of(rx, struct cmsdk_uart, rx);

    if (uart->rx_buf != NULL) {
        return OS_EBUSY;
    }
    if (buf == NULL || len == 0) {
        return OS_ESIZE;
    }
    uart->rx_buf = buf;
    uart->rx_len = len;
    uart->rx_pos = 0;
    uart->rx_aborted = false;
    /* SAFETY: MMIO: forget an overrun from before this receive, then let
     * arriving bytes interrupt. */
    uart->regs->state = STATE_RXOVERRUN;
    uart->regs->ctrl |= CTRL_RX_INTEN;
    if ((uart->regs->state & STATE_RXFULL) != 0) {
        /* A byte is already waiting and will not interrupt by itself. */
        deferred_call_set(&uart->deferred);
    }
    return OS_OK;
}

static os_err_t uart_receive_abort(struct hil_uart_rx *rx)
{
    struct cmsdk_uart *uart = container_of(rx, struct cmsdk_uart, rx);

    if (uart->rx_buf == NULL) {
        return OS_OK;
    }
    if (!uart->rx_aborted) {
        uart->rx_aborted = true;
        /* SAFETY: MMIO: stop RX interrupts; the bytes so far are final. */
        uart->regs->ctrl &= ~CTRL_RX_INTEN;
        deferred_call_set(&uart->deferred);
    }
    return OS_EBUSY;
}

static os_err_t uart_configure(struct hil_uart_config *cfg, const struct hil_uart_params *params)
{
    struct cmsdk_uart *uart = container_of(cfg, struct cmsdk_uart, config);
    uint32_t div = divider_for(uart->pclk_hz, params->baud_rate);

    if (uart->tx_buf != NULL || uart->rx_buf != NULL) {
        return OS_EBUSY;
    }
    /* The frame is fixed at 8N1 and there are no RTS/CTS lines. */
    if (div == 0 || params->stop_bits != 1 || params->hw_flow_control) {
        return OS_EINVAL;
    }
    /* SAFETY: MMIO: new divider while nothing is being sent or received. */
    uart->regs->bauddiv = div;
    return OS_OK;
}

static const struct hil_uart_tx_ops uart_tx_ops = {
    .transmit = uart_transmit,
    .abort = uart_transmit_abort,
};

static const struct hil_uart_rx_ops uart_rx_ops = {
    .receive = uart_receive,
    .abort = uart_receive_abort,
};

static const struct hil_uart_config_ops uart_config_ops = {
    .configure = uart_configure,
};

void cmsdk_uart_init(struct cmsdk_uart *uart, uintptr_t base, uint32_t pclk_hz, uint32_t baud_rate)
{
    uint32_t div = divider_for(pclk_hz, baud_rate);

    if (div == 0) {
        OS_PANIC("CMSDK UART: %lu baud not possible at %lu Hz", (unsigned long)baud_rate,
                 (unsigned long)pclk_hz);
    }
    *uart = (struct cmsdk_uart){
        .tx = {.ops = &uart_tx_ops},
        .rx = {.ops = &uart_rx_ops},
        .config = {.ops = &uart_config_ops},
        .regs = regs_at(base),
        .pclk_hz = pclk_hz,
    };
    deferred_call_register(&uart->deferred, uart_deferred);
    /* SAFETY: MMIO at boot: divider first (QEMU refuses TX_EN with a zero
     * divider), then enables, then drop stale interrupt and overrun state. */
    uart->regs->bauddiv = div;
    uart->regs->ctrl = CTRL_TX_EN | CTRL_RX_EN | CTRL_TX_INTEN;
    uart->regs->state = STATE_TXOVERRUN | STATE_RXOVERRUN;
    uart->regs->intstatus = INT_TX | INT_RX;
}

void cmsdk_uart_handle_tx_interrupt(struct cmsdk_uart *uart)
{
    /* SAFETY: MMIO: acknowledge before refilling, so the interrupt raised
     * by the bytes written below is not cleared by mistake. */
    uart->regs->intstatus = INT_TX;
    if (uart->tx_buf == NULL || uart->tx_aborted) {
        return;
    }
    tx_fill(uart);
    /* SAFETY: MMIO read of the holding-register flag. */
    if (uart->tx_pos == uart->tx_len && (uart->regs->state & STATE_TXFULL) == 0) {
        tx_finish(uart, OS_OK);
    }
}

void cmsdk_uart_handle_rx_interrupt(struct cmsdk_uart *uart)
{
    /* SAFETY: MMIO: acknowledge, then take the bytes (reading DATA is what
     * makes room for the next one). */
    uart->regs->intstatus = INT_RX;
    rx_drain(uart);
}

static void poll_put(struct cmsdk_uart_regs *regs, uint8_t byte)
{
    /* SAFETY: MMIO: wait for the holding register, then write one byte. */
    while ((regs->state & STATE_TXFULL) != 0) {}
    regs->data = byte;
}

void cmsdk_uart_early_write(struct cmsdk_uart *uart, const char *s, size_t len)
{
    if (uart->tx_buf != NULL && !uart->tx_aborted) {
        /* Finish the interrupt-driven transmit first; its completion is
         * reported by the next TX bottom half as usual. */
        while (uart->tx_pos < uart->tx_len) {
            poll_put(uart->regs, uart->tx_buf[uart->tx_pos]);
            uart->tx_pos++;
        }
    }
    for (size_t i = 0; i < len; i++) {
        poll_put(uart->regs, (uint8_t)s[i]);
    }
}

void cmsdk_uart_boot_write(uintptr_t base, uint32_t pclk_hz, uint32_t baud_rate, const char *s,
                           size_t len)
{
    struct cmsdk_uart_regs *regs = regs_at(base);
    uint32_t div = divider_for(pclk_hz, baud_rate);

    /* SAFETY: MMIO: enable the transmitter with a valid divider if the
     * UART was never initialised (writes are dropped while TX_EN is 0). */
    if ((regs->ctrl & CTRL_TX_EN) == 0 || regs->bauddiv < BAUDDIV_MIN) {
        regs->bauddiv = div != 0 ? div : BAUDDIV_MIN;
        regs->ctrl |= CTRL_TX_EN;
    }
    for (size_t i = 0; i < len; i++) {
        poll_put(regs, (uint8_t)s[i]);
    }
}
