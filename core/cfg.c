/* SPDX-License-Identifier: MIT */
#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cfg.h"
#include "i18n.h"
#include "iniread.h"

#define CFG_DEFAULT_TIMEOUT 300
#define CFG_DEFAULT_MEMORY (1024LL * 1024 * 1024)
#define CFG_DEFAULT_EXAMPLES 10
#define CFG_MAX_JOBS 64

const struct sa_config_key cfg_core_keys[] = {
	{ "plugin_dir", SA_CONFIG_PATH, NULL, SA_CONFIG_MULTI,
	  "Directory searched for plugins, after the built-in one.",
	  "組み込みのディレクトリに加えてプラグインを探すディレクトリ。" },
	{ "enable", SA_CONFIG_STRING, NULL, SA_CONFIG_MULTI,
	  "Comma-separated plugins --all runs; all found when unset.",
	  "--all で実行するプラグイン(カンマ区切り)。未指定なら見つかったすべて。" },
	{ "disable", SA_CONFIG_STRING, NULL, SA_CONFIG_MULTI,
	  "Comma-separated plugins --all never runs.",
	  "--all で実行しないプラグイン(カンマ区切り)。" },
	{ "answers", SA_CONFIG_PATH, NULL, SA_CONFIG_MULTI,
	  "Answers file read before any --answers (later files win).",
	  "--answers より先に読む回答ファイル(後のファイルが優先)。" },
	{ "timeout", SA_CONFIG_DURATION, "300s", 0,
	  "Time a plugin may run before it is stopped.",
	  "プラグインを打ち切るまでの実行時間。" },
	{ "jobs", SA_CONFIG_INT, "0", 0,
	  "Plugins run at the same time; 0 means one per CPU.",
	  "同時に実行するプラグイン数。0 なら CPU 数。" },
	{ "memory_limit", SA_CONFIG_SIZE, "1G", 0,
	  "Address space a plugin may use.",
	  "プラグインが使えるアドレス空間の上限。" },
	{ "max_examples", SA_CONFIG_INT, "10", 0,
	  "Objects listed as examples in one finding.",
	  "1 件の指摘に例として載せる対象の数。" },
	{ "edition", SA_CONFIG_STRING, "3.0", 0,
	  "Guideline edition whose catalog is used.",
	  "使用するガイドラインの版。" },
	{ NULL, 0, NULL, 0, NULL, NULL }
};

const struct sa_config_key cfg_generic_plugin_keys[] = {
	{ "enabled", SA_CONFIG_BOOL, "yes", 0,
	  "Whether --all runs this plugin.",
	  "--all でこのプラグインを実行するか。" },
	{ "timeout", SA_CONFIG_DURATION, NULL, 0,
	  "This plugin's own time limit ([core] timeout when unset).",
	  "このプラグイン固有の制限時間(未指定なら [core] timeout)。" },
	{ NULL, 0, NULL, 0, NULL, NULL }
};

static void
cfg_list_add(struct cfg_list *l, const char *s)
{
	l->v = xreallocarray(l->v, l->n + 1, sizeof(*l->v));
	l->v[l->n++] = xstrdup(s);
}

static void
cfg_list_free(struct cfg_list *l)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		free(l->v[i]);
	free(l->v);
	l->v = NULL;
	l->n = 0;
}

void
cfg_init(struct cfg *cfg)
{
	memset(cfg, 0, sizeof(*cfg));
	ss_init(&cfg->sections);
	cfg->timeout = CFG_DEFAULT_TIMEOUT;
	cfg->jobs = 0;
	cfg->memory_limit = CFG_DEFAULT_MEMORY;
	cfg->max_examples = CFG_DEFAULT_EXAMPLES;
	cfg->edition = xstrdup("3.0");
}

void
cfg_free(struct cfg *cfg)
{
	size_t i;

	for (i = 0; i < cfg->n_entries; i++) {
		free(cfg->entries[i].section);
		free(cfg->entries[i].key);
		free(cfg->entries[i].value);
	}
	free(cfg->entries);
	for (i = 0; i < cfg->n_headers; i++)
		free(cfg->headers[i].section);
	free(cfg->headers);
	free(cfg->path);
	free(cfg->edition);
	ss_free(&cfg->sections);
	cfg_list_free(&cfg->plugin_dirs);
	cfg_list_free(&cfg->enable);
	cfg_list_free(&cfg->disable);
	cfg_list_free(&cfg->answers);
	memset(cfg, 0, sizeof(*cfg));
}

