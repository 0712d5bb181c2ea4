/* SPDX-License-Identifier: Apache-2.0 */
/* RNG component: grant and capsule over the board's entropy source. */
#include "components/rng.h"

#include "os/abi/driver_num.h"

struct rng *rng_component_finalize(struct rng *rng, struct hil_entropy *source, uint32_t *words,
                                   size_t num_words, struct kernel *kernel,
                                   const struct cap_memory_alloc *cap)
{
    struct grant *apps = kernel_create_grant(kernel, DRIVER_NUM_RNG, sizeof(struct rng_app),
                                             RNG_GRANT_UPCALLS, RNG_GRANT_RO, RNG_GRANT_RW, cap);

    rng_init(rng, source, apps, words, num_words);
    return rng;
}
