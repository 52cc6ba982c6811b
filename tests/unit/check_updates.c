/* SPDX-License-Identifier: MIT */
/*
 * The updates plugin's parsers, compiled from the plugin's own sources:
 * Debian version comparison, deb822 and dpkg status, apt lists and
 * Release files, apt.conf, os-release, the EOL table, package logs,
 * compressed readers and the JSON path picker.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <lz4frame.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <zlib.h>

#include "unit.h"

#include "aptconf.h"
#include "aptlists.h"
#include "deb822.h"
#include "debver.h"
#include "dpkgdb.h"
#include "eol.h"
#include "jsonpath.h"
#include "osrelease.h"
#include "pkglog.h"
#include "zread.h"

/* Known pairs: a < b unless the expected sign says otherwise. */
static const struct {
	const char *a, *b;
	int sign;
} dv_pairs[] = {
	{ "1.0", "1.1", -1 },
	{ "1.1", "1.0", 1 },
	{ "1.0", "1.0", 0 },
	{ "1.0~rc1", "1.0", -1 },
	{ "1.0~rc1", "1.0~rc2", -1 },
	{ "1.0~~", "1.0~", -1 },
	{ "1.0~~a", "1.0~", -1 },
	{ "1.0~", "1.0", -1 },
	{ "1.0", "1.0+b1", -1 },
	{ "1.0", "1.0a", -1 },
	{ "1.0a", "1.0.1", -1 },	/* letters sort before other characters */
	{ "1.0+1", "1.0.1", -1 },	/* non-letters sort by code: '+' before '.' */
	{ "1:0.1", "2.0", 1 },	/* the epoch wins */
	{ "0:1.0", "1.0", 0 },
	{ "01:1.0", "1:1.0", 0 },
	{ "1.0-1", "1.0-2", -1 },
	{ "1.0-1", "1.0-1ubuntu0.22.04.1", -1 },
	{ "1.0-10", "1.0-9", 1 },	/* digits compare numerically */
	{ "2.30-1", "2.3-1", 1 },
	{ "1.002", "1.2", 0 },	/* leading zeros do not count */
	{ "1.0", "1.0-0", 0 },	/* an absent revision is "0" */
	{ "1.0-1", "1.0", 1 },
	{ "9.2p1-2+deb12u6", "9.2p1-2+deb12u10", -1 },
	{ "2.36-9+deb12u4", "2.36-9+deb12u10", -1 },
	{ "1.2.3-1~bpo12+1", "1.2.3-1", -1 },
	{ "1:9.2p1-2+deb12u9", "1:9.2p1-2+deb12u10", -1 },
	{ "1.0-1-2", "1.0-1-10", -1 },	/* the last hyphen starts the revision */
	{ "99999999999999999999999.1", "99999999999999999999998.1", 1 },
	{ "1.0+dfsg", "1.0+dfsg1", -1 },
	{ "a", "b", -1 },
	{ "", "0", 0 },
};

START_TEST(dv_known_pairs)
{
	int r = dv_compare(dv_pairs[_i].a, dv_pairs[_i].b);
	int back = dv_compare(dv_pairs[_i].b, dv_pairs[_i].a);

	ck_assert_msg((r > 0) - (r < 0) == dv_pairs[_i].sign,
	    "%s vs %s: got %d, want sign %d", dv_pairs[_i].a, dv_pairs[_i].b, r,
	    dv_pairs[_i].sign);
	ck_assert_msg((back > 0) - (back < 0) == -dv_pairs[_i].sign,
	    "%s vs %s is not antisymmetric", dv_pairs[_i].b, dv_pairs[_i].a);
}
END_TEST

START_TEST(dv_validity)
{
	ck_assert(dv_valid("1.0-1"));
	ck_assert(dv_valid("1:2.3~rc1+dfsg-4ubuntu0.1"));
	ck_assert(!dv_valid(""));
	ck_assert(!dv_valid("a1.0"));
	ck_assert(!dv_valid("x:1.0"));
	ck_assert(!dv_valid("1.0 beta"));
}
END_TEST

struct d8_collect {
	char text[4096];
	int paragraphs;
};

