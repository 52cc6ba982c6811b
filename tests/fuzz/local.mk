# SPDX-License-Identifier: MIT
# libFuzzer harnesses for every parser: the core's, and the plugins'
# (their own sources compiled in, with tests/fuzz/fuzz_host.c standing in
# for the core's host table).  Not part of make check:
# "make fuzz" builds them with clang (FUZZ_CC), "make fuzz-run" runs each
# for FUZZ_SECONDS on a copy of its seed corpus (new inputs go to
# tests/fuzz/work/NAME in the build tree, never into the source tree).
# The core sources are compiled into each harness with the fuzzer's
# instrumentation, so the configured compiler may be anything.
# Needs the Debian packages clang and libclang-rt-14-dev; they are not in
# contrib/debian-packages.txt because quickstart.sh installs that list on
# the machine being audited.

FUZZ_CC = clang
FUZZ_CFLAGS = -g -O1 -std=c11 -fno-omit-frame-pointer $(SA_WARN_CFLAGS) \
	-fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined
FUZZ_CPPFLAGS = -I$(top_srcdir)/core -I$(top_srcdir)/core/sdk -I$(top_builddir) \
	$(CORE_DEFS)
FUZZ_SECONDS = 60
FUZZ_NEED_CC = command -v $(FUZZ_CC) >/dev/null 2>&1 || { \
	echo "make fuzz needs $(FUZZ_CC) with libFuzzer (Debian: clang libclang-rt-14-dev)" >&2; \
	exit 1; }
FUZZ_TARGETS = recfile ini answers wire ledger pwrules pwpolicy shadow \
	smbconf exports rsnapshot timeshift firewall encryption screenlock \
	logging updates merge
FUZZ_BINARIES = $(FUZZ_TARGETS:%=tests/fuzz/fuzz_%)

FUZZ_RECFILE_FILES = $(srcdir)/tests/fuzz/fuzz_recfile.c \
	$(srcdir)/core/recfile.c $(srcdir)/core/util.c
FUZZ_INI_FILES = $(srcdir)/tests/fuzz/fuzz_ini.c $(srcdir)/core/cfg.c \
	$(srcdir)/core/iniread.c $(srcdir)/core/util.c
FUZZ_ANSWERS_FILES = $(srcdir)/tests/fuzz/fuzz_answers.c \
	$(srcdir)/core/answers.c $(srcdir)/core/catalog.c $(srcdir)/core/score.c \
	$(srcdir)/core/findings.c $(srcdir)/core/recfile.c $(srcdir)/core/util.c
FUZZ_WIRE_FILES = $(srcdir)/tests/fuzz/fuzz_wire.c $(srcdir)/core/wire.c \
	$(srcdir)/core/util.c
FUZZ_DEPS = $(srcdir)/core/util.h $(srcdir)/core/recfile.h \
	$(srcdir)/core/iniread.h $(srcdir)/core/cfg.h $(srcdir)/core/answers.h \
	$(srcdir)/core/catalog.h $(srcdir)/core/score.h $(srcdir)/core/findings.h \
	$(srcdir)/core/wire.h $(srcdir)/core/sdk/smeaudit/plugin.h config.h

FUZZ_LEDGER_FILES = $(srcdir)/tests/fuzz/fuzz_ledger.c $(srcdir)/core/ledger.c \
	$(srcdir)/core/catalog.c $(srcdir)/core/recfile.c $(srcdir)/core/json.c \
	$(srcdir)/core/util.c
# The plugins' harnesses: the mock host and the core services it lends
# (PCRE2 and record files, as in a real run), then the plugin's sources.
FUZZ_HOST_FILES = $(srcdir)/tests/fuzz/fuzz_host.c $(srcdir)/core/rx.c \
	$(srcdir)/core/recfile.c $(srcdir)/core/util.c $(FUZZ_PLUGIN_LIB)
# The plugin-side library (plugins/lib/local.mk), whole: a harness's link
# keeps what its parsers use.
FUZZ_PLUGIN_LIB = $(srcdir)/plugins/lib/hostfiles.c $(srcdir)/plugins/lib/cfgchk.c \
	$(srcdir)/plugins/lib/deb822.c $(srcdir)/plugins/lib/dpkgdb.c \
	$(srcdir)/plugins/lib/keyfile.c $(srcdir)/plugins/lib/timefmt.c \
	$(srcdir)/plugins/lib/units.c
