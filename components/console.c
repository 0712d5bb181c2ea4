/* SPDX-License-Identifier: Apache-2.0 */
/* Console component: grant, virtual UART device and capsule, wired. */
#include "components/console.h"

#include "os/abi/driver_num.h"

struct console *console_component_finalize(struct console *con, struct uart_mux_device *device,
                                           uint8_t *tx_buf, size_t tx_len, uint8_t *rx_buf,
                                           size_t rx_len, struct uart_mux *mux,
                                           struct kernel *kernel,
                                           const struct cap_memory_alloc *cap)
{
    return console_component_finalize_rx(con, device, tx_buf, tx_len, rx_buf, rx_len, mux, NULL,
                                         kernel, cap);
}

struct console *console_component_finalize_rx(struct console *con, struct uart_mux_device *device,
                                              uint8_t *tx_buf, size_t tx_len, uint8_t *rx_buf,
                                              size_t rx_len, struct uart_mux *mux,
                                              struct hil_uart_rx *rx, struct kernel *kernel,
                                              const struct cap_memory_alloc *cap)
{
    struct grant *apps =
        kernel_create_grant(kernel, DRIVER_NUM_CONSOLE, sizeof(struct console_app),
                            CONSOLE_GRANT_UPCALLS, CONSOLE_GRANT_RO, CONSOLE_GRANT_RW, cap);

    uart_mux_device_init(device, mux);
    console_init(con, &device->tx, rx != NULL ? rx : &device->rx, apps, tx_buf, tx_len, rx_buf,
                 rx_len);
    return con;
}
