/* SPDX-License-Identifier: Apache-2.0 */
/* Isolation cases that misuse the CPU: execute RAM, overflow the stack, privileged
 * access, invalid syscall classes. */
#include <stdint.h>

#include "isolation.h"

/* Code copied into RAM; RAM is never executable for a process. */
static uint32_t ram_code[4];

static void exec_ram_case(void)
{
    void (*fn)(void);

#if defined(__arm__)
    ram_code[0] = 0x47704770u; /* bx lr; bx lr */
    /* SAFETY: a Thumb function pointer (bit 0 set) into a RAM buffer, on purpose. */
    fn = (void (*)(void))((uintptr_t)ram_code | 1u);
#else
    ram_code[0] = 0x00008067u; /* ret (jalr x0, 0(ra)) */
    /* SAFETY: make the copied instruction visible to instruction fetch, then point a
     * function pointer at the RAM buffer, on purpose. */
    __asm__ volatile("fence.i" ::: "memory");
    fn = (void (*)(void))(uintptr_t)ram_code;
#endif
    isolation_about_at("execute from its own RAM", (uint32_t)(uintptr_t)ram_code);
    fn();
    isolation_not_faulted("executed", (uint32_t)(uintptr_t)ram_code);
}

/* Jump into kernel code: the kernel's flash is never executable for us. */
static void exec_kernel_case(void)
{
    void (*fn)(void);

#if defined(__arm__)
    /* SAFETY: a Thumb function pointer into kernel code, on purpose. */
    fn = (void (*)(void))((uintptr_t)TEST_KERNEL_FLASH | 1u);
#else
    /* SAFETY: a function pointer into kernel code, on purpose. */
    fn = (void (*)(void))(uintptr_t)TEST_KERNEL_FLASH;
#endif
    isolation_about_at("execute kernel code", TEST_KERNEL_FLASH);
    fn();
    isolation_not_faulted("executed", TEST_KERNEL_FLASH);
}

/* Each level keeps 64 bytes live, so the stack runs below memory_start quickly. */
static uint32_t recurse(uint32_t depth)
{
    volatile uint32_t frame[16];

    frame[0] = depth;
    if (depth == 0xFFFFFFFFu) {
        return frame[0];
    }
    return recurse(depth + 1) + frame[0];
}

#if defined(__arm__)
/* Unprivileged access to the System Control Space (the MPU registers) is a BusFault.
 * Read first and write back only what was read, so a kernel that wrongly runs us
 * privileged does not get its MPU reconfigured. */
static void privileged_case(void)
{
    uint32_t value;

    isolation_about_at("read MPU_CTRL (privileged register)", TEST_PRIVILEGED);
    value = isolation_read(TEST_PRIVILEGED);
    isolation_write(TEST_PRIVILEGED, value);
    isolation_not_faulted("MPU_CTRL", value);
}

/* svc 9 / svc 255: not system calls, so the kernel must fault us. */
static uint32_t bad_class_trap(void)
{
    /* SAFETY: an invalid class on purpose; r0-r3 declared changed in case it returns. */
    register uint32_t r0 __asm__("r0") = 0;
    register uint32_t r1 __asm__("r1") = 0;

    if (ISOLATION_CASE == ISO_BAD_CLASS) {
        __asm__ volatile("svc 9" : "+r"(r0), "+r"(r1) : : "r2", "r3", "memory");
    } else {
        __asm__ volatile("svc 255" : "+r"(r0), "+r"(r1) : : "r2", "r3", "memory");
    }
    return r0;
}
#else
/* Reading a machine-mode CSR from U-mode is an illegal instruction. */
static void privileged_case(void)
{
    unsigned long value;

    isolation_about("read mstatus (machine-mode CSR)");
    /* SAFETY: an illegal instruction in U-mode, on purpose. */
    __asm__ volatile("csrr %0, mstatus" : "=r"(value));
    isolation_not_faulted("mstatus", (uint32_t)value);
}

/* a4 = 9 / 255: not system call classes, so the kernel must fault us. */
static uint32_t bad_class_trap(void)
{
    /* SAFETY: an invalid class on purpose; a0-a3 declared changed in case it returns. */
    register uint32_t a0 __asm__("a0") = 0;
    register uint32_t a1 __asm__("a1") = 0;
    register uint32_t a4 __asm__("a4") = ISOLATION_CASE == ISO_BAD_CLASS ? 9 : 255;

    __asm__ volatile("ecall" : "+r"(a0), "+r"(a1) : "r"(a4) : "a2", "a3", "memory");
    return a0;
}
#endif

void isolation_cpu_case(void)
{
    switch (ISOLATION_CASE) {
    case ISO_RAM_EXEC:
        exec_ram_case();
        break;
    case ISO_STACK_OVERFLOW:
        isolation_about("overflow its stack (unbounded recursion)");
        isolation_not_faulted("recursion ended", recurse(0));
        break;
    case ISO_PRIVILEGED:
        privileged_case();
        break;
    case ISO_KERNEL_EXEC:
        exec_kernel_case();
        break;
    default:
        isolation_about(ISOLATION_CASE == ISO_BAD_CLASS ? "issue syscall class 9"
                                                        : "issue syscall class 255");
        isolation_not_faulted("returned r0", bad_class_trap());
        break;
    }
}
