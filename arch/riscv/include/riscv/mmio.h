/* SPDX-License-Identifier: Apache-2.0 */
/* Volatile MMIO accessors for RISC-V chip drivers.
 *
 * Every device-register access of a RISC-V chip goes through these, so the
 * integer-to-pointer casts live in one place. Each access is a single
 * naturally aligned load or store of the given width, never merged, split or
 * reordered by the compiler against other volatile accesses. Device memory
 * on the supported machines (QEMU virt) is strongly ordered; a chip with
 * relaxed I/O ordering would add fences here.
 *
 * Callers must pass the address of a real device register of that width and
 * put a SAFETY comment before each access block saying why it is one.
 */
#pragma once

#include <stdint.h>

/* Load the 8-bit register at addr. */
static inline uint8_t riscv_mmio_read8(uintptr_t addr)
{
    /* SAFETY: the caller guarantees addr is an 8-bit device register. */
    return *(volatile const uint8_t *)addr;
}

/* Store value to the 8-bit register at addr. */
static inline void riscv_mmio_write8(uintptr_t addr, uint8_t value)
{
    /* SAFETY: the caller guarantees addr is an 8-bit device register. */
    *(volatile uint8_t *)addr = value;
}

/* Load the 32-bit register at addr (4-byte aligned). */
static inline uint32_t riscv_mmio_read32(uintptr_t addr)
{
    /* SAFETY: the caller guarantees addr is an aligned 32-bit register. */
    return *(volatile const uint32_t *)addr;
}

/* Store value to the 32-bit register at addr (4-byte aligned). */
static inline void riscv_mmio_write32(uintptr_t addr, uint32_t value)
{
    /* SAFETY: the caller guarantees addr is an aligned 32-bit register. */
    *(volatile uint32_t *)addr = value;
}
