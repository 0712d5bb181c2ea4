/* SPDX-License-Identifier: Apache-2.0 */
/* The boot banner: release, board, CPU and the kernel's memory map. */
#include "kernel/process_internal.h"
#include "os/board/kernel.h"
#include "os/debug.h"
#include "os/platform/arch.h"

const char kernel_release[] = OS_RELEASE;

static void print_range(const char *what, uintptr_t start, uintptr_t end)
{
    unsigned long size = (unsigned long)(end - start);

    debug_printf("  %-14s 0x%08lx-0x%08lx %7lu bytes\n", what, (unsigned long)start,
                 (unsigned long)end, size);
}

/* What the banner printed, for the process console's "kernel" command. */
static struct kernel_memory_map banner_map;
static const char *banner_board;

const struct kernel_memory_map *kernel_banner_map(const char **board)
{
    *board = banner_board != NULL ? banner_board : "?";
    return &banner_map;
}

void kernel_print_banner(const char *board, const struct kernel_memory_map *map)
{
    banner_map = *map;
    banner_board = board;
    debug_printf("Bulkhead %s on %s (%s), kernel ABI %d.%d\n", kernel_release, board,
                 arch_cpu_name(), KERNEL_VERSION_MAJOR, KERNEL_VERSION_MINOR);
    debug_printf("Memory map:\n");
    print_range("kernel code", map->text_start, map->text_end);
    print_range("kernel data", map->data_start, map->data_end);
    print_range("kernel bss", map->bss_start, map->bss_end);
    print_range("kernel stack", map->stack_start, map->stack_end);
    print_range("app flash", map->app_flash_start, map->app_flash_end);
    print_range("process RAM", map->app_ram_start, map->app_ram_end);
}
