/* SPDX-License-Identifier: Apache-2.0 */
/* C entry after crt0, entry arguments, process termination. */
#include "libos/process.h"

#include <stdlib.h>

#include "libos/syscall.h"

/* The app's main; its return value becomes the exit completion code. */
int main(void);

static struct process_entry_args entry_args;

const struct process_entry_args *process_entry(void)
{
    return &entry_args;
}

void process_start(uintptr_t app_start, uintptr_t memory_start, uintptr_t memory_len,
                   uintptr_t initial_break)
{
    entry_args.app_start = app_start;
    entry_args.memory_start = memory_start;
    entry_args.memory_len = memory_len;
    entry_args.initial_break = initial_break;
    /* exit() (libos-sync) flushes stdio, then exit-terminates. */
    exit(main());
}

void process_exit(uint32_t code)
{
    syscall_exit_terminate(code);
}

void process_restart(uint32_t code)
{
    syscall_exit_restart(code);
}
