#include "i18n.h"

#include <limits.h>
#include <locale.h>
#include <string.h>
#include <unistd.h>

void
i18n_init(void)
{
	char exe[PATH_MAX];
	ssize_t n;
	char *slash;

	setlocale(LC_MESSAGES, "");
	bind_textdomain_codeset(I18N_DOMAIN, "UTF-8");
	/* strerror() and the C library's other messages come from its own
	 * catalogue: UTF-8 too, not "?" for every character under LC_CTYPE=C */
	bind_textdomain_codeset("libc", "UTF-8");
	textdomain(I18N_DOMAIN);
	/* BUILD/bin/STAGE -> BUILD/locale */
	n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
	if (n <= 0)
		return;
	exe[n] = '\0';
	slash = strrchr(exe, '/');
	if (slash == NULL)
		return;
	*slash = '\0';
	slash = strrchr(exe, '/');
	if (slash == NULL)
		return;
	if ((size_t)(slash - exe) + sizeof("/locale") > sizeof(exe))
		return;
	memcpy(slash, "/locale", sizeof("/locale"));
	bindtextdomain(I18N_DOMAIN, exe);
}
