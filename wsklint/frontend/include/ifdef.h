/*
 * ifdef.h - wsklint bundled declarations (hand-written from the public IP
 * Helper documentation). Interface identifiers.
 */
#ifndef _WSKLINT_IFDEF_H
#define _WSKLINT_IFDEF_H

#include <ntdef.h>

typedef ULONG NET_IFINDEX, *PNET_IFINDEX;
typedef NET_IFINDEX IF_INDEX, *PIF_INDEX;
typedef USHORT NET_IFTYPE, *PNET_IFTYPE;
typedef ULONG IFTYPE;

#define NET_IFINDEX_UNSPECIFIED ((NET_IFINDEX)0)
#define IFI_UNSPECIFIED         NET_IFINDEX_UNSPECIFIED

typedef union _NET_LUID_LH {
    ULONG64 Value;
    struct {
        ULONG64 Reserved : 24;
        ULONG64 NetLuidIndex : 24;
        ULONG64 IfType : 16;
    } Info;
} NET_LUID_LH, *PNET_LUID_LH;
typedef NET_LUID_LH NET_LUID;
typedef NET_LUID *PNET_LUID;
typedef NET_LUID IF_LUID, *PIF_LUID;

#endif /* _WSKLINT_IFDEF_H */
