/* SPDX-License-Identifier: Apache-2.0 */
/* Wiring for the alarm mux and the alarm capsule: storage plus finalize. */
#pragma once

#include "capsules/core/alarm.h"
#include "capsules/core/virtualizers/alarm_mux.h"
#include "os/board/kernel.h"

/* Declare, at file scope in a board, one alarm mux. */
#define ALARM_MUX_COMPONENT_STORAGE(name) static struct alarm_mux name

/* Initialise mux over the hardware alarm hw (it becomes hw's only client;
 * every other user of hw must take a device of the mux). Boot time, before
 * any device is attached. Returns mux. */
struct alarm_mux *alarm_mux_component_finalize(struct alarm_mux *mux, struct hil_alarm *hw);

/* Declare, at file scope in a board, every object one alarm capsule needs:
 * the capsule and its virtual alarm. */
#define ALARM_COMPONENT_STORAGE(name)                                                              \
    static struct alarm_mux_device name##_device;                                                  \
    static struct alarm_driver name

#define ALARM_COMPONENT_FINALIZE(name, mux, kernel, cap)                                           \
    alarm_component_finalize(&(name), &name##_device, (mux), (kernel), (cap))

/* Create the alarm capsule's grant (driver 0: one upcall, no allows),
 * attach device to mux and initialise drv on it. Boot time, after
 * alarm_mux_component_finalize() and before kernel_load_processes();
 * kernel_create_grant() panics if driver 0 already has a grant. Returns
 * drv. */
struct alarm_driver *alarm_component_finalize(struct alarm_driver *drv,
                                              struct alarm_mux_device *device,
                                              struct alarm_mux *mux, struct kernel *kernel,
                                              const struct cap_memory_alloc *cap);
