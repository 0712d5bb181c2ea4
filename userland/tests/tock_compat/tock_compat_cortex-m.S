/* SPDX-License-Identifier: Apache-2.0 */
/* tock_compat (Cortex-M): a libtock-c-style app with no library code at all.
 *
 * Only the spec is used: the entry registers of process.md 5.1, memop brk before any
 * stack use, the crt0 header and the relocation rule of process.md 5.3, and raw svc
 * calls (allow-RO, command, Yield-WaitFor) to print. Every check prints one line,
 * "tock-compat: <check> ok" or "tock-compat: <check> FAIL"; the app ends with
 * "tock-compat: done" and exit-terminate(0) (1 if a check failed). Thumb-2.
 *
 * Saved entry state: r4 = app_start (r0), r5 = memory_start (r1), r6 = memory_len (r2),
 * r7 = app_break (r3), r8 = sp, r10 = lr, r11 = r4|...|r11 at entry; r9 = failures.
 */
    .syntax unified
    .thumb

    .section .text._start, "ax", %progbits

/* Print the literal text (a full line) with the console. */
    .macro PRINT text
    adr.w   r0, 8f
    movs    r1, #(9f - 8f)
    bl      print
    b       10f
8:  .ascii  "\text"
9:  .balign 2
10:
    .endm

/* Report the flags of the last cmp: eq -> "tock-compat: <name> ok", else FAIL. */
    .macro REPORT name
    bne     11f
    PRINT   "tock-compat: \name ok\n"
    b       12f
11: add     r9, r9, #1
    PRINT   "tock-compat: \name FAIL\n"
12:
    .endm

    .global _start
    .type _start, %function
    .thumb_func
