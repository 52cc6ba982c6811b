# SPDX-License-Identifier: MIT
# password: policy and account audit (item 3) and "smeaudit password-check".
PASSWORD_ENGINE_SOURCES = \
	plugins/password/pwtext.c plugins/password/pwtext.h \
	plugins/password/pwwords.c plugins/password/pwwords.h \
	plugins/password/pwrules.c plugins/password/pwrules.h \
	plugins/password/pwcheck.c plugins/password/pwcheck.h

plugins_LTLIBRARIES += plugins/password.la
plugins_password_la_SOURCES = $(PASSWORD_ENGINE_SOURCES) \
	plugins/password/password.c plugins/password/password.h \
	plugins/password/pwpolicy.c plugins/password/pwpolicy.h \
	plugins/password/pwaccounts.c plugins/password/pwaccounts.h \
	plugins/password/pwcmd.c
plugins_password_la_CPPFLAGS = $(PLUGIN_CPPFLAGS)
plugins_password_la_LDFLAGS = $(PLUGIN_LDFLAGS)
plugins_password_la_LIBADD = plugins/lib/libplugin.la
