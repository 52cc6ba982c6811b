# SPDX-License-Identifier: MIT
plugins_LTLIBRARIES += plugins/cloud.la
plugins_cloud_la_SOURCES = plugins/cloud/cloud.c
plugins_cloud_la_CPPFLAGS = $(PLUGIN_CPPFLAGS)
plugins_cloud_la_LDFLAGS = $(PLUGIN_LDFLAGS)