int
cfg_check_value(enum sa_config_type type, const char *value, struct sbuf *err)
{
	long long ll;
	int64_t n;
	int b;

	switch (type) {
	case SA_CONFIG_BOOL:
		if (ut_parse_bool(value, &b) < 0) {
			sb_printf(err, _("\"%s\" is not yes or no"), value);
			return -EINVAL;
		}
		return 0;
	case SA_CONFIG_INT:
		if (ut_parse_int(value, &ll) < 0) {
			sb_printf(err, _("\"%s\" is not a whole number"), value);
			return -EINVAL;
		}
		return 0;
	case SA_CONFIG_DURATION:
		if (ut_parse_duration(value, &n) < 0) {
			sb_printf(err, _("\"%s\" is not a duration (e.g. 90s, 30m, 26h, 2d, 1w)"), value);
			return -EINVAL;
		}
		return 0;
	case SA_CONFIG_SIZE:
		if (ut_parse_size(value, &n) < 0) {
			sb_printf(err, _("\"%s\" is not a size (e.g. 512k, 10M, 2G)"), value);
			return -EINVAL;
		}
		return 0;
	case SA_CONFIG_PATH:
		if (value[0] == '\0') {
			sb_printf(err, _("empty path"));
			return -EINVAL;
		}
		return 0;
	case SA_CONFIG_STRING:
		return 0;
	}
	sb_printf(err, _("unknown key type"));
	return -EINVAL;
}

static const struct sa_config_key *
cfg_find_key(const struct sa_config_key *table, const char *key)
{
	for (; table != NULL && table->name != NULL; table++)
		if (strcmp(table->name, key) == 0)
			return table;
	return NULL;
}

static int
cfg_valid_section(const char *s)
{
	const char *p;

	if (strcmp(s, "core") == 0)
		return 1;
	if (strncmp(s, "plugin.", 7) != 0 || s[7] == '\0')
		return 0;
	for (p = s + 7; *p != '\0'; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') ||
		    *p == '_' || *p == '-' || *p == '.' ||
		    (*p >= 'A' && *p <= 'Z')))
			return 0;
	return p[-1] != '.';
}

static int
cfg_on_section(void *user, const char *section, unsigned int line,
    struct sbuf *err)
{
	struct cfg *cfg = user;

	if (!cfg_valid_section(section)) {
		sb_printf(err, _("unknown section [%s]; expected [core] or [plugin.NAME]"),
		    section);
		return -EINVAL;
	}
	if (!ss_add(&cfg->sections, section)) {
		sb_printf(err, _("section [%s] appears twice"), section);
		return -EINVAL;
	}
	cfg->headers = xreallocarray(cfg->headers, cfg->n_headers + 1,
	    sizeof(*cfg->headers));
	memset(&cfg->headers[cfg->n_headers], 0, sizeof(*cfg->headers));
	cfg->headers[cfg->n_headers].section = xstrdup(section);
	cfg->headers[cfg->n_headers++].line = line;
	return 0;
}

static void
cfg_split_list(struct cfg_list *l, const char *value)
{
	char *copy = xstrdup(value), *save = NULL, *tok, *t;

	for (tok = strtok_r(copy, ",", &save); tok != NULL;
	    tok = strtok_r(NULL, ",", &save)) {
		t = ut_trim(tok);
		if (*t != '\0')
			cfg_list_add(l, t);
	}
	free(copy);
}

static int
cfg_apply_core(struct cfg *cfg, const char *key, const char *value,
    struct sbuf *err)
{
	long long ll;

	if (strcmp(key, "plugin_dir") == 0)
		cfg_list_add(&cfg->plugin_dirs, value);
	else if (strcmp(key, "enable") == 0)
		cfg_split_list(&cfg->enable, value);
	else if (strcmp(key, "disable") == 0)
		cfg_split_list(&cfg->disable, value);
	else if (strcmp(key, "answers") == 0)
		cfg_list_add(&cfg->answers, value);
	else if (strcmp(key, "timeout") == 0) {
		ut_parse_duration(value, &cfg->timeout);
		if (cfg->timeout < 1) {
			sb_printf(err, _("timeout must be at least 1s"));
			return -EINVAL;
		}
	} else if (strcmp(key, "jobs") == 0) {
		ut_parse_int(value, &ll);
		if (ll < 0 || ll > CFG_MAX_JOBS) {
			sb_printf(err, _("jobs must be between 0 and %d"), CFG_MAX_JOBS);
			return -EINVAL;
		}
		cfg->jobs = ll;
	} else if (strcmp(key, "memory_limit") == 0) {
		ut_parse_size(value, &cfg->memory_limit);
		if (cfg->memory_limit < 16 * 1024 * 1024) {
			sb_printf(err, _("memory_limit must be at least 16M"));
			return -EINVAL;
		}
	} else if (strcmp(key, "max_examples") == 0) {
		ut_parse_int(value, &ll);
		if (ll < 0 || ll > 1000) {
			sb_printf(err, _("max_examples must be between 0 and 1000"));
			return -EINVAL;
		}
		cfg->max_examples = ll;
	} else if (strcmp(key, "edition") == 0) {
		free(cfg->edition);
		cfg->edition = xstrdup(value);
	}
	return 0;
}

