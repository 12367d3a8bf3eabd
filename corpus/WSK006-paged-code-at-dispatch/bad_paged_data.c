/* Statistics placed in a pageable data section are updated from a DPC. */
#include <ntddk.h>
#include <wsk.h>

#pragma data_seg("PAGEDATA")
LONG g_TimerTicks = 0;
ULONGLONG g_LastTick = 0;
#pragma data_seg()

static KDPC g_TickDpc;

static VOID TickDpc(PKDPC Dpc, PVOID Context, PVOID Arg1, PVOID Arg2)
{
    UNREFERENCED_PARAMETER(Dpc);
    UNREFERENCED_PARAMETER(Context);
    UNREFERENCED_PARAMETER(Arg1);
    UNREFERENCED_PARAMETER(Arg2);
    InterlockedIncrement(&g_TimerTicks); // expect: WSK006 "g_TimerTicks is in a pageable data section"
    g_LastTick = KeQueryInterruptTime(); // expect: WSK006 "g_LastTick is in a pageable data section"
}

VOID InitTicks(VOID)
{
    KeInitializeDpc(&g_TickDpc, TickDpc, NULL);
}
