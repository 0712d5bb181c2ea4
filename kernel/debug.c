/* SPDX-License-Identifier: Apache-2.0 */
/* Kernel debug writer: formats into a ring, drains it over the UART HIL.
 *
 * debug_printf() never blocks and never calls the UART synchronously back
 * into itself: it appends a whole message to the ring (or drops and counts
 * it when the ring is full) and, if the UART is idle, hands the oldest bytes
 * to hil_uart_transmit(). tx_done hands over the next chunk. '\n' becomes
 * "\r\n" so raw terminals show clean lines.
 */
#include <stdarg.h>
#include <stdbool.h>

#include "kernel/early_print.h"
#include "kernel/format.h"
#include "os/board/debug_writer.h"
#include "os/debug.h"
#include "os/platform/chip.h"
#include "os/platform/panic.h"

/* All writer state; one writer per kernel. */
static struct {
    struct hil_uart_tx *uart; /* NULL until attached */
    struct hil_uart_tx_client client;
    uint8_t *ring; /* formatted text not yet handed over */
    size_t ring_len;
    size_t tail;     /* oldest queued byte */
    size_t count;    /* queued bytes */
    uint8_t *tx_buf; /* chunk owned by the UART while in flight */
    size_t tx_buf_len;
    size_t tx_len;           /* bytes of tx_buf being sent; 0 = idle */
    uint32_t reported_drops; /* dropped_messages already announced */
    struct debug_stats stats;
} writer;

/* Tentative append of one message; committed only if all of it fits. */
struct ring_sink {
    size_t added;  /* bytes written after the committed ones */
    bool overflow; /* the message did not fit */
};

/* Past the free space only counts, so a dropped message's size is known. */
static void ring_put_raw(struct ring_sink *s, char c)
{
    if (writer.count + s->added >= writer.ring_len) {
        s->overflow = true;
    } else {
        writer.ring[(writer.tail + writer.count + s->added) % writer.ring_len] = (uint8_t)c;
    }
    s->added++;
}

static void ring_put(void *ctx, char c)
{
    struct ring_sink *s = ctx;

    if (c == '\n') {
        ring_put_raw(s, '\r');
    }
    ring_put_raw(s, c);
}

/* Append a formatted message; returns its length, 0 if dropped. */
static size_t ring_append(const char *fmt, va_list ap)
{
    struct ring_sink s = {.added = 0, .overflow = false};

    format_vprintf(ring_put, &s, fmt, ap);
    if (s.overflow) {
        writer.stats.dropped_messages++;
        writer.stats.dropped_bytes += (uint32_t)s.added;
        return 0;
    }
    writer.count += s.added;
    writer.stats.queued_bytes += (uint32_t)s.added;
    return s.added;
}

/* Move up to tx_buf_len queued bytes into tx_buf and start sending them. */
static void start_next_chunk(void)
{
    size_t n = MIN(writer.count, writer.tx_buf_len);

    if (writer.tx_len != 0 || n == 0) {
        return;
    }
    for (size_t i = 0; i < n; i++) {
        writer.tx_buf[i] = writer.ring[(writer.tail + i) % writer.ring_len];
    }
    if (hil_uart_transmit(writer.uart, writer.tx_buf, n) == OS_OK) {
        writer.tail = (writer.tail + n) % writer.ring_len;
        writer.count -= n;
        writer.tx_len = n;
    }
}

static void debug_tx_done(struct hil_uart_tx_client *client, uint8_t *buf, size_t written,
                          os_err_t status)
{
    (void)client;
    (void)status;
    if (written < writer.tx_len) {
        /* Partial send: send the rest of the same chunk first. */
        size_t rest = writer.tx_len - written;

        for (size_t i = 0; i < rest; i++) {
            buf[i] = buf[written + i];
        }
        writer.tx_len = rest;
        if (hil_uart_transmit(writer.uart, buf, rest) == OS_OK) {
            return;
        }
    }
    writer.tx_len = 0;
    start_next_chunk();
}

void debug_writer_init(struct hil_uart_tx *uart, uint8_t *ring, size_t ring_len, uint8_t *tx_buf,
                       size_t tx_buf_len)
{
    writer.ring = ring;
    writer.ring_len = ring_len;
    writer.tx_buf = tx_buf;
    writer.tx_buf_len = tx_buf_len;
    writer.client.tx_done = debug_tx_done;
    hil_uart_tx_set_client(uart, &writer.client);
    writer.uart = uart;
}

static void count_put(void *ctx, char c)
{
    size_t *n = ctx;

    *n += (c == '\n') ? 2 : 1;
}

/* If messages were dropped and not yet announced, queue the notice.
 * Returns false if even the notice does not fit. */
static bool announce_drops(void)
{
    uint32_t unreported = writer.stats.dropped_messages - writer.reported_drops;
    struct ring_sink s = {.added = 0, .overflow = false};
    char notice[48];
    size_t len;

    if (unreported == 0) {
        return true;
    }
    len = format_snprintf(notice, sizeof(notice), "[debug: %lu messages dropped]\n",
                          (unsigned long)unreported);
    for (size_t i = 0; i < len; i++) {
        ring_put(&s, notice[i]);
    }
    if (s.overflow) {
        return false;
    }
    writer.count += s.added;
    writer.stats.queued_bytes += (uint32_t)s.added;
    writer.reported_drops += unreported;
    return true;
}

size_t debug_printf(const char *fmt, ...)
{
    va_list ap;
    size_t n = 0;

    va_start(ap, fmt);
    if (writer.uart == NULL) {
        n = early_vprintf(fmt, ap);
    } else if (announce_drops()) {
        n = ring_append(fmt, ap);
        start_next_chunk();
    } else {
        /* No room even for the notice: this message is dropped as well. */
        size_t len = 0;

        format_vprintf(count_put, &len, fmt, ap);
        writer.stats.dropped_messages++;
        writer.stats.dropped_bytes += (uint32_t)len;
    }
    va_end(ap);
    return n;
}

void debug_get_stats(struct debug_stats *stats)
{
    *stats = writer.stats;
}

void debug_flush_sync(void)
{
    char chunk[32];

    if (writer.uart == NULL) {
        return;
    }
    while (writer.count != 0) {
        size_t n = MIN(writer.count, sizeof(chunk));

        for (size_t i = 0; i < n; i++) {
            chunk[i] = (char)writer.ring[(writer.tail + i) % writer.ring_len];
        }
        /* chip_early_write() first finishes the chunk in flight, if any. */
        chip_early_write(chunk, n);
        writer.tail = (writer.tail + n) % writer.ring_len;
        writer.count -= n;
    }
    if (writer.stats.dropped_messages != writer.reported_drops) {
        early_printf("[debug: %lu messages dropped]\n",
                     (unsigned long)(writer.stats.dropped_messages - writer.reported_drops));
        writer.reported_drops = writer.stats.dropped_messages;
    }
}
