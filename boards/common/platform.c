/* SPDX-License-Identifier: Apache-2.0 */
/* The board platform shared by every board: kernel, console mux, debug
 * writer, banner, exit.
 *
 * Implements os/board/platform.h on top of the one board-specific hook,
 * board_chip_setup(). The console UART is shared through a uart_mux: the
 * debug writer is its first device, capsules (console, shell) add theirs.
 */
#include <stddef.h>
#include <stdint.h>

#include "boards/common/board_chip.h"
#include "capsules/core/virtualizers/uart_mux.h"
#include "os/board/debug_writer.h"
#include "os/board/kernel.h"
#include "os/debug.h"
#include "os/platform/chip.h"
#include "os/platform/panic.h"

#define DEBUG_RING_SIZE 1024u
#define DEBUG_TX_CHUNK_SIZE 64u

/* Linker-script symbols (arch/<family>/kernel_sections.ld, the board's
 * layout.ld). Only their addresses are meaningful; never read or written. */
extern uint8_t _stext[], _etext[], _sdata[], _edata[], _sbss[], _ebss[];
extern uint8_t _sstack[], _estack[], _sapps[], _eapps[], _sappmem[], _eappmem[];

static struct kernel board_kernel;
static struct board_platform board_platform;
static struct uart_mux console_mux;
static struct uart_mux_device debug_device;
static uint8_t debug_ring[DEBUG_RING_SIZE];
static uint8_t debug_tx_chunk[DEBUG_TX_CHUNK_SIZE];

static void fill_memory_map(struct kernel_memory_map *map)
{
    /* SAFETY: the symbols are section and region boundaries defined by the
     * linker scripts; only their addresses are taken, nothing is
     * dereferenced. */
    map->text_start = (uintptr_t)_stext;
    map->text_end = (uintptr_t)_etext;
    map->data_start = (uintptr_t)_sdata;
    map->data_end = (uintptr_t)_edata;
    map->bss_start = (uintptr_t)_sbss;
    map->bss_end = (uintptr_t)_ebss;
    map->stack_start = (uintptr_t)_sstack;
    map->stack_end = (uintptr_t)_estack;
    map->app_flash_start = (uintptr_t)_sapps;
    map->app_flash_end = (uintptr_t)_eapps;
    map->app_ram_start = (uintptr_t)_sappmem;
    map->app_ram_end = (uintptr_t)_eappmem;
}

/* Say at boot when random numbers are missing or not random at all. */
static void print_entropy_status(struct hil_entropy *entropy)
{
    if (entropy == NULL) {
        debug_printf("rng: no entropy source, RNG driver absent\n");
    } else if (hil_entropy_is_deterministic(entropy)) {
        debug_printf("WARNING: rng is a deterministic generator, not secure\n");
    }
}

const struct board_platform *board_platform_init(const struct board_platform_params *params)
{
    struct kernel_memory_map map;

    if (board_platform.kernel != NULL) {
        OS_PANIC("board_platform_init() called twice");
    }
    board_chip_setup(&board_platform);
    kernel_init(&board_kernel, board_platform.chip);
    board_platform.kernel = &board_kernel;
    if (board_platform.alarm != NULL) {
        /* Uptime and CPU-time profiling read the alarm's counter. */
        kernel_set_clock(&board_kernel, board_platform.alarm);
    }
    if (params->debug_writer) {
        uart_mux_init(&console_mux, board_platform.console_tx, board_platform.console_rx);
        uart_mux_device_init(&debug_device, &console_mux);
        debug_writer_init(&debug_device.tx, debug_ring, sizeof(debug_ring), debug_tx_chunk,
                          sizeof(debug_tx_chunk));
        board_platform.console_mux = &console_mux;
    }
    fill_memory_map(&map);
    board_platform.memory = map;
    kernel_print_banner(board_platform.board_name, &map);
    print_entropy_status(board_platform.entropy);
    return &board_platform;
}

void board_exit(int status)
{
    debug_flush_sync();
    chip_halt(status);
}
