# SPDX-License-Identifier: MIT
# Fleet audits with Ansible; tests/install/ansible.sh runs the playbook.
EXTRA_DIST += contrib/ansible/smeaudit.yml contrib/ansible/hosts.example.ini \
	contrib/ansible/README.md
