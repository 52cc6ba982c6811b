# SPDX-License-Identifier: MIT
# The plugin-side helper library: compiled once (PIC, for modules) and
# linked into every plugin that uses it.  It sees only the SDK header,
# like the plugins, and libtool keeps its symbols out of each module's
# exports (-export-symbols-regex in PLUGIN_LDFLAGS).
noinst_LTLIBRARIES += plugins/lib/libplugin.la
plugins_lib_libplugin_la_SOURCES = \
	plugins/lib/hostfiles.c plugins/lib/hostfiles.h \
	plugins/lib/cfgchk.c plugins/lib/cfgchk.h \
	plugins/lib/deb822.c plugins/lib/deb822.h \
	plugins/lib/dpkgdb.c plugins/lib/dpkgdb.h \
	plugins/lib/keyfile.c plugins/lib/keyfile.h \
	plugins/lib/timefmt.c plugins/lib/timefmt.h \
	plugins/lib/units.c plugins/lib/units.h
plugins_lib_libplugin_la_CPPFLAGS = $(PLUGIN_CPPFLAGS)
# One section per function, so that a module's --gc-sections link
# (PLUGIN_LDFLAGS) drops what it does not use of the library.
plugins_lib_libplugin_la_CFLAGS = $(AM_CFLAGS) -ffunction-sections -fdata-sections
