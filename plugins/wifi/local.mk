# SPDX-License-Identifier: MIT
plugins_LTLIBRARIES += plugins/wifi.la
plugins_wifi_la_SOURCES = plugins/wifi/wifi.c plugins/wifi/wifi.h
plugins_wifi_la_CPPFLAGS = $(PLUGIN_CPPFLAGS)
plugins_wifi_la_LDFLAGS = $(PLUGIN_LDFLAGS)
plugins_wifi_la_LIBADD = plugins/lib/libplugin.la