static int
cfg_seen_before(const struct cfg *cfg, const char *section, const char *key)
{
	size_t i;

	for (i = 0; i < cfg->n_entries; i++)
		if (strcmp(cfg->entries[i].section, section) == 0 &&
		    strcmp(cfg->entries[i].key, key) == 0)
			return 1;
	return 0;
}

static int
cfg_on_key(void *user, const char *section, const char *key,
    const char *value, unsigned int line, struct sbuf *err)
{
	struct cfg *cfg = user;
	const struct sa_config_key *k;
	struct cfg_entry *e;

	if (section[0] == '\0') {
		sb_printf(err, _("\"%s\" outside any section"), key);
		return -EINVAL;
	}
	if (strcmp(section, "core") == 0) {
		k = cfg_find_key(cfg_core_keys, key);
		if (k == NULL) {
			sb_printf(err, _("unknown key \"%s\" in [core]"), key);
			return -EINVAL;
		}
		if (!(k->flags & SA_CONFIG_MULTI) &&
		    cfg_seen_before(cfg, section, key)) {
			sb_printf(err, _("\"%s\" given twice in [core]"), key);
			return -EINVAL;
		}
		if (cfg_check_value(k->type, value, err) < 0)
			return -EINVAL;
		if (cfg_apply_core(cfg, key, value, err) < 0)
			return -EINVAL;
	}
	cfg->entries = xreallocarray(cfg->entries, cfg->n_entries + 1,
	    sizeof(*cfg->entries));
	e = &cfg->entries[cfg->n_entries++];
	e->section = xstrdup(section);
	e->key = xstrdup(key);
	e->value = xstrdup(value);
	e->line = line;
	return 0;
}

int
cfg_load(struct cfg *cfg, const char *path, struct sbuf *err)
{
	free(cfg->path);
	cfg->path = xstrdup(path);
	return ir_parse_file(path, cfg_on_section, cfg_on_key, cfg, err);
}

/* Split "plugin.NAME[.SUB]"; returns the NAME length, *sub the SUB or NULL. */
static size_t
cfg_split_section(const char *section, const char **sub)
{
	const char *name = section + 7, *dot = strchr(name, '.');

	*sub = dot != NULL ? dot + 1 : NULL;
	return dot != NULL ? (size_t)(dot - name) : strlen(name);
}

static int
cfg_section_matches(const char *section, const char *plugin, const char *sub)
{
	const char *s;
	size_t n;

	if (strncmp(section, "plugin.", 7) != 0)
		return 0;
	n = cfg_split_section(section, &s);
	if (strlen(plugin) != n || strncmp(section + 7, plugin, n) != 0)
		return 0;
	if (sub == NULL)
		return s == NULL;
	return s != NULL && strcmp(s, sub) == 0;
}

int
cfg_validate_plugins(const struct cfg *cfg,
    const struct sa_plugin *(*find)(void *user, const char *name), void *user,
    struct sbuf *err)
{
	const struct cfg_entry *e;
	const struct sa_plugin *pl;
	const struct sa_config_key *k;
	const char *sub;
	char *name;
	size_t i, j, n;
	int in_sub, allowed;

