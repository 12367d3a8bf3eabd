/* Trap: the receive callback only queues a work item; the file write and the wait run in the work
   item at PASSIVE_LEVEL (the echosrv design). */
#include <ntddk.h>
#include <wsk.h>

typedef struct _LOG_JOB {
    PIO_WORKITEM Item;
    HANDLE File;
    KEVENT Flushed;
    ULONG Length;
    CHAR Text[64];
} LOG_JOB, *PLOG_JOB;

static LOG_JOB g_Job;

IO_WORKITEM_ROUTINE WriteLogWorker;

VOID WriteLogWorker(PDEVICE_OBJECT DeviceObject, PVOID Context)
{
    PLOG_JOB job = (PLOG_JOB)Context;
    IO_STATUS_BLOCK iosb;
    UNREFERENCED_PARAMETER(DeviceObject);
    KeWaitForSingleObject(&job->Flushed, Executive, KernelMode, FALSE, NULL);
    ZwWriteFile(job->File, NULL, NULL, NULL, &iosb, job->Text, job->Length, NULL, NULL);
}

static NTSTATUS WSKAPI OnReceive(PVOID SocketContext, ULONG Flags, PWSK_DATA_INDICATION DataIndication,
                                 SIZE_T BytesIndicated, SIZE_T *BytesAccepted)
{
    UNREFERENCED_PARAMETER(SocketContext);
    UNREFERENCED_PARAMETER(Flags);
    UNREFERENCED_PARAMETER(DataIndication);
    UNREFERENCED_PARAMETER(BytesAccepted);
    g_Job.Length = (ULONG)BytesIndicated;
    IoQueueWorkItem(g_Job.Item, WriteLogWorker, DelayedWorkQueue, &g_Job);
    return STATUS_SUCCESS;
}

const WSK_CLIENT_CONNECTION_DISPATCH g_Dispatch = { OnReceive, NULL, NULL };
