/* SPDX-License-Identifier: Apache-2.0 */
/* Fake entropy source for host tests. */
#include "fake_entropy.h"

#include "os/compiler.h"

static os_err_t fake_get(struct hil_entropy *entropy, uint32_t *words, size_t count)
{
    struct fake_entropy *e = container_of(entropy, struct fake_entropy, entropy);

    if (e->get_result != OS_OK) {
        return e->get_result;
    }
    if (e->words != NULL) {
        return OS_EBUSY;
    }
    if (count == 0) {
        return OS_ESIZE;
    }
    e->words = words;
    e->count = count;
    e->gets++;
    return OS_OK;
}

static bool fake_is_deterministic(struct hil_entropy *entropy)
{
    (void)entropy;
    return true;
}

static const struct hil_entropy_ops fake_entropy_ops = {
    .get = fake_get,
    .is_deterministic = fake_is_deterministic,
};

void fake_entropy_init(struct fake_entropy *e, uint32_t first)
{
    *e = (struct fake_entropy){.next = first};
    e->entropy.ops = &fake_entropy_ops;
}

int fake_entropy_complete(struct fake_entropy *e, size_t max, os_err_t status)
{
    uint32_t *words = e->words;
    size_t filled = status == OS_OK ? MIN(max, e->count) : 0;

    if (words == NULL) {
        return -1;
    }
    for (size_t i = 0; i < filled; i++) {
        words[i] = e->next++;
    }
    e->words = NULL;
    e->entropy.client->entropy_done(e->entropy.client, words, filled, status);
    return (int)filled;
}
