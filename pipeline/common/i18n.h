/*
 * i18n: the stages' messages in the user's language (issue 16), through
 * gettext and the catalogue po/ja.po, built into
 * BUILD/locale/ja/LC_MESSAGES/pipeline.mo beside BUILD/bin.  Only
 * LC_MESSAGES follows the environment: numbers, character classes and
 * the output's encoding (UTF-8) stay the same in every language.
 * diag_error/diag_warning/diag_add translate their format themselves;
 * other messages are written _("…").  `make` sets LANGUAGE=ja (or en with
 * MESSAGES=en); run alone, a stage follows LANGUAGE/LC_ALL/LANG.
 */
#ifndef I18N_H
#define I18N_H
#include <libintl.h>

#define I18N_DOMAIN "pipeline"
#define _(s) gettext(s)
#define N_(s) (s)

/* Call first in main: sets LC_MESSAGES from the environment and finds
 * the catalogue relative to the running binary. */
void i18n_init(void);

#endif
