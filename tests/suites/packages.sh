#!/usr/bin/env bash
# tests/suites/packages.sh - make dist, the Debian packages and the RPM:
# the tarball carries the version of the VERSION file, dpkg-buildpackage
# builds from it, lintian is clean, the packages hold the expected files
# and install into a throwaway root with real dpkg beside net-tools in
# both orders, and rpmbuild builds from the same tarball.
source "$(dirname "$0")/../lib.sh"

VERSION=$(cat "$TOP/VERSION")
# The packages are built as a user would build them: not with the flags
# of the make that runs this suite (make SANITIZE=1 check passes its
# SANITIZE=1 down to every make below it, in MAKEFLAGS and the environment).
unset MAKEFLAGS MFLAGS MAKELEVEL MAKEOVERRIDES SANITIZE WERROR

# first PATH...: the first of the PATHs (globs expanded) that exists.
first() {
	local f
	for f in "$@"; do
		if [ -e "$f" ]; then
			echo "$f"
			return 0
		fi
	done
	return 1
}
DIST=nlnetstat-$VERSION

if ! command -v git >/dev/null || ! git -C "$TOP" rev-parse --git-dir >/dev/null 2>&1; then
	skip "packages: make dist" "not a git checkout (make dist lists files with git)"
	exit 0
fi

# --- make dist ---------------------------------------------------------
if ! make -s -C "$TOP" dist DISTDIR="$T_TMP" >"$T_TMP/dist.log" 2>&1 ||
	! [ -f "$T_TMP/$DIST.tar.gz" ]; then
	fail "packages: make dist" "$(tail -3 "$T_TMP/dist.log")"
	exit 0
fi
tar -tzf "$T_TMP/$DIST.tar.gz" >"$T_TMP/dist.list"
missing=""
for f in VERSION Makefile nlnetstat.spec debian/rules debian/control src/core/opts.c \
	completion/nlnetstat completion/_nlnetstat completion/nlnetstat.fish man/nlnetstat.8; do
	grep -qx "$DIST/$f" "$T_TMP/dist.list" || missing="$missing $f"
done
stray=$(grep -E "^$DIST/(build|build-san|nlnetstat$|debian/tmp|.*\.o$)" "$T_TMP/dist.list" | head -3)
if [ -z "$missing" ] && [ -z "$stray" ] && ! grep -qv "^$DIST/" "$T_TMP/dist.list"; then
	pass "packages: make dist writes $DIST.tar.gz with the sources, debian/ and the spec"
else
	fail "packages: make dist writes $DIST.tar.gz with the sources, debian/ and the spec" \
		"missing:${missing:- none}; stray: ${stray:-none}"
fi

mkdir -p "$T_TMP/src"
tar -xzf "$T_TMP/$DIST.tar.gz" -C "$T_TMP/src"
S="$T_TMP/src/$DIST"

# The version has one home: VERSION.  The spec carries it, the compiler is
# given it, and debian/rules refuses a changelog that disagrees.
spec_ver=$(sed -n 's/^Version: *//p' "$S/nlnetstat.spec")
cp -a "$S" "$T_TMP/vcheck"
echo 9.8.7 >"$T_TMP/vcheck/VERSION"
cc_line=$(make -s -n -B -C "$T_TMP/vcheck" build/core/opts.o 2>&1 | grep -- '-DNLNETSTAT_VERSION')
if [ -f /usr/share/dpkg/pkg-info.mk ]; then
	rules_err=$(cd "$T_TMP/vcheck" && make -f debian/rules -n clean 2>&1)
	rules_rc=$?
else # no dpkg-dev: nothing can read the changelog; the .deb part skips
	rules_err="VERSION has 9.8.7" rules_rc=1
fi
if [ "$spec_ver" = "$VERSION" ] && [[ $cc_line == *"-DNLNETSTAT_VERSION='\"9.8.7\"'"* ]] &&
	[ $rules_rc -ne 0 ] && [[ $rules_err == *"VERSION has 9.8.7"* ]]; then
	pass "packages: the version comes from VERSION (compiler, spec, debian/changelog check)"
else
	fail "packages: the version comes from VERSION (compiler, spec, debian/changelog check)" \
		"spec=$spec_ver cc='${cc_line:0:60}' rules rc=$rules_rc"
