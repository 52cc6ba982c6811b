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

update-po:
	cd $(srcdir) && $(XGETTEXT) --from-code=UTF-8 -k_ -kN_ -c/ \
		--package-name=smeaudit --msgid-bugs-address=$(PACKAGE_BUGREPORT) \
		-o po/smeaudit.pot `cat po/POTFILES` && \
	$(MSGMERGE) --update --backup=none po/ja.po po/smeaudit.pot

.PHONY: install-po uninstall-po update-po
