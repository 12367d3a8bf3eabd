/* Sends a final status record and closes right away: the send may still be in flight and the
 * close resets the connection. */
#include <ntddk.h>
#include <wsk.h>

IO_COMPLETION_ROUTINE ReportSent;
IO_COMPLETION_ROUTINE CloseDone;

NTSTATUS ReportSent(PDEVICE_OBJECT DeviceObject, PIRP Irp, PVOID Context)
{
    UNREFERENCED_PARAMETER(DeviceObject);
    UNREFERENCED_PARAMETER(Context);
    IoFreeIrp(Irp);
    return STATUS_MORE_PROCESSING_REQUIRED;
}

NTSTATUS CloseDone(PDEVICE_OBJECT DeviceObject, PIRP Irp, PVOID Context)
{
    UNREFERENCED_PARAMETER(DeviceObject);
    KeSetEvent((PKEVENT)Context, IO_NO_INCREMENT, FALSE);
    UNREFERENCED_PARAMETER(Irp);
    return STATUS_MORE_PROCESSING_REQUIRED;
}

NTSTATUS SendFinalReport(PWSK_PROVIDER_NPI Npi, PSOCKADDR Local, PSOCKADDR Collector, PWSK_BUF Report,
                         PIRP Irp, PKEVENT Done)
{
    PWSK_SOCKET s;
    PIRP sendIrp;
    NTSTATUS st;

    KeResetEvent(Done);
    IoSetCompletionRoutine(Irp, CloseDone, Done, TRUE, TRUE, TRUE);
    st = Npi->Dispatch->WskSocketConnect(Npi->Client, SOCK_STREAM, IPPROTO_TCP, Local, Collector, 0, NULL, NULL,
                                         NULL, NULL, NULL, Irp);
    if (st == STATUS_PENDING) {
        KeWaitForSingleObject(Done, Executive, KernelMode, FALSE, NULL);
        st = Irp->IoStatus.Status;
    }
    if (!NT_SUCCESS(st)) {
        return st;
    }
    s = (PWSK_SOCKET)Irp->IoStatus.Information;

    sendIrp = IoAllocateIrp(1, FALSE);
    if (sendIrp != NULL) {
        IoSetCompletionRoutine(sendIrp, ReportSent, NULL, TRUE, TRUE, TRUE);
        ((PWSK_PROVIDER_CONNECTION_DISPATCH)s->Dispatch)->WskSend(s, Report, 0, sendIrp);
    }

    KeResetEvent(Done);
    IoReuseIrp(Irp, STATUS_UNSUCCESSFUL);
    IoSetCompletionRoutine(Irp, CloseDone, Done, TRUE, TRUE, TRUE);
    st = ((PWSK_PROVIDER_CONNECTION_DISPATCH)s->Dispatch)->WskCloseSocket(s, Irp);  // expect: WSK033 "pending send is lost"
    if (st == STATUS_PENDING) {
        KeWaitForSingleObject(Done, Executive, KernelMode, FALSE, NULL);
    }
    return STATUS_SUCCESS;
}

NTSTATUS HangUp(PWSK_SOCKET s, PIRP Irp)
{
    return ((PWSK_PROVIDER_CONNECTION_DISPATCH)s->Dispatch)->WskDisconnect(s, NULL, 0, Irp);
}
