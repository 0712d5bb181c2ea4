/* SPDX-License-Identifier: Apache-2.0 */
/* Alarm virtualizer: earliest-expiry hardware programming, ordered firing. */
#include "alarm_mux.h"

/* Ticks from now until d expires; 0 once it has expired. Relative to d's own
 * reference, so correct across the counter wrap (for elapsed < 2^32). */
static ticks_t ticks_left(const struct alarm_mux_device *d, ticks_t now)
{
    ticks_t elapsed = now - d->reference;

    return elapsed >= d->dt ? 0 : d->dt - elapsed;
}

/* Arm the hardware for the earliest armed device, or disarm it if none is.
 * Deferred to the end of a firing pass, where it runs once for the lot. */
static void program_hardware(struct alarm_mux *mux)
{
    struct alarm_mux_device *first = NULL;
    ticks_t best = 0;
    ticks_t now;

    if (mux->firing) {
        return;
    }
    now = hil_alarm_now(mux->hw);
    for (struct alarm_mux_device *d = mux->devices; d != NULL; d = d->next) {
        ticks_t left = d->armed ? ticks_left(d, now) : 0;

        if (d->armed && (first == NULL || left < best)) {
            first = d;
            best = left;
        }
    }
    if (first != NULL) {
        /* The device's own interval, so the hardware sees the exact expiry
         * and handles an already passed one itself (fires asap). */
        hil_alarm_set(mux->hw, first->reference, first->dt);
    } else if (hil_alarm_is_armed(mux->hw) && hil_alarm_disarm(mux->hw) != OS_OK) {
        /* The HIL defines OS_OK as the only result; nothing to undo. */
    }
}

/* The due device that expired first (the most ticks ago), or NULL. */
static struct alarm_mux_device *earliest_due(struct alarm_mux *mux, ticks_t now)
{
    struct alarm_mux_device *first = NULL;
    ticks_t most_late = 0;

    for (struct alarm_mux_device *d = mux->devices; d != NULL; d = d->next) {
        /* Due implies expired at now: elapsed >= dt, so this cannot wrap. */
        ticks_t late = d->due ? (now - d->reference) - d->dt : 0;

        if (d->due && (first == NULL || late > most_late)) {
            first = d;
            most_late = late;
        }
    }
    return first;
}

static void mux_alarm_fired(struct hil_alarm_client *client)
{
    struct alarm_mux *mux = container_of(client, struct alarm_mux, client);
    ticks_t now = hil_alarm_now(mux->hw);
    struct alarm_mux_device *d;

    /* Snapshot who is due now; set and disarm from callbacks clear "due". */
    mux->firing = true;
    for (d = mux->devices; d != NULL; d = d->next) {
        d->due = d->armed && ticks_left(d, now) == 0;
    }
    while ((d = earliest_due(mux, now)) != NULL) {
        d->due = false;
        d->armed = false; /* one-shot: disarmed before the client hears */
        if (d->alarm.client != NULL) {
            d->alarm.client->alarm_fired(d->alarm.client);
        }
    }
    mux->firing = false;
    program_hardware(mux);
}

/* ---- hil_alarm of a device ---------------------------------------------- */

static ticks_t device_now(struct hil_alarm *alarm)
{
    return hil_alarm_now(container_of(alarm, struct alarm_mux_device, alarm)->mux->hw);
}

static uint32_t device_frequency(struct hil_alarm *alarm)
{
    return hil_alarm_frequency(container_of(alarm, struct alarm_mux_device, alarm)->mux->hw);
}

static void device_set(struct hil_alarm *alarm, ticks_t reference, ticks_t dt)
{
    struct alarm_mux_device *d = container_of(alarm, struct alarm_mux_device, alarm);

    d->reference = reference;
    d->dt = dt;
    d->armed = true;
    d->due = false; /* a new interval: judged again after the current pass */
    program_hardware(d->mux);
}

static ticks_t device_get(struct hil_alarm *alarm)
{
    struct alarm_mux_device *d = container_of(alarm, struct alarm_mux_device, alarm);

    return d->reference + d->dt;
}

static os_err_t device_disarm(struct hil_alarm *alarm)
{
    struct alarm_mux_device *d = container_of(alarm, struct alarm_mux_device, alarm);

    d->armed = false;
    d->due = false; /* also when disarmed by another client mid-pass */
    program_hardware(d->mux);
    return OS_OK;
}

static bool device_is_armed(struct hil_alarm *alarm)
{
    return container_of(alarm, struct alarm_mux_device, alarm)->armed;
}

static ticks_t device_minimum_dt(struct hil_alarm *alarm)
{
    return hil_alarm_minimum_dt(container_of(alarm, struct alarm_mux_device, alarm)->mux->hw);
}

static const struct hil_alarm_ops device_ops = {
    .now = device_now,
    .frequency = device_frequency,
    .set_alarm = device_set,
    .get_alarm = device_get,
    .disarm = device_disarm,
    .is_armed = device_is_armed,
    .minimum_dt = device_minimum_dt,
};

void alarm_mux_init(struct alarm_mux *mux, struct hil_alarm *hw)
{
    *mux = (struct alarm_mux){.hw = hw};
    mux->client.alarm_fired = mux_alarm_fired;
    hil_alarm_set_client(hw, &mux->client);
}

void alarm_mux_device_init(struct alarm_mux_device *dev, struct alarm_mux *mux)
{
    struct alarm_mux_device **tail = &mux->devices;

    *dev = (struct alarm_mux_device){.mux = mux};
    dev->alarm.ops = &device_ops;
    while (*tail != NULL) {
        tail = &(*tail)->next;
    }
    *tail = dev;
}
