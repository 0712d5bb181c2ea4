/* SPDX-License-Identifier: Apache-2.0 */
/* qemu_mps2_an386: the chip and the peripherals it hands to the platform. */
#include "boards/common/board_chip.h"
#include "capsules/core/insecure_prng.h"
#include "mps2/chip.h"
#include "os/platform/chip.h"

static struct chip board_chip;
static struct insecure_prng board_prng;

/* The FPGAIO pins: LEDs to the LED driver, buttons to the button driver.
 * QEMU emulates no GPIO block (the CMSDK AHB GPIOs are unimplemented
 * devices there), so the GPIO driver gets no pins. */
static struct hil_gpio_pin *const board_leds[] = {
    &board_chip.fpgaio.leds[0].pin,
    &board_chip.fpgaio.leds[1].pin,
};
static struct hil_gpio_pin *const board_buttons[] = {
    &board_chip.fpgaio.buttons[0].pin,
    &board_chip.fpgaio.buttons[1].pin,
};

void board_chip_setup(struct board_platform *p)
{
    chip_init(&board_chip);
    p->board_name = OS_BOARD_NAME;
    p->chip = &board_chip;
    p->console_tx = &board_chip.uart0.tx;
    p->console_rx = &board_chip.uart0.rx;
    p->console_config = &board_chip.uart0.config;
    p->alarm = &board_chip.dual_timer.alarm;
    /* The MPS2 has no RNG. Opt in to the INSECURE deterministic generator
     * so RNG code can run; the banner flags it (is_deterministic). */
    insecure_prng_init(&board_prng, INSECURE_PRNG_DEFAULT_SEED);
    p->entropy = &board_prng.entropy;
    p->leds = board_leds;
    p->num_leds = ARRAY_SIZE(board_leds);
    p->buttons = board_buttons;
    p->num_buttons = ARRAY_SIZE(board_buttons);
}
