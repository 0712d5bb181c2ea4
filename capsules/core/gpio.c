/* SPDX-License-Identifier: Apache-2.0 */
/* GPIO capsule: configure, drive, read and watch board pins for processes.
 *
 * Userspace ABI (driver 0x4, DRIVER_NUM_GPIO), drivers.md section 6:
 *   command 0: exists -> Success.
 *   command 1 (arg0 = pin): make output -> Success.
 *   command 2 / 3 / 4 (arg0 = pin): set high / set low / toggle -> Success.
 *   command 5 (arg0 = pin, arg1 = pull: 0 none, 1 up, 2 down): make input
 *     -> Success; another pull -> NOSUPPORT.
 *   command 6 (arg0 = pin): read -> Success(u32) level 0/1.
 *   command 7 (arg0 = pin, arg1 = edge: 0 either, 1 rising, 2 falling):
 *     enable the interrupt -> Success; another edge -> NOSUPPORT; no grant
 *     room -> NOMEM.
 *   command 8 (arg0 = pin): disable the interrupt and deactivate the pin
 *     -> Success; no grant room -> NOMEM.
 *   command 9 (arg0 = pin): deactivate (lowest power) -> Success.
 *   command 10: -> Success(u32) number of pins (holes included).
 *   Commands 1-9: pin >= number of pins -> INVAL; a hole -> NODEVICE; what
 *   the pin cannot do (drive a fixed input, pull or interrupt where the
 *   hardware has none) -> the pin's error, usually NOSUPPORT.
 *   other commands -> NOSUPPORT.
 *   Subscribe 0: upcall (pin, level after the edge 0/1, 0) on each enabled
 *     edge, to every process that has the GPIO grant (that issued any GPIO
 *     command). No allows.
 * Upcalls come only from pin_changed (the main loop), never from a command.
 */
#include "gpio.h"

enum {
    CMD_EXISTS = 0,
    CMD_OUTPUT = 1,
    CMD_SET = 2,
    CMD_CLEAR = 3,
    CMD_TOGGLE = 4,
    CMD_INPUT = 5,
    CMD_READ = 6,
    CMD_IRQ_ENABLE = 7,
    CMD_IRQ_DISABLE = 8,
    CMD_DEACTIVATE = 9,
    CMD_COUNT = 10,
};
enum { UPCALL_EDGE = 0 };

/* State passed into grant callbacks. */
struct visit {
    uint32_t pin;
    uint32_t level;
};

static void count_command(void *data, struct grant_kernel *kg, void *ctx)
{
    struct gpio_app *app = data;

    (void)kg;
    (void)ctx;
    app->calls++;
}

static void notify(void *data, struct grant_kernel *kg, void *ctx)
{
    const struct visit *v = ctx;

    (void)data;
    if (grant_schedule_upcall(kg, UPCALL_EDGE, v->pin, v->level, 0) != OS_OK) {
        /* Queue full: the kernel counted the drop. */
    }
}

static void gpio_pin_changed(struct hil_gpio_pin_client *client, struct hil_gpio_pin *pin,
                             bool level)
{
    struct gpio *gpio = container_of(client, struct gpio, pin_client);
    struct visit v = {.pin = 0, .level = level ? 1u : 0u};

    while (v.pin < gpio->num_pins && gpio->pins[v.pin] != pin) {
        v.pin++;
    }
    if (v.pin < gpio->num_pins) {
        grant_each(gpio->apps, notify, &v);
    }
}

/* ABI pull / edge numbers to the HIL's; false if the number is unknown. */
static bool pull_from_abi(uint32_t abi, enum hil_gpio_pull *pull)
{
    static const enum hil_gpio_pull map[] = {HIL_GPIO_PULL_NONE, HIL_GPIO_PULL_UP,
                                             HIL_GPIO_PULL_DOWN};

    if (abi >= ARRAY_SIZE(map)) {
        return false;
    }
    *pull = map[abi];
    return true;
}

