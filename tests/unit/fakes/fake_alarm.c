/* SPDX-License-Identifier: Apache-2.0 */
/* Fake hardware alarm for host tests. */
#include "fake_alarm.h"

#include <string.h>

#include "os/compiler.h"

static ticks_t fake_now(struct hil_alarm *alarm)
{
    return container_of(alarm, struct fake_alarm, alarm)->now;
}

static uint32_t fake_frequency(struct hil_alarm *alarm)
{
    return container_of(alarm, struct fake_alarm, alarm)->frequency;
}

static void fake_set(struct hil_alarm *alarm, ticks_t reference, ticks_t dt)
{
    struct fake_alarm *a = container_of(alarm, struct fake_alarm, alarm);

    a->reference = reference;
    a->dt = dt;
    a->armed = true;
    a->sets++;
}

static ticks_t fake_get(struct hil_alarm *alarm)
{
    struct fake_alarm *a = container_of(alarm, struct fake_alarm, alarm);

    return a->reference + a->dt;
}

static os_err_t fake_disarm(struct hil_alarm *alarm)
{
    struct fake_alarm *a = container_of(alarm, struct fake_alarm, alarm);

    a->armed = false;
    a->disarms++;
    return OS_OK;
}

static bool fake_is_armed(struct hil_alarm *alarm)
{
    return container_of(alarm, struct fake_alarm, alarm)->armed;
}

static ticks_t fake_minimum_dt(struct hil_alarm *alarm)
{
    (void)alarm;
    return 1;
}

static const struct hil_alarm_ops fake_alarm_ops = {
    .now = fake_now,
    .frequency = fake_frequency,
    .set_alarm = fake_set,
    .get_alarm = fake_get,
    .disarm = fake_disarm,
    .is_armed = fake_is_armed,
    .minimum_dt = fake_minimum_dt,
};

void fake_alarm_init(struct fake_alarm *a, uint32_t frequency, ticks_t now)
{
    memset(a, 0, sizeof(*a));
    a->alarm.ops = &fake_alarm_ops;
    a->frequency = frequency;
    a->now = now;
}

void fake_alarm_advance(struct fake_alarm *a, ticks_t ticks)
{
    a->now += ticks;
}

ticks_t fake_alarm_ticks_left(const struct fake_alarm *a)
{
    ticks_t elapsed = a->now - a->reference;

    if (!a->armed || elapsed >= a->dt) {
        return 0;
    }
    return a->dt - elapsed;
}

bool fake_alarm_fire(struct fake_alarm *a)
{
    if (!a->armed || fake_alarm_ticks_left(a) != 0) {
        return false;
    }
    a->armed = false;
    a->fires++;
    if (a->alarm.client != NULL) {
        a->alarm.client->alarm_fired(a->alarm.client);
    }
    return true;
}

bool fake_alarm_run_to_expiry(struct fake_alarm *a)
{
    if (!a->armed) {
        return false;
    }
    fake_alarm_advance(a, fake_alarm_ticks_left(a));
    return fake_alarm_fire(a);
}
