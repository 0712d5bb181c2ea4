/* SPDX-License-Identifier: Apache-2.0 */
/* Alarm driver (0) through the real kernel: commands, upcalls, two processes.
 *
 * Two fake processes issue system calls into the real kernel code; the
 * driver is wired exactly as boards wire it (components/alarm.c: a mux over
 * a fake hardware alarm, one device for the capsule). The test advances the
 * fake counter and fires the hardware by hand.
 */
#include "components/alarm.h"
#include "fakes/fake_alarm.h"
#include "fakes/fake_platform.h"
#include "fakes/fake_process.h"
#include "kernel/process_internal.h"
#include "os/abi/syscall.h"
#include "os/board/capability.h"
#include "unit.h"

#define HZ 32768u
#define DRV DRIVER_NUM_ALARM

static struct kernel kernel;
static struct process procs[2];
static struct fake_memory mem[2];
static struct fake_alarm hw;
ALARM_MUX_COMPONENT_STORAGE(mux);
ALARM_COMPONENT_STORAGE(alarm);

static struct syscall_driver *lookup(uint32_t num)
{
    return num == DRV ? &alarm.driver : NULL;
}

static const struct kernel_resources res = {
    .driver_lookup = lookup, .fault_policy = KERNEL_FAULT_STOP, .timeslice_us = 10000};

/* Process i goes back to Yield-Wait, as an app does after its calls. */
static void wait(int i)
{
    uint32_t r[4];

    fake_syscall(&kernel, &procs[i], SYSCALL_YIELD, SYSCALL_YIELD_WAIT, 0, 0, 0, r);
}

/* A fresh kernel, alarm at tick start, both processes started and yielded. */
static void setup(ticks_t start)
{
    static bool mapped;
    uint32_t r[4];

    if (!mapped) {
        fake_memory_map(&mem[0]);
        fake_memory_map(&mem[1]);
        mapped = true;
    }
    fake_early_reset();
    fake_alarm_init(&hw, HZ, start);
    kernel_init(&kernel, (struct chip *)&kernel);
    kernel_setup_processes(&kernel, procs, 2, &res);
    ALARM_COMPONENT_FINALIZE(alarm, alarm_mux_component_finalize(&mux, &hw.alarm), &kernel,
                             board_cap_memory_alloc());
    kernel.processes_loaded = true;
    for (int i = 0; i < 2; i++) {
        struct process *p = &procs[i];

        fake_process_create(&kernel, p, &mem[i], 0x800);
        CHECK(scheduler_run_one(&kernel)); /* _start, then the fake yields */
        fake_syscall(&kernel, p, SYSCALL_MEMOP, SYSCALL_MEMOP_BRK, p->mem_start + 0x200, 0, 0, r);
        wait(i);
    }
}

/* Command cmd as process i; returns r0 (the variant), r1 in *v. */
static uint32_t command(int i, uint32_t cmd, uint32_t a0, uint32_t a1, uint32_t *v)
{
    uint32_t r[4];

    fake_syscall(&kernel, &procs[i], SYSCALL_COMMAND, DRV, cmd, a0, a1, r);
    wait(i);
    if (v != NULL) {
        *v = r[1];
    }
    return r[0];
}

/* Subscribe process i's upcall 0 to a function in its flash, userdata ud. */
static uint32_t subscribe(int i, uint32_t ud)
{
    uint32_t fn = procs[i].image.app_start + 0x21;
    uint32_t r[4];

    fake_syscall(&kernel, &procs[i], SYSCALL_SUBSCRIBE, DRV, 0, fn, ud, r);
    wait(i);
    CHECK_EQ(r[0], (uint32_t)SYSCALL_RET_SUCCESS_2U32);
    return fn;
}

/* Let the scheduler deliver one task to process i (waiting in Yield-Wait). */
static void deliver(int i)
{
    fake_upcall_fn = 0;
    kernel.default_rr.cursor = (uint32_t)i; /* round robin starts at i */
    CHECK(scheduler_run_one(&kernel));
    CHECK(fake_upcall_fn != 0);
}

