/* SPDX-License-Identifier: Apache-2.0 */
/* RNG (driver 0x40001), asynchronous fill. */
#include "libos/rng.h"

#include <stddef.h>

#include "libos/returncode.h"
#include "libos/syscalls/rng_syscalls.h"

/* The callback of the outstanding request. */
struct rng_pending {
    rng_done_t done; /* current request's callback */
    void *userdata;  /* its userdata */
};

static struct rng_pending pending;

static void done_upcall(uint32_t unused0, uint32_t received, uint32_t unused2, void *unused3)
{
    (void)unused0;
    (void)unused2;
    (void)unused3;
    (void)rng_syscalls_allow_buffer(NULL, 0);
    if (pending.done != NULL) {
        pending.done(received, pending.userdata);
    }
}

int rng_get(void *buf, uint32_t len, rng_done_t done, void *userdata)
{
    int rc;

    if (len == 0) {
        return RETURNCODE_ESIZE;
    }
    pending.done = done;
    pending.userdata = userdata;
    rc = rng_syscalls_subscribe_done(done_upcall, NULL);
    if (rc == 0) {
        rc = rng_syscalls_allow_buffer(buf, len);
    }
    if (rc == 0) {
        rc = rng_syscalls_fill(len);
    }
    if (rc != 0) {
        (void)rng_syscalls_allow_buffer(NULL, 0);
    }
    return rc;
}
