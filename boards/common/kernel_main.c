/* SPDX-License-Identifier: Apache-2.0 */
/* The kernel of every board: alarm, console, low-level debug, 4 processes.
 *
 * Boot order: platform (chip, kernel object, console mux, debug writer,
 * banner), process slots, the process console, the capsules and their
 * grants (grants must exist before processes are loaded), the processes
 * from application flash, then the main loop. The process console starts
 * 100 ms after boot with its prompt; it owns console input until told to
 * hand it to the apps (doc/process-console.md). A faulting process is reported and restarted up to
 * three times, then stopped; the kernel keeps running either way.
 *
 * Scheduling is round-robin with 10 ms slices. A board configuration can
 * reuse this file with another policy (boards/configurations/sched-*):
 * define KERNEL_MAIN_TIMESLICE_US, KERNEL_MAIN_SCHEDULER (a struct
 * scheduler *) and KERNEL_MAIN_SCHEDULER_INIT(mux), the statement that
 * initialises it once the alarm mux exists, then #include this file.
 *
 * KERNEL_MAIN_MINIMAL (boards/configurations/minimal) leaves out the
 * process console, process info, GPIO and low-level debug: console, alarm,
 * LED, button and RNG remain, the kernel the footprint goal names
 * (doc/benchmarks.md). Console input then goes straight to the apps.
 */
#include <stddef.h>
#include <stdint.h>

#include "components/alarm.h"
#include "components/button.h"
#include "components/console.h"
#include "components/gpio.h"
#include "components/led.h"
#include "components/low_level_debug.h"
#include "components/process_console.h"
#include "components/process_info.h"
#include "components/rng.h"
#include "os/abi/driver_num.h"
#include "os/board/capability.h"
#include "os/board/kernel.h"
#include "os/board/platform.h"
#include "os/board/process.h"
#include "os/board/scheduler.h"
#include "os/debug.h"
#include "os/platform/arch.h"

#define NUM_PROCESSES 4
#ifndef KERNEL_MAIN_TIMESLICE_US
#define KERNEL_MAIN_TIMESLICE_US 10000u
#endif
#ifndef KERNEL_MAIN_SCHEDULER
#define KERNEL_MAIN_SCHEDULER NULL /* round-robin */
#define KERNEL_MAIN_SCHEDULER_INIT(mux) ((void)(mux))
#endif
#define MAX_RESTARTS 3u
#define CONSOLE_TX_LEN 64
#define CONSOLE_RX_LEN 64
#define RNG_BUFFER_WORDS 16

static struct process processes[NUM_PROCESSES];
CONSOLE_COMPONENT_STORAGE(console, CONSOLE_TX_LEN, CONSOLE_RX_LEN);
LED_COMPONENT_STORAGE(led);
BUTTON_COMPONENT_STORAGE(button);
ALARM_MUX_COMPONENT_STORAGE(alarm_mux);
ALARM_COMPONENT_STORAGE(alarm);
RNG_COMPONENT_STORAGE(rng, RNG_BUFFER_WORDS);
#ifndef KERNEL_MAIN_MINIMAL
LOW_LEVEL_DEBUG_COMPONENT_STORAGE(lld);
PROCESS_INFO_COMPONENT_STORAGE(process_info);
GPIO_COMPONENT_STORAGE(gpio);
PROCESS_CONSOLE_COMPONENT_STORAGE(shell);
#endif

/* Syscall routing: a duplicated driver number is a compile error. */
static struct syscall_driver *driver_lookup(uint32_t driver_num)
{
    switch (driver_num) {
    case DRIVER_NUM_ALARM:
        return &alarm.driver;
    case DRIVER_NUM_CONSOLE:
        return &console.driver;
    case DRIVER_NUM_LED:
        return &led.driver;
    case DRIVER_NUM_BUTTON:
        return &button.driver;
#ifndef KERNEL_MAIN_MINIMAL
    case DRIVER_NUM_GPIO:
        return &gpio.driver;
    case DRIVER_NUM_LOW_LEVEL_DEBUG:
        return &lld.driver;
    case DRIVER_NUM_PROCESS_INFO:
        return &process_info.driver;
#endif
    case DRIVER_NUM_RNG:
        /* Left unfinalized (ops NULL) on a board without an entropy source. */
        return rng.driver.ops != NULL ? &rng.driver : NULL;
    default:
        return NULL;
    }
}

static const struct kernel_resources resources = {
    .driver_lookup = driver_lookup,
    .fault_policy = KERNEL_FAULT_RESTART_LIMITED,
    .max_restarts = MAX_RESTARTS,
    .timeslice_us = KERNEL_MAIN_TIMESLICE_US,
    .scheduler = KERNEL_MAIN_SCHEDULER,
};

void board_main(void)
{
    static const struct board_platform_params params = {.debug_writer = true};
    const struct board_platform *platform = board_platform_init(&params);
    const struct kernel_memory_map *mem = &platform->memory;
    struct kernel *kernel = platform->kernel;
    const struct cap_memory_alloc *cap = board_cap_memory_alloc();

    kernel_setup_processes(kernel, processes, NUM_PROCESSES, &resources);
    struct alarm_mux *mux = alarm_mux_component_finalize(&alarm_mux, platform->alarm);

#ifndef KERNEL_MAIN_MINIMAL
    /* The shell owns console input and lends it to the app console when
     * told to (console-stop); it may stop, start and restart processes. */
    PROCESS_CONSOLE_COMPONENT_FINALIZE(shell, platform->console_mux, mux, board_cap_process_mgmt());
    CONSOLE_COMPONENT_FINALIZE_RX(console, platform->console_mux, process_console_app_rx(&shell),
                                  kernel, cap);
    low_level_debug_component_finalize(&lld, kernel, cap);
    gpio_component_finalize(&gpio, platform->gpio_pins, platform->num_gpio_pins, kernel, cap);
    /* Read-only: apps may inspect processes but not stop or start them. */
    process_info_component_finalize(&process_info, kernel, cap, NULL);
#else
    CONSOLE_COMPONENT_FINALIZE(console, platform->console_mux, kernel, cap);
#endif
    /* Present on every board; a board without such pins reports 0 of them. */
    led_component_finalize(&led, platform->leds, platform->num_leds);
    button_component_finalize(&button, platform->buttons, platform->num_buttons, kernel, cap);
    if (platform->entropy != NULL) {
        RNG_COMPONENT_FINALIZE(rng, platform->entropy, kernel, cap);
    }
    ALARM_COMPONENT_FINALIZE(alarm, mux, kernel, cap);
    KERNEL_MAIN_SCHEDULER_INIT(mux);
    debug_printf("scheduler: %s, %lu us slices\n", kernel_scheduler(kernel)->name,
                 (unsigned long)KERNEL_MAIN_TIMESLICE_US);
    /* The platform took these bounds from the linker script: the kernel
     * reads TBFs only inside app flash and places RAM blocks only inside
     * the process RAM pool. */
    (void)kernel_load_processes(kernel, (uint32_t)mem->app_flash_start,
                                (uint32_t)mem->app_flash_end, (uint32_t)mem->app_ram_start,
                                (uint32_t)mem->app_ram_end, board_cap_process_mgmt());
#ifndef KERNEL_MAIN_MINIMAL
    process_console_start(&shell, PC_ACTIVE);
#endif
    kernel_run(kernel, board_cap_main_loop());
}
