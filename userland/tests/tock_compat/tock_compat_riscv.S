/* SPDX-License-Identifier: Apache-2.0 */
/* tock_compat (RISC-V): a libtock-c-style app with no library code at all.
 *
 * Only the spec is used: the entry registers of process.md 5.2 (sp = memory_start, no
 * stack), memop brk with a bare ecall, the crt0 header, the fixed link addresses, and
 * raw ecalls (allow-RO, command, Yield-WaitFor) to print. Every check prints one line,
 * "tock-compat: <check> ok" or "tock-compat: <check> FAIL"; the app ends with
 * "tock-compat: done" and exit-terminate(0) (1 if a check failed).
 *
 * Saved entry state: s1 = app_start (a0), s2 = memory_start (a1), s3 = memory_len (a2),
 * s4 = app_break (a3), s5 = sp, s6 = OR of every other register at entry; s7 = failures.
 */
    .option norelax

    .section .text._start, "ax", @progbits

/* Print the literal text (a full line) with the console. */
    .macro PRINT text
    j       10f
8:  .asciz  "\text"
    .balign 4
10: lla     a0, 8b
    call    print
    .endm

/* eq (a, b): "tock-compat: <name> ok" if a == b, else FAIL. */
    .macro REPORT_EQ a, b, name
    bne     \a, \b, 11f
    PRINT   "tock-compat: \name ok\n"
    j       12f
11: addi    s7, s7, 1
    PRINT   "tock-compat: \name FAIL\n"
12:
    .endm

    .macro TRAP cls
    li      a4, \cls
    ecall
    .endm

    .global _start
    .type _start, @function
_start:
    or      t0, t0, ra
    or      t0, t0, gp
    or      t0, t0, tp
    or      t0, t0, t1
    or      t0, t0, t2
    or      t0, t0, s0
    or      t0, t0, s1
    or      t0, t0, a4
    or      t0, t0, a5
    or      t0, t0, a6
    or      t0, t0, a7
    or      t0, t0, s2
    or      t0, t0, s3
    or      t0, t0, s4
    or      t0, t0, s5
    or      t0, t0, s6
    or      t0, t0, s7
    or      t0, t0, s8
    or      t0, t0, s9
    or      t0, t0, s10
    or      t0, t0, s11
    or      t0, t0, t3
    or      t0, t0, t4
    or      t0, t0, t5
    or      t0, t0, t6
    mv      s1, a0
    mv      s2, a1
    mv      s3, a2
    mv      s4, a3
    mv      s5, sp
    mv      s6, t0
    li      s7, 0
    /* No stack at all yet: brk first (ecall needs no memory). */
    lw      t0, 24(s1)              /* bss_start */
    lw      t1, 28(s1)              /* bss_size */
    add     a1, t0, t1
    add     a1, a1, s2
    li      a0, 0
    TRAP    5
    li      t0, 128
    bne     a0, t0, no_memory
    lw      t0, 36(s1)              /* stack_size */
    add     t0, t0, s2
    addi    t0, t0, 7
    andi    sp, t0, -8
    call    setup_data
    PRINT   "tock-compat: start\n"
    PRINT   "tock-compat: brk ok\n"
    call    check_entry
    call    check_layout
    REPORT_EQ s7, zero, "all checks"
    PRINT   "tock-compat: done\n"
    li      a0, 0                   /* exit-terminate */
    mv      a1, s7
    TRAP    6
1:  j       1b
no_memory:
    li      a0, 0
    li      a1, 9
    TRAP    6
2:  j       2b
    .size _start, . - _start

/* Copy .data from flash and zero .bss (fixed addresses: no relocation). */
    .type setup_data, @function
setup_data:
    lw      t0, 16(s1)              /* data_start */
    add     t0, t0, s2
    lw      t1, 12(s1)              /* data_sym_start */
    add     t1, t1, s1
    lw      t2, 20(s1)              /* data_size */
    add     t2, t2, t0
1:  bgeu    t0, t2, 2f
    lw      t3, 0(t1)
    sw      t3, 0(t0)
    addi    t0, t0, 4
    addi    t1, t1, 4
    j       1b
