#!/bin/sh
# Checks that the Debian packages the pipeline builds and runs with are
# installed.  As root it installs the missing ones; otherwise it prints the
# exact command to run and fails.  Usage: pipeline/deps.sh [build|test]
set -eu
pkgs="gcc make pkg-config libcsv-dev libpango1.0-dev libcairo2-dev libxml2-dev
libxslt1-dev libglib2.0-dev libfontconfig-dev xsltproc libxml2-utils
fonts-morisawa-bizud-gothic fonts-morisawa-bizud-mincho fonts-noto-cjk
libxlsxwriter-dev libzip-dev libgdk-pixbuf-2.0-dev librsvg2-dev"
if [ "${1:-build}" = test ]; then
	pkgs="$pkgs libcmocka-dev poppler-utils qpdf clang libclang-rt-14-dev valgrind python3
python3-openpyxl"
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
	echo "deps: installing$missing" >&2
	export DEBIAN_FRONTEND=noninteractive
	apt-get update -qq >&2
	# Recommends included: clang needs libclang-rt-*-dev (its Recommends) for
	# the sanitizer and fuzzer runtimes.
	# shellcheck disable=SC2086
	apt-get install -y -qq $missing >&2
	exit 0
fi
echo "deps: missing Debian packages:$missing" >&2
echo "deps: run: sudo apt-get install -y$missing" >&2
exit 1