static int
d8_field_cb(void *user, const char *name, size_t nlen, const char *v, size_t vlen)
{
	struct d8_collect *c = user;
	size_t n = strlen(c->text);

	snprintf(c->text + n, sizeof(c->text) - n, "%.*s=%.*s;", (int)nlen, name,
	    (int)vlen, v);
	return 0;
}

static int
d8_end_cb(void *user)
{
	struct d8_collect *c = user;
	size_t n = strlen(c->text);

	c->paragraphs++;
	snprintf(c->text + n, sizeof(c->text) - n, "|");
	return 0;
}

START_TEST(d8_paragraphs)
{
	static const struct d8_handler h = { d8_field_cb, d8_end_cb };
	static const char text[] =
	    "Package: a\r\nVersion:  1.0 \r\nDescription: x\n long text\n .\n"
	    "\n \t\n\n# comment\nPackage: b\nno colon here\nEmpty:\n";
	struct d8_collect c;

	memset(&c, 0, sizeof(c));
	ck_assert_int_eq(d8_parse_buffer(text, strlen(text), &h, &c), 0);
	ck_assert_str_eq(c.text,
	    "Package=a;Version=1.0;Description=x;|Package=b;Empty=;|");
	ck_assert_int_eq(c.paragraphs, 2);
}
END_TEST

/* Record names and value lengths only: values may be huge. */
static int
d8_len_cb(void *user, const char *name, size_t nlen, const char *v, size_t vlen)
{
	struct d8_collect *c = user;
	size_t n = strlen(c->text);

	(void)v;
	snprintf(c->text + n, sizeof(c->text) - n, "%.*s:%zu;", (int)nlen, name,
	    vlen);
	return 0;
}

static int
d8_stop_cb(void *user, const char *name, size_t nlen, const char *v, size_t vlen)
{
	(void)user; (void)name; (void)nlen; (void)v; (void)vlen;
	return -ECANCELED;
}

START_TEST(d8_long_lines_and_stop)
{
	static const struct d8_handler stop = { d8_stop_cb, NULL };
	static const struct d8_handler h = { d8_len_cb, d8_end_cb };
	size_t big = 600 * 1024;
	char *text = malloc(big + 64);
	struct d8_collect c;

	/* A line longer than the read chunk makes the buffer grow. */
	strcpy(text, "Long: ");
	memset(text + 6, 'x', big);
	strcpy(text + 6 + big, "\nPackage: z\n");
	memset(&c, 0, sizeof(c));
	ck_assert_int_eq(d8_parse_buffer(text, strlen(text), &h, &c), 0);
	ck_assert_int_eq(c.paragraphs, 1);
	ck_assert_str_eq(c.text, "Long:614400;Package:1;|");
	ck_assert_int_eq(d8_parse_buffer("A: b\n", 5, &stop, NULL), -ECANCELED);
	free(text);

	/* A line over D8_MAX_LINE (a sparse file of NULs) is "too large". */
	big = D8_MAX_LINE + 1;
	text = calloc(1, big);
	ck_assert_int_eq(d8_parse_buffer(text, big, &h, &c), -EFBIG);
	free(text);
}
END_TEST

static const char dpkg_status[] =
    "Package: libc6\nStatus: install ok installed\nArchitecture: amd64\n"
    "Version: 2.36-9+deb12u4\n\n"
    "Package: libc6\nStatus: install ok installed\nArchitecture: i386\n"
    "Version: 2.36-9+deb12u4\n\n"
    "Package: openssh-client\nStatus: hold ok installed\nArchitecture: amd64\n"
    "Version: 1:9.2p1-2+deb12u6\n\n"
    "Package: tzdata\nStatus: install ok installed\nArchitecture: all\n"
    "Version: 2024a-0+deb12u1\n\n"
    "Package: removed\nStatus: deinstall ok config-files\nArchitecture: amd64\n"
    "Version: 1.0\n\n"
    "Package: bash\nStatus: install ok installed\nArchitecture: amd64\n"
    "Version: 5.2.15-2+b7\n";

