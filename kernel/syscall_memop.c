/* SPDX-License-Identifier: Apache-2.0 */
/* Memop (class 5): the break, the memory map, writeable flash regions. */
#include "kernel/process_internal.h"
#include "os/abi/syscall.h"

static void success_u32(uint32_t v, uint32_t *values, unsigned *count)
{
    values[0] = SYSCALL_RET_SUCCESS_U32;
    values[1] = v;
    *count = 2;
}

static void status(os_err_t err, uint32_t *values, unsigned *count)
{
    values[0] = err == OS_OK ? SYSCALL_RET_SUCCESS : SYSCALL_RET_FAILURE;
    values[1] = (uint32_t)err;
    *count = err == OS_OK ? 1 : 2;
}

/* Writeable flash region index's (offset, size) from the WFR TLV. */
static bool wfr_region(const struct process *p, uint32_t index, uint32_t *offset, uint32_t *size)
{
    if (p->image.wfr == 0 || index >= p->image.wfr_count) {
        return false;
    }
    /* SAFETY: the TLV was bounds-checked against the TBF header at load;
     * the entries are 4-aligned words inside the app's flash. */
    const volatile uint32_t *entry =
        (const volatile uint32_t *)(uintptr_t)(p->image.wfr + 8 * index);
    *offset = entry[0];
    *size = entry[1];
    return *size != 0;
}

static void wfr(const struct process *p, uint32_t index, bool end, uint32_t *values,
                unsigned *count)
{
    uint32_t offset;
    uint32_t size;

    if (!wfr_region(p, index, &offset, &size)) {
        status(OS_EFAIL, values, count);
        return;
    }
    success_u32(p->image.flash_start + offset + (end ? size : 0), values, count);
}

static void hint(struct process *p, uint32_t *field, uint32_t addr, uint32_t *values,
                 unsigned *count)
{
    if (addr >= p->mem_start && addr < p->mem_end) {
        *field = addr;
    }
    status(OS_OK, values, count);
}

void syscall_memop(struct process *p, uint32_t op, uint32_t arg, uint32_t *values, unsigned *count)
{
    uint32_t old = p->app_break;

    switch (op) {
    case SYSCALL_MEMOP_BRK:
        status(process_set_break(p, arg), values, count);
        break;
    case SYSCALL_MEMOP_SBRK:
        if (process_set_break(p, old + arg) == OS_OK) {
            success_u32(old, values, count);
        } else {
            status(OS_ENOMEM, values, count);
        }
        break;
    case SYSCALL_MEMOP_MEMORY_START:
        success_u32(p->mem_start, values, count);
        break;
    case SYSCALL_MEMOP_MEMORY_END:
        success_u32(p->mem_end, values, count);
        break;
    case SYSCALL_MEMOP_FLASH_START:
        success_u32(p->image.flash_start, values, count);
        break;
    case SYSCALL_MEMOP_FLASH_END:
        success_u32(p->image.flash_end, values, count);
        break;
    case SYSCALL_MEMOP_GRANT_START:
        success_u32(p->kernel_break, values, count);
        break;
    case SYSCALL_MEMOP_WFR_COUNT:
        success_u32(p->image.wfr_count, values, count);
        break;
    case SYSCALL_MEMOP_WFR_START:
    case SYSCALL_MEMOP_WFR_END:
        wfr(p, arg, op == SYSCALL_MEMOP_WFR_END, values, count);
        break;
    case SYSCALL_MEMOP_STACK_HINT:
        hint(p, &p->stack_hint, arg, values, count);
        /* crt0 gives the hint once it runs on its real stack: what came
         * before (the kernel's few initial bytes) is not the app's stack. */
        p->stats.lowest_sp = UINT32_MAX;
        break;
    case SYSCALL_MEMOP_HEAP_HINT:
        hint(p, &p->heap_hint, arg, values, count);
        break;
    default:
        status(OS_ENOSUPPORT, values, count);
        break;
    }
}
