/* SPDX-License-Identifier: Apache-2.0 */
/* RNG (driver 0x40001), blocking fill. Glue code: no global data. */
#include "libos-sync/rng_sync.h"

#include <stddef.h>

#include "libos/syscall.h"
#include "libos/syscalls/rng_syscalls.h"
#include "os/abi/driver_num.h"

int rng_sync_get(void *buf, uint32_t len)
{
    struct syscall_yield_result done;
    int rc;

    if (len == 0) {
        return 0;
    }
    rc = rng_syscalls_allow_buffer(buf, len);
    if (rc != 0) {
        return rc;
    }
    rc = rng_syscalls_fill(len);
    if (rc == 0) {
        /* No subscription: the fill-done event is queued as a return value. */
        done = syscall_yield_wait_for(DRIVER_NUM_RNG, RNG_SUBSCRIBE_DONE);
        rc = (int)done.data[1];
    }
    (void)rng_syscalls_allow_buffer(NULL, 0);
    return rc;
}