FUZZ_PW_ENGINE = $(srcdir)/plugins/password/pwtext.c \
	$(srcdir)/plugins/password/pwwords.c $(srcdir)/plugins/password/pwrules.c \
	$(srcdir)/plugins/password/pwcheck.c
FUZZ_PWRULES_FILES = $(srcdir)/tests/fuzz/fuzz_pwrules.c $(FUZZ_PW_ENGINE)
FUZZ_PWPOLICY_FILES = $(srcdir)/tests/fuzz/fuzz_pwpolicy.c \
	$(srcdir)/plugins/password/pwpolicy.c $(srcdir)/plugins/password/pwtext.c
FUZZ_SHADOW_FILES = $(srcdir)/tests/fuzz/fuzz_shadow.c \
	$(srcdir)/plugins/password/pwaccounts.c $(srcdir)/plugins/password/pwpolicy.c \
	$(srcdir)/plugins/password/pwtext.c
FUZZ_SHARES_PARSERS = $(srcdir)/plugins/shares/smbconf.c \
	$(srcdir)/plugins/shares/exports.c $(srcdir)/plugins/shares/common.c
FUZZ_SMBCONF_FILES = $(srcdir)/tests/fuzz/fuzz_smbconf.c $(FUZZ_SHARES_PARSERS)
FUZZ_EXPORTS_FILES = $(srcdir)/tests/fuzz/fuzz_exports.c $(FUZZ_SHARES_PARSERS)
FUZZ_SHARES_DEPS = $(srcdir)/tests/fuzz/fuzz_shares.h
FUZZ_BACKUP_PARTS = $(srcdir)/plugins/backup/bk_tools.c \
	$(srcdir)/plugins/backup/bk_files.c $(srcdir)/plugins/backup/bk_parse.c \
	$(srcdir)/plugins/backup/bk_json.c
FUZZ_RSNAPSHOT_FILES = $(srcdir)/tests/fuzz/fuzz_rsnapshot.c $(FUZZ_BACKUP_PARTS)
FUZZ_TIMESHIFT_FILES = $(srcdir)/tests/fuzz/fuzz_timeshift.c $(FUZZ_BACKUP_PARTS)
FUZZ_PLUGIN_DEPS = $(srcdir)/tests/fuzz/fuzz_host.h \
	$(srcdir)/tests/fuzz/fuzz_backup.h $(srcdir)/core/rx.h \
	$(srcdir)/plugins/password/pwcheck.h $(srcdir)/plugins/password/pwrules.h \
	$(srcdir)/plugins/password/pwwords.h $(srcdir)/plugins/password/pwtext.h \
	$(srcdir)/plugins/password/pwpolicy.h $(srcdir)/plugins/password/pwaccounts.h \
	$(srcdir)/plugins/shares/shares.h $(srcdir)/plugins/backup/bk.h \
	$(srcdir)/core/ledger.h $(srcdir)/core/json.h
# fuzz_BUILD NAME FILES: one harness with the fuzzer's instrumentation.
FUZZ_BUILD = $(FUZZ_CC) $(FUZZ_CFLAGS) $(FUZZ_CPPFLAGS) $(PCRE2_CFLAGS) -o $@

tests/fuzz/fuzz_recfile: $(FUZZ_RECFILE_FILES) $(FUZZ_DEPS)
	@$(FUZZ_NEED_CC); $(MKDIR_P) tests/fuzz
	$(AM_V_CC)$(FUZZ_CC) $(FUZZ_CFLAGS) $(FUZZ_CPPFLAGS) -o $@ $(FUZZ_RECFILE_FILES)
tests/fuzz/fuzz_ini: $(FUZZ_INI_FILES) $(FUZZ_DEPS)
	@$(FUZZ_NEED_CC); $(MKDIR_P) tests/fuzz
	$(AM_V_CC)$(FUZZ_CC) $(FUZZ_CFLAGS) $(FUZZ_CPPFLAGS) $(INIH_CFLAGS) -o $@ \
	    $(FUZZ_INI_FILES) $(INIH_LIBS)
