/* SPDX-License-Identifier: Apache-2.0 */
/* Board-facing kernel API: create the kernel, print the banner, run it. */
#pragma once

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "os/capability.h"
#include "os/compiler.h"

struct chip;

/* Kernel version reported to apps and in the banner. */
#define KERNEL_VERSION_MAJOR 2
#define KERNEL_VERSION_MINOR 2

/* Bulkhead release string. */
extern const char kernel_release[];

/* Statistics of the main loop (read by tests and the shell). */
struct kernel_stats {
    uint32_t interrupt_services;  /* chip_service_pending_interrupts() passes */
    uint32_t deferred_calls_run;  /* deferred call handlers run */
    uint32_t sleeps;              /* chip_sleep() calls */
};

/* The kernel object. Boards allocate it; fields are private to kernel/. */
struct kernel {
    struct chip *chip;            /* the one chip of the image */
    struct kernel_stats stats;    /* main-loop counters */
    bool running;                 /* kernel_run() entered */
};

/* Boundaries printed by the banner; filled by the board from linker symbols.
 * Each pair is [start, end). */
struct kernel_memory_map {
    uintptr_t text_start, text_end;          /* kernel code and rodata */
    uintptr_t data_start, data_end;          /* initialised kernel data */
    uintptr_t bss_start, bss_end;            /* zeroed kernel data */
    uintptr_t stack_start, stack_end;        /* kernel stack */
    uintptr_t app_flash_start, app_flash_end;  /* TBF objects */
    uintptr_t app_ram_start, app_ram_end;    /* process RAM pool */
};

/* Initialise k for chip. Boot time, once. */
void kernel_init(struct kernel *k, struct chip *chip);

/* Print "Bulkhead <release> on <board> (<cpu>)", the kernel version and the
 * memory map through debug_printf(). Boot time. */
void kernel_print_banner(const char *board, const struct kernel_memory_map *map);

/* Enter the main loop: service interrupt bottom halves, run deferred calls,
 * otherwise sleep. Unmasks interrupts. Never returns. */
OS_NORETURN void kernel_run(struct kernel *k, const struct cap_main_loop *cap);

/* Copy k's main-loop counters into *stats. */
void kernel_get_stats(const struct kernel *k, struct kernel_stats *stats);
