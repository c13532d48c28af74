#!/usr/bin/env bash
# Checks the Debian package of the app: binary under usr/bin/, a valid .desktop
# entry under usr/share/applications/, a PNG icon under usr/share/icons/.
# Usage: tests/package/check-deb.sh [path/to.deb]   (default: newest bundle .deb)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
DEB="${1:-$(ls -t "${CARGO_TARGET_DIR:-$ROOT/target}"/release/bundle/deb/*.deb 2>/dev/null | head -n 1 || true)}"

fail() { printf '\033[31mpackage check FAILED:\033[0m %s\n' "$*" >&2; exit 1; }
ok() { printf '  ok  %s\n' "$*"; }

[[ -n "$DEB" && -f "$DEB" ]] || fail "no .deb found (run scripts/package first)"
command -v dpkg-deb >/dev/null || fail "dpkg-deb is not installed"

echo "checking $DEB"
dpkg-deb -I "$DEB" >/dev/null || fail "dpkg-deb -I cannot read $DEB"
pkg="$(dpkg-deb -f "$DEB" Package)"
ver="$(dpkg-deb -f "$DEB" Version)"
arch="$(dpkg-deb -f "$DEB" Architecture)"
[[ -n "$pkg" && -n "$ver" && -n "$arch" ]] || fail "control file lacks Package/Version/Architecture"
ok "control: Package=$pkg Version=$ver Architecture=$arch"
depends="$(dpkg-deb -f "$DEB" Depends || true)"
[[ "$depends" == *libwebkit2gtk-4.1* ]] || fail "Depends does not name libwebkit2gtk-4.1 (got: ${depends:-nothing})"
ok "depends on libwebkit2gtk-4.1"

# Paths in the data archive, without the leading "./".
listing="$(dpkg-deb -c "$DEB" | awk '{print $6}' | sed 's#^\./##')"

bins="$(grep -E '^usr/bin/[^/]+$' <<<"$listing" || true)"
[[ -n "$bins" ]] || fail "no binary under usr/bin/"
ok "binary: $(tr '\n' ' ' <<<"$bins")"

desktops="$(grep -E '^usr/share/applications/[^/]+\.desktop$' <<<"$listing" || true)"
[[ -n "$desktops" ]] || fail "no .desktop entry under usr/share/applications/"
icons="$(grep -E '^usr/share/icons/.+\.png$' <<<"$listing" || true)"
[[ -n "$icons" ]] || fail "no PNG icon under usr/share/icons/"

tmp="$(mktemp -d)"
trap 'rm -rf -- "$tmp"' EXIT
dpkg-deb -x "$DEB" "$tmp"

desktop="$(head -n 1 <<<"$desktops")"
entry="$tmp/$desktop"
grep -qx 'Type=Application' "$entry" || fail "$desktop lacks Type=Application"
exec_line="$(grep -m1 '^Exec=' "$entry" || true)"
[[ -n "$exec_line" ]] || fail "$desktop lacks Exec="
exec_cmd="${exec_line#Exec=}"
exec_cmd="${exec_cmd%% *}"
exec_name="$(basename "$exec_cmd")"
found=0
while read -r b; do
  [[ "$(basename "$b")" == "$exec_name" ]] && found=1
done <<<"$bins"
((found)) || fail "$desktop has '$exec_line', which names no binary under usr/bin/ ($(tr '\n' ' ' <<<"$bins"))"
grep -q '^Icon=.\+' "$entry" || fail "$desktop lacks Icon="
ok "desktop entry $desktop: $exec_line, $(grep -m1 '^Icon=' "$entry"), Type=Application"

for b in $bins; do
  [[ -x "$tmp/$b" ]] || fail "$b is not executable"
  file -b "$tmp/$b" | grep -q ELF || fail "$b is not an ELF executable"
done
ok "binaries are ELF executables"

icon="$(head -n 1 <<<"$icons")"
file -b "$tmp/$icon" | grep -q 'PNG image' || fail "$icon is not a PNG"
ok "icons: $(wc -l <<<"$icons") PNG(s), e.g. $icon ($(file -b "$tmp/$icon" | cut -d, -f2 | xargs))"

size="$(stat -c %s "$DEB")"
printf '  .deb size: %s bytes (%s)\n' "$size" "$(numfmt --to=iec-i --suffix=B "$size")"
echo "package check passed"
