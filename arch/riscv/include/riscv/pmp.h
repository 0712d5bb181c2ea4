/* SPDX-License-Identifier: Apache-2.0 */
/* RISC-V PMP: entry encoding, the entry plan, and the boot-time set-up.
 *
 * pmp.c implements os/platform/mpu.h with the entries below; the board
 * calls riscv_pmp_init() once at boot (before anything else touches PMP).
 *
 * Entry plan (the lowest-numbered matching entry decides, privileged spec
 * 3.7.1; with no match a U-mode access fails and an M-mode access passes):
 *
 *   0      OFF, pmpaddr = flash_start >> 2   base of entry 1
 *   1      TOR, R+X   [flash_start, flash_end)        process flash
 *   2      OFF, pmpaddr = memory_start >> 2  base of entry 3
 *   3      TOR, R+W   [memory_start, accessible_end)  process RAM
 *   4-13   OFF, never written after boot
 *   14     OFF, pmpaddr = _sstack_guard >> 2  base of entry 15 (locked by it)
 *   15     TOR, no permissions, LOCKED: [_sstack_guard, _estack_guard)
 *
 * Entries 0-3 are unlocked, so they never restrict M-mode. Entry 15 is
 * locked, which makes it apply to M-mode as well (and, being TOR, also
 * freezes pmpaddr14): a kernel stack overflow into the guard the board's
 * layout reserves directly below the kernel stack (KERNEL_STACK_GUARD_SIZE,
 * kernel_sections.ld) traps with a store/AMO access fault, a kernel panic,
 * instead of silently running into the memory below. It stays in force
 * until reset. Without a guard (size 0) entries 14 and 15 stay OFF.
 *
 * QEMU 7.2 performance note: an access to a 4 KiB page that a PMP entry
 * covers only in part takes QEMU's slow path every time (no TLB entry is
 * cached). So a guard is best a whole, page-aligned page, and a process
 * runs fastest when its accessible RAM ends on a page boundary.
 */
#pragma once

/* pmpcfg byte fields (one byte per entry, four entries per pmpcfgN). */
#define RISCV_PMP_R 0x01u
#define RISCV_PMP_W 0x02u
#define RISCV_PMP_X 0x04u
#define RISCV_PMP_A_MASK 0x18u
#define RISCV_PMP_A_OFF 0x00u   /* entry disabled */
#define RISCV_PMP_A_TOR 0x08u   /* [pmpaddr(i-1) << 2, pmpaddr(i) << 2) */
#define RISCV_PMP_A_NA4 0x10u   /* one naturally aligned 4-byte word */
#define RISCV_PMP_A_NAPOT 0x18u /* naturally aligned power of two >= 8 */
#define RISCV_PMP_L 0x80u       /* locked: also applies to M-mode */

/* Number of entries on the supported machines (QEMU virt: 16). */
#define RISCV_PMP_ENTRIES 16u

/* Entry indexes of the plan above. */
#define RISCV_PMP_FLASH_BASE 0u
#define RISCV_PMP_FLASH 1u
#define RISCV_PMP_RAM_BASE 2u
#define RISCV_PMP_RAM 3u
#define RISCV_PMP_PROCESS_ENTRIES 4u /* entries 0..3, all in pmpcfg0 */
#define RISCV_PMP_GUARD_BASE 14u
#define RISCV_PMP_GUARD 15u

#ifndef __ASSEMBLER__

#include <stdint.h>

/* Turn every entry off, then lock entries 14-15 over the kernel stack
 * guard [_sstack_guard, _estack_guard) if the layout has one. Boot time,
 * once, from the board, before any process runs; panics if the guard's
 * bounds are not multiples of 4. */
void riscv_pmp_init(void);

/* The guard's range [*start, *start + *size); size 0 without a guard or
 * before riscv_pmp_init(). For fault reports. Any context. */
void riscv_pmp_guard(uint32_t *start, uint32_t *size);

#endif /* __ASSEMBLER__ */
