/* SPDX-License-Identifier: Apache-2.0 */
/* counter: the "keeps printing" companion of the isolation and scheduling tests.
 *
 * Prints "counter <name>: <n>" for n = 0, 1, 2, ... forever, with a Yield-NoWait
 * between lines. <name> is the package name (counter, counter2).
 */
#include <stdio.h>

#include "libos/syscall.h"

int main(void)
{
    for (unsigned long n = 0;; n++) {
        printf("counter %s: %lu\n", APP_NAME, n);
        (void)syscall_yield_no_wait();
    }
}
