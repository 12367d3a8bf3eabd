/* Builds the descriptor that lets the service port be shared with the management service, and
 * caches the one for the control port. */
#include <ntddk.h>
#include <wsk.h>
#include "svc.h"

SECURITY_DESCRIPTOR g_SharedPortSd;
PSECURITY_DESCRIPTOR g_ControlSd;

NTSTATUS SvcBuildDescriptors(PWSK_PROVIDER_NPI Npi, PSECURITY_DESCRIPTOR ControlRaw)
{
    NTSTATUS st;

    st = RtlCreateSecurityDescriptor(&g_SharedPortSd, SECURITY_DESCRIPTOR_REVISION);
    if (!NT_SUCCESS(st)) {
        return st;
    }
    return Npi->Dispatch->WskControlClient(Npi->Client, WSK_CACHE_SD, sizeof(ControlRaw), &ControlRaw,  // expect: WSK028 "never released"
                                           sizeof(g_ControlSd), &g_ControlSd, NULL, NULL);
}
