# SPDX-License-Identifier: MIT
# The core: a static convenience library (so that a unit test links only
# the modules it tests) and the smeaudit program on top of it.

CORE_DEFS = \
	-DSA_ABS_BUILDDIR='"$(abs_top_builddir)"' \
	-DSA_ABS_SRCDIR='"$(abs_top_srcdir)"' \
	-DSA_PLUGINDIR='"$(pluginsdir)"' \
	-DSA_DATADIR='"$(rulesdir)"' \
	-DSA_LOCALEDIR='"$(localedir)"' \
	-DSA_SYSCONFDIR='"$(sysconfdir)"'

noinst_LIBRARIES += core/libsmeaudit-core.a
core_libsmeaudit_core_a_CPPFLAGS = $(AM_CPPFLAGS) $(CORE_DEFS) $(INIH_CFLAGS) $(PCRE2_CFLAGS) $(JSONC_CFLAGS)
core_libsmeaudit_core_a_SOURCES = \
	core/accounts.c core/accounts.h \
	core/answers.c core/answers.h \
	core/app.c core/app.h \
	core/audit.c core/audit.h \
	core/catalog.c core/catalog.h \
	core/cfg.c core/cfg.h \
	core/commands.h \
	core/findings.c core/findings.h \
	core/host.c core/host.h \
	core/i18n.c core/i18n.h \
	core/iniread.c core/iniread.h \
	core/json.c core/json.h \
	core/loader.c core/loader.h \
	core/recfile.c core/recfile.h \
	core/report.c core/report.h \
	core/report_json.c \
	core/report_text.c \
	core/rootfs.c core/rootfs.h \
	core/runner.c core/runner.h \
	core/rx.c core/rx.h \
	core/score.c core/score.h \
	core/util.c core/util.h \
	core/wire.c core/wire.h

# Reports: HTML, CSV, monitoring formats; JSON reports read back for
# merge, diff and --previous.
core_libsmeaudit_core_a_SOURCES += \
	core/cmd_diff.c \
	core/cmd_merge.c \
	core/fleet.c core/fleet.h \
	core/report_csv.c \
	core/report_html.c \
	core/report_ledger.c \
	core/report_monitor.c \
	core/repload.c core/repload.h

CORE_LIBS = core/libsmeaudit-core.a $(INIH_LIBS) $(PCRE2_LIBS) $(JSONC_LIBS) $(LIBS)

bin_PROGRAMS += smeaudit
smeaudit_SOURCES = core/main.c
smeaudit_CPPFLAGS = $(AM_CPPFLAGS) $(CORE_DEFS)
smeaudit_LDADD = $(CORE_LIBS)

# The plugin SDK: one self-contained header and a pkg-config file.
sdkincludedir = $(includedir)/smeaudit
sdkinclude_HEADERS = core/sdk/smeaudit/plugin.h
pkgconfig_DATA = core/sdk/smeaudit-plugin.pc
EXTRA_DIST += core/sdk/smeaudit-plugin.pc.in

# Human evidence: the interview, the risk-analysis ledger.
core_libsmeaudit_core_a_SOURCES += core/cmd_interview.c
core_libsmeaudit_core_a_SOURCES += core/cmd_risk.c core/ledger.c core/ledger.h
