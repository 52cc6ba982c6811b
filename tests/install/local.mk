# SPDX-License-Identifier: MIT
# Tests of the installed smeaudit, run by "make installcheck" (and so by
# make distcheck, which installs into a prefix of its own first): the
# layout, the plugin SDK with contrib/example-plugin's Makefile, and the
# Ansible playbook against localhost.  Each script exits 0, 77 (skipped,
# saying why) or anything else for a failure; its output goes to
# tests/install/NAME.log.
INSTALLCHECK_TESTS = \
	tests/install/layout.sh \
	tests/install/sdk.sh \
	tests/install/ansible.sh
EXTRA_DIST += $(INSTALLCHECK_TESTS)
CLEANFILES += tests/install/*.log

installcheck-local:
	@$(MKDIR_P) tests/install; failed=0; \
	for t in $(INSTALLCHECK_TESTS); do \
		log=`echo "$$t" | sed 's/\.sh$$/.log/'`; \
		top_srcdir='$(abs_top_srcdir)' top_builddir='$(abs_top_builddir)' \
		SMEAUDIT='$(DESTDIR)$(bindir)/smeaudit$(EXEEXT)' \
		MAKE='$(MAKE)' PACKAGE_VERSION='$(PACKAGE_VERSION)' \
		prefix='$(prefix)' bindir='$(bindir)' pluginsdir='$(pluginsdir)' \
		rulesdir='$(rulesdir)' smeauditconfdir='$(smeauditconfdir)' \
		sdkincludedir='$(sdkincludedir)' includedir='$(includedir)' \
		pkgconfigdir='$(pkgconfigdir)' mandir='$(mandir)' \
		localedir='$(localedir)' bashcompletiondir='$(bashcompletiondir)' \
		pkglibexecdir='$(pkglibexecdir)' \
		systemdsystemunitdir='$(systemdsystemunitdir)' \
		$(SHELL) $(srcdir)/$$t > "$$log" 2>&1; \
		case $$? in \
		0) echo "PASS: $$t";; \
		77) echo "SKIP: $$t: `grep '^SKIP' "$$log" | tail -1`";; \
		*) echo "FAIL: $$t"; sed 's/^/  | /' "$$log"; failed=1;; \
		esac; \
	done; \
	test $$failed -eq 0
