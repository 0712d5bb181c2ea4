/* SPDX-License-Identifier: Apache-2.0 */
/* Raw Tock 2.x system calls: one inline wrapper per class, plus result decoding.
 *
 * This is the lowest userland layer. Each wrapper issues exactly one trap (`svc #class`
 * on Cortex-M, `ecall` with the class in a4 on RISC-V) with the register conventions of
 * shared/spec/syscalls.md and returns the raw result registers. Nothing here touches
 * global data, so every wrapper is safe to call from code where r9 is not the GOT base
 * (see cmake/flags.cmake). Typed helpers live in returncode.h, memop.h and the driver
 * headers under libos/syscalls/.
 */
#pragma once

#include <stdbool.h>
#include <stdint.h>

#include "os/abi/errorcode.h"
#include "os/abi/syscall.h"

/* The four result registers of a system call, as the kernel left them. */
struct syscall_return {
    uint32_t variant; /* r0/a0: return variant (SYSCALL_RET_*) */
    uint32_t data[3]; /* r1-r3 / a1-a3: variant-specific (syscalls.md section 3) */
};

/* The result of Yield-WaitFor: the upcall arguments of the event that woke us. */
struct syscall_yield_result {
    uint32_t data[3]; /* upcall arg0, arg1, arg2 (r0-r2 / a0-a2) */
};

/* A decoded return variant. */
struct syscall_result {
    uint32_t variant;  /* SYSCALL_RET_*, or the raw r0 if it is not a known variant */
    bool success;      /* variant is one of the six success variants */
    bool known;        /* variant is one of the ten defined variants */
    uint32_t error;    /* failure variants: the error code (os_err_t); else 0 */
    uint32_t count;    /* number of 32-bit values in value[] */
    uint32_t value[3]; /* the values, low word first for 64-bit ones */
};

/* An upcall function: (arg0, arg1, arg2, userdata), run only inside a yield. */
typedef void (*syscall_upcall_t)(uint32_t arg0, uint32_t arg1, uint32_t arg2, void *userdata);

#if defined(__arm__)
#include "libos/arch/syscall_cortex_m.h"
#elif defined(__riscv)
#include "libos/arch/syscall_riscv.h"
#else
#error "libos supports Cortex-M (__arm__) and RISC-V (__riscv) only"
#endif

/* Yield-NoWait (class 0, variant 0): run one pending upcall if there is one.
 * Returns 1 if an upcall ran, 0 if none was pending (the byte the kernel writes). */
static inline uint8_t syscall_yield_no_wait(void)
{
    volatile uint8_t flag = 0;

    syscall_arch_yield(SYSCALL_YIELD_NO_WAIT, (uint32_t)(uintptr_t)&flag);
    return flag;
}

/* Yield-Wait (class 0, variant 1): sleep until an upcall runs (exactly one runs). */
static inline void syscall_yield_wait(void)
{
    syscall_arch_yield(SYSCALL_YIELD_WAIT, 0);
}

/* Yield-NoWait with an arbitrary result address (0, flash, kernel memory ...): the
 * kernel must ignore addresses outside the process's RAM. For tests. */
static inline void syscall_yield_no_wait_at(uint32_t result_address)
{
    syscall_arch_yield(SYSCALL_YIELD_NO_WAIT, result_address);
}

/* Yield with any variant number in r0 and r1 = 0 (variants other than 0-2 are invalid;
 * Tock 2.2 returns at once). Returns the registers after the trap. For tests. */
static inline struct syscall_return syscall_yield_raw(uint32_t variant)
{
    return syscall_arch_yield_raw(variant);
}

/* Yield-WaitFor (class 0, variant 2): sleep until (driver, subscribe) has an event and
 * return its upcall arguments. No upcall function runs, subscribed or not. */
static inline struct syscall_yield_result syscall_yield_wait_for(uint32_t driver,
                                                                 uint32_t subscribe)
{
    return syscall_arch_yield_wait_for(driver, subscribe);
}

/* Subscribe (class 1). Success 130: data[0..1] = previous (fn, userdata).
 * Failure 2: data[0] = error, data[1..2] = the passed (fn, userdata). */
static inline struct syscall_return syscall_subscribe(uint32_t driver, uint32_t subscribe,
                                                      syscall_upcall_t upcall, void *userdata)
{
    return syscall_arch_subscribe(driver, subscribe, (uint32_t)(uintptr_t)upcall,
                                  (uint32_t)(uintptr_t)userdata);
}

/* Subscribe with a raw function address (any value, even an invalid one). For tests. */
static inline struct syscall_return syscall_subscribe_raw(uint32_t driver, uint32_t subscribe,
                                                          uint32_t upcall, uint32_t userdata)
{
    return syscall_arch_subscribe(driver, subscribe, upcall, userdata);
}

/* Command (class 2): any variant the driver defines. */
static inline struct syscall_return syscall_command(uint32_t driver, uint32_t command,
                                                    uint32_t arg0, uint32_t arg1)
{
    return syscall_arch_command(driver, command, arg0, arg1);
}

/* Read-Write Allow (class 3). Success 130: data[0..1] = previous (address, length).
 * Failure 2: data[0] = error, data[1..2] = the passed (address, length). */
static inline struct syscall_return syscall_allow_rw(uint32_t driver, uint32_t allow,
                                                     uint32_t address, uint32_t length)
{
    return syscall_arch_allow_rw(driver, allow, address, length);
}

/* Read-Only Allow (class 4): as syscall_allow_rw(); flash buffers are accepted. */
static inline struct syscall_return syscall_allow_ro(uint32_t driver, uint32_t allow,
                                                     uint32_t address, uint32_t length)
{
    return syscall_arch_allow_ro(driver, allow, address, length);
}

/* Userspace-Readable Allow (class 7): as syscall_allow_rw(); the driver keeps the slot. */
static inline struct syscall_return syscall_allow_userspace_read(uint32_t driver, uint32_t allow,
                                                                 uint32_t address, uint32_t length)
{
    return syscall_arch_allow_userspace_read(driver, allow, address, length);
}

/* Memop (class 5): operation and argument; 128, 129 (data[0] = value) or 0 (error). */
static inline struct syscall_return syscall_memop(uint32_t operation, uint32_t argument)
{
    return syscall_arch_memop(operation, argument);
}

/* Exit (class 6) with any variant: returns only if the kernel refuses (NOSUPPORT). */
static inline struct syscall_return syscall_exit_raw(uint32_t variant, uint32_t code)
{
    return syscall_arch_exit_raw(variant, code);
}

/* Exit-terminate (class 6, variant 0): stop this process with a completion code. */
__attribute__((noreturn)) static inline void syscall_exit_terminate(uint32_t code)
{
    syscall_arch_exit(SYSCALL_EXIT_TERMINATE, code);
}

/* Exit-restart (class 6, variant 1): terminate and start again from _start. */
__attribute__((noreturn)) static inline void syscall_exit_restart(uint32_t code)
{
    syscall_arch_exit(SYSCALL_EXIT_RESTART, code);
}

/* Decode the raw registers by the variant table (syscalls.md section 3). */
struct syscall_result syscall_decode(struct syscall_return ret);

/* True for the six success variants (128-133). */
static inline bool syscall_is_success(struct syscall_return ret)
{
    return ret.variant >= SYSCALL_RET_SUCCESS && ret.variant <= SYSCALL_RET_SUCCESS_U32_U64;
}

/* True for the four failure variants (0-3); the error code is then data[0]. */
static inline bool syscall_is_failure(struct syscall_return ret)
{
    return ret.variant <= SYSCALL_RET_FAILURE_U64;
}
