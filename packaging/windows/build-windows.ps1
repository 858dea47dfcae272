# Build the Windows bundle and installer of Tradesman (run from anywhere):
#
#   powershell -ExecutionPolicy Bypass -File packaging\windows\build-windows.ps1
#
# Needs Python 3.11+ and Inno Setup 6 (iscc.exe on PATH, or in its default folder).
# Uses a fresh virtual environment in build\venv-windows; leaves dist\tradesman\ (the
# bundle) and dist\installer\tradesman-<version>-windows-setup.exe.
# Not run by the maintainers' Linux machine: check it on Windows before relying on it.
$ErrorActionPreference = "Stop"
$root = (Resolve-Path "$PSScriptRoot\..\..").Path
Set-Location $root

$venv = "$root\build\venv-windows"
python -m venv $venv
& "$venv\Scripts\python.exe" -m pip install --quiet --upgrade pip
& "$venv\Scripts\python.exe" -m pip install --quiet . pyinstaller
if ($LASTEXITCODE) { throw "pip install failed" }

# One source of truth: tradesman/identity.py.
$id = & "$venv\Scripts\python.exe" -c "from tradesman.identity import APP_ID; print(APP_ID)"
$name = & "$venv\Scripts\python.exe" -c "from tradesman.identity import APP_NAME; print(APP_NAME)"
$version = & "$venv\Scripts\python.exe" -c "from tradesman.identity import VERSION; print(VERSION)"

# From outside the source tree, so the installed package is analysed, not .\tradesman.
Push-Location $env:TEMP
& "$venv\Scripts\pyinstaller.exe" --noconfirm --clean --distpath "$root\dist" `
    --workpath "$root\build\pyinstaller" "$root\packaging\pyinstaller\tradesman.spec"
if ($LASTEXITCODE) { throw "PyInstaller failed" }
Pop-Location

# The bundle must start: the smoke test opens the window offscreen and exits.
$data = Join-Path $env:TEMP "tradesman-smoke-$PID"
$env:QT_QPA_PLATFORM = "offscreen"
& "$root\dist\tradesman\tradesman-cli.exe" --data-dir $data --smoke-test
if ($LASTEXITCODE) { throw "the bundle's smoke test failed" }
& "$root\dist\tradesman\tradesman-cli.exe" --data-dir $data print-week -o "$data\week.pdf"
if ($LASTEXITCODE) { throw "print-week failed in the bundle" }
Remove-Item Env:\QT_QPA_PLATFORM

$iscc = (Get-Command iscc.exe -ErrorAction SilentlyContinue).Source
if (-not $iscc) { $iscc = "${env:ProgramFiles(x86)}\Inno Setup 6\ISCC.exe" }
& $iscc "/DAppId=$id" "/DAppName=$name" "/DAppVersion=$version" "$root\packaging\windows\tradesman.iss"
if ($LASTEXITCODE) { throw "Inno Setup failed" }
