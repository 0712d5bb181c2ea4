/* SPDX-License-Identifier: Apache-2.0 */
/* Process console I/O: output buffering, where input goes, start-up.
 *
 * Output: text is appended to `out`; when the UART is idle `out` is copied
 * to `tx_buf` and sent, so the shell never writes into a buffer the UART
 * owns. A long output (list, process, ...) writes its next part whenever
 * `out` has room for one, so it needs no big buffer.
 *
 * Input: the shell keeps a one-byte receive outstanding on the console UART
 * at all times. Active: the byte is shell input. Hibernating: it goes into
 * the receive the app console has outstanding on the gate (if any), except
 * the take-back key; the shell also watches those lines for console-start.
 */
#include <stdarg.h>
#include <string.h>

#include "process_console_internal.h"

#define START_DELAY_MS 100u

/* ---- output ----------------------------------------------------------- */

void pc_write(struct process_console *pc, const char *s, size_t n)
{
    size_t room = sizeof(pc->out) - pc->out_len;

    if (n > room) {
        n = room;
    }
    memcpy(pc->out + pc->out_len, s, n);
    pc->out_len += n;
}

void pc_puts(struct process_console *pc, const char *s)
{
    pc_write(pc, s, strlen(s));
}

void pc_printf(struct process_console *pc, const char *fmt, ...)
{
    char buf[PC_PART_MAX];
    va_list ap;
    size_t n;

    va_start(ap, fmt);
    n = os_vsnprintf(buf, sizeof(buf), fmt, ap);
    va_end(ap);
    pc_write(pc, buf, n < sizeof(buf) ? n : sizeof(buf) - 1);
}

/* Input typed while a long output was printing, now that it is done. */
static void replay_typeahead(struct process_console *pc)
{
    uint8_t i = 0;

    while (i < pc->typeahead_len && pc->job == PC_JOB_NONE) {
        pc_line_byte(pc, pc->typeahead[i++]);
    }
    memmove(pc->typeahead, pc->typeahead + i, pc->typeahead_len - i);
    pc->typeahead_len = (uint8_t)(pc->typeahead_len - i);
}

/* Write job parts while there is room for one. */
static void pump(struct process_console *pc)
{
    while (pc->job != PC_JOB_NONE && sizeof(pc->out) - pc->out_len >= PC_PART_MAX) {
        if (!pc_job_part(pc)) {
            pc->job = PC_JOB_NONE;
            pc_prompt(pc);
            replay_typeahead(pc);
        }
    }
}

void pc_flush(struct process_console *pc)
{
    pump(pc);
    if (pc->tx_busy || pc->out_len == 0) {
        return;
    }
    size_t n = pc->out_len;

    memcpy(pc->tx_buf, pc->out, n);
    if (hil_uart_transmit(pc->tx, pc->tx_buf, n) == OS_OK) {
        pc->tx_busy = true;
        pc->out_len = 0;
    }
    pump(pc);
}

static void tx_done(struct hil_uart_tx_client *self, uint8_t *buf, size_t written, os_err_t status)
{
    struct process_console *pc = container_of(self, struct process_console, tx_client);

    (void)buf;
    (void)written;
    (void)status;
    pc->tx_busy = false;
    pc_flush(pc);
}

void pc_prompt(struct process_console *pc)
{
    if (pc->mode == PC_ACTIVE) {
        pc_puts(pc, "tock$ ");
    }
}

/* ---- the app console's receive role ------------------------------------ */

static os_err_t gate_receive(struct hil_uart_rx *rx, uint8_t *buf, size_t len)
{
    struct process_console *pc = container_of(rx, struct process_console, gate);

    if (pc->app_pending) {
        return OS_EBUSY;
    }
    if (len == 0) {
        return OS_ESIZE;
    }
    pc->app_buf = buf;
    pc->app_len = len;
    pc->app_got = 0;
    pc->app_pending = true;
    return OS_OK;
}

/* Hand the app its buffer back (from the main loop, never inside a call). */
static void app_complete(struct process_console *pc, os_err_t status)
{
    pc->app_pending = false;
    if (pc->gate.client != NULL) {
        pc->gate.client->rx_done(pc->gate.client, pc->app_buf, pc->app_got, status);
    }
}

static os_err_t gate_abort(struct hil_uart_rx *rx)
{
    struct process_console *pc = container_of(rx, struct process_console, gate);

    if (!pc->app_pending || pc->app_done) {
        return pc->app_pending ? OS_EBUSY : OS_OK;
    }
    pc->app_done = true;
    pc->app_status = OS_ECANCEL;
    deferred_call_set(&pc->call);
    return OS_EBUSY;
}

