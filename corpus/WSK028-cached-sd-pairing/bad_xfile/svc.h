#pragma once
#include <ntddk.h>
#include <wsk.h>

extern SECURITY_DESCRIPTOR g_SharedPortSd;
extern PSECURITY_DESCRIPTOR g_ControlSd;
extern const WSK_CLIENT_LISTEN_DISPATCH SvcListenDispatch;

NTSTATUS SvcBuildDescriptors(PWSK_PROVIDER_NPI Npi, PSECURITY_DESCRIPTOR ControlRaw);
