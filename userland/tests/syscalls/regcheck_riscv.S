/* SPDX-License-Identifier: Apache-2.0 */
/* Register preservation probes (RISC-V): load known values, trap once, dump registers.
 *
 * void regcheck_<case>(uint32_t out[32]): every register except zero and sp gets the
 * value 0xA5A50000 + n (n = register number) apart from the syscall arguments in a0-a4;
 * after the ecall out[n] = xn (out[0] = 0, out[2] = sp). regcheck.c compares the dump
 * with what syscalls.md 2.3 says survives (everything that is not an output).
 */
    .option norelax
    .text

    .macro SETREG reg, n
    li      \reg, 0xA5A50000 + \n
    .endm

    .macro REGCHECK name, cls, v0, v1, v2, v3
    .global \name
    .type \name, @function
\name:
    addi    sp, sp, -64
    sw      ra, 0(sp)
    sw      gp, 4(sp)
    sw      tp, 8(sp)
    sw      s0, 12(sp)
    sw      s1, 16(sp)
    sw      s2, 20(sp)
    sw      s3, 24(sp)
    sw      s4, 28(sp)
    sw      s5, 32(sp)
    sw      s6, 36(sp)
    sw      s7, 40(sp)
    sw      s8, 44(sp)
    sw      s9, 48(sp)
    sw      s10, 52(sp)
    sw      s11, 56(sp)
    sw      a0, 60(sp)
    /* SAFETY: gp and tp are clobbered until restored below; nothing here uses them. */
    SETREG  ra, 1
    SETREG  gp, 3
    SETREG  tp, 4
    SETREG  t0, 5
    SETREG  t1, 6
    SETREG  t2, 7
    SETREG  s0, 8
    SETREG  s1, 9
    SETREG  a5, 15
    SETREG  a6, 16
    SETREG  a7, 17
    SETREG  s2, 18
    SETREG  s3, 19
    SETREG  s4, 20
    SETREG  s5, 21
    SETREG  s6, 22
    SETREG  s7, 23
    SETREG  s8, 24
    SETREG  s9, 25
    SETREG  s10, 26
    SETREG  s11, 27
    SETREG  t3, 28
    SETREG  t4, 29
    SETREG  t5, 30
    SETREG  t6, 31
    li      a0, \v0
    li      a1, \v1
    li      a2, \v2
    li      a3, \v3
    li      a4, \cls
    ecall
    addi    sp, sp, -128
    sw      zero, 0(sp)
    sw      x1, 4(sp)
    sw      x2, 8(sp)
    sw      x3, 12(sp)
    sw      x4, 16(sp)
    sw      x5, 20(sp)
    sw      x6, 24(sp)
    sw      x7, 28(sp)
    sw      x8, 32(sp)
    sw      x9, 36(sp)
    sw      x10, 40(sp)
    sw      x11, 44(sp)
    sw      x12, 48(sp)
    sw      x13, 52(sp)
    sw      x14, 56(sp)
    sw      x15, 60(sp)
    sw      x16, 64(sp)
    sw      x17, 68(sp)
    sw      x18, 72(sp)
    sw      x19, 76(sp)
    sw      x20, 80(sp)
    sw      x21, 84(sp)
    sw      x22, 88(sp)
    sw      x23, 92(sp)
    sw      x24, 96(sp)
    sw      x25, 100(sp)
    sw      x26, 104(sp)
    sw      x27, 108(sp)
    sw      x28, 112(sp)
    sw      x29, 116(sp)
    sw      x30, 120(sp)
    sw      x31, 124(sp)
    lw      t0, 188(sp)             /* out (saved a0) */
    mv      t1, sp
    addi    t2, sp, 128
1:  lw      t3, 0(t1)
    sw      t3, 0(t0)
    addi    t0, t0, 4
    addi    t1, t1, 4
    bltu    t1, t2, 1b
    addi    sp, sp, 128
    lw      ra, 0(sp)
    lw      gp, 4(sp)
    lw      tp, 8(sp)
    lw      s0, 12(sp)
    lw      s1, 16(sp)
    lw      s2, 20(sp)
    lw      s3, 24(sp)
    lw      s4, 28(sp)
    lw      s5, 32(sp)
    lw      s6, 36(sp)
    lw      s7, 40(sp)
    lw      s8, 44(sp)
    lw      s9, 48(sp)
    lw      s10, 52(sp)
    lw      s11, 56(sp)
    addi    sp, sp, 64
    ret
    .size \name, . - \name
    .endm

/* command(low-level debug, 0): Success; only a0 is written. */
REGCHECK regcheck_command, 2, 8, 0, 0xA5A5000C, 0xA5A5000D
/* memop 2 (memory start): Success with u32; a0 and a1 are written. */
REGCHECK regcheck_memop, 5, 2, 0xA5A5000B, 0xA5A5000C, 0xA5A5000D
/* Yield-NoWait, no result address, nothing pending: no register changes. */
REGCHECK regcheck_yield_no_wait, 0, 0, 0, 0xA5A5000C, 0xA5A5000D
/* Yield-WaitFor(console, write done): a0-a2 are written. */
REGCHECK regcheck_yield_wait_for, 0, 2, 1, 1, 0xA5A5000D
