/* A work item runs at PASSIVE_LEVEL, but closes a handle while it holds a spin lock. */
#include <ntddk.h>
#include <wsk.h>

typedef struct _LOGGER {
    KSPIN_LOCK Lock;
    HANDLE File;
    FAST_MUTEX Mutex;
    PIO_WORKITEM Item;
} LOGGER, *PLOGGER;

IO_WORKITEM_ROUTINE RotateLog;

VOID RotateLog(PDEVICE_OBJECT DeviceObject, PVOID Context)
{
    PLOGGER log = (PLOGGER)Context;
    KIRQL old;
    UNREFERENCED_PARAMETER(DeviceObject);
    KeAcquireSpinLock(&log->Lock, &old);
    ZwClose(log->File); // expect: WSK005 "RotateLog after KeAcquireSpinLock"
    ExAcquireFastMutex(&log->Mutex); // expect: WSK005 "IRQL <= APC_LEVEL"
    log->File = NULL;
    ExReleaseFastMutex(&log->Mutex);
    KeReleaseSpinLock(&log->Lock, old);
    ZwClose(log->File);
}

VOID ScheduleRotate(PLOGGER Log)
{
    IoQueueWorkItem(Log->Item, RotateLog, DelayedWorkQueue, Log);
}
