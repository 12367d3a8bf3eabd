/*
 * netioddk.h - wsklint bundled declarations (hand-written from the public
 * Network Module Registrar (NMR) documentation). NPI identifiers.
 */
#ifndef _WSKLINT_NETIODDK_H
#define _WSKLINT_NETIODDK_H

#include <ntdef.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef GUID NPIID;
typedef CONST NPIID *PNPIID;      /* const, as on the NPI_REGISTRATION_INSTANCE reference page */
typedef CONST NPIID *PCNPIID;

typedef enum {
    MIT_GUID = 1,
    MIT_IF_LUID
} NPI_MODULEID_TYPE;

typedef struct _NPI_MODULEID {
    USHORT Length;
    NPI_MODULEID_TYPE Type;
    union {
        GUID Guid;
        LUID IfLuid;
    } DUMMYUNIONNAME;
} NPI_MODULEID, *PNPI_MODULEID;
typedef CONST NPI_MODULEID *PCNPI_MODULEID;

typedef struct _NPI_REGISTRATION_INSTANCE {
    USHORT Version;
    USHORT Size;
    PNPIID NpiId;
    CONST NPI_MODULEID *ModuleId;
    ULONG Number;
    CONST VOID *NpiSpecificCharacteristics;
} NPI_REGISTRATION_INSTANCE, *PNPI_REGISTRATION_INSTANCE;

typedef struct _NPI {
    PNPIID Id;
    CONST VOID *Dispatch;
} NPI;

#ifdef __cplusplus
}
#endif

#endif /* _WSKLINT_NETIODDK_H */
