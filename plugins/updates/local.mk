# SPDX-License-Identifier: MIT
# zlib and liblz4 read apt lists and rotated logs in the compressed forms
# apt and logrotate leave them (container images keep lists as .lz4).
plugins_LTLIBRARIES += plugins/updates.la
plugins_updates_la_SOURCES = \
	plugins/updates/updates.c plugins/updates/updates.h \
	plugins/updates/debian.c plugins/updates/rhel.c \
	plugins/updates/aptconf.c plugins/updates/aptconf.h \
	plugins/updates/aptlists.c plugins/updates/aptlists.h \
	plugins/updates/debver.c plugins/updates/debver.h \
	plugins/updates/eol.c plugins/updates/eol.h \
	plugins/updates/jsonpath.c plugins/updates/jsonpath.h \
	plugins/updates/osrelease.c plugins/updates/osrelease.h \
	plugins/updates/pkglog.c plugins/updates/pkglog.h \
	plugins/updates/zread.c plugins/updates/zread.h
plugins_updates_la_CPPFLAGS = $(PLUGIN_CPPFLAGS) $(LZ4_CFLAGS) $(ZLIB_CFLAGS)
plugins_updates_la_LDFLAGS = $(PLUGIN_LDFLAGS)
plugins_updates_la_LIBADD = plugins/lib/libplugin.la $(LZ4_LIBS) $(ZLIB_LIBS)
