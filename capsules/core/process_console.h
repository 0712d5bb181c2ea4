/* SPDX-License-Identifier: Apache-2.0 */
/* Process console: the kernel shell on the console UART.
 *
 * Boards allocate struct process_console (components/process_console.h);
 * only process_console*.c read or write its fields. The shell is a UART mux
 * client of its own for output and owns the console's input: it offers the
 * app console a receive role (process_console_app_rx()) and decides where
 * each received byte goes (doc/process-console.md):
 *
 *   Active (the start mode): bytes are shell input, echoed and edited; the
 *     prompt is "tock$ ". An app's console read stays pending.
 *   Hibernating (after console-stop): bytes go to the app that is reading
 *     the console (none reading: they are dropped, as on a bare UART). A
 *     Ctrl-T byte (0x14), which the app does not see, or a line starting
 *     with "console-start" makes the shell Active again.
 *
 * Commands (prefix match, as Tock's process console; line at most 63
 * characters; history of the last 10 commands with the up/down arrows):
 *   help, status, list, start/stop/fault/terminate/boot <name>,
 *   process <name>, kernel, reset, panic, console-start, console-stop,
 *   and Bulkhead's top (CPU time per process, idle and kernel time) and
 *   stats (kernel counters, syscalls by class per process).
 * A missing or unknown name gets a message; anything else gets the list of
 * valid commands. Long outputs are produced one line per part as the UART
 * drains; commands never block the kernel.
 */
#pragma once

#include "os/capability.h"
#include "os/capsule.h"
#include "os/hil/time.h"
#include "os/hil/uart.h"

#define PROCESS_CONSOLE_LINE 64     /* line buffer, NUL included: 63 characters */
#define PROCESS_CONSOLE_HISTORY 384 /* bytes of stored history */
#define PROCESS_CONSOLE_HISTORY_MAX 10
#define PROCESS_CONSOLE_OUT 256         /* each of the two output buffers */
#define PROCESS_CONSOLE_TAKE_BACK 0x14u /* Ctrl-T */
#define PROCESS_CONSOLE_TYPEAHEAD 32    /* bytes typed while a long output prints */

/* Board hooks; either may be NULL. */
struct process_console_hooks {
    void (*reset)(void); /* "reset": reboot the board */
    void (*panic)(void); /* "panic": must not return */
};

enum process_console_mode { PC_OFF, PC_ACTIVE, PC_HIBERNATING };

struct process_console {
    /* I/O */
    struct hil_uart_tx *tx; /* its own mux device */
    struct hil_uart_rx *rx; /* the console UART's receive role */
    struct hil_uart_tx_client tx_client;
    struct hil_uart_rx_client rx_client;
    struct hil_alarm *alarm; /* start-up delay */
    struct hil_alarm_client alarm_client;
    struct deferred_call call; /* completes app receives outside their calls */
    const struct cap_process_mgmt *cap;
    const struct process_console_hooks *hooks;
    enum process_console_mode mode;
    uint8_t rx_byte;
    bool rx_armed;
    /* the receive role given to the app console */
    struct hil_uart_rx gate;
    uint8_t *app_buf;
    size_t app_len, app_got;
    bool app_pending, app_done;
    os_err_t app_status;
    /* output: one buffer in flight, one filling */
    uint8_t tx_buf[PROCESS_CONSOLE_OUT];
    char out[PROCESS_CONSOLE_OUT];
    size_t out_len;
    bool tx_busy;
    /* line editing */
    char line[PROCESS_CONSOLE_LINE];
    uint8_t len, cursor;
    uint8_t esc;                           /* escape sequence state */
    uint8_t last_eol;                      /* previous byte if it ended a line, else 0 */
    char history[PROCESS_CONSOLE_HISTORY]; /* newest first, NUL-separated */
    uint8_t history_count;
    int8_t history_pos;               /* -1: editing a new line */
    char saved[PROCESS_CONSOLE_LINE]; /* the new line while browsing history */
    /* a long output in progress */
    uint8_t job;  /* what is being printed (process_console_internal.h) */
    uint8_t step; /* its next part */
    uint8_t sub;  /* row within a repeating part */
    process_id_t job_id;
    uint8_t typeahead[PROCESS_CONSOLE_TYPEAHEAD];
    uint8_t typeahead_len;
};

/* Initialise pc: tx is its own transmit role (a mux device), rx the console
 * UART's receive role, alarm a virtual alarm for the start-up delay. cap is
 * the process-management capability (stop, start, fault, terminate, boot);
 * hooks may be NULL. Sets every client. Boot time. */
void process_console_init(struct process_console *pc, struct hil_uart_tx *tx,
                          struct hil_uart_rx *rx, struct hil_alarm *alarm,
                          const struct cap_process_mgmt *cap,
                          const struct process_console_hooks *hooks);

/* The receive role for the app console: bytes reach it only while the shell
 * is hibernating. Same contract as any hil_uart_rx. */
struct hil_uart_rx *process_console_app_rx(struct process_console *pc);

/* Start the shell in mode (PC_ACTIVE or PC_HIBERNATING) 100 ms from now:
 * Active prints the welcome and the prompt. Boot time, once. */
void process_console_start(struct process_console *pc, enum process_console_mode mode);
