/* SPDX-License-Identifier: Apache-2.0 */
/* Reset stub at the start of RAM: jump to _start in flash.
 *
 * With -bios none the virt machine's reset vector jumps to 0x80000000; the
 * kernel itself runs from flash at 0x20000000, too far for a direct jump.
 * SAFETY: runs once at reset in M-mode, before anything else; it only loads
 * the linked address of _start and jumps there.
 */
    .section .reset_stub, "ax"
    .option norvc
    .globl reset_stub
reset_stub:
    lui t0, %hi(_start)
    jalr zero, %lo(_start)(t0)
