# SPDX-License-Identifier: MIT
# Benchmarks print ratios against named peers; they are not tests.
EXTRA_DIST += bench/updates.sh
EXTRA_DIST += bench/shares.sh bench/shares-tree.py
# password-check against libpwquality (docs in bench/password.py)
EXTRA_DIST += bench/password.py bench/pwquality-driver.c
bench: bench-password
bench-password: all
	python3 $(srcdir)/bench/password.py $(abs_top_builddir)/smeaudit $(abs_top_srcdir)
.PHONY: bench bench-password
# smeaudit --all against lynis --quick, and the shares scan's RSS on big trees
EXTRA_DIST += bench/whole-run.sh
bench: bench-whole-run
bench-whole-run: all
	SMEAUDIT=$(abs_top_builddir)/smeaudit sh $(srcdir)/bench/whole-run.sh
.PHONY: bench-whole-run
