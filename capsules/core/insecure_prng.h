/* SPDX-License-Identifier: Apache-2.0 */
/* INSECURE deterministic PRNG: an entropy HIL source for boards without one.
 *
 * NOT A SOURCE OF ENTROPY. It is a xorshift32 generator started from a
 * constant seed, so every boot produces the same words. It exists so that
 * boards without RNG hardware (qemu_mps2_an386) can run code and tests that
 * use the RNG driver; hil_entropy_is_deterministic() reports true, and the
 * board must flag it in the boot banner. Never use it for keys, nonces or
 * anything an attacker must not predict.
 *
 * Boards allocate struct insecure_prng; fields are private to
 * insecure_prng.c. Completions come from a deferred call, never from inside
 * hil_entropy_get().
 */
#pragma once

#include "os/capsule.h"
#include "os/hil/entropy.h"

/* The seed boards use unless they have a reason not to (any non-zero value). */
#define INSECURE_PRNG_DEFAULT_SEED 0x2545F491u

struct insecure_prng {
    struct hil_entropy entropy; /* the role handed to the RNG capsule */
    struct deferred_call done;  /* completes a request from the main loop */
    uint32_t state;             /* xorshift32 state, never 0 */
    uint32_t *words;            /* request in flight, NULL if none */
    size_t count;               /* its length in words */
};

/* Initialise prng with seed (0 is replaced by INSECURE_PRNG_DEFAULT_SEED,
 * since xorshift32 would stay at 0) and register its deferred call.
 * Boot time, once. */
void insecure_prng_init(struct insecure_prng *prng, uint32_t seed);
