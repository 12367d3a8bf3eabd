/* A keepalive timer's DPC sleeps between retries. */
#include <ntddk.h>
#include <wsk.h>

typedef struct _KEEPALIVE {
    KTIMER Timer;
    KDPC Dpc;
    ULONG Retries;
} KEEPALIVE, *PKEEPALIVE;

static KEEPALIVE g_Keepalive;

static VOID KeepaliveTick(PKDPC Dpc, PVOID Context, PVOID Arg1, PVOID Arg2)
{
    LARGE_INTEGER delay;
    PKEEPALIVE k = (PKEEPALIVE)Context;
    UNREFERENCED_PARAMETER(Dpc);
    UNREFERENCED_PARAMETER(Arg1);
    UNREFERENCED_PARAMETER(Arg2);
    delay.QuadPart = -10 * 1000 * 100;
    while (k->Retries-- > 0) {
        KeDelayExecutionThread(KernelMode, FALSE, &delay); // expect: WSK005 "KeepaliveTick (registered at"
    }
}

VOID StartKeepalive(VOID)
{
    LARGE_INTEGER due;
    due.QuadPart = -10 * 1000 * 1000;
    KeInitializeTimer(&g_Keepalive.Timer);
    KeInitializeDpc(&g_Keepalive.Dpc, KeepaliveTick, &g_Keepalive);
    KeSetTimer(&g_Keepalive.Timer, due, &g_Keepalive.Dpc);
}
