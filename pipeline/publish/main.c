/*
 * publish: a year's files → OUTDIR/Y, all at once (issue 12).
 *
 *   publish --manifest MANIFEST.xml --year Y --submissions DIR --registry R
 *           --plan P --matrix M [--report-date D]
 *           [--front-id ID --front-id-now NOW] --stage-in WORKDIR
 *           -o OUTDIR/Y FILE...
 *
 * 1. Takes the inventory again (pipeline/inventory) and refuses, publishing
 *    nothing, when it differs from MANIFEST, the one the build used: the
 *    inputs changed during the run.  Likewise when the file ID (the
 *    sha256 of report.xml, the logo and REPORT_DATE the front and back
 *    matter were made from, pipeline/year.mk's front.id) differs from NOW,
 *    the same taken again just before publish ran.
 * 2. Makes a staging folder in WORKDIR (beside OUTDIR/Y as .Y.publish-*
 *    when WORKDIR is on another file system), hard-links into it every
 *    other entry of OUTDIR/Y (the draft files when publishing the report,
 *    and so on), copies the FILEs in (O_EXCL|O_NOFOLLOW) and fsyncs.
 *    A FILE may be a folder of files (feedback/, issue 16): it is copied
 *    in whole and replaces the folder of that name; a folder of OUTDIR/Y
 *    that is not a FILE (templates/) is kept, its files hard-linked.
 *    Deeper folders are refused.
 * 3. Swaps it with OUTDIR/Y by renameat2(RENAME_EXCHANGE) (a plain rename
 *    the first time), fsyncs OUTDIR, then removes the old folder.
 *
 * At every moment OUTDIR/Y is one complete set: the old one or the new
 * one.  SIGINT, SIGTERM and SIGHUP are held until the swap is done;
 * SIGKILL or a failure leaves the old set and, at worst, a staging folder
 * that the next run removes.  Exit: 0 published, 1 inputs changed, 2 usage,
 * 3 system error (nothing published).
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib.h>
#include <libxml/parser.h>

#include "atomicfile.h"
#include "opts.h"
#include "strbuf.h"
#include "i18n.h"
#include "../inventory/inventory.h"

enum { EXIT_OK = 0, EXIT_INPUT = 1, EXIT_USAGE = 2, EXIT_SYSTEM = 3 };

static void
usage(FILE *fp)
{
	fputs("usage: publish --manifest MANIFEST.xml --year Y --submissions DIR\n"
	      "               --registry R --plan P --matrix M [--report-date D]\n"
	      "               [--front-id ID --front-id-now NOW]\n"
	      "               --stage-in WORKDIR -o OUTDIR/Y FILE...\n"
	      "Puts the FILEs into OUTDIR/Y all at once, keeping its other files, if the\n"
	      "inputs are still those of MANIFEST.\n"
	      "Exit: 0 published, 1 inputs changed (nothing published), 2 usage,\n"
	      "3 system error (nothing published).\n",
	      fp);
}

/* Set while staging in the work folder: EXDEV (another file system, or
 * another mount of it) is not reported, the caller stages again beside OUT. */
static int try_exdev;

static int
fail(const char *what, const char *path)
{
	int e = errno;

	if (!(try_exdev && e == EXDEV))
		fprintf(stderr, _("publish: error: %s %s: %s; nothing was published\n"), what, path,
		        strerror(e));
	errno = e;
	return -1;
}

/* Removes what a killed run left: folders in `dir` whose names start with
 * `prefix`. */
static void
remove_leftovers(const char *dir, const char *prefix)
{
	DIR *dp = opendir(dir);
	struct dirent *de;

	if (dp == NULL)
		return;
	while ((de = readdir(dp)) != NULL) {
		if (strncmp(de->d_name, prefix, strlen(prefix)) == 0) {
			char *p = g_build_filename(dir, de->d_name, NULL);

			(void)atomicfile_remove_dir(p); /* else removed next time */
			g_free(p);
		}
	}
	closedir(dp);
}

static int
fsync_path(const char *path)
{
	int fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC), rc;

	if (fd < 0)
		return -1;
	rc = fsync(fd);
	close(fd);
	return rc;
}

/* Copies the regular file `src` to `name` in the folder `dfd`, a new
 * file (O_EXCL, no link followed), and fsyncs it. */
