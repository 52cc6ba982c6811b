# SPDX-License-Identifier: MIT
dist_rules_DATA += rules/guideline-3.0.catalog
dist_rules_DATA += rules/risk-3.0.rules
dist_rules_DATA += rules/os-eol.rules
dist_rules_DATA += rules/av-agents.rules
