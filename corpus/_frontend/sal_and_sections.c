/* SAL annotations, role-typed declarations, section placement from pragmas and __declspec. */
#include <ntddk.h>
#include <wsk.h>

DRIVER_INITIALIZE DriverEntry;
DRIVER_UNLOAD SampleUnload;
IO_COMPLETION_ROUTINE SampleComplete;

_IRQL_requires_max_(PASSIVE_LEVEL)
static NTSTATUS ConfigureFromRegistry(_In_ PUNICODE_STRING RegistryPath, _Out_ PULONG Port);

_IRQL_requires_max_(DISPATCH_LEVEL)
_Must_inspect_result_
static NTSTATUS QueueSend(_In_ PWSK_SOCKET Socket, _In_reads_bytes_(Length) PVOID Data, _In_ ULONG Length);

#ifdef ALLOC_PRAGMA
#pragma alloc_text(INIT, DriverEntry)
#pragma alloc_text(PAGE, SampleUnload)
#pragma alloc_text(PAGE, ConfigureFromRegistry)
#endif
#if 0
#pragma alloc_text(PAGE, QueueSend)
#endif

_Use_decl_annotations_
static NTSTATUS ConfigureFromRegistry(PUNICODE_STRING RegistryPath, PULONG Port)
{
    PAGED_CODE();
    UNREFERENCED_PARAMETER(RegistryPath);
    *Port = 4000;
    return STATUS_SUCCESS;
}

_Use_decl_annotations_
static NTSTATUS QueueSend(PWSK_SOCKET Socket, PVOID Data, ULONG Length)
{
    UNREFERENCED_PARAMETER(Socket);
    UNREFERENCED_PARAMETER(Data);
    return Length == 0 ? STATUS_INVALID_PARAMETER : STATUS_SUCCESS;
}

__declspec(code_seg("PAGE"))
static VOID PagedHelper(VOID)
{
    PAGED_CODE();
}

_Use_decl_annotations_
NTSTATUS SampleComplete(PDEVICE_OBJECT DeviceObject, PIRP Irp, PVOID Context)
{
    UNREFERENCED_PARAMETER(DeviceObject);
    UNREFERENCED_PARAMETER(Context);
    IoFreeIrp(Irp);
    return STATUS_MORE_PROCESSING_REQUIRED;
}

VOID SampleUnload(_In_ PDRIVER_OBJECT DriverObject)
{
    PAGED_CODE();
    UNREFERENCED_PARAMETER(DriverObject);
    PagedHelper();
}

NTSTATUS DriverEntry(_In_ PDRIVER_OBJECT DriverObject, _In_ PUNICODE_STRING RegistryPath)
{
    ULONG port = 0;
    NTSTATUS status = ConfigureFromRegistry(RegistryPath, &port);
    DriverObject->DriverUnload = SampleUnload;
    return status;
}
