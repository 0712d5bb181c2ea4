/* SPDX-License-Identifier: Apache-2.0 */
/* Board API of the kernel debug writer (see os/debug.h for the user side). */
#pragma once

#include <stddef.h>
#include <stdint.h>

#include "os/hil/uart.h"

/* Attach the debug writer to uart. ring holds formatted text waiting to be
 * sent; tx_buf (static, may be read by DMA) is the chunk handed to the UART.
 * Boot time, once; sets uart's tx client. Before this call debug_printf()
 * output goes out synchronously through chip_early_write(). */
void debug_writer_init(struct hil_uart_tx *uart, uint8_t *ring, size_t ring_len, uint8_t *tx_buf,
                       size_t tx_buf_len);

/* Write everything still queued synchronously through chip_early_write(),
 * after the chunk in flight. Used by panic and by board_exit(). Any context. */
void debug_flush_sync(void);
