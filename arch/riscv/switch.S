/* SPDX-License-Identifier: Apache-2.0 */
/* RISC-V context switch: entering a U-mode process and the way back.
 *
 * riscv_user_run(ctx) pushes the kernel's callee-saved registers (plus ra,
 * gp, tp and ctx itself) as one frame on the kernel stack and stores the
 * kernel sp into mscratch: from then on mscratch != 0 means "a process is
 * running, and this is the frame to return to". It sets mepc = ctx->pc and
 * mstatus.MPP = U, loads x1-x31 from ctx and executes mret.
 *
 * Every trap from the process (ecall, interrupt, exception) enters
 * riscv_trap_entry (trap.S), which swaps sp with mscratch; a non-zero value
 * lands here in riscv_trap_from_user with sp = that kernel frame. It stores
 * x1-x31, mepc, mcause and mtval into ctx, sets mscratch = 0 ("the kernel
 * runs") and returns from riscv_user_run() to the C caller, which decodes
 * mcause. Nothing is claimed or acknowledged here: an interrupt stays
 * pending for the main loop.
 *
 * Interrupts: the kernel keeps mstatus.MIE = 0. M-mode interrupts are
 * always taken while a lower privilege runs, whatever MIE says, so every
 * source enabled in mie (MEIE by arch_irq_enable(), MTIE by the CLINT
 * driver) preempts the process. MPIE is cleared before mret, so MIE stays 0
 * in U-mode too and the hardware restores MIE = 0 on the next trap.
 *
 * mstatus.FS is forced to Off: floating-point registers are not part of a
 * process's context, so FP instructions must trap (illegal instruction)
 * instead of leaking state between processes.
 */
#include "riscv/csr.h"
#include "user_context.h"

/* The kernel frame kept on the kernel stack while a process runs. */
#define KF_RA 0
#define KF_S(n) (4 + (n)*4) /* s0..s11 at 4..48 */
#define KF_GP 52
#define KF_TP 56
#define KF_CTX 60     /* the context being run */
#define KF_SCRATCH 64 /* one word for the trap path */
#define KF_SIZE 80    /* keeps sp 16-byte aligned */

#define MSTATUS_ENTRY_CLEAR (RISCV_MSTATUS_MPP_MASK | RISCV_MSTATUS_MPIE | RISCV_MSTATUS_FS_MASK)

    /* No linker relaxation: gp holds the process's value for part of this
     * code, so no address may become gp-relative. */
    .option push
    .option norelax

/* void riscv_user_run(struct arch_user_context *ctx) */
    .section .text.riscv_user_run, "ax", @progbits
    .globl riscv_user_run
    .type riscv_user_run, @function
riscv_user_run:
    /* SAFETY: called from kernel C code in M-mode with mstatus.MIE = 0 and
     * the process's PMP entries loaded (they do not restrict M-mode). ctx
     * is the kernel's own context of the process (&p->ctx), so the loads
     * below read kernel memory only. Between the mscratch write and mret
     * only these loads run; a trap there (a kernel bug) is still reported
     * as a kernel fault because riscv_trap_from_user checks mstatus.MPP. */
    addi sp, sp, -KF_SIZE
    sw ra, KF_RA(sp)
    sw s0, KF_S(0)(sp)
    sw s1, KF_S(1)(sp)
    sw s2, KF_S(2)(sp)
    sw s3, KF_S(3)(sp)
    sw s4, KF_S(4)(sp)
    sw s5, KF_S(5)(sp)
    sw s6, KF_S(6)(sp)
    sw s7, KF_S(7)(sp)
    sw s8, KF_S(8)(sp)
    sw s9, KF_S(9)(sp)
    sw s10, KF_S(10)(sp)
    sw s11, KF_S(11)(sp)
    sw gp, KF_GP(sp)
    sw tp, KF_TP(sp)
    sw a0, KF_CTX(sp)

    lw t0, CTX_OFF_PC(a0)
    csrw mepc, t0
    li t0, MSTATUS_ENTRY_CLEAR
    csrc mstatus, t0            /* MPP = U, MPIE = 0, FS = Off */
    csrw mscratch, sp           /* non-zero: a process is running */

    lw x1, CTX_OFF_X(1)(a0)
    lw x2, CTX_OFF_X(2)(a0)
    lw x3, CTX_OFF_X(3)(a0)
    lw x4, CTX_OFF_X(4)(a0)
    lw x5, CTX_OFF_X(5)(a0)
    lw x6, CTX_OFF_X(6)(a0)
    lw x7, CTX_OFF_X(7)(a0)
    lw x8, CTX_OFF_X(8)(a0)
    lw x9, CTX_OFF_X(9)(a0)
    lw x11, CTX_OFF_X(11)(a0)
    lw x12, CTX_OFF_X(12)(a0)
    lw x13, CTX_OFF_X(13)(a0)
    lw x14, CTX_OFF_X(14)(a0)
    lw x15, CTX_OFF_X(15)(a0)
    lw x16, CTX_OFF_X(16)(a0)
    lw x17, CTX_OFF_X(17)(a0)
    lw x18, CTX_OFF_X(18)(a0)
    lw x19, CTX_OFF_X(19)(a0)
    lw x20, CTX_OFF_X(20)(a0)
    lw x21, CTX_OFF_X(21)(a0)
    lw x22, CTX_OFF_X(22)(a0)
    lw x23, CTX_OFF_X(23)(a0)
    lw x24, CTX_OFF_X(24)(a0)
    lw x25, CTX_OFF_X(25)(a0)
    lw x26, CTX_OFF_X(26)(a0)
    lw x27, CTX_OFF_X(27)(a0)
    lw x28, CTX_OFF_X(28)(a0)
    lw x29, CTX_OFF_X(29)(a0)
    lw x30, CTX_OFF_X(30)(a0)
    lw x31, CTX_OFF_X(31)(a0)
    lw x10, CTX_OFF_X(10)(a0)   /* the base register goes last */
    mret
    .size riscv_user_run, . - riscv_user_run

