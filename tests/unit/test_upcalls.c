/* SPDX-License-Identifier: Apache-2.0 */
/* Upcalls, yields, grants and exit on the host, against the real kernel. */
#include <string.h>

#include "fakes/fake_platform.h"
#include "fakes/fake_process.h"
#include "kernel/panic_state.h"
#include "kernel/process_internal.h"
#include "os/abi/syscall.h"
#include "os/board/capability.h"
#include "os/grant.h"
#include "os/process_info.h"
#include "unit.h"

#define DRV 0x1u

static struct kernel kernel;
static struct process procs[2];
static struct fake_memory mem;
static struct grant *grant;
static struct grant *big_grant;
static struct syscall_driver drv;

static void noop(void *data, struct grant_kernel *kg, void *ctx)
{
    (void)data;
    (void)kg;
    (void)ctx;
}

static struct command_ret drv_command(struct syscall_driver *d, uint32_t cmd, uint32_t a0,
                                      uint32_t a1, process_id_t pid)
{
    (void)d, (void)cmd, (void)a0, (void)a1, (void)pid;
    return command_success();
}

static const struct syscall_driver_ops ops = {.command = drv_command};

static struct syscall_driver *lookup(uint32_t num)
{
    return num == DRV ? &drv : NULL;
}

static struct kernel_resources res = {
    .driver_lookup = lookup, .fault_policy = KERNEL_FAULT_STOP, .timeslice_us = 10000};

/* Scheduling a driver event for the process. */
struct event {
    uint32_t sub;
    uint32_t arg;
    os_err_t result;
};

static void fire(void *data, struct grant_kernel *kg, void *ctx)
{
    struct event *e = ctx;

    (void)data;
    e->result = grant_schedule_upcall(kg, e->sub, e->arg, e->arg + 1, e->arg + 2);
}

static os_err_t event(struct process *p, uint32_t sub, uint32_t arg)
{
    struct event e = {.sub = sub, .arg = arg, .result = OS_EFAIL};
    os_err_t err = grant_enter(grant, p->id, fire, &e);

    return err != OS_OK ? err : e.result;
}

static struct process *setup(uint32_t ram)
{
    static bool mapped;
    struct process *p = &procs[0];
    uint32_t r[4];

    if (!mapped) {
        fake_memory_map(&mem);
        mapped = true;
    }
    fake_early_reset();
    kernel_init(&kernel, (struct chip *)&kernel);
    kernel_setup_processes(&kernel, procs, 2, &res);
    grant = kernel_create_grant(&kernel, DRV, 8, 3, 1, 1, board_cap_memory_alloc());
    big_grant = kernel_create_grant(&kernel, 0x2, 0x2000, 0, 0, 0, board_cap_memory_alloc());
    drv.ops = &ops;
    kernel.processes_loaded = true;
    fake_process_create(&kernel, p, &mem, ram);
    /* Deliver _start, as the scheduler does, then the process yields. */
    CHECK(scheduler_run_one(&kernel));
    fake_syscall(&kernel, p, SYSCALL_MEMOP, SYSCALL_MEMOP_BRK, p->mem_start + 0x200, 0, 0, r);
    return p;
}

static void start_is_the_first_upcall(void)
{
    struct process *p = setup(0x800);

    CHECK_EQ(fake_upcall_fn, p->image.entry);
    CHECK_EQ(fake_upcall_args[0], p->image.app_start);
    CHECK_EQ(fake_upcall_args[1], p->mem_start);
    CHECK_EQ(fake_upcall_args[2], p->mem_end - p->mem_start);
    CHECK_EQ(fake_upcall_args[3], p->mem_start); /* initial break (arch minimum 0) */
    CHECK_EQ(p->stats.upcalls_delivered, 1u);
}

static void wait_for_takes_the_matching_event_without_a_call(void)
{
    struct process *p = setup(0x800);
    uint32_t r[4];

    CHECK_EQ(event(p, 2, 100), OS_OK); /* null upcall: a ReturnValue task */
    CHECK_EQ(event(p, 1, 200), OS_OK);
    fake_syscall(&kernel, p, SYSCALL_YIELD, SYSCALL_YIELD_WAIT_FOR, DRV, 1, 0, r);
    CHECK_EQ(p->state, PROCESS_YIELDED_FOR);
    fake_upcall_fn = 0;
    CHECK(scheduler_run_one(&kernel));
    CHECK_EQ(fake_upcall_fn, 0u);       /* nothing was called */
    CHECK_EQ(fake_entry_regs[0], 200u); /* the event's arguments in r0..r2 */
    CHECK_EQ(fake_entry_regs[1], 201u);
    CHECK_EQ(fake_entry_regs[2], 202u);
    CHECK_EQ(p->task_count, 1); /* the other event stays queued */
    CHECK(process_task_has_matching(p, DRV, 2));
}

