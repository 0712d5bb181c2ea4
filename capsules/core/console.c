/* SPDX-License-Identifier: Apache-2.0 */
/* Console capsule: buffered process writes and reads over a UART.
 *
 * Userspace ABI (driver 0x1, DRIVER_NUM_CONSOLE), as Tock's:
 *   command 0: exists -> Success.
 *   command 1 (arg0 = max bytes): write min(arg0, length of RO allow 1)
 *     bytes -> Success; upcall 1 (bytes written, 0, 0) once all is sent.
 *     Writes of different processes are queued and sent one whole write
 *     after another (never interleaved); a second write from a process
 *     whose write is still pending -> Failure(BUSY). A length of 0 (or no
 *     buffer) still completes, with 0 bytes. No grant room -> NOMEM.
 *   command 2 (arg0 = max bytes): read n = min(arg0, length of RW allow 1)
 *     bytes into RW allow 1 -> Success; upcall 2 (status, bytes read, 0).
 *     Another read in progress (any process) -> BUSY; n above the kernel
 *     receive buffer -> INVAL.
 *   command 3: abort this process's read; it completes early (status
 *     CANCEL with the bytes so far) -> Success.
 *   other commands -> NOSUPPORT.
 *   Allows: RO 1 = data to write, RW 1 = receive buffer.
 *   Subscribes: 1 = write done, 2 = read done.
 */
#include "console.h"

enum { CMD_EXISTS = 0, CMD_WRITE = 1, CMD_READ = 2, CMD_ABORT_READ = 3 };
enum { ALLOW_DATA = 1 };
enum { UPCALL_WRITE_DONE = 1, UPCALL_READ_DONE = 2 };

/* State passed into grant callbacks. */
struct visit {
    struct console *con;
    uint32_t arg;
    os_err_t result;
    process_id_t found;
};

/* Send the next chunk of the owner's write, or finish it. */
static void continue_write(void *data, struct grant_kernel *kg, void *ctx)
{
    struct console_app *app = data;
    struct visit *v = ctx;
    struct console *con = v->con;
    size_t n = 0;

    app->written += v->arg; /* bytes of the chunk just sent (0 at the start) */
    if (app->written < app->write_len) {
        n = process_buffer_ro_copy(kg, ALLOW_DATA, app->written, con->tx_buf,
                                   MIN(con->tx_buf_len, app->write_len - app->written));
    }
    if (n != 0 && hil_uart_transmit(con->tx, con->tx_buf, n) == OS_OK) {
        con->tx_owner = grant_process_id(kg);
        return;
    }
    /* Done (or the buffer shrank or vanished): report what was sent. */
    app->write_pending = false;
    if (grant_schedule_upcall(kg, UPCALL_WRITE_DONE, app->written, 0, 0) != OS_OK) {
        /* Queue full: the kernel counted the drop; the write is still done. */
    }
}

/* grant_each visitor: remember the first pending writer after tx_owner. */
static void find_writer(void *data, struct grant_kernel *kg, void *ctx)
{
    struct console_app *app = data;
    struct visit *v = ctx;
    process_id_t id = grant_process_id(kg);

    if (app->write_pending && v->found == 0) {
        v->found = id;
    }
}

/* If the UART is free, start the next pending write. */
static void start_next_write(struct console *con)
{
    struct visit v = {.con = con};

    while (con->tx_owner == 0) {
        v.found = 0;
        grant_each(con->apps, find_writer, &v);
        if (v.found == 0) {
            return;
        }
        if (grant_enter(con->apps, v.found, continue_write, &v) != OS_OK) {
            return;
        }
    }
}

static void console_tx_done(struct hil_uart_tx_client *client, uint8_t *buf, size_t written,
                            os_err_t status)
{
    struct console *con = container_of(client, struct console, tx_client);
    process_id_t owner = con->tx_owner;
    struct visit v = {.con = con, .arg = (uint32_t)written};

    (void)buf;
    (void)status;
    con->tx_owner = 0;
    if (grant_enter(con->apps, owner, continue_write, &v) != OS_OK) {
        /* The writer exited meanwhile; nobody to tell. */
    }
    start_next_write(con);
}

