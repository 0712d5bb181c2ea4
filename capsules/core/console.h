/* SPDX-License-Identifier: Apache-2.0 */
/* Console capsule (driver 1): process text output and input over a UART.
 *
 * Boards allocate struct console (see components/console.h); only console.c
 * reads or writes its fields. The userspace ABI is at the top of console.c.
 */
#pragma once

#include "os/capsule.h"
#include "os/hil/uart.h"

/* Per-process state, in each process's grant. */
struct console_app {
    bool write_pending; /* a write is queued or in flight */
    uint32_t write_len; /* bytes requested */
    uint32_t written;   /* bytes sent so far */
    bool read_pending;  /* this process's read is in progress */
};

struct console {
    struct syscall_driver driver;        /* reached through the board's driver lookup */
    struct hil_uart_tx_client tx_client; /* tx_done from the (virtual) UART */
    struct hil_uart_rx_client rx_client; /* rx_done */
    struct hil_uart_tx *tx;              /* usually a uart_mux device */
    struct hil_uart_rx *rx;
    struct grant *apps; /* struct console_app per process */
    uint8_t *tx_buf;    /* kernel copy of the chunk being sent */
    size_t tx_buf_len;
    uint8_t *rx_buf; /* kernel receive buffer */
    size_t rx_buf_len;
    process_id_t tx_owner; /* process whose write is in flight, 0 = none */
    process_id_t rx_owner; /* process reading, 0 = none */
};

/* Initialise con. tx_buf/rx_buf are static kernel buffers (rx_buf_len is the
 * largest read a process may ask for). apps is the console's grant (3
 * upcalls, 2 RO, 2 RW allow slots). Sets the UART clients. Boot time. */
void console_init(struct console *con, struct hil_uart_tx *tx, struct hil_uart_rx *rx,
                  struct grant *apps, uint8_t *tx_buf, size_t tx_buf_len, uint8_t *rx_buf,
                  size_t rx_buf_len);

/* The grant geometry console_init() expects. */
#define CONSOLE_GRANT_UPCALLS 3
#define CONSOLE_GRANT_RO 2
#define CONSOLE_GRANT_RW 2
