/* SPDX-License-Identifier: Apache-2.0 */
/* A fake entropy source whose completions the test makes by hand.
 *
 * get() only records the request (never calls the client); the test then
 * calls fake_entropy_complete(), its "interrupt", which fills the words
 * with a known counting pattern and makes the entropy_done call, exactly as
 * the HIL promises.
 */
#pragma once

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "os/hil/entropy.h"

struct fake_entropy {
    struct hil_entropy entropy; /* the role under test */
    uint32_t *words;            /* request in flight, NULL if none */
    size_t count;               /* its length in words */
    unsigned gets;              /* get() calls accepted */
    os_err_t get_result;        /* if not OS_OK, get() fails with it */
    uint32_t next;              /* next word produced (incremented per word) */
};

/* Initialise an idle source whose first word is first. */
void fake_entropy_init(struct fake_entropy *e, uint32_t first);

/* Complete the request in flight: fill up to max words (at most the count
 * asked) and call entropy_done with status (filled = 0 unless OS_OK).
 * Returns the words delivered, or -1 if nothing was in flight. */
int fake_entropy_complete(struct fake_entropy *e, size_t max, os_err_t status);