_start:
    orr     r12, r4, r5
    orr     r12, r12, r6
    orr     r12, r12, r7
    orr     r12, r12, r8
    orr     r12, r12, r9
    orr     r12, r12, r10
    orr     r12, r12, r11
    mov     r4, r0
    mov     r5, r1
    mov     r6, r2
    mov     r7, r3
    mov     r8, sp
    mov     r10, lr
    mov     r11, r12
    movs    r9, #0
    /* Grow the break over stack, .data and .bss with the kernel's 32-byte stack. */
    ldr     r1, [r4, #24]           /* bss_start */
    ldr     r2, [r4, #28]           /* bss_size */
    add     r1, r1, r2
    add     r1, r1, r5
    movs    r0, #0
    svc     5
    cmp     r0, #128
    bne     no_memory
    ldr     r0, [r4, #36]           /* stack_size */
    add     r0, r0, r5
    add     r0, r0, #7
    bic     r0, r0, #7
    mov     sp, r0
    bl      setup_data
    PRINT   "tock-compat: start\n"
    PRINT   "tock-compat: brk ok\n"
    bl      check_entry
    bl      check_layout
    bl      check_relocation
    cmp     r9, #0
    REPORT  "all checks"
    PRINT   "tock-compat: done\n"
    movs    r0, #0                  /* exit-terminate */
    mov     r1, r9
    svc     6
    b       .
no_memory:
    movs    r0, #0
    movs    r1, #9
    svc     6
    b       .
    .size _start, . - _start

/* Copy .data from flash, zero .bss, apply the relocation block (bit 31 rule). */
    .type setup_data, %function
    .thumb_func
setup_data:
    ldr     r0, [r4, #16]           /* data_start */
    add     r0, r0, r5
    ldr     r1, [r4, #12]           /* data_sym_start */
    add     r1, r1, r4
    ldr     r2, [r4, #20]           /* data_size */
1:  subs    r2, r2, #4
    blt     2f
    ldr     r3, [r1], #4
    str     r3, [r0], #4
    b       1b
2:  ldr     r0, [r4, #24]           /* bss_start */
    add     r0, r0, r5
    ldr     r2, [r4, #28]           /* bss_size */
    movs    r3, #0
3:  subs    r2, r2, #4
    blt     4f
    str     r3, [r0], #4
    b       3b
4:  ldr     r1, [r4, #32]           /* reldata_start */
    add     r1, r1, r4
    ldr     r2, [r1], #4            /* byte count */
    add     r2, r2, r1
5:  cmp     r1, r2
    bhs     7f
    ldr     r0, [r1], #8            /* r_offset; r_info ignored */
    add     r0, r0, r5
    ldr     r3, [r0]
    tst     r3, #0x80000000
    ite     ne
    bicne   r3, r3, #0x80000000
    addeq   r3, r3, r5
    it      ne
    addne   r3, r3, r4
    str     r3, [r0]
    b       5b
7:  bx      lr
    .size setup_data, . - setup_data

/* Entry registers (process.md 5.1). */
    .type check_entry, %function
    .thumb_func
check_entry:
    push    {lr}
    adr.w   r0, _start
    bic     r0, r0, #1              /* adr of a Thumb function sets bit 0 */
    sub     r0, r0, #40             /* the crt0 header precedes _start */
    cmp     r0, r4
    REPORT  "entry r0=app_start"
    movs    r0, #2                  /* memop memory start */
    svc     5
    cmp     r1, r5
    REPORT  "entry r1=memory_start"
    movs    r0, #3                  /* memop memory end */
    svc     5
    add     r0, r5, r6
    cmp     r0, r1
    REPORT  "entry r2=memory_len"
    add     r0, r5, #32
    cmp     r7, r0
    REPORT  "entry r3=app_break (memory_start + 32)"
    cmp     r8, r7
    REPORT  "entry sp=app_break"
    cmp     r10, #1
    REPORT  "entry lr=1"
    cmp     r11, #0
    REPORT  "entry r4-r11 zero"
    pop     {pc}
    .size check_entry, . - check_entry

/* memop 4/5 bracket the binary; memop 1 sees the break crt0 set. */
    .type check_layout, %function
    .thumb_func
check_layout:
    push    {lr}
    movs    r0, #4                  /* flash start */
    svc     5
    cmp     r1, r4
    ite     lo
    movlo   r0, #0
    movhs   r0, #1
    cmp     r0, #0
    REPORT  "flash start below app_start"
    movs    r0, #5                  /* flash end */
    svc     5
    adr.w   r0, last_code
    cmp     r1, r0
    ite     hi
    movhi   r0, #0
    movls   r0, #1
    cmp     r0, #0
    REPORT  "flash end above code"
    movs    r0, #1                  /* sbrk(0) */
    movs    r1, #0
    svc     5
    ldr     r2, [r4, #24]
    ldr     r3, [r4, #28]
    add     r2, r2, r3
    add     r2, r2, r5
    cmp     r1, r2
    REPORT  "break at end of bss"
    pop     {pc}
    .size check_layout, . - check_layout

/* .data word 0 held a flash address, word 1 its own RAM address: both relocated. */
    .type check_relocation, %function
    .thumb_func
check_relocation:
    push    {lr}
    ldr     r0, [r4, #16]
    add     r0, r0, r5              /* .data in RAM */
    ldr     r1, [r0]
    adr.w   r2, reloc_target
    cmp     r1, r2
    REPORT  "relocated flash pointer"
    ldr     r0, [r4, #16]
    add     r0, r0, r5
    ldr     r1, [r0, #4]
    add     r0, r0, #4
    cmp     r1, r0
    REPORT  "relocated ram pointer"
    ldr     r0, [r4, #16]
    add     r0, r0, r5
    ldr     r1, [r0, #8]
    ldr     r2, =0x12345678
    cmp     r1, r2
    REPORT  "data copied"
    pop     {pc}
    .ltorg
    .size check_relocation, . - check_relocation

/* print(r0 = text, r1 = length): allow-RO, command write, Yield-WaitFor, un-allow.
 * Keeps r4-r11. */
    .type print, %function
    .thumb_func
print:
    push    {r4, r5, lr}
    mov     r4, r0
    mov     r5, r1
    movs    r0, #1                  /* console */
    movs    r1, #1                  /* RO allow 1 */
    mov     r2, r4
    mov     r3, r5
    svc     4
    movs    r0, #1
    movs    r1, #1                  /* command 1: write */
    mov     r2, r5
    movs    r3, #0
    svc     2
    cmp     r0, #128
    bne     1f
    movs    r0, #2                  /* Yield-WaitFor(console, write done) */
    movs    r1, #1
    movs    r2, #1
    svc     0
1:  movs    r0, #1
    movs    r1, #1
    movs    r2, #0
    movs    r3, #0
    svc     4
    pop     {r4, r5, pc}
    .size print, . - print

reloc_target:
    .ascii  "relocation target"
    .balign 4
last_code:
    .word   0

    .data
    .word   reloc_target            /* flash address: R_ARM_ABS32 in .rel.data */
data_self:
    .word   data_self               /* RAM address: R_ARM_ABS32 in .rel.data */
    .word   0x12345678
