/* SPDX-License-Identifier: Apache-2.0 */
/* Register preservation probes (Cortex-M): load known values, trap once, dump registers.
 *
 * void regcheck_<case>(uint32_t out[16]): every register except sp and r9 gets the value
 * 0xA5A50000 + n (lr: n = 14) apart from the syscall arguments; after the svc,
 * out[0..12] = r0..r12, out[13] = lr, out[14] = r9 before, out[15] = r9 after.
 * regcheck.c compares the dump with what syscalls.md 2.2 says survives.
 * Only ARMv6-M instructions, so Cortex-M0 builds work too.
 */
    .syntax unified
    .thumb
    .text

    .macro REGCHECK name, svcnum, v0, v1, v2, v3
    .global \name
    .type \name, %function
    .thumb_func
\name:
    push    {r4-r7, lr}
    mov     r4, r8
    mov     r5, r9
    mov     r6, r10
    mov     r7, r11
    push    {r4-r7}
    mov     r1, r9
    str     r1, [r0, #56]
    push    {r0}
    /* SAFETY: every register but sp/r9 is overwritten; all are restored before return. */
    ldr     r0, =0xA5A50008
    mov     r8, r0
    ldr     r0, =0xA5A5000A
    mov     r10, r0
    ldr     r0, =0xA5A5000B
    mov     r11, r0
    ldr     r0, =0xA5A5000C
    mov     r12, r0
    ldr     r0, =0xA5A5000E
    mov     lr, r0
    ldr     r4, =0xA5A50004
    ldr     r5, =0xA5A50005
    ldr     r6, =0xA5A50006
    ldr     r7, =0xA5A50007
    ldr     r0, =\v0
    ldr     r1, =\v1
    ldr     r2, =\v2
    ldr     r3, =\v3
    svc     \svcnum
    push    {r0-r3}
    ldr     r0, [sp, #16]
    str     r4, [r0, #16]
    str     r5, [r0, #20]
    str     r6, [r0, #24]
    str     r7, [r0, #28]
    mov     r1, r8
    str     r1, [r0, #32]
    mov     r1, r9
    str     r1, [r0, #36]
    str     r1, [r0, #60]
    mov     r1, r10
    str     r1, [r0, #40]
    mov     r1, r11
    str     r1, [r0, #44]
    mov     r1, r12
    str     r1, [r0, #48]
    mov     r1, lr
    str     r1, [r0, #52]
    pop     {r1-r4}
    str     r1, [r0, #0]
    str     r2, [r0, #4]
    str     r3, [r0, #8]
    str     r4, [r0, #12]
    add     sp, sp, #4
    pop     {r4-r7}
    mov     r8, r4
    mov     r9, r5
    mov     r10, r6
    mov     r11, r7
    pop     {r4-r7, pc}
    .ltorg
    .size \name, . - \name
    .endm

/* command(low-level debug, 0): Success; only r0 is written. */
REGCHECK regcheck_command, 2, 8, 0, 0xA5A50002, 0xA5A50003
/* memop 2 (memory start): Success with u32; r0 and r1 are written. */
REGCHECK regcheck_memop, 5, 2, 0xA5A50001, 0xA5A50002, 0xA5A50003
/* Yield-NoWait, no result address, nothing pending: no register changes. */
REGCHECK regcheck_yield_no_wait, 0, 0, 0, 0xA5A50002, 0xA5A50003
/* Yield-WaitFor(console, write done): r0-r2 are written. */
REGCHECK regcheck_yield_wait_for, 0, 2, 1, 1, 0xA5A50003
