/* SPDX-License-Identifier: Apache-2.0 */
/* LED (2), button (3) and GPIO (4) drivers through the real kernel.
 *
 * Two fake processes issue system calls into the real kernel code; the
 * capsules are wired as boards wire them (components/{led,button,gpio}.c)
 * over fake pins. The test drives pin levels by hand, which is the only
 * way an edge reaches a capsule, so "no upcall from inside a command" is
 * checked by looking at the task queue right after each command.
 */
#include "components/button.h"
#include "components/gpio.h"
#include "components/led.h"
#include "fakes/fake_gpio.h"
#include "fakes/fake_platform.h"
#include "fakes/fake_process.h"
#include "kernel/process_internal.h"
#include "os/abi/syscall.h"
#include "os/board/capability.h"
#include "unit.h"

#define FAIL SYSCALL_RET_FAILURE
#define OK SYSCALL_RET_SUCCESS
#define OK_U32 SYSCALL_RET_SUCCESS_U32

static struct kernel kernel;
static struct process procs[2];
static struct fake_memory mem[2];
static struct fake_gpio_pin led_hw[3], button_hw[2], gpio_hw[3];
static struct hil_gpio_pin *led_pins[3], *button_pins[2], *gpio_pins[4];
LED_COMPONENT_STORAGE(led);
BUTTON_COMPONENT_STORAGE(button);
GPIO_COMPONENT_STORAGE(gpio);

static struct syscall_driver *lookup(uint32_t num)
{
    switch (num) {
    case DRIVER_NUM_LED:
        return &led.driver;
    case DRIVER_NUM_BUTTON:
        return &button.driver;
    case DRIVER_NUM_GPIO:
        return &gpio.driver;
    default:
        return NULL;
    }
}

static const struct kernel_resources res = {
    .driver_lookup = lookup, .fault_policy = KERNEL_FAULT_STOP, .timeslice_us = 10000};

/* Pins: 3 LEDs (outputs), 2 buttons (inputs; button 1 cannot interrupt),
 * GPIO pins 0 (full), 1 (input only), 2 a hole, 3 (output only). */
static void make_pins(void)
{
    for (int i = 0; i < 3; i++) {
        fake_gpio_init(&led_hw[i], true, false, false);
        led_pins[i] = &led_hw[i].pin;
    }
    fake_gpio_init(&button_hw[0], false, true, true);
    fake_gpio_init(&button_hw[1], false, true, false);
    button_pins[0] = &button_hw[0].pin;
    button_pins[1] = &button_hw[1].pin;
    fake_gpio_init(&gpio_hw[0], true, true, true);
    fake_gpio_init(&gpio_hw[1], false, true, true);
    fake_gpio_init(&gpio_hw[2], true, false, false);
    gpio_pins[0] = &gpio_hw[0].pin;
    gpio_pins[1] = &gpio_hw[1].pin;
    gpio_pins[2] = NULL;
    gpio_pins[3] = &gpio_hw[2].pin;
}

/* A fresh kernel with the three drivers (num_leds LEDs), both processes
 * started and yielded. */
static void setup_with(size_t num_leds)
{
    static bool mapped;
    const struct cap_memory_alloc *cap = board_cap_memory_alloc();
    uint32_t r[4];

    if (!mapped) {
        fake_memory_map(&mem[0]);
        fake_memory_map(&mem[1]);
        mapped = true;
    }
    fake_early_reset();
    make_pins();
    kernel_init(&kernel, (struct chip *)&kernel);
    kernel_setup_processes(&kernel, procs, 2, &res);
    led_component_finalize(&led, num_leds == 0 ? NULL : led_pins, num_leds);
    button_component_finalize(&button, button_pins, 2, &kernel, cap);
    gpio_component_finalize(&gpio, gpio_pins, 4, &kernel, cap);
    kernel.processes_loaded = true;
    for (int i = 0; i < 2; i++) {
        struct process *p = &procs[i];

        fake_process_create(&kernel, p, &mem[i], 0x800);
        CHECK(scheduler_run_one(&kernel));
        fake_syscall(&kernel, p, SYSCALL_MEMOP, SYSCALL_MEMOP_BRK, p->mem_start + 0x200, 0, 0, r);
    }
}

