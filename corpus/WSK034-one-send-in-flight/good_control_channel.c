/* Trap: a control channel. Small fixed-size status records are sent one at a time; the link
 * carries a few hundred bytes a second, so waiting for each costs nothing that matters. */
#include <ntddk.h>
#include <wsk.h>

typedef struct _STATUS_RECORD {
    ULONG Sequence;
    ULONG State;
    ULONGLONG Timestamp;
} STATUS_RECORD;

typedef struct _CONTROL_LINK {
    PWSK_SOCKET Socket;
    PIRP Irp;
    KEVENT Sent;
    PMDL RecordMdl;
    KEVENT Stop;
} CONTROL_LINK, *PCONTROL_LINK;

KSTART_ROUTINE ControlThread;
IO_COMPLETION_ROUTINE RecordSent;

NTSTATUS RecordSent(PDEVICE_OBJECT DeviceObject, PIRP Irp, PVOID Context)
{
    UNREFERENCED_PARAMETER(DeviceObject);
    UNREFERENCED_PARAMETER(Irp);
    KeSetEvent((PKEVENT)Context, IO_NO_INCREMENT, FALSE);
    return STATUS_MORE_PROCESSING_REQUIRED;
}

VOID ControlThread(PVOID Context)
{
    PCONTROL_LINK link = (PCONTROL_LINK)Context;
    const WSK_PROVIDER_CONNECTION_DISPATCH *conn = link->Socket->Dispatch;
    WSK_BUF rec;
    LARGE_INTEGER period;

    rec.Mdl = link->RecordMdl;
    rec.Offset = 0;
    rec.Length = sizeof(STATUS_RECORD);
    period.QuadPart = -10 * 1000 * 1000;
    while (KeWaitForSingleObject(&link->Stop, Executive, KernelMode, FALSE, &period) == STATUS_TIMEOUT) {
        NTSTATUS st;
        KeResetEvent(&link->Sent);
        IoReuseIrp(link->Irp, STATUS_UNSUCCESSFUL);
        IoSetCompletionRoutine(link->Irp, RecordSent, &link->Sent, TRUE, TRUE, TRUE);
        st = conn->WskSend(link->Socket, &rec, 0, link->Irp);
        if (st == STATUS_PENDING) {
            KeWaitForSingleObject(&link->Sent, Executive, KernelMode, FALSE, NULL);
        }
    }
    PsTerminateSystemThread(STATUS_SUCCESS);
}
