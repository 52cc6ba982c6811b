# SPDX-License-Identifier: MIT
plugins_LTLIBRARIES += plugins/firewall.la
plugins_firewall_la_SOURCES = plugins/firewall/firewall.c plugins/firewall/parse.c \
	plugins/firewall/firewall.h
plugins_firewall_la_CPPFLAGS = $(PLUGIN_CPPFLAGS)
plugins_firewall_la_LDFLAGS = $(PLUGIN_LDFLAGS)
plugins_firewall_la_LIBADD = plugins/lib/libplugin.la
