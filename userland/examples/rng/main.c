/* SPDX-License-Identifier: Apache-2.0 */
/* rng: print four random 32-bit words from the RNG driver (0x40001).
 *
 * Expected output: "rng: 0x........ 0x........ 0x........ 0x........" (different on
 * every boot with virtio-rng; the same on boards with the deterministic generator),
 * or "rng: no RNG driver" and exit 1.
 */
#include <stdint.h>
#include <stdio.h>

#include "libos-sync/rng_sync.h"
#include "libos/driver.h"
#include "os/abi/driver_num.h"

#define NUM_WORDS 4

int main(void)
{
    uint32_t words[NUM_WORDS];
    int got;

    if (!driver_exists(DRIVER_NUM_RNG)) {
        printf("rng: no RNG driver\n");
        return 1;
    }
    got = rng_sync_get(words, sizeof(words));
    if (got != (int)sizeof(words)) {
        printf("rng: failed (%d)\n", got);
        return 1;
    }
    printf("rng:");
    for (int i = 0; i < NUM_WORDS; i++) {
        printf(" 0x%08lx", (unsigned long)words[i]);
    }
    printf("\n");
    return 0;
}
