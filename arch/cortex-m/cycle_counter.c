/* SPDX-License-Identifier: Apache-2.0 */
/* Cortex-M cycle-counter contract: no counter, and the bare-trap floor.
 *
 * ARMv7-M's cycle counter is DWT.CYCCNT; QEMU's mps2 machines do not model
 * the DWT, so the counter is reported as not available and benchmark kernels
 * time with the board's time HIL instead (25 MHz on mps2 = 40 instructions
 * per tick under -icount shift=0).
 *
 * The floor runs `svc #0` into a handler that is a single `bx lr` (exception
 * return): a private copy of the vector table in RAM holds it, VTOR points at
 * the copy for the duration, and SVCall is raised above the kernel's BASEPRI
 * mask so it can be taken while every interrupt stays masked.
 */
#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include "cortex_m/nvic.h"
#include "cortex_m/scb.h"
#include "os/platform/cycle_counter.h"

#define VECTOR_WORDS (16u + CORTEX_M_IRQ_COUNT)
#define SVCALL_VECTOR 11u
#define SVCALL_SHPR 1u /* SHPR2: SVCall priority in bits 31:24 */
#define FLOOR_SVC_PRIORITY 0x40u

extern const uint32_t cortex_m_vector_table[];

/* A copy of the vector table; VTOR needs alignment to its size rounded up
 * to a power of two (80 words -> 512 bytes). */
static uint32_t floor_vectors[128] __attribute__((aligned(512)));
_Static_assert(VECTOR_WORDS <= 128, "floor vector table too small");

/* The bare SVCall handler: return from the exception at once. */
__attribute__((naked)) static void floor_svc_handler(void)
{
    /* SAFETY: an exception handler of one instruction; lr holds EXC_RETURN. */
    __asm__ volatile("bx lr");
}

/* n iterations of svc + subs + bne (the handler adds its bx lr). */
static void floor_loop(uint32_t n)
{
    /* SAFETY: the SVC lands in floor_svc_handler, which changes no register;
     * the loop counter is the only register written. */
    __asm__ volatile("1: svc #0\n\t"
                     "subs %0, %0, #1\n\t"
                     "bne 1b"
                     : "+r"(n)
                     :
                     : "cc", "memory");
}

bool arch_cycle_counter_available(void)
{
    return false;
}

uint64_t arch_cycle_counter_read(void)
{
    return 0;
}

bool arch_cycle_counter_allow_user(bool allow)
{
    (void)allow;
    return false;
}

void arch_trap_floor_run(uint32_t n)
{
    uint32_t old_vtor;
    uint32_t old_shpr;

    memcpy(floor_vectors, cortex_m_vector_table, VECTOR_WORDS * sizeof(uint32_t));
    floor_vectors[SVCALL_VECTOR] = (uint32_t)(uintptr_t)floor_svc_handler;
    /* SAFETY: SCB writes from privileged thread mode before kernel_run();
     * the copy is a valid table (every other entry unchanged) aligned as
     * VTOR requires. SVCall's priority is raised above BASEPRI's mask for
     * the loop only, and both registers are restored afterwards. */
    old_vtor = CORTEX_M_SCB->vtor;
    old_shpr = CORTEX_M_SCB->shpr[SVCALL_SHPR];
    CORTEX_M_SCB->vtor = (uint32_t)(uintptr_t)floor_vectors;
    CORTEX_M_SCB->shpr[SVCALL_SHPR] = FLOOR_SVC_PRIORITY << 24;
    /* SAFETY: barriers so the new table and priority apply to the loop. */
    __asm__ volatile("dsb\n\tisb" ::: "memory");
    floor_loop(n);
    /* SAFETY: restores the kernel's table and SVCall priority. */
    CORTEX_M_SCB->shpr[SVCALL_SHPR] = old_shpr;
    CORTEX_M_SCB->vtor = old_vtor;
    /* SAFETY: barriers so the kernel's configuration applies again. */
    __asm__ volatile("dsb\n\tisb" ::: "memory");
}