static int
copy_in(const char *src, int dfd, const char *name)
{
	int in = open(src, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC), out = -1;
	char buf[65536];
	struct stat st;
	ssize_t n = 0;

	if (in < 0 || fstat(in, &st) < 0 || !S_ISREG(st.st_mode)) {
		if (in >= 0) {
			close(in);
			errno = EINVAL;
		}
		return fail("cannot read", src);
	}
	out = openat(dfd, name, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0644);
	if (out < 0) {
		close(in);
		return fail("cannot create the copy of", src);
	}
	for (;;) {
		char *p = buf;

		n = read(in, buf, sizeof(buf));
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		while (n > 0) {
			ssize_t w = write(out, p, (size_t)n);

			if (w < 0 && errno == EINTR)
				continue;
			if (w < 0)
				goto bad;
			p += w;
			n -= w;
		}
	}
	if (n < 0 || fsync(out) < 0)
		goto bad;
	close(in);
	if (close(out) < 0)
		return fail("cannot write the copy of", src);
	return 0;
bad:
	n = errno;
	close(in);
	close(out);
	errno = (int)n;
	return fail("cannot write the copy of", src);
}

/* Copies the folder `src` (regular files only) to a new folder `name` in
 * `dfd`, and fsyncs it. */
static int
copy_dir_in(const char *src, int dfd, const char *name)
{
	DIR *dp = opendir(src);
	struct dirent *de;
	int sub = -1, rc = 0;

	if (dp == NULL)
		return fail("cannot list", src);
	if (mkdirat(dfd, name, 0755) < 0 ||
	    (sub = openat(dfd, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)) < 0) {
		closedir(dp);
		return fail("cannot make the folder for", src);
	}
	while (rc == 0 && (de = readdir(dp)) != NULL) {
		char *p;

		if (strcmp(de->d_name, ".") == 0 || strcmp(de->d_name, "..") == 0)
			continue;
		p = g_build_filename(src, de->d_name, NULL);
		rc = copy_in(p, sub, de->d_name);
		g_free(p);
	}
	closedir(dp);
	if (rc == 0 && fsync(sub) < 0)
		rc = fail("cannot write the copy of", src);
	close(sub);
	return rc;
}

/* 1 when `name` is the basename of one of the FILEs. */
static int
is_new(const char *name, char **files, int nfiles)
{
	int i;

	for (i = 0; i < nfiles; i++)
		if (strcmp(path_base(files[i]), name) == 0)
			return 1;
	return 0;
}

/* Hard-links the files of the folder `dir` into a new folder `name` of
 * `sfd` (templates/, the feedback folder of the other kind of run); a
 * folder in it is refused. */
static int
link_folder(const char *dir, int sfd, const char *name)
{
	DIR *dp = opendir(dir);
	struct dirent *de;
	int sub = -1, rc = 0;

	if (dp == NULL)
		return fail("cannot list", dir);
	if (mkdirat(sfd, name, 0755) < 0 ||
	    (sub = openat(sfd, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)) < 0) {
		closedir(dp);
		return fail("cannot keep", dir);
	}
	while (rc == 0 && (de = readdir(dp)) != NULL) {
		struct stat st;

		if (strcmp(de->d_name, ".") == 0 || strcmp(de->d_name, "..") == 0)
			continue;
		if (fstatat(dirfd(dp), de->d_name, &st, AT_SYMLINK_NOFOLLOW) == 0 &&
		    S_ISDIR(st.st_mode)) {
			fprintf(stderr,
			        "publish: error: %s/%s is a folder; move it out of %s (only files "
			        "and folders of files are kept there); nothing was published\n",
			        dir, de->d_name, dir);
			errno = EISDIR;
			rc = -1;
		} else if (linkat(dirfd(dp), de->d_name, sub, de->d_name, 0) < 0) {
			char *p = g_build_filename(dir, de->d_name, NULL);

			rc = fail("cannot keep", p);
			g_free(p);
		}
	}
	closedir(dp);
	close(sub);
	return rc;
}

/* Hard-links every entry of `out` but the FILEs into `sfd`. */
static int
link_others(const char *out, int sfd, char **files, int nfiles)
{
	DIR *dp = opendir(out);
	struct dirent *de;
	int rc = 0;

	if (dp == NULL)
		return fail("cannot list", out);
	while (rc == 0 && (de = readdir(dp)) != NULL) {
		struct stat st;

		if (strcmp(de->d_name, ".") == 0 || strcmp(de->d_name, "..") == 0 ||
		    is_new(de->d_name, files, nfiles))
			continue;
		if (fstatat(dirfd(dp), de->d_name, &st, AT_SYMLINK_NOFOLLOW) == 0 &&
		    S_ISDIR(st.st_mode)) {
			char *p = g_build_filename(out, de->d_name, NULL);

			rc = link_folder(p, sfd, de->d_name);
			g_free(p);
		} else if (linkat(dirfd(dp), de->d_name, sfd, de->d_name, 0) < 0) {
			char *p = g_build_filename(out, de->d_name, NULL);

			rc = fail("cannot keep", p);
			g_free(p);
		}
	}
	closedir(dp);
	return rc;
}

