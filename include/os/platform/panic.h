/* SPDX-License-Identifier: Apache-2.0 */
/* Kernel services arch and chip code may use: early output and panic.
 *
 * Implemented by the kernel; on the include path of arch and chips so that
 * fault handlers can report without knowing kernel internals.
 */
#pragma once

#include <stdarg.h>

#include "os/compiler.h"

/* printf-style synchronous output through chip_early_write(). Supports
 * %d %i %u %x %X %p %s %c %% with flags '-', '0', width, and the l/ll/z
 * length modifiers. Any context. Returns the number of characters written. */
OS_PRINTF(1, 2) int early_printf(const char *fmt, ...);

/* Stop the kernel: flush pending debug output, print "KERNEL PANIC", the
 * message, file:line, the CPU state and the kernel version, then halt with a
 * failure status. Any context. Use through OS_PANIC(). */
OS_NORETURN OS_PRINTF(3, 4) void panic_at(const char *file, int line, const char *fmt, ...);

/* As panic_at(), for an exception taken while kernel code ran: prints
 * description and arch_print_fault_state() instead of the current state. */
OS_NORETURN void panic_from_fault(const char *description);

/* Exit status QEMU ends with after a panic (tests: 0 = pass, 2 = failed check). */
#define PANIC_EXIT_STATUS 1

#define OS_PANIC(...) panic_at(__FILE__, __LINE__, __VA_ARGS__)

/* Checks that always run; a failure is a kernel bug and panics. */
#define OS_VERIFY(cond)                                                                            \
    do {                                                                                           \
        if (!(cond)) {                                                                             \
            panic_at(__FILE__, __LINE__, "check failed: %s", #cond);                               \
        }                                                                                          \
    } while (0)
