/* SPDX-License-Identifier: Apache-2.0 */
/* Memop checks: all twelve operations, their success and error paths (syscalls.md 11). */
#include <stdbool.h>
#include <stddef.h>

#include "check.h"
#include "libos/crt0_header.h"
#include "libos/process.h"
#include "libos/syscall.h"
#include "syscalls_test.h"

#define GROW 64u

/* The app's crt0 header (the kernel passed its address as app_start). */
static const struct crt0_header *header(void)
{
    /* SAFETY: app_start is the first byte of this binary, the 40-byte crt0 header. */
    return (const struct crt0_header *)process_entry()->app_start;
}

static uint32_t memop_value(uint32_t op)
{
    return syscall_memop(op, 0).data[0];
}

static bool all_bytes(uint32_t addr, uint32_t len, uint8_t value)
{
    /* SAFETY: callers pass memory below the current break (this process's own RAM). */
    const volatile uint8_t *p = (const volatile uint8_t *)addr;

    for (uint32_t i = 0; i < len; i++) {
        if (p[i] != value) {
            return false;
        }
    }
    return true;
}

static void fill(uint32_t addr, uint32_t len, uint8_t value)
{
    /* SAFETY: callers pass memory below the current break. */
    volatile uint8_t *p = (volatile uint8_t *)addr;

    for (uint32_t i = 0; i < len; i++) {
        p[i] = value;
    }
}

/* memop 2-6: the layout agrees with _start's arguments and the crt0 header. */
static void layout_checks(void)
{
    const struct process_entry_args *e = process_entry();
    uint32_t start = (uint32_t)e->memory_start;
    uint32_t brk = start + header()->bss_start + header()->bss_size;
    uint32_t flash_start = memop_value(SYSCALL_MEMOP_FLASH_START);
    uint32_t flash_end = memop_value(SYSCALL_MEMOP_FLASH_END);
    uint32_t grant = memop_value(SYSCALL_MEMOP_GRANT_START);
    uint32_t end = start + (uint32_t)e->memory_len;
    uint32_t image_end = (uint32_t)e->app_start + header()->reldata_start + 4;

    check_success("memop memory start", syscall_memop(SYSCALL_MEMOP_MEMORY_START, 0),
                  SYSCALL_RET_SUCCESS_U32, start, 0);
    check_success("memop memory end", syscall_memop(SYSCALL_MEMOP_MEMORY_END, 0),
                  SYSCALL_RET_SUCCESS_U32, end, 0);
    check("entry initial break", NULL, e->initial_break >= start && e->initial_break <= brk,
          "(initial break 0x%08lx, memory start 0x%08lx)", (unsigned long)e->initial_break,
          (unsigned long)start);
    check_success("memop flash start", syscall_memop(SYSCALL_MEMOP_FLASH_START, 0),
                  SYSCALL_RET_SUCCESS_U32, CHECK_ANY, 0);
    check("memop flash start before app start", NULL,
          flash_start % 4 == 0 && flash_start + 16 <= e->app_start,
          "(flash start 0x%08lx, app start 0x%08lx)", (unsigned long)flash_start,
          (unsigned long)e->app_start);
    check("memop flash end after binary", NULL, flash_end >= image_end,
          "(flash end 0x%08lx, binary ends 0x%08lx)", (unsigned long)flash_end,
          (unsigned long)image_end);
    check("memop grant start", NULL, grant >= brk && grant <= end,
          "(grant start 0x%08lx, break 0x%08lx, memory end 0x%08lx)", (unsigned long)grant,
          (unsigned long)brk, (unsigned long)end);
    check_success("memop sbrk(0) returns crt0 break", syscall_memop(SYSCALL_MEMOP_SBRK, 0),
                  SYSCALL_RET_SUCCESS_U32, brk, 0);
}

