# SPDX-License-Identifier: MIT
dist_rules_DATA += rules/guideline-3.0.catalog
dist_rules_DATA += rules/risk-3.0.rules
dist_rules_DATA += rules/os-eol.rules
dist_rules_DATA += rules/av-agents.rules
passwordrulesdir = $(rulesdir)/password
dist_passwordrules_DATA = \
	rules/password/00-length.rules rules/password/10-structure.rules \
	rules/password/20-sequences.rules rules/password/30-personal.rules \
	rules/password/40-words.rules \
	rules/password/names-family.txt rules/password/names-given.txt \
	rules/password/romaji-words.txt rules/password/office-words.txt \
	rules/password/brand-names.txt
