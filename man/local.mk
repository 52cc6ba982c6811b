# SPDX-License-Identifier: MIT
# Manual pages, kept in the tree.  smeaudit.ini(5) and README.md's item
# table are generated from what the built smeaudit says about itself
# (--list-config, --list, --list-items): run "make update-docs" after
# adding a configuration key, a check or a plugin; tests/e2e/docs.sh
# fails until then.
dist_man_MANS = \
	man/smeaudit.1 \
	man/smeaudit.ini.5 \
	man/smeaudit-answers.5 \
	man/smeaudit-ledger.5 \
	man/smeaudit-plugin.7
EXTRA_DIST += man/smeaudit.ini.5.in contrib/gendocs.py

update-docs: smeaudit$(EXEEXT) $(plugins_LTLIBRARIES)
	python3 $(srcdir)/contrib/gendocs.py --smeaudit ./smeaudit$(EXEEXT) \
		--srcdir $(srcdir) --write
.PHONY: update-docs
