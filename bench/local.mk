# SPDX-License-Identifier: MIT
# Benchmarks print ratios against named peers; they are not tests.
EXTRA_DIST += bench/updates.sh
EXTRA_DIST += bench/shares.sh bench/shares-tree.py
