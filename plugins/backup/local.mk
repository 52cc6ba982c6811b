# SPDX-License-Identifier: MIT
plugins_LTLIBRARIES += plugins/backup.la
plugins_backup_la_SOURCES = \
	plugins/backup/backup.c \
	plugins/backup/bk.h \
	plugins/backup/bk_detect.c \
	plugins/backup/bk_exec.c \
	plugins/backup/bk_files.c \
	plugins/backup/bk_json.c \
	plugins/backup/bk_parse.c \
	plugins/backup/bk_tools.c
plugins_backup_la_CPPFLAGS = $(PLUGIN_CPPFLAGS)
plugins_backup_la_LDFLAGS = $(PLUGIN_LDFLAGS)
plugins_backup_la_LIBADD = plugins/lib/libplugin.la
