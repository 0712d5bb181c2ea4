/* SPDX-License-Identifier: Apache-2.0 */
/* Cortex-M trap sequences: `svc #class` (16-bit Thumb), arguments and results in r0-r3.
 *
 * Included by libos/syscall.h only. Register contracts (syscalls.md 2.2, 5, 13):
 *  - every non-yield call returns results in r0-r3 and preserves everything else; the
 *    wrappers declare r0-r3 as outputs (memop: r0-r1 only, r2/r3 survive) and memory
 *    clobbered (allowed buffers, brk);
 *  - Yield-Wait/NoWait may run an upcall: an AAPCS function that clobbers r0-r3, r12,
 *    lr and the flags. libtock-c lists r0/r1 as inputs only; we declare them in/out so
 *    the compiler never assumes they survive an upcall;
 *  - Yield-WaitFor runs no upcall and writes r0-r2 only.
 * r9 (the PIC base) and r4-r11 are preserved by the kernel and never touched here.
 */
#pragma once

#include <stdint.h>

/* SAFETY: the class is the svc immediate, so each class gets its own function with its
 * own inline asm block; r0-r3 carry the arguments in and the results out. */
#define SYSCALL_ARCH_DEFINE_4(name, imm)                                                           \
    static inline struct syscall_return name(uint32_t a0, uint32_t a1, uint32_t a2, uint32_t a3)   \
    {                                                                                              \
        register uint32_t r0 __asm__("r0") = a0;                                                   \
        register uint32_t r1 __asm__("r1") = a1;                                                   \
        register uint32_t r2 __asm__("r2") = a2;                                                   \
        register uint32_t r3 __asm__("r3") = a3;                                                   \
        __asm__ volatile("svc " #imm : "+r"(r0), "+r"(r1), "+r"(r2), "+r"(r3) : : "memory");       \
        return (struct syscall_return){r0, {r1, r2, r3}};                                          \
    }

/* Classes 1, 2, 3, 4, 7: four arguments in r0-r3, four results. */
SYSCALL_ARCH_DEFINE_4(syscall_arch_subscribe, 1)
SYSCALL_ARCH_DEFINE_4(syscall_arch_command, 2)
SYSCALL_ARCH_DEFINE_4(syscall_arch_allow_rw, 3)
SYSCALL_ARCH_DEFINE_4(syscall_arch_allow_ro, 4)
SYSCALL_ARCH_DEFINE_4(syscall_arch_allow_userspace_read, 7)

/* Class 0, variants 0 and 1: r0 = variant, r1 = result address; an upcall may run. */
static inline void syscall_arch_yield(uint32_t variant, uint32_t result_address)
{
    /* SAFETY: an upcall may run inside this trap and clobber what an AAPCS call does. */
    register uint32_t r0 __asm__("r0") = variant;
    register uint32_t r1 __asm__("r1") = result_address;

    __asm__ volatile("svc 0" : "+r"(r0), "+r"(r1) : : "r2", "r3", "r12", "lr", "cc", "memory");
}

/* Class 0 with any variant and r1 = 0, returning r0-r3 (for invalid-variant tests). */
static inline struct syscall_return syscall_arch_yield_raw(uint32_t variant)
{
    /* SAFETY: treated like a yield that may run an upcall, so the clobbers are maximal. */
    register uint32_t r0 __asm__("r0") = variant;
    register uint32_t r1 __asm__("r1") = 0;
    register uint32_t r2 __asm__("r2") = 0;
    register uint32_t r3 __asm__("r3") = 0;

    __asm__ volatile("svc 0"
                     : "+r"(r0), "+r"(r1), "+r"(r2), "+r"(r3)
                     :
                     : "r12", "lr", "cc", "memory");
    return (struct syscall_return){r0, {r1, r2, r3}};
}

/* Class 0, variant 2: r1 = driver, r2 = subscribe; returns the upcall args in r0-r2. */
static inline struct syscall_yield_result syscall_arch_yield_wait_for(uint32_t driver,
                                                                      uint32_t subscribe)
{
    /* SAFETY: no upcall runs; the kernel writes r0-r2 only (and maybe allowed buffers). */
    register uint32_t r0 __asm__("r0") = SYSCALL_YIELD_WAIT_FOR;
    register uint32_t r1 __asm__("r1") = driver;
    register uint32_t r2 __asm__("r2") = subscribe;

    __asm__ volatile("svc 0" : "+r"(r0), "+r"(r1), "+r"(r2) : : "memory");
    return (struct syscall_yield_result){{r0, r1, r2}};
}

/* Class 5: r0 = operation, r1 = argument; results in r0-r1, r2/r3 preserved. */
static inline struct syscall_return syscall_arch_memop(uint32_t operation, uint32_t argument)
{
    /* SAFETY: memop writes r0/r1 only; brk/sbrk change which memory is accessible. */
    register uint32_t r0 __asm__("r0") = operation;
    register uint32_t r1 __asm__("r1") = argument;

    __asm__ volatile("svc 5" : "+r"(r0), "+r"(r1) : : "memory");
    return (struct syscall_return){r0, {r1, 0, 0}};
}

/* Class 6 with any variant: returns r0-r3 if the kernel refuses the exit. */
static inline struct syscall_return syscall_arch_exit_raw(uint32_t variant, uint32_t code)
{
    /* SAFETY: a refused exit returns Failure(NOSUPPORT) like any other syscall. */
    register uint32_t r0 __asm__("r0") = variant;
    register uint32_t r1 __asm__("r1") = code;
    register uint32_t r2 __asm__("r2") = 0;
    register uint32_t r3 __asm__("r3") = 0;

    __asm__ volatile("svc 6" : "+r"(r0), "+r"(r1), "+r"(r2), "+r"(r3) : : "memory");
    return (struct syscall_return){r0, {r1, r2, r3}};
}

/* Class 6, valid variant: never returns. */
__attribute__((noreturn)) static inline void syscall_arch_exit(uint32_t variant, uint32_t code)
{
    /* SAFETY: a valid exit does not return; if it did, the process spins. */
    register uint32_t r0 __asm__("r0") = variant;
    register uint32_t r1 __asm__("r1") = code;

    __asm__ volatile("svc 6" : : "r"(r0), "r"(r1) : "memory");
    for (;;) {}
}
