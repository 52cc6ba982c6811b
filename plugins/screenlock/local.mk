# SPDX-License-Identifier: MIT
plugins_LTLIBRARIES += plugins/screenlock.la
plugins_screenlock_la_SOURCES = plugins/screenlock/screenlock.c \
	plugins/screenlock/parse.c plugins/screenlock/screenlock.h
plugins_screenlock_la_CPPFLAGS = $(PLUGIN_CPPFLAGS)
plugins_screenlock_la_LDFLAGS = $(PLUGIN_LDFLAGS)
plugins_screenlock_la_LIBADD = plugins/lib/libplugin.la