fi
rm -rf "$T_TMP/vcheck"

# --- the .deb ----------------------------------------------------------
debs_ok=0
if ! command -v dpkg-buildpackage >/dev/null || ! command -v dh >/dev/null; then
	skip "packages: dpkg-buildpackage" "dpkg-dev or debhelper not installed"
else
	cp "$T_TMP/$DIST.tar.gz" "$T_TMP/src/nlnetstat_$VERSION.orig.tar.gz"
	if (cd "$S" && DEB_BUILD_OPTIONS=nocheck dpkg-buildpackage -us -uc -b) \
		>"$T_TMP/deb.log" 2>&1; then
		pass "packages: dpkg-buildpackage -us -uc -b builds from the tarball"
		debs_ok=1
	else
		fail "packages: dpkg-buildpackage -us -uc -b builds from the tarball" \
			"$(tail -5 "$T_TMP/deb.log" | tr '\n' ' ')"
	fi
fi
DEB_MAIN=$(first "$T_TMP"/src/nlnetstat_"$VERSION"-*_*.deb) || debs_ok=0
DEB_NET=$(first "$T_TMP"/src/nlnetstat-netstat_"$VERSION"-*_all.deb) || debs_ok=0

# deb_files DEB: every non-directory entry, "path" or "path -> target".
deb_files() {
	dpkg-deb -c "$1" | awk '$1 !~ /^d/ { s = $6; if ($7 == "->") s = s " -> " $8; print s }' | sort
}
if [ $debs_ok = 1 ]; then
	want_main="./usr/bin/nlnetstat
./usr/share/bash-completion/completions/nlnetstat
./usr/share/doc/nlnetstat/README.md.gz
./usr/share/doc/nlnetstat/SECURITY.md.gz
./usr/share/doc/nlnetstat/changelog.Debian.gz
./usr/share/doc/nlnetstat/copyright
./usr/share/fish/vendor_completions.d/nlnetstat.fish
./usr/share/lintian/overrides/nlnetstat
./usr/share/man/man8/nlnetstat.8.gz
./usr/share/zsh/vendor-completions/_nlnetstat"
	want_net="./usr/bin/netstat -> nlnetstat
./usr/share/doc/nlnetstat-netstat/changelog.Debian.gz
./usr/share/doc/nlnetstat-netstat/copyright
./usr/share/lintian/overrides/nlnetstat-netstat
./usr/share/man/man8/netstat.8.gz -> nlnetstat.8.gz"
	got_main=$(deb_files "$DEB_MAIN")
	got_net=$(deb_files "$DEB_NET")
	if [ "$got_main" = "$want_main" ] && [ "$got_net" = "$want_net" ]; then
		pass "packages: the .debs hold the binary, man page, completions, docs and the netstat links"
	else
		fail "packages: the .debs hold the binary, man page, completions, docs and the netstat links" \
			"$(diff <(echo "$want_main"; echo "$want_net") <(echo "$got_main"; echo "$got_net") | grep '^[<>]' | head -4 | tr '\n' ' ')"
	fi

	# dh_strip strips (INSTALL_STRIP= in debian/rules) and keeps a -dbgsym.
	dpkg-deb -x "$DEB_MAIN" "$T_TMP/x"
	if first "$T_TMP"/src/nlnetstat-dbgsym_"$VERSION"-*.deb >/dev/null &&
		! readelf -S "$T_TMP/x/usr/bin/nlnetstat" | grep -q '\.debug_info' &&
		"$T_TMP/x/usr/bin/nlnetstat" -V | head -1 | grep -qx "nlnetstat $VERSION (net-tools 2.10 compatible)"; then
		pass "packages: the packaged binary is stripped by dh_strip (dbgsym kept) and -V says $VERSION"
	else
		fail "packages: the packaged binary is stripped by dh_strip (dbgsym kept) and -V says $VERSION" \
			"$("$T_TMP/x/usr/bin/nlnetstat" -V 2>&1 | head -1)"
	fi

	dpkg-deb -e "$DEB_NET" "$T_TMP/ctl"
	dpkg-deb -e "$DEB_MAIN" "$T_TMP/ctl-main"
	if [ -x "$T_TMP/ctl/preinst" ] && [ -x "$T_TMP/ctl/postrm" ] &&
		sh -n "$T_TMP/ctl/preinst" && sh -n "$T_TMP/ctl/postrm" &&
		grep -q 'dpkg-divert --package nlnetstat-netstat --add' "$T_TMP/ctl/preinst" &&
		grep -q 'dpkg-divert --package nlnetstat-netstat --remove' "$T_TMP/ctl/postrm" &&
		! first "$T_TMP"/ctl-main/{pre,post}{inst,rm} >/dev/null; then
		pass "packages: maintainer scripts: only nlnetstat-netstat diverts (preinst) and restores (postrm)"
	else
		fail "packages: maintainer scripts: only nlnetstat-netstat diverts (preinst) and restores (postrm)" \
			"$(echo "$T_TMP"/ctl/* "$T_TMP"/ctl-main/*)"
	fi

	if command -v lintian >/dev/null; then
		lintian --pedantic "$DEB_MAIN" "$DEB_NET" >"$T_TMP/lintian.log" 2>&1
		if grep -qE '^[EW]: ' "$T_TMP/lintian.log"; then
			fail "packages: lintian reports no error or warning" \
				"$(grep -E '^[EW]: ' "$T_TMP/lintian.log" | head -3 | tr '\n' ' ')"
		else
			pass "packages: lintian reports no error or warning"
		fi
	else
		skip "packages: lintian reports no error or warning" "lintian not installed"
	fi
