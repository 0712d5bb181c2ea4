/* SPDX-License-Identifier: Apache-2.0 */
/* RNG (driver 0x40001), blocking: fill a buffer and wait with Yield-WaitFor.
 *
 * Allow, command 1, then yield_wait_for(rng, 0) without subscribing (libtock-sync's
 * pattern); the buffer is un-allowed before returning. Glue code: no global data.
 */
#pragma once

#include <stdint.h>

/* Fill buf with len random bytes. Returns the bytes written (>= 0; fewer than len only
 * if the kernel's source failed) or a negative return code. len = 0 returns 0 at once
 * without a system call (the kernel would never complete it). */
int rng_sync_get(void *buf, uint32_t len);
