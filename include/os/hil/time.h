/* SPDX-License-Identifier: Apache-2.0 */
/* Time HIL: a free-running 32-bit tick counter with a one-shot alarm.
 *
 * Ticks wrap around at 2^32; all comparisons are done with unsigned
 * subtraction, so an alarm is "reference + dt" and is correct across the wrap
 * as long as dt < 2^31. The frequency is fixed per implementation.
 */
#pragma once

#include <stdbool.h>
#include <stdint.h>

#include "os/err.h"

/* A point in time or a duration, in the implementation's ticks. */
typedef uint32_t ticks_t;

struct hil_alarm;

/* Events an alarm delivers. Embed in the client's own struct. */
struct hil_alarm_client {
    /* The armed alarm expired. The alarm is disarmed before this call, so the
     * client may re-arm it from here. Called from the main loop. */
    void (*alarm_fired)(struct hil_alarm_client *self);
};

/* Implementation table, one const instance per driver. */
struct hil_alarm_ops {
    ticks_t (*now)(struct hil_alarm *alarm);
    uint32_t (*frequency)(struct hil_alarm *alarm);
    void (*set_alarm)(struct hil_alarm *alarm, ticks_t reference, ticks_t dt);
    ticks_t (*get_alarm)(struct hil_alarm *alarm);
    os_err_t (*disarm)(struct hil_alarm *alarm);
    bool (*is_armed)(struct hil_alarm *alarm);
    ticks_t (*minimum_dt)(struct hil_alarm *alarm);
};

/* Base object of an alarm; implementations embed it. */
struct hil_alarm {
    const struct hil_alarm_ops *ops; /* const table, lives in flash */
    struct hil_alarm_client *client; /* NULL until wired */
};

/* Set the client that receives alarm_fired. Boot time. */
static inline void hil_alarm_set_client(struct hil_alarm *alarm, struct hil_alarm_client *client)
{
    alarm->client = client;
}

/* Current value of the free-running counter. Any context. */
static inline ticks_t hil_alarm_now(struct hil_alarm *alarm)
{
    return alarm->ops->now(alarm);
}

/* Counter frequency in Hz. Any context. */
static inline uint32_t hil_alarm_frequency(struct hil_alarm *alarm)
{
    return alarm->ops->frequency(alarm);
}

/* Arm the alarm to fire at reference + dt, replacing any armed time.
 * Main-loop context only.
 *
 * If that time is already in the past (now - reference >= dt), or closer than
 * minimum_dt, the alarm fires as soon as possible. Exactly one alarm_fired
 * follows per arm unless disarmed first; it is never made from inside this
 * call. No return value: arming cannot fail. */
static inline void hil_alarm_set(struct hil_alarm *alarm, ticks_t reference, ticks_t dt)
{
    alarm->ops->set_alarm(alarm, reference, dt);
}

/* The tick at which the alarm fires (meaningful only while armed). */
static inline ticks_t hil_alarm_get(struct hil_alarm *alarm)
{
    return alarm->ops->get_alarm(alarm);
}

/* Disarm. Main-loop context only.
 *
 * @retval OS_OK  disarmed (or was not armed); no alarm_fired follows. */
static inline OS_MUST_CHECK os_err_t hil_alarm_disarm(struct hil_alarm *alarm)
{
    return alarm->ops->disarm(alarm);
}

/* Whether an alarm_fired is still to come. */
static inline bool hil_alarm_is_armed(struct hil_alarm *alarm)
{
    return alarm->ops->is_armed(alarm);
}

/* Smallest dt the hardware honours exactly; shorter ones fire "asap". */
static inline ticks_t hil_alarm_minimum_dt(struct hil_alarm *alarm)
{
    return alarm->ops->minimum_dt(alarm);
}
