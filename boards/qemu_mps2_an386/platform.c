/* SPDX-License-Identifier: Apache-2.0 */
/* qemu_mps2_an386 platform: chip, kernel object, debug writer and banner.
 *
 * Implements os/board/platform.h for this board: the storage of every
 * kernel object that both the board's own kernel (board.c) and the
 * board-independent test configurations use.
 */
#include <stddef.h>
#include <stdint.h>

#include "mps2/chip.h"
#include "os/board/debug_writer.h"
#include "os/board/kernel.h"
#include "os/board/platform.h"
#include "os/platform/chip.h"
#include "os/platform/panic.h"

#define BOARD_NAME "qemu_mps2_an386"
#define DEBUG_RING_SIZE 1024u
#define DEBUG_TX_CHUNK_SIZE 64u

/* Linker-script symbols (arch/cortex-m/kernel_sections.ld and layout.ld).
 * Only their addresses are meaningful; they are never read or written. */
extern uint8_t _stext[], _etext[], _sdata[], _edata[], _sbss[], _ebss[];
extern uint8_t _sstack[], _estack[], _sapps[], _eapps[], _sappmem[], _eappmem[];

static struct chip board_chip;
static struct kernel board_kernel;
static uint8_t debug_ring[DEBUG_RING_SIZE];
static uint8_t debug_tx_chunk[DEBUG_TX_CHUNK_SIZE];
static bool board_initialised;

/* What this board hands to its kernels; all pointers into static storage. */
static const struct board_platform board_platform = {
    .board_name = BOARD_NAME,
    .chip = &board_chip,
    .kernel = &board_kernel,
    .console_tx = &board_chip.uart0.tx,
    .console_rx = &board_chip.uart0.rx,
    .console_config = &board_chip.uart0.config,
    .alarm = &board_chip.dual_timer.alarm,
};

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

const struct board_platform *board_platform_init(const struct board_platform_params *params)
{
    struct kernel_memory_map map;

    if (board_initialised) {
        OS_PANIC("board_platform_init() called twice");
    }
    board_initialised = true;
    chip_init(&board_chip);
    kernel_init(&board_kernel, &board_chip);
    if (params->debug_writer) {
        debug_writer_init(&board_chip.uart0.tx, debug_ring, sizeof(debug_ring), debug_tx_chunk,
                          sizeof(debug_tx_chunk));
    }
    fill_memory_map(&map);
    kernel_print_banner(BOARD_NAME, &map);
    return &board_platform;
}

void board_exit(int status)
{
    debug_flush_sync();
    chip_halt(status);
}
