/* Trap: a single-threaded design: callbacks only queue operations, and one worker thread issues every
   call on the socket, including the close (the echosrv design). */
#include <ntddk.h>
#include <wsk.h>

typedef VOID (*OP_HANDLER)(PVOID Conn);

typedef struct _CONN {
    PWSK_SOCKET Socket;
    PIRP Irp;
    WSK_BUF Buffer;
    OP_HANDLER Next;
    KEVENT Wake;
    BOOLEAN Stop;
} CONN, *PCONN;

static VOID OpSend(PVOID Context)
{
    PCONN c = (PCONN)Context;
    ((PWSK_PROVIDER_CONNECTION_DISPATCH)c->Socket->Dispatch)->WskSend(c->Socket, &c->Buffer, 0, c->Irp);
}

static VOID OpClose(PVOID Context)
{
    PCONN c = (PCONN)Context;
    ((PWSK_PROVIDER_BASIC_DISPATCH)c->Socket->Dispatch)->WskCloseSocket(c->Socket, c->Irp);
}

static VOID Enqueue(PCONN Conn, OP_HANDLER Handler)
{
    Conn->Next = Handler;
    KeSetEvent(&Conn->Wake, IO_NO_INCREMENT, FALSE);
}

KSTART_ROUTINE ConnWorker;

VOID ConnWorker(PVOID Context)
{
    PCONN c = (PCONN)Context;
    while (!c->Stop) {
        KeWaitForSingleObject(&c->Wake, Executive, KernelMode, FALSE, NULL);
        if (c->Next != NULL) {
            c->Next(c);
        }
    }
    PsTerminateSystemThread(STATUS_SUCCESS);
}

static NTSTATUS WSKAPI OnReceive(PVOID SocketContext, ULONG Flags, PWSK_DATA_INDICATION DataIndication,
                                 SIZE_T BytesIndicated, SIZE_T *BytesAccepted)
{
    UNREFERENCED_PARAMETER(Flags);
    UNREFERENCED_PARAMETER(BytesIndicated);
    UNREFERENCED_PARAMETER(BytesAccepted);
    Enqueue((PCONN)SocketContext, DataIndication != NULL ? OpSend : OpClose);
    return STATUS_SUCCESS;
}

const WSK_CLIENT_CONNECTION_DISPATCH g_ConnDispatch = { OnReceive, NULL, NULL };

NTSTATUS StartWorker(PCONN Conn)
{
    HANDLE thread;
    NTSTATUS status = PsCreateSystemThread(&thread, THREAD_ALL_ACCESS, NULL, NULL, NULL, ConnWorker, Conn);
    if (NT_SUCCESS(status)) {
        ZwClose(thread);
    }
    return status;
}