static void begin_write(void *data, struct grant_kernel *kg, void *ctx)
{
    struct console_app *app = data;
    struct visit *v = ctx;

    if (app->write_pending) {
        v->result = OS_EBUSY;
        return;
    }
    app->write_pending = true;
    app->written = 0;
    app->write_len = (uint32_t)MIN((size_t)v->arg, process_buffer_ro_len(kg, ALLOW_DATA));
    v->result = OS_OK;
}

static void begin_read(void *data, struct grant_kernel *kg, void *ctx)
{
    struct console_app *app = data;
    struct visit *v = ctx;
    struct console *con = v->con;
    size_t n = MIN((size_t)v->arg, process_buffer_rw_len(kg, ALLOW_DATA));

    if (con->rx_owner != 0) {
        v->result = OS_EBUSY;
    } else if (n > con->rx_buf_len) {
        v->result = OS_EINVAL;
    } else if (n == 0) {
        v->result =
            grant_schedule_upcall(kg, UPCALL_READ_DONE, OS_OK, 0, 0) == OS_OK ? OS_OK : OS_ENOMEM;
    } else {
        v->result = hil_uart_receive(con->rx, con->rx_buf, n);
        if (v->result == OS_OK) {
            app->read_pending = true;
            con->rx_owner = grant_process_id(kg);
        }
    }
}

static void finish_read(void *data, struct grant_kernel *kg, void *ctx)
{
    struct console_app *app = data;
    struct visit *v = ctx;
    uint32_t got = v->arg;
    os_err_t status = v->result;

    app->read_pending = false;
    if (process_buffer_rw_write(kg, ALLOW_DATA, 0, v->con->rx_buf, got) < got) {
        status = OS_ENOMEM;
    }
    if (grant_schedule_upcall(kg, UPCALL_READ_DONE, status, got, 0) != OS_OK) {
        /* Queue full: dropped and counted by the kernel. */
    }
}

static void console_rx_done(struct hil_uart_rx_client *client, uint8_t *buf, size_t received,
                            os_err_t status)
{
    struct console *con = container_of(client, struct console, rx_client);
    struct visit v = {.con = con, .arg = (uint32_t)received, .result = status};
    process_id_t owner = con->rx_owner;

    (void)buf;
    con->rx_owner = 0;
    if (grant_enter(con->apps, owner, finish_read, &v) != OS_OK) {
        /* The reader exited; the bytes are dropped. */
    }
}

static struct command_ret console_command(struct syscall_driver *drv, uint32_t cmd, uint32_t arg0,
                                          uint32_t arg1, process_id_t pid)
{
    struct console *con = container_of(drv, struct console, driver);
    struct visit v = {.con = con, .arg = arg0, .result = OS_EFAIL};

    (void)arg1;
    switch (cmd) {
    case CMD_EXISTS:
        return command_success();
    case CMD_WRITE:
        if (grant_enter(con->apps, pid, begin_write, &v) != OS_OK) {
            return command_failure(OS_ENOMEM);
        }
        if (v.result == OS_OK) {
            start_next_write(con);
        }
        return command_from_err(v.result);
    case CMD_READ:
        if (grant_enter(con->apps, pid, begin_read, &v) != OS_OK) {
            return command_failure(OS_ENOMEM);
        }
        return command_from_err(v.result);
    case CMD_ABORT_READ:
        if (con->rx_owner == pid && hil_uart_receive_abort(con->rx) == OS_OK) {
            /* Nothing was in progress after all: no rx_done will come. */
            con->rx_owner = 0;
        }
        return command_success();
    default:
        return command_failure(OS_ENOSUPPORT);
    }
}

static const struct syscall_driver_ops console_ops = {
    .command = console_command,
};

void console_init(struct console *con, struct hil_uart_tx *tx, struct hil_uart_rx *rx,
                  struct grant *apps, uint8_t *tx_buf, size_t tx_buf_len, uint8_t *rx_buf,
                  size_t rx_buf_len)
{
    *con = (struct console){.tx = tx,
                            .rx = rx,
                            .apps = apps,
                            .tx_buf = tx_buf,
                            .tx_buf_len = tx_buf_len,
                            .rx_buf = rx_buf,
                            .rx_buf_len = rx_buf_len};
    con->driver.ops = &console_ops;
    con->tx_client.tx_done = console_tx_done;
    con->rx_client.rx_done = console_rx_done;
    hil_uart_tx_set_client(tx, &con->tx_client);
    hil_uart_rx_set_client(rx, &con->rx_client);
}
