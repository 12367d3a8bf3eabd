/* A helper shared by a DPC and a completion routine uses the AtDpcLevel lock; the completion routine
   can run below DISPATCH_LEVEL. */
#include <ntddk.h>
#include <wsk.h>

typedef struct _COUNTERS {
    KSPIN_LOCK Lock;
    ULONG Completed;
    KDPC Dpc;
} COUNTERS, *PCOUNTERS;

static VOID CountLocked(PCOUNTERS c)
{
    KeAcquireSpinLockAtDpcLevel(&c->Lock); // expect: WSK007 "IoCompletion routine SendDone (registered at bad_dpc_lock_in_helper.c:44) -> CountLocked"
    c->Completed++;
    KeReleaseSpinLockFromDpcLevel(&c->Lock);
}

static VOID CountDpc(PKDPC Dpc, PVOID Context, PVOID Arg1, PVOID Arg2)
{
    UNREFERENCED_PARAMETER(Dpc);
    UNREFERENCED_PARAMETER(Arg1);
    UNREFERENCED_PARAMETER(Arg2);
    CountLocked((PCOUNTERS)Context);
}

IO_COMPLETION_ROUTINE SendDone;

NTSTATUS SendDone(PDEVICE_OBJECT DeviceObject, PIRP Irp, PVOID Context)
{
    UNREFERENCED_PARAMETER(DeviceObject);
    CountLocked((PCOUNTERS)Context);
    IoFreeIrp(Irp);
    return STATUS_MORE_PROCESSING_REQUIRED;
}

NTSTATUS Send(PWSK_SOCKET Socket, PWSK_BUF Buffer, PCOUNTERS Counters)
{
    PWSK_PROVIDER_CONNECTION_DISPATCH dispatch = (PWSK_PROVIDER_CONNECTION_DISPATCH)Socket->Dispatch;
    PIRP irp = IoAllocateIrp(1, FALSE);
    if (irp == NULL) {
        return STATUS_INSUFFICIENT_RESOURCES;
    }
    IoSetCompletionRoutine(irp, SendDone, Counters, TRUE, TRUE, TRUE);
    KeInitializeDpc(&Counters->Dpc, CountDpc, Counters);
    return dispatch->WskSend(Socket, Buffer, 0, irp);
}
