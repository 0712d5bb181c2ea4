/* SPDX-License-Identifier: Apache-2.0 */
/* Process console component: mux devices and the board hooks, wired. */
#include "components/process_console.h"

#include "os/platform/panic.h"

static void forced_panic(void)
{
    OS_PANIC("Process Console forced a kernel panic.");
}

static const struct process_console_hooks hooks = {.reset = NULL, .panic = forced_panic};

struct process_console *
process_console_component_finalize(struct process_console *pc, struct uart_mux_device *device,
                                   struct alarm_mux_device *alarm, struct uart_mux *uart_mux,
                                   struct alarm_mux *alarm_mux, const struct cap_process_mgmt *cap)
{
    uart_mux_device_init(device, uart_mux);
    alarm_mux_device_init(alarm, alarm_mux);
    process_console_init(pc, &device->tx, &device->rx, &alarm->alarm, cap, &hooks);
    return pc;
}
