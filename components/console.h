/* SPDX-License-Identifier: Apache-2.0 */
/* Wiring for the console capsule: storage macro plus finalize function. */
#pragma once

#include "capsules/core/console.h"
#include "capsules/core/virtualizers/uart_mux.h"
#include "os/board/kernel.h"

/* Declare, at file scope in a board, every object one console needs. */
#define CONSOLE_COMPONENT_STORAGE(name, tx_len, rx_len)                                            \
    static struct uart_mux_device name##_device;                                                   \
    static uint8_t name##_tx_buf[(tx_len)];                                                        \
    static uint8_t name##_rx_buf[(rx_len)];                                                        \
    static struct console name

#define CONSOLE_COMPONENT_FINALIZE(name, mux, kernel, cap)                                         \
    console_component_finalize(&(name), &name##_device, name##_tx_buf, sizeof(name##_tx_buf),      \
                               name##_rx_buf, sizeof(name##_rx_buf), (mux), (kernel), (cap))

/* The same with input from rx (e.g. the process console's app role)
 * instead of the device's own receive role. */
#define CONSOLE_COMPONENT_FINALIZE_RX(name, mux, rx, kernel, cap)                                  \
    console_component_finalize_rx(&(name), &name##_device, name##_tx_buf, sizeof(name##_tx_buf),   \
                                  name##_rx_buf, sizeof(name##_rx_buf), (mux), (rx), (kernel),     \
                                  (cap))

/* Create the console's grant, attach it to a new device of mux, initialise
 * it. Boot time, before kernel_load_processes(). Returns con. */
struct console *console_component_finalize(struct console *con, struct uart_mux_device *device,
                                           uint8_t *tx_buf, size_t tx_len, uint8_t *rx_buf,
                                           size_t rx_len, struct uart_mux *mux,
                                           struct kernel *kernel,
                                           const struct cap_memory_alloc *cap);

/* As console_component_finalize(), reading from rx (NULL: the device's). */
struct console *console_component_finalize_rx(struct console *con, struct uart_mux_device *device,
                                              uint8_t *tx_buf, size_t tx_len, uint8_t *rx_buf,
                                              size_t rx_len, struct uart_mux *mux,
                                              struct hil_uart_rx *rx, struct kernel *kernel,
                                              const struct cap_memory_alloc *cap);
