#!/usr/bin/env sh
# Put Tradesman in your applications menu (for you only; no administrator needed).
#
# Run it from the unpacked Tradesman folder:   ./install.sh
# To take it out of the menu again:            ./install.sh --remove
#
# It copies the Tradesman folder to ~/.local/opt/tradesman, and the menu entry and
# icons to ~/.local/share. Your data is not touched: it lives in
# ~/.local/share/Tradesman whether Tradesman is installed or not.
set -eu

app_id=org.tradesman.Tradesman
here=$(cd "$(dirname "$0")" && pwd)
data_home=${XDG_DATA_HOME:-$HOME/.local/share}
target=$HOME/.local/opt/tradesman
menu=$data_home/applications
icons=$data_home/icons/hicolor

refresh() {
  command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database -q "$menu" || true
  command -v gtk-update-icon-cache >/dev/null 2>&1 && gtk-update-icon-cache -q -t "$icons" || true
}

if [ "${1:-}" = "--remove" ]; then
  rm -rf "$target"
  rm -f "$menu/$app_id.desktop"
  find "$icons" -name "$app_id.*" -delete 2>/dev/null || true
  refresh
  echo "Tradesman is out of the menu. Your data is still in $data_home/Tradesman."
  exit 0
fi

if [ ! -x "$here/tradesman" ]; then
  echo "Run this from the unpacked Tradesman folder (the one with the 'tradesman' program in it)." >&2
  exit 1
fi

mkdir -p "$target" "$menu"
if [ "$here" != "$target" ]; then
  rm -rf "$target"
  cp -R "$here" "$target"
fi
# The menu entry, pointing at the copy.
sed "s|^Exec=.*|Exec=$target/tradesman|" "$here/share/applications/$app_id.desktop" \
  > "$menu/$app_id.desktop"
# The icons, at every size the folder has.
(cd "$here/share/icons/hicolor" && find . -name "$app_id.*" | while read -r icon; do
  mkdir -p "$icons/$(dirname "$icon")"
  cp "$icon" "$icons/$icon"
done)
refresh
echo "Tradesman is in your applications menu. (The program is in $target.)"
