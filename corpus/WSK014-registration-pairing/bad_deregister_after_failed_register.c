/* A shared cleanup label deregisters even when WskRegister itself failed. */
#include <ntddk.h>
#include <wsk.h>

static WSK_REGISTRATION g_Registration;
static PVOID g_Buffers;
static const WSK_CLIENT_DISPATCH g_Dispatch = { MAKE_WSK_VERSION(1, 0), 0, NULL };

static VOID Unload(PDRIVER_OBJECT DriverObject)
{
    UNREFERENCED_PARAMETER(DriverObject);
    WskDeregister(&g_Registration);
    ExFreePoolWithTag(g_Buffers, 'fubN');
}

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    WSK_CLIENT_NPI npi = { NULL, &g_Dispatch };
    NTSTATUS status;

    UNREFERENCED_PARAMETER(RegistryPath);
    status = WskRegister(&npi, &g_Registration);
    if (!NT_SUCCESS(status)) {
        goto Fail;
    }
    g_Buffers = ExAllocatePool2(POOL_FLAG_NON_PAGED, 4096, 'fubN');
    if (g_Buffers == NULL) {
        status = STATUS_INSUFFICIENT_RESOURCES;
        goto Fail;
    }
    DriverObject->DriverUnload = Unload;
    return STATUS_SUCCESS;

Fail:
    WskDeregister(&g_Registration); // expect: WSK014 "WskRegister on 'g_Registration' failed"
    return status;
}
