/* SPDX-License-Identifier: Apache-2.0 */
/* Button driver (3) raw wrappers. Glue code: no global data, no constants. */
#include "libos/syscalls/button_syscalls.h"

#include "libos/returncode.h"
#include "os/abi/driver_num.h"

int button_syscalls_count(uint32_t *count)
{
    return returncode_from_u32(syscall_command(DRIVER_NUM_BUTTON, 0, 0, 0), count);
}

int button_syscalls_enable_interrupt(uint32_t index)
{
    return returncode_from_novalue(syscall_command(DRIVER_NUM_BUTTON, 1, index, 0));
}

int button_syscalls_disable_interrupt(uint32_t index)
{
    return returncode_from_novalue(syscall_command(DRIVER_NUM_BUTTON, 2, index, 0));
}

int button_syscalls_read(uint32_t index, uint32_t *pressed)
{
    return returncode_from_u32(syscall_command(DRIVER_NUM_BUTTON, 3, index, 0), pressed);
}

int button_syscalls_subscribe(syscall_upcall_t upcall, void *userdata)
{
    struct syscall_return ret =
        syscall_subscribe(DRIVER_NUM_BUTTON, BUTTON_SUBSCRIBE_CHANGED, upcall, userdata);

    return returncode_from_swap(ret, 0, 0);
}
