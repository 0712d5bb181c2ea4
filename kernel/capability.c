/* SPDX-License-Identifier: Apache-2.0 */
/* The single instance of each capability, and their identity checks.
 *
 * This is the only translation unit where the capability types are complete.
 * A pointer forged elsewhere (a cast, or a type completed by another file)
 * never equals one of these addresses, so the checks reject it.
 */
#include "kernel/capability_check.h"
#include "os/board/capability.h"

struct cap_memory_alloc {
    unsigned char unused;
};
struct cap_process_mgmt {
    unsigned char unused;
};
struct cap_main_loop {
    unsigned char unused;
};

static const struct cap_memory_alloc memory_alloc_cap;
static const struct cap_process_mgmt process_mgmt_cap;
static const struct cap_main_loop main_loop_cap;

const struct cap_memory_alloc *board_cap_memory_alloc(void)
{
    return &memory_alloc_cap;
}

const struct cap_process_mgmt *board_cap_process_mgmt(void)
{
    return &process_mgmt_cap;
}

const struct cap_main_loop *board_cap_main_loop(void)
{
    return &main_loop_cap;
}

bool capability_is_memory_alloc(const struct cap_memory_alloc *cap)
{
    return cap == &memory_alloc_cap;
}

bool capability_is_process_mgmt(const struct cap_process_mgmt *cap)
{
    return cap == &process_mgmt_cap;
}

bool capability_is_main_loop(const struct cap_main_loop *cap)
{
    return cap == &main_loop_cap;
}
