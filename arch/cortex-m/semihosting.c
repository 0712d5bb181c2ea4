/* SPDX-License-Identifier: Apache-2.0 */
/* ARM semihosting: end the emulator run with an exit status.
 *
 * SYS_EXIT_EXTENDED (0x20) takes in r1 the address of a two-word block:
 * the reason code ADP_Stopped_ApplicationExit (0x20026) and the status.
 * QEMU turns it into its own exit status. Unlike SYS_EXIT (0x18), whose
 * AArch32 form cannot carry a status, this reports any value.
 */
#include <stdint.h>

#include "cortex_m/semihosting.h"

#define SYS_EXIT_EXTENDED 0x20u
#define ADP_STOPPED_APPLICATION_EXIT 0x20026u

void cortex_m_semihosting_exit(int status)
{
    /* static: the host reads the block after the trap; it must not live on
     * a stack that may be the reason the kernel is stopping. */
    static uint32_t block[2];
    /* SAFETY: the semihosting trap. r0/r1 hold the operation and the block
     * address as the semihosting ABI requires (register variables pin them
     * there); the host only reads block. If no host answers, the loop below
     * keeps the core parked. */
    register uint32_t op __asm__("r0") = SYS_EXIT_EXTENDED;
    register uint32_t *arg __asm__("r1") = block;

    block[0] = ADP_STOPPED_APPLICATION_EXIT;
    block[1] = (uint32_t)status;
    __asm__ volatile("bkpt 0xab" : "+r"(op) : "r"(arg) : "memory");
    for (;;) {
        /* SAFETY: park the core with interrupts masked. */
        __asm__ volatile("cpsid i\n\twfi" ::: "memory");
    }
}
