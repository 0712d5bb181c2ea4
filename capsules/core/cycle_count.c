/* SPDX-License-Identifier: Apache-2.0 */
/* Cycle-count capsule: a counter, a wake-up ping and allow targets.
 *
 * Userspace ABI (driver 0x90008, DRIVER_NUM_CYCLE_COUNT). Commands 0-4 keep
 * the meaning of Tock's cycle-counter driver; the rest are Bulkhead
 * benchmark extensions. The counter counts guest instructions under QEMU
 * -icount shift=0: exactly on RISC-V (minstret), in steps of the timer's
 * period on boards without a CPU counter (mps2: 40).
 *   command 0: exists -> Success.
 *   command 1: start, command 4: stop -> Success (the counter always runs).
 *   command 2: read -> SuccessU64(counter - base), read inside the command.
 *   command 3: reset -> Success; base = counter (per process).
 *   command 0x100: resolution -> SuccessU32(units per count step).
 *   command 0x101: MPU/PMP register writes so far -> SuccessU32, or
 *                  NOSUPPORT if the board gave no source.
 *   command 0x102: wake -> Success; queues upcall 0 (args 0, 0, 0) for every
 *                  other process that has entered this driver's grant.
 *   command 0x103: alarm stamp -> SuccessU32U64(late, at): at = counter
 *                  (without base) when the hardware alarm last fired, late =
 *                  units between its expiry and that moment (timer
 *                  resolution: a coarse figure).
 *   command 0x104: raw read -> SuccessU64(counter), no base, no grant (the
 *                  cheapest read; what the benchmarks use).
 *   other commands -> NOSUPPORT.
 *   subscribe 0: wake upcall. Allow RO 0-4, RW 0-4: accepted and kept, never
 *   read (benchmark targets for the kernel's allow path).
 */
#include "cycle_count.h"

#define NS_PER_S 1000000000u

enum {
    CMD_EXISTS = 0,
    CMD_START = 1,
    CMD_READ = 2,
    CMD_RESET = 3,
    CMD_STOP = 4,
    CMD_RESOLUTION = 0x100,
    CMD_MPU_WRITES = 0x101,
    CMD_WAKE = 0x102,
    CMD_ALARM_STAMP = 0x103,
    CMD_READ_RAW = 0x104,
};

/* What a command needs inside the caller's grant. */
struct call {
    struct cycle_count *cc;
    uint32_t cmd;
    uint64_t value;
};

uint64_t cycle_count_now(struct cycle_count *cc)
{
    if (cc->read != NULL) {
        return cc->read();
    }
    ticks_t now = hil_alarm_now(cc->below);

    cc->timer_total += (uint64_t)(now - cc->last_ticks) * cc->per_tick;
    cc->last_ticks = now;
    return cc->timer_total;
}

uint32_t cycle_count_resolution(const struct cycle_count *cc)
{
    return cc->read != NULL ? 1u : cc->per_tick;
}

static void in_grant(void *data, struct grant_kernel *kg, void *ctx)
{
    struct cycle_count_app *app = data;
    struct call *c = ctx;

    (void)kg;
    if (c->cmd == CMD_RESET) {
        app->base = c->value;
    } else {
        c->value -= app->base;
    }
}

static void wake_one(void *data, struct grant_kernel *kg, void *ctx)
{
    const process_id_t *caller = ctx;

    (void)data;
    /* A full queue drops the wake-up; the benchmark then stalls visibly. */
    if (grant_process_id(kg) != *caller && grant_schedule_upcall(kg, 0, 0, 0, 0) != OS_OK) {
        return;
    }
}

static struct command_ret counter_command(struct cycle_count *cc, uint32_t cmd, process_id_t pid)
{
    struct call c = {.cc = cc, .cmd = cmd, .value = cycle_count_now(cc)};

    if (grant_enter(cc->apps, pid, in_grant, &c) != OS_OK) {
        return command_failure(OS_ENOMEM);
    }
    return cmd == CMD_READ ? command_success_u64(c.value) : command_success();
}