tests/fuzz/fuzz_answers: $(FUZZ_ANSWERS_FILES) $(FUZZ_DEPS)
	@$(FUZZ_NEED_CC); $(MKDIR_P) tests/fuzz
	$(AM_V_CC)$(FUZZ_CC) $(FUZZ_CFLAGS) $(FUZZ_CPPFLAGS) -o $@ $(FUZZ_ANSWERS_FILES)
tests/fuzz/fuzz_wire: $(FUZZ_WIRE_FILES) $(FUZZ_DEPS)
	@$(FUZZ_NEED_CC); $(MKDIR_P) tests/fuzz
	$(AM_V_CC)$(FUZZ_CC) $(FUZZ_CFLAGS) $(FUZZ_CPPFLAGS) -o $@ $(FUZZ_WIRE_FILES)

tests/fuzz/fuzz_ledger: $(FUZZ_LEDGER_FILES) $(FUZZ_DEPS) $(FUZZ_PLUGIN_DEPS)
	@$(FUZZ_NEED_CC); $(MKDIR_P) tests/fuzz
	$(AM_V_CC)$(FUZZ_BUILD) $(FUZZ_LEDGER_FILES)
tests/fuzz/fuzz_pwrules: $(FUZZ_PWRULES_FILES) $(FUZZ_HOST_FILES) $(FUZZ_DEPS) $(FUZZ_PLUGIN_DEPS)
	@$(FUZZ_NEED_CC); $(MKDIR_P) tests/fuzz
	$(AM_V_CC)$(FUZZ_BUILD) $(FUZZ_PWRULES_FILES) $(FUZZ_HOST_FILES) $(PCRE2_LIBS)
tests/fuzz/fuzz_pwpolicy: $(FUZZ_PWPOLICY_FILES) $(FUZZ_HOST_FILES) $(FUZZ_DEPS) $(FUZZ_PLUGIN_DEPS)
	@$(FUZZ_NEED_CC); $(MKDIR_P) tests/fuzz
	$(AM_V_CC)$(FUZZ_BUILD) $(FUZZ_PWPOLICY_FILES) $(FUZZ_HOST_FILES) $(PCRE2_LIBS)
tests/fuzz/fuzz_shadow: $(FUZZ_SHADOW_FILES) $(FUZZ_HOST_FILES) $(FUZZ_DEPS) $(FUZZ_PLUGIN_DEPS)
	@$(FUZZ_NEED_CC); $(MKDIR_P) tests/fuzz
	$(AM_V_CC)$(FUZZ_BUILD) $(FUZZ_SHADOW_FILES) $(FUZZ_HOST_FILES) $(PCRE2_LIBS)
tests/fuzz/fuzz_smbconf: $(FUZZ_SMBCONF_FILES) $(FUZZ_HOST_FILES) $(FUZZ_SHARES_DEPS) $(FUZZ_DEPS) $(FUZZ_PLUGIN_DEPS)
	@$(FUZZ_NEED_CC); $(MKDIR_P) tests/fuzz
	$(AM_V_CC)$(FUZZ_BUILD) $(FUZZ_SMBCONF_FILES) $(FUZZ_HOST_FILES) $(PCRE2_LIBS)
tests/fuzz/fuzz_exports: $(FUZZ_EXPORTS_FILES) $(FUZZ_HOST_FILES) $(FUZZ_SHARES_DEPS) $(FUZZ_DEPS) $(FUZZ_PLUGIN_DEPS)
	@$(FUZZ_NEED_CC); $(MKDIR_P) tests/fuzz
	$(AM_V_CC)$(FUZZ_BUILD) $(FUZZ_EXPORTS_FILES) $(FUZZ_HOST_FILES) $(PCRE2_LIBS)
tests/fuzz/fuzz_rsnapshot: $(FUZZ_RSNAPSHOT_FILES) $(FUZZ_HOST_FILES) $(FUZZ_DEPS) $(FUZZ_PLUGIN_DEPS)
	@$(FUZZ_NEED_CC); $(MKDIR_P) tests/fuzz
	$(AM_V_CC)$(FUZZ_BUILD) $(FUZZ_RSNAPSHOT_FILES) $(FUZZ_HOST_FILES) $(PCRE2_LIBS)
tests/fuzz/fuzz_timeshift: $(FUZZ_TIMESHIFT_FILES) $(FUZZ_HOST_FILES) $(FUZZ_DEPS) $(FUZZ_PLUGIN_DEPS)
	@$(FUZZ_NEED_CC); $(MKDIR_P) tests/fuzz
	$(AM_V_CC)$(FUZZ_BUILD) $(FUZZ_TIMESHIFT_FILES) $(FUZZ_HOST_FILES) $(PCRE2_LIBS)