START_TEST(pkg_status_index)
{
	struct pkg_db db;
	struct pkg_entry *e;
	int i;

	ck_assert_int_eq(pkg_load_buffer(&db, dpkg_status, strlen(dpkg_status)), 0);
	ck_assert_uint_eq(db.n, 5);	/* config-files is not installed */
	ck_assert_ptr_null(pkg_find(&db, "removed", 7));
	e = pkg_find(&db, "libc6", 5);
	ck_assert_ptr_nonnull(e);
	ck_assert_str_eq(e->arch, "amd64");
	ck_assert_int_ge(e->next, 0);
	ck_assert_str_eq(db.v[e->next].arch, "i386");
	e = pkg_find(&db, "openssh-client", 14);
	ck_assert_int_eq(e->held, 1);
	ck_assert_ptr_null(pkg_find(&db, "bas", 3));
	ck_assert_ptr_nonnull(pkg_find(&db, "bash", 4));
	/* "bash" + NUL + two bytes is not bash (and reads nothing past its
	 * entry); enough suffixes that some probe meets bash's slot */
	for (i = 0; i < 4096; i++) {
		char name[8] = "bash";

		name[5] = (char)(i & 0xff);
		name[6] = (char)(i >> 8);
		ck_assert_ptr_null(pkg_find(&db, name, 7));
	}
	pkg_free(&db);
	ck_assert_int_eq(pkg_load_buffer(&db, "Version: 1\n", 11), -EINVAL);
}
END_TEST

/* Many paragraphs of one name: chained in file order (the index once
 * walked each chain to its end, quadratic in the repeats). */
START_TEST(pkg_repeated_name)
{
	static const char para[] = "Package: p\nStatus: install ok installed\n"
	    "Version: 1\nArchitecture: a%05zu\n\n";
	size_t i, n = 20000, len = 0;
	char *text = xcalloc(n, sizeof(para) + 8);
	struct pkg_entry *e;
	struct pkg_db db;
	char want[16];
	long j;

	for (i = 0; i < n; i++)
		len += (size_t)sprintf(text + len, para, i);
	ck_assert_int_eq(pkg_load_buffer(&db, text, len), 0);
	ck_assert_uint_eq(db.n, n);
	e = pkg_find(&db, "p", 1);
	ck_assert_ptr_nonnull(e);
	for (i = 0, j = e - db.v; j >= 0; i++, j = db.v[j].next) {
		snprintf(want, sizeof(want), "a%05zu", i);
		ck_assert_str_eq(db.v[j].arch, want);
	}
	ck_assert_uint_eq(i, n);
	pkg_free(&db);
	free(text);
}
END_TEST

static const char packages_main[] =
    "Package: libc6\nArchitecture: amd64\nVersion: 2.36-9+deb12u10\n\n"
    "Package: libc6\nArchitecture: i386\nVersion: 2.36-9+deb12u10\n\n"
    "Package: openssh-client\nArchitecture: amd64\nVersion: 1:9.2p1-2+deb12u10\n\n"
    "Package: tzdata\nArchitecture: all\nVersion: 2024a-0+deb12u1\n\n"
    "Package: bash\nArchitecture: arm64\nVersion: 9.9-1\n\n"
    "Package: notinstalled\nArchitecture: amd64\nVersion: 1.0\n";
static const char packages_security[] =
    "Package: openssh-client\nArchitecture: amd64\nVersion: 1:9.2p1-2+deb12u9\n\n"
    "Package: bash\nArchitecture: amd64\nVersion: 5.2.15-2+b7\n";

