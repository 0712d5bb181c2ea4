/* SPDX-License-Identifier: Apache-2.0 */
/* Fake GPIO pin for host tests. */
#include "fake_gpio.h"

#include "os/compiler.h"

static struct fake_gpio_pin *fake(struct hil_gpio_pin *pin)
{
    struct fake_gpio_pin *p = container_of(pin, struct fake_gpio_pin, pin);

    p->calls++;
    return p;
}

static os_err_t fake_make_output(struct hil_gpio_pin *pin)
{
    struct fake_gpio_pin *p = fake(pin);

    if (!p->can_output) {
        return OS_ENOSUPPORT;
    }
    p->is_output = true;
    p->deactivated = false;
    return OS_OK;
}

static os_err_t fake_make_input(struct hil_gpio_pin *pin, enum hil_gpio_pull pull)
{
    struct fake_gpio_pin *p = fake(pin);

    if (!p->can_input) {
        return OS_ENOSUPPORT;
    }
    p->is_output = false;
    p->pull = pull;
    p->deactivated = false;
    return OS_OK;
}

static os_err_t fake_deactivate(struct hil_gpio_pin *pin)
{
    fake(pin)->deactivated = true;
    return OS_OK;
}

static os_err_t drive(struct hil_gpio_pin *pin, int how)
{
    struct fake_gpio_pin *p = fake(pin);

    if (!p->can_output) {
        return OS_ENOSUPPORT;
    }
    p->level = how < 0 ? !p->level : how != 0;
    return OS_OK;
}

static os_err_t fake_set(struct hil_gpio_pin *pin)
{
    return drive(pin, 1);
}

static os_err_t fake_clear(struct hil_gpio_pin *pin)
{
    return drive(pin, 0);
}

static os_err_t fake_toggle(struct hil_gpio_pin *pin)
{
    return drive(pin, -1);
}

static bool fake_read(struct hil_gpio_pin *pin)
{
    return fake(pin)->level;
}

static os_err_t fake_enable_interrupt(struct hil_gpio_pin *pin, enum hil_gpio_edge edge)
{
    struct fake_gpio_pin *p = fake(pin);

    if (!p->can_interrupt) {
        return OS_ENOSUPPORT;
    }
    p->irq_enabled = true;
    p->edge = edge;
    return OS_OK;
}

static os_err_t fake_disable_interrupt(struct hil_gpio_pin *pin)
{
    fake(pin)->irq_enabled = false;
    return OS_OK;
}

static const struct hil_gpio_pin_ops fake_gpio_ops = {
    .make_output = fake_make_output,
    .make_input = fake_make_input,
    .deactivate = fake_deactivate,
    .set = fake_set,
    .clear = fake_clear,
    .toggle = fake_toggle,
    .read = fake_read,
    .enable_interrupt = fake_enable_interrupt,
    .disable_interrupt = fake_disable_interrupt,
};

void fake_gpio_init(struct fake_gpio_pin *p, bool can_output, bool can_input, bool can_interrupt)
{
    *p = (struct fake_gpio_pin){.pin = {.ops = &fake_gpio_ops},
                                .can_output = can_output,
                                .can_input = can_input,
                                .can_interrupt = can_interrupt};
}

bool fake_gpio_drive(struct fake_gpio_pin *p, bool level)
{
    bool rising = !p->level && level;
    bool falling = p->level && !level;
    bool wanted = (rising && p->edge != HIL_GPIO_EDGE_FALLING) ||
                  (falling && p->edge != HIL_GPIO_EDGE_RISING);

    p->level = level;
    if (!p->irq_enabled || !wanted || p->pin.client == NULL) {
        return false;
    }
    p->edges++;
    p->pin.client->pin_changed(p->pin.client, &p->pin, level);
    return true;
}
