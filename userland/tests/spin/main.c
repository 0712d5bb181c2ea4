/* SPDX-License-Identifier: Apache-2.0 */
/* spin: print one line, then loop forever without any system call.
 *
 * For preemption tests: the kernel must still run other processes (timeslices).
 * Expected output: "spin: spinning" once.
 */
#include <stdint.h>
#include <stdio.h>

int main(void)
{
    volatile uint32_t turns = 0;

    printf("spin: spinning\n");
    for (;;) {
        turns++;
    }
}
