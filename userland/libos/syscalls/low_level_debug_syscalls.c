/* SPDX-License-Identifier: Apache-2.0 */
/* Low-level debug driver (8) raw wrappers. Glue code: no global data, no constants. */
#include "libos/syscalls/low_level_debug_syscalls.h"

#include "libos/returncode.h"
#include "os/abi/driver_num.h"

int low_level_debug_syscalls_exists(void)
{
    return returncode_from_novalue(syscall_command(DRIVER_NUM_LOW_LEVEL_DEBUG, 0, 0, 0));
}

int low_level_debug_syscalls_alert(uint32_t code)
{
    return returncode_from_novalue(syscall_command(DRIVER_NUM_LOW_LEVEL_DEBUG, 1, code, 0));
}

int low_level_debug_syscalls_print1(uint32_t value)
{
    return returncode_from_novalue(syscall_command(DRIVER_NUM_LOW_LEVEL_DEBUG, 2, value, 0));
}

int low_level_debug_syscalls_print2(uint32_t value0, uint32_t value1)
{
    return returncode_from_novalue(syscall_command(DRIVER_NUM_LOW_LEVEL_DEBUG, 3, value0, value1));
}