static void setup(void)
{
    setup_with(3);
}

/* Command cmd of driver drv as process i; returns the variant, r1 in *v. */
static uint32_t command(int i, uint32_t drv, uint32_t cmd, uint32_t a0, uint32_t a1, uint32_t *v)
{
    uint32_t r[4];

    fake_syscall(&kernel, &procs[i], SYSCALL_COMMAND, drv, cmd, a0, a1, r);
    if (v != NULL) {
        *v = r[1];
    }
    return r[0];
}

/* Expect Failure(err) from a command. */
static bool fails(int i, uint32_t drv, uint32_t cmd, uint32_t a0, uint32_t a1, os_err_t err)
{
    uint32_t v = 0;
    bool ok = command(i, drv, cmd, a0, a1, &v) == FAIL && v == (uint32_t)err;

    return CHECK(ok);
}

/* Subscribe slot num of drv as process i; returns the variant, r1 in *v. */
static uint32_t subscribe(int i, uint32_t drv, uint32_t num, uint32_t *v)
{
    uint32_t fn = procs[i].image.app_start + 0x21;
    uint32_t r[4];

    fake_syscall(&kernel, &procs[i], SYSCALL_SUBSCRIBE, drv, num, fn, 0x10u + (uint32_t)i, r);
    *v = r[1];
    return r[0];
}

/* Let the scheduler run until process i got one upcall (its userdata is
 * 0x10 + i); upcall args in fake_upcall_args. Other processes that are
 * running or have tasks may run first, round robin. */
static void deliver(int i)
{
    uint32_t r[4];

    fake_upcall_fn = 0;
    fake_upcall_args[3] = 0;
    for (int j = 0; j < 2; j++) {
        if (procs[j].state == PROCESS_RUNNING) {
            fake_syscall(&kernel, &procs[j], SYSCALL_YIELD, SYSCALL_YIELD_WAIT, 0, 0, 0, r);
        }
    }
    for (int n = 0; n < 4 && fake_upcall_args[3] != 0x10u + (uint32_t)i; n++) {
        fake_upcall_args[3] = 0;
        CHECK(scheduler_run_one(&kernel));
    }
    CHECK_EQ(fake_upcall_args[3], 0x10u + (uint32_t)i);
}

static void led_commands(void)
{
    uint32_t v = 0;

    setup();
    CHECK(led_hw[0].is_output && led_hw[2].is_output && !led_hw[1].level);
    CHECK_EQ(command(0, DRIVER_NUM_LED, 0, 0, 0, &v), (uint32_t)OK_U32);
    CHECK_EQ(v, 3u);
    CHECK_EQ(command(0, DRIVER_NUM_LED, 1, 1, 0, NULL), (uint32_t)OK);
    CHECK(led_hw[1].level && !led_hw[0].level);
    CHECK_EQ(command(1, DRIVER_NUM_LED, 4, 1, 0, &v), (uint32_t)OK_U32);
    CHECK_EQ(v, 1u);
    CHECK_EQ(command(0, DRIVER_NUM_LED, 2, 1, 0, NULL), (uint32_t)OK);
    CHECK(!led_hw[1].level);
    CHECK_EQ(command(0, DRIVER_NUM_LED, 3, 2, 0, NULL), (uint32_t)OK);
    CHECK(led_hw[2].level);
    CHECK_EQ(command(0, DRIVER_NUM_LED, 4, 2, 0, &v), (uint32_t)OK_U32);
    CHECK_EQ(v, 1u);
    CHECK_EQ(command(0, DRIVER_NUM_LED, 3, 2, 0, NULL), (uint32_t)OK);
    CHECK_EQ(command(0, DRIVER_NUM_LED, 4, 2, 0, &v), (uint32_t)OK_U32);
    CHECK_EQ(v, 0u);
    for (uint32_t cmd = 1; cmd <= 4; cmd++) {
        fails(0, DRIVER_NUM_LED, cmd, 3, 0, OS_EINVAL);
        fails(0, DRIVER_NUM_LED, cmd, 0xFFFFFFFFu, 0, OS_EINVAL);
    }
    fails(0, DRIVER_NUM_LED, 5, 0, 0, OS_ENOSUPPORT);
}

