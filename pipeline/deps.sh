#!/bin/sh
# Checks that the Debian packages the pipeline builds and runs with are
# installed.  As root it installs the missing ones; otherwise it prints the
# exact command to run and fails.  Usage: pipeline/deps.sh [build|test] [LOG]
# apt's own output goes to LOG (default build/deps.log), one line to the
# terminal; on failure its last lines and LOG's path.
set -eu
pkgs="gcc make pkg-config libcsv-dev libpango1.0-dev libcairo2-dev libxml2-dev
libxslt1-dev libglib2.0-dev libfontconfig-dev xsltproc libxml2-utils
fonts-morisawa-bizud-gothic fonts-morisawa-bizud-mincho fonts-noto-cjk
libxlsxwriter-dev libzip-dev gettext libgdk-pixbuf-2.0-dev librsvg2-dev zlib1g-dev"
if [ "${1:-build}" = test ]; then
	pkgs="$pkgs libcmocka-dev poppler-utils qpdf clang libclang-rt-14-dev valgrind python3
python3-openpyxl python3-pikepdf"
	# the HTML edition's checks (issue 17): html5lib; axe-core and
	# puppeteer-core come from npm (tests/a11y) and drive Debian's Chromium
	pkgs="$pkgs python3-html5lib chromium nodejs"
	# (a Node.js from elsewhere brings its own npm, which Debian's conflicts with)
	command -v npm >/dev/null 2>&1 || pkgs="$pkgs npm"
fi
missing=""
for p in $pkgs; do
	st=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
	case "$st" in
	*"install ok installed"*) ;;
	*) missing="$missing $p" ;;
	esac
done
[ -z "$missing" ] && exit 0
if [ "$(id -u)" -eq 0 ]; then
	log=${2:-build/deps.log}
	mkdir -p "$(dirname "$log")"
	echo "deps: installing$missing (apt-get's output: $log)" >&2
	export DEBIAN_FRONTEND=noninteractive
	# Recommends included: clang needs libclang-rt-*-dev (its Recommends) for
	# the sanitizer and fuzzer runtimes.
	# shellcheck disable=SC2086
	if ! { apt-get update -qq && apt-get install -y -qq $missing; } >"$log" 2>&1; then
		tail -n 5 "$log" >&2
		echo "deps: apt-get failed; the whole output is in $log" >&2
		exit 1
	fi
	exit 0
fi
echo "deps: missing Debian packages:$missing" >&2
echo "deps: run: sudo apt-get install -y$missing" >&2
exit 1
