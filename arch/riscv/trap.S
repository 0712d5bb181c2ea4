/* SPDX-License-Identifier: Apache-2.0 */
/* RISC-V trap entry (mtvec, direct mode) and the register capture helper.
 *
 * See riscv/trap.h for the mscratch convention. A trap with mscratch != 0
 * came from a process and continues in switch.S. The kernel never runs with
 * mstatus.MIE set, so a trap with mscratch == 0 is a kernel fault: save the
 * complete register state into riscv_fault_state, move to a private fault
 * stack (the kernel sp may be the very thing that broke) and call
 * riscv_fault_from_kernel(), which panics. A fault inside that path is
 * caught by riscv_fault_nesting and ends in riscv_fault_double(); a
 * third one spins with wfi.
 */
#include "riscv/trap.h"

    /* SAFETY: everything below runs with interrupts off in M-mode and only
     * writes riscv_fault_state, riscv_fault_nesting, the fault stack and
     * mscratch; it never returns to the trapping code. */

    .section .text.riscv_trap_entry, "ax", @progbits
    .globl riscv_trap_entry
    .type riscv_trap_entry, @function
    .balign 4                   /* mtvec direct mode needs 4-byte alignment */
    /* No linker relaxation in here: gp may be corrupt at a fault, so no
     * address may be turned into a gp-relative one. */
    .option push
    .option norelax
riscv_trap_entry:
    csrrw sp, mscratch, sp      /* sp = mscratch, mscratch = interrupted sp */
    beqz sp, .Lfrom_kernel
    /* A process was running: mscratch held the kernel frame of
     * riscv_user_run(), now in sp (switch.S). */
    j riscv_trap_from_user
.Lfrom_kernel:
    csrrw sp, mscratch, sp      /* sp = kernel sp again, mscratch = 0 */
    /* Also entered from switch.S for a trap from M-mode taken while
     * mscratch was non-zero, with every register as it was at the trap
     * (mscratch is overwritten below). */
    .globl riscv_trap_kernel_fault
riscv_trap_kernel_fault:
    csrw mscratch, t0           /* borrow mscratch to free t0 */
    la t0, riscv_fault_nesting
    lw t0, 0(t0)
    bnez t0, .Lnested
    la t0, riscv_fault_state
    sw zero, RISCV_FRAME_X(0)(t0)
    sw x1, RISCV_FRAME_X(1)(t0)
    sw x2, RISCV_FRAME_X(2)(t0)
    sw x3, RISCV_FRAME_X(3)(t0)
    sw x4, RISCV_FRAME_X(4)(t0)
    sw x6, RISCV_FRAME_X(6)(t0)
    sw x7, RISCV_FRAME_X(7)(t0)
    sw x8, RISCV_FRAME_X(8)(t0)
    sw x9, RISCV_FRAME_X(9)(t0)
    sw x10, RISCV_FRAME_X(10)(t0)
    sw x11, RISCV_FRAME_X(11)(t0)
    sw x12, RISCV_FRAME_X(12)(t0)
    sw x13, RISCV_FRAME_X(13)(t0)
    sw x14, RISCV_FRAME_X(14)(t0)
    sw x15, RISCV_FRAME_X(15)(t0)
    sw x16, RISCV_FRAME_X(16)(t0)
    sw x17, RISCV_FRAME_X(17)(t0)
    sw x18, RISCV_FRAME_X(18)(t0)
    sw x19, RISCV_FRAME_X(19)(t0)
    sw x20, RISCV_FRAME_X(20)(t0)
    sw x21, RISCV_FRAME_X(21)(t0)
    sw x22, RISCV_FRAME_X(22)(t0)
    sw x23, RISCV_FRAME_X(23)(t0)
    sw x24, RISCV_FRAME_X(24)(t0)
    sw x25, RISCV_FRAME_X(25)(t0)
    sw x26, RISCV_FRAME_X(26)(t0)
    sw x27, RISCV_FRAME_X(27)(t0)
    sw x28, RISCV_FRAME_X(28)(t0)
    sw x29, RISCV_FRAME_X(29)(t0)
    sw x30, RISCV_FRAME_X(30)(t0)
    sw x31, RISCV_FRAME_X(31)(t0)
    csrrw t1, mscratch, zero    /* t1 = original t0; mscratch = 0 again */
    sw t1, RISCV_FRAME_X(5)(t0)
    csrr t1, mepc
    sw t1, RISCV_FRAME_MEPC(t0)
    csrr t1, mcause
    sw t1, RISCV_FRAME_MCAUSE(t0)
    csrr t1, mtval
    sw t1, RISCV_FRAME_MTVAL(t0)
    csrr t1, mstatus
    sw t1, RISCV_FRAME_MSTATUS(t0)

    li t1, 1
    la t2, riscv_fault_nesting
    sw t1, 0(t2)
    la gp, __global_pointer$    /* gp may have been clobbered too */
    la sp, riscv_fault_stack + RISCV_FAULT_STACK_SIZE
    call riscv_fault_from_kernel
    j .Lspin                    /* not reached: it panics */

.Lnested:
    csrw mscratch, zero
    la t0, riscv_fault_nesting
    lw t1, 0(t0)
    addi t1, t1, 1
    sw t1, 0(t0)
    li t2, 2
    bne t1, t2, .Lspin          /* third fault or worse: give up quietly */
    la gp, __global_pointer$
    la sp, riscv_fault_stack + RISCV_FAULT_STACK_SIZE
    call riscv_fault_double
.Lspin:
    wfi
    j .Lspin
    .option pop
    .size riscv_trap_entry, . - riscv_trap_entry

/* void riscv_trap_capture_registers(uint32_t regs[32])
 * Store x0..x31 as they are at the call into regs (x1 = the return address,
 * x2 = the caller's sp, x10 = regs itself). Clobbers nothing. */
    .section .text.riscv_trap_capture_registers, "ax", @progbits
    .globl riscv_trap_capture_registers
    .type riscv_trap_capture_registers, @function
riscv_trap_capture_registers:
    sw zero, 0(a0)
    sw x1, 4(a0)
    sw x2, 8(a0)
    sw x3, 12(a0)
    sw x4, 16(a0)
    sw x5, 20(a0)
    sw x6, 24(a0)
    sw x7, 28(a0)
    sw x8, 32(a0)
    sw x9, 36(a0)
    sw x10, 40(a0)
    sw x11, 44(a0)
    sw x12, 48(a0)
    sw x13, 52(a0)
    sw x14, 56(a0)
    sw x15, 60(a0)
    sw x16, 64(a0)
    sw x17, 68(a0)
    sw x18, 72(a0)
    sw x19, 76(a0)
    sw x20, 80(a0)
    sw x21, 84(a0)
    sw x22, 88(a0)
    sw x23, 92(a0)
    sw x24, 96(a0)
    sw x25, 100(a0)
    sw x26, 104(a0)
    sw x27, 108(a0)
    sw x28, 112(a0)
    sw x29, 116(a0)
    sw x30, 120(a0)
    sw x31, 124(a0)
    ret
    .size riscv_trap_capture_registers, . - riscv_trap_capture_registers
