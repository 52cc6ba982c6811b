# SPDX-License-Identifier: MIT
plugins_LTLIBRARIES += plugins/shares.la
plugins_shares_la_SOURCES = \
	plugins/shares/shares.c plugins/shares/shares.h \
	plugins/shares/walk.c \
	plugins/shares/smbconf.c \
	plugins/shares/exports.c \
	plugins/shares/common.c
plugins_shares_la_CPPFLAGS = $(PLUGIN_CPPFLAGS)
plugins_shares_la_CFLAGS = $(AM_CFLAGS) -pthread
plugins_shares_la_LDFLAGS = $(PLUGIN_LDFLAGS) -pthread
plugins_shares_la_LIBADD = plugins/lib/libplugin.la
