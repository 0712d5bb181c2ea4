/* SPDX-License-Identifier: Apache-2.0 */
/* Capability types: any layer may name them, none but the kernel completes
 * them. Boards obtain the single instances through os/board/capability.h;
 * sensitive kernel functions check the pointer's identity. */
#pragma once

/* Allows creating grants (allocating from process memory). */
struct cap_memory_alloc;
/* Allows loading, starting, stopping and restarting processes. */
struct cap_process_mgmt;
/* Allows running the kernel main loop. */
struct cap_main_loop;
