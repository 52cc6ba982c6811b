# SPDX-License-Identifier: MIT
# libFuzzer harnesses for the core's parsers.  Not part of make check:
# "make fuzz" builds them with clang (FUZZ_CC), "make fuzz-run" runs each
# for FUZZ_SECONDS on a copy of its seed corpus (new inputs go to
# tests/fuzz/work/NAME in the build tree, never into the source tree).
# The core sources are compiled into each harness with the fuzzer's
# instrumentation, so the configured compiler may be anything.
# Needs the Debian packages clang and libclang-rt-dev; they are not in
# contrib/debian-packages.txt because quickstart.sh installs that list on
# the machine being audited.

FUZZ_CC = clang
FUZZ_CFLAGS = -g -O1 -std=c11 -fno-omit-frame-pointer $(SA_WARN_CFLAGS) \
	-fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined
FUZZ_CPPFLAGS = -I$(top_srcdir)/core -I$(top_srcdir)/core/sdk -I$(top_builddir) \
	$(CORE_DEFS)
FUZZ_SECONDS = 60
FUZZ_NEED_CC = command -v $(FUZZ_CC) >/dev/null 2>&1 || { \
	echo "make fuzz needs $(FUZZ_CC) with libFuzzer (Debian: clang libclang-rt-dev)" >&2; \
	exit 1; }
FUZZ_TARGETS = recfile ini answers wire
FUZZ_BINARIES = tests/fuzz/fuzz_recfile tests/fuzz/fuzz_ini \
	tests/fuzz/fuzz_answers tests/fuzz/fuzz_wire

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

fuzz: $(FUZZ_BINARIES)

# A crash leaves its input as tests/fuzz/work/crash-* and stops the loop.
fuzz-run: fuzz
	@for t in $(FUZZ_TARGETS); do \
	    $(MKDIR_P) tests/fuzz/work/$$t || exit 1; \
	    echo "=== fuzz_$$t for $(FUZZ_SECONDS)s"; \
	    ./tests/fuzz/fuzz_$$t -max_total_time=$(FUZZ_SECONDS) -print_final_stats=1 \
	        -artifact_prefix=tests/fuzz/work/ \
	        -dict=$(srcdir)/tests/fuzz/$$t.dict \
	        tests/fuzz/work/$$t $(srcdir)/tests/fuzz/corpus/$$t || exit 1; \
	done

fuzz-clean:
	-rm -rf tests/fuzz/work
	-rm -f $(FUZZ_BINARIES)

.PHONY: fuzz fuzz-run fuzz-clean
CLEANFILES += $(FUZZ_BINARIES)
EXTRA_DIST += tests/fuzz/fuzz_recfile.c tests/fuzz/fuzz_ini.c \
	tests/fuzz/fuzz_answers.c tests/fuzz/fuzz_wire.c tests/fuzz/corpus \
	tests/fuzz/recfile.dict tests/fuzz/ini.dict tests/fuzz/answers.dict \
	tests/fuzz/wire.dict