fi

# --- install and remove with dpkg in a throwaway root ---------------------
# A merged-/usr root (as Debian 12's) with the dpkg database, /bin/sh and
# dpkg-divert: dpkg --root runs the maintainer scripts chrooted in it.
make_root() { # DIR
	local r=$1 b l
	mkdir -p "$r"/usr/bin "$r"/usr/sbin "$r"/usr/lib "$r"/usr/lib64 "$r"/etc "$r"/tmp \
		"$r"/var/lib/dpkg/info "$r"/var/lib/dpkg/updates "$r"/var/lib/dpkg/triggers
	ln -s usr/bin "$r/bin"
	ln -s usr/sbin "$r/sbin"
	ln -s usr/lib "$r/lib"
	ln -s usr/lib64 "$r/lib64"
	: >"$r/var/lib/dpkg/status"
	: >"$r/var/lib/dpkg/available"
	for b in "$(readlink -f /bin/sh)" "$(command -v dpkg-divert)"; do
		cp "$b" "$r/usr/bin/"
		for l in $(ldd "$b" | grep -o '/[^ ]*'); do
			mkdir -p "$r/usr$(dirname "${l#/usr}")"
			cp -L "$l" "$r/usr${l#/usr}"
		done
	done
	ln -sf "$(basename "$(readlink -f /bin/sh)")" "$r/usr/bin/sh"
	# All of it belongs to a package, as base-files and libc6 own /bin,
	# /lib64 ... on a real system; else removing net-tools, which ships
	# ./bin/ and ./sbin/, would take the /bin and /sbin links with it.
	printf '%s\n' 'Package: throwaway-base' 'Status: install ok installed' \
		'Maintainer: nobody <nobody@invalid>' 'Architecture: all' 'Version: 1' \
		'Description: the files of this throwaway root' '' >"$r/var/lib/dpkg/status"
	{
		echo /.
		(cd "$r" && find . -mindepth 1 ! -path './var' ! -path './var/*' | sed 's|^\.||' | sort)
	} >"$r/var/lib/dpkg/info/throwaway-base.list"
}

# The net-tools package: apt's cached copy, else the installed one packed
# again from its files (what dpkg-repack does).
net_tools_deb() { # OUT
	local c d f
	if c=$(first /var/cache/apt/archives/net-tools_*.deb); then
		cp "$c" "$1"
		return 0
	fi
	dpkg-query -W -f='${Status}' net-tools 2>/dev/null | grep -q 'ok installed' || return 1
	[ -z "$(ls /var/lib/dpkg/info/net-tools.*inst /var/lib/dpkg/info/net-tools.*rm 2>/dev/null)" ] ||
		return 1
	d="$T_TMP/ntpack"
	mkdir -p "$d/DEBIAN"
	dpkg-query -s net-tools | grep -v '^Status:' >"$d/DEBIAN/control"
	dpkg -L net-tools | grep '^/' | while read -r f; do
		if ! [ -d "$f" ]; then printf '%s\n' "${f#/}"; fi
	done >"$T_TMP/ntpack.list"
	tar -C / --no-recursion -cf - -T "$T_TMP/ntpack.list" | tar -C "$d" -xf - || return 1
	dpkg-deb --root-owner-group -b "$d" "$1" >/dev/null 2>&1
}

if [ $debs_ok = 1 ] && need_root "packages: dpkg --root install and removal"; then
	NT_DEB="$T_TMP/net-tools.deb"
	if ! net_tools_deb "$NT_DEB"; then
		NT_DEB=""
		skip "packages: install beside net-tools" "no net-tools package (not installed nor in apt's cache)"
	else
		dpkg-deb -x "$NT_DEB" "$T_TMP/ntx"
		NT_BIN=$(first "$T_TMP"/ntx/bin/netstat "$T_TMP"/ntx/usr/bin/netstat)
		NT_MAN="$T_TMP/ntx/usr/share/man/man8/netstat.8.gz"
	fi
fi

# dpkgr ACTION...: dpkg on the throwaway root $R (library dependencies are
# not in it, hence --force-depends).
dpkgr() {
	echo "## dpkg $*" >>"$T_TMP/dpkg.log"
	dpkg --root="$R" --force-depends "$@" >>"$T_TMP/dpkg.log" 2>&1
}
# state WHAT: the state of netstat in $R; prints why not and returns 1.
state() {
	local nb="$R/usr/bin/netstat" man="$R/usr/share/man/man8/netstat.8.gz"
	local div
	div=$(dpkg-divert --root="$R" --list | wc -l)
	case $1 in
	ours) # netstat is nlnetstat, and the man page is its
		if ! { [ "$(readlink "$nb")" = nlnetstat ] &&
			"$nb" -V 2>/dev/null | head -1 | grep -q "^nlnetstat $VERSION " &&
			[ "$(readlink "$man")" = nlnetstat.8.gz ] && [ "$div" = 3 ]; }; then
			echo "netstat is not nlnetstat's (diversions: $div)"
			return 1
		fi ;;
	aside) # net-tools' files are intact under their diverted names
		if ! { cmp -s "$R/usr/bin/netstat.net-tools" "$NT_BIN" &&
			cmp -s "$R/usr/share/man/man8/netstat.net-tools.8.gz" "$NT_MAN" &&
			[ -z "$(dpkg --root="$R" --verify net-tools 2>&1)" ]; }; then
			echo "net-tools' netstat is not intact aside"
			return 1
		fi ;;
	home) # net-tools' netstat is back, no diversion is left
		if ! { cmp -s "$nb" "$NT_BIN" && cmp -s "$man" "$NT_MAN" && [ "$div" = 0 ] &&
			! [ -e "$R/usr/bin/netstat.net-tools" ] &&
			[ -z "$(dpkg --root="$R" --verify net-tools 2>&1)" ]; }; then
			echo "net-tools' netstat is not back (diversions: $div)"
			return 1
		fi ;;
	none) # no netstat, no diversion, nothing left of either package
		if ! { ! [ -e "$nb" ] && ! [ -L "$nb" ] && [ "$div" = 0 ] &&
			[ "$(find "$R" \( -type f -o -type l \) ! -path '*/var/*' | wc -l)" = "$base_files" ] &&
			[ "$(dpkg-query --root="$R" -W -f '${db:Status-Abbrev}${Package}\n' |
				grep -v '^[pu]n')" = "ii throwaway-base" ]; }; then
			echo "something is left: $(cd "$R" && find usr -name '*netstat*' | tr '\n' ' ')"
			return 1
		fi ;;
	esac
}

