# SPDX-License-Identifier: MIT
# One check suite per core module: tests/unit/check_MODULE.c.
