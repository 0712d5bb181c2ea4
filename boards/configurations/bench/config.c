/* SPDX-License-Identifier: Apache-2.0 */
/* Benchmark kernel: the standard kernel's capsules plus the cycle counter.
 *
 * The wiring follows boards/common/kernel_main.c (console, alarm, low-level
 * debug, process info, 4 process slots, restart-limited fault policy), with
 * two additions for tools/bench.py: the cycle-count driver (0x90008), whose
 * counter is the CPU's instruction counter where the arch has one
 * (os/platform/cycle_counter.h) and the board's alarm ticks otherwise; and
 * the alarm users sitting on the capsule's stamping alarm, so the upcall
 * latency benchmark learns when the hardware alarm fired. On RISC-V,
 * processes may also read instret directly (mcounteren), which splits a
 * system call into its entry and return halves. The timeslice is long
 * (1 s) so that preemption does not land inside measured loops.
 * Boot prints one "bench-kernel" line of static facts.
 */
#include <stddef.h>
#include <stdint.h>

#include "components/alarm.h"
#include "components/console.h"
#include "components/cycle_count.h"
#include "components/low_level_debug.h"
#include "components/process_info.h"
#include "os/abi/driver_num.h"
#include "os/board/capability.h"
#include "os/board/kernel.h"
#include "os/board/platform.h"
#include "os/board/process.h"
#include "os/debug.h"
#include "os/platform/arch.h"
#include "os/platform/cycle_counter.h"
#include "os/platform/mpu.h"

#define NUM_PROCESSES 4
#define TIMESLICE_US 1000000u
#define MAX_RESTARTS 3u
#define CONSOLE_TX_LEN 64
#define CONSOLE_RX_LEN 64

static struct process processes[NUM_PROCESSES];
LOW_LEVEL_DEBUG_COMPONENT_STORAGE(lld);
PROCESS_INFO_COMPONENT_STORAGE(process_info);
CONSOLE_COMPONENT_STORAGE(console, CONSOLE_TX_LEN, CONSOLE_RX_LEN);
ALARM_MUX_COMPONENT_STORAGE(alarm_mux);
ALARM_COMPONENT_STORAGE(alarm);
CYCLE_COUNT_COMPONENT_STORAGE(cycles);

static struct syscall_driver *driver_lookup(uint32_t driver_num)
{
    switch (driver_num) {
    case DRIVER_NUM_ALARM:
        return &alarm.driver;
    case DRIVER_NUM_CONSOLE:
        return &console.driver;
    case DRIVER_NUM_LOW_LEVEL_DEBUG:
        return &lld.driver;
    case DRIVER_NUM_PROCESS_INFO:
        return &process_info.driver;
    case DRIVER_NUM_CYCLE_COUNT:
        return &cycles.driver;
    default:
        return NULL;
    }
}

static const struct kernel_resources resources = {
    .driver_lookup = driver_lookup,
    .fault_policy = KERNEL_FAULT_RESTART_LIMITED,
    .max_restarts = MAX_RESTARTS,
    .timeslice_us = TIMESLICE_US,
};

void board_main(void)
{
    static const struct board_platform_params params = {.debug_writer = true};
    const struct board_platform *platform = board_platform_init(&params);
    const struct kernel_memory_map *mem = &platform->memory;
    struct kernel *kernel = platform->kernel;
    const struct cap_memory_alloc *cap = board_cap_memory_alloc();
    bool exact = arch_cycle_counter_available();

    kernel_setup_processes(kernel, processes, NUM_PROCESSES, &resources);
    cycle_count_component_finalize(&cycles, kernel, cap, platform->alarm,
                                   exact ? arch_cycle_counter_read : NULL, mpu_write_count);
    CONSOLE_COMPONENT_FINALIZE(console, platform->console_mux, kernel, cap);
    low_level_debug_component_finalize(&lld, kernel, cap);
    process_info_component_finalize(&process_info, kernel, cap, NULL);
    ALARM_COMPONENT_FINALIZE(
        alarm, alarm_mux_component_finalize(&alarm_mux, cycle_count_alarm(&cycles)), kernel, cap);
    bool user_counter = exact && arch_cycle_counter_allow_user(true);
    debug_printf("bench-kernel counter=%s resolution=%lu user_counter=%d process_struct=%lu "
                 "slots=%d\n",
                 exact ? "cpu" : "timer", (unsigned long)cycle_count_resolution(&cycles),
                 user_counter ? 1 : 0, (unsigned long)sizeof(struct process), NUM_PROCESSES);
    (void)kernel_load_processes(kernel, (uint32_t)mem->app_flash_start,
                                (uint32_t)mem->app_flash_end, (uint32_t)mem->app_ram_start,
                                (uint32_t)mem->app_ram_end, board_cap_process_mgmt());
    kernel_run(kernel, board_cap_main_loop());
}
