/* SPDX-License-Identifier: Apache-2.0 */
/* Debug writer: asynchronous draining, overflow drops, synchronous flush.
 *
 * The writer is a singleton attached once, so the cases run in order on one
 * writer and each drains it before the next starts.
 */
#include <string.h>

#include "fakes/fake_platform.h"
#include "fakes/fake_uart.h"
#include "os/board/debug_writer.h"
#include "os/debug.h"
#include "unit.h"

static struct fake_uart uart;
static uint8_t ring[128];
static uint8_t tx_buf[16];

static void before_attach_goes_out_synchronously(void)
{
    fake_early_reset();
    debug_printf("early %d\n", 1);
    CHECK_STREQ(fake_early_output, "early 1\r\n");
}

static void messages_drain_in_chunks_through_tx_done(void)
{
    fake_uart_init(&uart);
    debug_writer_init(&uart.tx, ring, sizeof(ring), tx_buf, sizeof(tx_buf));
    CHECK(debug_printf("hello %s\n", "world") == 13);
    /* The first chunk is handed over at once, no callback yet. */
    CHECK_EQ(uart.transmits, 1u);
    CHECK_EQ(uart.len, (size_t)13);
    CHECK(debug_printf("second line that is long\n") > 0);
    CHECK_EQ(uart.transmits, 1u); /* still one in flight */
    fake_uart_drain(&uart, 100);
    CHECK_STREQ(uart.sent, "hello world\r\nsecond line that is long\r\n");
    CHECK(uart.transmits >= 3u); /* 16-byte chunks */
}

static void partial_transmit_is_resent(void)
{
    uart.sent_len = 0;
    CHECK(debug_printf("abcdefgh") == 8);
    CHECK(fake_uart_complete(&uart, 3, OS_OK));
    fake_uart_drain(&uart, 100);
    CHECK_STREQ(uart.sent, "abcdefgh");
}

static void overflow_drops_whole_messages_without_blocking(void)
{
    struct debug_stats before;
    struct debug_stats after;
    unsigned accepted = 0;

    uart.sent_len = 0;
    debug_get_stats(&before);
    /* The UART never completes meanwhile: the writer must not wait for it. */
    for (int i = 0; i < 50; i++) {
        accepted += debug_printf("message %02d\n", i) != 0 ? 1 : 0;
    }
    debug_get_stats(&after);
    CHECK(accepted > 0 && accepted < 50);
    CHECK_EQ(after.dropped_messages - before.dropped_messages, 50 - accepted);
    CHECK_EQ(after.dropped_bytes - before.dropped_bytes, (50 - accepted) * 12u);
    fake_uart_drain(&uart, 100);
    /* Accepted messages are intact and in order; none is cut in half. */
    CHECK(strncmp(uart.sent, "message 00\r\nmessage 01\r\n", 24) == 0);
    /* The next message is preceded by the drop notice. */
    uart.sent_len = 0;
    CHECK(debug_printf("after\n") == 7);
    fake_uart_drain(&uart, 100);
    CHECK(strstr(uart.sent, "messages dropped]\r\nafter\r\n") != NULL);
}

static void flush_sync_writes_remaining_in_order(void)
{
    fake_early_reset();
    uart.sent_len = 0;
    CHECK(debug_printf("one\n") > 0);
    CHECK(debug_printf("two\n") > 0);
    CHECK(debug_printf("three three three\n") > 0);
    /* "one" is the chunk in flight (the chip finishes it); the rest follows. */
    CHECK_EQ(uart.len, (size_t)5);
    debug_flush_sync();
    CHECK_STREQ(fake_early_output, "two\r\nthree three three\r\n");
}

int main(void)
{
    static const struct unit_case cases[] = {
        UNIT_CASE(before_attach_goes_out_synchronously),
        UNIT_CASE(messages_drain_in_chunks_through_tx_done),
        UNIT_CASE(partial_transmit_is_resent),
        UNIT_CASE(overflow_drops_whole_messages_without_blocking),
        UNIT_CASE(flush_sync_writes_remaining_in_order),
    };

    return unit_run("debug", cases, sizeof(cases) / sizeof(cases[0]));
}
