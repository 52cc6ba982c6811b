# SPDX-License-Identifier: MIT
plugins_LTLIBRARIES += plugins/encryption.la
plugins_encryption_la_SOURCES = plugins/encryption/encryption.c \
	plugins/encryption/parse.c plugins/encryption/encryption.h
plugins_encryption_la_CPPFLAGS = $(PLUGIN_CPPFLAGS)
plugins_encryption_la_LDFLAGS = $(PLUGIN_LDFLAGS)
plugins_encryption_la_LIBADD = plugins/lib/libplugin.la
