/* SPDX-License-Identifier: Apache-2.0 */
/* Wiring for the process console: storage macro plus finalize function. */
#pragma once

#include "capsules/core/process_console.h"
#include "capsules/core/virtualizers/alarm_mux.h"
#include "capsules/core/virtualizers/uart_mux.h"
#include "os/board/capability.h"

/* Declare, at file scope in a board, every object one process console needs. */
#define PROCESS_CONSOLE_COMPONENT_STORAGE(name)                                                    \
    static struct uart_mux_device name##_device;                                                   \
    static struct alarm_mux_device name##_alarm;                                                   \
    static struct process_console name

#define PROCESS_CONSOLE_COMPONENT_FINALIZE(name, uart_mux, alarm_mux, cap)                         \
    process_console_component_finalize(&(name), &name##_device, &name##_alarm, (uart_mux),         \
                                       (alarm_mux), (cap))

/* Attach the shell to new devices of the console UART mux and the alarm mux,
 * with the kernel's panic as its "panic" command and no reset. cap enables
 * the process-management commands (NULL: they answer that management is
 * off). Boot time; give process_console_app_rx(pc) to the app console, then
 * call process_console_start(). Returns pc. */
struct process_console *
process_console_component_finalize(struct process_console *pc, struct uart_mux_device *device,
                                   struct alarm_mux_device *alarm, struct uart_mux *uart_mux,
                                   struct alarm_mux *alarm_mux, const struct cap_process_mgmt *cap);
