/* SPDX-License-Identifier: Apache-2.0 */
/* CMSDK APB dual timer driver implementing the hil_alarm time HIL.
 *
 * Arming computes how many ticks are left until reference + dt using
 * unsigned (wrapping) arithmetic on the free-running counter, and loads that
 * count into the one-shot timer. An alarm already in the past is loaded with
 * one tick, so it fires "as soon as possible" through the normal interrupt
 * path and never from inside set_alarm. Because timer 1 starts counting when
 * it is loaded, a little after `now` was read, the interrupt can only be
 * late, never early; the bottom half still re-checks against the counter.
 */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "cmsdk/dual_timer.h"
#include "os/compiler.h"

/* One of the two timers (DDI0479C table 4-10). */
struct cmsdk_dual_timer_channel {
    volatile uint32_t load;    /* 0x00 reload value; write restarts */
    volatile uint32_t value;   /* 0x04 current count (RO) */
    volatile uint32_t control; /* 0x08 mode and enables */
    volatile uint32_t intclr;  /* 0x0C write: clear the interrupt */
    volatile uint32_t ris;     /* 0x10 raw interrupt status */
    volatile uint32_t mis;     /* 0x14 masked interrupt status */
    volatile uint32_t bgload;  /* 0x18 reload without restart */
    uint32_t reserved;         /* 0x1C */
};

/* Register block: timer 1 at +0x00, timer 2 at +0x20. */
struct cmsdk_dual_timer_regs {
    struct cmsdk_dual_timer_channel timer1;
    struct cmsdk_dual_timer_channel timer2;
};

_Static_assert(offsetof(struct cmsdk_dual_timer_regs, timer2) == 0x20, "dual timer layout");

#define CONTROL_ONESHOT (1u << 0)
#define CONTROL_32BIT (1u << 1)
#define CONTROL_INTEN (1u << 5)
#define CONTROL_PERIODIC (1u << 6)
#define CONTROL_ENABLE (1u << 7)

/* Smallest load value: fire on the next tick. */
#define MIN_TICKS 1u

static ticks_t timer_now(struct cmsdk_dual_timer *t)
{
    /* SAFETY: MMIO read of timer 2's count, which runs down from
     * 0xFFFFFFFF; its complement counts up. */
    return ~t->regs->timer2.value;
}

/* Load timer 1 so it interrupts after `ticks` ticks. */
static void start_countdown(struct cmsdk_dual_timer *t, uint32_t ticks)
{
    /* SAFETY: MMIO on timer 1: stop, drop a stale interrupt, load, start as
     * 32-bit one-shot with interrupt. */
    t->regs->timer1.control = 0;
    t->regs->timer1.intclr = 1;
    t->regs->timer1.load = ticks < MIN_TICKS ? MIN_TICKS : ticks;
    t->regs->timer1.control = CONTROL_ENABLE | CONTROL_INTEN | CONTROL_32BIT | CONTROL_ONESHOT;
}

static void stop_countdown(struct cmsdk_dual_timer *t)
{
    /* SAFETY: MMIO on timer 1: stop and clear its interrupt. */
    t->regs->timer1.control = 0;
    t->regs->timer1.intclr = 1;
}

/* Ticks left until the armed time, 0 if it has been reached. */
static uint32_t ticks_left(struct cmsdk_dual_timer *t)
{
    ticks_t elapsed = timer_now(t) - t->reference;

    return elapsed >= t->dt ? 0 : t->dt - elapsed;
}

static ticks_t alarm_now(struct hil_alarm *alarm)
{
    return timer_now(container_of(alarm, struct cmsdk_dual_timer, alarm));
}

static uint32_t alarm_frequency(struct hil_alarm *alarm)
{
    return container_of(alarm, struct cmsdk_dual_timer, alarm)->hz;
}

static void alarm_set(struct hil_alarm *alarm, ticks_t reference, ticks_t dt)
{
    struct cmsdk_dual_timer *t = container_of(alarm, struct cmsdk_dual_timer, alarm);

    t->reference = reference;
    t->dt = dt;
    t->armed = true;
    start_countdown(t, ticks_left(t));
}

static ticks_t alarm_get(struct hil_alarm *alarm)
{
    struct cmsdk_dual_timer *t = container_of(alarm, struct cmsdk_dual_timer, alarm);

    return t->reference + t->dt;
}

static os_err_t alarm_disarm(struct hil_alarm *alarm)
{
    struct cmsdk_dual_timer *t = container_of(alarm, struct cmsdk_dual_timer, alarm);

    t->armed = false;
    stop_countdown(t);
    return OS_OK;
}

static bool alarm_is_armed(struct hil_alarm *alarm)
{
    return container_of(alarm, struct cmsdk_dual_timer, alarm)->armed;
}

static ticks_t alarm_minimum_dt(struct hil_alarm *alarm)
{
    (void)alarm;
    return MIN_TICKS;
}

static const struct hil_alarm_ops dual_timer_alarm_ops = {
    .now = alarm_now,
    .frequency = alarm_frequency,
    .set_alarm = alarm_set,
    .get_alarm = alarm_get,
    .disarm = alarm_disarm,
    .is_armed = alarm_is_armed,
    .minimum_dt = alarm_minimum_dt,
};

void cmsdk_dual_timer_init(struct cmsdk_dual_timer *timer, uintptr_t base, uint32_t hz)
{
    *timer = (struct cmsdk_dual_timer){
        .alarm = {.ops = &dual_timer_alarm_ops},
        /* SAFETY: base is the chip's fixed, word-aligned MMIO address of a
         * CMSDK dual timer. */
        .regs = (struct cmsdk_dual_timer_regs *)base,
        .hz = hz,
    };
    stop_countdown(timer);
    /* SAFETY: MMIO on timer 2: free-running 32-bit counter from
     * 0xFFFFFFFF, no interrupt. */
    timer->regs->timer2.control = 0;
    timer->regs->timer2.intclr = 1;
    timer->regs->timer2.load = 0xFFFFFFFFu;
    timer->regs->timer2.control = CONTROL_ENABLE | CONTROL_32BIT;
}

void cmsdk_dual_timer_handle_interrupt(struct cmsdk_dual_timer *timer)
{
    /* SAFETY: MMIO: read and acknowledge timer 1's interrupt. */
    bool fired = (timer->regs->timer1.mis & 1u) != 0;
    uint32_t left;

    if (fired) {
        timer->regs->timer1.intclr = 1;
    }
    if (!timer->armed) {
        return;
    }
    left = ticks_left(timer);
    if (left == 0) {
        timer->armed = false;
        stop_countdown(timer);
        if (timer->alarm.client != NULL) {
            timer->alarm.client->alarm_fired(timer->alarm.client);
        }
    } else if (fired) {
        start_countdown(timer, left);
    }
}
