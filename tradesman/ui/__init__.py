"""The window: Qt widgets only. Widgets call services through `Operations` and never
write SQL; every change is announced with `Operations.changed` so views re-read."""
