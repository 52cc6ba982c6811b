/* SPDX-License-Identifier: MIT */
#include "config.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "host.h"
#include "i18n.h"
#include "recfile.h"
#include "rx.h"
#include "wire.h"

#define HOST_COUNT_FLUSH 65536u
#define HOST_PROGRESS_MS 200

void
host_print_log(const char *plugin, int level, const char *text, int verbosity)
{
	static const char *const names[] = { N_("error"), N_("warning"),
	    N_("info"), N_("debug") };
	struct sbuf line;
	const char *p;

	if ((level == SA_LOG_WARNING && verbosity < 0) ||
	    (level == SA_LOG_INFO && verbosity < 1) ||
	    (level == SA_LOG_DEBUG && verbosity < 2) || level < 0 || level > 3)
		return;
	sb_init(&line);
	sb_printf(&line, "smeaudit: %s: %s: ", plugin, _(names[level]));
	/* A file name must not drive the terminal. */
	for (p = text; *p != '\0'; p++)
		sb_addc(&line, ((unsigned char)*p < 0x20 && *p != '\t') ||
		    *p == 0x7f ? '?' : *p);
	sb_addc(&line, '\n');
	if (write(STDERR_FILENO, line.data, line.len) < 0) {
		/* stderr is gone; nothing to tell */
	}
	sb_free(&line);
}

static void
host_send(struct sa_ctx *ctx, const struct wire_msg *msg)
{
	const char *p;
	size_t left;
	ssize_t n;

	sb_reset(&ctx->out);
	wire_encode(&ctx->out, msg);
	if (ctx->sink != NULL) {
		ctx->sink(ctx, ctx->out.data, ctx->out.len);
		return;
	}
	p = ctx->out.data;
	left = ctx->out.len;
	while (left > 0) {
		n = write(ctx->wire_fd, p, left);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			_exit(1);	/* the core is gone: nobody to report to */
		p += n;
		left -= (size_t)n;
	}
}

void
host_ctx_init(struct sa_ctx *ctx, const struct host_env *env,
    const struct ldr_plugin *plugin, int wire_fd,
    void (*sink)(struct sa_ctx *, const char *, size_t), void *sink_user)
{
	memset(ctx, 0, sizeof(*ctx));
	ctx->env = env;
	ctx->plugin = plugin;
	ctx->wire_fd = wire_fd;
	ctx->sink = sink;
	ctx->sink_user = sink_user;
	sb_init(&ctx->out);
	acct_init(&ctx->acct, env->rfs, env->now);
}

void
host_flush(struct sa_ctx *ctx)
{
	struct wire_msg msg;
	size_t i;

	for (i = 0; i < ctx->n_tally; i++) {
		if (ctx->tally[i].pending == 0)
			continue;
		memset(&msg, 0, sizeof(msg));
		msg.type = WIRE_COUNT;
		msg.a = ctx->tally[i].level;
		msg.c = ctx->tally[i].pending;
		msg.s[0] = ctx->tally[i].check->name;
		msg.n_strings = 1;
		host_send(ctx, &msg);
		ctx->tally[i].pending = 0;
	}
}

void
host_done(struct sa_ctx *ctx, int result)
{
	struct wire_msg msg;

	host_flush(ctx);
	memset(&msg, 0, sizeof(msg));
	msg.type = WIRE_DONE;
	msg.a = result;
	host_send(ctx, &msg);
}

void
host_ctx_free(struct sa_ctx *ctx)
{
	size_t i;

	for (i = 0; i < ctx->n_keep; i++)
		free(ctx->keep[i]);
	free(ctx->keep);
	free(ctx->tally);
	sb_free(&ctx->out);
	acct_free(&ctx->acct);
	memset(ctx, 0, sizeof(*ctx));
}

static void *
host_keep(struct sa_ctx *ctx, void *p)
{
	ctx->keep = xreallocarray(ctx->keep, ctx->n_keep + 1, sizeof(*ctx->keep));
	ctx->keep[ctx->n_keep++] = p;
	return p;
}

static void
h_vlog(struct sa_ctx *ctx, int level, const char *fmt, va_list ap)
{
	struct wire_msg msg;
	char *text;

	text = xvasprintf(fmt, ap);
	memset(&msg, 0, sizeof(msg));
	msg.type = WIRE_LOG;
	msg.a = level;
	msg.s[0] = text;
	msg.n_strings = 1;
	host_send(ctx, &msg);
	free(text);
}