# The host-evidence plugins' parsers: the same sources as their unit
# suites (tests/unit/local.mk); the first input byte picks the parser.
FUZZ_FIREWALL_FILES = $(srcdir)/tests/fuzz/fuzz_firewall.c \
	$(srcdir)/plugins/firewall/parse.c $(FUZZ_PLUGIN_LIB)
FUZZ_ENCRYPTION_FILES = $(srcdir)/tests/fuzz/fuzz_encryption.c \
	$(srcdir)/plugins/encryption/parse.c $(FUZZ_PLUGIN_LIB)
FUZZ_SCREENLOCK_FILES = $(srcdir)/tests/fuzz/fuzz_screenlock.c \
	$(srcdir)/plugins/screenlock/parse.c $(FUZZ_PLUGIN_LIB)
FUZZ_LOGGING_FILES = $(srcdir)/tests/fuzz/fuzz_logging.c \
	$(srcdir)/plugins/logging/journal.c $(srcdir)/plugins/logging/logrotate.c \
	$(srcdir)/plugins/logging/syslogconf.c $(FUZZ_PLUGIN_LIB)
FUZZ_UPDATES_FILES = $(srcdir)/tests/fuzz/fuzz_updates.c \
	$(srcdir)/plugins/updates/aptconf.c $(srcdir)/plugins/updates/aptlists.c \
	$(srcdir)/plugins/updates/debver.c $(srcdir)/plugins/updates/jsonpath.c \
	$(srcdir)/plugins/updates/osrelease.c $(srcdir)/plugins/updates/pkglog.c \
	$(srcdir)/plugins/antivirus/cvd.c $(FUZZ_PLUGIN_LIB)
FUZZ_HOSTPARSE_CPPFLAGS = -I$(top_srcdir)/plugins/lib -I$(top_srcdir)/plugins/updates
FUZZ_HOSTPARSE_DEPS = $(srcdir)/tests/fuzz/fuzz_hostparse.h
tests/fuzz/fuzz_firewall: $(FUZZ_FIREWALL_FILES) $(FUZZ_HOSTPARSE_DEPS) $(FUZZ_DEPS)
	@$(FUZZ_NEED_CC); $(MKDIR_P) tests/fuzz
	$(AM_V_CC)$(FUZZ_BUILD) $(FUZZ_FIREWALL_FILES)
tests/fuzz/fuzz_encryption: $(FUZZ_ENCRYPTION_FILES) $(FUZZ_HOSTPARSE_DEPS) $(FUZZ_DEPS)
	@$(FUZZ_NEED_CC); $(MKDIR_P) tests/fuzz
	$(AM_V_CC)$(FUZZ_BUILD) $(FUZZ_ENCRYPTION_FILES)
tests/fuzz/fuzz_screenlock: $(FUZZ_SCREENLOCK_FILES) $(FUZZ_HOSTPARSE_DEPS) $(FUZZ_DEPS)
	@$(FUZZ_NEED_CC); $(MKDIR_P) tests/fuzz
	$(AM_V_CC)$(FUZZ_BUILD) $(FUZZ_SCREENLOCK_FILES)
tests/fuzz/fuzz_logging: $(FUZZ_LOGGING_FILES) $(FUZZ_HOSTPARSE_DEPS) $(FUZZ_DEPS)
	@$(FUZZ_NEED_CC); $(MKDIR_P) tests/fuzz
	$(AM_V_CC)$(FUZZ_BUILD) $(FUZZ_HOSTPARSE_CPPFLAGS) $(FUZZ_LOGGING_FILES)
tests/fuzz/fuzz_updates: $(FUZZ_UPDATES_FILES) $(FUZZ_HOSTPARSE_DEPS) $(FUZZ_DEPS)
	@$(FUZZ_NEED_CC); $(MKDIR_P) tests/fuzz
	$(AM_V_CC)$(FUZZ_BUILD) $(FUZZ_HOSTPARSE_CPPFLAGS) $(FUZZ_UPDATES_FILES)