/* memop 0/1: grow, shrink, zeroing, refusals. */
static void break_checks(void)
{
    uint32_t old = memop_value(SYSCALL_MEMOP_SBRK);
    uint32_t end = memop_value(SYSCALL_MEMOP_MEMORY_END);
    uint32_t grant = memop_value(SYSCALL_MEMOP_GRANT_START);

    check_success("memop sbrk grow returns old break", syscall_memop(SYSCALL_MEMOP_SBRK, GROW),
                  SYSCALL_RET_SUCCESS_U32, old, 0);
    check_success("memop sbrk moved break", syscall_memop(SYSCALL_MEMOP_SBRK, 0),
                  SYSCALL_RET_SUCCESS_U32, old + GROW, 0);
    check("memop memory zeroed after growth", NULL, all_bytes(old, GROW, 0), "(non-zero byte)");
    fill(old, GROW, 0xA5);
    check_success("memop brk shrink", syscall_memop(SYSCALL_MEMOP_BRK, old), SYSCALL_RET_SUCCESS, 0,
                  0);
    check_success("memop brk regrow", syscall_memop(SYSCALL_MEMOP_BRK, old + GROW),
                  SYSCALL_RET_SUCCESS, 0, 0);
    check("memop memory zeroed after regrow", NULL, all_bytes(old, GROW, 0),
          "(bytes from before the shrink are visible)");
    check_failure("memop brk at memory end", syscall_memop(SYSCALL_MEMOP_BRK, end),
                  SYSCALL_RET_FAILURE, OS_ENOMEM, 0, 0);
    check_failure("memop brk above grant start", syscall_memop(SYSCALL_MEMOP_BRK, grant + 4),
                  SYSCALL_RET_FAILURE, OS_ENOMEM, 0, 0);
    check_failure("memop sbrk huge", syscall_memop(SYSCALL_MEMOP_SBRK, 0x7FFFFFFFu),
                  SYSCALL_RET_FAILURE, OS_ENOMEM, 0, 0);
    check_failure("memop sbrk wrapping", syscall_memop(SYSCALL_MEMOP_SBRK, 0x80000001u),
                  SYSCALL_RET_FAILURE, OS_ENOMEM, 0, 0);
    check_success("memop break unchanged after refusals", syscall_memop(SYSCALL_MEMOP_SBRK, 0),
                  SYSCALL_RET_SUCCESS_U32, old + GROW, 0);
}

/* An allowed buffer raises the high-water mark; brk may not go below it. */
static void high_water_checks(void)
{
    uint32_t base = memop_value(SYSCALL_MEMOP_SBRK);
    struct syscall_return ret;

    (void)syscall_memop(SYSCALL_MEMOP_SBRK, GROW);
    ret = syscall_allow_rw(1, 1, base, GROW / 2);
    check_success("memop allow in heap", ret, SYSCALL_RET_SUCCESS_2U32, CHECK_ANY, CHECK_ANY);
    (void)syscall_allow_rw(1, 1, 0, 0);
    check_failure("memop brk below allow high-water mark", syscall_memop(SYSCALL_MEMOP_BRK, base),
                  SYSCALL_RET_FAILURE, OS_ENOMEM, 0, 0);
    check_success("memop brk at allow high-water mark",
                  syscall_memop(SYSCALL_MEMOP_BRK, base + GROW / 2), SYSCALL_RET_SUCCESS, 0, 0);
}

/* memop 7-11 and an unknown operation. */
static void misc_checks(void)
{
    uint32_t stack_top = (uint32_t)process_entry()->memory_start + header()->stack_size;
    struct syscall_return count = syscall_memop(SYSCALL_MEMOP_WFR_COUNT, 0);

    check("memop wfr count", "0", count.variant == SYSCALL_RET_SUCCESS_U32 && count.data[0] == 0,
          "(r0=%lu r1=%lu)", (unsigned long)count.variant, (unsigned long)count.data[0]);
    check_failure("memop wfr start without region", syscall_memop(SYSCALL_MEMOP_WFR_START, 0),
                  SYSCALL_RET_FAILURE, OS_EFAIL, 0, 0);
    check_failure("memop wfr end without region", syscall_memop(SYSCALL_MEMOP_WFR_END, 0),
                  SYSCALL_RET_FAILURE, OS_EFAIL, 0, 0);
    check_success("memop stack hint", syscall_memop(SYSCALL_MEMOP_STACK_HINT, stack_top),
                  SYSCALL_RET_SUCCESS, 0, 0);
    check_success("memop stack hint out of range", syscall_memop(SYSCALL_MEMOP_STACK_HINT, 0x10),
                  SYSCALL_RET_SUCCESS, 0, 0);
    check_success("memop heap hint",
                  syscall_memop(SYSCALL_MEMOP_HEAP_HINT, memop_value(SYSCALL_MEMOP_SBRK)),
                  SYSCALL_RET_SUCCESS, 0, 0);
    check_failure("memop unknown operation", syscall_memop(12, 0), SYSCALL_RET_FAILURE,
                  OS_ENOSUPPORT, 0, 0);
}

void memop_checks(void)
{
    layout_checks();
    break_checks();
    high_water_checks();
    misc_checks();
}
