/* SPDX-License-Identifier: Apache-2.0 */
/* restart: show that exit-restart gives a fresh process (.data, .bss, heap).
 *
 * Every run prints
 *   "restart: run <n> data=0x00001234 bss=0x00000000 heap=zero fresh ok"
 * ("STALE" instead of "fresh ok" if anything survived the restart), then dirties its
 * .data, .bss and heap and calls exit-restart. A process cannot remember anything across
 * a restart, so <n> (the kernel's restart count) comes from the process-info driver
 * (0x10002) when the board has it: after 3 restarts the app prints
 *   "restart: done after 3 restarts"
 * and exits 0. Without that driver <n> is "?" and the app restarts forever.
 */
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "libos/driver.h"
#include "libos/memop.h"
#include "libos/process.h"
#include "libos/returncode.h"
#include "libos/syscall.h"
#include "os/abi/driver_num.h"

#define RESTARTS 3u
#define DATA_INITIAL 0x1234u
#define HEAP_BYTES 16u
#define MAX_PROCESSES 16u
#define COUNT_UNKNOWN 0xFFFFFFFFu

static uint32_t data_value = DATA_INITIAL;
static uint32_t bss_value;

/* Process-info command with RW allow 0 = buf for its duration. */
static int info_command(uint32_t cmd, uint32_t arg, void *buf, uint32_t len, uint32_t *value)
{
    struct syscall_return ret;
    int rc = returncode_from_swap(
        syscall_allow_rw(DRIVER_NUM_PROCESS_INFO, 0, (uint32_t)(uintptr_t)buf, len), NULL, NULL);

    if (rc != 0) {
        return rc;
    }
    ret = syscall_command(DRIVER_NUM_PROCESS_INFO, cmd, arg, 0);
    (void)syscall_allow_rw(DRIVER_NUM_PROCESS_INFO, 0, 0, 0);
    return value != NULL ? returncode_from_u32(ret, value) : returncode_from_novalue(ret);
}

/* Our restart count: find the process whose package name is ours. */
static uint32_t restart_count(void)
{
    uint32_t ids[MAX_PROCESSES] = {0};
    char name[32];
    uint32_t info[4];
    uint32_t count = 0;
    uint32_t len = 0;

    if (!driver_exists(DRIVER_NUM_PROCESS_INFO) ||
        info_command(2, 0, ids, sizeof(ids), &count) != 0) {
        return COUNT_UNKNOWN;
    }
    for (uint32_t i = 0; i < count && i < MAX_PROCESSES; i++) {
        memset(name, 0, sizeof(name));
        if (info_command(4, ids[i], name, sizeof(name) - 1, &len) != 0 ||
            strcmp(name, APP_NAME) != 0) {
            continue;
        }
        if (info_command(5, ids[i], info, sizeof(info), NULL) == 0) {
            return info[2];
        }
    }
    return COUNT_UNKNOWN;
}

static bool all_zero(const uint8_t *p, uint32_t len)
{
    for (uint32_t i = 0; i < len; i++) {
        if (p[i] != 0) {
            return false;
        }
    }
    return true;
}

int main(void)
{
    uint32_t run = restart_count();
    uint8_t *heap = memop_sbrk(HEAP_BYTES);
    bool heap_zero = heap != NULL && all_zero(heap, HEAP_BYTES);
    bool fresh = data_value == DATA_INITIAL && bss_value == 0 && heap_zero;
    if (run == COUNT_UNKNOWN) {
        printf("restart: run ?");
    } else {
        printf("restart: run %lu", (unsigned long)run);
    }
    printf(" data=0x%08lx bss=0x%08lx heap=%s %s\n", (unsigned long)data_value,
           (unsigned long)bss_value, heap_zero ? "zero" : "dirty", fresh ? "fresh ok" : "STALE");
    data_value = 0xDEAD0000u;
    bss_value = 0x55u;
    if (heap != NULL) {
        memset(heap, 0xA5, HEAP_BYTES);
    }
    if (run != COUNT_UNKNOWN && run >= RESTARTS) {
        printf("restart: done after %lu restarts\n", (unsigned long)RESTARTS);
        return fresh ? 0 : 1;
    }
    printf("restart: calling exit-restart\n");
    process_restart(fresh ? 0 : 1);
}
