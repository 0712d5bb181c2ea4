/* SPDX-License-Identifier: Apache-2.0 */
/* The packer: ELF in, TBF out, following the layout of TBF spec section 3 (elf2tab's). */
#pragma once

#include <stdbool.h>

#include "options.h"

/* Pack opt->inputs[0] into opt->output. Layout of the result:
 *   [0, header_size)              base header + TLVs (tbf_write_header)
 *   [header_size, protected)      protected trailer, zeros
 *   [protected, ...)              flash image: crt0 header, code, data image (image_build)
 *   u32 + data                    relocation length in bytes, then the .rel data
 *   zeros up to a multiple of 4   = binary_end_offset
 *   [binary_end_offset, total)    Reserved credential footers
 * protected = --protected-region-size, else the ELF symbol tbf_protected_region_size, else for
 * fixed-address apps the distance from the 256-byte boundary at or below (fixed flash address
 * - header size) to the fixed flash address, else header_size. init_fn_offset = protected -
 * header_size + (entry's offset in the flash image), so that the kernel's entry address
 * TBF start + header_size + init_fn_offset is the linked entry point relative to the app
 * start TBF start + protected. total_size = binary_end + footer space, rounded up to a power
 * of two (at least 512) for ARM and to a multiple of 4 otherwise. The result is re-parsed with
 * the kernel parser before it is written. Returns false (with a message) on any error; no
 * output file is left behind then. */
bool pack_run(const struct options *opt);
