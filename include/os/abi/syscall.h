/* SPDX-License-Identifier: Apache-2.0 */
/* Tock 2.x system-call numbers: classes, return variants, yield, memop, exit.
 *
 * Shared with userland. The values are the ABI; see doc/abi.md and
 * shared/spec/syscalls.md.
 */
#pragma once

/* Syscall classes: the svc immediate (Cortex-M) or a4 & 0xff (RISC-V). */
enum syscall_class {
    SYSCALL_YIELD = 0,
    SYSCALL_SUBSCRIBE = 1,
    SYSCALL_COMMAND = 2,
    SYSCALL_ALLOW_RW = 3,
    SYSCALL_ALLOW_RO = 4,
    SYSCALL_MEMOP = 5,
    SYSCALL_EXIT = 6,
    SYSCALL_ALLOW_USERSPACE_READABLE = 7,
};

/* Return variant codes placed in r0/a0. */
enum syscall_return_variant {
    SYSCALL_RET_FAILURE = 0,
    SYSCALL_RET_FAILURE_U32 = 1,
    SYSCALL_RET_FAILURE_2U32 = 2,
    SYSCALL_RET_FAILURE_U64 = 3,
    SYSCALL_RET_SUCCESS = 128,
    SYSCALL_RET_SUCCESS_U32 = 129,
    SYSCALL_RET_SUCCESS_2U32 = 130,
    SYSCALL_RET_SUCCESS_U64 = 131,
    SYSCALL_RET_SUCCESS_3U32 = 132,
    SYSCALL_RET_SUCCESS_U32_U64 = 133,
};

/* Yield variants (r0/a0 of a yield). */
enum syscall_yield_variant {
    SYSCALL_YIELD_NO_WAIT = 0,
    SYSCALL_YIELD_WAIT = 1,
    SYSCALL_YIELD_WAIT_FOR = 2,
};

/* Memop operations (r0/a0 of a memop). */
enum syscall_memop {
    SYSCALL_MEMOP_BRK = 0,
    SYSCALL_MEMOP_SBRK = 1,
    SYSCALL_MEMOP_MEMORY_START = 2,
    SYSCALL_MEMOP_MEMORY_END = 3,
    SYSCALL_MEMOP_FLASH_START = 4,
    SYSCALL_MEMOP_FLASH_END = 5,
    SYSCALL_MEMOP_GRANT_START = 6,
    SYSCALL_MEMOP_WFR_COUNT = 7,
    SYSCALL_MEMOP_WFR_START = 8,
    SYSCALL_MEMOP_WFR_END = 9,
    SYSCALL_MEMOP_STACK_HINT = 10,
    SYSCALL_MEMOP_HEAP_HINT = 11,
};

/* Exit variants (r0/a0 of an exit). */
enum syscall_exit_variant {
    SYSCALL_EXIT_TERMINATE = 0,
    SYSCALL_EXIT_RESTART = 1,
};