START_TEST(apt_candidates)
{
	struct pkg_db db;
	struct pkg_entry *e;

	ck_assert_int_eq(pkg_load_buffer(&db, dpkg_status, strlen(dpkg_status)), 0);
	{
		int fd[2];

		/* Feed the lists through a pipe: the reader is streaming. */
		ck_assert_int_eq(pipe(fd), 0);
		ck_assert_int_eq(write(fd[1], packages_main, strlen(packages_main)),
		    (ssize_t)strlen(packages_main));
		close(fd[1]);
		ck_assert_int_eq(apt_apply_packages(&db, d8_read_fd, &fd[0], 0), 0);
		close(fd[0]);
		ck_assert_int_eq(pipe(fd), 0);
		ck_assert_int_eq(write(fd[1], packages_security,
		    strlen(packages_security)), (ssize_t)strlen(packages_security));
		close(fd[1]);
		ck_assert_int_eq(apt_apply_packages(&db, d8_read_fd, &fd[0], 1), 0);
		close(fd[0]);
	}
	e = pkg_find(&db, "libc6", 5);
	ck_assert_str_eq(e->candidate, "2.36-9+deb12u10");
	ck_assert_int_eq(e->candidate_security, 0);
	ck_assert_str_eq(db.v[e->next].candidate, "2.36-9+deb12u10");
	/* A superseded security fix still counts as a pending security fix. */
	e = pkg_find(&db, "openssh-client", 14);
	ck_assert_str_eq(e->candidate, "1:9.2p1-2+deb12u10");
	ck_assert_int_eq(e->candidate_security, 1);
	/* Same version, other architecture, equal security version: nothing. */
	ck_assert_ptr_null(pkg_find(&db, "tzdata", 6)->candidate);
	ck_assert_ptr_null(pkg_find(&db, "bash", 4)->candidate);
	ck_assert_int_eq(pkg_find(&db, "bash", 4)->candidate_security, 0);
	pkg_free(&db);
}
END_TEST

START_TEST(apt_releases)
{
	static const char inrelease[] =
	    "-----BEGIN PGP SIGNED MESSAGE-----\nHash: SHA512\n\n"
	    "Origin: Debian\nLabel: Debian-Security\nSuite: oldstable-security\n"
	    "Codename: bookworm-security\nDate: Tue, 24 Nov 2026 10:00:00 UTC\n"
	    "SHA256:\n 0123 456 main/binary-amd64/Packages\n"
	    "-----BEGIN PGP SIGNATURE-----\n\niQIzBAEBCgAdFiEE\n=abcd\n"
	    "-----END PGP SIGNATURE-----\n";
	static const char backports[] =
	    "Origin: Debian Backports\nLabel: Debian Backports\n"
	    "Suite: bookworm-backports\nCodename: bookworm-backports\n"
	    "NotAutomatic: yes\nButAutomaticUpgrades: yes\n";
	static const char buster[] =
	    "Origin: Debian\nLabel: Debian-Security\nSuite: oldoldstable\n"
	    "Codename: buster\n";
	struct apt_release r[3];

	apt_release_parse("deb.debian.org_debian-security_dists_bookworm-security_"
	    "InRelease", inrelease, strlen(inrelease), &r[0]);
	ck_assert_str_eq(r[0].suite, "oldstable-security");
	ck_assert_int_eq(r[0].security, 1);
	ck_assert_int_eq(r[0].not_automatic, 0);
	ck_assert_str_eq(r[0].prefix,
	    "deb.debian.org_debian-security_dists_bookworm-security_");
	apt_release_parse("deb.debian.org_debian_dists_bookworm-backports_Release",
	    backports, strlen(backports), &r[1]);
	ck_assert_int_eq(r[1].not_automatic, 1);
	ck_assert_int_eq(r[1].security, 0);
	apt_release_parse("security.debian.org_dists_buster_updates_InRelease",
	    buster, strlen(buster), &r[2]);
	ck_assert_int_eq(r[2].security, 1);	/* the old "buster/updates" layout */

	ck_assert_ptr_eq(apt_release_of(r, 3, "deb.debian.org_debian-security_dists_"
	    "bookworm-security_main_binary-amd64_Packages.lz4"), &r[0]);
	ck_assert_ptr_null(apt_release_of(r, 3, "deb.debian.org_debian_dists_"
	    "bookworm_main_binary-amd64_Packages"));
	ck_assert_int_eq(apt_list_kind("x_dists_y_main_binary-amd64_Packages"),
	    APT_LIST_PACKAGES);
	ck_assert_int_eq(apt_list_kind("x_dists_y_main_binary-amd64_Packages.xz"),
	    APT_LIST_PACKAGES);
	ck_assert_int_eq(apt_list_kind("x_dists_y_main_i18n_Translation-en"),
	    APT_LIST_OTHER);
	ck_assert_int_eq(apt_list_kind("x_dists_y_InRelease"), APT_LIST_RELEASE);
	ck_assert_int_eq(apt_list_kind("lock"), APT_LIST_OTHER);
	ck_assert(apt_name_is_security("h_ubuntu_dists_jammy-security_main_"
	    "binary-amd64_Packages"));
	ck_assert(!apt_name_is_security("h_ubuntu_dists_jammy-updates_main_"
	    "binary-amd64_Packages"));
	apt_release_free(&r[0]);
	apt_release_free(&r[1]);
	apt_release_free(&r[2]);
}
END_TEST

