/* SPDX-License-Identifier: Apache-2.0 */
/* ticker: print "<name>: tick <n>" every TICKER_PERIOD_MS milliseconds, forever.
 *
 * Expected output: "ticker: tick 1" about 250 ms after start, "ticker: tick 2"
 * at about 500 ms, and so on (ticker_slow: every 400 ms). Each period is one
 * delay_ms() on the process's alarm (driver 0), measured from the end of the
 * previous line, so the ticks drift late by the printing time, never early.
 * Without the alarm driver it prints "<name>: no alarm (<rc>)" and exits 1.
 */
#include <stdint.h>
#include <stdio.h>

#include "libos-sync/delay.h"

int main(void)
{
    for (uint32_t n = 1;; n++) {
        int rc = delay_ms(TICKER_PERIOD_MS);

        if (rc != 0) {
            printf("%s: no alarm (%d)\n", APP_NAME, rc);
            return 1;
        }
        printf("%s: tick %lu\n", APP_NAME, (unsigned long)n);
    }
}
