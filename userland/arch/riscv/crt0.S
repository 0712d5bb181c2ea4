/* SPDX-License-Identifier: Apache-2.0 */
/* RISC-V process entry: grow the break, then stack, gp, tp, .data, .bss, and C.
 *
 * Entered as _start(app_start, memory_start, memory_len, app_break) in a0-a3 with
 * sp = memory_start and no accessible memory at all (process.md 5.2): the first action
 * is the brk ecall, which needs no stack. The binary is linked for fixed addresses; the
 * crt0 header is still used so the layout logic matches the Cortex-M start-up.
 *
 * Register use until process_start: s1 = app_start, s2 = memory_start,
 * s3 = memory_len, s4 = initial app_break, s5 = stack top, s6 = break target.
 */
#include "libos/crt0_header.h"

    /* No linker relaxation here: gp is not valid until we load it. */
    .option norelax

    .section .text._start, "ax", @progbits
    .global _start
    .type _start, @function
_start:
    mv      s1, a0
    mv      s2, a1
    mv      s3, a2
    mv      s4, a3
    /* stack top = (memory_start + stack_size + 7) & ~7 */
    lw      t0, CRT0_HEADER_STACK_SIZE(s1)
    add     t0, t0, s2
    addi    t0, t0, 7
    andi    s5, t0, -8
    /* break target = memory_start + bss_start + bss_size */
    lw      t0, CRT0_HEADER_BSS_START(s1)
    lw      t1, CRT0_HEADER_BSS_SIZE(s1)
    add     t0, t0, t1
    add     s6, t0, s2
    /* SAFETY: ecall needs no stack, so the brk runs with the kernel's sp; the real stack
     * exists only once brk has succeeded. */
    li      a0, 0                   /* memop brk */
    mv      a1, s6
    li      a4, 5
    ecall
    li      t0, 128
    bne     a0, t0, brk_failed
    mv      sp, s5
    mv      s0, sp                  /* frame pointer */
    li      a0, 10                  /* memop stack hint */
    mv      a1, s5
    li      a4, 5
    ecall
    li      a0, 11                  /* memop heap hint */
    mv      a1, s6
    li      a4, 5
    ecall
    la      gp, __global_pointer$
    la      tp, __tls_base
    call    crt0_copy_images
    mv      a0, s1
    mv      a1, s2
    mv      a2, s3
    mv      a3, s4
    call    process_start           /* never returns */
1:  j       1b

    /* The break could not be grown: there is no stack, only exit is possible. */
brk_failed:
    li      a0, 0                   /* exit-terminate */
    li      a1, 9                   /* completion code NOMEM */
    li      a4, 6
    ecall
2:  j       2b
    .size _start, . - _start

/* GOT and .data (with .tdata) are copied verbatim from flash, .bss (with .tbss) zeroed.
 * Non-PIC code needs no relocation; the relocation block is ignored. */
    .type crt0_copy_images, @function
crt0_copy_images:
    lw      t0, CRT0_HEADER_GOT_START(s1)
    add     t0, t0, s2
    lw      t1, CRT0_HEADER_GOT_SYM_START(s1)
    add     t1, t1, s1
    lw      t2, CRT0_HEADER_GOT_SIZE(s1)
    add     t2, t2, t0
1:  bgeu    t0, t2, 2f
    lw      t3, 0(t1)
    sw      t3, 0(t0)
    addi    t0, t0, 4
    addi    t1, t1, 4
    j       1b
2:  lw      t0, CRT0_HEADER_DATA_START(s1)
    add     t0, t0, s2
    lw      t1, CRT0_HEADER_DATA_SYM_START(s1)
    add     t1, t1, s1
    lw      t2, CRT0_HEADER_DATA_SIZE(s1)
    add     t2, t2, t0
3:  bgeu    t0, t2, 4f
    lw      t3, 0(t1)
    sw      t3, 0(t0)
    addi    t0, t0, 4
    addi    t1, t1, 4
    j       3b
4:  lw      t0, CRT0_HEADER_BSS_START(s1)
    add     t0, t0, s2
    lw      t2, CRT0_HEADER_BSS_SIZE(s1)
    add     t2, t2, t0
5:  bgeu    t0, t2, 6f
    sw      zero, 0(t0)
    addi    t0, t0, 4
    j       5b
6:  ret
    .size crt0_copy_images, . - crt0_copy_images