struct ac_collect {
	char text[2048];
};

static void
ac_cb(void *user, const char *key, const char *value)
{
	struct ac_collect *c = user;
	size_t n = strlen(c->text);

	snprintf(c->text + n, sizeof(c->text) - n, "%s=%s;", key,
	    value != NULL ? value : "(clear)");
}

START_TEST(ac_syntax)
{
	static const char conf[] =
	    "// comment\n# another\nAPT::Periodic::Update-Package-Lists \"1\";\n"
	    "APT::Periodic { Unattended-Upgrade \"1\"; /* inline */ Enable 0; };\n"
	    "Unattended-Upgrade::Origins-Pattern {\n"
	    "  \"origin=Debian,codename=${distro_codename},label=Debian-Security\";\n"
	    "  \"origin=Debian,codename=${distro_codename}-security\";\n};\n"
	    "#clear Unattended-Upgrade::Origins-Pattern;\n"
	    "Acquire::http \"proxy\" { Timeout \"5\"; };\n"
	    "Empty;\n";
	struct ac_collect c;
	unsigned int line = 0;

	memset(&c, 0, sizeof(c));
	ck_assert_int_eq(ac_parse(conf, strlen(conf), ac_cb, &c, &line), 0);
	ck_assert_str_eq(c.text,
	    "APT::Periodic::Update-Package-Lists=1;"
	    "APT::Periodic::Unattended-Upgrade=1;"
	    "APT::Periodic::Enable=0;"
	    "Unattended-Upgrade::Origins-Pattern=origin=Debian,codename="
	    "${distro_codename},label=Debian-Security;"
	    "Unattended-Upgrade::Origins-Pattern=origin=Debian,codename="
	    "${distro_codename}-security;"
	    "Unattended-Upgrade::Origins-Pattern=(clear);"
	    "Acquire::http::proxy::Timeout=5;"
	    "Empty=;");
}
END_TEST

START_TEST(ac_errors)
{
	static const char *const bad[] = {
		"A \"1\"\n",			/* missing ; */
		"A {\n B \"1\";\n",		/* unclosed scope */
		"};\n",				/* stray close */
		"A \"unterminated;\n",
		"\n\nA B C;\n",
	};
	static const unsigned int lines[] = { 2, 3, 1, 1, 3 };
	struct ac_collect c;
	unsigned int line;
	size_t i;

	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		memset(&c, 0, sizeof(c));
		line = 0;
		ck_assert_msg(ac_parse(bad[i], strlen(bad[i]), ac_cb, &c, &line) ==
		    -EINVAL, "case %zu parsed", i);
		ck_assert_msg(line == lines[i], "case %zu: line %u", i, line);
	}
	ck_assert(ac_name_ok("20auto-upgrades"));
	ck_assert(ac_name_ok("50unattended-upgrades"));
	ck_assert(!ac_name_ok("20auto-upgrades.dpkg-old"));
	ck_assert(!ac_name_ok("20auto-upgrades.disabled"));
	ck_assert(!ac_name_ok("20auto-upgrades~"));
	ck_assert(!ac_name_ok("with space"));
	ck_assert(!ac_name_ok(".hidden"));
}
END_TEST

