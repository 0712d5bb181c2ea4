/* SPDX-License-Identifier: Apache-2.0 */
/* blink: walk a binary counter over the board's LEDs, one step per 250 ms.
 *
 * Prints "blink: <n> LEDs", then for the first steps "blink: step <k> leds
 * <pattern>" (pattern read back from the driver, LED 0 first), then keeps
 * blinking silently forever. Without LEDs it prints "blink: no LEDs" and
 * exits 0; without the alarm driver it steps once per 1000 yields instead.
 */
#include <stdbool.h>
#include <stdio.h>

#include "libos-sync/delay.h"
#include "libos/driver.h"
#include "libos/syscall.h"
#include "libos/syscalls/led_syscalls.h"
#include "os/abi/driver_num.h"

#define STEP_MS 250u
#define PRINTED_STEPS 4u
#define YIELDS_PER_STEP 1000u
#define MAX_LEDS 8u

/* LED i follows bit i of step. */
static void show(uint32_t step, uint32_t count)
{
    for (uint32_t i = 0; i < count; i++) {
        if ((step >> i) & 1u) {
            (void)led_syscalls_on(i);
        } else {
            (void)led_syscalls_off(i);
        }
    }
}

static void print_step(uint32_t step, uint32_t count)
{
    char pattern[MAX_LEDS + 1];
    uint32_t n = count < MAX_LEDS ? count : MAX_LEDS;

    for (uint32_t i = 0; i < n; i++) {
        uint32_t on = 0;

        (void)led_syscalls_read(i, &on);
        pattern[i] = on ? '1' : '0';
    }
    pattern[n] = '\0';
    printf("blink: step %lu leds %s\n", (unsigned long)step, pattern);
}

static void wait_step(bool have_alarm)
{
    if (have_alarm && delay_ms(STEP_MS) == 0) {
        return;
    }
    for (uint32_t i = 0; i < YIELDS_PER_STEP; i++) {
        (void)syscall_yield_no_wait();
    }
}

int main(void)
{
    uint32_t count = 0;
    bool have_alarm = driver_exists(DRIVER_NUM_ALARM);

    if (led_syscalls_count(&count) != 0 || count == 0) {
        printf("blink: no LEDs\n");
        return 0;
    }
    printf("blink: %lu LEDs\n", (unsigned long)count);
    for (uint32_t step = 1;; step++) {
        show(step, count);
        if (step <= PRINTED_STEPS) {
            print_step(step, count);
        }
        wait_step(have_alarm);
    }
}