	for (i = 0; i < cfg->n_entries; i++) {
		e = &cfg->entries[i];
		if (strncmp(e->section, "plugin.", 7) != 0)
			continue;
		n = cfg_split_section(e->section, &sub);
		name = xstrndup(e->section + 7, n);
		pl = find(user, name);
		sb_reset(err);
		if (pl == NULL) {
			sb_printf(err, _("%s:%u: [%s] names plugin \"%s\", which is not installed"),
			    cfg->path, e->line, e->section, name);
			free(name);
			return -EINVAL;
		}
		free(name);
		in_sub = sub != NULL;
		k = in_sub ? NULL : cfg_find_key(cfg_generic_plugin_keys, e->key);
		if (k == NULL)
			k = cfg_find_key(pl->config, e->key);
		allowed = k != NULL;
		if (k != NULL && k->flags & SA_CONFIG_SUB && !in_sub)
			allowed = 0;
		if (k != NULL && in_sub &&
		    !(k->flags & (SA_CONFIG_SUB | SA_CONFIG_MAIN_AND_SUB)))
			allowed = 0;
		if (!allowed) {
			sb_printf(err, _("%s:%u: unknown key \"%s\" in [%s]"),
			    cfg->path, e->line, e->key, e->section);
			return -EINVAL;
		}
		if (!(k->flags & SA_CONFIG_MULTI))
			for (j = 0; j < i; j++)
				if (strcmp(cfg->entries[j].section, e->section) == 0 &&
				    strcmp(cfg->entries[j].key, e->key) == 0) {
					sb_printf(err, _("%s:%u: \"%s\" given twice in [%s]"),
					    cfg->path, e->line, e->key, e->section);
					return -EINVAL;
				}
		sb_printf(err, "%s:%u: %s: ", cfg->path, e->line, e->key);
		if (cfg_check_value(k->type, e->value, err) < 0)
			return -EINVAL;
	}
	/* Empty sections of unknown plugins are mistakes too. */
	for (i = 0; i < cfg->n_headers; i++) {
		const char *s = cfg->headers[i].section;

		if (strncmp(s, "plugin.", 7) != 0)
			continue;
		n = cfg_split_section(s, &sub);
		name = xstrndup(s + 7, n);
		pl = find(user, name);
		if (pl == NULL) {
			sb_reset(err);
			sb_printf(err, _("%s:%u: [%s] names plugin \"%s\", which is not installed"),
			    cfg->path, cfg->headers[i].line, s, name);
			free(name);
			return -EINVAL;
		}
		free(name);
	}
	sb_reset(err);
	return 0;
}

const char *
cfg_value(const struct cfg *cfg, const char *plugin, const char *sub,
    const char *key)
{
	size_t i;

	for (i = cfg->n_entries; i-- > 0;)
		if (strcmp(cfg->entries[i].key, key) == 0 &&
		    cfg_section_matches(cfg->entries[i].section, plugin, sub))
			return cfg->entries[i].value;
	return NULL;
}

size_t
cfg_values(const struct cfg *cfg, const char *plugin, const char *sub,
    const char *key, const char ***ret)
{
	const char **v = NULL;
	size_t i, n = 0;

	for (i = 0; i < cfg->n_entries; i++)
		if (strcmp(cfg->entries[i].key, key) == 0 &&
		    cfg_section_matches(cfg->entries[i].section, plugin, sub)) {
			v = xreallocarray(v, n + 1, sizeof(*v));
			v[n++] = cfg->entries[i].value;
		}
	*ret = v;
	return n;
}

int
cfg_where(const struct cfg *cfg, const char *plugin, const char *sub,
    const char *key, size_t index, const char **ret_file,
    unsigned int *ret_line)
{
	size_t i, seen = 0;

	for (i = 0; i < cfg->n_entries; i++)
		if (strcmp(cfg->entries[i].key, key) == 0 &&
		    cfg_section_matches(cfg->entries[i].section, plugin, sub) &&
		    seen++ == index) {
			*ret_file = cfg->path;
			*ret_line = cfg->entries[i].line;
			return 0;
		}
	return -ENOENT;
}

size_t
cfg_subsections(const struct cfg *cfg, const char *plugin, const char ***ret)
{
	const char **v = NULL, *sub;
	size_t i, n = 0, len;

	/*
	 * From the headers, not the keys: a [plugin.NAME.SUB] that keeps
	 * every default has no keys but is still a job to run.  Headers
	 * never repeat (cfg_on_section refuses that).
	 */
	for (i = 0; i < cfg->n_headers; i++) {
		const char *s = cfg->headers[i].section;

		if (strncmp(s, "plugin.", 7) != 0)
			continue;
		len = cfg_split_section(s, &sub);
		if (sub == NULL || strlen(plugin) != len ||
		    strncmp(s + 7, plugin, len) != 0)
			continue;
		v = xreallocarray(v, n + 1, sizeof(*v));
		v[n++] = sub;
	}
	*ret = v;
	return n;
}

static int
cfg_list_has(const struct cfg_list *l, const char *s)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		if (strcmp(l->v[i], s) == 0)
			return 1;
	return 0;
}

int
cfg_plugin_enabled(const struct cfg *cfg, const char *plugin)
{
	const char *v = cfg_value(cfg, plugin, NULL, "enabled");
	int b = 1;

	if (v != NULL && ut_parse_bool(v, &b) == 0 && !b)
		return 0;
	if (cfg_list_has(&cfg->disable, plugin))
		return 0;
	if (cfg->enable.n > 0 && !cfg_list_has(&cfg->enable, plugin))
		return 0;
	return 1;
}

int64_t
cfg_plugin_timeout(const struct cfg *cfg, const char *plugin)
{
	const char *v = cfg_value(cfg, plugin, NULL, "timeout");
	int64_t t;

	if (v != NULL && ut_parse_duration(v, &t) == 0 && t > 0)
		return t;
	return cfg->timeout;
}
