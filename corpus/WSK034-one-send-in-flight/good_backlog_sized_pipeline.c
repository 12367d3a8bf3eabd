/* Keeps as many sends pending as the ideal send backlog asks for, learned from the
 * send-backlog event, and waits only when that window is full. */
#include <ntddk.h>
#include <wsk.h>

#define SEG_SIZE (64 * 1024)
#define MAX_SLOTS 64

typedef struct _STREAMER {
    PWSK_SOCKET Socket;
    PIRP Irps[MAX_SLOTS];
    WSK_BUF Bufs[MAX_SLOTS];
    volatile LONG Pending;
    volatile LONG Window;
    KEVENT SlotFree;
} STREAMER, *PSTREAMER;

NTSTATUS WSKAPI OnSendBacklog(PVOID SocketContext, SIZE_T IdealBacklogSize)
{
    PSTREAMER s = (PSTREAMER)SocketContext;
    LONG slots = (LONG)(IdealBacklogSize / SEG_SIZE) + 1;
    InterlockedExchange(&s->Window, slots < MAX_SLOTS ? slots : MAX_SLOTS);
    return STATUS_SUCCESS;
}

const WSK_CLIENT_CONNECTION_DISPATCH StreamerDispatch = { NULL, NULL, OnSendBacklog };

IO_COMPLETION_ROUTINE SegmentSent;

NTSTATUS SegmentSent(PDEVICE_OBJECT DeviceObject, PIRP Irp, PVOID Context)
{
    PSTREAMER s = (PSTREAMER)Context;
    UNREFERENCED_PARAMETER(DeviceObject);
    UNREFERENCED_PARAMETER(Irp);
    InterlockedDecrement(&s->Pending);
    KeSetEvent(&s->SlotFree, IO_NO_INCREMENT, FALSE);
    return STATUS_MORE_PROCESSING_REQUIRED;
}

NTSTATUS EnableBacklogEvent(PSTREAMER S)
{
    const WSK_PROVIDER_CONNECTION_DISPATCH *conn = S->Socket->Dispatch;
    WSK_EVENT_CALLBACK_CONTROL ctl;

    ctl.NpiId = &NPI_WSK_INTERFACE_ID;
    ctl.EventMask = WSK_EVENT_SEND_BACKLOG;
    return conn->Basic.WskControlSocket(S->Socket, WskSetOption, SO_WSK_EVENT_CALLBACK, SOL_SOCKET,
                                        sizeof(ctl), &ctl, 0, NULL, NULL, NULL);
}

VOID StreamSegments(PSTREAMER S, PMDL *Segments, ULONG Count)
{
    const WSK_PROVIDER_CONNECTION_DISPATCH *conn = S->Socket->Dispatch;
    ULONG i;

    for (i = 0; i < Count; i++) {
        ULONG slot = i % MAX_SLOTS;
        while (S->Pending >= S->Window) {
            KeWaitForSingleObject(&S->SlotFree, Executive, KernelMode, FALSE, NULL);
        }
        S->Bufs[slot].Mdl = Segments[i];
        S->Bufs[slot].Offset = 0;
        S->Bufs[slot].Length = SEG_SIZE;
        IoReuseIrp(S->Irps[slot], STATUS_UNSUCCESSFUL);
        IoSetCompletionRoutine(S->Irps[slot], SegmentSent, S, TRUE, TRUE, TRUE);
        InterlockedIncrement(&S->Pending);
        conn->WskSend(S->Socket, &S->Bufs[slot], 0, S->Irps[slot]);
    }
}
