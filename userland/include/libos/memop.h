/* SPDX-License-Identifier: Apache-2.0 */
/* Memory operations (memop, class 5): break, layout queries, debug hints.
 *
 * Typed helpers over syscall_memop() for every operation of syscalls.md section 11.
 * Addresses are returned as pointers; NULL means the kernel refused (or returned an
 * unexpected variant). Use syscall_memop() directly to see raw variants.
 */
#pragma once

#include <stdint.h>

/* memop 0: set the break to addr. 0 on success, RETURNCODE_ENOMEM if refused (below the
 * allow high-water mark, at or above memory_end, above the grant start). Growing zeroes
 * the new bytes. */
int memop_brk(void *addr);

/* memop 1: move the break by increment (may be negative). Returns the old break (the
 * start of the new memory), or NULL if refused. memop_sbrk(0) reads the break. */
void *memop_sbrk(int32_t increment);

/* memop 2: lowest address of this process's RAM block. */
void *memop_memory_start(void);

/* memop 3: first byte after this process's RAM block (grant area included). */
void *memop_memory_end(void);

/* memop 4: address of this process's TBF header. */
void *memop_flash_start(void);

/* memop 5: first byte after this process's TBF object. */
void *memop_flash_end(void);

/* memop 6: lowest address of kernel-owned (grant) RAM; moves down as grants grow. */
void *memop_grant_start(void);

/* memop 7: number of writeable flash regions in the TBF header. */
uint32_t memop_wfr_count(void);

/* memop 8: start of writeable flash region index, NULL if there is no such region. */
void *memop_wfr_start(uint32_t index);

/* memop 9: end of writeable flash region index, NULL if there is no such region. */
void *memop_wfr_end(uint32_t index);

/* memop 10: tell the kernel where the stack starts (debug information only). */
void memop_stack_hint(void *stack_top);

/* memop 11: tell the kernel where the heap starts (debug information only). */
void memop_heap_hint(void *heap_start);
