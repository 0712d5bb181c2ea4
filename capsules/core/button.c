/* SPDX-License-Identifier: Apache-2.0 */
/* Button capsule: button state and press/release upcalls for processes.
 *
 * Userspace ABI (driver 0x3, DRIVER_NUM_BUTTON), drivers.md section 5:
 *   command 0: -> Success(u32) number of buttons (0 on a board without any).
 *   command 1 (arg0 = index): enable this process's events of the button
 *     -> Success. Index >= number of buttons -> INVAL; no grant room ->
 *     NOMEM; a button pin without interrupt hardware -> NOSUPPORT (the
 *     button can then only be read; nothing emulates an interrupt).
 *   command 2 (arg0 = index): disable them -> Success (INVAL, NOMEM as
 *     above). The pin's interrupt is switched off once no process wants it.
 *   command 3 (arg0 = index): read -> Success(u32) 1 = pressed, 0 = released
 *     (INVAL as above).
 *   other commands -> NOSUPPORT.
 *   Subscribe 0: upcall (index, 1 = pressed / 0 = released, 0) on each
 *     press and release, to every process that enabled that button.
 *   No allows.
 * Upcalls come only from pin_changed (the main loop), never from a command.
 */
#include "button.h"

enum { CMD_COUNT = 0, CMD_ENABLE = 1, CMD_DISABLE = 2, CMD_READ = 3 };
enum { UPCALL_CHANGED = 0 };

/* State passed into grant callbacks. */
struct visit {
    struct button *btn;
    uint32_t index;  /* the button */
    uint32_t level;  /* pin_changed: 1 = pressed */
    uint32_t wanted; /* OR of the enable masks seen */
    os_err_t result;
};

static void enable_for(void *data, struct grant_kernel *kg, void *ctx)
{
    struct button_app *app = data;
    struct visit *v = ctx;
    struct button *btn = v->btn;
    uint32_t bit = 1u << v->index;

    (void)kg;
    v->result = OS_OK;
    if ((btn->irq_enabled & bit) == 0) {
        v->result = hil_gpio_enable_interrupt(btn->pins[v->index], HIL_GPIO_EDGE_BOTH);
    }
    if (v->result == OS_OK) {
        btn->irq_enabled |= bit;
        app->enabled |= bit;
    }
}

static void disable_for(void *data, struct grant_kernel *kg, void *ctx)
{
    struct button_app *app = data;
    struct visit *v = ctx;

    (void)kg;
    app->enabled &= ~(1u << v->index);
    v->result = OS_OK;
}

static void collect_wanted(void *data, struct grant_kernel *kg, void *ctx)
{
    const struct button_app *app = data;
    struct visit *v = ctx;

    (void)kg;
    v->wanted |= app->enabled;
}

/* Switch off button index's interrupt if no live process wants it. */
static void release_if_unwanted(struct button *btn, uint32_t index)
{
    struct visit v = {.btn = btn, .index = index};
    uint32_t bit = 1u << index;

    grant_each(btn->apps, collect_wanted, &v);
    if ((v.wanted & bit) == 0 && (btn->irq_enabled & bit) != 0) {
        btn->irq_enabled &= ~bit;
        if (hil_gpio_disable_interrupt(btn->pins[index]) != OS_OK) {
            /* Documented never to fail; nothing else to undo. */
        }
    }
}

static void notify(void *data, struct grant_kernel *kg, void *ctx)
{
    const struct button_app *app = data;
    struct visit *v = ctx;

    if ((app->enabled & (1u << v->index)) == 0) {
        return;
    }
    v->wanted |= app->enabled;
    if (grant_schedule_upcall(kg, UPCALL_CHANGED, v->index, v->level, 0) != OS_OK) {
        /* Queue full: the kernel counted the drop. */
    }
}

static void button_pin_changed(struct hil_gpio_pin_client *client, struct hil_gpio_pin *pin,
                               bool level)
{
    struct button *btn = container_of(client, struct button, pin_client);
    struct visit v = {.btn = btn, .level = level ? 1u : 0u};

    while (v.index < btn->num_pins && btn->pins[v.index] != pin) {
        v.index++;
    }
    if (v.index == btn->num_pins) {
        return; /* not one of ours */
    }
    grant_each(btn->apps, notify, &v);
    /* The processes that wanted it may all have exited meanwhile. */
    release_if_unwanted(btn, v.index);
}

static struct command_ret button_command(struct syscall_driver *drv, uint32_t cmd, uint32_t arg0,
                                         uint32_t arg1, process_id_t pid)
{
    struct button *btn = container_of(drv, struct button, driver);
    struct visit v = {.btn = btn, .index = arg0, .result = OS_EFAIL};

    (void)arg1;
    if (cmd == CMD_COUNT) {
        return command_success_u32((uint32_t)btn->num_pins);
    }
    if (cmd > CMD_READ) {
        return command_failure(OS_ENOSUPPORT);
    }
    if (arg0 >= btn->num_pins) {
        return command_failure(OS_EINVAL);
    }
    switch (cmd) {
    case CMD_ENABLE:
        if (grant_enter(btn->apps, pid, enable_for, &v) != OS_OK) {
            return command_failure(OS_ENOMEM);
        }
        return command_from_err(v.result);
    case CMD_DISABLE:
        if (grant_enter(btn->apps, pid, disable_for, &v) != OS_OK) {
            return command_failure(OS_ENOMEM);
        }
        release_if_unwanted(btn, arg0);
        return command_success();
    default: /* CMD_READ */
        return command_success_u32(hil_gpio_read(btn->pins[arg0]) ? 1u : 0u);
    }
}

static const struct syscall_driver_ops button_ops = {
    .command = button_command,
};

void button_init(struct button *btn, struct hil_gpio_pin *const *pins, size_t num_pins,
                 struct grant *apps)
{
    *btn =
        (struct button){.pins = pins, .num_pins = MIN(num_pins, (size_t)BUTTON_MAX), .apps = apps};
    btn->driver.ops = &button_ops;
    btn->pin_client.pin_changed = button_pin_changed;
    for (size_t i = 0; i < btn->num_pins; i++) {
        hil_gpio_set_client(pins[i], &btn->pin_client);
        if (hil_gpio_make_input(pins[i], HIL_GPIO_PULL_NONE) != OS_OK) {
            /* The board wired it as an input already; reading still works. */
        }
    }
}