2:  lw      t0, 24(s1)              /* bss_start */
    add     t0, t0, s2
    lw      t2, 28(s1)              /* bss_size */
    add     t2, t2, t0
3:  bgeu    t0, t2, 4f
    sw      zero, 0(t0)
    addi    t0, t0, 4
    j       3b
4:  ret
    .size setup_data, . - setup_data

/* Entry registers (process.md 5.2) and the fixed link addresses. */
    .type check_entry, @function
check_entry:
    addi    sp, sp, -16
    sw      ra, 12(sp)
    lla     t0, _start
    addi    t0, t0, -40             /* the crt0 header precedes _start */
    REPORT_EQ t0, s1, "entry a0=app_start"
    lui     t0, %hi(_start)
    addi    t0, t0, %lo(_start)
    addi    t0, t0, -40
    REPORT_EQ t0, s1, "loaded at linked flash address"
    li      a0, 2                   /* memop memory start */
    TRAP    5
    REPORT_EQ a1, s2, "entry a1=memory_start"
    lui     t0, %hi(_stack_bottom)
    addi    t0, t0, %lo(_stack_bottom)
    REPORT_EQ t0, s2, "loaded at linked RAM address"
    li      a0, 3                   /* memop memory end */
    TRAP    5
    add     t0, s2, s3
    REPORT_EQ t0, a1, "entry a2=memory_len"
    REPORT_EQ s4, s2, "entry a3=app_break (memory_start)"
    REPORT_EQ s5, s2, "entry sp=memory_start"
    REPORT_EQ s6, zero, "entry other registers zero"
    lw      ra, 12(sp)
    addi    sp, sp, 16
    ret
    .size check_entry, . - check_entry

/* memop 4/5 bracket the binary; the break is where we put it; .data was copied. */
    .type check_layout, @function
check_layout:
    addi    sp, sp, -16
    sw      ra, 12(sp)
    li      a0, 4                   /* flash start */
    TRAP    5
    sltu    t0, a1, s1
    li      t1, 1
    REPORT_EQ t0, t1, "flash start below app_start"
    li      a0, 5                   /* flash end */
    TRAP    5
    lla     t0, last_code
    sltu    t0, t0, a1
    li      t1, 1
    REPORT_EQ t0, t1, "flash end above code"
    li      a0, 1                   /* sbrk(0) */
    li      a1, 0
    TRAP    5
    lw      t0, 24(s1)
    lw      t1, 28(s1)
    add     t0, t0, t1
    add     t0, t0, s2
    REPORT_EQ a1, t0, "break at end of bss"
    lui     t0, %hi(data_word)
    lw      t0, %lo(data_word)(t0)
    li      t1, 0x12345678
    REPORT_EQ t0, t1, "data copied"
    lw      ra, 12(sp)
    addi    sp, sp, 16
    ret
    .size check_layout, . - check_layout

/* print(a0 = NUL-terminated text): allow-RO, command write, Yield-WaitFor, un-allow.
 * Keeps s0-s11. */
    .type print, @function
print:
    mv      t5, a0
    mv      t6, zero
0:  add     t0, t5, t6
    lbu     t0, 0(t0)
    beqz    t0, 3f
    addi    t6, t6, 1
    j       0b
3:    li      a0, 1                   /* console */
    li      a1, 1                   /* RO allow 1 */
    mv      a2, t5
    mv      a3, t6
    TRAP    4
    li      a0, 1
    li      a1, 1                   /* command 1: write */
    mv      a2, t6
    li      a3, 0
    TRAP    2
    li      t0, 128
    bne     a0, t0, 1f
    li      a0, 2                   /* Yield-WaitFor(console, write done) */
    li      a1, 1
    li      a2, 1
    TRAP    0
1:  li      a0, 1
    li      a1, 1
    li      a2, 0
    li      a3, 0
    TRAP    4
    ret
    .size print, . - print

last_code:
    .word   0

    .data
data_word:
    .word   0x12345678