static void
h_log(struct sa_ctx *ctx, enum sa_log_level level, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	h_vlog(ctx, (int)level, fmt, ap);
	va_end(ap);
}

static int
h_valid_level(int level)
{
	return level == SA_LEVEL_UNKNOWN || level == SA_LEVEL_NOT ||
	    level == SA_LEVEL_PARTLY || level == SA_LEVEL_IMPLEMENTED ||
	    level == SA_LEVEL_NA;
}

static struct host_tally *
h_tally(struct sa_ctx *ctx, const struct sa_check *check, int level)
{
	struct host_tally *t;
	size_t i;

	for (i = 0; i < ctx->n_tally; i++)
		if (ctx->tally[i].check == check && ctx->tally[i].level == level)
			return &ctx->tally[i];
	ctx->tally = xreallocarray(ctx->tally, ctx->n_tally + 1,
	    sizeof(*ctx->tally));
	t = &ctx->tally[ctx->n_tally++];
	memset(t, 0, sizeof(*t));
	t->check = check;
	t->level = level;
	return t;
}

static int
h_report(struct sa_ctx *ctx, const struct sa_finding *f)
{
	const struct sa_check *check;
	struct host_tally *t;
	struct wire_msg msg;
	size_t limit;

	if (f == NULL || f->struct_size < offsetof(struct sa_finding, severity) ||
	    f->check == NULL)
		return -EINVAL;
	check = ldr_find_check(ctx->plugin->desc, f->check);
	if (check == NULL || !h_valid_level(f->level)) {
		h_log(ctx, SA_LOG_WARNING, "report of %s check \"%s\" at level %d ignored",
		    check == NULL ? "undeclared" : "declared", f->check, f->level);
		return -EINVAL;
	}
	t = h_tally(ctx, check, f->level);
	limit = ctx->env->max_examples > 0 ? ctx->env->max_examples : 1;
	if (t->sent >= limit) {
		if (++t->pending >= HOST_COUNT_FLUSH)
			host_flush(ctx);
		return 0;
	}
	t->sent++;
	memset(&msg, 0, sizeof(msg));
	msg.type = WIRE_FINDING;
	msg.a = f->level;
	msg.b = f->struct_size >= offsetof(struct sa_finding, severity) +
	    sizeof(f->severity) ? (int32_t)f->severity : 0;
	msg.s[0] = check->name;
	msg.s[1] = f->object;
	msg.s[2] = f->evidence;
	msg.s[3] = f->detail_en;
	msg.s[4] = f->detail_ja;
	msg.n_strings = 5;
	host_send(ctx, &msg);
	return 0;
}

static void
h_progress(struct sa_ctx *ctx, const char *what, uint64_t done)
{
	struct wire_msg msg;
	int64_t now = ut_now_ms();

	if (now - ctx->last_progress_ms < HOST_PROGRESS_MS)
		return;
	ctx->last_progress_ms = now;
	memset(&msg, 0, sizeof(msg));
	msg.type = WIRE_PROGRESS;
	msg.c = done;
	msg.s[0] = what != NULL ? what : "";
	msg.n_strings = 1;
	host_send(ctx, &msg);
}

static const struct sa_config_key *
h_key(struct sa_ctx *ctx, const char *key)
{
	const struct sa_config_key *k;

	for (k = ctx->plugin->desc->config; k != NULL && k->name != NULL; k++)
		if (strcmp(k->name, key) == 0)
			return k;
	for (k = cfg_generic_plugin_keys; k->name != NULL; k++)
		if (strcmp(k->name, key) == 0)
			return k;
	return NULL;
}

static int
h_config_string(struct sa_ctx *ctx, const char *sub, const char *key,
    const char **ret)
{
	const struct sa_config_key *k = h_key(ctx, key);
	const char *v;

	if (k == NULL) {
		h_log(ctx, SA_LOG_ERROR, "asked for undeclared config key \"%s\"", key);
		return -EINVAL;
	}
	v = cfg_value(ctx->env->cfg, ctx->plugin->name, sub, key);
	if (v == NULL && sub != NULL && (k->flags & SA_CONFIG_MAIN_AND_SUB))
		v = cfg_value(ctx->env->cfg, ctx->plugin->name, NULL, key);
	if (v == NULL)
		v = k->default_value;
	if (v == NULL)
		return -ENOENT;
	*ret = v;
	return 0;
}

