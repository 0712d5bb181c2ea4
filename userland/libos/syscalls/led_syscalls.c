/* SPDX-License-Identifier: Apache-2.0 */
/* LED driver (2) raw wrappers. Glue code: no global data, no constants. */
#include "libos/syscalls/led_syscalls.h"

#include "libos/returncode.h"
#include "os/abi/driver_num.h"

int led_syscalls_count(uint32_t *count)
{
    return returncode_from_u32(syscall_command(DRIVER_NUM_LED, 0, 0, 0), count);
}

int led_syscalls_on(uint32_t index)
{
    return returncode_from_novalue(syscall_command(DRIVER_NUM_LED, 1, index, 0));
}

int led_syscalls_off(uint32_t index)
{
    return returncode_from_novalue(syscall_command(DRIVER_NUM_LED, 2, index, 0));
}

int led_syscalls_toggle(uint32_t index)
{
    return returncode_from_novalue(syscall_command(DRIVER_NUM_LED, 3, index, 0));
}

int led_syscalls_read(uint32_t index, uint32_t *on)
{
    return returncode_from_u32(syscall_command(DRIVER_NUM_LED, 4, index, 0), on);
}
