/* SPDX-License-Identifier: Apache-2.0 */
/* The kernel clock and time accounting (kernel/clock.c) on a fake alarm. */
#include "fakes/fake_alarm.h"
#include "kernel/profile.h"
#include "os/board/kernel.h"
#include "unit.h"

static struct kernel k;
static struct fake_alarm clock;

static void setup(uint32_t start)
{
    k = (struct kernel){0};
    fake_alarm_init(&clock, 25000000, start);
    kernel_set_clock(&k, &clock.alarm);
}

static void extends_across_the_wrap(void)
{
    uint64_t t;
    uint32_t hz;

    setup(0xFFFFFF00u);
    fake_alarm_advance(&clock, 0x80);
    CHECK_EQ(kernel_clock_now(&k), 0x80u);
    fake_alarm_advance(&clock, 0x100); /* the 32-bit counter wraps */
    CHECK_EQ(kernel_clock_now(&k), 0x180u);
    for (int i = 0; i < 3; i++) {
        fake_alarm_advance(&clock, 0x7FFFFFFF); /* under half a wrap between reads */
        (void)kernel_clock_now(&k);
    }
    CHECK(kernel_uptime(&k, &t, &hz));
    CHECK_EQ(t, 0x180u + 3u * 0x7FFFFFFFull);
    CHECK_EQ(hz, 25000000u);
}

static void buckets_add_up(void)
{
    uint64_t a = 0, b = 0, c = 0;

    setup(1000);
    fake_alarm_advance(&clock, 10);
    CHECK_EQ(kernel_account(&k, &a), 10u);
    fake_alarm_advance(&clock, 25);
    CHECK_EQ(kernel_account(&k, &b), 25u);
    CHECK_EQ(kernel_account(&k, &c), 0u); /* nothing since the last point */
    fake_alarm_advance(&clock, 5);
    CHECK_EQ(kernel_account(&k, &a), 5u);
    CHECK_EQ(a + b + c, kernel_clock_now(&k));
}

static void no_clock_counts_nothing(void)
{
    uint64_t t = 7, bucket = 0;
    uint32_t hz = 7;

    k = (struct kernel){0};
    CHECK(!kernel_uptime(&k, &t, &hz));
    CHECK(t == 0 && hz == 0);
    CHECK_EQ(kernel_account(&k, &bucket), 0u);
}

int main(void)
{
    static const struct unit_case cases[] = {
        UNIT_CASE(extends_across_the_wrap),
        UNIT_CASE(buckets_add_up),
        UNIT_CASE(no_clock_counts_nothing),
    };

    return unit_run("profile", cases, sizeof(cases) / sizeof(cases[0]));
}
