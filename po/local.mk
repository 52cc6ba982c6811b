# SPDX-License-Identifier: MIT
# Translations: English msgids in the sources, po/ja.po compiled with
# msgfmt.  "make update-po" refreshes the template and merges it.
PO_MO = po/locale/ja/LC_MESSAGES/smeaudit.mo
noinst_DATA += $(PO_MO)
CLEANFILES += $(PO_MO)
EXTRA_DIST += po/ja.po po/smeaudit.pot po/POTFILES

$(PO_MO): po/ja.po
	$(AM_V_GEN)$(MKDIR_P) $(@D) && $(MSGFMT) -c -o $@ $(srcdir)/po/ja.po

install-data-local: install-po
uninstall-local: uninstall-po
install-po: $(PO_MO)
	$(MKDIR_P) $(DESTDIR)$(localedir)/ja/LC_MESSAGES
	$(INSTALL_DATA) $(PO_MO) $(DESTDIR)$(localedir)/ja/LC_MESSAGES/smeaudit.mo
uninstall-po:
	rm -f $(DESTDIR)$(localedir)/ja/LC_MESSAGES/smeaudit.mo

PO_XGETTEXT_FLAGS = --from-code=UTF-8 -k_ -kN_ -c/ \
	--package-name=smeaudit --msgid-bugs-address=$(PACKAGE_BUGREPORT)

update-po:
	cd $(srcdir) && $(XGETTEXT) $(PO_XGETTEXT_FLAGS) \
		-o po/smeaudit.pot `cat po/POTFILES` && \
	$(MSGMERGE) --update --backup=none po/ja.po po/smeaudit.pot

# What update-po would make of po/ja.po, without touching the tree: every
# message of the POTFILES translated, nothing fuzzy, msgfmt -c clean.
# tests/e2e/i18n.sh runs it.
po-check:
	@rm -rf po/check && $(MKDIR_P) po/check && \
	(cd $(srcdir) && $(XGETTEXT) $(PO_XGETTEXT_FLAGS) \
		-o '$(abs_builddir)/po/check/smeaudit.pot' `cat po/POTFILES`) && \
	$(MSGMERGE) --quiet -o po/check/ja.po $(srcdir)/po/ja.po po/check/smeaudit.pot && \
	$(MSGFMT) -c --statistics -o /dev/null po/check/ja.po 2> po/check/statistics; \
	status=$$?; cat po/check/statistics; \
	if test $$status -ne 0 || grep -q 'untranslated\|fuzzy' po/check/statistics; then \
		echo "po/ja.po lacks these translations (run make update-po and translate):"; \
		$(MSGATTRIB) --untranslated po/check/ja.po | sed -n '/^#:/,/^$$/p'; \
		$(MSGATTRIB) --only-fuzzy po/check/ja.po | sed -n '/^#:/,/^$$/p'; \
		exit 1; \
	fi
clean-local: clean-po-check
clean-po-check:
	rm -rf po/check

.PHONY: install-po uninstall-po update-po po-check clean-po-check
