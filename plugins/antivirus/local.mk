# SPDX-License-Identifier: MIT
plugins_LTLIBRARIES += plugins/antivirus.la
plugins_antivirus_la_SOURCES = \
	plugins/antivirus/antivirus.c \
	plugins/antivirus/cvd.c plugins/antivirus/cvd.h
plugins_antivirus_la_CPPFLAGS = $(PLUGIN_CPPFLAGS)
plugins_antivirus_la_LDFLAGS = $(PLUGIN_LDFLAGS)
plugins_antivirus_la_LIBADD = plugins/lib/libplugin.la
