/* SPDX-License-Identifier: Apache-2.0 */
/* RISC-V trap sequences: 4-byte `ecall`, class in a4, arguments and results in a0-a3.
 *
 * Included by libos/syscall.h only. Register contracts (syscalls.md 2.3, 5, 13):
 *  - every non-yield call writes a0-a3 at most and preserves all other registers; the
 *    wrappers declare a0-a3 as outputs (memop: a0-a1 only), a4 as input, memory clobbered;
 *  - Yield-Wait/NoWait may run an upcall, an ordinary C function: a0-a7, t0-t6 and ra
 *    are clobbered (libtock-c's declaration, with a0/a1 and a4 made in/out because an
 *    upcall may change them);
 *  - Yield-WaitFor runs no upcall and writes a0-a2 only.
 * gp, tp, sp and s0-s11 are preserved by the kernel and never touched here.
 */
#pragma once

#include <stdint.h>

/* SAFETY: one ecall with the class in a4; a0-a3 carry the arguments in and the results
 * out, every other register survives (the kernel restores all 31). */
#define SYSCALL_ARCH_DEFINE_4(name, cls)                                                           \
    static inline struct syscall_return name(uint32_t x0, uint32_t x1, uint32_t x2, uint32_t x3)   \
    {                                                                                              \
        register uint32_t a0 __asm__("a0") = x0;                                                   \
        register uint32_t a1 __asm__("a1") = x1;                                                   \
        register uint32_t a2 __asm__("a2") = x2;                                                   \
        register uint32_t a3 __asm__("a3") = x3;                                                   \
        register uint32_t a4 __asm__("a4") = (cls);                                                \
        __asm__ volatile("ecall" : "+r"(a0), "+r"(a1), "+r"(a2), "+r"(a3) : "r"(a4) : "memory");   \
        return (struct syscall_return){a0, {a1, a2, a3}};                                          \
    }

/* Classes 1, 2, 3, 4, 7: four arguments in a0-a3, four results. */
SYSCALL_ARCH_DEFINE_4(syscall_arch_subscribe, SYSCALL_SUBSCRIBE)
SYSCALL_ARCH_DEFINE_4(syscall_arch_command, SYSCALL_COMMAND)
SYSCALL_ARCH_DEFINE_4(syscall_arch_allow_rw, SYSCALL_ALLOW_RW)
SYSCALL_ARCH_DEFINE_4(syscall_arch_allow_ro, SYSCALL_ALLOW_RO)
SYSCALL_ARCH_DEFINE_4(syscall_arch_allow_userspace_read, SYSCALL_ALLOW_USERSPACE_READABLE)

/* Class 0, variants 0 and 1: a0 = variant, a1 = result address; an upcall may run. */
static inline void syscall_arch_yield(uint32_t variant, uint32_t result_address)
{
    /* SAFETY: an upcall may run inside this trap and clobber every caller-saved register. */
    register uint32_t a0 __asm__("a0") = variant;
    register uint32_t a1 __asm__("a1") = result_address;
    register uint32_t a4 __asm__("a4") = SYSCALL_YIELD;

    __asm__ volatile("ecall"
                     : "+r"(a0), "+r"(a1), "+r"(a4)
                     :
                     : "a2", "a3", "a5", "a6", "a7", "t0", "t1", "t2", "t3", "t4", "t5", "t6", "ra",
                       "memory");
}

/* Class 0 with any variant and a1 = 0, returning a0-a3 (for invalid-variant tests). */
static inline struct syscall_return syscall_arch_yield_raw(uint32_t variant)
{
    /* SAFETY: treated like a yield that may run an upcall, so the clobbers are maximal. */
    register uint32_t a0 __asm__("a0") = variant;
    register uint32_t a1 __asm__("a1") = 0;
    register uint32_t a2 __asm__("a2") = 0;
    register uint32_t a3 __asm__("a3") = 0;
    register uint32_t a4 __asm__("a4") = SYSCALL_YIELD;

    __asm__ volatile("ecall"
                     : "+r"(a0), "+r"(a1), "+r"(a2), "+r"(a3), "+r"(a4)
                     :
                     : "a5", "a6", "a7", "t0", "t1", "t2", "t3", "t4", "t5", "t6", "ra", "memory");
    return (struct syscall_return){a0, {a1, a2, a3}};
}

/* Class 0, variant 2: a1 = driver, a2 = subscribe; returns the upcall args in a0-a2. */
static inline struct syscall_yield_result syscall_arch_yield_wait_for(uint32_t driver,
                                                                      uint32_t subscribe)
{
    /* SAFETY: no upcall runs; the kernel writes a0-a2 only (and maybe allowed buffers). */
    register uint32_t a0 __asm__("a0") = SYSCALL_YIELD_WAIT_FOR;
    register uint32_t a1 __asm__("a1") = driver;
    register uint32_t a2 __asm__("a2") = subscribe;
    register uint32_t a4 __asm__("a4") = SYSCALL_YIELD;

    __asm__ volatile("ecall" : "+r"(a0), "+r"(a1), "+r"(a2) : "r"(a4) : "memory");
    return (struct syscall_yield_result){{a0, a1, a2}};
}

/* Class 5: a0 = operation, a1 = argument; results in a0-a1, a2/a3 preserved. */
static inline struct syscall_return syscall_arch_memop(uint32_t operation, uint32_t argument)
{
    /* SAFETY: memop writes a0/a1 only; brk/sbrk change which memory is accessible. */
    register uint32_t a0 __asm__("a0") = operation;
    register uint32_t a1 __asm__("a1") = argument;
    register uint32_t a4 __asm__("a4") = SYSCALL_MEMOP;

    __asm__ volatile("ecall" : "+r"(a0), "+r"(a1) : "r"(a4) : "memory");
    return (struct syscall_return){a0, {a1, 0, 0}};
}

/* Class 6 with any variant: returns a0-a3 if the kernel refuses the exit. */
static inline struct syscall_return syscall_arch_exit_raw(uint32_t variant, uint32_t code)
{
    /* SAFETY: a refused exit returns Failure(NOSUPPORT) like any other syscall. */
    register uint32_t a0 __asm__("a0") = variant;
    register uint32_t a1 __asm__("a1") = code;
    register uint32_t a2 __asm__("a2") = 0;
    register uint32_t a3 __asm__("a3") = 0;
    register uint32_t a4 __asm__("a4") = SYSCALL_EXIT;

    __asm__ volatile("ecall" : "+r"(a0), "+r"(a1), "+r"(a2), "+r"(a3) : "r"(a4) : "memory");
    return (struct syscall_return){a0, {a1, a2, a3}};
}

/* Class 6, valid variant: never returns. */
__attribute__((noreturn)) static inline void syscall_arch_exit(uint32_t variant, uint32_t code)
{
    /* SAFETY: a valid exit does not return; if it did, the process spins. */
    register uint32_t a0 __asm__("a0") = variant;
    register uint32_t a1 __asm__("a1") = code;
    register uint32_t a4 __asm__("a4") = SYSCALL_EXIT;

    __asm__ volatile("ecall" : : "r"(a0), "r"(a1), "r"(a4) : "memory");
    for (;;) {}
}