static int same_file(const char *out, const char *file);

/* 1 when `out`/basename(dir) is a folder with the files of `dir`, the same
 * bytes, and no other entry. */
static int
same_dir(const char *out, const char *dir)
{
	char *base = g_path_get_basename(dir), *p = g_build_filename(out, base, NULL);
	GDir *a = g_dir_open(dir, 0, NULL), *b = g_dir_open(p, 0, NULL);
	const char *n;
	int na = 0, nb = 0, same = a && b;

	while (same && (n = g_dir_read_name(a)) != NULL) {
		char *f = g_build_filename(dir, n, NULL);

		same = same_file(p, f);
		na++;
		g_free(f);
	}
	while (same && g_dir_read_name(b) != NULL)
		nb++;
	if (a)
		g_dir_close(a);
	if (b)
		g_dir_close(b);
	g_free(p);
	g_free(base);
	return same && na == nb;
}

/* 1 when `out`/basename(file) is a regular file with the bytes of `file`
 * (for a folder, same_dir()). */
static int
same_file(const char *out, const char *file)
{
	char *base = g_path_get_basename(file), *p = g_build_filename(out, base, NULL);
	struct stat st;
	int same;

	if (stat(file, &st) == 0 && S_ISDIR(st.st_mode)) {
		g_free(p);
		g_free(base);
		return same_dir(out, file);
	}
	same = lstat(p, &st) == 0 && S_ISREG(st.st_mode) && atomicfile_same(p, file);
	g_free(p);
	g_free(base);
	return same;
}

/*
 * Makes the staging folder from the template `stage` (mkdtemp), fills it
 * (the other entries of OUT hard-linked, the FILEs copied, fsynced) and
 * swaps it with OUT, then removes what it then holds (the old set).  0, or
 * -1 after a message (none for EXDEV while try_exdev), the staging folder
 * removed and errno kept.
 */
static int
stage_and_swap(char *stage, const char *out, int have_out, char **files, int nfiles)
{
	int sfd = -1, i, e;

	if (mkdtemp(stage) == NULL)
		return fail("cannot make a staging folder", stage);
	if (chmod(stage, 0755) < 0 ||
	    (sfd = open(stage, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)) < 0) {
		fail("cannot open", stage);
		goto bad;
	}
	if (have_out && link_others(out, sfd, files, nfiles) < 0)
		goto bad;
	for (i = 0; i < nfiles; i++) {
		struct stat st;
		int rc = stat(files[i], &st) == 0 && S_ISDIR(st.st_mode)
		             ? copy_dir_in(files[i], sfd, path_base(files[i]))
		             : copy_in(files[i], sfd, path_base(files[i]));

		if (rc < 0)
			goto bad;
	}
	if (fsync(sfd) < 0) {
		fail("cannot write", stage);
		goto bad;
	}
	if (have_out) {
		if (renameat2(AT_FDCWD, stage, AT_FDCWD, out, RENAME_EXCHANGE) < 0) {
			fail("cannot swap in", out);
			goto bad;
		}
		close(sfd);
		(void)atomicfile_remove_dir(stage); /* the old set */
		return 0;
	}
	if (rename(stage, out) < 0) {
		fail("cannot rename onto", out);
		goto bad;
	}
	close(sfd);
	return 0;
bad:
	e = errno;
	if (sfd >= 0)
		close(sfd);
	(void)atomicfile_remove_dir(stage);
	errno = e;
	return -1;
}

