/* SPDX-License-Identifier: Apache-2.0 */
/* Button component: grant and capsule over the board's button pins. */
#include "components/button.h"

#include "os/abi/driver_num.h"

struct button *button_component_finalize(struct button *btn, struct hil_gpio_pin *const *pins,
                                         size_t num_pins, struct kernel *kernel,
                                         const struct cap_memory_alloc *cap)
{
    struct grant *apps =
        kernel_create_grant(kernel, DRIVER_NUM_BUTTON, sizeof(struct button_app),
                            BUTTON_GRANT_UPCALLS, BUTTON_GRANT_RO, BUTTON_GRANT_RW, cap);

    button_init(btn, pins, num_pins, apps);
    return btn;
}