/* Jumped to by riscv_trap_entry with sp = the kernel frame (the old
 * mscratch) and mscratch = the interrupted sp. */
    .section .text.riscv_trap_from_user, "ax", @progbits
    .globl riscv_trap_from_user
    .type riscv_trap_from_user, @function
riscv_trap_from_user:
    /* SAFETY: sp is the frame riscv_user_run() pushed on the kernel stack
     * (only it writes a non-zero mscratch), so the scratch slot is kernel
     * memory that nothing else uses while the process runs. */
    sw a0, KF_SCRATCH(sp)
    csrr a0, mstatus
    srli a0, a0, RISCV_MSTATUS_MPP_SHIFT
    andi a0, a0, 3
    bnez a0, .Lnot_from_user    /* MPP != U: the trap came from M-mode */

    /* SAFETY: ctx is the context riscv_user_run() was given, kernel
     * memory; only it and the frame are written. */
    lw a0, KF_CTX(sp)
    sw x1, CTX_OFF_X(1)(a0)
    sw x3, CTX_OFF_X(3)(a0)
    sw x4, CTX_OFF_X(4)(a0)
    sw x5, CTX_OFF_X(5)(a0)
    sw x6, CTX_OFF_X(6)(a0)
    sw x7, CTX_OFF_X(7)(a0)
    sw x8, CTX_OFF_X(8)(a0)
    sw x9, CTX_OFF_X(9)(a0)
    sw x11, CTX_OFF_X(11)(a0)
    sw x12, CTX_OFF_X(12)(a0)
    sw x13, CTX_OFF_X(13)(a0)
    sw x14, CTX_OFF_X(14)(a0)
    sw x15, CTX_OFF_X(15)(a0)
    sw x16, CTX_OFF_X(16)(a0)
    sw x17, CTX_OFF_X(17)(a0)
    sw x18, CTX_OFF_X(18)(a0)
    sw x19, CTX_OFF_X(19)(a0)
    sw x20, CTX_OFF_X(20)(a0)
    sw x21, CTX_OFF_X(21)(a0)
    sw x22, CTX_OFF_X(22)(a0)
    sw x23, CTX_OFF_X(23)(a0)
    sw x24, CTX_OFF_X(24)(a0)
    sw x25, CTX_OFF_X(25)(a0)
    sw x26, CTX_OFF_X(26)(a0)
    sw x27, CTX_OFF_X(27)(a0)
    sw x28, CTX_OFF_X(28)(a0)
    sw x29, CTX_OFF_X(29)(a0)
    sw x30, CTX_OFF_X(30)(a0)
    sw x31, CTX_OFF_X(31)(a0)
    lw t0, KF_SCRATCH(sp)
    sw t0, CTX_OFF_X(10)(a0)    /* the process's a0 */
    csrrw t0, mscratch, zero    /* the process's sp; mscratch = 0: kernel */
    sw t0, CTX_OFF_X(2)(a0)
    csrr t0, mepc
    sw t0, CTX_OFF_PC(a0)
    csrr t0, mcause
    sw t0, CTX_OFF_MCAUSE(a0)
    csrr t0, mtval
    sw t0, CTX_OFF_MTVAL(a0)

    lw ra, KF_RA(sp)
    lw s0, KF_S(0)(sp)
    lw s1, KF_S(1)(sp)
    lw s2, KF_S(2)(sp)
    lw s3, KF_S(3)(sp)
    lw s4, KF_S(4)(sp)
    lw s5, KF_S(5)(sp)
    lw s6, KF_S(6)(sp)
    lw s7, KF_S(7)(sp)
    lw s8, KF_S(8)(sp)
    lw s9, KF_S(9)(sp)
    lw s10, KF_S(10)(sp)
    lw s11, KF_S(11)(sp)
    lw gp, KF_GP(sp)
    lw tp, KF_TP(sp)
    addi sp, sp, KF_SIZE
    ret                         /* riscv_user_run() returns */

.Lnot_from_user:
    /* A trap from M-mode while mscratch was non-zero: kernel code between
     * the mscratch write and mret faulted. Undo the swap (sp = the
     * interrupted sp again) and report it as the kernel fault it is. */
    lw a0, KF_SCRATCH(sp)
    csrrw sp, mscratch, sp
    j riscv_trap_kernel_fault
    .size riscv_trap_from_user, . - riscv_trap_from_user

    .option pop
