/* SPDX-License-Identifier: Apache-2.0 */
/* GPIO (driver 4), asynchronous edge callbacks. */
#include "libos/gpio.h"

#include <stddef.h>

#include "libos/syscalls/gpio_syscalls.h"

/* The process's one edge callback. */
struct gpio_watcher {
    gpio_edge_t edge; /* callback */
    void *userdata;   /* its userdata */
};

static struct gpio_watcher watcher;

static void gpio_upcall(uint32_t pin, uint32_t level, uint32_t unused, void *unused2)
{
    (void)unused;
    (void)unused2;
    if (watcher.edge != NULL) {
        watcher.edge(pin, level, watcher.userdata);
    }
}

uint32_t gpio_count(void)
{
    uint32_t count = 0;

    return gpio_syscalls_count(&count) == 0 ? count : 0;
}

int gpio_watch(uint32_t pin, uint32_t pull, uint32_t edge_kind, gpio_edge_t edge, void *userdata)
{
    int rc;

    watcher.edge = edge;
    watcher.userdata = userdata;
    rc = gpio_syscalls_subscribe(gpio_upcall, NULL);
    if (rc == 0) {
        rc = gpio_syscalls_enable_input(pin, pull);
    }
    return rc != 0 ? rc : gpio_syscalls_enable_interrupt(pin, edge_kind);
}

int gpio_unwatch(uint32_t pin)
{
    return gpio_syscalls_disable_interrupt(pin);
}
