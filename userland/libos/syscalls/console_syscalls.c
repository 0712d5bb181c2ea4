/* SPDX-License-Identifier: Apache-2.0 */
/* Console driver (1) raw wrappers. Glue code: no global data, no constants. */
#include "libos/syscalls/console_syscalls.h"

#include "libos/returncode.h"
#include "os/abi/driver_num.h"

int console_syscalls_exists(void)
{
    return returncode_from_novalue(syscall_command(DRIVER_NUM_CONSOLE, 0, 0, 0));
}

int console_syscalls_allow_write(const void *buf, uint32_t len)
{
    struct syscall_return ret =
        syscall_allow_ro(DRIVER_NUM_CONSOLE, CONSOLE_ALLOW_RO_WRITE, (uint32_t)(uintptr_t)buf, len);

    return returncode_from_swap(ret, 0, 0);
}

int console_syscalls_allow_read(void *buf, uint32_t len)
{
    struct syscall_return ret =
        syscall_allow_rw(DRIVER_NUM_CONSOLE, CONSOLE_ALLOW_RW_READ, (uint32_t)(uintptr_t)buf, len);

    return returncode_from_swap(ret, 0, 0);
}

int console_syscalls_subscribe_write_done(syscall_upcall_t upcall, void *userdata)
{
    struct syscall_return ret =
        syscall_subscribe(DRIVER_NUM_CONSOLE, CONSOLE_SUBSCRIBE_WRITE_DONE, upcall, userdata);

    return returncode_from_swap(ret, 0, 0);
}

int console_syscalls_subscribe_read_done(syscall_upcall_t upcall, void *userdata)
{
    struct syscall_return ret =
        syscall_subscribe(DRIVER_NUM_CONSOLE, CONSOLE_SUBSCRIBE_READ_DONE, upcall, userdata);

    return returncode_from_swap(ret, 0, 0);
}

int console_syscalls_write(uint32_t len)
{
    return returncode_from_novalue(syscall_command(DRIVER_NUM_CONSOLE, 1, len, 0));
}

int console_syscalls_read(uint32_t len)
{
    return returncode_from_novalue(syscall_command(DRIVER_NUM_CONSOLE, 2, len, 0));
}

int console_syscalls_abort_read(void)
{
    return returncode_from_novalue(syscall_command(DRIVER_NUM_CONSOLE, 3, 0, 0));
}