static struct command_ret cc_command(struct syscall_driver *drv, uint32_t cmd, uint32_t arg0,
                                     uint32_t arg1, process_id_t pid)
{
    struct cycle_count *cc = container_of(drv, struct cycle_count, driver);

    (void)arg0;
    (void)arg1;
    switch (cmd) {
    case CMD_EXISTS:
    case CMD_START:
    case CMD_STOP:
        return command_success();
    case CMD_READ:
    case CMD_RESET:
        return counter_command(cc, cmd, pid);
    case CMD_RESOLUTION:
        return command_success_u32(cycle_count_resolution(cc));
    case CMD_MPU_WRITES:
        if (cc->mpu_writes == NULL) {
            return command_failure(OS_ENOSUPPORT);
        }
        return command_success_u32(cc->mpu_writes());
    case CMD_WAKE:
        grant_each(cc->apps, wake_one, &pid);
        return command_success();
    case CMD_READ_RAW:
        return command_success_u64(cycle_count_now(cc));
    case CMD_ALARM_STAMP:
        return command_success_u32_u64(cc->fired_late, cc->fired_at);
    default:
        return command_failure(OS_ENOSUPPORT);
    }
}

static const struct syscall_driver_ops cc_ops = {
    .command = cc_command,
};

/* The stamping alarm: every operation goes to the alarm below; a fired
 * event is time-stamped first, then passed up. */
static struct cycle_count *from_stamp(struct hil_alarm *alarm)
{
    return container_of(alarm, struct cycle_count, stamp);
}

static ticks_t stamp_now(struct hil_alarm *alarm)
{
    return hil_alarm_now(from_stamp(alarm)->below);
}

static uint32_t stamp_frequency(struct hil_alarm *alarm)
{
    return hil_alarm_frequency(from_stamp(alarm)->below);
}

static void stamp_set(struct hil_alarm *alarm, ticks_t reference, ticks_t dt)
{
    struct cycle_count *cc = from_stamp(alarm);

    cc->deadline = reference + dt;
    hil_alarm_set(cc->below, reference, dt);
}

static ticks_t stamp_get(struct hil_alarm *alarm)
{
    return hil_alarm_get(from_stamp(alarm)->below);
}

static os_err_t stamp_disarm(struct hil_alarm *alarm)
{
    return hil_alarm_disarm(from_stamp(alarm)->below);
}

static bool stamp_is_armed(struct hil_alarm *alarm)
{
    return hil_alarm_is_armed(from_stamp(alarm)->below);
}

static ticks_t stamp_minimum_dt(struct hil_alarm *alarm)
{
    return hil_alarm_minimum_dt(from_stamp(alarm)->below);
}

static void stamp_fired(struct hil_alarm_client *self)
{
    struct cycle_count *cc = container_of(self, struct cycle_count, client);
    uint64_t at = cycle_count_now(cc);
    ticks_t late = hil_alarm_now(cc->below) - cc->deadline;

    cc->fired_at = at;
    cc->fired_late = late < 0x80000000u ? late * cc->per_tick : 0;
    if (cc->stamp.client != NULL) {
        cc->stamp.client->alarm_fired(cc->stamp.client);
    }
}

static const struct hil_alarm_ops stamp_ops = {
    .now = stamp_now,
    .frequency = stamp_frequency,
    .set_alarm = stamp_set,
    .get_alarm = stamp_get,
    .disarm = stamp_disarm,
    .is_armed = stamp_is_armed,
    .minimum_dt = stamp_minimum_dt,
};

void cycle_count_init(struct cycle_count *cc, struct grant *apps, struct hil_alarm *alarm,
                      cycle_count_read_fn read, cycle_count_stat_fn mpu_writes)
{
    uint32_t hz = hil_alarm_frequency(alarm);

    cc->driver.ops = &cc_ops;
    cc->stamp.ops = &stamp_ops;
    cc->stamp.client = NULL;
    cc->client.alarm_fired = stamp_fired;
    cc->below = alarm;
    cc->apps = apps;
    cc->read = read;
    cc->mpu_writes = mpu_writes;
    /* Timer source: one tick is NS_PER_S / hz nanoseconds (= instructions
     * under -icount shift=0). Exact for 25 MHz and 10 MHz. */
    cc->per_tick = hz != 0 && hz <= NS_PER_S ? NS_PER_S / hz : 1u;
    cc->last_ticks = hil_alarm_now(alarm);
    hil_alarm_set_client(alarm, &cc->client);
}

struct hil_alarm *cycle_count_alarm(struct cycle_count *cc)
{
    return &cc->stamp;
}
