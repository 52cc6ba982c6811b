# SPDX-License-Identifier: MIT
# Plugins see only the public SDK header, never core/: the include path
# itself keeps the boundary.  Each plugin is a libtool module exporting
# the one symbol smeaudit_plugin; plugins/NAME/local.mk adds it.
PLUGIN_CPPFLAGS = -I$(top_srcdir)/core/sdk
PLUGIN_LDFLAGS = -module -avoid-version -no-undefined -shared \
	-export-symbols-regex '^smeaudit_plugin$$' $(SA_SAN_LDFLAGS)
include plugins/wifi/local.mk
include plugins/firewall/local.mk
include plugins/encryption/local.mk
include plugins/screenlock/local.mk
include plugins/cloud/local.mk
include plugins/updates/local.mk
include plugins/antivirus/local.mk
include plugins/logging/local.mk
include plugins/backup/local.mk
include plugins/shares/local.mk
include plugins/password/local.mk
include plugins/lib/local.mk
# The library is compiled one section per function: a module keeps only
# the parts of it that the module uses.
PLUGIN_LDFLAGS += -Wl,--gc-sections
