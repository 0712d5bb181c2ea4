/* SPDX-License-Identifier: Apache-2.0 */
/* Alarm capsule (driver 0): one one-shot alarm per process over one alarm.
 *
 * Boards allocate struct alarm_driver (see components/alarm.h); only
 * alarm.c reads or writes its fields. The userspace ABI is at the top of
 * alarm.c. The capsule usually sits on a device of an alarm_mux, so that
 * other kernel users share the hardware alarm with it.
 */
#pragma once

#include "os/capsule.h"
#include "os/hil/time.h"

/* Per-process state, in each process's grant (zeroed: disarmed). */
struct alarm_driver_app {
    bool armed;        /* an upcall is still to come for this process */
    ticks_t reference; /* start of the armed interval */
    ticks_t dt;        /* its length: expiration = reference + dt */
};

struct alarm_driver {
    struct syscall_driver driver;   /* reached through the board's driver lookup */
    struct hil_alarm_client client; /* alarm_fired from the alarm below */
    struct hil_alarm *alarm;        /* usually an alarm_mux device */
    struct grant *apps;             /* struct alarm_driver_app per process */
};

/* The grant geometry alarm_driver_init() expects (drivers.md 2): one
 * upcall slot (0 = fired), no allow slots. */
#define ALARM_GRANT_UPCALLS 1
#define ALARM_GRANT_RO 0
#define ALARM_GRANT_RW 0

/* Initialise drv over alarm, which it uses alone (it sets alarm's client
 * and arms it for the earliest process expiry). apps is the driver's grant,
 * created with sizeof(struct alarm_driver_app) and the geometry above. The
 * alarm's frequency should be at least 1 kHz (the ABI requires it). Boot
 * time, before processes are loaded. */
void alarm_driver_init(struct alarm_driver *drv, struct hil_alarm *alarm, struct grant *apps);
