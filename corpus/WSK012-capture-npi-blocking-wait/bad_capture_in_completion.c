/* A completion routine retries a failed capture with a timeout: it may run at DISPATCH_LEVEL, where
   only WSK_NO_WAIT is allowed. */
#include <ntddk.h>
#include <wsk.h>

static WSK_REGISTRATION g_Registration;
static WSK_PROVIDER_NPI g_Provider;
static BOOLEAN g_Captured;

static NTSTATUS Reattach(VOID)
{
    return WskCaptureProviderNPI(&g_Registration, 500, &g_Provider); // expect: WSK012 "waits up to 500 ms where IRQL can be DISPATCH_LEVEL"
}

IO_COMPLETION_ROUTINE ProbeDone;

NTSTATUS ProbeDone(PDEVICE_OBJECT DeviceObject, PIRP Irp, PVOID Context)
{
    UNREFERENCED_PARAMETER(DeviceObject);
    UNREFERENCED_PARAMETER(Context);
    if (Irp->IoStatus.Status == STATUS_DEVICE_NOT_READY && !g_Captured) {
        g_Captured = NT_SUCCESS(Reattach());
    }
    IoFreeIrp(Irp);
    return STATUS_MORE_PROCESSING_REQUIRED;
}

NTSTATUS Probe(PWSK_SOCKET Socket, PSOCKADDR Local)
{
    PWSK_PROVIDER_CONNECTION_DISPATCH dispatch = (PWSK_PROVIDER_CONNECTION_DISPATCH)Socket->Dispatch;
    PIRP irp = IoAllocateIrp(1, FALSE);
    if (irp == NULL) {
        return STATUS_INSUFFICIENT_RESOURCES;
    }
    IoSetCompletionRoutine(irp, ProbeDone, NULL, TRUE, TRUE, TRUE);
    return dispatch->WskBind(Socket, Local, 0, irp);
}

VOID ReleaseProvider(VOID)
{
    if (g_Captured) {
        WskReleaseProviderNPI(&g_Registration);
        g_Captured = FALSE;
    }
}
