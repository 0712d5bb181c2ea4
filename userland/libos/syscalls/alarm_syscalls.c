/* SPDX-License-Identifier: Apache-2.0 */
/* Alarm driver (0) raw wrappers. Glue code: no global data, no constants. */
#include "libos/syscalls/alarm_syscalls.h"

#include "libos/returncode.h"
#include "os/abi/driver_num.h"

int alarm_syscalls_exists(void)
{
    return returncode_from_novalue(syscall_command(DRIVER_NUM_ALARM, 0, 0, 0));
}

int alarm_syscalls_frequency(uint32_t *hz)
{
    return returncode_from_u32(syscall_command(DRIVER_NUM_ALARM, 1, 0, 0), hz);
}

int alarm_syscalls_read(uint32_t *now)
{
    return returncode_from_u32(syscall_command(DRIVER_NUM_ALARM, 2, 0, 0), now);
}

int alarm_syscalls_stop(void)
{
    return returncode_from_novalue(syscall_command(DRIVER_NUM_ALARM, 3, 0, 0));
}

int alarm_syscalls_set_relative(uint32_t dt, uint32_t *expiration)
{
    return returncode_from_u32(syscall_command(DRIVER_NUM_ALARM, 5, dt, 0), expiration);
}

int alarm_syscalls_set_absolute(uint32_t reference, uint32_t dt, uint32_t *expiration)
{
    return returncode_from_u32(syscall_command(DRIVER_NUM_ALARM, 6, reference, dt), expiration);
}

int alarm_syscalls_subscribe(syscall_upcall_t upcall, void *userdata)
{
    struct syscall_return ret =
        syscall_subscribe(DRIVER_NUM_ALARM, ALARM_SUBSCRIBE_FIRED, upcall, userdata);

    return returncode_from_swap(ret, 0, 0);
}
