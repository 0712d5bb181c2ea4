/* SPDX-License-Identifier: Apache-2.0 */
/* Cortex-M process entry: grow the break, set up the stack, r9, GOT, .data, .bss.
 *
 * Entered by the kernel as _start(app_start, memory_start, memory_len, app_break) in
 * r0-r3 (process.md 5.1) with SP = app_break and only 32 accessible bytes below it.
 * Position independent: flash is reached PC-relatively or through app_start, RAM through
 * memory_start. Only ARMv6-M instructions are used, so the same file serves Cortex-M0.
 *
 * Register use until process_start: r6 = app_start, r7 = memory_start, r8 = memory_len,
 * r11 = initial app_break, r4 = stack top, r5 = initial break target (end of .bss).
 */
#include "libos/crt0_header.h"

    .syntax unified
    .thumb

    .section .text._start, "ax", %progbits
    .global _start
    .type _start, %function
    .thumb_func
_start:
    mov     r6, r0
    mov     r7, r1
    mov     r8, r2
    mov     r11, r3
    /* stack top = (memory_start + stack_size + 7) & ~7 */
    ldr     r4, [r6, #CRT0_HEADER_STACK_SIZE]
    adds    r4, r4, r7
    adds    r4, r4, #7
    movs    r0, #7
    bics    r4, r4, r0
    /* break target = memory_start + bss_start + bss_size */
    ldr     r5, [r6, #CRT0_HEADER_BSS_START]
    ldr     r0, [r6, #CRT0_HEADER_BSS_SIZE]
    adds    r5, r5, r0
    adds    r5, r5, r7
    /* SAFETY: the brk svc pushes its 8-word frame on SP. Move SP to the real stack only if
     * that memory is already accessible; otherwise keep the kernel's 32 bytes. */
    cmp     r5, r11
    bgt     1f
    mov     sp, r4
1:  movs    r0, #0                  /* memop brk */
    mov     r1, r5
    svc     5
    cmp     r0, #128
    bne     brk_failed
    mov     sp, r4
    movs    r0, #10                 /* memop stack hint */
    mov     r1, r4
    svc     5
    movs    r0, #11                 /* memop heap hint */
    mov     r1, r5
    svc     5
    /* r9 = GOT base in RAM; from here on PIC C code may run. */
    ldr     r0, [r6, #CRT0_HEADER_GOT_START]
    adds    r0, r0, r7
    mov     r9, r0
    bl      crt0_fixup_got
    bl      crt0_copy_data
    bl      crt0_zero_bss
    bl      crt0_apply_relocations
    mov     r0, r6
    mov     r1, r7
    mov     r2, r8
    mov     r3, r11
    bl      process_start           /* never returns */
    b       .

    /* The break could not be grown: there is no stack, only exit is possible. */
brk_failed:
    movs    r0, #0                  /* exit-terminate */
    movs    r1, #9                  /* completion code NOMEM */
    svc     6
    b       .
    .size _start, . - _start

/* Relocate r3 in place: bit 31 set -> flash (clear it, add app_start), else add
 * memory_start. Clobbers nothing else. Uses local labels 8 and 9 only, which the
 * functions below do not. */
    .macro RELOCATE_R3
    cmp     r3, #0
    bge     8f
    lsls    r3, r3, #1
    lsrs    r3, r3, #1
    adds    r3, r3, r6
    b       9f
8:  adds    r3, r3, r7
9:
    .endm

/* GOT: copy the flash image to RAM, relocating every word. */
    .thumb_func
    .type crt0_fixup_got, %function
crt0_fixup_got:
    ldr     r0, [r6, #CRT0_HEADER_GOT_START]
    adds    r0, r0, r7              /* destination */
    ldr     r1, [r6, #CRT0_HEADER_GOT_SYM_START]
    adds    r1, r1, r6              /* source */
    ldr     r2, [r6, #CRT0_HEADER_GOT_SIZE]
1:  cmp     r2, #0
    ble     4f
    ldr     r3, [r1]
    RELOCATE_R3
    str     r3, [r0]
    adds    r0, r0, #4
    adds    r1, r1, #4
    subs    r2, r2, #4
    b       1b
4:  bx      lr
    .size crt0_fixup_got, . - crt0_fixup_got

/* .data (and .tdata): plain copy; pointers in it are fixed by the relocations later. */
    .thumb_func
    .type crt0_copy_data, %function
crt0_copy_data:
    ldr     r0, [r6, #CRT0_HEADER_DATA_START]
    adds    r0, r0, r7
    ldr     r1, [r6, #CRT0_HEADER_DATA_SYM_START]
    adds    r1, r1, r6
    ldr     r2, [r6, #CRT0_HEADER_DATA_SIZE]
1:  cmp     r2, #0
    ble     2f
    ldr     r3, [r1]
    str     r3, [r0]
    adds    r0, r0, #4
    adds    r1, r1, #4
    subs    r2, r2, #4
    b       1b
2:  bx      lr
    .size crt0_copy_data, . - crt0_copy_data

/* .bss (and .tbss): zero. brk zeroed it already on a first start, not necessarily after
 * a restart of a kernel that reuses memory below the initial break. */
    .thumb_func
    .type crt0_zero_bss, %function
crt0_zero_bss:
    ldr     r0, [r6, #CRT0_HEADER_BSS_START]
    adds    r0, r0, r7
    ldr     r2, [r6, #CRT0_HEADER_BSS_SIZE]
    movs    r3, #0
1:  cmp     r2, #0
    ble     2f
    str     r3, [r0]
    adds    r0, r0, #4
    subs    r2, r2, #4
    b       1b
2:  bx      lr
    .size crt0_zero_bss, . - crt0_zero_bss

/* Relocation block at app_start + reldata_start: u32 byte count, then Elf32_Rel records
 * (r_offset, r_info). Each r_offset is a RAM offset of a word to relocate; r_info is
 * ignored (every record is an absolute 32-bit word, as in libtock-c). */
    .thumb_func
    .type crt0_apply_relocations, %function
crt0_apply_relocations:
    ldr     r1, [r6, #CRT0_HEADER_RELDATA_START]
    adds    r1, r1, r6              /* block */
    ldr     r2, [r1]                /* byte count */
    adds    r1, r1, #4
    adds    r2, r2, r1              /* end of records */
1:  cmp     r1, r2
    bhs     2f
    ldr     r0, [r1]                /* r_offset */
    adds    r0, r0, r7
    ldr     r3, [r0]
    RELOCATE_R3
    str     r3, [r0]
    adds    r1, r1, #8
    b       1b
2:  bx      lr
    .size crt0_apply_relocations, . - crt0_apply_relocations
