; Inno Setup script for Tradesman on Windows: installs the PyInstaller one-folder
; bundle for the current user (no administrator), with a Start-menu shortcut and an
; uninstaller. Build the bundle first, then the installer, from the repository root:
;
;   powershell -ExecutionPolicy Bypass -File packaging\windows\build-windows.ps1
;
; which runs PyInstaller with packaging\pyinstaller\tradesman.spec, then
; `iscc /DAppId=... /DAppName=... /DAppVersion=... packaging\windows\tradesman.iss`.
; The result is dist\installer\tradesman-<version>-windows-setup.exe.

; These three come from tradesman/identity.py (APP_ID, APP_NAME, VERSION), the one
; source of truth; pass them with /D so they cannot drift. The values below are only
; the fallbacks for a bare `iscc tradesman.iss` and must match identity.py.
#ifndef AppId
  #define AppId "org.tradesman.Tradesman"
#endif
#ifndef AppName
  #define AppName "Tradesman"
#endif
#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#define AppExe "tradesman.exe"
; Where PyInstaller left the bundle, relative to this file.
#define BundleDir "..\..\dist\tradesman"

[Setup]
; Inno's AppId is the key of the uninstall entry; never change it once released.
AppId={#AppId}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=The Tradesman developers
; Per user, no UAC prompt: %LOCALAPPDATA%\Programs\Tradesman.
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
LicenseFile=..\..\LICENSE
OutputDir=..\..\dist\installer
OutputBaseFilename=tradesman-{#AppVersion}-windows-setup
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName}
; Your data is not in {app}: it lives in %APPDATA%\Tradesman and is kept on uninstall.

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
; The whole one-folder bundle: tradesman.exe (the window), tradesman-cli.exe (the
; commands, with a console) and _internal\.
Source: "{#BundleDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\{#AppExe}"; AppUserModelID: "{#AppId}"
Name: "{group}\{cm:UninstallProgram,{#AppName}}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon; AppUserModelID: "{#AppId}"

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

[UninstallDelete]
; PyInstaller may leave __pycache__ or logs beside the bundle; the data folder is not here.
Type: filesandordirs; Name: "{app}\_internal"