static void stateless_commands(void)
{
    uint32_t v = 0;

    setup(777);
    CHECK_EQ(command(0, 0, 0, 0, NULL), (uint32_t)SYSCALL_RET_SUCCESS);
    CHECK_EQ(command(0, 1, 0, 0, &v), (uint32_t)SYSCALL_RET_SUCCESS_U32);
    CHECK_EQ(v, HZ);
    fake_alarm_advance(&hw, 23);
    CHECK_EQ(command(0, 2, 0, 0, &v), (uint32_t)SYSCALL_RET_SUCCESS_U32);
    CHECK_EQ(v, 800u);
    CHECK_EQ(command(0, 4, 1, 2, &v), (uint32_t)SYSCALL_RET_FAILURE);
    CHECK_EQ(v, (uint32_t)OS_ENOSUPPORT);
    CHECK_EQ(command(0, 7, 0, 0, &v), (uint32_t)SYSCALL_RET_FAILURE);
    CHECK_EQ(v, (uint32_t)OS_ENOSUPPORT);
    CHECK(!hw.armed);
}

static void stop_without_alarm_is_already(void)
{
    uint32_t v = 0;

    setup(0);
    CHECK_EQ(command(0, 3, 0, 0, &v), (uint32_t)SYSCALL_RET_FAILURE);
    CHECK_EQ(v, (uint32_t)OS_EALREADY);
}

static void relative_alarm_fires_once_with_now_and_expiration(void)
{
    struct process *p = &procs[0];
    uint32_t v = 0;
    uint32_t fn;

    setup(1000);
    fn = subscribe(0, 0x55);
    CHECK_EQ(command(0, 5, 100, 0, &v), (uint32_t)SYSCALL_RET_SUCCESS_U32);
    CHECK_EQ(v, 1100u);
    CHECK(hw.armed);
    CHECK_EQ(p->task_count, 0);
    fake_alarm_advance(&hw, 99);
    CHECK(!fake_alarm_fire(&hw));
    fake_alarm_advance(&hw, 5); /* fired a little late: now = 1104 */
    CHECK(fake_alarm_fire(&hw));
    CHECK(!hw.armed);
    CHECK_EQ(p->task_count, 1);
    deliver(0);
    CHECK_EQ(fake_upcall_fn, fn);
    CHECK_EQ(fake_upcall_args[0], 1104u); /* now at firing */
    CHECK_EQ(fake_upcall_args[1], 1100u); /* expiration = reference + dt */
    CHECK_EQ(fake_upcall_args[2], 0u);
    CHECK_EQ(fake_upcall_args[3], 0x55u);
    CHECK_EQ(command(0, 3, 0, 0, &v), (uint32_t)SYSCALL_RET_FAILURE); /* one-shot */
    CHECK_EQ(v, (uint32_t)OS_EALREADY);
    fake_alarm_advance(&hw, 100000);
    CHECK(!fake_alarm_fire(&hw));
    CHECK_EQ(p->task_count, 0);
}

static void absolute_alarm_in_the_past_fires_at_once_not_inside_the_command(void)
{
    struct process *p = &procs[0];
    uint32_t v = 0;

    setup(50000);
    (void)subscribe(0, 0);
    CHECK_EQ(command(0, 6, 40000, 10, &v), (uint32_t)SYSCALL_RET_SUCCESS_U32);
    CHECK_EQ(v, 40010u);
    CHECK_EQ(p->task_count, 0); /* nothing synchronous */
    CHECK(fake_alarm_fire(&hw));
    CHECK_EQ(p->task_count, 1);
    deliver(0);
    CHECK_EQ(fake_upcall_args[0], 50000u);
    CHECK_EQ(fake_upcall_args[1], 40010u);
    /* A reference in the future is outside [reference, reference + dt). */
    CHECK_EQ(command(0, 6, 60000, 10, &v), (uint32_t)SYSCALL_RET_SUCCESS_U32);
    CHECK_EQ(v, 60010u);
    CHECK(fake_alarm_fire(&hw));
    deliver(0);
    CHECK_EQ(fake_upcall_args[1], 60010u);
    /* dt = 0 is due immediately too. */
    CHECK_EQ(command(0, 5, 0, 0, &v), (uint32_t)SYSCALL_RET_SUCCESS_U32);
    CHECK_EQ(v, 50000u);
    CHECK(fake_alarm_fire(&hw));
    CHECK_EQ(p->task_count, 1);
}

