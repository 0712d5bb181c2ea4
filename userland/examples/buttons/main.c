/* SPDX-License-Identifier: Apache-2.0 */
/* buttons: report every press and release of the board's buttons, forever.
 *
 * With button interrupts it prints "buttons: <n> buttons, interrupts" and then
 * "buttons: button <i> pressed" / "buttons: button <i> released" from the
 * button driver's (3) upcalls. Where enabling an interrupt answers NOSUPPORT
 * (mps2 in QEMU: the FPGAIO block has no interrupt line) it prints
 * "buttons: <n> buttons, polling", reads every button (command 3) each 500 ms
 * and prints the same lines for the changes it sees. If only some buttons can
 * interrupt it prints "buttons: <n> buttons, <k> polling" and does both.
 * Without buttons (or without the driver) it prints "buttons: no buttons" and
 * waits forever. Without the alarm driver a polling run prints
 * "buttons: no alarm (<rc>)" and exits 1.
 */
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "libos-sync/delay.h"
#include "libos/button.h"
#include "libos/returncode.h"
#include "libos/syscall.h"

#define POLL_MS 500u
#define MAX_BUTTONS 32u

/* What is known about one button. */
struct button_state {
    bool polled;  /* no interrupt: read every POLL_MS */
    bool pressed; /* last level seen (polled buttons) */
};

static struct button_state buttons[MAX_BUTTONS];

static void report(uint32_t index, bool pressed)
{
    printf("buttons: button %lu %s\n", (unsigned long)index, pressed ? "pressed" : "released");
}

/* Upcall path: runs inside a yield. */
static void on_change(uint32_t index, bool pressed, void *userdata)
{
    (void)userdata;
    report(index, pressed);
}

/* Watch every button; returns how many have to be polled instead. */
static uint32_t watch_all(uint32_t count)
{
    uint32_t polled = 0;

    for (uint32_t i = 0; i < count; i++) {
        int rc = button_watch(i, on_change, NULL);

        buttons[i].polled = rc != 0;
        buttons[i].pressed = button_pressed(i);
        if (rc != 0) {
            polled++;
            if (rc != RETURNCODE_ENOSUPPORT) {
                printf("buttons: button %lu cannot interrupt (%s), polling it\n", (unsigned long)i,
                       returncode_name(rc));
            }
        }
    }
    return polled;
}

/* Read the polled buttons and report what changed since the last read. */
static void poll_once(uint32_t count)
{
    for (uint32_t i = 0; i < count; i++) {
        bool now;

        if (!buttons[i].polled) {
            continue;
        }
        now = button_pressed(i);
        if (now != buttons[i].pressed) {
            buttons[i].pressed = now;
            report(i, now);
        }
    }
}

int main(void)
{
    uint32_t count = button_count();
    uint32_t polled;

    if (count == 0) {
        printf("buttons: no buttons\n");
        for (;;) {
            syscall_yield_wait();
        }
    }
    if (count > MAX_BUTTONS) {
        count = MAX_BUTTONS;
    }
    polled = watch_all(count);
    if (polled == 0) {
        printf("buttons: %lu buttons, interrupts\n", (unsigned long)count);
        for (;;) {
            syscall_yield_wait();
        }
    }
    if (polled == count) {
        printf("buttons: %lu buttons, polling\n", (unsigned long)count);
    } else {
        printf("buttons: %lu buttons, %lu polling\n", (unsigned long)count, (unsigned long)polled);
    }
    for (;;) {
        /* delay_ms() yields with Yield-Wait, so button upcalls also run here. */
        int rc = delay_ms(POLL_MS);

        if (rc != 0) {
            printf("buttons: no alarm (%d)\n", rc);
            return 1;
        }
        poll_once(count);
    }
}
