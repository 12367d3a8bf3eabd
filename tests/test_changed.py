"""`wsklint check --changed FILES` (the pre-commit hook's command): the whole driver of each changed
file is analysed, findings are reported in the changed files only."""
from __future__ import annotations

import json

from test_cli import BAD, CORPUS, wsklint

ENTRY = """#include <ntddk.h>
#include <wsk.h>

WSK_REGISTRATION g_Registration;
static const WSK_CLIENT_DISPATCH g_Dispatch = { MAKE_WSK_VERSION(1, 0), 0, NULL };

DRIVER_UNLOAD DriverUnload;

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    WSK_CLIENT_NPI npi = { NULL, &g_Dispatch };
    NTSTATUS status;

    UNREFERENCED_PARAMETER(RegistryPath);
    status = WskRegister(&npi, &g_Registration);
    if (!NT_SUCCESS(status)) {
        return status;
    }
    DriverObject->DriverUnload = DriverUnload;
    return STATUS_SUCCESS;
}
"""
# The unload routine alone has no bug: WSK013 needs the registration in entry.c to see one.
UNLOAD = """#include <ntddk.h>
#include <wsk.h>

DRIVER_UNLOAD DriverUnload;

VOID DriverUnload(PDRIVER_OBJECT DriverObject)
{
    UNREFERENCED_PARAMETER(DriverObject);
}
"""
RESOLVER = (CORPUS / "WSK031-address-info-pairing" / "bad_exfreepool.c").read_text()


def findings(r):
    assert r.returncode in (0, 1), r.stderr
    return sorted((d["location"]["file"], d["code"]) for d in json.loads(r.stdout)["diagnostics"])


def write(root, files):
    for rel, text in files.items():
        p = root / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(text)


def test_cross_file_finding_needs_the_whole_driver(tmp_path):
    write(tmp_path, {"net/entry.c": ENTRY, "net/unload.c": UNLOAD})
    assert findings(wsklint("check", "net/unload.c", "-f", "json", cwd=tmp_path)) == []     # file alone: blind
    assert findings(wsklint("check", "--changed", "net/unload.c", "-f", "json", cwd=tmp_path)) == \
        [("net/unload.c", "WSK013")]
    # The finding is in unload.c: a commit touching only entry.c does not report it.
    assert findings(wsklint("check", "--changed", "net/entry.c", "-f", "json", cwd=tmp_path)) == []


def test_each_driver_apart_and_only_changed_files(tmp_path):
    write(tmp_path, {"a/drv.c": BAD.read_text(), "a/other.c": RESOLVER, "b/drv.c": RESOLVER})
    r = wsklint("check", "--changed", "a/drv.c", "b/drv.c", "-f", "json", cwd=tmp_path)
    assert findings(r) == [("a/drv.c", "WSK013"), ("b/drv.c", "WSK031")]
    assert json.loads(r.stdout)["files"] == ["a/drv.c", "a/other.c", "b/drv.c"]


def test_changed_header_analyses_the_nearest_folder_with_sources(tmp_path):
    """The front end models functions of the sources; a header's effect shows in them, and they are
    reported when they changed too."""
    bad = RESOLVER.replace("ExFreePool(result);", "FREE_RESULT(result);")
    write(tmp_path, {"drv/inc/alloc.h": "#define FREE_RESULT(p) ExFreePool(p)\n",
                     "drv/src/resolve.c": '#include "../inc/alloc.h"\n' + bad,
                     "other/drv.c": RESOLVER})
    r = wsklint("check", "--changed", "drv/inc/alloc.h", "-f", "json", cwd=tmp_path)
    assert findings(r) == [] and json.loads(r.stdout)["files"] == ["drv/src/resolve.c"]
    r = wsklint("check", "--changed", "drv/inc/alloc.h", "drv/src/resolve.c", "-f", "json", cwd=tmp_path)
    assert findings(r) == [("drv/src/resolve.c", "WSK031")]


def test_drivers_setting_decides_the_driver(tmp_path):
    write(tmp_path, {"drivers/net/src/unload.c": UNLOAD, "drivers/net/lib/entry.c": ENTRY,
                     "wsklint.toml": 'drivers = ["drivers/*"]\n'})
    r = wsklint("check", "--changed", "drivers/net/src/unload.c", "-f", "json", cwd=tmp_path)
    assert findings(r) == [("drivers/net/src/unload.c", "WSK013")]
    (tmp_path / "wsklint.toml").write_text("")          # without it, src/ alone is the driver
    r = wsklint("check", "--changed", "drivers/net/src/unload.c", "-f", "json", cwd=tmp_path)
    assert findings(r) == []