static void stop_cancels_and_set_replaces(void)
{
    struct process *p = &procs[0];
    uint32_t v = 0;

    setup(0);
    (void)subscribe(0, 0);
    CHECK_EQ(command(0, 5, 100, 0, &v), (uint32_t)SYSCALL_RET_SUCCESS_U32);
    CHECK_EQ(command(0, 3, 0, 0, &v), (uint32_t)SYSCALL_RET_SUCCESS);
    CHECK(!hw.armed);
    fake_alarm_advance(&hw, 200);
    CHECK(!fake_alarm_fire(&hw));
    CHECK_EQ(p->task_count, 0);
    CHECK_EQ(command(0, 5, 100, 0, &v), (uint32_t)SYSCALL_RET_SUCCESS_U32);
    CHECK_EQ(command(0, 5, 500, 0, &v), (uint32_t)SYSCALL_RET_SUCCESS_U32);
    CHECK_EQ(v, 700u);
    fake_alarm_advance(&hw, 100);
    CHECK(!fake_alarm_fire(&hw));
    CHECK(fake_alarm_run_to_expiry(&hw));
    CHECK_EQ(p->task_count, 1);
    deliver(0);
    CHECK_EQ(fake_upcall_args[1], 700u);
    CHECK(!hw.armed);
}

static void two_processes_each_get_their_own_alarm(void)
{
    uint32_t v = 0;

    setup(0);
    (void)subscribe(0, 0);
    (void)subscribe(1, 0);
    CHECK_EQ(command(0, 5, 300, 0, &v), (uint32_t)SYSCALL_RET_SUCCESS_U32);
    CHECK_EQ(command(1, 5, 100, 0, &v), (uint32_t)SYSCALL_RET_SUCCESS_U32);
    CHECK_EQ(hw.reference + hw.dt, 100u); /* the earliest of the two */
    CHECK(fake_alarm_run_to_expiry(&hw));
    CHECK_EQ(procs[0].task_count, 0);
    CHECK_EQ(procs[1].task_count, 1);
    CHECK_EQ(hw.reference + hw.dt, 300u);
    CHECK_EQ(command(1, 3, 0, 0, &v), (uint32_t)SYSCALL_RET_FAILURE); /* spent */
    CHECK_EQ(command(0, 3, 0, 0, &v), (uint32_t)SYSCALL_RET_SUCCESS); /* still armed */
    CHECK(!hw.armed);
    CHECK_EQ(command(0, 5, 50, 0, &v), (uint32_t)SYSCALL_RET_SUCCESS_U32);
    CHECK_EQ(command(1, 5, 50, 0, &v), (uint32_t)SYSCALL_RET_SUCCESS_U32);
    CHECK(fake_alarm_run_to_expiry(&hw)); /* both due at once: one pass */
    CHECK_EQ(procs[0].task_count, 1);
    CHECK_EQ(procs[1].task_count, 2);
}

static void expirations_wrap_around(void)
{
    uint32_t v = 0;

    setup(0xFFFFFF00u);
    (void)subscribe(0, 0);
    (void)subscribe(1, 0);
    CHECK_EQ(command(0, 6, 0xFFFFFF00u, 0x200, &v), (uint32_t)SYSCALL_RET_SUCCESS_U32);
    CHECK_EQ(v, 0x100u);
    CHECK_EQ(command(1, 5, 0x80, 0, &v), (uint32_t)SYSCALL_RET_SUCCESS_U32);
    CHECK_EQ(v, 0xFFFFFF80u);
    CHECK_EQ(hw.reference + hw.dt, 0xFFFFFF80u); /* not the numerically smaller 0x100 */
    CHECK(fake_alarm_run_to_expiry(&hw));
    CHECK_EQ(procs[1].task_count, 1);
    CHECK_EQ(procs[0].task_count, 0);
    CHECK(fake_alarm_run_to_expiry(&hw));
    CHECK_EQ(procs[0].task_count, 1);
    deliver(0);
    CHECK_EQ(fake_upcall_args[0], 0x100u);
    CHECK_EQ(fake_upcall_args[1], 0x100u);
}

