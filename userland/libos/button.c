/* SPDX-License-Identifier: Apache-2.0 */
/* Buttons (driver 3), asynchronous press/release callbacks. */
#include "libos/button.h"

#include <stddef.h>

#include "libos/syscalls/button_syscalls.h"

/* The process's one button callback. */
struct button_watcher {
    button_changed_t changed; /* callback */
    void *userdata;           /* its userdata */
};

static struct button_watcher watcher;

static void button_upcall(uint32_t index, uint32_t pressed, uint32_t unused, void *unused2)
{
    (void)unused;
    (void)unused2;
    if (watcher.changed != NULL) {
        watcher.changed(index, pressed != 0, watcher.userdata);
    }
}

uint32_t button_count(void)
{
    uint32_t count = 0;

    return button_syscalls_count(&count) == 0 ? count : 0;
}

bool button_pressed(uint32_t index)
{
    uint32_t pressed = 0;

    return button_syscalls_read(index, &pressed) == 0 && pressed != 0;
}

int button_watch(uint32_t index, button_changed_t changed, void *userdata)
{
    int rc;

    watcher.changed = changed;
    watcher.userdata = userdata;
    rc = button_syscalls_subscribe(button_upcall, NULL);
    return rc != 0 ? rc : button_syscalls_enable_interrupt(index);
}

int button_unwatch(uint32_t index)
{
    return button_syscalls_disable_interrupt(index);
}
