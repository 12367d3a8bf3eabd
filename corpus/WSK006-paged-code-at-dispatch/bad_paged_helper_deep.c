/* A completion routine reaches a PAGED_CODE() helper two calls down. */
#include <ntddk.h>
#include <wsk.h>

typedef struct _REQUEST {
    PIRP Irp;
    ULONG Retries;
    UNICODE_STRING Peer;
} REQUEST, *PREQUEST;

static VOID RecordPeer(PREQUEST Request)
{
    PAGED_CODE(); // expect: WSK006 "IoCompletion routine ConnectComplete (registered at bad_paged_helper_deep.c:36) -> NoteFailure -> RecordPeer"
    Request->Retries++;
}

static VOID NoteFailure(PREQUEST Request)
{
    RecordPeer(Request);
}

IO_COMPLETION_ROUTINE ConnectComplete;

NTSTATUS ConnectComplete(PDEVICE_OBJECT DeviceObject, PIRP Irp, PVOID Context)
{
    UNREFERENCED_PARAMETER(DeviceObject);
    if (!NT_SUCCESS(Irp->IoStatus.Status)) {
        NoteFailure((PREQUEST)Context);
    }
    return STATUS_MORE_PROCESSING_REQUIRED;
}

NTSTATUS Connect(PWSK_SOCKET Socket, PSOCKADDR Remote, PREQUEST Request)
{
    PWSK_PROVIDER_CONNECTION_DISPATCH dispatch = (PWSK_PROVIDER_CONNECTION_DISPATCH)Socket->Dispatch;
    IoSetCompletionRoutine(Request->Irp, ConnectComplete, Request, TRUE, TRUE, TRUE);
    return dispatch->WskConnect(Socket, Remote, 0, Request->Irp);
}
