# Messages in Japanese (issue 16).  po/ja.po is the catalogue of every
# message the stages print (the C sources' and the stylesheets'
# xsl:message); msgfmt builds it into $(B)/locale, which the binaries find
# beside $(B)/bin (pipeline/common/i18n.c).
#
# make prints in Japanese by default (the secretariat's machines), on any
# Debian with only the C.UTF-8 locale: LANGUAGE picks the catalogue and
# LC_MESSAGES=C.UTF-8 lets glibc use it (it ignores LANGUAGE under plain
# C).  MESSAGES=en prints English.  Run alone, a stage follows the usual
# LANGUAGE / LC_ALL / LC_MESSAGES / LANG (LANG=C: English).
#
# make po (maintainers, after changing a message): refreshes
# po/pipeline.pot from the sources and merges it into po/ja.po, whose new
# or changed entries then need their Japanese (t1041 fails until they have).
MESSAGES ?= ja
ifeq ($(filter ja en,$(MESSAGES)),)
$(error MESSAGES must be ja (the default) or en)
endif
export LANGUAGE := $(MESSAGES)
export LC_MESSAGES := C.UTF-8
unexport LC_ALL

MO := $(B)/locale/ja/LC_MESSAGES/pipeline.mo
$(MO): po/ja.po $(DEPS_STAMP)
	@mkdir -p $(@D)
	msgfmt --check -o $@ po/ja.po
all: $(MO)
$(BINS) $(BIN)/templates: | $(MO)

# The keywords: _() and ngettext() for messages printed directly; the
# diag functions and the stages' wrappers around them take a printf
# format that they translate themselves; set() is inventory's verdict on
# a file, printed whole (diag "%s", ingest's notes) and looked up then.
XGETTEXT_KEYWORDS := -k_ -kN_ -kngettext:1,2 \
	-kdiag_error:4 -kdiag_warning:4 -kdiag_add:7 -krow_error:3 -krow_warning:3 -kwarn_at:6 \
	-kset:3 \
	--flag=diag_error:4:c-format --flag=diag_warning:4:c-format \
	--flag=diag_add:7:c-format --flag=row_error:3:c-format --flag=row_warning:3:c-format \
	--flag=warn_at:6:c-format --flag=_:1:pass-c-format --flag=ngettext:1:pass-c-format \
	--flag=ngettext:2:pass-c-format
# POT=FILE writes the template of the current sources to FILE.
POT ?= po/pipeline.pot
.PHONY: po pot
pot:
	@tmp=$$(mktemp -d) && \
	xgettext --no-wrap --language=C --from-code=UTF-8 --no-location --sort-output \
		--package-name=pipeline --msgid-bugs-address=issues -x po/exclude.pot $(XGETTEXT_KEYWORDS) \
		-o $$tmp/c.pot $(sort $(wildcard pipeline/*/*.c)) && \
	/usr/bin/python3 po/xslmsgs.py $(sort $(wildcard stylesheets/*.xsl)) >$$tmp/xsl.pot && \
	msgcat --no-wrap --use-first --sort-output --no-location -o $$tmp/all.pot $$tmp/c.pot $$tmp/xsl.pot && \
	sed '/^"POT-Creation-Date:/d' $$tmp/all.pot >$(POT) && rm -rf $$tmp
po: pot
	msgmerge --no-wrap --quiet --update --backup=none --no-location --sort-output po/ja.po po/pipeline.pot