START_TEST(osr_quoting)
{
	static const char text[] =
	    "PRETTY_NAME=\"Debian GNU/Linux 12 (bookworm)\"\nNAME='Debian GNU/Linux'\n"
	    "VERSION_ID=\"12\"\n  # comment\nID=debian\nID_LIKE=\"ubuntu debian\"\n"
	    "VERSION_CODENAME=bookworm\nHOME_URL=\"x\\\"y\"\nBROKEN\n";
	struct osr o;
	char *label;

	osr_parse(text, strlen(text), &o);
	ck_assert_str_eq(o.id, "debian");
	ck_assert_str_eq(o.version_id, "12");
	ck_assert_str_eq(o.name, "Debian GNU/Linux");
	ck_assert_str_eq(o.codename, "bookworm");
	ck_assert(osr_is_like(&o, "debian"));
	ck_assert(osr_is_like(&o, "ubuntu"));
	ck_assert(!osr_is_like(&o, "ubun"));
	label = osr_label(&o);
	ck_assert_str_eq(label, "Debian GNU/Linux 12 (bookworm)");
	free(label);
	osr_free(&o);

	osr_parse("ID=\"a\\\\b\\$c\"\nVERSION_ID=\n", 24, &o);
	ck_assert_str_eq(o.id, "a\\b$c");
	ck_assert_ptr_null(o.version_id);	/* empty means absent */
	osr_free(&o);
}
END_TEST

/* A string literal where the struct wants a mutable pointer. */
#define S(lit) ((char *)(uintptr_t)(lit))

START_TEST(eol_dates_and_match)
{
	struct eol_table t;
	struct eol_entry e;
	struct osr os;
	time_t when;

	ck_assert_int_eq(eol_parse_date("2026-07-11", &when), 0);
	ck_assert_int_eq((long long)when, 1783814400LL);	/* 2026-07-12 00:00 UTC */
	ck_assert_int_eq(eol_parse_date("2023-02-30", &when), -EINVAL);
	ck_assert_int_eq(eol_parse_date("2023-2-3", &when), -EINVAL);
	ck_assert_int_eq(eol_parse_date("2023-13-01", &when), -EINVAL);
	ck_assert_int_eq(eol_parse_date("2024-02-29", &when), 0);

	memset(&t, 0, sizeof(t));
	memset(&e, 0, sizeof(e));
	e.name = strdup("rhel-9"); e.id = strdup("rhel"); e.version = strdup("9");
	eol_add(&t, &e);
	memset(&e, 0, sizeof(e));
	e.name = strdup("centos-8"); e.id = strdup("centos"); e.version = strdup("8");
	eol_add(&t, &e);
	memset(&e, 0, sizeof(e));
	e.name = strdup("centos-stream-8"); e.id = strdup("centos");
	e.version = strdup("8"); e.os_name = strdup("CentOS Stream");
	eol_add(&t, &e);
	memset(&e, 0, sizeof(e));
	e.name = strdup("ubuntu-22.04"); e.id = strdup("ubuntu");
	e.version = strdup("22.04");
	eol_add(&t, &e);

	memset(&os, 0, sizeof(os));
	os.id = S("rhel"); os.version_id = S("9.4");
	ck_assert_str_eq(eol_match(&t, &os)->name, "rhel-9");
	os.version_id = S("90");
	ck_assert_ptr_null(eol_match(&t, &os));
	os.id = S("centos"); os.version_id = S("8"); os.name = S("CentOS Stream");
	ck_assert_str_eq(eol_match(&t, &os)->name, "centos-stream-8");
	os.name = S("CentOS Linux");
	ck_assert_str_eq(eol_match(&t, &os)->name, "centos-8");
	os.id = S("ubuntu"); os.version_id = S("22.04.3"); os.name = NULL;
	ck_assert_ptr_null(eol_match(&t, &os));	/* "22.04" has a dot: exact only */
	os.version_id = NULL;
	ck_assert_ptr_null(eol_match(&t, &os));
	eol_free(&t);
}
END_TEST