static bool edge_from_abi(uint32_t abi, enum hil_gpio_edge *edge)
{
    static const enum hil_gpio_edge map[] = {HIL_GPIO_EDGE_BOTH, HIL_GPIO_EDGE_RISING,
                                             HIL_GPIO_EDGE_FALLING};

    if (abi >= ARRAY_SIZE(map)) {
        return false;
    }
    *edge = map[abi];
    return true;
}

static os_err_t disable_and_deactivate(struct hil_gpio_pin *pin)
{
    os_err_t err = hil_gpio_disable_interrupt(pin);

    return err != OS_OK ? err : hil_gpio_deactivate(pin);
}

/* Commands 1-9 on an existing pin; has_grant says whether entering the
 * process's grant worked. */
static struct command_ret pin_command(struct hil_gpio_pin *pin, uint32_t cmd, uint32_t arg1,
                                      bool has_grant)
{
    enum hil_gpio_pull pull;
    enum hil_gpio_edge edge;

    switch (cmd) {
    case CMD_OUTPUT:
        return command_from_err(hil_gpio_make_output(pin));
    case CMD_SET:
        return command_from_err(hil_gpio_set(pin));
    case CMD_CLEAR:
        return command_from_err(hil_gpio_clear(pin));
    case CMD_TOGGLE:
        return command_from_err(hil_gpio_toggle(pin));
    case CMD_INPUT:
        if (!pull_from_abi(arg1, &pull)) {
            return command_failure(OS_ENOSUPPORT);
        }
        return command_from_err(hil_gpio_make_input(pin, pull));
    case CMD_READ:
        return command_success_u32(hil_gpio_read(pin) ? 1u : 0u);
    case CMD_IRQ_ENABLE:
        if (!edge_from_abi(arg1, &edge)) {
            return command_failure(OS_ENOSUPPORT);
        }
        return command_from_err(has_grant ? hil_gpio_enable_interrupt(pin, edge) : OS_ENOMEM);
    case CMD_IRQ_DISABLE:
        return command_from_err(has_grant ? disable_and_deactivate(pin) : OS_ENOMEM);
    default: /* CMD_DEACTIVATE */
        return command_from_err(hil_gpio_deactivate(pin));
    }
}

static struct command_ret gpio_command(struct syscall_driver *drv, uint32_t cmd, uint32_t arg0,
                                       uint32_t arg1, process_id_t pid)
{
    struct gpio *gpio = container_of(drv, struct gpio, driver);
    /* Any command gives the process the grant, and with it the upcalls. */
    bool has_grant = grant_enter(gpio->apps, pid, count_command, NULL) == OS_OK;

    if (cmd == CMD_EXISTS) {
        return command_success();
    }
    if (cmd == CMD_COUNT) {
        return command_success_u32((uint32_t)gpio->num_pins);
    }
    if (cmd > CMD_COUNT) {
        return command_failure(OS_ENOSUPPORT);
    }
    if (arg0 >= gpio->num_pins) {
        return command_failure(OS_EINVAL);
    }
    if (gpio->pins[arg0] == NULL) {
        return command_failure(OS_ENODEVICE);
    }
    return pin_command(gpio->pins[arg0], cmd, arg1, has_grant);
}

static const struct syscall_driver_ops gpio_ops = {
    .command = gpio_command,
};

void gpio_init(struct gpio *gpio, struct hil_gpio_pin *const *pins, size_t num_pins,
               struct grant *apps)
{
    *gpio = (struct gpio){.pins = pins, .num_pins = num_pins, .apps = apps};
    gpio->driver.ops = &gpio_ops;
    gpio->pin_client.pin_changed = gpio_pin_changed;
    for (size_t i = 0; i < num_pins; i++) {
        if (pins[i] != NULL) {
            hil_gpio_set_client(pins[i], &gpio->pin_client);
        }
    }
}