static void null_upcall_event_wakes_yield_wait_for(void)
{
    uint32_t v = 0;
    uint32_t r[4];

    setup(10);
    CHECK_EQ(command(0, 5, 20, 0, &v), (uint32_t)SYSCALL_RET_SUCCESS_U32);
    fake_syscall(&kernel, &procs[0], SYSCALL_YIELD, SYSCALL_YIELD_WAIT_FOR, DRV, 0, 0, r);
    CHECK(fake_alarm_run_to_expiry(&hw));
    fake_upcall_fn = 0;
    CHECK(scheduler_run_one(&kernel));
    CHECK_EQ(fake_upcall_fn, 0u);
    CHECK_EQ(fake_entry_regs[0], 30u);
    CHECK_EQ(fake_entry_regs[1], 30u);
    CHECK_EQ(fake_entry_regs[2], 0u);
}

static void restart_forgets_the_alarm(void)
{
    uint32_t v = 0;
    uint32_t r[4];

    setup(0);
    (void)subscribe(0, 0);
    CHECK_EQ(command(0, 5, 100, 0, &v), (uint32_t)SYSCALL_RET_SUCCESS_U32);
    fake_syscall(&kernel, &procs[0], SYSCALL_EXIT, SYSCALL_EXIT_RESTART, 0, 0, 0, r);
    CHECK(fake_alarm_run_to_expiry(&hw)); /* the stale expiry fires nobody */
    CHECK(!hw.armed);
    CHECK_EQ(procs[0].task_count, 1); /* only the new incarnation's _start */
    CHECK_EQ(command(0, 3, 0, 0, &v), (uint32_t)SYSCALL_RET_FAILURE);
    CHECK_EQ(v, (uint32_t)OS_EALREADY);
}

static void no_grant_room_is_nomem(void)
{
    struct process *p = &procs[0];
    uint32_t v = 0;
    uint32_t r[4];

    setup(0);
    fake_syscall(&kernel, p, SYSCALL_MEMOP, SYSCALL_MEMOP_BRK, p->kernel_break, 0, 0, r);
    CHECK_EQ(r[0], (uint32_t)SYSCALL_RET_SUCCESS);
    CHECK_EQ(command(0, 5, 10, 0, &v), (uint32_t)SYSCALL_RET_FAILURE);
    CHECK_EQ(v, (uint32_t)OS_ENOMEM);
    CHECK_EQ(command(0, 3, 0, 0, &v), (uint32_t)SYSCALL_RET_FAILURE);
    CHECK_EQ(v, (uint32_t)OS_ENOMEM);
    CHECK_EQ(command(0, 2, 0, 0, &v), (uint32_t)SYSCALL_RET_SUCCESS_U32); /* stateless */
    CHECK(!hw.armed);
}

int main(void)
{
    static const struct unit_case cases[] = {
        UNIT_CASE(stateless_commands),
        UNIT_CASE(stop_without_alarm_is_already),
        UNIT_CASE(relative_alarm_fires_once_with_now_and_expiration),
        UNIT_CASE(absolute_alarm_in_the_past_fires_at_once_not_inside_the_command),
        UNIT_CASE(stop_cancels_and_set_replaces),
        UNIT_CASE(two_processes_each_get_their_own_alarm),
        UNIT_CASE(expirations_wrap_around),
        UNIT_CASE(null_upcall_event_wakes_yield_wait_for),
        UNIT_CASE(restart_forgets_the_alarm),
        UNIT_CASE(no_grant_room_is_nomem),
    };

    return unit_run("alarm_driver", cases, ARRAY_SIZE(cases));
}
