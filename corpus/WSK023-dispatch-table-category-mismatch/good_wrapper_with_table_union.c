/* Trap: a generic socket object keeps one dispatch pointer as a union of all provider tables and binds
   through the listen member whatever the category (WskBind has the same slot in every table), closes
   through the connection member (a basic slot), and sends through the table of the socket's category. */
#include <ntddk.h>
#include <wsk.h>

typedef struct _KSOCK {
    PWSK_SOCKET Socket;
    union {
        const VOID *Dispatch;
        const WSK_PROVIDER_CONNECTION_DISPATCH *Conn;
        const WSK_PROVIDER_LISTEN_DISPATCH *Listen;
        const WSK_PROVIDER_DATAGRAM_DISPATCH *Dgram;
    };
    PIRP Irp;
    KEVENT Done;
} KSOCK, *PKSOCK;

extern WSK_PROVIDER_NPI g_Provider;

static IO_COMPLETION_ROUTINE Signal;

static NTSTATUS Signal(PDEVICE_OBJECT Device, PIRP Irp, PVOID Context)
{
    UNREFERENCED_PARAMETER(Device);
    UNREFERENCED_PARAMETER(Irp);
    KeSetEvent((PKEVENT)Context, IO_NO_INCREMENT, FALSE);
    return STATUS_MORE_PROCESSING_REQUIRED;
}

static VOID Arm(PIRP Irp, PKEVENT Done)
{
    KeClearEvent(Done);
    IoReuseIrp(Irp, STATUS_UNSUCCESSFUL);
    IoSetCompletionRoutine(Irp, Signal, Done, TRUE, TRUE, TRUE);
}

static VOID Wait(PIRP Irp, PKEVENT Done, PNTSTATUS Status)
{
    if (*Status == STATUS_PENDING) {
        KeWaitForSingleObject(Done, Executive, KernelMode, FALSE, NULL);
        *Status = Irp->IoStatus.Status;
    }
}

static NTSTATUS KsCreate(PKSOCK k, ADDRESS_FAMILY Family, USHORT Type, ULONG Protocol, ULONG Flags)
{
    NTSTATUS status;
    Arm(k->Irp, &k->Done);
    status = g_Provider.Dispatch->WskSocket(g_Provider.Client, Family, Type, Protocol, Flags, NULL, NULL, NULL, NULL,
                                            NULL, k->Irp);
    Wait(k->Irp, &k->Done, &status);
    if (NT_SUCCESS(status)) {
        k->Socket = (PWSK_SOCKET)k->Irp->IoStatus.Information;
        k->Dispatch = k->Socket->Dispatch;
    }
    return status;
}

NTSTATUS KsCreateListener(PKSOCK k) { return KsCreate(k, AF_INET, SOCK_STREAM, IPPROTO_TCP, WSK_FLAG_LISTEN_SOCKET); }
NTSTATUS KsCreateClient(PKSOCK k) { return KsCreate(k, AF_INET, SOCK_STREAM, IPPROTO_TCP, WSK_FLAG_CONNECTION_SOCKET); }
NTSTATUS KsCreateUdp(PKSOCK k) { return KsCreate(k, AF_INET, SOCK_DGRAM, IPPROTO_UDP, WSK_FLAG_DATAGRAM_SOCKET); }

NTSTATUS KsBind(PKSOCK k, PSOCKADDR Local)
{
    NTSTATUS status;
    Arm(k->Irp, &k->Done);
    status = k->Listen->WskBind(k->Socket, Local, 0, k->Irp);
    Wait(k->Irp, &k->Done, &status);
    return status;
}

NTSTATUS KsSend(PKSOCK k, PWSK_BUF Buffer)
{
    NTSTATUS status;
    Arm(k->Irp, &k->Done);
    status = k->Conn->WskSend(k->Socket, Buffer, 0, k->Irp);
    Wait(k->Irp, &k->Done, &status);
    return status;
}

NTSTATUS KsSendTo(PKSOCK k, PWSK_BUF Buffer, PSOCKADDR To)
{
    NTSTATUS status;
    Arm(k->Irp, &k->Done);
    status = k->Dgram->WskSendTo(k->Socket, Buffer, 0, To, 0, NULL, k->Irp);
    Wait(k->Irp, &k->Done, &status);
    return status;
}

NTSTATUS KsClose(PKSOCK k)
{
    NTSTATUS status;
    Arm(k->Irp, &k->Done);
    status = k->Conn->WskCloseSocket(k->Socket, k->Irp);
    Wait(k->Irp, &k->Done, &status);
    return status;
}
