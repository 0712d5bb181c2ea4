/* SPDX-License-Identifier: Apache-2.0 */
/* Wiring for the RNG capsule (driver 0x40001): storage plus finalize. */
#pragma once

#include "capsules/core/rng.h"
#include "os/board/kernel.h"

/* Declare, at file scope in a board, the capsule and its kernel buffer of
 * num_words 32-bit words (the most one source request asks for). */
#define RNG_COMPONENT_STORAGE(name, num_words)                                                     \
    static uint32_t name##_words[(num_words)];                                                     \
    static struct rng name

#define RNG_COMPONENT_FINALIZE(name, source, kernel, cap)                                          \
    rng_component_finalize(&(name), (source), name##_words,                                        \
                           sizeof(name##_words) / sizeof(name##_words[0]), (kernel), (cap))

/* Create the RNG's grant (one upcall, one RW allow) and initialise rng over
 * source, which it becomes the only client of. source must not be NULL: a
 * board without one leaves the driver out of its lookup (NODEVICE). Boot
 * time, once, before kernel_load_processes(). Returns rng. */
struct rng *rng_component_finalize(struct rng *rng, struct hil_entropy *source, uint32_t *words,
                                   size_t num_words, struct kernel *kernel,
                                   const struct cap_memory_alloc *cap);
