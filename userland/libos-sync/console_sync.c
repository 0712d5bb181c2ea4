/* SPDX-License-Identifier: Apache-2.0 */
/* Console (driver 1), blocking write and read. Glue code: no global data. */
#include "libos-sync/console_sync.h"

#include <stddef.h>

#include "libos/returncode.h"
#include "libos/syscall.h"
#include "libos/syscalls/console_syscalls.h"
#include "os/abi/driver_num.h"

int console_sync_write(const void *buf, uint32_t len)
{
    struct syscall_yield_result done;
    int rc = console_syscalls_allow_write(buf, len);

    if (rc != 0) {
        return rc;
    }
    rc = console_syscalls_write(len);
    if (rc == 0) {
        /* No subscription: the write-done event is queued as a return value. */
        done = syscall_yield_wait_for(DRIVER_NUM_CONSOLE, CONSOLE_SUBSCRIBE_WRITE_DONE);
        rc = (int)done.data[0];
    }
    (void)console_syscalls_allow_write(NULL, 0);
    return rc;
}

int console_sync_read(void *buf, uint32_t len)
{
    struct syscall_yield_result done;
    int rc = console_syscalls_allow_read(buf, len);

    if (rc != 0) {
        return rc;
    }
    rc = console_syscalls_read(len);
    if (rc == 0) {
        done = syscall_yield_wait_for(DRIVER_NUM_CONSOLE, CONSOLE_SUBSCRIBE_READ_DONE);
        rc = done.data[0] == 0 ? (int)done.data[1] : returncode_from_status(done.data[0]);
    }
    (void)console_syscalls_allow_read(NULL, 0);
    return rc;
}
