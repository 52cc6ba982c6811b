# SPDX-License-Identifier: MIT
# The example plugin is built by make check and tested like any other.
check_LTLIBRARIES += contrib/example-plugin/example.la
contrib_example_plugin_example_la_SOURCES = contrib/example-plugin/example.c
contrib_example_plugin_example_la_CPPFLAGS = $(PLUGIN_CPPFLAGS)
contrib_example_plugin_example_la_LDFLAGS = $(PLUGIN_LDFLAGS) -rpath /nowhere

# bash completion, where bash-completion looks for it.
bashcompletiondir = $(datadir)/bash-completion/completions
dist_bashcompletion_DATA = contrib/bash-completion/smeaudit
EXTRA_DIST += contrib/example-plugin/Makefile