static void led_has_no_grant_and_no_leds_is_count_zero(void)
{
    uint32_t v = 0;
    uint32_t r[4];

    setup();
    CHECK_EQ(subscribe(0, DRIVER_NUM_LED, 0, &v), (uint32_t)SYSCALL_RET_FAILURE_2U32);
    CHECK_EQ(v, (uint32_t)OS_ENOMEM);
    fake_syscall(&kernel, &procs[0], SYSCALL_ALLOW_RO, DRIVER_NUM_LED, 0, 0, 0, r);
    CHECK_EQ(r[0], (uint32_t)SYSCALL_RET_FAILURE_2U32);
    CHECK_EQ(r[1], (uint32_t)OS_ENOMEM);
    setup_with(0);
    CHECK_EQ(command(0, DRIVER_NUM_LED, 0, 0, 0, &v), (uint32_t)OK_U32);
    CHECK_EQ(v, 0u);
    fails(0, DRIVER_NUM_LED, 1, 0, 0, OS_EINVAL);
    fails(0, DRIVER_NUM_LED, 4, 0, 0, OS_EINVAL);
}

static void button_read_count_and_errors(void)
{
    uint32_t v = 0;

    setup();
    CHECK(!button_hw[0].is_output && button_hw[0].pull == HIL_GPIO_PULL_NONE);
    CHECK_EQ(command(0, DRIVER_NUM_BUTTON, 0, 0, 0, &v), (uint32_t)OK_U32);
    CHECK_EQ(v, 2u);
    button_hw[1].level = true;
    CHECK_EQ(command(0, DRIVER_NUM_BUTTON, 3, 1, 0, &v), (uint32_t)OK_U32);
    CHECK_EQ(v, 1u);
    CHECK_EQ(command(0, DRIVER_NUM_BUTTON, 3, 0, 0, &v), (uint32_t)OK_U32);
    CHECK_EQ(v, 0u);
    for (uint32_t cmd = 1; cmd <= 3; cmd++) {
        fails(0, DRIVER_NUM_BUTTON, cmd, 2, 0, OS_EINVAL);
    }
    fails(0, DRIVER_NUM_BUTTON, 4, 0, 0, OS_ENOSUPPORT);
    /* Button 1's pin has no interrupt: reported, nothing emulated. */
    fails(0, DRIVER_NUM_BUTTON, 1, 1, 0, OS_ENOSUPPORT);
    CHECK(!button_hw[1].irq_enabled);
    CHECK_EQ(subscribe(0, DRIVER_NUM_BUTTON, 1, &v), (uint32_t)SYSCALL_RET_FAILURE_2U32);
    CHECK_EQ(v, (uint32_t)OS_ENOSUPPORT);
}

static void button_events_reach_only_enabled_processes(void)
{
    uint32_t v = 0;

    setup();
    CHECK_EQ(subscribe(0, DRIVER_NUM_BUTTON, 0, &v), (uint32_t)SYSCALL_RET_SUCCESS_2U32);
    CHECK_EQ(subscribe(1, DRIVER_NUM_BUTTON, 0, &v), (uint32_t)SYSCALL_RET_SUCCESS_2U32);
    CHECK_EQ(command(0, DRIVER_NUM_BUTTON, 1, 0, 0, NULL), (uint32_t)OK);
    CHECK(button_hw[0].irq_enabled && button_hw[0].edge == HIL_GPIO_EDGE_BOTH);
    CHECK_EQ(procs[0].task_count, 0); /* nothing synchronous */
    CHECK(fake_gpio_drive(&button_hw[0], true));
    CHECK_EQ(procs[0].task_count, 1);
    CHECK_EQ(procs[1].task_count, 0);
    deliver(0);
    CHECK_EQ(fake_upcall_args[0], 0u); /* button index */
    CHECK_EQ(fake_upcall_args[1], 1u); /* pressed */
    CHECK_EQ(fake_upcall_args[2], 0u);
    CHECK_EQ(fake_upcall_args[3], 0x10u);
    CHECK(fake_gpio_drive(&button_hw[0], false));
    deliver(0);
    CHECK_EQ(fake_upcall_args[1], 0u); /* released */
}

