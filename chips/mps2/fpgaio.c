/* SPDX-License-Identifier: Apache-2.0 */
/* MPS2 FPGAIO driver: LED0 bits as output pins, BUTTON bits as input pins.
 *
 * Both kinds of pin are fixed in direction by the FPGA, so each has its own
 * ops table: direction changes to the other kind, pulls and interrupts fail
 * with OS_ENOSUPPORT. Read-modify-write of LED0 happens in the main loop
 * only (no interrupt handler touches the block), so it needs no locking.
 */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "mps2/fpgaio.h"
#include "os/compiler.h"

/* The registers this driver uses (AN386 application note, FPGAIO). */
struct mps2_fpgaio_regs {
    volatile uint32_t led0;    /* 0x00 user LEDs, one bit each, RW */
    volatile uint32_t dbgctrl; /* 0x04 debug control (not used) */
    volatile uint32_t button;  /* 0x08 user push buttons, one bit each, RO */
};

_Static_assert(offsetof(struct mps2_fpgaio_regs, button) == 0x08, "FPGAIO layout");

static struct mps2_fpgaio_pin *fpgaio_pin(struct hil_gpio_pin *pin)
{
    return container_of(pin, struct mps2_fpgaio_pin, pin);
}

static void led_write(struct mps2_fpgaio_pin *p, bool on)
{
    struct mps2_fpgaio_regs *regs = p->io->regs;

    /* SAFETY: MMIO read-modify-write of LED0, main loop only; other bits
     * are written back unchanged. */
    regs->led0 = on ? (regs->led0 | p->mask) : (regs->led0 & ~p->mask);
}

static bool led_read(struct hil_gpio_pin *pin)
{
    struct mps2_fpgaio_pin *p = fpgaio_pin(pin);

    /* SAFETY: MMIO read of LED0, no side effects. */
    return (p->io->regs->led0 & p->mask) != 0;
}

static os_err_t led_set(struct hil_gpio_pin *pin)
{
    led_write(fpgaio_pin(pin), true);
    return OS_OK;
}

static os_err_t led_clear(struct hil_gpio_pin *pin)
{
    led_write(fpgaio_pin(pin), false);
    return OS_OK;
}

static os_err_t led_toggle(struct hil_gpio_pin *pin)
{
    led_write(fpgaio_pin(pin), !led_read(pin));
    return OS_OK;
}

static os_err_t led_make_output(struct hil_gpio_pin *pin)
{
    (void)pin;
    return OS_OK;
}

static os_err_t led_make_input(struct hil_gpio_pin *pin, enum hil_gpio_pull pull)
{
    (void)pin;
    (void)pull;
    return OS_ENOSUPPORT;
}

static os_err_t no_interrupt(struct hil_gpio_pin *pin, enum hil_gpio_edge edge)
{
    (void)pin;
    (void)edge;
    return OS_ENOSUPPORT;
}

static os_err_t nothing_to_do(struct hil_gpio_pin *pin)
{
    (void)pin;
    return OS_OK;
}

static os_err_t cannot_drive(struct hil_gpio_pin *pin)
{
    (void)pin;
    return OS_ENOSUPPORT;
}

static bool button_read(struct hil_gpio_pin *pin)
{
    struct mps2_fpgaio_pin *p = fpgaio_pin(pin);

    /* SAFETY: MMIO read of the read-only BUTTON register. */
    return (p->io->regs->button & p->mask) != 0;
}

static os_err_t button_make_input(struct hil_gpio_pin *pin, enum hil_gpio_pull pull)
{
    (void)pin;
    /* The buttons' bias is fixed on the board; only "none" is honest. */
    return pull == HIL_GPIO_PULL_NONE ? OS_OK : OS_ENOSUPPORT;
}

static const struct hil_gpio_pin_ops led_ops = {
    .make_output = led_make_output,
    .make_input = led_make_input,
    .deactivate = led_clear,
    .set = led_set,
    .clear = led_clear,
    .toggle = led_toggle,
    .read = led_read,
    .enable_interrupt = no_interrupt,
    .disable_interrupt = nothing_to_do,
};

static const struct hil_gpio_pin_ops button_ops = {
    .make_output = cannot_drive,
    .make_input = button_make_input,
    .deactivate = nothing_to_do,
    .set = cannot_drive,
    .clear = cannot_drive,
    .toggle = cannot_drive,
    .read = button_read,
    .enable_interrupt = no_interrupt,
    .disable_interrupt = nothing_to_do,
};

void mps2_fpgaio_init(struct mps2_fpgaio *io, uintptr_t base)
{
    /* SAFETY: base is the chip's fixed, word-aligned MMIO address of the
     * FPGAIO block. */
    io->regs = (struct mps2_fpgaio_regs *)base;
    for (uint32_t i = 0; i < MPS2_FPGAIO_NUM_LEDS; i++) {
        io->leds[i] = (struct mps2_fpgaio_pin){.pin = {.ops = &led_ops}, .io = io, .mask = 1u << i};
    }
    for (uint32_t i = 0; i < MPS2_FPGAIO_NUM_BUTTONS; i++) {
        io->buttons[i] =
            (struct mps2_fpgaio_pin){.pin = {.ops = &button_ops}, .io = io, .mask = 1u << i};
    }
    /* SAFETY: MMIO write of LED0: every user LED off. */
    io->regs->led0 = 0;
}