static int
h_config_bool(struct sa_ctx *ctx, const char *sub, const char *key, int *ret)
{
	const char *v;
	int r = h_config_string(ctx, sub, key, &v);

	return r < 0 ? r : ut_parse_bool(v, ret);
}

static int
h_config_int(struct sa_ctx *ctx, const char *sub, const char *key,
    long long *ret)
{
	const char *v;
	int r = h_config_string(ctx, sub, key, &v);

	return r < 0 ? r : ut_parse_int(v, ret);
}

static int
h_config_number(struct sa_ctx *ctx, const char *sub, const char *key,
    int64_t *ret)
{
	const struct sa_config_key *k = h_key(ctx, key);
	const char *v;
	long long ll;
	int r = h_config_string(ctx, sub, key, &v);

	if (r < 0)
		return r;
	if (k->type == SA_CONFIG_DURATION)
		return ut_parse_duration(v, ret);
	if (k->type == SA_CONFIG_SIZE)
		return ut_parse_size(v, ret);
	r = ut_parse_int(v, &ll);
	*ret = ll;
	return r;
}

static int
h_config_list(struct sa_ctx *ctx, const char *sub, const char *key,
    const char *const **ret_values, size_t *ret_count)
{
	const struct sa_config_key *k = h_key(ctx, key);
	const char **v;
	size_t n;

	if (k == NULL) {
		h_log(ctx, SA_LOG_ERROR, "asked for undeclared config key \"%s\"", key);
		return -EINVAL;
	}
	n = cfg_values(ctx->env->cfg, ctx->plugin->name, sub, key, &v);
	if (n == 0 && k->default_value != NULL) {
		v = xcalloc(1, sizeof(*v));
		v[0] = k->default_value;
		n = 1;
	}
	host_keep(ctx, v);
	*ret_values = v;
	*ret_count = n;
	return 0;
}

static int
h_config_where(struct sa_ctx *ctx, const char *sub, const char *key,
    size_t index, const char **ret_file, unsigned int *ret_line)
{
	return cfg_where(ctx->env->cfg, ctx->plugin->name, sub, key, index,
	    ret_file, ret_line);
}

static int
h_config_subsections(struct sa_ctx *ctx, const char *const **ret_names,
    size_t *ret_count)
{
	const char **v;
	size_t n;

	n = cfg_subsections(ctx->env->cfg, ctx->plugin->name, &v);
	host_keep(ctx, v);
	*ret_names = v;
	*ret_count = n;
	return 0;
}

static const char *
h_root(struct sa_ctx *ctx)
{
	return ctx->env->rfs->path;
}

static int
h_is_live(struct sa_ctx *ctx)
{
	return ctx->env->rfs->live;
}

static time_t
h_now(struct sa_ctx *ctx)
{
	return ctx->env->now;
}

static const char *
h_lang(struct sa_ctx *ctx)
{
	return ctx->env->lang;
}

static const char *
h_data_dir(struct sa_ctx *ctx)
{
	return ctx->env->data_dir;
}

static int
h_open(struct sa_ctx *ctx, const char *path, int flags, int *ret_fd)
{
	return rfs_open(ctx->env->rfs, path, flags, ret_fd);
}

static int
h_stat(struct sa_ctx *ctx, const char *path, int flags, struct stat *ret_st)
{
	return rfs_stat(ctx->env->rfs, path, flags, ret_st);
}

static int
h_read_file(struct sa_ctx *ctx, const char *path, size_t max_size,
    char **ret_data, size_t *ret_len)
{
	return rfs_read_file(ctx->env->rfs, path, max_size, ret_data, ret_len);
}

static void
h_free(void *p)
{
	free(p);
}

static int
h_rx_compile(struct sa_ctx *ctx, const char *pattern, unsigned int flags,
    struct sa_rx **ret_rx, struct sa_rx_error *err)
{
	return rx_compile(pattern, flags, ret_rx, err);
}

static int
h_rx_match(struct sa_ctx *ctx, const struct sa_rx *rx, const char *subject,
    size_t length, size_t *ret_ovector, size_t pairs)
{
	return rx_match(rx, subject, length, ret_ovector, pairs);
}

static int
h_parse_records(struct sa_ctx *ctx, const char *path,
    const char *const *repeatable, sa_record_handler handler, void *user)
{
	struct sbuf err;
	int r;

	sb_init(&err);
	r = rf_parse_file(path, repeatable, handler, user, &err);
	if (r < 0)
		h_log(ctx, SA_LOG_ERROR, "%s", err.data != NULL ? err.data : path);
	sb_free(&err);
	return r;
}

