/* SPDX-License-Identifier: Apache-2.0 */
/* UART virtualizer on the host: whole buffers, round robin, abort, receive. */
#include <string.h>

#include "capsules/core/virtualizers/uart_mux.h"
#include "fakes/fake_platform.h"
#include "fakes/fake_uart.h"
#include "kernel/deferred_call_table.h"
#include "unit.h"

/* A client of one virtual UART that records its completions. */
struct user {
    struct uart_mux_device dev;
    struct hil_uart_tx_client client;
    unsigned done;
    size_t last_written;
    os_err_t last_status;
};

static struct fake_uart uart;
static struct hil_uart_rx rx;
static struct uart_mux mux;
static struct user users[3];

static os_err_t rx_receive(struct hil_uart_rx *r, uint8_t *buf, size_t len)
{
    (void)r, (void)buf, (void)len;
    return OS_OK;
}

static os_err_t rx_abort(struct hil_uart_rx *r)
{
    (void)r;
    return OS_OK;
}

static const struct hil_uart_rx_ops rx_ops = {.receive = rx_receive, .abort = rx_abort};

static void user_tx_done(struct hil_uart_tx_client *c, uint8_t *buf, size_t written,
                         os_err_t status)
{
    struct user *u = container_of(c, struct user, client);

    (void)buf;
    u->done++;
    u->last_written = written;
    u->last_status = status;
}

static void setup(void)
{
    deferred_call_reset_for_test();
    fake_uart_init(&uart);
    rx.ops = &rx_ops;
    uart_mux_init(&mux, &uart.tx, &rx);
    for (unsigned i = 0; i < 3; i++) {
        memset(&users[i], 0, sizeof(users[i]));
        uart_mux_device_init(&users[i].dev, &mux);
        users[i].client.tx_done = user_tx_done;
        hil_uart_tx_set_client(&users[i].dev.tx, &users[i].client);
    }
}

static uint8_t a[] = "AAAA";
static uint8_t b[] = "BBBB";
static uint8_t c[] = "CCCC";

static void whole_buffers_in_turn_never_synchronous(void)
{
    setup();
    CHECK_EQ(hil_uart_transmit(&users[0].dev.tx, a, 4), OS_OK);
    CHECK_EQ(hil_uart_transmit(&users[1].dev.tx, b, 4), OS_OK);
    CHECK_EQ(hil_uart_transmit(&users[2].dev.tx, c, 4), OS_OK);
    CHECK_EQ(hil_uart_transmit(&users[1].dev.tx, b, 4), OS_EBUSY); /* one per device */
    CHECK_EQ(hil_uart_transmit(&users[2].dev.tx, c, 0), OS_EBUSY);
    CHECK_EQ(users[0].done + users[1].done + users[2].done, 0u); /* nothing synchronous */
    fake_uart_drain(&uart, 10);
    CHECK_STREQ(uart.sent, "AAAABBBBCCCC");
    CHECK(users[0].done == 1 && users[1].done == 1 && users[2].done == 1);
    CHECK_EQ(users[1].last_written, (size_t)4);
}

static void round_robin_does_not_starve(void)
{
    setup();
    CHECK_EQ(hil_uart_transmit(&users[0].dev.tx, a, 4), OS_OK);
    CHECK_EQ(hil_uart_transmit(&users[1].dev.tx, b, 4), OS_OK);
    /* Device 0 queues again as soon as it is done: device 1 still goes next. */
    CHECK(fake_uart_complete(&uart, 4, OS_OK));
    CHECK_EQ(hil_uart_transmit(&users[0].dev.tx, a, 4), OS_OK);
    fake_uart_drain(&uart, 10);
    CHECK_STREQ(uart.sent, "AAAABBBBAAAA");
}

static void abort_of_a_queued_transmit_is_reported_later(void)
{
    setup();
    CHECK_EQ(hil_uart_transmit(&users[0].dev.tx, a, 4), OS_OK);
    CHECK_EQ(hil_uart_transmit(&users[1].dev.tx, b, 4), OS_OK);
    CHECK_EQ(hil_uart_transmit_abort(&users[1].dev.tx), OS_EBUSY);
    CHECK_EQ(users[1].done, 0u); /* reported from a deferred call, not now */
    while (deferred_call_service_one()) {}
    CHECK_EQ(users[1].done, 1u);
    CHECK_EQ(users[1].last_status, OS_ECANCEL);
    CHECK_EQ(users[1].last_written, (size_t)0);
    fake_uart_drain(&uart, 10);
    CHECK_STREQ(uart.sent, "AAAA");
    CHECK_EQ(hil_uart_transmit_abort(&users[2].dev.tx), OS_OK); /* nothing to abort */
}

static void one_receiver_at_a_time(void)
{
    static uint8_t buf[4];

    setup();
    CHECK_EQ(hil_uart_receive(&users[0].dev.rx, buf, 4), OS_OK);
    CHECK_EQ(hil_uart_receive(&users[1].dev.rx, buf, 4), OS_EBUSY);
}

int main(void)
{
    static const struct unit_case cases[] = {
        UNIT_CASE(whole_buffers_in_turn_never_synchronous),
        UNIT_CASE(round_robin_does_not_starve),
        UNIT_CASE(abort_of_a_queued_transmit_is_reported_later),
        UNIT_CASE(one_receiver_at_a_time),
    };

    return unit_run("uart_mux", cases, ARRAY_SIZE(cases));
}
