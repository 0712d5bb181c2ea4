/* SPDX-License-Identifier: Apache-2.0 */
/* Split-phase entropy HIL: ask for 32-bit random words, get them later.
 *
 * A source of random 32-bit words: a hardware RNG (virtio-rng on QEMU virt)
 * or, on boards without one, a deterministic generator that says so through
 * hil_entropy_is_deterministic(). A request names a caller-owned array of
 * words; the source fills some of it and hands it back through the client's
 * entropy_done callback, which always comes from the kernel main loop and is
 * never made from inside hil_entropy_get(). The client asks again if it
 * needs more words than one completion delivered.
 *
 * Every word delivered with status OS_OK is fresh: a source never repeats
 * words or pads a short delivery. Deterministic sources produce the same
 * sequence on every boot; they are for tests and boards without hardware,
 * never for secrets.
 */
#pragma once

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "os/err.h"

struct hil_entropy;

/* Events an entropy source delivers. Embed in the client's struct and
 * recover the client with container_of(). */
struct hil_entropy_client {
    /* A request ended; words is the client's array again, with filled random
     * words in [0, filled). status OS_OK means 1 <= filled <= the requested
     * count; OS_EFAIL means the device failed (filled = 0). Called from the
     * main loop, never from within hil_entropy_get(). The client may start
     * the next request from here. */
    void (*entropy_done)(struct hil_entropy_client *self, uint32_t *words, size_t filled,
                         os_err_t status);
};

/* Implementation table, one const instance per source, in flash. */
struct hil_entropy_ops {
    os_err_t (*get)(struct hil_entropy *entropy, uint32_t *words, size_t count);
    bool (*is_deterministic)(struct hil_entropy *entropy);
};

/* Base object of an entropy source; implementations embed it. */
struct hil_entropy {
    const struct hil_entropy_ops *ops; /* const table, lives in flash */
    struct hil_entropy_client *client; /* NULL until wired by a component */
};

/* Set the client that receives entropy_done. Boot time, before any get. */
static inline void hil_entropy_set_client(struct hil_entropy *entropy,
                                          struct hil_entropy_client *client)
{
    entropy->client = client;
}

/* Ask for up to count random words in words[]. Main-loop context only.
 *
 * words belongs to the source from an OS_OK return until entropy_done hands
 * it back; it must stay valid until then (static kernel storage). Sources
 * copy into it from their own buffers, so it need not be DMA-capable.
 *
 * @retval OS_OK     entropy_done follows exactly once, later.
 * @retval OS_EBUSY  a request is in flight; its entropy_done is still coming.
 * @retval OS_ESIZE  count is 0.
 * @retval OS_EOFF   the device was not found or has failed for good.
 * On any error the caller keeps words and no callback is made. */
static inline OS_MUST_CHECK os_err_t hil_entropy_get(struct hil_entropy *entropy, uint32_t *words,
                                                     size_t count)
{
    return entropy->ops->get(entropy, words, count);
}

/* Whether the words are a deterministic sequence (same on every boot) and
 * therefore worthless for security. Any context. */
static inline bool hil_entropy_is_deterministic(struct hil_entropy *entropy)
{
    return entropy->ops->is_deterministic(entropy);
}
