/* SPDX-License-Identifier: Apache-2.0 */
/* LED capsule: on, off, toggle and read of board LEDs for processes.
 *
 * Userspace ABI (driver 0x2, DRIVER_NUM_LED), drivers.md section 4:
 *   command 0: -> Success(u32) number of LEDs (0 on a board without any).
 *   command 1 (arg0 = index): on -> Success.
 *   command 2 (arg0 = index): off -> Success.
 *   command 3 (arg0 = index): toggle -> Success.
 *   command 4 (arg0 = index): read -> Success(u32) 1 = on, 0 = off.
 *   Commands 1-4 with index >= number of LEDs -> Failure(INVAL); a pin
 *   error (an LED pin that cannot drive) is returned as Failure(error).
 *   other commands -> NOSUPPORT.
 *   No upcalls, no allows: no grant, so subscribe and allow -> NOMEM.
 * LED order is the board's (struct board_platform.leds).
 */
#include "led.h"

enum { CMD_COUNT = 0, CMD_ON = 1, CMD_OFF = 2, CMD_TOGGLE = 3, CMD_READ = 4 };

static struct command_ret led_command(struct syscall_driver *drv, uint32_t cmd, uint32_t arg0,
                                      uint32_t arg1, process_id_t pid)
{
    struct led *led = container_of(drv, struct led, driver);
    struct hil_gpio_pin *pin;

    (void)arg1;
    (void)pid;
    if (cmd == CMD_COUNT) {
        return command_success_u32((uint32_t)led->num_pins);
    }
    if (cmd > CMD_READ) {
        return command_failure(OS_ENOSUPPORT);
    }
    if (arg0 >= led->num_pins) {
        return command_failure(OS_EINVAL);
    }
    pin = led->pins[arg0];
    switch (cmd) {
    case CMD_ON:
        return command_from_err(hil_gpio_set(pin));
    case CMD_OFF:
        return command_from_err(hil_gpio_clear(pin));
    case CMD_TOGGLE:
        return command_from_err(hil_gpio_toggle(pin));
    default: /* CMD_READ */
        return command_success_u32(hil_gpio_read(pin) ? 1u : 0u);
    }
}

static const struct syscall_driver_ops led_ops = {
    .command = led_command, /* no grant: subscribe/allow fail with NOMEM */
};

void led_init(struct led *led, struct hil_gpio_pin *const *pins, size_t num_pins)
{
    led->driver.ops = &led_ops;
    led->pins = pins;
    led->num_pins = num_pins;
    for (size_t i = 0; i < num_pins; i++) {
        if (hil_gpio_make_output(pins[i]) != OS_OK || hil_gpio_clear(pins[i]) != OS_OK) {
            /* Kept: commands on this LED report the pin's own error. */
        }
    }
}
