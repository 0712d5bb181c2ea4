/* SPDX-License-Identifier: Apache-2.0 */
/* The process console's line editor, history, command recognition and
 * input routing, on a fake UART (no processes loaded). */
#include <string.h>

#include "capsules/core/process_console.h"
#include "fakes/fake_alarm.h"
#include "fakes/fake_uart.h"
#include "kernel/deferred_call_table.h"
#include "unit.h"

static struct process_console pc;
static struct fake_uart uart;
static struct fake_alarm alarm;

/* A receiver the test feeds by hand. */
static struct hil_uart_rx rx;
static uint8_t *rx_buf;

static os_err_t fake_receive(struct hil_uart_rx *r, uint8_t *buf, size_t len)
{
    (void)r;
    if (rx_buf != NULL || len != 1) {
        return OS_EBUSY;
    }
    rx_buf = buf;
    return OS_OK;
}

static os_err_t fake_abort(struct hil_uart_rx *r)
{
    (void)r;
    return OS_OK;
}

static const struct hil_uart_rx_ops rx_ops = {.receive = fake_receive, .abort = fake_abort};

/* The app console's side of the gate. */
static struct hil_uart_rx_client app_client;
static char app_got[16];
static size_t app_len;
static os_err_t app_status;
static int app_dones;

static void app_done(struct hil_uart_rx_client *self, uint8_t *buf, size_t len, os_err_t status)
{
    (void)self;
    memcpy(app_got, buf, len);
    app_len = len;
    app_status = status;
    app_dones++;
}

static void run_deferred(void)
{
    while (deferred_call_service_one()) {}
}

/* Type bytes, letting the UART complete every transmit. */
static void type(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        uint8_t *buf = rx_buf;

        CHECK(buf != NULL);
        if (buf == NULL) {
            return;
        }
        rx_buf = NULL;
        *buf = (uint8_t)s[i];
        rx.client->rx_done(rx.client, buf, 1, OS_OK);
        fake_uart_drain(&uart, 100);
        run_deferred();
    }
}

static void type_str(const char *s)
{
    type(s, strlen(s));
}

/* What the console sent since the last call, NUL-terminated. */
static const char *output(void)
{
    static char out[sizeof(uart.sent) + 1];

    memcpy(out, uart.sent, uart.sent_len);
    out[uart.sent_len] = '\0';
    uart.sent_len = 0;
    return out;
}

static void setup(void)
{
    deferred_call_reset_for_test();
    fake_uart_init(&uart);
    fake_alarm_init(&alarm, 1000000, 0);
    rx = (struct hil_uart_rx){.ops = &rx_ops};
    rx_buf = NULL;
    app_dones = 0;
    app_client.rx_done = app_done;
    process_console_init(&pc, &uart.tx, &rx, &alarm.alarm, NULL, NULL);
    hil_uart_rx_set_client(process_console_app_rx(&pc), &app_client);
    process_console_start(&pc, PC_ACTIVE);
    fake_alarm_advance(&alarm, 100000);
    CHECK(fake_alarm_fire(&alarm));
    fake_uart_drain(&uart, 100);
    CHECK(strstr(output(), "Valid commands are:") != NULL);
}

static void start_prints_welcome_and_prompt(void)
{
    deferred_call_reset_for_test();
    fake_uart_init(&uart);
    fake_alarm_init(&alarm, 1000000, 0);
    rx = (struct hil_uart_rx){.ops = &rx_ops};
    rx_buf = NULL;
    process_console_init(&pc, &uart.tx, &rx, &alarm.alarm, NULL, NULL);
    process_console_start(&pc, PC_ACTIVE);
    CHECK(!fake_alarm_fire(&alarm)); /* not before 100 ms */
    fake_alarm_advance(&alarm, 100000);
    CHECK(fake_alarm_fire(&alarm));
    fake_uart_drain(&uart, 100);
    CHECK_STREQ(output(), "Welcome to the process console.\r\n"
                          "Valid commands are: help status list stop start fault boot terminate "
                          "process kernel reset panic console-start console-stop top stats\r\n"
                          "tock$ ");
    CHECK(rx_buf != NULL); /* receiving */
}

static void commands_by_prefix(void)
{
    setup();
    type_str("statusx\r");
    CHECK_STREQ(output(), "statusx\r\nTotal processes: 0\r\nActive processes: 0\r\n"
                          "Timeslice expirations: 0\r\ntock$ ");
    type_str("\r");
    CHECK_STREQ(output(), "\r\ntock$ "); /* empty line: just the prompt */
    type_str("  \r");
    CHECK(strstr(output(), "Valid commands are:") != NULL); /* blank: the list */
    type_str("stop\r");
    CHECK(strstr(output(), "Usage: stop <process name>\r\n") != NULL);
    type_str("terminate nosuch extra\r");
    CHECK(strstr(output(), "No process named 'nosuch'.") != NULL);
    type_str("reset\r");
    CHECK(strstr(output(), "Reset function is not implemented"
                           "tock$ ") != NULL);
}