static void button_interrupt_stays_on_while_any_process_wants_it(void)
{
    setup();
    CHECK_EQ(command(0, DRIVER_NUM_BUTTON, 1, 0, 0, NULL), (uint32_t)OK);
    CHECK_EQ(command(1, DRIVER_NUM_BUTTON, 1, 0, 0, NULL), (uint32_t)OK);
    CHECK_EQ(command(0, DRIVER_NUM_BUTTON, 2, 0, 0, NULL), (uint32_t)OK);
    CHECK(button_hw[0].irq_enabled);
    CHECK(fake_gpio_drive(&button_hw[0], true));
    CHECK_EQ(procs[0].task_count, 0);
    CHECK_EQ(procs[1].task_count, 1);
    CHECK_EQ(command(1, DRIVER_NUM_BUTTON, 2, 0, 0, NULL), (uint32_t)OK);
    CHECK(!button_hw[0].irq_enabled);
    CHECK(!fake_gpio_drive(&button_hw[0], false));
    /* Disabling what was never enabled is fine. */
    CHECK_EQ(command(0, DRIVER_NUM_BUTTON, 2, 1, 0, NULL), (uint32_t)OK);
}

static void gpio_pin_commands_and_errors(void)
{
    uint32_t v = 0;

    setup();
    CHECK_EQ(command(0, DRIVER_NUM_GPIO, 0, 0, 0, NULL), (uint32_t)OK);
    CHECK_EQ(command(0, DRIVER_NUM_GPIO, 10, 0, 0, &v), (uint32_t)OK_U32);
    CHECK_EQ(v, 4u);
    CHECK_EQ(command(0, DRIVER_NUM_GPIO, 1, 0, 0, NULL), (uint32_t)OK);
    CHECK(gpio_hw[0].is_output);
    CHECK_EQ(command(0, DRIVER_NUM_GPIO, 2, 0, 0, NULL), (uint32_t)OK);
    CHECK_EQ(command(0, DRIVER_NUM_GPIO, 6, 0, 0, &v), (uint32_t)OK_U32);
    CHECK_EQ(v, 1u);
    CHECK_EQ(command(0, DRIVER_NUM_GPIO, 3, 0, 0, NULL), (uint32_t)OK);
    CHECK(!gpio_hw[0].level);
    CHECK_EQ(command(0, DRIVER_NUM_GPIO, 4, 0, 0, NULL), (uint32_t)OK);
    CHECK(gpio_hw[0].level);
    CHECK_EQ(command(0, DRIVER_NUM_GPIO, 5, 0, 1, NULL), (uint32_t)OK);
    CHECK(!gpio_hw[0].is_output && gpio_hw[0].pull == HIL_GPIO_PULL_UP);
    CHECK_EQ(command(0, DRIVER_NUM_GPIO, 5, 0, 2, NULL), (uint32_t)OK);
    CHECK_EQ(gpio_hw[0].pull, HIL_GPIO_PULL_DOWN);
    CHECK_EQ(command(0, DRIVER_NUM_GPIO, 5, 0, 0, NULL), (uint32_t)OK);
    CHECK_EQ(gpio_hw[0].pull, HIL_GPIO_PULL_NONE);
    fails(0, DRIVER_NUM_GPIO, 5, 0, 3, OS_ENOSUPPORT);
    fails(0, DRIVER_NUM_GPIO, 7, 0, 3, OS_ENOSUPPORT);
    CHECK_EQ(command(0, DRIVER_NUM_GPIO, 9, 0, 0, NULL), (uint32_t)OK);
    CHECK(gpio_hw[0].deactivated);
    for (uint32_t cmd = 1; cmd <= 9; cmd++) {
        fails(0, DRIVER_NUM_GPIO, cmd, 4, 0, OS_EINVAL);
        fails(0, DRIVER_NUM_GPIO, cmd, 2, 0, OS_ENODEVICE); /* the hole */
    }
    fails(0, DRIVER_NUM_GPIO, 11, 0, 0, OS_ENOSUPPORT);
    /* What a fixed-function pin cannot do comes back from the pin. */
    fails(0, DRIVER_NUM_GPIO, 1, 1, 0, OS_ENOSUPPORT);
    fails(0, DRIVER_NUM_GPIO, 2, 1, 0, OS_ENOSUPPORT);
    fails(0, DRIVER_NUM_GPIO, 5, 3, 0, OS_ENOSUPPORT);
    fails(0, DRIVER_NUM_GPIO, 7, 3, 0, OS_ENOSUPPORT);
}