int
main(int argc, char **argv)
{
	static const struct option opts[] = {INVENTORY_OPTIONS,
	                                     {"manifest", required_argument, NULL, 'M'},
	                                     {"stage-in", required_argument, NULL, 'S'},
	                                     {"front-id", required_argument, NULL, 'F'},
	                                     {"front-id-now", required_argument, NULL, 'N'},
	                                     {"output", required_argument, NULL, 'o'},
	                                     {"help", no_argument, NULL, 'h'},
	                                     {NULL, 0, NULL, 0}};
	struct inventory_args a = {NULL, NULL, NULL, NULL, NULL, ""};
	const char *manifest = NULL, *stagein = NULL, *out = NULL, *front = NULL, *frontnow = NULL;
	char *err = NULL, *parent = NULL, *base = NULL, *stage = NULL;
	xmlBufferPtr now;
	struct stat st_out, st_stage, st_parent;
	int c, i, have_out, status = EXIT_SYSTEM;
	sigset_t hold, prev;
	const struct opt_to to[] = {{'M', &manifest}, {'S', &stagein}, {'F', &front},
	                            {'N', &frontnow}, {'o', &out},     {0, NULL}};

	i18n_init();

	while ((c = getopt_long(argc, argv, "o:h", opts, NULL)) != -1) {
		switch (c) {
		case 'h':
			usage(stdout);
			return EXIT_OK;
		default:
			if (opt_store(to, c, optarg) || inventory_option(&a, c, optarg))
				break;
			usage(stderr);
			return EXIT_USAGE;
		}
	}
	if (!manifest || !a.year || !a.dir || !a.registry || !a.plan || !a.matrix || !stagein ||
	    !out || optind == argc || !front != !frontnow) {
		fputs(
		    _("publish: --manifest, --year, --submissions, --registry, --plan, --matrix,\n"
		      "--stage-in, -o and at least one FILE are required; --front-id and\n"
		      "--front-id-now go together\n"),
		    stderr);
		usage(stderr);
		return EXIT_USAGE;
	}
	LIBXML_TEST_VERSION
	sigprocmask(SIG_SETMASK, NULL, &prev);

	/* 1. The inputs are still those the build used. */
	now = xmlBufferCreate();
	if (inventory_write(&a, now, &err) < 0) {
		fprintf(stderr, _("publish: error: %s; nothing was published\n"), err);
		goto done;
	}
	if (!atomicfile_holds(manifest, xmlBufferContent(now), (size_t)xmlBufferLength(now))) {
		fprintf(stderr,
		        _("%s: error: the inputs changed during the run (a file in submissions/, "
		          "the registry, plan, matrix or REPORT_DATE); nothing was published: run "
		          "make again\n"),
		        a.dir);
		status = EXIT_INPUT;
		goto done;
	}
	if (front && !atomicfile_same(front, frontnow)) {
		char *in = g_path_get_dirname(a.plan);

		fprintf(stderr,
		        _("%s: error: report.xml, its logo or REPORT_DATE changed during the run; "
		          "nothing was published: run make again\n"),
		        in);
		g_free(in);
		status = EXIT_INPUT;
		goto done;
	}

	/* Already published: nothing to do. */
	for (i = optind; i < argc && same_file(out, argv[i]); i++)
		;
	if (i == argc) {
		status = EXIT_OK;
		goto done;
	}

	/* 2. The staging folder, on the same file system as OUT. */
	sigemptyset(&hold);
	sigaddset(&hold, SIGINT);
	sigaddset(&hold, SIGTERM);
	sigaddset(&hold, SIGHUP);
	sigprocmask(SIG_BLOCK, &hold, &prev);
	parent = g_path_get_dirname(out);
	base = g_path_get_basename(out);
	if (lstat(out, &st_out) == 0) {
		if (!S_ISDIR(st_out.st_mode)) {
			fprintf(stderr,
			        _("publish: error: %s is not a folder; remove it; nothing was "
			          "published\n"),
			        out);
			goto done;
		}
		have_out = 1;
	} else if (errno == ENOENT) {
		have_out = 0;
	} else {
		fail("cannot look at", out);
		goto done;
	}
	if (g_mkdir_with_parents(parent, 0755) < 0 || stat(parent, &st_parent) < 0) {
		fail("cannot look at", parent);
		goto done;
	}
	{
		char *pfx = g_strdup_printf(".%s.publish-", base);

		remove_leftovers(stagein, ".publish-");
		remove_leftovers(parent, pfx);
		stage = g_strdup_printf("%s/.publish-XXXXXX", stagein);
		if (stat(stagein, &st_stage) < 0 || st_stage.st_dev != st_parent.st_dev) {
			g_free(stage);
			stage = g_strdup_printf("%s/%sXXXXXX", parent, pfx);
		}
		g_free(pfx);
	}
	try_exdev = 1;
	if (stage_and_swap(stage, out, have_out, argv + optind, argc - optind) < 0) {
		if (errno != EXDEV || !try_exdev)
			goto done;
		g_free(stage);
		stage = g_strdup_printf("%s/.%s.publish-XXXXXX", parent, base);
		try_exdev = 0;
		if (stage_and_swap(stage, out, have_out, argv + optind, argc - optind) < 0)
			goto done;
	}
	(void)fsync_path(parent);
	status = EXIT_OK;
done:
	g_free(stage);
	sigprocmask(SIG_SETMASK, &prev, NULL);
	g_free(parent);
	g_free(base);
	free(err);
	xmlBufferFree(now);
	xmlCleanupParser();
	return status;
}
