/* SPDX-License-Identifier: Apache-2.0 */
/* Alarm components: the mux over the hardware alarm, and the capsule. */
#include "components/alarm.h"

#include "os/abi/driver_num.h"

struct alarm_mux *alarm_mux_component_finalize(struct alarm_mux *mux, struct hil_alarm *hw)
{
    alarm_mux_init(mux, hw);
    return mux;
}

struct alarm_driver *alarm_component_finalize(struct alarm_driver *drv,
                                              struct alarm_mux_device *device,
                                              struct alarm_mux *mux, struct kernel *kernel,
                                              const struct cap_memory_alloc *cap)
{
    struct grant *apps =
        kernel_create_grant(kernel, DRIVER_NUM_ALARM, sizeof(struct alarm_driver_app),
                            ALARM_GRANT_UPCALLS, ALARM_GRANT_RO, ALARM_GRANT_RW, cap);

    alarm_mux_device_init(device, mux);
    alarm_driver_init(drv, &device->alarm, apps);
    return drv;
}
