#!/usr/bin/env bash
# Build the Linux bundle of Tradesman from a clean clone, and check that it works.
#
#   packaging/build-linux.sh [OUTPUT_DIR]     (default: ./dist, beside where you run it)
#
# 1. clones this repository's HEAD (committed work only) into a temporary folder,
# 2. makes a fresh virtual environment there and installs `. pyinstaller` into it,
# 3. runs PyInstaller with packaging/pyinstaller/tradesman.spec (one-folder bundle),
# 4. adds the desktop files (packaging/linux/) and icons for install.sh, if they exist,
# 5. runs the bundle's --smoke-test offscreen and makes a PDF with its command line,
# 6. validates the desktop files, prints the bundle's size and its biggest parts,
# 7. leaves OUTPUT_DIR/tradesman/ and OUTPUT_DIR/tradesman-VERSION-linux-x86_64.tar.gz.
#
# Exits non-zero on any failure. Takes a couple of minutes, most of it pip; not in CI.
set -euo pipefail

say() { printf '\n== %s\n' "$*"; }
fail() { printf 'build-linux: %s\n' "$*" >&2; exit 1; }

started=$SECONDS
repo=$(git -C "$(dirname "$0")" rev-parse --show-toplevel)
out=$(realpath -m "${1:-dist}")
python=${PYTHON:-python3}

work=$(mktemp -d "${TMPDIR:-/tmp}/tradesman-build.XXXXXX")
trap 'rm -rf "$work"' EXIT

say "clean clone of $(git -C "$repo" rev-parse --short HEAD)"
if [ -n "$(git -C "$repo" status --porcelain --untracked-files=no)" ]; then
  echo "(uncommitted changes in $repo are not in this build)"
fi
git clone --quiet --no-hardlinks "$repo" "$work/src"
src=$work/src
spec=$src/packaging/pyinstaller/tradesman.spec
[ -f "$spec" ] || fail "no $spec in the committed tree"

say "fresh virtual environment: pip install . pyinstaller"
"$python" -m venv "$work/venv"
venv_python=$work/venv/bin/python
"$venv_python" -m pip install --quiet --upgrade pip
"$venv_python" -m pip install --quiet "$src" pyinstaller
version=$("$venv_python" -c 'from tradesman.identity import VERSION; print(VERSION)')
app_id=$("$venv_python" -c 'from tradesman.identity import APP_ID; print(APP_ID)')

say "PyInstaller"
pyinstaller_started=$SECONDS
# Run from outside the source tree, so the analysis finds the installed package
# (tradesman.resources only exists there), never the folder tradesman/ in the clone.
(cd "$work" && "$work/venv/bin/pyinstaller" --noconfirm --clean --log-level WARN \
  --distpath "$work/dist" --workpath "$work/build" "$spec")
echo "PyInstaller took $((SECONDS - pyinstaller_started)) s"
bundle=$work/dist/tradesman
[ -x "$bundle/tradesman" ] || fail "no tradesman program in the bundle"

say "no QtWebEngine, QML or Quick in the bundle"
if find "$bundle" | grep -E 'WebEngine|Qt6?Qml|Qt6?Quick'; then
  fail "the bundle has Qt parts the app does not use (listed above)"
fi
echo "none"

say "desktop integration files"
# packaging/linux/ holds the menu entry, the AppStream metadata and install.sh; the
# bundle carries them in the layout install.sh expects (share/applications, ...).
desktop_files=("$src"/packaging/linux/*.desktop)
metainfo_files=("$src"/packaging/linux/*.metainfo.xml)
have_desktop=false
[ -e "${desktop_files[0]}" ] && have_desktop=true
have_metainfo=false
[ -e "${metainfo_files[0]}" ] && have_metainfo=true
if $have_desktop; then
  mkdir -p "$bundle/share/applications"
  cp "${desktop_files[@]}" "$bundle/share/applications/"
else
  echo "no packaging/linux/*.desktop yet: skipped"
fi
if $have_metainfo; then
  mkdir -p "$bundle/share/metainfo"
  cp "${metainfo_files[@]}" "$bundle/share/metainfo/"
else
  echo "no packaging/linux/*.metainfo.xml yet: skipped"
fi
if [ -d "$src/resources/icons/hicolor" ]; then
  mkdir -p "$bundle/share/icons"
  cp -R "$src/resources/icons/hicolor" "$bundle/share/icons/"
else
  echo "no resources/icons/hicolor yet: no menu icons in share/"
fi
if [ -f "$src/packaging/linux/install.sh" ]; then
  install -m 755 "$src/packaging/linux/install.sh" "$bundle/install.sh"
fi

say "smoke test of the bundle (offscreen, throwaway data folder)"
data=$work/data
mkdir -p "$data"
QT_QPA_PLATFORM=offscreen timeout 120 "$bundle/tradesman" --data-dir "$data" --smoke-test \
  || fail "the bundle's --smoke-test failed"
"$bundle/tradesman" --version

say "a PDF from the bundled command line (reportlab, our fonts)"
pdf=$work/week.pdf
timeout 120 "$bundle/tradesman" --data-dir "$data" print-week -o "$pdf" \
  || fail "print-week failed in the bundle"
head -c 5 "$pdf" | grep -q '%PDF-' || fail "print-week wrote something that is not a PDF"
grep -aq DejaVu "$pdf" || fail "the PDF does not use the bundled DejaVu fonts"
echo "PDF ok: $(wc -c <"$pdf") bytes"

say "validate the desktop files"
if $have_desktop; then
  command -v desktop-file-validate >/dev/null \
    || fail "desktop-file-validate not found (apt install desktop-file-utils)"
  for f in "${desktop_files[@]}"; do desktop-file-validate "$f"; echo "ok: ${f#"$src"/}"; done
else
  echo "skipped (no .desktop file)"
fi
if $have_metainfo; then
  command -v appstreamcli >/dev/null || fail "appstreamcli not found (apt install appstream)"
  for f in "${metainfo_files[@]}"; do appstreamcli validate --no-net "$f"; done
else
  echo "skipped (no .metainfo.xml file)"
fi

say "size"
du -sh "$bundle"
echo "biggest parts:"
(cd "$bundle" && find . -type f -printf '%s\t%p\n' | sort -rn | head -10 \
  | awk -F'\t' '{ printf "  %6.1f MB  %s\n", $1 / 1048576, $2 }')

say "output"
mkdir -p "$out"
rm -rf "$out/tradesman"
cp -a "$bundle" "$out/tradesman"
archive=$out/tradesman-$version-linux-$(uname -m).tar.gz
tar -C "$out" -czf "$archive" tradesman
echo "$out/tradesman/  (run ./tradesman; ./install.sh puts it in the menu)"
echo "$archive  ($(du -h "$archive" | cut -f1))"
echo "app id $app_id, version $version; done in $((SECONDS - started)) s"
