# SPDX-License-Identifier: Apache-2.0
"""The Case record shared by the QEMU test lists."""
from dataclasses import dataclass, field


@dataclass
class Case:
    name: str                      # test name, reported as qemu.<board>.<name>
    image: str                     # 'kernel' or a configuration under boards/configurations
    expect: list                   # ordered regexes the transcript must contain
    exit: object = 0               # expected exit status, or None (stop when matched)
    forbid: list = field(default_factory=list)   # regexes that must not appear
    inputs: list = field(default_factory=list)   # (trigger text, bytes to type)
    tbfs: list = field(default_factory=list)     # app files to load
    timeout: float = 30.0          # seconds of host time before it counts as a hang
    twice: bool = False            # boot twice: transcripts must be byte-identical
    boards: tuple = ()             # restrict to these boards (empty = all)
    unordered: bool = False        # expectations may match in any order
    check: object = None           # callable(transcript) -> None or a failure message
    typed: bool = False            # idle time follows the host clock (qemu_lib.run)
