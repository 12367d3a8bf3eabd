/* The connection is closed first and its retained receive indications are given back afterwards:
   closing does not release them, and after the close the socket is gone. */
#include <ntddk.h>
#include <wsk.h>

typedef struct _CONN {
    PWSK_SOCKET Socket;
    PWSK_DATA_INDICATION Held;
    PIRP Irp;
    KEVENT Closed;
} CONN, *PCONN;

IO_COMPLETION_ROUTINE ConnCloseDone;

NTSTATUS ConnCloseDone(PDEVICE_OBJECT DeviceObject, PIRP Irp, PVOID Context)
{
    UNREFERENCED_PARAMETER(DeviceObject);
    UNREFERENCED_PARAMETER(Irp);
    KeSetEvent(&((PCONN)Context)->Closed, IO_NO_INCREMENT, FALSE);
    return STATUS_MORE_PROCESSING_REQUIRED;
}

NTSTATUS WSKAPI ConnOnData(PVOID SocketContext, ULONG Flags, PWSK_DATA_INDICATION DataIndication,
                           SIZE_T BytesIndicated, SIZE_T *BytesAccepted)
{
    PCONN conn = (PCONN)SocketContext;

    UNREFERENCED_PARAMETER(Flags);
    UNREFERENCED_PARAMETER(BytesIndicated);
    UNREFERENCED_PARAMETER(BytesAccepted);
    if (DataIndication == NULL) {
        return STATUS_SUCCESS;
    }
    DataIndication->Next = conn->Held;
    conn->Held = DataIndication;
    return STATUS_PENDING;
}

const WSK_CLIENT_CONNECTION_DISPATCH ConnDispatch = { ConnOnData, NULL, NULL };

static VOID ConnGiveBack(PCONN Conn)
{
    const WSK_PROVIDER_CONNECTION_DISPATCH *dispatch = Conn->Socket->Dispatch;

    if (Conn->Held != NULL) {
        dispatch->WskRelease(Conn->Socket, Conn->Held);
        Conn->Held = NULL;
    }
}

VOID ConnClose(PCONN Conn)
{
    const WSK_PROVIDER_CONNECTION_DISPATCH *dispatch = Conn->Socket->Dispatch;

    KeInitializeEvent(&Conn->Closed, SynchronizationEvent, FALSE);
    IoReuseIrp(Conn->Irp, STATUS_UNSUCCESSFUL);
    IoSetCompletionRoutine(Conn->Irp, ConnCloseDone, Conn, TRUE, TRUE, TRUE);
    dispatch->WskCloseSocket(Conn->Socket, Conn->Irp);  // expect: WSK019 "before the indication lists retained on it are released"
    KeWaitForSingleObject(&Conn->Closed, Executive, KernelMode, FALSE, NULL);
    ConnGiveBack(Conn);
    IoFreeIrp(Conn->Irp);
}