static void gpio_edges_reach_every_grant_holder(void)
{
    uint32_t v = 0;

    setup();
    CHECK_EQ(subscribe(0, DRIVER_NUM_GPIO, 0, &v), (uint32_t)SYSCALL_RET_SUCCESS_2U32);
    CHECK_EQ(subscribe(1, DRIVER_NUM_GPIO, 0, &v), (uint32_t)SYSCALL_RET_SUCCESS_2U32);
    CHECK_EQ(command(0, DRIVER_NUM_GPIO, 5, 1, 0, NULL), (uint32_t)OK);
    CHECK_EQ(command(0, DRIVER_NUM_GPIO, 7, 1, 1, NULL), (uint32_t)OK); /* rising */
    CHECK(gpio_hw[1].irq_enabled && gpio_hw[1].edge == HIL_GPIO_EDGE_RISING);
    CHECK_EQ(procs[0].task_count, 0);
    CHECK(fake_gpio_drive(&gpio_hw[1], true));
    CHECK_EQ(procs[0].task_count, 1);
    CHECK_EQ(procs[1].task_count, 1); /* subscribed: it has the grant too */
    deliver(1);
    CHECK_EQ(fake_upcall_args[0], 1u); /* pin */
    CHECK_EQ(fake_upcall_args[1], 1u); /* level */
    CHECK_EQ(fake_upcall_args[3], 0x11u);
    CHECK(!fake_gpio_drive(&gpio_hw[1], false)); /* falling: not enabled */
    CHECK_EQ(command(0, DRIVER_NUM_GPIO, 7, 1, 2, NULL), (uint32_t)OK);
    CHECK_EQ(gpio_hw[1].edge, HIL_GPIO_EDGE_FALLING);
    CHECK_EQ(command(0, DRIVER_NUM_GPIO, 7, 1, 0, NULL), (uint32_t)OK);
    CHECK_EQ(gpio_hw[1].edge, HIL_GPIO_EDGE_BOTH);
    CHECK_EQ(command(0, DRIVER_NUM_GPIO, 8, 1, 0, NULL), (uint32_t)OK);
    CHECK(!gpio_hw[1].irq_enabled && gpio_hw[1].deactivated);
    CHECK(!fake_gpio_drive(&gpio_hw[1], true));
}

static void no_grant_room_is_nomem_where_the_spec_says(void)
{
    struct process *p = &procs[0];
    uint32_t r[4];

    setup();
    fake_syscall(&kernel, p, SYSCALL_MEMOP, SYSCALL_MEMOP_BRK, p->kernel_break, 0, 0, r);
    CHECK_EQ(r[0], (uint32_t)OK);
    fails(0, DRIVER_NUM_BUTTON, 1, 0, 0, OS_ENOMEM);
    fails(0, DRIVER_NUM_GPIO, 7, 0, 0, OS_ENOMEM);
    fails(0, DRIVER_NUM_GPIO, 8, 0, 0, OS_ENOMEM);
    CHECK(!gpio_hw[0].irq_enabled && !button_hw[0].irq_enabled);
    CHECK_EQ(command(0, DRIVER_NUM_GPIO, 10, 0, 0, NULL), (uint32_t)OK_U32); /* stateless */
    CHECK_EQ(command(0, DRIVER_NUM_BUTTON, 3, 0, 0, NULL), (uint32_t)OK_U32);
}

int main(void)
{
    static const struct unit_case cases[] = {
        UNIT_CASE(led_commands),
        UNIT_CASE(led_has_no_grant_and_no_leds_is_count_zero),
        UNIT_CASE(button_read_count_and_errors),
        UNIT_CASE(button_events_reach_only_enabled_processes),
        UNIT_CASE(button_interrupt_stays_on_while_any_process_wants_it),
        UNIT_CASE(gpio_pin_commands_and_errors),
        UNIT_CASE(gpio_edges_reach_every_grant_holder),
        UNIT_CASE(no_grant_room_is_nomem_where_the_spec_says),
    };

    return unit_run("gpio_capsules", cases, ARRAY_SIZE(cases));
}