START_TEST(pkglog_scans)
{
	static const char dpkg[] =
	    "2026-10-01 08:00:00 startup archives unpack\n"
	    "2026-10-01 08:00:01 install foo:amd64 <none> 1.0\n"
	    "2026-11-20 12:30:00 upgrade libc6:amd64 2.36-9 2.36-10\n"
	    "2026-11-21 12:30:00 status installed libc6:amd64 2.36-10\n"
	    "garbage line\n2026-13-01 00:00:00 upgrade bad:amd64 1 2\n";
	static const char dnf[] =
	    "2026-09-01T10:00:00+0900 SUBDEBUG Installed: foo-1.0-1.el9.x86_64\n"
	    "2026-11-02T01:00:00+0100 SUBDEBUG Upgrade: bash-5.1.8-9.el9.x86_64\n"
	    "2026-11-02T01:00:01+0100 SUBDEBUG Upgraded: bash-5.1.8-6.el9.x86_64\n"
	    "2026-11-03T00:00:00Z INFO --- logging initialized ---\n";
	struct pl_scan s;

	setenv("TZ", "UTC", 1);
	tzset();
	memset(&s, 0, sizeof(s));
	pl_dpkg_scan(dpkg, strlen(dpkg), &s);
	ck_assert_int_eq((long long)s.first, 1790841600LL);	/* 2026-10-01 08:00 UTC */
	ck_assert_int_eq((long long)s.last_upgrade, 1795177800LL);	/* 2026-11-20 12:30 */
	ck_assert_uint_eq(s.upgrades, 1);

	memset(&s, 0, sizeof(s));
	pl_dnf_scan(dnf, strlen(dnf), &s);
	ck_assert_int_eq((long long)s.first, 1788224400LL);	/* 2026-09-01 01:00 UTC */
	ck_assert_int_eq((long long)s.last_upgrade, 1793577601LL);	/* 11-02 00:00:01 UTC */
	ck_assert_uint_eq(s.upgrades, 2);
}
END_TEST

static char *
zr_fixture(const char *dir, const char *name, const void *data, size_t len)
{
	char *path = xasprintf("%s/%s", dir, name);
	FILE *f = fopen(path, "wb");

	ck_assert_ptr_nonnull(f);
	ck_assert_uint_eq(fwrite(data, 1, len, f), len);
	fclose(f);
	return path;
}

static ssize_t
zr_slurp(const char *path, char *out, size_t size)
{
	struct zr *z;
	ssize_t n, total = 0;
	int fd = open(path, O_RDONLY);

	ck_assert_int_ge(fd, 0);
	if (zr_open(&z, fd, path) < 0)
		return -ENOTSUP;
	while ((n = zr_read(z, out + total, size - (size_t)total)) > 0)
		total += n;
	zr_close(z);
	return n < 0 ? n : total;
}

START_TEST(zr_formats)
{
	char *dir = unit_tmpdir(), *path, out[8192], plain[6000], *lz, *gzpath;
	size_t i, bound, n;
	gzFile gz;

	for (i = 0; i < sizeof(plain); i++)
		plain[i] = (char)('a' + i % 26);
	path = zr_fixture(dir, "list_Packages", plain, sizeof(plain));
	ck_assert_int_eq(zr_slurp(path, out, sizeof(out)), (ssize_t)sizeof(plain));
	free(path);

	bound = LZ4F_compressFrameBound(sizeof(plain), NULL);
	lz = malloc(bound);
	n = LZ4F_compressFrame(lz, bound, plain, sizeof(plain), NULL);
	ck_assert(!LZ4F_isError(n));
	path = zr_fixture(dir, "list_Packages.lz4", lz, n);
	memset(out, 0, sizeof(out));
	ck_assert_int_eq(zr_slurp(path, out, sizeof(out)), (ssize_t)sizeof(plain));
	ck_assert_int_eq(memcmp(out, plain, sizeof(plain)), 0);
	free(path);
	/* A truncated frame is an error, not a short list. */
	path = zr_fixture(dir, "cut_Packages.lz4", lz, n - 9);
	ck_assert_int_eq(zr_slurp(path, out, sizeof(out)), -EIO);
	free(path);
	free(lz);

	gzpath = xasprintf("%s/dpkg.log.2.gz", dir);
	gz = gzopen(gzpath, "wb");
	ck_assert_ptr_nonnull(gz);
	ck_assert_int_eq(gzwrite(gz, plain, sizeof(plain)), (int)sizeof(plain));
	gzclose(gz);
	memset(out, 0, sizeof(out));
	ck_assert_int_eq(zr_slurp(gzpath, out, sizeof(out)), (ssize_t)sizeof(plain));
	ck_assert_int_eq(memcmp(out, plain, sizeof(plain)), 0);
	free(gzpath);

	path = zr_fixture(dir, "list_Packages.xz", plain, 10);
	ck_assert_int_eq(zr_slurp(path, out, sizeof(out)), -ENOTSUP);
	ck_assert(!zr_supported("a.zst"));
	ck_assert(zr_supported("a.gz"));
	free(path);
	free(dir);
}
END_TEST