# scenario NAME STEP...: a fresh root, then each step "ACTION:STATE,...",
# ACTION being nt (install net-tools), ours (install both .debs), -nt,
# -ours (remove them).
scenario() {
	local name=$1 step act want w why=""
	shift
	R="$T_TMP/root-$name"
	make_root "$R"
	base_files=$(find "$R" \( -type f -o -type l \) ! -path '*/var/*' | wc -l)
	for step in "$@"; do
		act=${step%%:*}
		want=${step#*:}
		case $act in
		nt) dpkgr -i "$NT_DEB" ;;
		ours) dpkgr -i "$DEB_MAIN" "$DEB_NET" ;;
		-nt) dpkgr --purge net-tools ;;
		-ours) dpkgr --purge nlnetstat-netstat nlnetstat ;;
		esac || why="$why dpkg $act failed;"
		for w in ${want//,/ }; do
			why="$why$(state "$w" | sed "s/^/after $act: /")"
		done
		[ -n "$why" ] && break
	done
	if [ -z "$why" ]; then
		pass "packages: dpkg --root: $name"
	else
		fail "packages: dpkg --root: $name" "$why (log: $(grep -E 'error' "$T_TMP/dpkg.log" | head -2 | tr '\n' ' '))"
	fi
	rm -rf "$R"
}