static const struct hil_uart_rx_ops gate_ops = {.receive = gate_receive, .abort = gate_abort};

static void deferred(struct deferred_call *dc)
{
    struct process_console *pc = container_of(dc, struct process_console, call);

    if (pc->app_pending && pc->app_done) {
        pc->app_done = false;
        app_complete(pc, pc->app_status);
    }
}

struct hil_uart_rx *process_console_app_rx(struct process_console *pc)
{
    return &pc->gate;
}

/* ---- input ------------------------------------------------------------ */

static void arm_receive(struct process_console *pc)
{
    if (!pc->rx_armed && hil_uart_receive(pc->rx, &pc->rx_byte, 1) == OS_OK) {
        pc->rx_armed = true;
    }
}

/* Hibernating: the byte belongs to the app reading the console. A line
 * starting with console-start (tracked without echo) wakes the shell. */
static void hibernating_byte(struct process_console *pc, uint8_t byte)
{
    if (byte == PROCESS_CONSOLE_TAKE_BACK) {
        pc->len = 0;
        pc_execute(pc, "console-start");
        return;
    }
    if (pc->app_pending && !pc->app_done) {
        pc->app_buf[pc->app_got++] = byte;
        if (pc->app_got == pc->app_len) {
            app_complete(pc, OS_OK);
        }
    }
    if (byte == '\r' || byte == '\n') {
        pc->line[pc->len] = '\0';
        pc->len = 0;
        if (strncmp(pc->line, "console-start", 13) == 0) {
            pc_execute(pc, "console-start");
        }
    } else if (pc->len + 1u < sizeof(pc->line)) {
        pc->line[pc->len++] = (char)byte;
    }
}

static void rx_done(struct hil_uart_rx_client *self, uint8_t *buf, size_t len, os_err_t status)
{
    struct process_console *pc = container_of(self, struct process_console, rx_client);

    (void)buf;
    pc->rx_armed = false;
    if (status == OS_OK && len == 1) {
        if (pc->mode == PC_ACTIVE) {
            /* Typed while a long output is still printing: kept for later
             * (up to PROCESS_CONSOLE_TYPEAHEAD bytes, the rest is lost). */
            if (pc->job == PC_JOB_NONE) {
                pc_line_byte(pc, pc->rx_byte);
            } else if (pc->typeahead_len < sizeof(pc->typeahead)) {
                pc->typeahead[pc->typeahead_len++] = pc->rx_byte;
            }
        } else if (pc->mode == PC_HIBERNATING) {
            hibernating_byte(pc, pc->rx_byte);
        }
    }
    if (pc->mode != PC_OFF) {
        arm_receive(pc);
    }
    pc_flush(pc);
}

/* ---- start-up --------------------------------------------------------- */

static void started(struct hil_alarm_client *self)
{
    struct process_console *pc = container_of(self, struct process_console, alarm_client);

    if (pc->mode == PC_ACTIVE) {
        pc_execute(pc, "help"); /* the welcome, the commands, the prompt */
    }
    arm_receive(pc);
    pc_flush(pc);
}

void process_console_init(struct process_console *pc, struct hil_uart_tx *tx,
                          struct hil_uart_rx *rx, struct hil_alarm *alarm,
                          const struct cap_process_mgmt *cap,
                          const struct process_console_hooks *hooks)
{
    memset(pc, 0, sizeof(*pc));
    pc->tx = tx;
    pc->rx = rx;
    pc->alarm = alarm;
    pc->cap = cap;
    pc->hooks = hooks;
    pc->history_pos = -1;
    pc->tx_client.tx_done = tx_done;
    pc->rx_client.rx_done = rx_done;
    pc->alarm_client.alarm_fired = started;
    pc->gate.ops = &gate_ops;
    hil_uart_tx_set_client(tx, &pc->tx_client);
    hil_uart_rx_set_client(rx, &pc->rx_client);
    hil_alarm_set_client(alarm, &pc->alarm_client);
    deferred_call_register(&pc->call, deferred);
}

void process_console_start(struct process_console *pc, enum process_console_mode mode)
{
    uint32_t hz = hil_alarm_frequency(pc->alarm);

    pc->mode = mode;
    hil_alarm_set(pc->alarm, hil_alarm_now(pc->alarm), hz / 1000u * START_DELAY_MS);
}
