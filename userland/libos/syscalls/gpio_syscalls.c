/* SPDX-License-Identifier: Apache-2.0 */
/* GPIO driver (4) raw wrappers. Glue code: no global data, no constants. */
#include "libos/syscalls/gpio_syscalls.h"

#include "libos/returncode.h"
#include "os/abi/driver_num.h"

static int pin_command(uint32_t cmd, uint32_t pin, uint32_t arg)
{
    return returncode_from_novalue(syscall_command(DRIVER_NUM_GPIO, cmd, pin, arg));
}

int gpio_syscalls_exists(void)
{
    return pin_command(0, 0, 0);
}

int gpio_syscalls_enable_output(uint32_t pin)
{
    return pin_command(1, pin, 0);
}

int gpio_syscalls_set(uint32_t pin)
{
    return pin_command(2, pin, 0);
}

int gpio_syscalls_clear(uint32_t pin)
{
    return pin_command(3, pin, 0);
}

int gpio_syscalls_toggle(uint32_t pin)
{
    return pin_command(4, pin, 0);
}

int gpio_syscalls_enable_input(uint32_t pin, uint32_t pull)
{
    return pin_command(5, pin, pull);
}

int gpio_syscalls_read(uint32_t pin, uint32_t *level)
{
    return returncode_from_u32(syscall_command(DRIVER_NUM_GPIO, 6, pin, 0), level);
}

int gpio_syscalls_enable_interrupt(uint32_t pin, uint32_t edge)
{
    return pin_command(7, pin, edge);
}

int gpio_syscalls_disable_interrupt(uint32_t pin)
{
    return pin_command(8, pin, 0);
}

int gpio_syscalls_disable(uint32_t pin)
{
    return pin_command(9, pin, 0);
}

int gpio_syscalls_count(uint32_t *count)
{
    return returncode_from_u32(syscall_command(DRIVER_NUM_GPIO, 10, 0, 0), count);
}

int gpio_syscalls_subscribe(syscall_upcall_t upcall, void *userdata)
{
    struct syscall_return ret =
        syscall_subscribe(DRIVER_NUM_GPIO, GPIO_SUBSCRIBE_EDGE, upcall, userdata);

    return returncode_from_swap(ret, 0, 0);
}
