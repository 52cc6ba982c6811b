# SPDX-License-Identifier: MIT
plugins_LTLIBRARIES += plugins/antivirus.la
plugins_antivirus_la_SOURCES = \
	plugins/antivirus/antivirus.c \
	plugins/antivirus/cvd.c plugins/antivirus/cvd.h \
	plugins/common/deb822.c plugins/common/deb822.h \
	plugins/common/dpkgdb.c plugins/common/dpkgdb.h \
	plugins/common/hostfs.c plugins/common/hostfs.h \
	plugins/common/units.c plugins/common/units.h
plugins_antivirus_la_CPPFLAGS = $(PLUGIN_CPPFLAGS) -I$(top_srcdir)/plugins/common
plugins_antivirus_la_LDFLAGS = $(PLUGIN_LDFLAGS)
