/* SPDX-License-Identifier: Apache-2.0 */
/* RISC-V reset entry: set up gp, sp, mtvec and the C runtime, then board_main.
 *
 * Runs in M-mode on hart 0 straight from reset (QEMU virt with -bios none
 * jumps to 0x80000000). Interrupts stay disabled: mstatus.MIE and mie are
 * cleared here and the kernel never sets mstatus.MIE (see riscv/trap.h).
 * The symbols come from kernel_sections.ld.
 */

    /* SAFETY: this file only touches memory the linker script reserves
     * for the kernel (.data, .bss, the kernel stack) and M-mode CSRs. */

#include "riscv/csr.h"

    .section .text.start, "ax", @progbits
    .globl _start
    .type _start, @function
_start:
    /* gp must be loaded with relaxation off, or the assembler would
     * relax "la gp" into a gp-relative add of gp itself. */
    .option push
    .option norelax
    la gp, __global_pointer$
    .option pop

    /* No interrupt of any kind, no thread pointer (no TLS, asserted by
     * the linker script), and mscratch = 0: "kernel code is running". */
    csrw mie, zero
    csrci mstatus, RISCV_MSTATUS_MIE
    csrw mscratch, zero
    li tp, 0

    la sp, _estack
    la t0, riscv_trap_entry
    csrw mtvec, t0          /* direct mode: bits 1:0 are 0 (4-aligned) */

    /* Copy .data from its load address in the kernel image. */
    la t0, _sidata
    la t1, _sdata
    la t2, _edata
1:  bgeu t1, t2, 2f
    lw t3, 0(t0)
    sw t3, 0(t1)
    addi t0, t0, 4
    addi t1, t1, 4
    j 1b
2:
    /* Zero .bss (including .sbss). */
    la t1, _sbss
    la t2, _ebss
3:  bgeu t1, t2, 4f
    sw zero, 0(t1)
    addi t1, t1, 4
    j 3b
4:
    call board_main

    /* board_main() never returns; if it did, stop here. */
5:  wfi
    j 5b
    .size _start, . - _start