static void no_wait_reports_and_delivers_function_calls_only(void)
{
    struct process *p = setup(0x800);
    uint32_t flag = p->mem_start + 0x10;
    uint32_t fn = p->image.app_start + 0x21;
    uint32_t r[4];

    *(volatile uint8_t *)(uintptr_t)flag = 7;
    fake_syscall(&kernel, p, SYSCALL_YIELD, SYSCALL_YIELD_NO_WAIT, flag, 0, 0, r);
    CHECK_EQ(*(volatile uint8_t *)(uintptr_t)flag, 0);
    CHECK_EQ(p->state, PROCESS_RUNNING);
    CHECK_EQ(event(p, 0, 5), OS_OK); /* a ReturnValue: does not count */
    fake_syscall(&kernel, p, SYSCALL_YIELD, SYSCALL_YIELD_NO_WAIT, flag, 0, 0, r);
    CHECK_EQ(*(volatile uint8_t *)(uintptr_t)flag, 0);
    fake_syscall(&kernel, p, SYSCALL_SUBSCRIBE, DRV, 1, fn, 0x77, r);
    CHECK_EQ(event(p, 1, 9), OS_OK);
    fake_syscall(&kernel, p, SYSCALL_YIELD, SYSCALL_YIELD_NO_WAIT, flag, 0, 0, r);
    CHECK_EQ(*(volatile uint8_t *)(uintptr_t)flag, 1);
    CHECK_EQ(fake_upcall_fn, fn);
    CHECK_EQ(fake_upcall_args[0], 9u);
    CHECK_EQ(fake_upcall_args[3], 0x77u);
    /* A flag pointer outside its RAM is ignored, not an error. */
    fake_syscall(&kernel, p, SYSCALL_YIELD, SYSCALL_YIELD_NO_WAIT, 0x10, 0, 0, r);
    CHECK(!fake_process_faults);
}

static void subscribe_cancels_queued_calls_but_not_events(void)
{
    struct process *p = setup(0x800);
    uint32_t fn = p->image.app_start + 0x21;
    uint32_t r[4];

    fake_syscall(&kernel, p, SYSCALL_SUBSCRIBE, DRV, 1, fn, 0, r);
    CHECK_EQ(event(p, 1, 1), OS_OK); /* FunctionCall */
    CHECK_EQ(event(p, 2, 2), OS_OK); /* ReturnValue (slot 2 unsubscribed) */
    fake_syscall(&kernel, p, SYSCALL_SUBSCRIBE, DRV, 1, 0, 0, r);
    CHECK_EQ(p->task_count, 1);
    CHECK(process_task_has_matching(p, DRV, 2));
}

static void queue_holds_nine_then_drops_and_counts(void)
{
    struct process *p = setup(0x800);

    for (int i = 0; i < 9; i++) {
        CHECK_EQ(event(p, 0, (uint32_t)i), OS_OK);
    }
    CHECK_EQ(event(p, 0, 99), OS_ENOMEM);
    CHECK_EQ(p->stats.upcalls_dropped, 1u);
    CHECK_EQ(event(p, 3, 0), OS_EINVAL); /* no such subscribe slot */
}

static void grant_without_room_is_nomem_and_exit_frees_grants(void)
{
    struct process *p = setup(0x400);
    process_id_t old = p->id;
    uint32_t top = p->kernel_break;
    uint32_t r[4];

    CHECK_EQ(grant_enter(big_grant, p->id, noop, NULL), OS_ENOMEM);
    CHECK_EQ(grant_enter(grant, p->id, noop, NULL), OS_OK);
    CHECK(p->kernel_break < top);
    fake_syscall(&kernel, p, SYSCALL_EXIT, 7, 0, 0, 0, r); /* bad variant */
    CHECK_EQ(r[0], (uint32_t)SYSCALL_RET_FAILURE);
    CHECK_EQ(r[1], (uint32_t)OS_ENOSUPPORT);
    fake_syscall(&kernel, p, SYSCALL_EXIT, SYSCALL_EXIT_RESTART, 3, 0, 0, r);
    CHECK(p->id != old);
    CHECK_EQ(p->kernel_break, top);
    CHECK_EQ(p->stats.restarts, 1u);
    CHECK_EQ(grant_enter(grant, old, noop, NULL), OS_EINVAL); /* old incarnation */
    fake_syscall(&kernel, p, SYSCALL_EXIT, SYSCALL_EXIT_TERMINATE, 5, 0, 0, r);
    CHECK_EQ(p->state, PROCESS_TERMINATED);
    CHECK_EQ(p->completion_code, 5u);
    CHECK(!scheduler_run_one(&kernel));
}

static void bad_class_faults_the_process(void)
{
    struct process *p = setup(0x800);
    uint32_t r[4];

    fake_syscall(&kernel, p, 9, 0, 0, 0, 0, r);
    CHECK(fake_process_faults);
    CHECK_EQ(p->state, PROCESS_FAULTED);
    CHECK(strstr(fake_early_output, "process 'fake' faulted: invalid system call class") != NULL);
    CHECK_EQ(event(p, 0, 0), OS_EINVAL);
}

