/* SPDX-License-Identifier: Apache-2.0 */
/* RNG driver (0x40001) raw wrappers. Glue code: no global data, no constants. */
#include "libos/syscalls/rng_syscalls.h"

#include "libos/returncode.h"
#include "os/abi/driver_num.h"

int rng_syscalls_exists(void)
{
    return returncode_from_novalue(syscall_command(DRIVER_NUM_RNG, 0, 0, 0));
}

int rng_syscalls_allow_buffer(void *buf, uint32_t len)
{
    struct syscall_return ret =
        syscall_allow_rw(DRIVER_NUM_RNG, RNG_ALLOW_RW_BUFFER, (uint32_t)(uintptr_t)buf, len);

    return returncode_from_swap(ret, 0, 0);
}

int rng_syscalls_subscribe_done(syscall_upcall_t upcall, void *userdata)
{
    struct syscall_return ret =
        syscall_subscribe(DRIVER_NUM_RNG, RNG_SUBSCRIBE_DONE, upcall, userdata);

    return returncode_from_swap(ret, 0, 0);
}

int rng_syscalls_fill(uint32_t len)
{
    return returncode_from_novalue(syscall_command(DRIVER_NUM_RNG, 1, len, 0));
}
