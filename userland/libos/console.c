/* SPDX-License-Identifier: Apache-2.0 */
/* Console (driver 1), asynchronous write and read. */
#include "libos/console.h"

#include <stddef.h>

#include "libos/returncode.h"
#include "libos/syscalls/console_syscalls.h"

/* The callback of the outstanding operation in each direction. */
struct console_pending {
    console_write_done_t write_done; /* current write's callback */
    void *write_userdata;            /* its userdata */
    console_read_done_t read_done;   /* current read's callback */
    void *read_userdata;             /* its userdata */
};

static struct console_pending pending;

static void write_upcall(uint32_t written, uint32_t unused1, uint32_t unused2, void *unused3)
{
    (void)unused1;
    (void)unused2;
    (void)unused3;
    (void)console_syscalls_allow_write(NULL, 0);
    if (pending.write_done != NULL) {
        pending.write_done(written, pending.write_userdata);
    }
}

static void read_upcall(uint32_t status, uint32_t length, uint32_t unused2, void *unused3)
{
    (void)unused2;
    (void)unused3;
    (void)console_syscalls_allow_read(NULL, 0);
    if (pending.read_done != NULL) {
        pending.read_done(returncode_from_status(status), length, pending.read_userdata);
    }
}

int console_write(const void *buf, uint32_t len, console_write_done_t done, void *userdata)
{
    int rc;

    pending.write_done = done;
    pending.write_userdata = userdata;
    rc = console_syscalls_subscribe_write_done(write_upcall, NULL);
    if (rc == 0) {
        rc = console_syscalls_allow_write(buf, len);
    }
    if (rc == 0) {
        rc = console_syscalls_write(len);
    }
    if (rc != 0) {
        (void)console_syscalls_allow_write(NULL, 0);
    }
    return rc;
}

int console_read(void *buf, uint32_t len, console_read_done_t done, void *userdata)
{
    int rc;

    pending.read_done = done;
    pending.read_userdata = userdata;
    rc = console_syscalls_subscribe_read_done(read_upcall, NULL);
    if (rc == 0) {
        rc = console_syscalls_allow_read(buf, len);
    }
    if (rc == 0) {
        rc = console_syscalls_read(len);
    }
    if (rc != 0) {
        (void)console_syscalls_allow_read(NULL, 0);
    }
    return rc;
}

int console_read_abort(void)
{
    return console_syscalls_abort_read();
}
