# SPDX-License-Identifier: MIT
plugins_LTLIBRARIES += plugins/logging.la
plugins_logging_la_SOURCES = \
	plugins/logging/logging.c \
	plugins/logging/journal.c plugins/logging/journal.h \
	plugins/logging/logrotate.c plugins/logging/logrotate.h \
	plugins/logging/syslogconf.c plugins/logging/syslogconf.h \
	plugins/common/deb822.c plugins/common/deb822.h \
	plugins/common/dpkgdb.c plugins/common/dpkgdb.h \
	plugins/common/hostfs.c plugins/common/hostfs.h \
	plugins/common/units.c plugins/common/units.h
plugins_logging_la_CPPFLAGS = $(PLUGIN_CPPFLAGS) -I$(top_srcdir)/plugins/common
plugins_logging_la_LDFLAGS = $(PLUGIN_LDFLAGS)
