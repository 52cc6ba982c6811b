# SPDX-License-Identifier: MIT
# Scheduled audits: the wrapper the service runs (also usable from cron)
# and, where systemd's unit directory is known, the service and timer.
# Paths are filled in at make time, as the GNU standards ask.
pkglibexec_SCRIPTS = contrib/systemd/smeaudit-scheduled
SYSTEMD_GENERATED = contrib/systemd/smeaudit-scheduled contrib/systemd/smeaudit.service
CLEANFILES += $(SYSTEMD_GENERATED)
EXTRA_DIST += contrib/systemd/smeaudit-scheduled.in \
	contrib/systemd/smeaudit.service.in contrib/systemd/smeaudit.timer
noinst_DATA += contrib/systemd/smeaudit.service
if HAVE_SYSTEMD_UNITDIR
systemdsystemunit_DATA = contrib/systemd/smeaudit.service contrib/systemd/smeaudit.timer
endif

systemd_edit = sed \
	-e 's|@bindir[@]|$(bindir)|g' \
	-e 's|@pkglibexecdir[@]|$(pkglibexecdir)|g' \
	-e 's|@localstatedir[@]|$(localstatedir)|g' \
	-e 's|@sysconfdir[@]|$(sysconfdir)|g'

$(SYSTEMD_GENERATED): Makefile
	$(AM_V_GEN)$(MKDIR_P) $(@D) && rm -f $@ $@.tmp && \
	$(systemd_edit) $(srcdir)/$@.in > $@.tmp && \
	if test "$(@F)" = smeaudit-scheduled; then chmod +x $@.tmp; fi && \
	mv $@.tmp $@
contrib/systemd/smeaudit-scheduled: $(srcdir)/contrib/systemd/smeaudit-scheduled.in
contrib/systemd/smeaudit.service: $(srcdir)/contrib/systemd/smeaudit.service.in
