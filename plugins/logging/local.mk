# SPDX-License-Identifier: MIT
plugins_LTLIBRARIES += plugins/logging.la
plugins_logging_la_SOURCES = \
	plugins/logging/logging.c \
	plugins/logging/journal.c plugins/logging/journal.h \
	plugins/logging/logrotate.c plugins/logging/logrotate.h \
	plugins/logging/syslogconf.c plugins/logging/syslogconf.h
plugins_logging_la_CPPFLAGS = $(PLUGIN_CPPFLAGS)
plugins_logging_la_LDFLAGS = $(PLUGIN_LDFLAGS)
plugins_logging_la_LIBADD = plugins/lib/libplugin.la