# "smeaudit merge" (and diff, --previous) read report JSON with json-c;
# the merged report is written again in the formats that escape text.
FUZZ_MERGE_FILES = $(srcdir)/tests/fuzz/fuzz_merge.c $(srcdir)/core/repload.c \
	$(srcdir)/core/fleet.c $(srcdir)/core/answers.c $(srcdir)/core/catalog.c \
	$(srcdir)/core/score.c $(srcdir)/core/findings.c $(srcdir)/core/recfile.c \
	$(srcdir)/core/json.c $(srcdir)/core/util.c $(srcdir)/core/report.c \
	$(srcdir)/core/report_json.c $(srcdir)/core/report_text.c \
	$(srcdir)/core/report_html.c $(srcdir)/core/report_csv.c \
	$(srcdir)/core/report_ledger.c $(srcdir)/core/report_monitor.c \
	$(srcdir)/core/i18n.c $(srcdir)/core/ledger.c
tests/fuzz/fuzz_merge: $(FUZZ_MERGE_FILES) $(FUZZ_DEPS) $(srcdir)/core/fleet.h \
	    $(srcdir)/core/repload.h $(srcdir)/core/report.h
	@$(FUZZ_NEED_CC); $(MKDIR_P) tests/fuzz
	$(AM_V_CC)$(FUZZ_BUILD) $(JSONC_CFLAGS) $(FUZZ_MERGE_FILES) $(JSONC_LIBS)

fuzz: $(FUZZ_BINARIES)

# Every harness runs for FUZZ_SECONDS on a copy of its seed corpus; one
# input running longer than FUZZ_TIMEOUT seconds is a failure, as is a
# crash, a sanitizer report or a leak.  All harnesses run; the rule fails
# at the end naming those that failed (their inputs are left as
# tests/fuzz/work/NAME-crash-*, -leak-*, -timeout-*).  The harnesses'
# scratch roots go to a private directory removed afterwards.
FUZZ_TIMEOUT = 10
fuzz-run: fuzz
	@failed=""; \
	scratch=$$(mktemp -d "$${FUZZ_SCRATCH:-$$(test -w /dev/shm && echo /dev/shm || echo /tmp)}/smeaudit-fuzz-run.XXXXXX") || exit 1; \
	for t in $(FUZZ_TARGETS); do \
	    $(MKDIR_P) tests/fuzz/work/$$t || exit 1; \
	    echo "=== fuzz_$$t for $(FUZZ_SECONDS)s"; \
	    TMPDIR=$$scratch ./tests/fuzz/fuzz_$$t -max_total_time=$(FUZZ_SECONDS) \
	        -timeout=$(FUZZ_TIMEOUT) -print_final_stats=1 \
	        -artifact_prefix=tests/fuzz/work/$$t- \
	        -dict=$(srcdir)/tests/fuzz/$$t.dict \
	        tests/fuzz/work/$$t $(srcdir)/tests/fuzz/corpus/$$t \
	        > tests/fuzz/work/$$t.log 2>&1; \
	    rc=$$?; \
	    grep -E '^stat::(number_of_executed_units|peak_rss_mb)' tests/fuzz/work/$$t.log; \
	    if [ $$rc -ne 0 ]; then \
	        failed="$$failed $$t"; \
	        grep -E 'ERROR|SUMMARY|Test unit written|^(==|    #)' tests/fuzz/work/$$t.log | head -40; \
	        echo "=== fuzz_$$t FAILED (exit $$rc); log: tests/fuzz/work/$$t.log"; \
	    fi; \
	done; \
	rm -rf "$$scratch"; \
	if [ -n "$$failed" ]; then echo "fuzzing failed:$$failed" >&2; exit 1; fi

fuzz-clean:
	-rm -rf tests/fuzz/work
	-rm -f $(FUZZ_BINARIES)

.PHONY: fuzz fuzz-run fuzz-clean
CLEANFILES += $(FUZZ_BINARIES)
EXTRA_DIST += $(FUZZ_TARGETS:%=tests/fuzz/fuzz_%.c) \
	$(FUZZ_TARGETS:%=tests/fuzz/%.dict) tests/fuzz/corpus \
	tests/fuzz/fuzz_host.c tests/fuzz/fuzz_host.h tests/fuzz/fuzz_backup.h \
	tests/fuzz/fuzz_hostparse.h tests/fuzz/fuzz_shares.h tests/fuzz/README
