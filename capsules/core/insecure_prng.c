/* SPDX-License-Identifier: Apache-2.0 */
/* INSECURE deterministic PRNG (xorshift32) behind the entropy HIL.
 *
 * Marsaglia's xorshift32 with shifts 13, 17, 5 has period 2^32 - 1 over the
 * non-zero states: fine for exercising the RNG path, useless for security
 * (the whole sequence follows from one observed word).
 */
#include "insecure_prng.h"

/* One xorshift32 step: the next state, which is also the output word. */
static uint32_t next_word(uint32_t x)
{
    x ^= x << 13;
    x ^= x >> 17;
    x ^= x << 5;
    return x;
}

static os_err_t prng_get(struct hil_entropy *entropy, uint32_t *words, size_t count)
{
    struct insecure_prng *prng = container_of(entropy, struct insecure_prng, entropy);

    if (prng->words != NULL) {
        return OS_EBUSY;
    }
    if (count == 0) {
        return OS_ESIZE;
    }
    prng->words = words;
    prng->count = count;
    deferred_call_set(&prng->done);
    return OS_OK;
}

static bool prng_is_deterministic(struct hil_entropy *entropy)
{
    (void)entropy;
    return true;
}

/* Fill the whole request and hand it back. */
static void prng_done(struct deferred_call *dc)
{
    struct insecure_prng *prng = container_of(dc, struct insecure_prng, done);
    uint32_t *words = prng->words;
    size_t count = prng->count;

    if (words == NULL) {
        return;
    }
    for (size_t i = 0; i < count; i++) {
        prng->state = next_word(prng->state);
        words[i] = prng->state;
    }
    prng->words = NULL;
    if (prng->entropy.client != NULL) {
        prng->entropy.client->entropy_done(prng->entropy.client, words, count, OS_OK);
    }
}

static const struct hil_entropy_ops insecure_prng_ops = {
    .get = prng_get,
    .is_deterministic = prng_is_deterministic,
};

void insecure_prng_init(struct insecure_prng *prng, uint32_t seed)
{
    prng->entropy.ops = &insecure_prng_ops;
    prng->entropy.client = NULL;
    prng->state = seed != 0 ? seed : INSECURE_PRNG_DEFAULT_SEED;
    prng->words = NULL;
    prng->count = 0;
    deferred_call_register(&prng->done, prng_done);
}
