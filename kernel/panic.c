/* SPDX-License-Identifier: Apache-2.0 */
/* Kernel panic: flush, report, halt. The kernel's own invariants only. */
#include <stdarg.h>
#include <stdbool.h>

#include "kernel/early_print.h"
#include "kernel/panic_state.h"
#include "os/board/debug_writer.h"
#include "os/board/kernel.h"
#include "os/platform/arch.h"
#include "os/platform/chip.h"
#include "os/platform/panic.h"

/* Set on the first panic; a panic while reporting one halts at once. */
static bool panicking;

/* Common start of both panic paths; returns false for a nested panic. */
static bool panic_begin(void)
{
    (void)arch_irq_save();
    if (panicking) {
        early_printf("\n*** nested panic; halting\n");
        return false;
    }
    panicking = true;
    debug_flush_sync();
    return true;
}

static void panic_footer(void)
{
    early_printf("Bulkhead %s, kernel ABI %d.%d, board %s, cpu %s\n", kernel_release,
                 KERNEL_VERSION_MAJOR, KERNEL_VERSION_MINOR, OS_BOARD_NAME, arch_cpu_name());
    early_printf("*** kernel halted\n");
}

void panic_at(const char *file, int line, const char *fmt, ...)
{
    va_list ap;

    if (panic_begin()) {
        early_printf("\n*** KERNEL PANIC: ");
        va_start(ap, fmt);
        early_vprintf(fmt, ap);
        va_end(ap);
        early_printf("\n    at %s:%d\n", file, line);
        arch_print_cpu_state();
        panic_footer();
    }
    chip_halt(PANIC_EXIT_STATUS);
}

void panic_from_fault(const char *description)
{
    if (panic_begin()) {
        early_printf("\n*** KERNEL PANIC: kernel fault: %s\n", description);
        arch_print_fault_state();
        panic_footer();
    }
    chip_halt(PANIC_EXIT_STATUS);
}

void panic_reset_for_test(void)
{
    panicking = false;
}