START_TEST(js_paths)
{
	static const char json[] =
	    "{\"data\": {\"auth\": {\"x\": [1, 2, {\"y\": \"}\"}]},"
	    " \"config\": {\"core\": {\"refresh\": {\"hold\": \"forever\","
	    " \"timer\": \"4:00-7:00\"}}}, \"last-refresh\": "
	    "\"2026-11-25T06:12:01.5+09:00\", \"n\": 12, \"t\": true,"
	    " \"esc\": \"a\\\"b\\u0041\\u00e9\"}}";
	static const char *const hold[] = { "data", "config", "core", "refresh",
		"hold", NULL };
	static const char *const last[] = { "data", "last-refresh", NULL };
	static const char *const num[] = { "data", "n", NULL };
	static const char *const esc[] = { "data", "esc", NULL };
	static const char *const obj[] = { "data", "auth", NULL };
	static const char *const missing[] = { "data", "config", "none", NULL };
	static const char *const through[] = { "data", "n", "deeper", NULL };
	char *v;

	ck_assert_int_eq(js_get(json, strlen(json), hold, &v), 1);
	ck_assert_str_eq(v, "forever");
	free(v);
	ck_assert_int_eq(js_get(json, strlen(json), last, &v), 1);
	ck_assert_str_eq(v, "2026-11-25T06:12:01.5+09:00");
	free(v);
	ck_assert_int_eq(js_get(json, strlen(json), num, &v), 1);
	ck_assert_str_eq(v, "12");
	free(v);
	ck_assert_int_eq(js_get(json, strlen(json), esc, &v), 1);
	ck_assert_str_eq(v, "a\"bA?");
	free(v);
	ck_assert_int_eq(js_get(json, strlen(json), obj, &v), 1);
	ck_assert_str_eq(v, "{}");
	free(v);
	ck_assert_int_eq(js_get(json, strlen(json), missing, &v), 0);
	ck_assert_int_eq(js_get(json, strlen(json), through, &v), 0);
	ck_assert_int_eq(js_get("{\"data\": {\"a\": [1, }", 19, last, &v), -EINVAL);
	ck_assert_int_eq(js_get("{\"data\"", 7, last, &v), -EINVAL);
}
END_TEST

Suite *
unit_suite(void)
{
	Suite *s = suite_create("updates");
	TCase *tc = tcase_create("parsers");

	tcase_add_loop_test(tc, dv_known_pairs, 0,
	    (int)(sizeof(dv_pairs) / sizeof(dv_pairs[0])));
	tcase_add_test(tc, dv_validity);
	tcase_add_test(tc, d8_paragraphs);
	tcase_add_test(tc, d8_long_lines_and_stop);
	tcase_add_test(tc, pkg_status_index);
	tcase_add_test(tc, pkg_repeated_name);
	tcase_add_test(tc, apt_candidates);
	tcase_add_test(tc, apt_releases);
	tcase_add_test(tc, ac_syntax);
	tcase_add_test(tc, ac_errors);
	tcase_add_test(tc, osr_quoting);
	tcase_add_test(tc, eol_dates_and_match);
	tcase_add_test(tc, pkglog_scans);
	tcase_add_test(tc, zr_formats);
	tcase_add_test(tc, js_paths);
	suite_add_tcase(s, tc);
	return s;
}

UNIT_MAIN
