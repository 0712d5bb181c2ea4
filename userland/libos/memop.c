/* SPDX-License-Identifier: Apache-2.0 */
/* Memory operations (memop, class 5). */
#include "libos/memop.h"

#include <stddef.h>

#include "libos/returncode.h"
#include "libos/syscall.h"

/* A memop answering Success with u32, as a pointer; NULL for any other answer. */
static void *memop_pointer(uint32_t operation, uint32_t argument)
{
    uint32_t value = 0;

    if (returncode_from_u32(syscall_memop(operation, argument), &value) != 0) {
        return NULL;
    }
    /* SAFETY: the kernel returned an address of this process's own layout. */
    return (void *)(uintptr_t)value;
}

int memop_brk(void *addr)
{
    return returncode_from_novalue(syscall_memop(SYSCALL_MEMOP_BRK, (uint32_t)(uintptr_t)addr));
}

void *memop_sbrk(int32_t increment)
{
    return memop_pointer(SYSCALL_MEMOP_SBRK, (uint32_t)increment);
}

void *memop_memory_start(void)
{
    return memop_pointer(SYSCALL_MEMOP_MEMORY_START, 0);
}

void *memop_memory_end(void)
{
    return memop_pointer(SYSCALL_MEMOP_MEMORY_END, 0);
}

void *memop_flash_start(void)
{
    return memop_pointer(SYSCALL_MEMOP_FLASH_START, 0);
}

void *memop_flash_end(void)
{
    return memop_pointer(SYSCALL_MEMOP_FLASH_END, 0);
}

void *memop_grant_start(void)
{
    return memop_pointer(SYSCALL_MEMOP_GRANT_START, 0);
}

uint32_t memop_wfr_count(void)
{
    uint32_t count = 0;

    (void)returncode_from_u32(syscall_memop(SYSCALL_MEMOP_WFR_COUNT, 0), &count);
    return count;
}

void *memop_wfr_start(uint32_t index)
{
    return memop_pointer(SYSCALL_MEMOP_WFR_START, index);
}

void *memop_wfr_end(uint32_t index)
{
    return memop_pointer(SYSCALL_MEMOP_WFR_END, index);
}

void memop_stack_hint(void *stack_top)
{
    (void)syscall_memop(SYSCALL_MEMOP_STACK_HINT, (uint32_t)(uintptr_t)stack_top);
}

void memop_heap_hint(void *heap_start)
{
    (void)syscall_memop(SYSCALL_MEMOP_HEAP_HINT, (uint32_t)(uintptr_t)heap_start);
}
