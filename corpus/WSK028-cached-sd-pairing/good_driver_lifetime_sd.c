/* Trap: one descriptor cached for the driver's lifetime, used for every listener, released at
 * unload after the sockets are closed. */
#include <ntddk.h>
#include <wsk.h>

static WSK_REGISTRATION g_Registration;
static WSK_PROVIDER_NPI g_Npi;
static PSECURITY_DESCRIPTOR g_ListenSd;
static const WSK_CLIENT_DISPATCH g_ClientDispatch = { MAKE_WSK_VERSION(1, 0), 0, NULL };
extern const WSK_CLIENT_LISTEN_DISPATCH ListenDispatch;

DRIVER_UNLOAD Unload;
DRIVER_INITIALIZE DriverEntry;

NTSTATUS OpenListener(PVOID Ctx, PIRP Irp, PKEVENT Done)
{
    NTSTATUS st;

    st = g_Npi.Dispatch->WskSocket(g_Npi.Client, AF_INET, SOCK_STREAM, IPPROTO_TCP, WSK_FLAG_LISTEN_SOCKET, Ctx,
                                   &ListenDispatch, NULL, NULL, g_ListenSd, Irp);
    if (st == STATUS_PENDING) {
        KeWaitForSingleObject(Done, Executive, KernelMode, FALSE, NULL);
        st = Irp->IoStatus.Status;
    }
    return st;
}

VOID Unload(PDRIVER_OBJECT DriverObject)
{
    UNREFERENCED_PARAMETER(DriverObject);
    if (g_ListenSd != NULL) {
        g_Npi.Dispatch->WskControlClient(g_Npi.Client, WSK_RELEASE_SD, sizeof(g_ListenSd), &g_ListenSd,
                                         0, NULL, NULL, NULL);
    }
    WskReleaseProviderNPI(&g_Registration);
    WskDeregister(&g_Registration);
}

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    WSK_CLIENT_NPI client = { NULL, &g_ClientDispatch };
    SECURITY_DESCRIPTOR raw;
    PSECURITY_DESCRIPTOR in = &raw;
    NTSTATUS st;

    UNREFERENCED_PARAMETER(RegistryPath);
    st = WskRegister(&client, &g_Registration);
    if (!NT_SUCCESS(st)) {
        return st;
    }
    st = WskCaptureProviderNPI(&g_Registration, WSK_NO_WAIT, &g_Npi);
    if (!NT_SUCCESS(st)) {
        WskDeregister(&g_Registration);
        return st;
    }
    RtlCreateSecurityDescriptor(&raw, SECURITY_DESCRIPTOR_REVISION);
    RtlSetDaclSecurityDescriptor(&raw, TRUE, NULL, FALSE);
    st = g_Npi.Dispatch->WskControlClient(g_Npi.Client, WSK_CACHE_SD, sizeof(in), &in,
                                          sizeof(g_ListenSd), &g_ListenSd, NULL, NULL);
    if (!NT_SUCCESS(st)) {
        WskReleaseProviderNPI(&g_Registration);
        WskDeregister(&g_Registration);
        return st;
    }
    DriverObject->DriverUnload = Unload;
    return STATUS_SUCCESS;
}
