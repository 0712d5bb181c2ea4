/* SPDX-License-Identifier: Apache-2.0 */
/* Isolation cases that touch memory outside the process's own regions. */
#include <stdint.h>

#include "isolation.h"
#include "libos/memop.h"
#include "libos/syscall.h"
#include "os/abi/driver_num.h"

static uint32_t addr_of(const void *p)
{
    return (uint32_t)(uintptr_t)p;
}

uint32_t isolation_protected_break(void)
{
    uint32_t start = addr_of(memop_memory_start());
    uint32_t brk = addr_of(memop_sbrk(0));
    uint32_t grant = addr_of(memop_grant_start());
    uint32_t granule = 4;
    uint32_t target;

#if defined(__arm__)
    /* Bulkhead's PMSAv7 layout (arch/cortex-m/mpu_layout.c): the block is one
     * power-of-two region of 8 sub-regions. (Tock uses two regions of 8, so
     * 16 steps; either way the process reaches up to a sub-region boundary.) */
    uint32_t block = 512;

    while (block < addr_of(memop_memory_end()) - start) {
        block <<= 1;
    }
    granule = block / 8;
#endif
    target = start + ((brk - start + granule - 1) / granule) * granule;
    /* SAFETY: target is inside this process's block, below the grant start. */
    if (target > grant || memop_brk((void *)(uintptr_t)target) != 0) {
        return brk; /* no room to align: use the break as it is */
    }
    return target;
}

/* Reads just above the break, between break and grant, and of the grant region. */
static void break_region_case(int which)
{
    uint32_t brk = isolation_protected_break();
    uint32_t grant = addr_of(memop_grant_start());
    uint32_t addr = brk;

    if (which == ISO_ABOVE_BREAK) {
        isolation_about_at("read just above the break", addr);
    } else if (which == ISO_BELOW_GRANT) {
        addr = (brk + (grant - brk) / 2) & ~3u;
        isolation_about_at("read between the break and the grant start", addr);
    } else {
        addr = grant;
        isolation_about_at("read the grant region", addr);
    }
    isolation_not_faulted("read", isolation_read(addr));
}

/* The neighbouring slot (riscv: fixed at build time) or the memory just past our own
 * block and TBF object (cortex-m: position independent, so known only at run time). */
uint32_t isolation_neighbour_ram(void)
{
#if defined(APP_NEIGHBOUR_RAM)
    return APP_NEIGHBOUR_RAM;
#else
    return addr_of(memop_memory_end());
#endif
}

uint32_t isolation_neighbour_flash(void)
{
#if defined(APP_NEIGHBOUR_FLASH)
    return APP_NEIGHBOUR_FLASH;
#else
    return addr_of(memop_flash_end());
#endif
}

static void neighbour_case(int which)
{
    uint32_t ram = isolation_neighbour_ram();
    uint32_t flash = isolation_neighbour_flash();

    if (which == ISO_NEIGHBOUR_RAM_READ) {
        isolation_about_at("read the neighbour's RAM", ram);
        isolation_not_faulted("read", isolation_read(ram));
    }
    if (which == ISO_NEIGHBOUR_RAM_WRITE) {
        isolation_about_at("write the neighbour's RAM", ram);
        isolation_write(ram, 0xB0B0B0B0u);
        isolation_not_faulted("wrote", ram);
    }
    isolation_about_at("read the neighbour's flash", flash);
    isolation_not_faulted("read", isolation_read(flash));
}

/* Fault while a long console write and an alarm are still pending: the
 * kernel must drop them with the process, and the others carry on. */
static void fault_mid_operation(void)
{
    static const char text[] = "iso_fault_mid_write: a long write that is still being sent "
                               "when its process faults; the console must carry on with the "
                               "other processes afterwards.\n";
    struct syscall_return freq = syscall_command(DRIVER_NUM_ALARM, 1, 0, 0);

    (void)syscall_allow_ro(DRIVER_NUM_CONSOLE, 1, addr_of(text), sizeof(text) - 1);
    (void)syscall_command(DRIVER_NUM_CONSOLE, 1, sizeof(text) - 1, 0);
    if (freq.variant == SYSCALL_RET_SUCCESS_U32) {
        (void)syscall_command(DRIVER_NUM_ALARM, 5, freq.data[0] / 100, 0);
    }
    isolation_about_at("read kernel RAM with a write and an alarm pending", TEST_KERNEL_RAM);
    isolation_not_faulted("read", isolation_read(TEST_KERNEL_RAM));
}

void isolation_memory_case(void)
{
    uint32_t flash = addr_of(memop_flash_start());

    switch (ISOLATION_CASE) {
    case ISO_KERNEL_RAM_READ:
        isolation_about_at("read kernel RAM", TEST_KERNEL_RAM);
        isolation_not_faulted("read", isolation_read(TEST_KERNEL_RAM));
    case ISO_KERNEL_RAM_WRITE:
        /* A pure store (no read first), so the fault is the write's own. */
        isolation_about_at("write kernel RAM", TEST_KERNEL_RAM);
        isolation_write(TEST_KERNEL_RAM, 0xB0B0B0B0u);
        isolation_not_faulted("wrote", TEST_KERNEL_RAM);
    case ISO_KERNEL_FLASH_READ:
        isolation_about_at("read kernel flash", TEST_KERNEL_FLASH);
        isolation_not_faulted("read", isolation_read(TEST_KERNEL_FLASH));
    case ISO_PERIPHERAL_READ:
        isolation_about_at("read a peripheral register", TEST_PERIPHERAL);
        isolation_not_faulted("read", isolation_read(TEST_PERIPHERAL));
    case ISO_OWN_FLASH_WRITE:
        isolation_about_at("write its own flash", flash);
        isolation_write(flash, isolation_read(flash));
        isolation_not_faulted("wrote", flash);
    case ISO_REPEAT_FAULT:
        isolation_about_at("read kernel RAM (faults on every start)", TEST_KERNEL_RAM);
        isolation_not_faulted("read", isolation_read(TEST_KERNEL_RAM));
    case ISO_FAULT_MID_WRITE:
        fault_mid_operation();
        break;
    case ISO_NULL_READ:
        isolation_about_at("read address 0", 0);
        isolation_not_faulted("read", isolation_read(0));
    case ISO_NEIGHBOUR_RAM_READ:
    case ISO_NEIGHBOUR_RAM_WRITE:
    case ISO_NEIGHBOUR_FLASH_READ:
        neighbour_case(ISOLATION_CASE);
        break;
    default:
        break_region_case(ISOLATION_CASE);
        break;
    }
}