static void line_ends_and_length(void)
{
    char longline[80];

    setup();
    type_str("help\r\nhelp\n\r");
    const char *o = output();
    /* Two commands, not four: CR LF and LF CR are single line ends. */
    CHECK(strstr(o, "Welcome") != NULL && strstr(strstr(o, "Welcome") + 1, "Welcome") != NULL);
    CHECK(strstr(strstr(strstr(o, "Welcome") + 1, "Welcome") + 1, "Welcome") == NULL);
    type_str("help\r\r");
    o = output();
    CHECK(strstr(o, "tock$ \r\ntock$ ") != NULL); /* CR CR: the second line is empty */
    memset(longline, 'x', sizeof(longline));
    type(longline, sizeof(longline));
    o = output();
    CHECK_EQ(strlen(o), 63u); /* the rest was ignored */
    type_str("\r");
    (void)output();
}

static void editing_keys(void)
{
    setup();
    type_str("helq\x08p\r");
    CHECK(strstr(output(), "Welcome") != NULL);
    type_str("stauts\x1b[D\x1b[D\x7f\x1b[Cu\r"); /* fix a typo mid-line */
    CHECK(strstr(output(), "Total processes") != NULL);
    type_str("xstatus\x1b[H\x1b[3~\x1b[F\r"); /* home, delete, end */
    CHECK(strstr(output(), "Total processes") != NULL);
    type_str("\x1b[5~\r"); /* unknown sequence: "5~" is text */
    CHECK(strstr(output(), "5~\r\nValid commands") != NULL);
    type_str("\x1bOP\r"); /* ESC O P inserts OP */
    CHECK(strstr(output(), "OP\r\nValid commands") != NULL);
}

static void history_keeps_ten(void)
{
    char cmd[16];

    setup();
    for (int i = 0; i < 11; i++) {
        cmd[0] = 'c';
        cmd[1] = (char)('a' + i);
        cmd[2] = '\r';
        type(cmd, 3);
    }
    type_str("ca\r"); /* old and fallen out of the history: stored again */
    type_str("ca\r"); /* a consecutive duplicate is stored once */
    (void)output();
    type_str("\x1b[A\x1b[A\r"); /* second newest: "ck" (before the "ca"s) */
    CHECK(strstr(output(), "ck\r\n") != NULL);
    /* Walk to the oldest kept: 10 entries, newest "ck" now. */
    for (int i = 0; i < 12; i++) {
        type_str("\x1b[A");
    }
    type_str("\r");
    const char *o = output();
    /* Newest first: ck, ca, ck, cj, ci, ch, cg, cf, ce, cd -> the oldest is "cd". */
    CHECK(strstr(o, "cd\r\n") != NULL);
    type_str("status\x1b[A\x1b[B\r"); /* up then down: back to the line being typed */
    CHECK(strstr(output(), "Total processes") != NULL);
}

static void input_routing(void)
{
    static uint8_t buf[4];
    struct hil_uart_rx *gate = process_console_app_rx(&pc);

    setup();
    CHECK_EQ(hil_uart_receive(gate, buf, sizeof(buf)), OS_OK);
    CHECK_EQ(hil_uart_receive(gate, buf, sizeof(buf)), OS_EBUSY);
    type_str("abcd\r"); /* active: shell input, the app gets nothing */
    CHECK_EQ(app_dones, 0);
    type_str("console-stop\r");
    CHECK(strstr(output(), "Disabling the process console.") != NULL);
    type_str("wxyz");
    CHECK_EQ(app_dones, 1);
    CHECK(app_len == 4 && memcmp(app_got, "wxyz", 4) == 0 && app_status == OS_OK);
    CHECK_STREQ(output(), ""); /* no echo: the app owns the input */
    CHECK_EQ(hil_uart_receive(gate, buf, sizeof(buf)), OS_OK);
    type_str("\x14"); /* take it back; the app does not see it */
    CHECK_STREQ(output(), "tock$ ");
    CHECK_EQ(app_dones, 1);
    type_str("status\r");
    CHECK(strstr(output(), "Total processes") != NULL);
    CHECK_EQ(app_dones, 1);
    CHECK_EQ(hil_uart_receive_abort(gate), OS_EBUSY); /* abort: ECANCEL later */
    CHECK_EQ(app_dones, 1);
    run_deferred();
    CHECK(app_dones == 2 && app_status == OS_ECANCEL && app_len == 0);
    /* A console-start line while hibernating wakes the shell. */
    type_str("console-stop\r");
    (void)output();
    type_str("console-start\r");
    CHECK_STREQ(output(), "tock$ ");
}

int main(void)
{
    static const struct unit_case cases[] = {
        UNIT_CASE(start_prints_welcome_and_prompt),
        UNIT_CASE(commands_by_prefix),
        UNIT_CASE(line_ends_and_length),
        UNIT_CASE(editing_keys),
        UNIT_CASE(history_keeps_ten),
        UNIT_CASE(input_routing),
    };

    return unit_run("process_console", cases, sizeof(cases) / sizeof(cases[0]));
}
