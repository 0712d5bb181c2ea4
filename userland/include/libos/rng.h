/* SPDX-License-Identifier: Apache-2.0 */
/* RNG (driver 0x40001), asynchronous: ask for random bytes, get a callback later.
 *
 * The callback runs inside a yield, after the buffer has been un-allowed. One request
 * may be outstanding at a time; the buffer belongs to the driver until the callback.
 */
#pragma once

#include <stdint.h>

/* Fill finished: received = bytes written into the buffer (<= its length). */
typedef void (*rng_done_t)(uint32_t received, void *userdata);

/* Start filling buf with len random bytes; done may be NULL. len must be >= 1 (the
 * kernel never completes a 0-byte request): 0 returns RETURNCODE_ESIZE. Returns 0 if
 * started, else a negative return code (no callback). */
int rng_get(void *buf, uint32_t len, rng_done_t done, void *userdata);
