/* SPDX-License-Identifier: Apache-2.0 */
/* elf2tbf --inspect: print every field, TLV and footer of TBF files, and validate them. */
#pragma once

#include <stdbool.h>
#include <stdint.h>

#include "kernel/tbf.h"

/* Print and validate path: every object in it, walked like application flash (section 6) with
 * the given kernel version. Returns true iff the file holds at least one object, every object
 * is an app, a disabled app or padding, every app's footers end cleanly, and the objects
 * cover the file exactly. Problems are reported as "elf2tbf: error: ..." on stderr. */
bool inspect_file(const char *path, uint16_t kernel_major, uint16_t kernel_minor);

/* Print the TLVs of a header that tbf_parse() accepted far enough to have a readable header
 * (any result but TBF_END and TBF_REASON_HEADER_SIZE). */
void inspect_tlvs(const struct tbf_header *hdr);
