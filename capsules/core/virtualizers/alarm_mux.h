/* SPDX-License-Identifier: Apache-2.0 */
/* Alarm virtualizer: any number of one-shot alarms over one hardware alarm.
 *
 * Boards allocate struct alarm_mux and one struct alarm_mux_device per user
 * (see components/alarm.h); only alarm_mux.c reads or writes their fields.
 * Each device implements the same hil_alarm the mux consumes, with the same
 * contract (os/hil/time.h): set(reference, dt) arms a one-shot alarm, a time
 * already passed fires as soon as possible, alarm_fired comes from the main
 * loop and never from inside a call on the device, and a client may re-arm
 * its device from inside alarm_fired. A capsule cannot tell a device from
 * the hardware alarm.
 *
 * The mux keeps the hardware armed for the earliest pending expiry, and
 * disarmed when no device is armed. Expiries are never compared as absolute
 * tick values: each device's "ticks left" is computed from now with unsigned
 * subtraction against the device's own reference, which stays correct across
 * the 32-bit wrap of the counter.
 *
 * When the hardware fires, the mux takes the time once and fires every
 * device that is due at that time, earliest expiry first (devices due at the
 * same tick in attach order). A device armed again during that pass, even
 * with a time already passed, is not fired in the same pass: the hardware is
 * re-armed after the pass and fires again as soon as possible, so a client
 * that keeps re-arming with dt = 0 cannot keep the main loop in the mux.
 */
#pragma once

#include "os/capsule.h"
#include "os/hil/time.h"

struct alarm_mux;

/* One virtual alarm. */
struct alarm_mux_device {
    struct hil_alarm alarm;        /* the role offered to a client */
    struct alarm_mux *mux;         /* the mux it belongs to */
    struct alarm_mux_device *next; /* next device of the mux (intrusive list) */
    ticks_t reference;             /* start of the armed interval */
    ticks_t dt;                    /* its length: expiry = reference + dt */
    bool armed;                    /* an alarm_fired is still to come */
    bool due;                      /* expired in the pass now being fired */
};

/* The mux over one hardware alarm. */
struct alarm_mux {
    struct hil_alarm *hw;             /* the hardware alarm */
    struct hil_alarm_client client;   /* its alarm_fired */
    struct alarm_mux_device *devices; /* all devices, in attach order */
    bool firing;                      /* inside a pass: program hw after it */
};

/* Take over the hardware alarm hw (sets its client; hw should not be armed).
 * Boot time, once per mux. */
void alarm_mux_init(struct alarm_mux *mux, struct hil_alarm *hw);

/* Attach dev to mux, disarmed and without a client; dev->alarm is then a
 * usable hil_alarm (set its client with hil_alarm_set_client). No
 * allocation: the device joins the mux's intrusive list. Boot time. */
void alarm_mux_device_init(struct alarm_mux_device *dev, struct alarm_mux *mux);