if [ $debs_ok = 1 ] && [ "$(id -u)" -eq 0 ]; then
	scenario "nlnetstat alone, then removed" "ours:ours" "-ours:none"
	if [ -n "$NT_DEB" ]; then
		scenario "net-tools, then nlnetstat; remove nlnetstat, then net-tools" \
			"nt:home" "ours:ours,aside" "-ours:home" "-nt:none"
		scenario "net-tools, then nlnetstat; remove net-tools, then nlnetstat" \
			"nt:home" "ours:ours,aside" "-nt:ours" "-ours:none"
		scenario "nlnetstat, then net-tools; remove net-tools, then nlnetstat" \
			"ours:ours" "nt:ours,aside" "-nt:ours" "-ours:none"
		scenario "nlnetstat, then net-tools; remove nlnetstat, then net-tools" \
			"ours:ours" "nt:ours,aside" "-ours:home" "-nt:none"
	fi
fi

# --- the RPM -----------------------------------------------------------
if ! command -v rpmbuild >/dev/null; then
	skip "packages: rpmbuild -tb" "rpm (rpmbuild) not installed"
	exit 0
fi
# --nodeps: on Debian the BuildRequires are dpkg packages rpm cannot see.
if rpmbuild -tb --nodeps --define "_topdir $T_TMP/rpm" "$T_TMP/$DIST.tar.gz" \
	>"$T_TMP/rpm.log" 2>&1; then
	pass "packages: rpmbuild -tb builds from the tarball"
else
	fail "packages: rpmbuild -tb builds from the tarball" "$(tail -3 "$T_TMP/rpm.log" | tr '\n' ' ')"
	exit 0
fi
rpm_main=$(first "$T_TMP"/rpm/RPMS/*/nlnetstat-"$VERSION"-*.rpm)
rpm_net=$(first "$T_TMP"/rpm/RPMS/noarch/nlnetstat-netstat-"$VERSION"-*.noarch.rpm)
got=$( { rpm -qlp "$rpm_main"; rpm -qlp "$rpm_net"; } 2>/dev/null | grep -v '^/usr/lib/\.build-id' |
	grep -vx "/usr/share/\(doc\|licenses\)/$DIST" | sort)
want="/usr/bin/netstat
/usr/bin/nlnetstat
/usr/share/bash-completion/completions/nlnetstat
/usr/share/doc/$DIST/README.md
/usr/share/doc/$DIST/SECURITY.md
/usr/share/fish/vendor_completions.d/nlnetstat.fish
/usr/share/licenses/$DIST/LICENSE
/usr/share/zsh/site-functions/_nlnetstat"
man=$(rpm -qlp "$rpm_main" 2>/dev/null | grep -c '^/usr/share/man/man8/nlnetstat\.8')
got_nm=$(echo "$got" | grep -v '^/usr/share/man/')
if [ "$got_nm" = "$want" ] && [ "$man" = 1 ] &&
	[ "$(rpm -qp --qf '%{VERSION}' "$rpm_main" 2>/dev/null)" = "$VERSION" ]; then
	pass "packages: the RPMs hold the same files, version $VERSION"
else
	fail "packages: the RPMs hold the same files, version $VERSION" \
		"$(diff <(echo "$want") <(echo "$got_nm") | grep '^[<>]' | head -4 | tr '\n' ' ') man=$man"
fi
echo "# RPM files:"
{
	rpm -qlp "$rpm_main"
	rpm -qlp "$rpm_net"
} 2>/dev/null | sed 's/^/#   /'
