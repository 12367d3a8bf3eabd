/*
 * netioapi.h - wsklint bundled declarations (hand-written from the public IP
 * Helper documentation). Only a small subset: the status type and the
 * interface index/LUID conversion routines; more can be added as needed.
 */
#ifndef _WSKLINT_NETIOAPI_H
#define _WSKLINT_NETIOAPI_H

#include <ntdef.h>
#include <ws2def.h>
#include <ws2ipdef.h>
#include <ifdef.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef NTSTATUS NETIO_STATUS;
#define NETIOAPI_API_ NTAPI
#define NETIOAPI_API NETIO_STATUS NETIOAPI_API_
#define NETIO_SUCCESS(x) NT_SUCCESS(x)

#define IF_MAX_STRING_SIZE 256
#define IF_MAX_PHYS_ADDRESS_LENGTH 32

typedef enum _MIB_NOTIFICATION_TYPE {
    MibParameterNotification,
    MibAddInstance,
    MibDeleteInstance,
    MibInitialNotification
} MIB_NOTIFICATION_TYPE, *PMIB_NOTIFICATION_TYPE;

_IRQL_requires_max_(PASSIVE_LEVEL)
NETIOAPI_API ConvertInterfaceIndexToLuid(
    _In_ NET_IFINDEX InterfaceIndex,
    _Out_ PNET_LUID InterfaceLuid);

_IRQL_requires_max_(PASSIVE_LEVEL)
NETIOAPI_API ConvertInterfaceLuidToIndex(
    _In_ CONST NET_LUID *InterfaceLuid,
    _Out_ PNET_IFINDEX InterfaceIndex);

_IRQL_requires_max_(PASSIVE_LEVEL)
NETIOAPI_API CancelMibChangeNotify2(
    _In_ HANDLE NotificationHandle);

_IRQL_requires_max_(PASSIVE_LEVEL)
VOID NTAPI FreeMibTable(
    _In_ PVOID Memory);

#ifdef __cplusplus
}
#endif

#endif /* _WSKLINT_NETIOAPI_H */
