/* SPDX-License-Identifier: Apache-2.0 */
/* GPIO component: grant and capsule over the board's GPIO pins. */
#include "components/gpio.h"

#include "os/abi/driver_num.h"

struct gpio *gpio_component_finalize(struct gpio *gpio, struct hil_gpio_pin *const *pins,
                                     size_t num_pins, struct kernel *kernel,
                                     const struct cap_memory_alloc *cap)
{
    struct grant *apps = kernel_create_grant(kernel, DRIVER_NUM_GPIO, sizeof(struct gpio_app),
                                             GPIO_GRANT_UPCALLS, GPIO_GRANT_RO, GPIO_GRANT_RW, cap);

    gpio_init(gpio, pins, num_pins, apps);
    return gpio;
}
