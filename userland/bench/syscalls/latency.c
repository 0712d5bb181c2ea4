/* SPDX-License-Identifier: Apache-2.0 */
/* Upcall latency and (RISC-V) the entry/return split of a system call.
 *
 * Latency: the app arms the alarm 1 ms ahead and sleeps in Yield-Wait; the
 * kernel, with nothing else to run, idles in WFI until the alarm interrupt.
 * The bench kernel's stamping alarm records the counter when the hardware
 * alarm's event reaches the kernel's alarm stack (HIL alarm_fired) and how
 * many timer ticks after the expiry that was; the callback's first statement
 * reads the counter. Printed:
 *   upcall_fired_to_callback: HIL alarm_fired -> the callback's counter read
 *     (exact on RISC-V; in 40-instruction steps on mps2), which includes the
 *     read's own entry half (phases_run() measures it on RISC-V);
 *   upcall_irq_to_fired: expiry -> HIL alarm_fired, timer resolution only.
 */
#include <stdbool.h>

#include "bench.h"
#include "libos/syscall.h"
#include "libos/syscalls/alarm_syscalls.h"
#include "ops.h"

#define ALARM_DRIVER 0u
#define ALARM_CMD_SET_RELATIVE 5u

static volatile uint64_t callback_at;
static volatile bool fired;

static void on_alarm(uint32_t now, uint32_t expiration, uint32_t unused, void *userdata)
{
    callback_at = bench_now();
    (void)now;
    (void)expiration;
    (void)unused;
    (void)userdata;
    fired = true;
}

struct minmax {
    uint32_t lo, hi;
    uint64_t sum;
};

static void add(struct minmax *m, uint32_t v)
{
    m->lo = v < m->lo ? v : m->lo;
    m->hi = v > m->hi ? v : m->hi;
    m->sum += v;
}

static void print(const char *name, const struct minmax *m, uint32_t n)
{
    bench_print(name, n, m->lo * 10, (uint32_t)((m->sum * 10) / n), m->hi * 10);
}

void latency_run(uint32_t samples)
{
    struct minmax to_cb = {UINT32_MAX, 0, 0};
    struct minmax to_fired = {UINT32_MAX, 0, 0};
    uint32_t hz = 0;

    if (alarm_syscalls_frequency(&hz) != 0 || hz == 0) {
        bench_info("upcall_skipped_no_alarm", 1);
        return;
    }
    (void)alarm_syscalls_subscribe(on_alarm, NULL);
    for (uint32_t i = 0; i < samples; i++) {
        fired = false;
        (void)syscall_command(ALARM_DRIVER, ALARM_CMD_SET_RELATIVE, hz / 1000u, 0);
        while (!fired) {
            syscall_yield_wait();
        }
        struct syscall_return r = syscall_command(BENCH_DRIVER, BENCH_CMD_ALARM_STAMP, 0, 0);
        uint64_t at = (uint64_t)r.data[1] | ((uint64_t)r.data[2] << 32);

        add(&to_cb, (uint32_t)(callback_at - at));
        add(&to_fired, r.data[0]);
    }
    print("upcall_fired_to_callback", &to_cb, samples);
    print("upcall_irq_to_fired", &to_fired, samples);
}

#if defined(__riscv)
static inline uint32_t user_instret(void)
{
    uint32_t v;

    /* SAFETY: U-mode read of instret; the bench kernel enables it
     * (mcounteren), elsewhere it would trap as an illegal instruction. */
    __asm__ volatile("rdinstret %0" : "=r"(v));
    return v;
}

void phases_run(uint32_t samples)
{
    struct minmax entry = {UINT32_MAX, 0, 0};
    struct minmax back = {UINT32_MAX, 0, 0};

    for (uint32_t i = 0; i < samples; i++) {
        uint32_t u0 = user_instret();
        uint32_t k = (uint32_t)bench_now();
        uint32_t u1 = user_instret();

        add(&entry, k - u0);
        add(&back, u1 - k);
    }
    print("phase_command_entry", &entry, samples);
    print("phase_command_return", &back, samples);
}
#else
void phases_run(uint32_t samples)
{
    (void)samples;
}
#endif