/* Fault p (an invalid syscall class) and return its state afterwards. */
static enum process_state fault_once(struct process *p)
{
    uint32_t r[4];

    fake_syscall(&kernel, p, 9, 0, 0, 0, 0, r);
    return p->state;
}

static void restart_policy_always_restarts(void)
{
    struct process *p;

    res.fault_policy = KERNEL_FAULT_RESTART;
    p = setup(0x800);
    for (int i = 0; i < 5; i++) {
        CHECK_EQ(fault_once(p), PROCESS_YIELDED); /* restarted: _start queued again */
    }
    CHECK_EQ(p->stats.restarts, 5u);
    CHECK_EQ(p->stats.faults, 5u);
    res.fault_policy = KERNEL_FAULT_STOP;
}

static void limited_policy_stops_after_max_restarts(void)
{
    struct process *p;

    res.fault_policy = KERNEL_FAULT_RESTART_LIMITED;
    res.max_restarts = 2;
    p = setup(0x800);
    CHECK_EQ(fault_once(p), PROCESS_YIELDED);
    CHECK_EQ(fault_once(p), PROCESS_YIELDED);
    CHECK_EQ(fault_once(p), PROCESS_FAULTED);
    CHECK(strstr(fake_early_output, "'fake' stopped after 2 restarts") != NULL);
    res.fault_policy = KERNEL_FAULT_STOP;
}

static void fault_in_panic_policy(void)
{
    (void)fault_once(&procs[0]);
}

static void panic_policy_panics_the_kernel(void)
{
    res.fault_policy = KERNEL_FAULT_PANIC;
    (void)setup(0x800);
    panic_reset_for_test();
    CHECK_EQ(fake_run_expect_halt(fault_in_panic_policy), 1);
    CHECK(strstr(fake_early_output, "KERNEL PANIC: process 'fake' faulted (fault policy: panic)") !=
          NULL);
    res.fault_policy = KERNEL_FAULT_STOP;
}

static void management_needs_the_capability_and_valid_states(void)
{
    struct process *p = setup(0x800);
    const struct cap_process_mgmt *cap = board_cap_process_mgmt();
    struct process_info info;
    process_id_t id = p->id;

    CHECK_EQ(process_info_count(), 1u);
    CHECK(process_info_by_id(id, &info));
    CHECK_EQ(info.slot, 0u);
    CHECK(info.name_len == 4 && memcmp(info.name, "fake", 4) == 0);
    CHECK(!process_info_by_id(id + 100, &info));
    CHECK_EQ(process_info_control(id, PROCESS_INFO_STOP, (const struct cap_process_mgmt *)&info),
             OS_ENOSUPPORT);
    CHECK_EQ(process_info_control(id, PROCESS_INFO_RESUME, cap), OS_EINVAL); /* not stopped */
    CHECK_EQ(process_info_control(id, PROCESS_INFO_STOP, cap), OS_OK);
    CHECK_EQ(p->state, PROCESS_STOPPED);
    CHECK_EQ(event(p, 0, 1), OS_OK); /* tasks still queue while stopped */
    CHECK(!scheduler_run_one(&kernel));
    CHECK_EQ(process_info_control(id, PROCESS_INFO_RESUME, cap), OS_OK);
    CHECK_EQ(p->state, PROCESS_RUNNING);
    CHECK_EQ(process_info_control(id, PROCESS_INFO_BOOT, cap), OS_EINVAL); /* still alive */
    CHECK_EQ(process_info_control(id, PROCESS_INFO_TERMINATE, cap), OS_OK);
    CHECK_EQ(p->state, PROCESS_TERMINATED);
    CHECK_EQ(process_info_control(id, PROCESS_INFO_BOOT, cap), OS_OK);
    CHECK_EQ(p->state, PROCESS_YIELDED);
    CHECK(p->id != id);
    CHECK_EQ(process_info_control(p->id, 9, cap), OS_EINVAL);
}

int main(void)
{
    static const struct unit_case cases[] = {
        UNIT_CASE(start_is_the_first_upcall),
        UNIT_CASE(wait_for_takes_the_matching_event_without_a_call),
        UNIT_CASE(no_wait_reports_and_delivers_function_calls_only),
        UNIT_CASE(subscribe_cancels_queued_calls_but_not_events),
        UNIT_CASE(queue_holds_nine_then_drops_and_counts),
        UNIT_CASE(grant_without_room_is_nomem_and_exit_frees_grants),
        UNIT_CASE(bad_class_faults_the_process),
        UNIT_CASE(restart_policy_always_restarts),
        UNIT_CASE(limited_policy_stops_after_max_restarts),
        UNIT_CASE(panic_policy_panics_the_kernel),
        UNIT_CASE(management_needs_the_capability_and_valid_states),
    };

    return unit_run("upcall", cases, ARRAY_SIZE(cases));
}
