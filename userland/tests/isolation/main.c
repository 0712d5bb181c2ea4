/* SPDX-License-Identifier: Apache-2.0 */
/* Isolation app entry: run the case chosen at build time (ISOLATION_CASE). */
#include <stdio.h>
#include <stdlib.h>

#include "isolation.h"

#ifndef ISOLATION_CASE
#error "build with -DISOLATION_CASE=<n> (see isolation.h)"
#endif

void isolation_about(const char *what)
{
    printf("%s: about to %s\n", APP_NAME, what);
}

void isolation_about_at(const char *what, uint32_t addr)
{
    printf("%s: about to %s at 0x%08lx\n", APP_NAME, what, (unsigned long)addr);
}

void isolation_not_faulted(const char *what, uint32_t value)
{
    printf("%s: NOT FAULTED (%s 0x%08lx)\n", APP_NAME, what, (unsigned long)value);
    exit(1);
}

uint32_t isolation_read(uint32_t addr)
{
    /* SAFETY: deliberately reads memory the process must not reach: the test itself. */
    return *(volatile uint32_t *)addr;
}

void isolation_write(uint32_t addr, uint32_t value)
{
    /* SAFETY: deliberately writes memory the process must not reach: the test itself. */
    *(volatile uint32_t *)addr = value;
}

int main(void)
{
    uint32_t failed;

    switch (ISOLATION_CASE) {
    case ISO_RAM_EXEC:
    case ISO_STACK_OVERFLOW:
    case ISO_PRIVILEGED:
    case ISO_BAD_CLASS:
    case ISO_BAD_CLASS_255:
    case ISO_KERNEL_EXEC:
        isolation_cpu_case();
        break;
    case ISO_ALLOW_KERNEL_PTR:
    case ISO_ALLOW_PAST_END:
    case ISO_ALLOW_WRAP:
    case ISO_SUBSCRIBE_KERNEL_FN:
    case ISO_YIELD_KERNEL_PTR:
    case ISO_UPCALL_FLOOD:
    case ISO_ALLOW_NEIGHBOUR:
        failed = isolation_pointer_case();
        printf("%s: done\n", APP_NAME);
        return failed == 0 ? 0 : 1;
    default:
        isolation_memory_case();
        break;
    }
    isolation_not_faulted("case returned", ISOLATION_CASE);
}
