# SPDX-License-Identifier: MIT
plugins_LTLIBRARIES += plugins/wifi.la
plugins_wifi_la_SOURCES = plugins/wifi/wifi.c plugins/wifi/wifi.h \
	plugins/lib/hostfiles.c plugins/lib/hostfiles.h
plugins_wifi_la_CPPFLAGS = $(PLUGIN_CPPFLAGS)
plugins_wifi_la_LDFLAGS = $(PLUGIN_LDFLAGS)