static int
h_user_by_uid(struct sa_ctx *ctx, uid_t uid, struct sa_user *ret)
{
	return acct_user_by_uid(&ctx->acct, uid, ret);
}

static int
h_user_by_name(struct sa_ctx *ctx, const char *name, struct sa_user *ret)
{
	return acct_user_by_name(&ctx->acct, name, ret);
}

static int
h_group_by_gid(struct sa_ctx *ctx, gid_t gid, struct sa_group *ret)
{
	return acct_group_by_gid(&ctx->acct, gid, ret);
}

static int
h_group_by_name(struct sa_ctx *ctx, const char *name, struct sa_group *ret)
{
	return acct_group_by_name(&ctx->acct, name, ret);
}

static void
h_fill_answer(const struct ans_value *v, struct sa_answer *ret)
{
	/* Fill only what the plugin's (possibly older) struct holds. */
	struct sa_answer a = {
		.struct_size = ret->struct_size,
		.value = v->value == ANS_NA ? SA_LEVEL_NA : v->value,
		.note = v->note,
		.file = v->file,
		.line = v->line,
	};
	size_t n = ret->struct_size < sizeof(a) ? ret->struct_size : sizeof(a);

	memcpy(ret, &a, n);
}

static int
h_answer_item(struct sa_ctx *ctx, int item, struct sa_answer *ret)
{
	const struct answers *ans = ctx->env->ans;

	if (ret == NULL || item < 1 || item > CAT_MAX_ITEMS)
		return -EINVAL;
	if (ans == NULL || ans->diagnosis[item - 1].value == ANS_UNSET)
		return -ENOENT;
	h_fill_answer(&ans->diagnosis[item - 1], ret);
	return 0;
}

static int
h_answer_cloud(struct sa_ctx *ctx, const char *service, int item,
    struct sa_answer *ret)
{
	const struct answers *ans = ctx->env->ans;
	const struct ans_service *s = NULL;
	const struct ans_value *v;

	if (ret == NULL || item < 1 || item > CAT_MAX_CLOUD)
		return -EINVAL;
	if (ans == NULL)
		return service == NULL ? -ENOENT : -EINVAL;
	if (service != NULL && (s = ans_find_service(ans, service)) == NULL)
		return -EINVAL;
	v = s != NULL ? ans_cloud_effective(ans, s, item) : &ans->cloud[item - 1];
	if (v->value == ANS_UNSET)
		return -ENOENT;
	h_fill_answer(v, ret);
	return 0;
}

static int
h_answer_services(struct sa_ctx *ctx, const char *const **ret_ids,
    const char *const **ret_labels, size_t *ret_count)
{
	const struct answers *ans = ctx->env->ans;
	const char **ids, **labels;
	size_t i, n = ans != NULL ? ans->n_services : 0;

	ids = host_keep(ctx, xcalloc(n + 1, sizeof(*ids)));
	labels = host_keep(ctx, xcalloc(n + 1, sizeof(*labels)));
	for (i = 0; i < n; i++) {
		ids[i] = ans->services[i].id;
		labels[i] = ans->services[i].label;
	}
	if (ret_ids != NULL)
		*ret_ids = ids;
	if (ret_labels != NULL)
		*ret_labels = labels;
	if (ret_count != NULL)
		*ret_count = n;
	return 0;
}

const struct sa_host host_table = {
	.abi_version = SA_ABI_VERSION,
	.struct_size = sizeof(struct sa_host),
	.log = h_log,
	.report = h_report,
	.progress = h_progress,
	.config_string = h_config_string,
	.config_bool = h_config_bool,
	.config_int = h_config_int,
	.config_number = h_config_number,
	.config_list = h_config_list,
	.config_subsections = h_config_subsections,
	.root = h_root,
	.is_live = h_is_live,
	.now = h_now,
	.lang = h_lang,
	.data_dir = h_data_dir,
	.open = h_open,
	.stat = h_stat,
	.read_file = h_read_file,
	.free = h_free,
	.rx_compile = h_rx_compile,
	.rx_match = h_rx_match,
	.rx_free = rx_free,
	.parse_records = h_parse_records,
	.user_by_uid = h_user_by_uid,
	.user_by_name = h_user_by_name,
	.group_by_gid = h_group_by_gid,
	.group_by_name = h_group_by_name,
	.answer_item = h_answer_item,
	.answer_cloud = h_answer_cloud,
	.answer_services = h_answer_services,
	.config_where = h_config_where,
};
