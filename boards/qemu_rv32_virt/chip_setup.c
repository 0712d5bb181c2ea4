/* SPDX-License-Identifier: Apache-2.0 */
/* qemu_rv32_virt: the chip and the peripherals it hands to the platform. */
#include "boards/common/board_chip.h"
#include "os/platform/chip.h"
#include "riscv/pmp.h"
#include "virt/chip.h"

static struct chip board_chip;

void board_chip_setup(struct board_platform *p)
{
    chip_init(&board_chip);
    /* All PMP entries off and the kernel stack guard locked, before any
     * process configuration is loaded (and early enough that every image
     * of this board, with or without processes, has the guard). */
    riscv_pmp_init();
    p->board_name = OS_BOARD_NAME;
    p->chip = &board_chip;
    p->console_tx = &board_chip.uart0.tx;
    p->console_rx = &board_chip.uart0.rx;
    p->console_config = &board_chip.uart0.config;
    p->alarm = &board_chip.clint.alarm;
    /* NULL if QEMU has no virtio-rng-device: the kernel then offers no RNG
     * driver and the platform says so at boot. */
    p->entropy = virtio_rng_entropy(&board_chip.rng);
    /* The virt machine has no LEDs, buttons or GPIO pins: leds, buttons and
     * gpio_pins stay NULL with count 0, so those drivers report none. */
}
