/*
 * wdm.h - wsklint bundled declarations (hand-written from the public WDK
 * reference documentation; this is NOT Microsoft's wdm.h).
 *
 * Purpose: let libclang build a complete AST for kernel drivers on machines
 * without the Windows Driver Kit. Types carry the members drivers touch;
 * some internal layouts are simplified. Routines that the real WDK
 * implements as macros or inline functions (IoSetCompletionRoutine,
 * IoGetNextIrpStackLocation, KeAcquireSpinLock, ExFreePool, RtlZeroMemory,
 * ObReferenceObject, ...) are declared here as ordinary functions so that
 * calls keep their names in the AST.
 */
#ifndef _WSKLINT_WDM_H
#define _WSKLINT_WDM_H

#ifndef _WDMDDK_
#define _WDMDDK_
#endif

#include <ntdef.h>
#include <ntstatus.h>
#include <sal.h>
#include <driverspecs.h>
#include <excpt.h>
#include <string.h>

#ifdef __cplusplus
extern "C" {
#endif

#ifndef NTKERNELAPI
#define NTKERNELAPI DECLSPEC_IMPORT
#endif
#ifndef NTHALAPI
#define NTHALAPI DECLSPEC_IMPORT
#endif

/* ======================================================================
 * IRQL
 * ==================================================================== */
typedef UCHAR KIRQL;
typedef KIRQL *PKIRQL;

#define PASSIVE_LEVEL  0
#define LOW_LEVEL      0
#define APC_LEVEL      1
#define DISPATCH_LEVEL 2
#define CMCI_LEVEL     5
#define CLOCK_LEVEL    13
#define IPI_LEVEL      14
#define DRS_LEVEL      14
#define POWER_LEVEL    14
#define PROFILE_LEVEL  15
#define HIGH_LEVEL     15
#define SYNCH_LEVEL    (IPI_LEVEL - 2)

/* ======================================================================
 * Basic kernel types
 * ==================================================================== */
typedef CCHAR KPROCESSOR_MODE;
typedef enum _MODE {
    KernelMode,
    UserMode,
    MaximumMode
} MODE;

typedef ULONG_PTR KSPIN_LOCK;
typedef KSPIN_LOCK *PKSPIN_LOCK;

typedef struct _KSPIN_LOCK_QUEUE {
    struct _KSPIN_LOCK_QUEUE *volatile Next;
    PKSPIN_LOCK volatile Lock;
} KSPIN_LOCK_QUEUE, *PKSPIN_LOCK_QUEUE;

typedef struct _KLOCK_QUEUE_HANDLE {
    KSPIN_LOCK_QUEUE LockQueue;
    KIRQL OldIrql;
} KLOCK_QUEUE_HANDLE, *PKLOCK_QUEUE_HANDLE;

typedef ULONG DEVICE_TYPE;
typedef ULONG SECURITY_INFORMATION, *PSECURITY_INFORMATION;
typedef PVOID PSECURITY_DESCRIPTOR;
typedef PVOID PSID;

typedef struct _ACL {
    UCHAR AclRevision;
    UCHAR Sbz1;
    USHORT AclSize;
    USHORT AceCount;
    USHORT Sbz2;
} ACL, *PACL;

typedef USHORT SECURITY_DESCRIPTOR_CONTROL, *PSECURITY_DESCRIPTOR_CONTROL;

/* The absolute-format security descriptor (winnt.h). */
typedef struct _SECURITY_DESCRIPTOR {
    UCHAR Revision;
    UCHAR Sbz1;
    SECURITY_DESCRIPTOR_CONTROL Control;
    PSID Owner;
    PSID Group;
    PACL Sacl;
    PACL Dacl;
} SECURITY_DESCRIPTOR, *PISECURITY_DESCRIPTOR;

#define SECURITY_DESCRIPTOR_REVISION 1
#define SECURITY_DESCRIPTOR_MIN_LENGTH (sizeof(SECURITY_DESCRIPTOR))
typedef PVOID PACCESS_TOKEN;
typedef ULONG_PTR ERESOURCE_THREAD, *PERESOURCE_THREAD;

/* Opaque object types. */
typedef struct _KTHREAD *PKTHREAD, *PRKTHREAD;
typedef struct _ETHREAD *PETHREAD;
typedef struct _KPROCESS *PKPROCESS, *PRKPROCESS;
typedef struct _EPROCESS *PEPROCESS;
typedef struct _KINTERRUPT *PKINTERRUPT;
typedef struct _IO_TIMER *PIO_TIMER;
typedef struct _OBJECT_TYPE *POBJECT_TYPE;
typedef struct _IO_WORKITEM IO_WORKITEM, *PIO_WORKITEM;
typedef struct _VPB *PVPB;
typedef struct _DEVOBJ_EXTENSION *PDEVOBJ_EXTENSION;
typedef struct _FAST_IO_DISPATCH *PFAST_IO_DISPATCH;
typedef struct _SECTION_OBJECT_POINTERS *PSECTION_OBJECT_POINTERS;
typedef struct _IO_COMPLETION_CONTEXT *PIO_COMPLETION_CONTEXT;
typedef struct _CALLBACK_OBJECT *PCALLBACK_OBJECT;
typedef struct _ACCESS_STATE *PACCESS_STATE;
typedef struct _IO_SECURITY_CONTEXT *PIO_SECURITY_CONTEXT;
typedef struct _CM_RESOURCE_LIST *PCM_RESOURCE_LIST;
typedef struct _IO_RESOURCE_REQUIREMENTS_LIST *PIO_RESOURCE_REQUIREMENTS_LIST;
typedef struct _DEVICE_CAPABILITIES *PDEVICE_CAPABILITIES;
typedef struct _INTERFACE *PINTERFACE;
typedef struct _IO_REMOVE_LOCK *PIO_REMOVE_LOCK;
typedef struct _KTIMER *PKTIMER;
typedef struct _EX_TIMER *PEX_TIMER;

typedef struct _CLIENT_ID {
    HANDLE UniqueProcess;
    HANDLE UniqueThread;
} CLIENT_ID, *PCLIENT_ID;

typedef struct _IO_STATUS_BLOCK {
    union {
        NTSTATUS Status;
        PVOID Pointer;
    } DUMMYUNIONNAME;
    ULONG_PTR Information;
} IO_STATUS_BLOCK, *PIO_STATUS_BLOCK;

typedef VOID (NTAPI *PIO_APC_ROUTINE)(
    _In_ PVOID ApcContext,
    _In_ PIO_STATUS_BLOCK IoStatusBlock,
    _In_ ULONG Reserved);

/* ======================================================================
 * Access rights and generic constants
 * ==================================================================== */
#define DELETE                   (0x00010000L)
#define READ_CONTROL             (0x00020000L)
#define WRITE_DAC                (0x00040000L)
#define WRITE_OWNER              (0x00080000L)
#define SYNCHRONIZE              (0x00100000L)
#define STANDARD_RIGHTS_REQUIRED (0x000F0000L)
#define STANDARD_RIGHTS_READ     (READ_CONTROL)
#define STANDARD_RIGHTS_WRITE    (READ_CONTROL)
#define STANDARD_RIGHTS_EXECUTE  (READ_CONTROL)
#define STANDARD_RIGHTS_ALL      (0x001F0000L)
#define SPECIFIC_RIGHTS_ALL      (0x0000FFFFL)
#define ACCESS_SYSTEM_SECURITY   (0x01000000L)
#define MAXIMUM_ALLOWED          (0x02000000L)
#define GENERIC_READ             (0x80000000L)
#define GENERIC_WRITE            (0x40000000L)
#define GENERIC_EXECUTE          (0x20000000L)
#define GENERIC_ALL              (0x10000000L)

#define PROCESS_TERMINATE                 (0x0001)
#define PROCESS_CREATE_THREAD             (0x0002)
#define PROCESS_VM_OPERATION              (0x0008)
#define PROCESS_VM_READ                   (0x0010)
#define PROCESS_VM_WRITE                  (0x0020)
#define PROCESS_DUP_HANDLE                (0x0040)
#define PROCESS_CREATE_PROCESS            (0x0080)
#define PROCESS_SET_QUOTA                 (0x0100)
#define PROCESS_SET_INFORMATION           (0x0200)
#define PROCESS_QUERY_INFORMATION         (0x0400)
#define PROCESS_SUSPEND_RESUME            (0x0800)
#define PROCESS_QUERY_LIMITED_INFORMATION (0x1000)
#define PROCESS_ALL_ACCESS (STANDARD_RIGHTS_REQUIRED | SYNCHRONIZE | 0xFFFF)

#define THREAD_TERMINATE                  (0x0001)
#define THREAD_SUSPEND_RESUME             (0x0002)
#define THREAD_GET_CONTEXT                (0x0008)
#define THREAD_SET_CONTEXT                (0x0010)
#define THREAD_SET_INFORMATION            (0x0020)
#define THREAD_QUERY_INFORMATION          (0x0040)
#define THREAD_SET_THREAD_TOKEN           (0x0080)
#define THREAD_IMPERSONATE                (0x0100)
#define THREAD_DIRECT_IMPERSONATION       (0x0200)
#define THREAD_SET_LIMITED_INFORMATION    (0x0400)
#define THREAD_QUERY_LIMITED_INFORMATION  (0x0800)
#define THREAD_ALL_ACCESS (STANDARD_RIGHTS_REQUIRED | SYNCHRONIZE | 0xFFFF)

#define EVENT_QUERY_STATE  0x0001
#define EVENT_MODIFY_STATE 0x0002
#define EVENT_ALL_ACCESS   (STANDARD_RIGHTS_REQUIRED | SYNCHRONIZE | 0x3)

#define FILE_READ_DATA            (0x0001)
#define FILE_LIST_DIRECTORY       (0x0001)
#define FILE_WRITE_DATA           (0x0002)
#define FILE_ADD_FILE             (0x0002)
#define FILE_APPEND_DATA          (0x0004)
#define FILE_ADD_SUBDIRECTORY     (0x0004)
#define FILE_CREATE_PIPE_INSTANCE (0x0004)
#define FILE_READ_EA              (0x0008)
#define FILE_WRITE_EA             (0x0010)
#define FILE_EXECUTE              (0x0020)
#define FILE_TRAVERSE             (0x0020)
#define FILE_DELETE_CHILD         (0x0040)
#define FILE_READ_ATTRIBUTES      (0x0080)
#define FILE_WRITE_ATTRIBUTES     (0x0100)
#define FILE_ALL_ACCESS (STANDARD_RIGHTS_REQUIRED | SYNCHRONIZE | 0x1FF)
#define FILE_GENERIC_READ (STANDARD_RIGHTS_READ | FILE_READ_DATA | FILE_READ_ATTRIBUTES | FILE_READ_EA | SYNCHRONIZE)
#define FILE_GENERIC_WRITE (STANDARD_RIGHTS_WRITE | FILE_WRITE_DATA | FILE_WRITE_ATTRIBUTES | FILE_WRITE_EA | FILE_APPEND_DATA | SYNCHRONIZE)
#define FILE_GENERIC_EXECUTE (STANDARD_RIGHTS_EXECUTE | FILE_READ_ATTRIBUTES | FILE_EXECUTE | SYNCHRONIZE)

#define FILE_SHARE_READ   0x00000001
#define FILE_SHARE_WRITE  0x00000002
#define FILE_SHARE_DELETE 0x00000004
#define FILE_SHARE_VALID_FLAGS 0x00000007

#define FILE_ATTRIBUTE_READONLY  0x00000001
#define FILE_ATTRIBUTE_HIDDEN    0x00000002
#define FILE_ATTRIBUTE_SYSTEM    0x00000004
#define FILE_ATTRIBUTE_DIRECTORY 0x00000010
#define FILE_ATTRIBUTE_ARCHIVE   0x00000020
#define FILE_ATTRIBUTE_DEVICE    0x00000040
#define FILE_ATTRIBUTE_NORMAL    0x00000080
#define FILE_ATTRIBUTE_TEMPORARY 0x00000100

#define FILE_SUPERSEDE           0x00000000
#define FILE_OPEN                0x00000001
#define FILE_CREATE              0x00000002
#define FILE_OPEN_IF             0x00000003
#define FILE_OVERWRITE           0x00000004
#define FILE_OVERWRITE_IF        0x00000005
#define FILE_MAXIMUM_DISPOSITION 0x00000005

#define FILE_DIRECTORY_FILE            0x00000001
#define FILE_WRITE_THROUGH             0x00000002
#define FILE_SEQUENTIAL_ONLY           0x00000004
#define FILE_NO_INTERMEDIATE_BUFFERING 0x00000008
#define FILE_SYNCHRONOUS_IO_ALERT      0x00000010
#define FILE_SYNCHRONOUS_IO_NONALERT   0x00000020
#define FILE_NON_DIRECTORY_FILE        0x00000040
#define FILE_CREATE_TREE_CONNECTION    0x00000080
#define FILE_COMPLETE_IF_OPLOCKED      0x00000100
#define FILE_NO_EA_KNOWLEDGE           0x00000200
#define FILE_OPEN_REMOTE_INSTANCE      0x00000400
#define FILE_RANDOM_ACCESS             0x00000800
#define FILE_DELETE_ON_CLOSE           0x00001000
#define FILE_OPEN_BY_FILE_ID           0x00002000
#define FILE_OPEN_FOR_BACKUP_INTENT    0x00004000
#define FILE_NO_COMPRESSION            0x00008000
#define FILE_RESERVE_OPFILTER          0x00100000
#define FILE_OPEN_REPARSE_POINT        0x00200000
#define FILE_OPEN_NO_RECALL            0x00400000
#define FILE_OPEN_FOR_FREE_SPACE_QUERY 0x00800000

#define FILE_SUPERSEDED     0x00000000
#define FILE_OPENED         0x00000001
#define FILE_CREATED        0x00000002
#define FILE_OVERWRITTEN    0x00000003
#define FILE_EXISTS         0x00000004
#define FILE_DOES_NOT_EXIST 0x00000005

#define FILE_USE_FILE_POINTER_POSITION 0xfffffffe
#define FILE_WRITE_TO_END_OF_FILE      0xffffffff

/* ======================================================================
 * Device types and I/O control codes
 * ==================================================================== */
#define FILE_DEVICE_BEEP                0x00000001
#define FILE_DEVICE_CD_ROM              0x00000002
#define FILE_DEVICE_CONTROLLER          0x00000004
#define FILE_DEVICE_DISK                0x00000007
#define FILE_DEVICE_FILE_SYSTEM         0x00000009
#define FILE_DEVICE_KEYBOARD            0x0000000b
#define FILE_DEVICE_MOUSE               0x0000000f
#define FILE_DEVICE_NAMED_PIPE          0x00000011
#define FILE_DEVICE_NETWORK             0x00000012
#define FILE_DEVICE_NETWORK_BROWSER     0x00000013
#define FILE_DEVICE_NETWORK_FILE_SYSTEM 0x00000014
#define FILE_DEVICE_NULL                0x00000015
#define FILE_DEVICE_PARALLEL_PORT       0x00000016
#define FILE_DEVICE_PHYSICAL_NETCARD    0x00000017
#define FILE_DEVICE_PRINTER             0x00000018
#define FILE_DEVICE_SERIAL_PORT         0x0000001b
#define FILE_DEVICE_SOUND               0x0000001d
#define FILE_DEVICE_TRANSPORT           0x00000021
#define FILE_DEVICE_UNKNOWN             0x00000022
#define FILE_DEVICE_VIDEO               0x00000023
#define FILE_DEVICE_NETWORK_REDIRECTOR  0x00000028
#define FILE_DEVICE_BUS_EXTENDER        0x0000002a
#define FILE_DEVICE_KS                  0x0000002f

#define FILE_REMOVABLE_MEDIA            0x00000001
#define FILE_READ_ONLY_DEVICE           0x00000002
#define FILE_FLOPPY_DISKETTE            0x00000004
#define FILE_WRITE_ONCE_MEDIA           0x00000008
#define FILE_REMOTE_DEVICE              0x00000010
#define FILE_DEVICE_IS_MOUNTED          0x00000020
#define FILE_VIRTUAL_VOLUME             0x00000040
#define FILE_AUTOGENERATED_DEVICE_NAME  0x00000080
#define FILE_DEVICE_SECURE_OPEN         0x00000100

#define CTL_CODE(DeviceType, Function, Method, Access) \
    (((DeviceType) << 16) | ((Access) << 14) | ((Function) << 2) | (Method))
#define DEVICE_TYPE_FROM_CTL_CODE(ctrlCode) (((ULONG)(ctrlCode & 0xffff0000)) >> 16)
#define METHOD_FROM_CTL_CODE(ctrlCode)      ((ULONG)(ctrlCode & 3))

#define METHOD_BUFFERED   0
#define METHOD_IN_DIRECT  1
#define METHOD_OUT_DIRECT 2
#define METHOD_NEITHER    3
#define METHOD_DIRECT_TO_HARDWARE METHOD_IN_DIRECT
#define METHOD_DIRECT_FROM_HARDWARE METHOD_OUT_DIRECT

#define FILE_ANY_ACCESS     0
#define FILE_SPECIAL_ACCESS (FILE_ANY_ACCESS)
#define FILE_READ_ACCESS    (0x0001)
#define FILE_WRITE_ACCESS   (0x0002)

/* ======================================================================
 * IRP major and minor function codes
 * ==================================================================== */
#define IRP_MJ_CREATE                   0x00
#define IRP_MJ_CREATE_NAMED_PIPE        0x01
#define IRP_MJ_CLOSE                    0x02
#define IRP_MJ_READ                     0x03
#define IRP_MJ_WRITE                    0x04
#define IRP_MJ_QUERY_INFORMATION        0x05
#define IRP_MJ_SET_INFORMATION          0x06
#define IRP_MJ_QUERY_EA                 0x07
#define IRP_MJ_SET_EA                   0x08
#define IRP_MJ_FLUSH_BUFFERS            0x09
#define IRP_MJ_QUERY_VOLUME_INFORMATION 0x0a
#define IRP_MJ_SET_VOLUME_INFORMATION   0x0b
#define IRP_MJ_DIRECTORY_CONTROL        0x0c
#define IRP_MJ_FILE_SYSTEM_CONTROL      0x0d
#define IRP_MJ_DEVICE_CONTROL           0x0e
#define IRP_MJ_INTERNAL_DEVICE_CONTROL  0x0f
#define IRP_MJ_SHUTDOWN                 0x10
#define IRP_MJ_LOCK_CONTROL             0x11
#define IRP_MJ_CLEANUP                  0x12
#define IRP_MJ_CREATE_MAILSLOT          0x13
#define IRP_MJ_QUERY_SECURITY           0x14
#define IRP_MJ_SET_SECURITY             0x15
#define IRP_MJ_POWER                    0x16
#define IRP_MJ_SYSTEM_CONTROL           0x17
#define IRP_MJ_DEVICE_CHANGE            0x18
#define IRP_MJ_QUERY_QUOTA              0x19
#define IRP_MJ_SET_QUOTA                0x1a
#define IRP_MJ_PNP                      0x1b
#define IRP_MJ_PNP_POWER                IRP_MJ_PNP
#define IRP_MJ_MAXIMUM_FUNCTION         0x1b
#define IRP_MJ_SCSI                     IRP_MJ_INTERNAL_DEVICE_CONTROL

#define IRP_MN_START_DEVICE                 0x00
#define IRP_MN_QUERY_REMOVE_DEVICE          0x01
#define IRP_MN_REMOVE_DEVICE                0x02
#define IRP_MN_CANCEL_REMOVE_DEVICE         0x03
#define IRP_MN_STOP_DEVICE                  0x04
#define IRP_MN_QUERY_STOP_DEVICE            0x05
#define IRP_MN_CANCEL_STOP_DEVICE           0x06
#define IRP_MN_QUERY_DEVICE_RELATIONS       0x07
#define IRP_MN_QUERY_INTERFACE              0x08
#define IRP_MN_QUERY_CAPABILITIES           0x09
#define IRP_MN_QUERY_RESOURCES              0x0A
#define IRP_MN_QUERY_RESOURCE_REQUIREMENTS  0x0B
#define IRP_MN_QUERY_DEVICE_TEXT            0x0C
#define IRP_MN_FILTER_RESOURCE_REQUIREMENTS 0x0D
#define IRP_MN_READ_CONFIG                  0x0F
#define IRP_MN_WRITE_CONFIG                 0x10
#define IRP_MN_EJECT                        0x11
#define IRP_MN_SET_LOCK                     0x12
#define IRP_MN_QUERY_ID                     0x13
#define IRP_MN_QUERY_PNP_DEVICE_STATE       0x14
#define IRP_MN_QUERY_BUS_INFORMATION        0x15
#define IRP_MN_DEVICE_USAGE_NOTIFICATION    0x16
#define IRP_MN_SURPRISE_REMOVAL             0x17
#define IRP_MN_DEVICE_ENUMERATED            0x19

#define IRP_MN_WAIT_WAKE      0x00
#define IRP_MN_POWER_SEQUENCE 0x01
#define IRP_MN_SET_POWER      0x02
#define IRP_MN_QUERY_POWER    0x03

#define IRP_MN_QUERY_ALL_DATA        0x00
#define IRP_MN_QUERY_SINGLE_INSTANCE 0x01
#define IRP_MN_CHANGE_SINGLE_INSTANCE 0x02
#define IRP_MN_CHANGE_SINGLE_ITEM    0x03
#define IRP_MN_ENABLE_EVENTS         0x04
#define IRP_MN_DISABLE_EVENTS        0x05
#define IRP_MN_ENABLE_COLLECTION     0x06
#define IRP_MN_DISABLE_COLLECTION    0x07
#define IRP_MN_REGINFO               0x08
#define IRP_MN_EXECUTE_METHOD        0x09
#define IRP_MN_REGINFO_EX            0x0b

#define IRP_MN_SCSI_CLASS             0x01

/* IRP flags. */
#define IRP_NOCACHE               0x00000001
#define IRP_PAGING_IO             0x00000002
#define IRP_MOUNT_COMPLETION      0x00000002
#define IRP_SYNCHRONOUS_API       0x00000004
#define IRP_ASSOCIATED_IRP        0x00000008
#define IRP_BUFFERED_IO           0x00000010
#define IRP_DEALLOCATE_BUFFER     0x00000020
#define IRP_INPUT_OPERATION       0x00000040
#define IRP_SYNCHRONOUS_PAGING_IO 0x00000040
#define IRP_CREATE_OPERATION      0x00000080
#define IRP_READ_OPERATION        0x00000100
#define IRP_WRITE_OPERATION       0x00000200
#define IRP_CLOSE_OPERATION       0x00000400
#define IRP_DEFER_IO_COMPLETION   0x00000800
#define IRP_OB_QUERY_NAME         0x00001000
#define IRP_HOLD_DEVICE_QUEUE     0x00002000

/* I/O stack location flags and control bits. */
#define SL_PENDING_RETURNED      0x01
#define SL_ERROR_RETURNED        0x02
#define SL_INVOKE_ON_CANCEL      0x20
#define SL_INVOKE_ON_SUCCESS     0x40
#define SL_INVOKE_ON_ERROR       0x80

#define SL_FORCE_ACCESS_CHECK    0x01
#define SL_OPEN_PAGING_FILE      0x02
#define SL_OPEN_TARGET_DIRECTORY 0x04
#define SL_STOP_ON_SYMLINK       0x08
#define SL_CASE_SENSITIVE        0x80
#define SL_KEY_SPECIFIED         0x01
#define SL_OVERRIDE_VERIFY_VOLUME 0x02
#define SL_WRITE_THROUGH         0x04
#define SL_FT_SEQUENTIAL_WRITE   0x08
#define SL_FORCE_DIRECT_WRITE    0x10

/* Priority boosts for IoCompleteRequest. */
#define IO_NO_INCREMENT          0
#define IO_CD_ROM_INCREMENT      1
#define IO_DISK_INCREMENT        1
#define IO_KEYBOARD_INCREMENT    6
#define IO_MAILSLOT_INCREMENT    2
#define IO_MOUSE_INCREMENT       6
#define IO_NAMED_PIPE_INCREMENT  2
#define IO_NETWORK_INCREMENT     2
#define IO_PARALLEL_INCREMENT    1
#define IO_SERIAL_INCREMENT      2
#define IO_SOUND_INCREMENT       8
#define IO_VIDEO_INCREMENT       1
#define EVENT_INCREMENT          1
#define SEMAPHORE_INCREMENT      1
#define MUTANT_INCREMENT         1

/* Device object flags. */
#define DO_VERIFY_VOLUME           0x00000002
#define DO_BUFFERED_IO             0x00000004
#define DO_EXCLUSIVE               0x00000008
#define DO_DIRECT_IO               0x00000010
#define DO_MAP_IO_BUFFER           0x00000020
#define DO_DEVICE_INITIALIZING     0x00000080
#define DO_SHUTDOWN_REGISTERED     0x00000800
#define DO_BUS_ENUMERATED_DEVICE   0x00001000
#define DO_POWER_PAGABLE           0x00002000
#define DO_POWER_INRUSH            0x00004000
#define DO_DEVICE_TO_BE_RESET      0x04000000

/* ======================================================================
 * Enumerations
 * ==================================================================== */
typedef enum _POOL_TYPE {
    NonPagedPool,
    NonPagedPoolExecute = NonPagedPool,
    PagedPool,
    NonPagedPoolMustSucceed = NonPagedPool + 2,
    DontUseThisType,
    NonPagedPoolCacheAligned = NonPagedPool + 4,
    PagedPoolCacheAligned,
    NonPagedPoolCacheAlignedMustS = NonPagedPool + 6,
    MaxPoolType,
    NonPagedPoolBase = 0,
    NonPagedPoolBaseMustSucceed = NonPagedPoolBase + 2,
    NonPagedPoolBaseCacheAligned = NonPagedPoolBase + 4,
    NonPagedPoolBaseCacheAlignedMustS = NonPagedPoolBase + 6,
    NonPagedPoolSession = 32,
    PagedPoolSession = NonPagedPoolSession + 1,
    NonPagedPoolMustSucceedSession = PagedPoolSession + 1,
    DontUseThisTypeSession = NonPagedPoolMustSucceedSession + 1,
    NonPagedPoolCacheAlignedSession = DontUseThisTypeSession + 1,
    PagedPoolCacheAlignedSession = NonPagedPoolCacheAlignedSession + 1,
    NonPagedPoolCacheAlignedMustSSession = PagedPoolCacheAlignedSession + 1,
    NonPagedPoolNx = 512,
    NonPagedPoolNxCacheAligned = NonPagedPoolNx + 4,
    NonPagedPoolSessionNx = NonPagedPoolNx + 32
} POOL_TYPE;

#define POOL_QUOTA_FAIL_INSTEAD_OF_RAISE 8
#define POOL_RAISE_IF_ALLOCATION_FAILURE 16
#define POOL_COLD_ALLOCATION             256
#define POOL_NX_ALLOCATION               512
#define POOL_ZERO_ALLOCATION             1024

/* POOL_FLAGS for ExAllocatePool2/3 (values from the POOL_FLAGS reference page). */
typedef ULONG64 POOL_FLAGS;
#define POOL_FLAG_REQUIRED_START    0x0000000000000001ULL
#define POOL_FLAG_USE_QUOTA         0x0000000000000001ULL
#define POOL_FLAG_UNINITIALIZED     0x0000000000000002ULL
#define POOL_FLAG_SESSION           0x0000000000000004ULL
#define POOL_FLAG_CACHE_ALIGNED     0x0000000000000008ULL
#define POOL_FLAG_RESERVED1         0x0000000000000010ULL
#define POOL_FLAG_RAISE_ON_FAILURE  0x0000000000000020ULL
#define POOL_FLAG_NON_PAGED         0x0000000000000040ULL
#define POOL_FLAG_NON_PAGED_EXECUTE 0x0000000000000080ULL
#define POOL_FLAG_PAGED             0x0000000000000100ULL
#define POOL_FLAG_RESERVED2         0x0000000000000200ULL
#define POOL_FLAG_RESERVED3         0x0000000000000400ULL
#define POOL_FLAG_REQUIRED_END      0x0000000080000000ULL
#define POOL_FLAG_OPTIONAL_START    0x0000000100000000ULL
#define POOL_FLAG_SPECIAL_POOL      0x0000000100000000ULL
#define POOL_FLAG_OPTIONAL_END      0x8000000000000000ULL

typedef enum _EX_POOL_PRIORITY {
    LowPoolPriority,
    LowPoolPrioritySpecialPoolOverrun = 8,
    LowPoolPrioritySpecialPoolUnderrun = 9,
    NormalPoolPriority = 16,
    NormalPoolPrioritySpecialPoolOverrun = 24,
    NormalPoolPrioritySpecialPoolUnderrun = 25,
    HighPoolPriority = 32,
    HighPoolPrioritySpecialPoolOverrun = 40,
    HighPoolPrioritySpecialPoolUnderrun = 41
} EX_POOL_PRIORITY;

typedef enum _POOL_EXTENDED_PARAMETER_TYPE {
    PoolExtendedParameterInvalidType = 0,
    PoolExtendedParameterPriority,
    PoolExtendedParameterSecurePool,
    PoolExtendedParameterNumaNode,
    PoolExtendedParameterMax
} POOL_EXTENDED_PARAMETER_TYPE, *PPOOL_EXTENDED_PARAMETER_TYPE;

typedef struct _POOL_EXTENDED_PARAMETER {
    struct {
        ULONG64 Type : 8;
        ULONG64 Optional : 1;
        ULONG64 Reserved : 64 - 9;
    } DUMMYSTRUCTNAME;
    union {
        ULONG64 Reserved2;
        PVOID Reserved3;
        EX_POOL_PRIORITY Priority;
        PVOID SecurePoolParams;
        ULONG PreferredNode;
    } DUMMYUNIONNAME;
} POOL_EXTENDED_PARAMETER, *PPOOL_EXTENDED_PARAMETER;
typedef CONST POOL_EXTENDED_PARAMETER *PCPOOL_EXTENDED_PARAMETER;

typedef enum _LOCK_OPERATION {
    IoReadAccess,
    IoWriteAccess,
    IoModifyAccess
} LOCK_OPERATION;

typedef enum _MEMORY_CACHING_TYPE_ORIG {
    MmFrameBufferCached = 2
} MEMORY_CACHING_TYPE_ORIG;

typedef enum _MEMORY_CACHING_TYPE {
    MmNonCached = FALSE,
    MmCached = TRUE,
    MmWriteCombined = MmFrameBufferCached,
    MmHardwareCoherentCached,
    MmNonCachedUnordered,
    MmUSWCCached,
    MmMaximumCacheType,
    MmNotMapped = -1
} MEMORY_CACHING_TYPE;

typedef enum _MM_PAGE_PRIORITY {
    LowPagePriority,
    NormalPagePriority = 16,
    HighPagePriority = 32
} MM_PAGE_PRIORITY;

#define MdlMappingNoWrite   0x80000000
#define MdlMappingNoExecute 0x40000000

#define MM_DONT_ZERO_ALLOCATION               0x00000001
#define MM_ALLOCATE_FROM_LOCAL_NODE_ONLY      0x00000002
#define MM_ALLOCATE_FULLY_REQUIRED            0x00000004
#define MM_ALLOCATE_NO_WAIT                   0x00000008
#define MM_ALLOCATE_PREFER_CONTIGUOUS         0x00000010
#define MM_ALLOCATE_REQUIRE_CONTIGUOUS_CHUNKS 0x00000020

typedef enum _KWAIT_REASON {
    Executive,
    FreePage,
    PageIn,
    PoolAllocation,
    DelayExecution,
    Suspended,
    UserRequest,
    WrExecutive,
    WrFreePage,
    WrPageIn,
    WrPoolAllocation,
    WrDelayExecution,
    WrSuspended,
    WrUserRequest,
    WrEventPair,
    WrQueue,
    WrLpcReceive,
    WrLpcReply,
    WrVirtualMemory,
    WrPageOut,
    WrRendezvous,
    WrKeyedEvent,
    WrTerminated,
    WrProcessInSwap,
    WrCpuRateControl,
    WrCalloutStack,
    WrKernel,
    WrResource,
    WrPushLock,
    WrMutex,
    WrQuantumEnd,
    WrDispatchInt,
    WrPreempted,
    WrYieldExecution,
    WrFastMutex,
    WrGuardedMutex,
    WrRundown
} KWAIT_REASON;

typedef enum _WORK_QUEUE_TYPE {
    CriticalWorkQueue,
    DelayedWorkQueue,
    HyperCriticalWorkQueue,
    NormalWorkQueue,
    BackgroundWorkQueue,
    RealTimeWorkQueue,
    SuperCriticalWorkQueue,
    MaximumWorkQueue,
    CustomPriorityWorkQueue = 32
} WORK_QUEUE_TYPE;

typedef enum _KDPC_IMPORTANCE {
    LowImportance,
    MediumImportance,
    HighImportance,
    MediumHighImportance
} KDPC_IMPORTANCE;

typedef enum _KINTERRUPT_MODE {
    LevelSensitive,
    Latched
} KINTERRUPT_MODE;

typedef enum _SYSTEM_POWER_STATE {
    PowerSystemUnspecified = 0,
    PowerSystemWorking,
    PowerSystemSleeping1,
    PowerSystemSleeping2,
    PowerSystemSleeping3,
    PowerSystemHibernate,
    PowerSystemShutdown,
    PowerSystemMaximum
} SYSTEM_POWER_STATE, *PSYSTEM_POWER_STATE;

typedef enum _DEVICE_POWER_STATE {
    PowerDeviceUnspecified = 0,
    PowerDeviceD0,
    PowerDeviceD1,
    PowerDeviceD2,
    PowerDeviceD3,
    PowerDeviceMaximum
} DEVICE_POWER_STATE, *PDEVICE_POWER_STATE;

typedef union _POWER_STATE {
    SYSTEM_POWER_STATE SystemState;
    DEVICE_POWER_STATE DeviceState;
} POWER_STATE, *PPOWER_STATE;

typedef enum _POWER_STATE_TYPE {
    SystemPowerState = 0,
    DevicePowerState
} POWER_STATE_TYPE, *PPOWER_STATE_TYPE;

typedef enum _POWER_ACTION {
    PowerActionNone = 0,
    PowerActionReserved,
    PowerActionSleep,
    PowerActionHibernate,
    PowerActionShutdown,
    PowerActionShutdownReset,
    PowerActionShutdownOff,
    PowerActionWarmEject,
    PowerActionDisplayOff
} POWER_ACTION, *PPOWER_ACTION;

typedef enum _DEVICE_RELATION_TYPE {
    BusRelations,
    EjectionRelations,
    PowerRelations,
    RemovalRelations,
    TargetDeviceRelation,
    SingleBusRelations,
    TransportRelations
} DEVICE_RELATION_TYPE, *PDEVICE_RELATION_TYPE;

typedef enum _BUS_QUERY_ID_TYPE {
    BusQueryDeviceID = 0,
    BusQueryHardwareIDs = 1,
    BusQueryCompatibleIDs = 2,
    BusQueryInstanceID = 3,
    BusQueryDeviceSerialNumber = 4,
    BusQueryContainerID = 5
} BUS_QUERY_ID_TYPE, *PBUS_QUERY_ID_TYPE;

typedef enum _FILE_INFORMATION_CLASS {
    FileDirectoryInformation = 1,
    FileFullDirectoryInformation,
    FileBothDirectoryInformation,
    FileBasicInformation,
    FileStandardInformation,
    FileInternalInformation,
    FileEaInformation,
    FileAccessInformation,
    FileNameInformation,
    FileRenameInformation,
    FileLinkInformation,
    FileNamesInformation,
    FileDispositionInformation,
    FilePositionInformation,
    FileFullEaInformation,
    FileModeInformation,
    FileAlignmentInformation,
    FileAllInformation,
    FileAllocationInformation,
    FileEndOfFileInformation
} FILE_INFORMATION_CLASS, *PFILE_INFORMATION_CLASS;

typedef enum _FSINFOCLASS {
    FileFsVolumeInformation = 1,
    FileFsLabelInformation,
    FileFsSizeInformation,
    FileFsDeviceInformation,
    FileFsAttributeInformation,
    FileFsControlInformation,
    FileFsFullSizeInformation,
    FileFsObjectIdInformation
} FS_INFORMATION_CLASS, *PFS_INFORMATION_CLASS;

typedef enum _KEY_VALUE_INFORMATION_CLASS {
    KeyValueBasicInformation,
    KeyValueFullInformation,
    KeyValuePartialInformation,
    KeyValueFullInformationAlign64,
    KeyValuePartialInformationAlign64,
    KeyValueLayerInformation
} KEY_VALUE_INFORMATION_CLASS;

typedef enum _KEY_INFORMATION_CLASS {
    KeyBasicInformation,
    KeyNodeInformation,
    KeyFullInformation,
    KeyNameInformation,
    KeyCachedInformation,
    KeyFlagsInformation,
    KeyVirtualizationInformation,
    KeyHandleTagsInformation
} KEY_INFORMATION_CLASS;

typedef struct _FILE_BASIC_INFORMATION {
    LARGE_INTEGER CreationTime;
    LARGE_INTEGER LastAccessTime;
    LARGE_INTEGER LastWriteTime;
    LARGE_INTEGER ChangeTime;
    ULONG FileAttributes;
} FILE_BASIC_INFORMATION, *PFILE_BASIC_INFORMATION;

typedef struct _FILE_STANDARD_INFORMATION {
    LARGE_INTEGER AllocationSize;
    LARGE_INTEGER EndOfFile;
    ULONG NumberOfLinks;
    BOOLEAN DeletePending;
    BOOLEAN Directory;
} FILE_STANDARD_INFORMATION, *PFILE_STANDARD_INFORMATION;

typedef struct _FILE_POSITION_INFORMATION {
    LARGE_INTEGER CurrentByteOffset;
} FILE_POSITION_INFORMATION, *PFILE_POSITION_INFORMATION;

typedef struct _FILE_END_OF_FILE_INFORMATION {
    LARGE_INTEGER EndOfFile;
} FILE_END_OF_FILE_INFORMATION, *PFILE_END_OF_FILE_INFORMATION;

typedef struct _KEY_VALUE_PARTIAL_INFORMATION {
    ULONG TitleIndex;
    ULONG Type;
    ULONG DataLength;
    _Field_size_bytes_(DataLength) UCHAR Data[1];
} KEY_VALUE_PARTIAL_INFORMATION, *PKEY_VALUE_PARTIAL_INFORMATION;

typedef struct _KEY_VALUE_BASIC_INFORMATION {
    ULONG TitleIndex;
    ULONG Type;
    ULONG NameLength;
    _Field_size_bytes_(NameLength) WCHAR Name[1];
} KEY_VALUE_BASIC_INFORMATION, *PKEY_VALUE_BASIC_INFORMATION;

typedef struct _KEY_VALUE_FULL_INFORMATION {
    ULONG TitleIndex;
    ULONG Type;
    ULONG DataOffset;
    ULONG DataLength;
    ULONG NameLength;
    _Field_size_bytes_(NameLength) WCHAR Name[1];
} KEY_VALUE_FULL_INFORMATION, *PKEY_VALUE_FULL_INFORMATION;

/* Registry constants. */
#define KEY_QUERY_VALUE        (0x0001)
#define KEY_SET_VALUE          (0x0002)
#define KEY_CREATE_SUB_KEY     (0x0004)
#define KEY_ENUMERATE_SUB_KEYS (0x0008)
#define KEY_NOTIFY             (0x0010)
#define KEY_CREATE_LINK        (0x0020)
#define KEY_WOW64_32KEY        (0x0200)
#define KEY_WOW64_64KEY        (0x0100)
#define KEY_READ  ((STANDARD_RIGHTS_READ | KEY_QUERY_VALUE | KEY_ENUMERATE_SUB_KEYS | KEY_NOTIFY) & (~SYNCHRONIZE))
#define KEY_WRITE ((STANDARD_RIGHTS_WRITE | KEY_SET_VALUE | KEY_CREATE_SUB_KEY) & (~SYNCHRONIZE))
#define KEY_EXECUTE ((KEY_READ) & (~SYNCHRONIZE))
#define KEY_ALL_ACCESS ((STANDARD_RIGHTS_ALL | KEY_QUERY_VALUE | KEY_SET_VALUE | KEY_CREATE_SUB_KEY | \
                         KEY_ENUMERATE_SUB_KEYS | KEY_NOTIFY | KEY_CREATE_LINK) & (~SYNCHRONIZE))

#define REG_OPTION_RESERVED     (0x00000000L)
#define REG_OPTION_NON_VOLATILE (0x00000000L)
#define REG_OPTION_VOLATILE     (0x00000001L)
#define REG_OPTION_CREATE_LINK  (0x00000002L)
#define REG_OPTION_BACKUP_RESTORE (0x00000004L)
#define REG_OPTION_OPEN_LINK    (0x00000008L)
#define REG_CREATED_NEW_KEY     (0x00000001L)
#define REG_OPENED_EXISTING_KEY (0x00000002L)

#define REG_NONE                0
#define REG_SZ                  1
#define REG_EXPAND_SZ           2
#define REG_BINARY              3
#define REG_DWORD               4
#define REG_DWORD_LITTLE_ENDIAN 4
#define REG_DWORD_BIG_ENDIAN    5
#define REG_LINK                6
#define REG_MULTI_SZ            7
#define REG_RESOURCE_LIST       8
#define REG_QWORD               11
#define REG_QWORD_LITTLE_ENDIAN 11

/* Memory pages. */
#define PAGE_SIZE  0x1000
#define PAGE_SHIFT 12L
#define BYTE_OFFSET(Va) ((ULONG)((LONG_PTR)(Va) & (PAGE_SIZE - 1)))
#define PAGE_ALIGN(Va)  ((PVOID)((ULONG_PTR)(Va) & ~(PAGE_SIZE - 1)))
#define ROUND_TO_PAGES(Size) (((ULONG_PTR)(Size) + PAGE_SIZE - 1) & ~(PAGE_SIZE - 1))
#define BYTES_TO_PAGES(Size) (((Size) >> PAGE_SHIFT) + (((Size) & (PAGE_SIZE - 1)) != 0))
#define ADDRESS_AND_SIZE_TO_SPAN_PAGES(Va, Size) \
    ((BYTE_OFFSET(Va) + ((SIZE_T)(Size)) + (PAGE_SIZE - 1)) >> PAGE_SHIFT)
#define COMPUTE_PAGES_SPANNED(Va, Size) ADDRESS_AND_SIZE_TO_SPAN_PAGES(Va, Size)


/* ======================================================================
 * Dispatcher objects, DPCs, timers, locks (layouts simplified)
 * ==================================================================== */
typedef struct _DISPATCHER_HEADER {
    UCHAR Type;
    UCHAR Signalling;
    UCHAR Size;
    UCHAR Reserved1;
    LONG SignalState;
    LIST_ENTRY WaitListHead;
} DISPATCHER_HEADER, *PDISPATCHER_HEADER;

typedef struct _KEVENT {
    DISPATCHER_HEADER Header;
} KEVENT, *PKEVENT, *PRKEVENT;

typedef struct _KSEMAPHORE {
    DISPATCHER_HEADER Header;
    LONG Limit;
} KSEMAPHORE, *PKSEMAPHORE, *PRKSEMAPHORE;

typedef struct _KMUTANT {
    DISPATCHER_HEADER Header;
    LIST_ENTRY MutantListEntry;
    struct _KTHREAD *OwnerThread;
    BOOLEAN Abandoned;
    UCHAR ApcDisable;
} KMUTANT, *PKMUTANT, *PRKMUTANT, KMUTEX, *PKMUTEX, *PRKMUTEX;

struct _KDPC;

typedef
_Function_class_(KDEFERRED_ROUTINE)
_IRQL_requires_max_(DISPATCH_LEVEL)
_IRQL_requires_min_(DISPATCH_LEVEL)
_IRQL_requires_(DISPATCH_LEVEL)
_IRQL_requires_same_
VOID
KDEFERRED_ROUTINE(
    _In_ struct _KDPC *Dpc,
    _In_opt_ PVOID DeferredContext,
    _In_opt_ PVOID SystemArgument1,
    _In_opt_ PVOID SystemArgument2);
typedef KDEFERRED_ROUTINE *PKDEFERRED_ROUTINE;

typedef struct _KDPC {
    UCHAR Type;
    UCHAR Importance;
    volatile USHORT Number;
    SINGLE_LIST_ENTRY DpcListEntry;
    KAFFINITY ProcessorHistory;
    PKDEFERRED_ROUTINE DeferredRoutine;
    PVOID DeferredContext;
    PVOID SystemArgument1;
    PVOID SystemArgument2;
    volatile PVOID DpcData;
} KDPC, *PKDPC, *PRKDPC;

typedef struct _KTIMER {
    DISPATCHER_HEADER Header;
    ULARGE_INTEGER DueTime;
    LIST_ENTRY TimerListEntry;
    struct _KDPC *Dpc;
    ULONG Processor;
    LONG Period;
} KTIMER, *PRKTIMER;

typedef struct _KDEVICE_QUEUE_ENTRY {
    LIST_ENTRY DeviceListEntry;
    ULONG SortKey;
    BOOLEAN Inserted;
} KDEVICE_QUEUE_ENTRY, *PKDEVICE_QUEUE_ENTRY, *PRKDEVICE_QUEUE_ENTRY;

typedef struct _KDEVICE_QUEUE {
    CSHORT Type;
    CSHORT Size;
    LIST_ENTRY DeviceListHead;
    KSPIN_LOCK Lock;
    BOOLEAN Busy;
} KDEVICE_QUEUE, *PKDEVICE_QUEUE, *PRKDEVICE_QUEUE;

typedef struct _KAPC {
    UCHAR Type;
    UCHAR SpareByte0;
    UCHAR Size;
    UCHAR SpareByte1;
    ULONG SpareLong0;
    struct _KTHREAD *Thread;
    LIST_ENTRY ApcListEntry;
    PVOID Reserved[3];
    PVOID NormalContext;
    PVOID SystemArgument1;
    PVOID SystemArgument2;
    CCHAR ApcStateIndex;
    KPROCESSOR_MODE ApcMode;
    BOOLEAN Inserted;
} KAPC, *PKAPC, *PRKAPC;

typedef struct _FAST_MUTEX {
    volatile LONG Count;
    PVOID Owner;
    ULONG Contention;
    KEVENT Event;
    ULONG OldIrql;
} FAST_MUTEX, *PFAST_MUTEX, KGUARDED_MUTEX, *PKGUARDED_MUTEX;

/* Simplified: the executive resource is opaque to drivers. */
typedef struct _ERESOURCE {
    LIST_ENTRY SystemResourcesList;
    PVOID OwnerTable;
    SHORT ActiveCount;
    USHORT Flag;
    PVOID SharedWaiters;
    PVOID ExclusiveWaiters;
    PVOID Reserved[6];
    ULONG ContentionCount;
    USHORT NumberOfSharedWaiters;
    USHORT NumberOfExclusiveWaiters;
    PVOID Address;
    KSPIN_LOCK SpinLock;
} ERESOURCE, *PERESOURCE;

typedef struct _EX_RUNDOWN_REF {
    union {
        volatile ULONG_PTR Count;
        volatile PVOID Ptr;
    } DUMMYUNIONNAME;
} EX_RUNDOWN_REF, *PEX_RUNDOWN_REF;

typedef struct _EX_RUNDOWN_REF_CACHE_AWARE *PEX_RUNDOWN_REF_CACHE_AWARE;

typedef ULONG_PTR EX_PUSH_LOCK, *PEX_PUSH_LOCK;
typedef ULONG_PTR EX_SPIN_LOCK, *PEX_SPIN_LOCK;

typedef struct _KWAIT_BLOCK {
    LIST_ENTRY WaitListEntry;
    UCHAR WaitType;
    volatile UCHAR BlockState;
    USHORT WaitKey;
    LONG SpareLong;
    PVOID Thread;
    PVOID Object;
    PVOID SparePtr;
} KWAIT_BLOCK, *PKWAIT_BLOCK, *PRKWAIT_BLOCK;

#define THREAD_WAIT_OBJECTS 3
#define MAXIMUM_WAIT_OBJECTS 64

typedef struct _KAPC_STATE {
    LIST_ENTRY ApcListHead[MaximumMode];
    struct _KPROCESS *Process;
    BOOLEAN InProgressFlags;
    BOOLEAN KernelApcPending;
    BOOLEAN UserApcPendingAll;
} KAPC_STATE, *PKAPC_STATE, *PRKAPC_STATE;

/* ======================================================================
 * Work items
 * ==================================================================== */
typedef
_Function_class_(WORKER_THREAD_ROUTINE)
_IRQL_requires_same_
VOID
WORKER_THREAD_ROUTINE(
    _In_ PVOID Parameter);
typedef WORKER_THREAD_ROUTINE *PWORKER_THREAD_ROUTINE;

typedef struct _WORK_QUEUE_ITEM {
    LIST_ENTRY List;
    PWORKER_THREAD_ROUTINE WorkerRoutine;
    volatile PVOID Parameter;
} WORK_QUEUE_ITEM, *PWORK_QUEUE_ITEM;

typedef
_Function_class_(KSTART_ROUTINE)
_IRQL_requires_same_
VOID
KSTART_ROUTINE(
    _In_ PVOID StartContext);
typedef KSTART_ROUTINE *PKSTART_ROUTINE;

/* ======================================================================
 * Lookaside lists (layouts simplified)
 * ==================================================================== */
typedef
_IRQL_requires_max_(DISPATCH_LEVEL)
_Function_class_(ALLOCATE_FUNCTION)
PVOID
ALLOCATE_FUNCTION(
    _In_ POOL_TYPE PoolType,
    _In_ SIZE_T NumberOfBytes,
    _In_ ULONG Tag);
typedef ALLOCATE_FUNCTION *PALLOCATE_FUNCTION;

typedef
_IRQL_requires_max_(DISPATCH_LEVEL)
_Function_class_(FREE_FUNCTION)
VOID
FREE_FUNCTION(
    _In_ PVOID Buffer);
typedef FREE_FUNCTION *PFREE_FUNCTION;

struct _LOOKASIDE_LIST_EX;

typedef
_IRQL_requires_max_(DISPATCH_LEVEL)
_Function_class_(ALLOCATE_FUNCTION_EX)
PVOID
ALLOCATE_FUNCTION_EX(
    _In_ POOL_TYPE PoolType,
    _In_ SIZE_T NumberOfBytes,
    _In_ ULONG Tag,
    _Inout_ struct _LOOKASIDE_LIST_EX *Lookaside);
typedef ALLOCATE_FUNCTION_EX *PALLOCATE_FUNCTION_EX;

typedef
_IRQL_requires_max_(DISPATCH_LEVEL)
_Function_class_(FREE_FUNCTION_EX)
VOID
FREE_FUNCTION_EX(
    _In_ PVOID Buffer,
    _Inout_ struct _LOOKASIDE_LIST_EX *Lookaside);
typedef FREE_FUNCTION_EX *PFREE_FUNCTION_EX;

typedef struct DECLSPEC_CACHEALIGN _GENERAL_LOOKASIDE {
    SLIST_HEADER ListHead;
    USHORT Depth;
    USHORT MaximumDepth;
    ULONG TotalAllocates;
    ULONG AllocateMisses;
    ULONG TotalFrees;
    ULONG FreeMisses;
    POOL_TYPE Type;
    ULONG Tag;
    ULONG Size;
    PVOID Allocate;
    PVOID Free;
    LIST_ENTRY ListEntry;
    ULONG LastTotalAllocates;
    ULONG LastAllocateMisses;
    ULONG Future[2];
} GENERAL_LOOKASIDE, *PGENERAL_LOOKASIDE;

typedef struct _GENERAL_LOOKASIDE_POOL {
    SLIST_HEADER ListHead;
    USHORT Depth;
    USHORT MaximumDepth;
    ULONG TotalAllocates;
    ULONG AllocateMisses;
    ULONG TotalFrees;
    ULONG FreeMisses;
    POOL_TYPE Type;
    ULONG Tag;
    ULONG Size;
    PVOID Allocate;
    PVOID Free;
    LIST_ENTRY ListEntry;
    ULONG LastTotalAllocates;
    ULONG LastAllocateMisses;
    ULONG Future[2];
} GENERAL_LOOKASIDE_POOL, *PGENERAL_LOOKASIDE_POOL;

typedef struct _NPAGED_LOOKASIDE_LIST {
    GENERAL_LOOKASIDE L;
} NPAGED_LOOKASIDE_LIST, *PNPAGED_LOOKASIDE_LIST;

typedef struct _PAGED_LOOKASIDE_LIST {
    GENERAL_LOOKASIDE L;
} PAGED_LOOKASIDE_LIST, *PPAGED_LOOKASIDE_LIST;

typedef struct _LOOKASIDE_LIST_EX {
    GENERAL_LOOKASIDE_POOL L;
} LOOKASIDE_LIST_EX, *PLOOKASIDE_LIST_EX;

#define EX_LOOKASIDE_LIST_EX_FLAGS_RAISE_ON_FAIL 0x00000001UL
#define EX_LOOKASIDE_LIST_EX_FLAGS_FAIL_NO_RAISE 0x00000002UL
#define EX_MAXIMUM_LOOKASIDE_DEPTH_BASE  256
#define EX_MAXIMUM_LOOKASIDE_DEPTH_LIMIT 1024

/* ======================================================================
 * Memory descriptor lists
 * ==================================================================== */
typedef struct _MDL {
    struct _MDL *Next;
    CSHORT Size;
    CSHORT MdlFlags;
    struct _EPROCESS *Process;
    PVOID MappedSystemVa;
    PVOID StartVa;
    ULONG ByteCount;
    ULONG ByteOffset;
} MDL, *PMDL, *PMDLX;

#define MDL_MAPPED_TO_SYSTEM_VA     0x0001
#define MDL_PAGES_LOCKED            0x0002
#define MDL_SOURCE_IS_NONPAGED_POOL 0x0004
#define MDL_ALLOCATED_FIXED_SIZE    0x0008
#define MDL_PARTIAL                 0x0010
#define MDL_PARTIAL_HAS_BEEN_MAPPED 0x0020
#define MDL_IO_PAGE_READ            0x0040
#define MDL_WRITE_OPERATION         0x0080
#define MDL_LOCKED_PAGE_TABLES      0x0100
#define MDL_PARENT_MAPPED_SYSTEM_VA MDL_LOCKED_PAGE_TABLES
#define MDL_FREE_EXTRA_PTES         0x0200
#define MDL_DESCRIBES_AWE           0x0400
#define MDL_IO_SPACE                0x0800
#define MDL_NETWORK_HEADER          0x1000
#define MDL_MAPPING_CAN_FAIL        0x2000
#define MDL_PAGE_CONTENTS_INVARIANT 0x4000
#define MDL_ALLOCATED_MUST_SUCCEED  MDL_PAGE_CONTENTS_INVARIANT
#define MDL_INTERNAL                0x8000

typedef ULONG PFN_NUMBER, *PPFN_NUMBER;

/* ======================================================================
 * Driver roles (function-class typedefs)
 * ==================================================================== */
struct _DEVICE_OBJECT;
struct _DRIVER_OBJECT;
struct _IRP;
struct _FILE_OBJECT;

typedef
_Function_class_(DRIVER_INITIALIZE)
_IRQL_requires_same_
_IRQL_requires_(PASSIVE_LEVEL)
NTSTATUS
DRIVER_INITIALIZE(
    _In_ struct _DRIVER_OBJECT *DriverObject,
    _In_ PUNICODE_STRING RegistryPath);
typedef DRIVER_INITIALIZE *PDRIVER_INITIALIZE;

typedef
_Function_class_(DRIVER_REINITIALIZE)
_IRQL_requires_(PASSIVE_LEVEL)
_IRQL_requires_same_
VOID
DRIVER_REINITIALIZE(
    _In_ struct _DRIVER_OBJECT *DriverObject,
    _In_opt_ PVOID Context,
    _In_ ULONG Count);
typedef DRIVER_REINITIALIZE *PDRIVER_REINITIALIZE;

typedef
_Function_class_(DRIVER_UNLOAD)
_IRQL_requires_(PASSIVE_LEVEL)
_IRQL_requires_same_
VOID
DRIVER_UNLOAD(
    _In_ struct _DRIVER_OBJECT *DriverObject);
typedef DRIVER_UNLOAD *PDRIVER_UNLOAD;

typedef
_Function_class_(DRIVER_DISPATCH)
_IRQL_requires_max_(DISPATCH_LEVEL)
_IRQL_requires_same_
NTSTATUS
DRIVER_DISPATCH(
    _In_ struct _DEVICE_OBJECT *DeviceObject,
    _Inout_ struct _IRP *Irp);
typedef DRIVER_DISPATCH *PDRIVER_DISPATCH;

typedef
_Function_class_(DRIVER_DISPATCH_PAGED)
_IRQL_requires_max_(PASSIVE_LEVEL)
_IRQL_requires_same_
NTSTATUS
DRIVER_DISPATCH_PAGED(
    _In_ struct _DEVICE_OBJECT *DeviceObject,
    _Inout_ struct _IRP *Irp);
typedef DRIVER_DISPATCH_PAGED *PDRIVER_DISPATCH_PAGED;

typedef
_Function_class_(DRIVER_ADD_DEVICE)
_IRQL_requires_(PASSIVE_LEVEL)
_IRQL_requires_same_
_When_(return >= 0, _Kernel_clear_do_init_(__yes))
NTSTATUS
DRIVER_ADD_DEVICE(
    _In_ struct _DRIVER_OBJECT *DriverObject,
    _In_ struct _DEVICE_OBJECT *PhysicalDeviceObject);
typedef DRIVER_ADD_DEVICE *PDRIVER_ADD_DEVICE;

typedef
_Function_class_(DRIVER_STARTIO)
_IRQL_always_function_min_(DISPATCH_LEVEL)
_IRQL_requires_(DISPATCH_LEVEL)
_IRQL_requires_same_
VOID
DRIVER_STARTIO(
    _Inout_ struct _DEVICE_OBJECT *DeviceObject,
    _Inout_ struct _IRP *Irp);
typedef DRIVER_STARTIO *PDRIVER_STARTIO;

typedef
_Function_class_(DRIVER_CANCEL)
_Requires_lock_held_(_Global_cancel_spin_lock_)
_Releases_lock_(_Global_cancel_spin_lock_)
_IRQL_requires_min_(DISPATCH_LEVEL)
_IRQL_requires_(DISPATCH_LEVEL)
VOID
DRIVER_CANCEL(
    _Inout_ struct _DEVICE_OBJECT *DeviceObject,
    _Inout_ _IRQL_uses_cancel_ struct _IRP *Irp);
typedef DRIVER_CANCEL *PDRIVER_CANCEL;

typedef
_Function_class_(IO_COMPLETION_ROUTINE)
_IRQL_requires_same_
_IRQL_requires_max_(DISPATCH_LEVEL)
NTSTATUS
IO_COMPLETION_ROUTINE(
    _In_ struct _DEVICE_OBJECT *DeviceObject,
    _In_ struct _IRP *Irp,
    _In_reads_opt_(_Inexpressible_("varies")) PVOID Context);
typedef IO_COMPLETION_ROUTINE *PIO_COMPLETION_ROUTINE;

/* What an IoCompletion routine returns to let completion processing continue. */
#define STATUS_CONTINUE_COMPLETION      STATUS_SUCCESS

typedef
_Function_class_(IO_DPC_ROUTINE)
_IRQL_always_function_min_(DISPATCH_LEVEL)
_IRQL_requires_(DISPATCH_LEVEL)
_IRQL_requires_same_
VOID
IO_DPC_ROUTINE(
    _In_ PKDPC Dpc,
    _In_ struct _DEVICE_OBJECT *DeviceObject,
    _Inout_ struct _IRP *Irp,
    _In_opt_ PVOID Context);
typedef IO_DPC_ROUTINE *PIO_DPC_ROUTINE;

typedef
_Function_class_(IO_TIMER_ROUTINE)
_IRQL_requires_same_
VOID
IO_TIMER_ROUTINE(
    _In_ struct _DEVICE_OBJECT *DeviceObject,
    _In_opt_ PVOID Context);
typedef IO_TIMER_ROUTINE *PIO_TIMER_ROUTINE;

typedef
_Function_class_(IO_WORKITEM_ROUTINE)
_IRQL_requires_(PASSIVE_LEVEL)
_IRQL_requires_same_
VOID
IO_WORKITEM_ROUTINE(
    _In_ struct _DEVICE_OBJECT *DeviceObject,
    _In_opt_ PVOID Context);
typedef IO_WORKITEM_ROUTINE *PIO_WORKITEM_ROUTINE;

typedef
_Function_class_(IO_WORKITEM_ROUTINE_EX)
_IRQL_requires_(PASSIVE_LEVEL)
_IRQL_requires_same_
VOID
IO_WORKITEM_ROUTINE_EX(
    _In_ PVOID IoObject,
    _In_opt_ PVOID Context,
    _In_ PIO_WORKITEM IoWorkItem);
typedef IO_WORKITEM_ROUTINE_EX *PIO_WORKITEM_ROUTINE_EX;

typedef
_Function_class_(KSERVICE_ROUTINE)
_IRQL_requires_same_
BOOLEAN
KSERVICE_ROUTINE(
    _In_ PKINTERRUPT Interrupt,
    _In_opt_ PVOID ServiceContext);
typedef KSERVICE_ROUTINE *PKSERVICE_ROUTINE;

typedef
_Function_class_(KSYNCHRONIZE_ROUTINE)
_IRQL_requires_same_
BOOLEAN
KSYNCHRONIZE_ROUTINE(
    _In_opt_ PVOID SynchronizeContext);
typedef KSYNCHRONIZE_ROUTINE *PKSYNCHRONIZE_ROUTINE;

typedef enum _IO_ALLOCATION_ACTION {
    KeepObject = 1,
    DeallocateObject,
    DeallocateObjectKeepRegisters
} IO_ALLOCATION_ACTION, *PIO_ALLOCATION_ACTION;

typedef
_Function_class_(DRIVER_CONTROL)
_IRQL_requires_same_
IO_ALLOCATION_ACTION
DRIVER_CONTROL(
    _In_ struct _DEVICE_OBJECT *DeviceObject,
    _Inout_ struct _IRP *Irp,
    _In_ PVOID MapRegisterBase,
    _In_ PVOID Context);
typedef DRIVER_CONTROL *PDRIVER_CONTROL;

typedef
_Function_class_(CALLBACK_FUNCTION)
_IRQL_requires_same_
VOID
CALLBACK_FUNCTION(
    _In_opt_ PVOID CallbackContext,
    _In_opt_ PVOID Argument1,
    _In_opt_ PVOID Argument2);
typedef CALLBACK_FUNCTION *PCALLBACK_FUNCTION;

/* ======================================================================
 * Driver, device and file objects (layouts simplified)
 * ==================================================================== */
typedef struct _WAIT_CONTEXT_BLOCK {
    KDEVICE_QUEUE_ENTRY WaitQueueEntry;
    PDRIVER_CONTROL DeviceRoutine;
    PVOID DeviceContext;
    ULONG NumberOfMapRegisters;
    PVOID DeviceObject;
    PVOID CurrentIrp;
    PKDPC BufferChainingDpc;
} WAIT_CONTEXT_BLOCK, *PWAIT_CONTEXT_BLOCK;

typedef struct DECLSPEC_ALIGN(MEMORY_ALLOCATION_ALIGNMENT) _DEVICE_OBJECT {
    CSHORT Type;
    USHORT Size;
    LONG ReferenceCount;
    struct _DRIVER_OBJECT *DriverObject;
    struct _DEVICE_OBJECT *NextDevice;
    struct _DEVICE_OBJECT *AttachedDevice;
    struct _IRP *CurrentIrp;
    PIO_TIMER Timer;
    ULONG Flags;
    ULONG Characteristics;
    volatile PVPB Vpb;
    PVOID DeviceExtension;
    DEVICE_TYPE DeviceType;
    CCHAR StackSize;
    union {
        LIST_ENTRY ListEntry;
        WAIT_CONTEXT_BLOCK Wcb;
    } Queue;
    ULONG AlignmentRequirement;
    KDEVICE_QUEUE DeviceQueue;
    KDPC Dpc;
    ULONG ActiveThreadCount;
    PSECURITY_DESCRIPTOR SecurityDescriptor;
    KEVENT DeviceLock;
    USHORT SectorSize;
    USHORT Spare1;
    struct _DEVOBJ_EXTENSION *DeviceObjectExtension;
    PVOID Reserved;
} DEVICE_OBJECT, *PDEVICE_OBJECT;

typedef struct _DRIVER_EXTENSION {
    struct _DRIVER_OBJECT *DriverObject;
    PDRIVER_ADD_DEVICE AddDevice;
    ULONG Count;
    UNICODE_STRING ServiceKeyName;
} DRIVER_EXTENSION, *PDRIVER_EXTENSION;

typedef struct _DRIVER_OBJECT {
    CSHORT Type;
    CSHORT Size;
    PDEVICE_OBJECT DeviceObject;
    ULONG Flags;
    PVOID DriverStart;
    ULONG DriverSize;
    PVOID DriverSection;
    PDRIVER_EXTENSION DriverExtension;
    UNICODE_STRING DriverName;
    PUNICODE_STRING HardwareDatabase;
    PFAST_IO_DISPATCH FastIoDispatch;
    PDRIVER_INITIALIZE DriverInit;
    PDRIVER_STARTIO DriverStartIo;
    PDRIVER_UNLOAD DriverUnload;
    PDRIVER_DISPATCH MajorFunction[IRP_MJ_MAXIMUM_FUNCTION + 1];
} DRIVER_OBJECT, *PDRIVER_OBJECT;

typedef struct _FILE_OBJECT {
    CSHORT Type;
    CSHORT Size;
    PDEVICE_OBJECT DeviceObject;
    PVPB Vpb;
    PVOID FsContext;
    PVOID FsContext2;
    PSECTION_OBJECT_POINTERS SectionObjectPointer;
    PVOID PrivateCacheMap;
    NTSTATUS FinalStatus;
    struct _FILE_OBJECT *RelatedFileObject;
    BOOLEAN LockOperation;
    BOOLEAN DeletePending;
    BOOLEAN ReadAccess;
    BOOLEAN WriteAccess;
    BOOLEAN DeleteAccess;
    BOOLEAN SharedRead;
    BOOLEAN SharedWrite;
    BOOLEAN SharedDelete;
    ULONG Flags;
    UNICODE_STRING FileName;
    LARGE_INTEGER CurrentByteOffset;
    volatile ULONG Waiters;
    volatile ULONG Busy;
    PVOID LastLock;
    KEVENT Lock;
    KEVENT Event;
    volatile PIO_COMPLETION_CONTEXT CompletionContext;
    KSPIN_LOCK IrpListLock;
    LIST_ENTRY IrpList;
    volatile PVOID FileObjectExtension;
} FILE_OBJECT, *PFILE_OBJECT;

/* ======================================================================
 * IRP and I/O stack location
 * ==================================================================== */
typedef struct DECLSPEC_ALIGN(MEMORY_ALLOCATION_ALIGNMENT) _IRP {
    CSHORT Type;
    USHORT Size;
    PMDL MdlAddress;
    ULONG Flags;
    union {
        struct _IRP *MasterIrp;
        volatile LONG IrpCount;
        PVOID SystemBuffer;
    } AssociatedIrp;
    LIST_ENTRY ThreadListEntry;
    IO_STATUS_BLOCK IoStatus;
    KPROCESSOR_MODE RequestorMode;
    BOOLEAN PendingReturned;
    CHAR StackCount;
    CHAR CurrentLocation;
    BOOLEAN Cancel;
    KIRQL CancelIrql;
    CCHAR ApcEnvironment;
    UCHAR AllocationFlags;
    union {
        PIO_STATUS_BLOCK UserIosb;
        PVOID IoRingContext;
    } DUMMYUNIONNAME;
    PKEVENT UserEvent;
    union {
        struct {
            union {
                PIO_APC_ROUTINE UserApcRoutine;
                PVOID IssuingProcess;
            } DUMMYUNIONNAME;
            union {
                PVOID UserApcContext;
                PVOID IoRing;
            } DUMMYUNIONNAME2;
        } AsynchronousParameters;
        LARGE_INTEGER AllocationSize;
    } Overlay;
    volatile PDRIVER_CANCEL CancelRoutine;
    PVOID UserBuffer;
    union {
        struct {
            union {
                KDEVICE_QUEUE_ENTRY DeviceQueueEntry;
                struct {
                    PVOID DriverContext[4];
                } DUMMYSTRUCTNAME;
            } DUMMYUNIONNAME;
            PETHREAD Thread;
            PCHAR AuxiliaryBuffer;
            struct {
                LIST_ENTRY ListEntry;
                union {
                    struct _IO_STACK_LOCATION *CurrentStackLocation;
                    ULONG PacketType;
                } DUMMYUNIONNAME;
            } DUMMYSTRUCTNAME;
            struct _FILE_OBJECT *OriginalFileObject;
        } Overlay;
        KAPC Apc;
        PVOID CompletionKey;
    } Tail;
} IRP, *PIRP;

#define POINTER_ALIGNMENT DECLSPEC_ALIGN(8)

typedef struct _IO_STACK_LOCATION {
    UCHAR MajorFunction;
    UCHAR MinorFunction;
    UCHAR Flags;
    UCHAR Control;
    union {
        struct {
            PIO_SECURITY_CONTEXT SecurityContext;
            ULONG Options;
            USHORT POINTER_ALIGNMENT FileAttributes;
            USHORT ShareAccess;
            ULONG POINTER_ALIGNMENT EaLength;
        } Create;
        struct {
            ULONG Length;
            ULONG POINTER_ALIGNMENT Key;
            ULONG Flags;
            LARGE_INTEGER ByteOffset;
        } Read;
        struct {
            ULONG Length;
            ULONG POINTER_ALIGNMENT Key;
            ULONG Flags;
            LARGE_INTEGER ByteOffset;
        } Write;
        struct {
            ULONG Length;
            FILE_INFORMATION_CLASS POINTER_ALIGNMENT FileInformationClass;
        } QueryFile;
        struct {
            ULONG Length;
            FILE_INFORMATION_CLASS POINTER_ALIGNMENT FileInformationClass;
            PFILE_OBJECT FileObject;
            union {
                struct {
                    BOOLEAN ReplaceIfExists;
                    BOOLEAN AdvanceOnly;
                } DUMMYSTRUCTNAME;
                ULONG ClusterCount;
                HANDLE DeleteHandle;
            } DUMMYUNIONNAME;
        } SetFile;
        struct {
            ULONG Length;
            FS_INFORMATION_CLASS POINTER_ALIGNMENT FsInformationClass;
        } QueryVolume;
        struct {
            ULONG OutputBufferLength;
            ULONG POINTER_ALIGNMENT InputBufferLength;
            ULONG POINTER_ALIGNMENT IoControlCode;
            PVOID Type3InputBuffer;
        } DeviceIoControl;
        struct {
            SECURITY_INFORMATION SecurityInformation;
            ULONG POINTER_ALIGNMENT Length;
        } QuerySecurity;
        struct {
            SECURITY_INFORMATION SecurityInformation;
            PSECURITY_DESCRIPTOR SecurityDescriptor;
        } SetSecurity;
        struct {
            PVOID Srb;
        } Scsi;
        struct {
            DEVICE_RELATION_TYPE Type;
        } QueryDeviceRelations;
        struct {
            CONST GUID *InterfaceType;
            USHORT Size;
            USHORT Version;
            PINTERFACE Interface;
            PVOID InterfaceSpecificData;
        } QueryInterface;
        struct {
            PDEVICE_CAPABILITIES Capabilities;
        } DeviceCapabilities;
        struct {
            PIO_RESOURCE_REQUIREMENTS_LIST IoResourceRequirementList;
        } FilterResourceRequirements;
        struct {
            ULONG WhichSpace;
            PVOID Buffer;
            ULONG Offset;
            ULONG POINTER_ALIGNMENT Length;
        } ReadWriteConfig;
        struct {
            BOOLEAN Lock;
        } SetLock;
        struct {
            BUS_QUERY_ID_TYPE IdType;
        } QueryId;
        struct {
            ULONG DeviceTextType;
            LCID POINTER_ALIGNMENT LocaleId;
        } QueryDeviceText;
        struct {
            BOOLEAN InPath;
            BOOLEAN Reserved[3];
            ULONG POINTER_ALIGNMENT Type;
        } UsageNotification;
        struct {
            SYSTEM_POWER_STATE PowerState;
        } WaitWake;
        struct {
            PVOID PowerSequence;
        } PowerSequence;
        struct {
            ULONG SystemContext;
            POWER_STATE_TYPE POINTER_ALIGNMENT Type;
            POWER_STATE POINTER_ALIGNMENT State;
            POWER_ACTION POINTER_ALIGNMENT ShutdownType;
        } Power;
        struct {
            PCM_RESOURCE_LIST AllocatedResources;
            PCM_RESOURCE_LIST AllocatedResourcesTranslated;
        } StartDevice;
        struct {
            ULONG_PTR ProviderId;
            PVOID DataPath;
            ULONG BufferSize;
            PVOID Buffer;
        } WMI;
        struct {
            PVOID Argument1;
            PVOID Argument2;
            PVOID Argument3;
            PVOID Argument4;
        } Others;
    } Parameters;
    PDEVICE_OBJECT DeviceObject;
    PFILE_OBJECT FileObject;
    PIO_COMPLETION_ROUTINE CompletionRoutine;
    PVOID Context;
} IO_STACK_LOCATION, *PIO_STACK_LOCATION;

/* ======================================================================
 * I/O manager: IRPs
 * ==================================================================== */
_IRQL_requires_max_(DISPATCH_LEVEL)
_Must_inspect_result_
__drv_allocatesMem(Mem)
NTKERNELAPI PIRP NTAPI IoAllocateIrp(
    _In_ CCHAR StackSize,
    _In_ BOOLEAN ChargeQuota);

_IRQL_requires_max_(DISPATCH_LEVEL)
_Must_inspect_result_
__drv_allocatesMem(Mem)
NTKERNELAPI PIRP NTAPI IoAllocateIrpEx(
    _In_opt_ PDEVICE_OBJECT DeviceObject,
    _In_ CCHAR StackSize,
    _In_ BOOLEAN ChargeQuota);

_IRQL_requires_max_(DISPATCH_LEVEL)
NTKERNELAPI VOID NTAPI IoInitializeIrp(
    _Inout_updates_bytes_(PacketSize) PIRP Irp,
    _In_ USHORT PacketSize,
    _In_ CCHAR StackSize);

_IRQL_requires_max_(DISPATCH_LEVEL)
NTKERNELAPI VOID NTAPI IoReuseIrp(
    _Inout_ PIRP Irp,
    _In_ NTSTATUS Iostatus);

_IRQL_requires_max_(DISPATCH_LEVEL)
NTKERNELAPI VOID NTAPI IoFreeIrp(
    _In_ __drv_freesMem(Mem) PIRP Irp);

_IRQL_requires_max_(DISPATCH_LEVEL)
NTKERNELAPI BOOLEAN NTAPI IoCancelIrp(
    _In_ PIRP Irp);

_IRQL_requires_max_(DISPATCH_LEVEL)
NTKERNELAPI NTSTATUS FASTCALL IofCallDriver(
    _In_ PDEVICE_OBJECT DeviceObject,
    _Inout_ __drv_aliasesMem PIRP Irp);

_IRQL_requires_max_(DISPATCH_LEVEL)
NTKERNELAPI NTSTATUS NTAPI IoCallDriver(
    _In_ PDEVICE_OBJECT DeviceObject,
    _Inout_ __drv_aliasesMem PIRP Irp);

_IRQL_requires_max_(DISPATCH_LEVEL)
NTKERNELAPI VOID FASTCALL IofCompleteRequest(
    _In_ PIRP Irp,
    _In_ CCHAR PriorityBoost);

_IRQL_requires_max_(DISPATCH_LEVEL)
NTKERNELAPI VOID NTAPI IoCompleteRequest(
    _In_ PIRP Irp,
    _In_ CCHAR PriorityBoost);

/* Inline in the real WDK; declared as a function so calls keep the name. */
_IRQL_requires_max_(DISPATCH_LEVEL)
VOID IoSetCompletionRoutine(
    _In_ PIRP Irp,
    _In_opt_ PIO_COMPLETION_ROUTINE CompletionRoutine,
    _In_opt_ __drv_aliasesMem PVOID Context,
    _In_ BOOLEAN InvokeOnSuccess,
    _In_ BOOLEAN InvokeOnError,
    _In_ BOOLEAN InvokeOnCancel);

_IRQL_requires_max_(DISPATCH_LEVEL)
_Must_inspect_result_
NTKERNELAPI NTSTATUS NTAPI IoSetCompletionRoutineEx(
    _In_ PDEVICE_OBJECT DeviceObject,
    _In_ PIRP Irp,
    _In_ PIO_COMPLETION_ROUTINE CompletionRoutine,
    _In_opt_ PVOID Context,
    _In_ BOOLEAN InvokeOnSuccess,
    _In_ BOOLEAN InvokeOnError,
    _In_ BOOLEAN InvokeOnCancel);

PIO_STACK_LOCATION IoGetCurrentIrpStackLocation(
    _In_ PIRP Irp);

PIO_STACK_LOCATION IoGetNextIrpStackLocation(
    _In_ PIRP Irp);

VOID IoSkipCurrentIrpStackLocation(
    _Inout_ PIRP Irp);

VOID IoCopyCurrentIrpStackLocationToNext(
    _Inout_ PIRP Irp);

VOID IoSetNextIrpStackLocation(
    _Inout_ PIRP Irp);

VOID IoMarkIrpPending(
    _Inout_ PIRP Irp);

BOOLEAN IoIsErrorUserInduced(
    _In_ NTSTATUS Status);

NTKERNELAPI USHORT NTAPI IoSizeOfIrp(
    _In_ CCHAR StackSize);

_IRQL_requires_max_(DISPATCH_LEVEL)
PDRIVER_CANCEL IoSetCancelRoutine(
    _Inout_ PIRP Irp,
    _In_opt_ PDRIVER_CANCEL CancelRoutine);

_IRQL_requires_max_(DISPATCH_LEVEL)
_IRQL_raises_(DISPATCH_LEVEL)
NTKERNELAPI VOID NTAPI IoAcquireCancelSpinLock(
    _Out_ _IRQL_saves_ PKIRQL Irql);

_IRQL_requires_(DISPATCH_LEVEL)
NTKERNELAPI VOID NTAPI IoReleaseCancelSpinLock(
    _In_ _IRQL_restores_ KIRQL Irql);

_IRQL_requires_(PASSIVE_LEVEL)
_Must_inspect_result_
NTKERNELAPI PIRP NTAPI IoBuildSynchronousFsdRequest(
    _In_ ULONG MajorFunction,
    _In_ PDEVICE_OBJECT DeviceObject,
    _Inout_opt_ PVOID Buffer,
    _In_opt_ ULONG Length,
    _In_opt_ PLARGE_INTEGER StartingOffset,
    _In_ PKEVENT Event,
    _Out_ PIO_STATUS_BLOCK IoStatusBlock);

_IRQL_requires_max_(DISPATCH_LEVEL)
_Must_inspect_result_
NTKERNELAPI PIRP NTAPI IoBuildAsynchronousFsdRequest(
    _In_ ULONG MajorFunction,
    _In_ PDEVICE_OBJECT DeviceObject,
    _Inout_opt_ PVOID Buffer,
    _In_opt_ ULONG Length,
    _In_opt_ PLARGE_INTEGER StartingOffset,
    _In_opt_ PIO_STATUS_BLOCK IoStatusBlock);

_IRQL_requires_(PASSIVE_LEVEL)
_Must_inspect_result_
NTKERNELAPI PIRP NTAPI IoBuildDeviceIoControlRequest(
    _In_ ULONG IoControlCode,
    _In_ PDEVICE_OBJECT DeviceObject,
    _In_opt_ PVOID InputBuffer,
    _In_ ULONG InputBufferLength,
    _Out_opt_ PVOID OutputBuffer,
    _In_ ULONG OutputBufferLength,
    _In_ BOOLEAN InternalDeviceIoControl,
    _In_opt_ PKEVENT Event,
    _Out_ PIO_STATUS_BLOCK IoStatusBlock);

_IRQL_requires_max_(DISPATCH_LEVEL)
_Must_inspect_result_
NTKERNELAPI PIRP NTAPI IoMakeAssociatedIrp(
    _In_ PIRP Irp,
    _In_ CCHAR StackSize);

_IRQL_requires_max_(DISPATCH_LEVEL)
NTKERNELAPI VOID NTAPI IoStartPacket(
    _In_ PDEVICE_OBJECT DeviceObject,
    _In_ PIRP Irp,
    _In_opt_ PULONG Key,
    _In_opt_ PDRIVER_CANCEL CancelFunction);

_IRQL_requires_(DISPATCH_LEVEL)
NTKERNELAPI VOID NTAPI IoStartNextPacket(
    _In_ PDEVICE_OBJECT DeviceObject,
    _In_ BOOLEAN Cancelable);

VOID IoInitializeDpcRequest(
    _In_ PDEVICE_OBJECT DeviceObject,
    _In_ PIO_DPC_ROUTINE DpcRoutine);

VOID IoRequestDpc(
    _Inout_ PDEVICE_OBJECT DeviceObject,
    _In_opt_ PIRP Irp,
    _In_opt_ PVOID Context);

NTKERNELAPI PEPROCESS NTAPI IoGetRequestorProcess(
    _In_ PIRP Irp);

NTKERNELAPI BOOLEAN NTAPI IoIsOperationSynchronous(
    _In_ PIRP Irp);

/* ======================================================================
 * I/O manager: MDLs
 * ==================================================================== */
_IRQL_requires_max_(DISPATCH_LEVEL)
_Must_inspect_result_
__drv_allocatesMem(Mem)
NTKERNELAPI PMDL NTAPI IoAllocateMdl(
    _In_opt_ __drv_aliasesMem PVOID VirtualAddress,
    _In_ ULONG Length,
    _In_ BOOLEAN SecondaryBuffer,
    _In_ BOOLEAN ChargeQuota,
    _Inout_opt_ PIRP Irp);

_IRQL_requires_max_(DISPATCH_LEVEL)
NTKERNELAPI VOID NTAPI IoFreeMdl(
    _In_ __drv_freesMem(Mem) PMDL Mdl);

_IRQL_requires_max_(DISPATCH_LEVEL)
NTKERNELAPI VOID NTAPI IoBuildPartialMdl(
    _In_ PMDL SourceMdl,
    _Inout_ PMDL TargetMdl,
    _In_ PVOID VirtualAddress,
    _In_ ULONG Length);

_IRQL_requires_max_(DISPATCH_LEVEL)
NTKERNELAPI VOID NTAPI MmBuildMdlForNonPagedPool(
    _Inout_ PMDL MemoryDescriptorList);

_IRQL_requires_max_(DISPATCH_LEVEL)
NTKERNELAPI VOID NTAPI MmProbeAndLockPages(
    _Inout_ PMDL MemoryDescriptorList,
    _In_ KPROCESSOR_MODE AccessMode,
    _In_ LOCK_OPERATION Operation);

_IRQL_requires_max_(DISPATCH_LEVEL)
NTKERNELAPI VOID NTAPI MmUnlockPages(
    _Inout_ PMDL MemoryDescriptorList);

_IRQL_requires_max_(DISPATCH_LEVEL)
PVOID MmGetSystemAddressForMdlSafe(
    _Inout_ PMDL Mdl,
    _In_ ULONG Priority);

PVOID MmGetSystemAddressForMdl(
    _Inout_ PMDL Mdl);

PVOID MmGetMdlVirtualAddress(
    _In_ PMDL Mdl);

ULONG MmGetMdlByteCount(
    _In_ PMDL Mdl);

ULONG MmGetMdlByteOffset(
    _In_ PMDL Mdl);

PPFN_NUMBER MmGetMdlPfnArray(
    _In_ PMDL Mdl);

VOID MmInitializeMdl(
    _Out_ PMDL MemoryDescriptorList,
    _In_ PVOID BaseVa,
    _In_ SIZE_T Length);

VOID MmPrepareMdlForReuse(
    _Inout_ PMDL Mdl);

NTKERNELAPI SIZE_T NTAPI MmSizeOfMdl(
    _In_reads_bytes_opt_(Length) PVOID Base,
    _In_ SIZE_T Length);

_IRQL_requires_max_(APC_LEVEL)
NTKERNELAPI PMDL NTAPI MmAllocatePagesForMdl(
    _In_ PHYSICAL_ADDRESS LowAddress,
    _In_ PHYSICAL_ADDRESS HighAddress,
    _In_ PHYSICAL_ADDRESS SkipBytes,
    _In_ SIZE_T TotalBytes);

_IRQL_requires_max_(APC_LEVEL)
NTKERNELAPI PMDL NTAPI MmAllocatePagesForMdlEx(
    _In_ PHYSICAL_ADDRESS LowAddress,
    _In_ PHYSICAL_ADDRESS HighAddress,
    _In_ PHYSICAL_ADDRESS SkipBytes,
    _In_ SIZE_T TotalBytes,
    _In_ MEMORY_CACHING_TYPE CacheType,
    _In_ ULONG Flags);

_IRQL_requires_max_(APC_LEVEL)
NTKERNELAPI VOID NTAPI MmFreePagesFromMdl(
    _Inout_ PMDL MemoryDescriptorList);

_IRQL_requires_max_(DISPATCH_LEVEL)
NTKERNELAPI PVOID NTAPI MmMapLockedPagesSpecifyCache(
    _Inout_ PMDL MemoryDescriptorList,
    _In_ KPROCESSOR_MODE AccessMode,
    _In_ MEMORY_CACHING_TYPE CacheType,
    _In_opt_ PVOID RequestedAddress,
    _In_ ULONG BugCheckOnFailure,
    _In_ ULONG Priority);

_IRQL_requires_max_(DISPATCH_LEVEL)
NTKERNELAPI PVOID NTAPI MmMapLockedPages(
    _Inout_ PMDL MemoryDescriptorList,
    _In_ KPROCESSOR_MODE AccessMode);

_IRQL_requires_max_(DISPATCH_LEVEL)
NTKERNELAPI VOID NTAPI MmUnmapLockedPages(
    _In_ PVOID BaseAddress,
    _Inout_ PMDL MemoryDescriptorList);

_IRQL_requires_max_(DISPATCH_LEVEL)
NTKERNELAPI PVOID NTAPI MmMapIoSpace(
    _In_ PHYSICAL_ADDRESS PhysicalAddress,
    _In_ SIZE_T NumberOfBytes,
    _In_ MEMORY_CACHING_TYPE CacheType);

_IRQL_requires_max_(DISPATCH_LEVEL)
NTKERNELAPI VOID NTAPI MmUnmapIoSpace(
    _In_reads_bytes_(NumberOfBytes) PVOID BaseAddress,
    _In_ SIZE_T NumberOfBytes);

_IRQL_requires_max_(DISPATCH_LEVEL)
NTKERNELAPI BOOLEAN NTAPI MmIsNonPagedSystemAddressValid(
    _In_ PVOID VirtualAddress);

_IRQL_requires_max_(APC_LEVEL)
NTKERNELAPI PVOID NTAPI MmGetSystemRoutineAddress(
    _In_ PUNICODE_STRING SystemRoutineName);

_IRQL_requires_max_(APC_LEVEL)
NTKERNELAPI PVOID NTAPI MmLockPagableDataSection(
    _In_ PVOID AddressWithinSection);

_IRQL_requires_max_(APC_LEVEL)
NTKERNELAPI VOID NTAPI MmUnlockPagableImageSection(
    _In_ PVOID ImageSectionHandle);

/* ======================================================================
 * Executive: pool
 * ==================================================================== */
_IRQL_requires_max_(DISPATCH_LEVEL)
__drv_allocatesMem(Mem)
DECLSPEC_DEPRECATED_DDK
NTKERNELAPI PVOID NTAPI ExAllocatePool(
    _In_ POOL_TYPE PoolType,
    _In_ SIZE_T NumberOfBytes);

_IRQL_requires_max_(DISPATCH_LEVEL)
__drv_allocatesMem(Mem)
NTKERNELAPI PVOID NTAPI ExAllocatePoolWithTag(
    _In_ POOL_TYPE PoolType,
    _In_ SIZE_T NumberOfBytes,
    _In_ ULONG Tag);

_IRQL_requires_max_(DISPATCH_LEVEL)
__drv_allocatesMem(Mem)
PVOID ExAllocatePoolZero(
    _In_ POOL_TYPE PoolType,
    _In_ SIZE_T NumberOfBytes,
    _In_ ULONG Tag);

_IRQL_requires_max_(DISPATCH_LEVEL)
__drv_allocatesMem(Mem)
PVOID ExAllocatePoolUninitialized(
    _In_ POOL_TYPE PoolType,
    _In_ SIZE_T NumberOfBytes,
    _In_ ULONG Tag);

_IRQL_requires_max_(DISPATCH_LEVEL)
__drv_allocatesMem(Mem)
NTKERNELAPI PVOID NTAPI ExAllocatePoolWithTagPriority(
    _In_ POOL_TYPE PoolType,
    _In_ SIZE_T NumberOfBytes,
    _In_ ULONG Tag,
    _In_ EX_POOL_PRIORITY Priority);

_IRQL_requires_max_(APC_LEVEL)
__drv_allocatesMem(Mem)
NTKERNELAPI PVOID NTAPI ExAllocatePoolWithQuotaTag(
    _In_ POOL_TYPE PoolType,
    _In_ SIZE_T NumberOfBytes,
    _In_ ULONG Tag);

_IRQL_requires_max_(DISPATCH_LEVEL)
__drv_allocatesMem(Mem)
NTKERNELAPI PVOID NTAPI ExAllocatePool2(
    _In_ POOL_FLAGS Flags,
    _In_ SIZE_T NumberOfBytes,
    _In_ ULONG Tag);

_IRQL_requires_max_(DISPATCH_LEVEL)
__drv_allocatesMem(Mem)
NTKERNELAPI PVOID NTAPI ExAllocatePool3(
    _In_ POOL_FLAGS Flags,
    _In_ SIZE_T NumberOfBytes,
    _In_ ULONG Tag,
    _In_reads_opt_(ExtendedParametersCount) PCPOOL_EXTENDED_PARAMETER ExtendedParameters,
    _In_ ULONG ExtendedParametersCount);

_IRQL_requires_max_(DISPATCH_LEVEL)
NTKERNELAPI VOID NTAPI ExFreePool(
    _Pre_notnull_ __drv_freesMem(Mem) PVOID P);

_IRQL_requires_max_(DISPATCH_LEVEL)
NTKERNELAPI VOID NTAPI ExFreePoolWithTag(
    _Pre_notnull_ __drv_freesMem(Mem) PVOID P,
    _In_ ULONG Tag);

_IRQL_requires_max_(DISPATCH_LEVEL)
NTKERNELAPI VOID NTAPI ExFreePool2(
    _Pre_notnull_ __drv_freesMem(Mem) PVOID P,
    _In_ ULONG Tag,
    _In_reads_opt_(ExtendedParametersCount) PCPOOL_EXTENDED_PARAMETER ExtendedParameters,
    _In_ ULONG ExtendedParametersCount);

/* ======================================================================
 * Executive: lookaside lists
 * ==================================================================== */
_IRQL_requires_max_(DISPATCH_LEVEL)
NTKERNELAPI VOID NTAPI ExInitializeNPagedLookasideList(
    _Out_ PNPAGED_LOOKASIDE_LIST Lookaside,
    _In_opt_ PALLOCATE_FUNCTION Allocate,
    _In_opt_ PFREE_FUNCTION Free,
    _In_ ULONG Flags,
    _In_ SIZE_T Size,
    _In_ ULONG Tag,
    _In_ USHORT Depth);

_IRQL_requires_max_(DISPATCH_LEVEL)
NTKERNELAPI VOID NTAPI ExDeleteNPagedLookasideList(
    _Inout_ PNPAGED_LOOKASIDE_LIST Lookaside);

_IRQL_requires_max_(DISPATCH_LEVEL)
__drv_allocatesMem(Mem)
PVOID ExAllocateFromNPagedLookasideList(
    _Inout_ PNPAGED_LOOKASIDE_LIST Lookaside);

_IRQL_requires_max_(DISPATCH_LEVEL)
VOID ExFreeToNPagedLookasideList(
    _Inout_ PNPAGED_LOOKASIDE_LIST Lookaside,
    _In_ __drv_freesMem(Mem) PVOID Entry);

_IRQL_requires_max_(APC_LEVEL)
NTKERNELAPI VOID NTAPI ExInitializePagedLookasideList(
    _Out_ PPAGED_LOOKASIDE_LIST Lookaside,
    _In_opt_ PALLOCATE_FUNCTION Allocate,
    _In_opt_ PFREE_FUNCTION Free,
    _In_ ULONG Flags,
    _In_ SIZE_T Size,
    _In_ ULONG Tag,
    _In_ USHORT Depth);

_IRQL_requires_max_(APC_LEVEL)
NTKERNELAPI VOID NTAPI ExDeletePagedLookasideList(
    _Inout_ PPAGED_LOOKASIDE_LIST Lookaside);

_IRQL_requires_max_(APC_LEVEL)
__drv_allocatesMem(Mem)
PVOID ExAllocateFromPagedLookasideList(
    _Inout_ PPAGED_LOOKASIDE_LIST Lookaside);

_IRQL_requires_max_(APC_LEVEL)
VOID ExFreeToPagedLookasideList(
    _Inout_ PPAGED_LOOKASIDE_LIST Lookaside,
    _In_ __drv_freesMem(Mem) PVOID Entry);

_IRQL_requires_max_(DISPATCH_LEVEL)
_Must_inspect_result_
NTKERNELAPI NTSTATUS NTAPI ExInitializeLookasideListEx(
    _Out_ PLOOKASIDE_LIST_EX Lookaside,
    _In_opt_ PALLOCATE_FUNCTION_EX Allocate,
    _In_opt_ PFREE_FUNCTION_EX Free,
    _In_ POOL_TYPE PoolType,
    _In_ ULONG Flags,
    _In_ SIZE_T Size,
    _In_ ULONG Tag,
    _In_ USHORT Depth);

_IRQL_requires_max_(DISPATCH_LEVEL)
NTKERNELAPI VOID NTAPI ExDeleteLookasideListEx(
    _Inout_ PLOOKASIDE_LIST_EX Lookaside);

_IRQL_requires_max_(DISPATCH_LEVEL)
NTKERNELAPI VOID NTAPI ExFlushLookasideListEx(
    _Inout_ PLOOKASIDE_LIST_EX Lookaside);

_IRQL_requires_max_(DISPATCH_LEVEL)
__drv_allocatesMem(Mem)
PVOID ExAllocateFromLookasideListEx(
    _Inout_ PLOOKASIDE_LIST_EX Lookaside);

_IRQL_requires_max_(DISPATCH_LEVEL)
VOID ExFreeToLookasideListEx(
    _Inout_ PLOOKASIDE_LIST_EX Lookaside,
    _In_ __drv_freesMem(Entry) PVOID Entry);

/* ======================================================================
 * Kernel: events, waits, semaphores, mutexes
 * ==================================================================== */
NTKERNELAPI VOID NTAPI KeInitializeEvent(
    _Out_ PRKEVENT Event,
    _In_ EVENT_TYPE Type,
    _In_ BOOLEAN State);

_IRQL_requires_max_(DISPATCH_LEVEL)
_When_(Wait == TRUE, _IRQL_requires_max_(APC_LEVEL))
NTKERNELAPI LONG NTAPI KeSetEvent(
    _Inout_ PRKEVENT Event,
    _In_ KPRIORITY Increment,
    _In_ _Literal_ BOOLEAN Wait);

_IRQL_requires_max_(DISPATCH_LEVEL)
NTKERNELAPI LONG NTAPI KeResetEvent(
    _Inout_ PRKEVENT Event);

_IRQL_requires_max_(DISPATCH_LEVEL)
NTKERNELAPI VOID NTAPI KeClearEvent(
    _Inout_ PRKEVENT Event);

_IRQL_requires_max_(DISPATCH_LEVEL)
NTKERNELAPI LONG NTAPI KeReadStateEvent(
    _In_ PRKEVENT Event);

_IRQL_requires_min_(PASSIVE_LEVEL)
_IRQL_requires_max_(DISPATCH_LEVEL)
_When_((Timeout == NULL || *Timeout != 0), _IRQL_requires_max_(APC_LEVEL))
NTKERNELAPI NTSTATUS NTAPI KeWaitForSingleObject(
    _In_ _Points_to_data_ PVOID Object,
    _In_ _Strict_type_match_ KWAIT_REASON WaitReason,
    _In_ __drv_strictType(KPROCESSOR_MODE/enum _MODE, __drv_typeConst) KPROCESSOR_MODE WaitMode,
    _In_ BOOLEAN Alertable,
    _In_opt_ PLARGE_INTEGER Timeout);

_IRQL_requires_min_(PASSIVE_LEVEL)
_IRQL_requires_max_(DISPATCH_LEVEL)
_When_((Timeout == NULL || *Timeout != 0), _IRQL_requires_max_(APC_LEVEL))
NTKERNELAPI NTSTATUS NTAPI KeWaitForMultipleObjects(
    _In_ ULONG Count,
    _In_reads_(Count) PVOID Object[],
    _In_ _Strict_type_match_ WAIT_TYPE WaitType,
    _In_ _Strict_type_match_ KWAIT_REASON WaitReason,
    _In_ KPROCESSOR_MODE WaitMode,
    _In_ BOOLEAN Alertable,
    _In_opt_ PLARGE_INTEGER Timeout,
    _Out_opt_ PKWAIT_BLOCK WaitBlockArray);

/* A macro over KeWaitForSingleObject in the real WDK. */
_IRQL_requires_min_(PASSIVE_LEVEL)
_IRQL_requires_max_(DISPATCH_LEVEL)
NTSTATUS KeWaitForMutexObject(
    _In_ _Points_to_data_ PVOID Mutex,
    _In_ KWAIT_REASON WaitReason,
    _In_ KPROCESSOR_MODE WaitMode,
    _In_ BOOLEAN Alertable,
    _In_opt_ PLARGE_INTEGER Timeout);

_IRQL_requires_max_(APC_LEVEL)
NTKERNELAPI NTSTATUS NTAPI KeDelayExecutionThread(
    _In_ KPROCESSOR_MODE WaitMode,
    _In_ BOOLEAN Alertable,
    _In_ PLARGE_INTEGER Interval);

_IRQL_requires_(PASSIVE_LEVEL)
NTKERNELAPI VOID NTAPI KeInitializeSemaphore(
    _Out_ PRKSEMAPHORE Semaphore,
    _In_ LONG Count,
    _In_ LONG Limit);

_IRQL_requires_max_(DISPATCH_LEVEL)
NTKERNELAPI LONG NTAPI KeReleaseSemaphore(
    _Inout_ PRKSEMAPHORE Semaphore,
    _In_ KPRIORITY Increment,
    _In_ LONG Adjustment,
    _In_ _Literal_ BOOLEAN Wait);

_IRQL_requires_max_(DISPATCH_LEVEL)
NTKERNELAPI LONG NTAPI KeReadStateSemaphore(
    _In_ PRKSEMAPHORE Semaphore);

_IRQL_requires_(PASSIVE_LEVEL)
NTKERNELAPI VOID NTAPI KeInitializeMutex(
    _Out_ PRKMUTEX Mutex,
    _In_ ULONG Level);

_IRQL_requires_max_(DISPATCH_LEVEL)
NTKERNELAPI LONG NTAPI KeReleaseMutex(
    _Inout_ PRKMUTEX Mutex,
    _In_ BOOLEAN Wait);

_IRQL_requires_max_(DISPATCH_LEVEL)
NTKERNELAPI LONG NTAPI KeReadStateMutex(
    _In_ PRKMUTEX Mutex);

/* ======================================================================
 * Kernel: spin locks and IRQL
 * ==================================================================== */
NTKERNELAPI VOID NTAPI KeInitializeSpinLock(
    _Out_ PKSPIN_LOCK SpinLock);

/* A macro over KeAcquireSpinLockRaiseToDpc on x64; declared as a function here. */
_Requires_lock_not_held_(*SpinLock)
_Acquires_lock_(*SpinLock)
_IRQL_requires_max_(DISPATCH_LEVEL)
_IRQL_raises_(DISPATCH_LEVEL)
VOID KeAcquireSpinLock(
    _Inout_ PKSPIN_LOCK SpinLock,
    _Out_ _IRQL_saves_ PKIRQL OldIrql);

_Requires_lock_held_(*SpinLock)
_Releases_lock_(*SpinLock)
_IRQL_requires_(DISPATCH_LEVEL)
NTKERNELAPI VOID NTAPI KeReleaseSpinLock(
    _Inout_ PKSPIN_LOCK SpinLock,
    _In_ _IRQL_restores_ KIRQL NewIrql);

_Requires_lock_not_held_(*SpinLock)
_Acquires_lock_(*SpinLock)
_IRQL_requires_max_(DISPATCH_LEVEL)
_IRQL_saves_
_IRQL_raises_(DISPATCH_LEVEL)
NTKERNELAPI KIRQL NTAPI KeAcquireSpinLockRaiseToDpc(
    _Inout_ PKSPIN_LOCK SpinLock);

_Requires_lock_not_held_(*SpinLock)
_Acquires_lock_(*SpinLock)
_IRQL_requires_min_(DISPATCH_LEVEL)
NTKERNELAPI VOID NTAPI KeAcquireSpinLockAtDpcLevel(
    _Inout_ PKSPIN_LOCK SpinLock);

_Requires_lock_held_(*SpinLock)
_Releases_lock_(*SpinLock)
_IRQL_requires_min_(DISPATCH_LEVEL)
NTKERNELAPI VOID NTAPI KeReleaseSpinLockFromDpcLevel(
    _Inout_ PKSPIN_LOCK SpinLock);

_IRQL_requires_min_(DISPATCH_LEVEL)
NTKERNELAPI BOOLEAN FASTCALL KeTryToAcquireSpinLockAtDpcLevel(
    _Inout_ PKSPIN_LOCK SpinLock);

_IRQL_requires_max_(DISPATCH_LEVEL)
_IRQL_saves_
_IRQL_raises_(DISPATCH_LEVEL)
NTKERNELAPI KIRQL NTAPI KeAcquireSpinLockForDpc(
    _Inout_ PKSPIN_LOCK SpinLock);

_IRQL_requires_(DISPATCH_LEVEL)
NTKERNELAPI VOID NTAPI KeReleaseSpinLockForDpc(
    _Inout_ PKSPIN_LOCK SpinLock,
    _In_ _IRQL_restores_ KIRQL OldIrql);

_IRQL_requires_max_(DISPATCH_LEVEL)
_IRQL_raises_(DISPATCH_LEVEL)
NTKERNELAPI VOID FASTCALL KeAcquireInStackQueuedSpinLock(
    _Inout_ PKSPIN_LOCK SpinLock,
    _Out_ _IRQL_saves_ PKLOCK_QUEUE_HANDLE LockHandle);

_IRQL_requires_(DISPATCH_LEVEL)
NTKERNELAPI VOID FASTCALL KeReleaseInStackQueuedSpinLock(
    _In_ _IRQL_restores_ PKLOCK_QUEUE_HANDLE LockHandle);

_IRQL_requires_min_(DISPATCH_LEVEL)
NTKERNELAPI VOID FASTCALL KeAcquireInStackQueuedSpinLockAtDpcLevel(
    _Inout_ PKSPIN_LOCK SpinLock,
    _Out_ PKLOCK_QUEUE_HANDLE LockHandle);

_IRQL_requires_min_(DISPATCH_LEVEL)
NTKERNELAPI VOID FASTCALL KeReleaseInStackQueuedSpinLockFromDpcLevel(
    _In_ PKLOCK_QUEUE_HANDLE LockHandle);

_IRQL_requires_max_(HIGH_LEVEL)
_IRQL_raises_(NewIrql)
VOID KeRaiseIrql(
    _In_ KIRQL NewIrql,
    _Out_ _IRQL_saves_ PKIRQL OldIrql);

_IRQL_requires_max_(HIGH_LEVEL)
NTHALAPI VOID NTAPI KeLowerIrql(
    _In_ _Notliteral_ _IRQL_restores_ KIRQL NewIrql);

_IRQL_requires_max_(DISPATCH_LEVEL)
_IRQL_saves_
_IRQL_raises_(DISPATCH_LEVEL)
KIRQL KeRaiseIrqlToDpcLevel(VOID);

_IRQL_requires_max_(HIGH_LEVEL)
_IRQL_saves_
KIRQL KeRaiseIrqlToSynchLevel(VOID);

_IRQL_requires_max_(HIGH_LEVEL)
NTHALAPI KIRQL NTAPI KeGetCurrentIrql(VOID);

_IRQL_requires_max_(APC_LEVEL)
NTKERNELAPI VOID NTAPI KeEnterCriticalRegion(VOID);

_IRQL_requires_max_(APC_LEVEL)
NTKERNELAPI VOID NTAPI KeLeaveCriticalRegion(VOID);

_IRQL_requires_max_(APC_LEVEL)
NTKERNELAPI VOID NTAPI KeEnterGuardedRegion(VOID);

_IRQL_requires_max_(APC_LEVEL)
NTKERNELAPI VOID NTAPI KeLeaveGuardedRegion(VOID);

NTKERNELAPI BOOLEAN NTAPI KeAreApcsDisabled(VOID);

/* ======================================================================
 * Kernel: DPCs and timers
 * ==================================================================== */
NTKERNELAPI VOID NTAPI KeInitializeDpc(
    _Out_ PRKDPC Dpc,
    _In_ PKDEFERRED_ROUTINE DeferredRoutine,
    _In_opt_ __drv_aliasesMem PVOID DeferredContext);

NTKERNELAPI VOID NTAPI KeInitializeThreadedDpc(
    _Out_ PRKDPC Dpc,
    _In_ PKDEFERRED_ROUTINE DeferredRoutine,
    _In_opt_ __drv_aliasesMem PVOID DeferredContext);

_IRQL_requires_max_(HIGH_LEVEL)
NTKERNELAPI BOOLEAN NTAPI KeInsertQueueDpc(
    _Inout_ PRKDPC Dpc,
    _In_opt_ PVOID SystemArgument1,
    _In_opt_ __drv_aliasesMem PVOID SystemArgument2);

_IRQL_requires_max_(HIGH_LEVEL)
NTKERNELAPI BOOLEAN NTAPI KeRemoveQueueDpc(
    _Inout_ PRKDPC Dpc);

NTKERNELAPI VOID NTAPI KeSetImportanceDpc(
    _Inout_ PRKDPC Dpc,
    _In_ KDPC_IMPORTANCE Importance);

_IRQL_requires_max_(APC_LEVEL)
NTKERNELAPI VOID NTAPI KeFlushQueuedDpcs(VOID);

_IRQL_requires_max_(DISPATCH_LEVEL)
NTKERNELAPI VOID NTAPI KeInitializeTimer(
    _Out_ PKTIMER Timer);

_IRQL_requires_max_(DISPATCH_LEVEL)
NTKERNELAPI VOID NTAPI KeInitializeTimerEx(
    _Out_ PKTIMER Timer,
    _In_ TIMER_TYPE Type);

_IRQL_requires_max_(DISPATCH_LEVEL)
NTKERNELAPI BOOLEAN NTAPI KeSetTimer(
    _Inout_ PKTIMER Timer,
    _In_ LARGE_INTEGER DueTime,
    _In_opt_ PKDPC Dpc);

_IRQL_requires_max_(DISPATCH_LEVEL)
NTKERNELAPI BOOLEAN NTAPI KeSetTimerEx(
    _Inout_ PKTIMER Timer,
    _In_ LARGE_INTEGER DueTime,
    _In_ LONG Period,
    _In_opt_ PKDPC Dpc);

_IRQL_requires_max_(DISPATCH_LEVEL)
NTKERNELAPI BOOLEAN NTAPI KeCancelTimer(
    _Inout_ PKTIMER Timer);

_IRQL_requires_max_(DISPATCH_LEVEL)
NTKERNELAPI BOOLEAN NTAPI KeReadStateTimer(
    _In_ PKTIMER Timer);

/* ======================================================================
 * Kernel: time, threads, processors, bug checks
 * ==================================================================== */
VOID KeQuerySystemTime(
    _Out_ PLARGE_INTEGER CurrentTime);

NTKERNELAPI VOID NTAPI KeQuerySystemTimePrecise(
    _Out_ PLARGE_INTEGER CurrentTime);

VOID KeQueryTickCount(
    _Out_ PLARGE_INTEGER CurrentCount);

NTKERNELAPI ULONGLONG NTAPI KeQueryInterruptTime(VOID);

NTKERNELAPI ULONGLONG NTAPI KeQueryInterruptTimePrecise(
    _Out_ PULONG64 QpcTimeStamp);

NTKERNELAPI ULONG NTAPI KeQueryTimeIncrement(VOID);

NTKERNELAPI LARGE_INTEGER NTAPI KeQueryPerformanceCounter(
    _Out_opt_ PLARGE_INTEGER PerformanceFrequency);

NTKERNELAPI PKTHREAD NTAPI KeGetCurrentThread(VOID);

NTKERNELAPI ULONG NTAPI KeGetCurrentProcessorNumber(VOID);

NTKERNELAPI ULONG NTAPI KeGetCurrentProcessorNumberEx(
    _Out_opt_ PPROCESSOR_NUMBER ProcNumber);

NTKERNELAPI ULONG NTAPI KeQueryActiveProcessorCount(
    _Out_opt_ PKAFFINITY ActiveProcessors);

NTKERNELAPI ULONG NTAPI KeQueryActiveProcessorCountEx(
    _In_ USHORT GroupNumber);

_IRQL_requires_max_(HIGH_LEVEL)
NTHALAPI VOID NTAPI KeStallExecutionProcessor(
    _In_ ULONG MicroSeconds);

DECLSPEC_NORETURN
NTKERNELAPI VOID NTAPI KeBugCheckEx(
    _In_ ULONG BugCheckCode,
    _In_ ULONG_PTR BugCheckParameter1,
    _In_ ULONG_PTR BugCheckParameter2,
    _In_ ULONG_PTR BugCheckParameter3,
    _In_ ULONG_PTR BugCheckParameter4);

DECLSPEC_NORETURN
NTKERNELAPI VOID NTAPI KeBugCheck(
    _In_ ULONG BugCheckCode);

_IRQL_requires_max_(APC_LEVEL)
NTKERNELAPI KPRIORITY NTAPI KeSetPriorityThread(
    _Inout_ PKTHREAD Thread,
    _In_ KPRIORITY Priority);

NTKERNELAPI KPRIORITY NTAPI KeQueryPriorityThread(
    _In_ PKTHREAD Thread);

VOID KeMemoryBarrier(VOID);
VOID KeMemoryBarrierWithoutFence(VOID);

_IRQL_requires_max_(DISPATCH_LEVEL)
NTKERNELAPI NTSTATUS NTAPI KeSaveFloatingPointState(
    _Out_ PVOID FloatSave);

_IRQL_requires_max_(DISPATCH_LEVEL)
NTKERNELAPI NTSTATUS NTAPI KeRestoreFloatingPointState(
    _In_ PVOID FloatSave);

/* ======================================================================
 * Executive: synchronization
 * ==================================================================== */
_IRQL_requires_max_(DISPATCH_LEVEL)
VOID ExInitializeFastMutex(
    _Out_ PFAST_MUTEX FastMutex);

_IRQL_requires_max_(APC_LEVEL)
_IRQL_raises_(APC_LEVEL)
_IRQL_saves_global_(OldIrql, FastMutex)
NTKERNELAPI VOID FASTCALL ExAcquireFastMutex(
    _Inout_ PFAST_MUTEX FastMutex);

_IRQL_requires_(APC_LEVEL)
_IRQL_restores_global_(OldIrql, FastMutex)
NTKERNELAPI VOID FASTCALL ExReleaseFastMutex(
    _Inout_ PFAST_MUTEX FastMutex);

_IRQL_requires_max_(APC_LEVEL)
NTKERNELAPI VOID FASTCALL ExAcquireFastMutexUnsafe(
    _Inout_ PFAST_MUTEX FastMutex);

_IRQL_requires_max_(APC_LEVEL)
NTKERNELAPI VOID FASTCALL ExReleaseFastMutexUnsafe(
    _Inout_ PFAST_MUTEX FastMutex);

_Must_inspect_result_
_IRQL_requires_max_(APC_LEVEL)
_IRQL_raises_(APC_LEVEL)
NTKERNELAPI BOOLEAN FASTCALL ExTryToAcquireFastMutex(
    _Inout_ PFAST_MUTEX FastMutex);

_IRQL_requires_max_(DISPATCH_LEVEL)
NTKERNELAPI VOID FASTCALL KeInitializeGuardedMutex(
    _Out_ PKGUARDED_MUTEX Mutex);

_IRQL_requires_max_(APC_LEVEL)
NTKERNELAPI VOID FASTCALL KeAcquireGuardedMutex(
    _Inout_ PKGUARDED_MUTEX Mutex);

_IRQL_requires_max_(APC_LEVEL)
NTKERNELAPI VOID FASTCALL KeReleaseGuardedMutex(
    _Inout_ PKGUARDED_MUTEX Mutex);

_IRQL_requires_max_(DISPATCH_LEVEL)
NTKERNELAPI NTSTATUS NTAPI ExInitializeResourceLite(
    _Out_ PERESOURCE Resource);

_IRQL_requires_max_(DISPATCH_LEVEL)
NTKERNELAPI NTSTATUS NTAPI ExReinitializeResourceLite(
    _Inout_ PERESOURCE Resource);

_IRQL_requires_max_(APC_LEVEL)
NTKERNELAPI NTSTATUS NTAPI ExDeleteResourceLite(
    _Inout_ PERESOURCE Resource);

_IRQL_requires_max_(APC_LEVEL)
_When_(Wait != 0, _Acquires_exclusive_lock_(*Resource))
NTKERNELAPI BOOLEAN NTAPI ExAcquireResourceExclusiveLite(
    _Inout_ _Requires_lock_not_held_(*_Curr_) PERESOURCE Resource,
    _In_ _Literal_ BOOLEAN Wait);

_IRQL_requires_max_(APC_LEVEL)
_When_(Wait != 0, _Acquires_shared_lock_(*Resource))
NTKERNELAPI BOOLEAN NTAPI ExAcquireResourceSharedLite(
    _Inout_ _Requires_lock_not_held_(*_Curr_) PERESOURCE Resource,
    _In_ BOOLEAN Wait);

_IRQL_requires_max_(APC_LEVEL)
NTKERNELAPI BOOLEAN NTAPI ExAcquireSharedStarveExclusive(
    _Inout_ PERESOURCE Resource,
    _In_ BOOLEAN Wait);

_IRQL_requires_max_(APC_LEVEL)
NTKERNELAPI BOOLEAN NTAPI ExAcquireSharedWaitForExclusive(
    _Inout_ PERESOURCE Resource,
    _In_ BOOLEAN Wait);

_IRQL_requires_max_(DISPATCH_LEVEL)
_Releases_lock_(*Resource)
NTKERNELAPI VOID FASTCALL ExReleaseResourceLite(
    _Inout_ _Requires_lock_held_(*_Curr_) PERESOURCE Resource);

_IRQL_requires_max_(DISPATCH_LEVEL)
NTKERNELAPI VOID NTAPI ExReleaseResourceForThreadLite(
    _Inout_ PERESOURCE Resource,
    _In_ ERESOURCE_THREAD ResourceThreadId);

_IRQL_requires_max_(DISPATCH_LEVEL)
NTKERNELAPI BOOLEAN NTAPI ExIsResourceAcquiredExclusiveLite(
    _In_ PERESOURCE Resource);

_IRQL_requires_max_(DISPATCH_LEVEL)
NTKERNELAPI ULONG NTAPI ExIsResourceAcquiredSharedLite(
    _In_ PERESOURCE Resource);

_IRQL_requires_max_(APC_LEVEL)
NTKERNELAPI PVOID NTAPI ExEnterCriticalRegionAndAcquireResourceExclusive(
    _Inout_ PERESOURCE Resource);

_IRQL_requires_max_(APC_LEVEL)
NTKERNELAPI PVOID NTAPI ExEnterCriticalRegionAndAcquireResourceShared(
    _Inout_ PERESOURCE Resource);

_IRQL_requires_max_(DISPATCH_LEVEL)
NTKERNELAPI VOID FASTCALL ExReleaseResourceAndLeaveCriticalRegion(
    _Inout_ PERESOURCE Resource);

NTKERNELAPI VOID FASTCALL ExInitializeRundownProtection(
    _Out_ PEX_RUNDOWN_REF RunRef);

NTKERNELAPI VOID FASTCALL ExReInitializeRundownProtection(
    _Inout_ PEX_RUNDOWN_REF RunRef);

_Must_inspect_result_
_IRQL_requires_max_(DISPATCH_LEVEL)
NTKERNELAPI BOOLEAN FASTCALL ExAcquireRundownProtection(
    _Inout_ PEX_RUNDOWN_REF RunRef);

_Must_inspect_result_
_IRQL_requires_max_(DISPATCH_LEVEL)
NTKERNELAPI BOOLEAN FASTCALL ExAcquireRundownProtectionEx(
    _Inout_ PEX_RUNDOWN_REF RunRef,
    _In_ ULONG Count);

_IRQL_requires_max_(DISPATCH_LEVEL)
NTKERNELAPI VOID FASTCALL ExReleaseRundownProtection(
    _Inout_ PEX_RUNDOWN_REF RunRef);

_IRQL_requires_max_(DISPATCH_LEVEL)
NTKERNELAPI VOID FASTCALL ExReleaseRundownProtectionEx(
    _Inout_ PEX_RUNDOWN_REF RunRef,
    _In_ ULONG Count);

NTKERNELAPI VOID FASTCALL ExRundownCompleted(
    _Out_ PEX_RUNDOWN_REF RunRef);

_IRQL_requires_max_(APC_LEVEL)
NTKERNELAPI VOID FASTCALL ExWaitForRundownProtectionRelease(
    _Inout_ PEX_RUNDOWN_REF RunRef);

VOID ExInitializePushLock(
    _Out_ PEX_PUSH_LOCK PushLock);

_IRQL_requires_max_(APC_LEVEL)
_Acquires_exclusive_lock_(*PushLock)
NTKERNELAPI VOID NTAPI ExAcquirePushLockExclusiveEx(
    _Inout_ PEX_PUSH_LOCK PushLock,
    _In_ ULONG Flags);

_IRQL_requires_max_(APC_LEVEL)
_Acquires_shared_lock_(*PushLock)
NTKERNELAPI VOID NTAPI ExAcquirePushLockSharedEx(
    _Inout_ PEX_PUSH_LOCK PushLock,
    _In_ ULONG Flags);

_IRQL_requires_max_(APC_LEVEL)
_Releases_exclusive_lock_(*PushLock)
NTKERNELAPI VOID NTAPI ExReleasePushLockExclusiveEx(
    _Inout_ PEX_PUSH_LOCK PushLock,
    _In_ ULONG Flags);

_IRQL_requires_max_(APC_LEVEL)
_Releases_shared_lock_(*PushLock)
NTKERNELAPI VOID NTAPI ExReleasePushLockSharedEx(
    _Inout_ PEX_PUSH_LOCK PushLock,
    _In_ ULONG Flags);

_IRQL_requires_max_(DISPATCH_LEVEL)
_IRQL_raises_(DISPATCH_LEVEL)
_IRQL_saves_
NTKERNELAPI KIRQL NTAPI ExAcquireSpinLockExclusive(
    _Inout_ PEX_SPIN_LOCK SpinLock);

_IRQL_requires_max_(DISPATCH_LEVEL)
_IRQL_raises_(DISPATCH_LEVEL)
_IRQL_saves_
NTKERNELAPI KIRQL NTAPI ExAcquireSpinLockShared(
    _Inout_ PEX_SPIN_LOCK SpinLock);

_IRQL_requires_(DISPATCH_LEVEL)
NTKERNELAPI VOID NTAPI ExReleaseSpinLockExclusive(
    _Inout_ PEX_SPIN_LOCK SpinLock,
    _In_ _IRQL_restores_ KIRQL OldIrql);

_IRQL_requires_(DISPATCH_LEVEL)
NTKERNELAPI VOID NTAPI ExReleaseSpinLockShared(
    _Inout_ PEX_SPIN_LOCK SpinLock,
    _In_ _IRQL_restores_ KIRQL OldIrql);

/* ======================================================================
 * Work items and system threads
 * ==================================================================== */
VOID ExInitializeWorkItem(
    _Out_ PWORK_QUEUE_ITEM Item,
    _In_ PWORKER_THREAD_ROUTINE Routine,
    _In_opt_ PVOID Context);

_IRQL_requires_max_(DISPATCH_LEVEL)
DECLSPEC_DEPRECATED_DDK
NTKERNELAPI VOID NTAPI ExQueueWorkItem(
    _Inout_ __drv_aliasesMem PWORK_QUEUE_ITEM WorkItem,
    _In_ WORK_QUEUE_TYPE QueueType);

_IRQL_requires_max_(DISPATCH_LEVEL)
_Must_inspect_result_
__drv_allocatesMem(Mem)
NTKERNELAPI PIO_WORKITEM NTAPI IoAllocateWorkItem(
    _In_ PDEVICE_OBJECT DeviceObject);

_IRQL_requires_max_(DISPATCH_LEVEL)
NTKERNELAPI VOID NTAPI IoFreeWorkItem(
    _In_ __drv_freesMem(Mem) PIO_WORKITEM IoWorkItem);

_IRQL_requires_max_(DISPATCH_LEVEL)
NTKERNELAPI VOID NTAPI IoQueueWorkItem(
    _Inout_ PIO_WORKITEM IoWorkItem,
    _In_ PIO_WORKITEM_ROUTINE WorkerRoutine,
    _In_ WORK_QUEUE_TYPE QueueType,
    _In_opt_ __drv_aliasesMem PVOID Context);

_IRQL_requires_max_(DISPATCH_LEVEL)
NTKERNELAPI VOID NTAPI IoQueueWorkItemEx(
    _Inout_ PIO_WORKITEM IoWorkItem,
    _In_ PIO_WORKITEM_ROUTINE_EX WorkerRoutine,
    _In_ WORK_QUEUE_TYPE QueueType,
    _In_opt_ __drv_aliasesMem PVOID Context);

NTKERNELAPI ULONG NTAPI IoSizeofWorkItem(VOID);

NTKERNELAPI VOID NTAPI IoInitializeWorkItem(
    _In_ PVOID IoObject,
    _Out_ PIO_WORKITEM IoWorkItem);

NTKERNELAPI VOID NTAPI IoUninitializeWorkItem(
    _Inout_ PIO_WORKITEM IoWorkItem);

_IRQL_requires_max_(PASSIVE_LEVEL)
_Must_inspect_result_
NTKERNELAPI NTSTATUS NTAPI PsCreateSystemThread(
    _Out_ PHANDLE ThreadHandle,
    _In_ ULONG DesiredAccess,
    _In_opt_ POBJECT_ATTRIBUTES ObjectAttributes,
    _In_opt_ HANDLE ProcessHandle,
    _Out_opt_ PCLIENT_ID ClientId,
    _In_ PKSTART_ROUTINE StartRoutine,
    _In_opt_ _When_(return >= 0, __drv_aliasesMem) PVOID StartContext);

_IRQL_requires_max_(PASSIVE_LEVEL)
NTKERNELAPI NTSTATUS NTAPI PsTerminateSystemThread(
    _In_ NTSTATUS ExitStatus);

PEPROCESS PsGetCurrentProcess(VOID);
PETHREAD PsGetCurrentThread(VOID);
NTKERNELAPI HANDLE NTAPI PsGetCurrentProcessId(VOID);
NTKERNELAPI HANDLE NTAPI PsGetCurrentThreadId(VOID);
NTKERNELAPI PEPROCESS NTAPI IoGetCurrentProcess(VOID);
NTKERNELAPI PEPROCESS NTAPI IoThreadToProcess(
    _In_ PETHREAD Thread);
NTKERNELAPI BOOLEAN NTAPI PsIsSystemThread(
    _In_ PETHREAD Thread);
NTKERNELAPI HANDLE NTAPI PsGetProcessId(
    _In_ PEPROCESS Process);
NTKERNELAPI HANDLE NTAPI PsGetThreadId(
    _In_ PETHREAD Thread);
NTKERNELAPI BOOLEAN NTAPI PsGetVersion(
    _Out_opt_ PULONG MajorVersion,
    _Out_opt_ PULONG MinorVersion,
    _Out_opt_ PULONG BuildNumber,
    _Out_opt_ PUNICODE_STRING CSDVersion);

extern POBJECT_TYPE *PsProcessType;
extern POBJECT_TYPE *PsThreadType;
extern POBJECT_TYPE *ExEventObjectType;
extern POBJECT_TYPE *IoFileObjectType;
extern POBJECT_TYPE *SeTokenObjectType;

/* ======================================================================
 * Object manager
 * ==================================================================== */
typedef struct _OBJECT_HANDLE_INFORMATION {
    ULONG HandleAttributes;
    ACCESS_MASK GrantedAccess;
} OBJECT_HANDLE_INFORMATION, *POBJECT_HANDLE_INFORMATION;

_IRQL_requires_max_(PASSIVE_LEVEL)
NTKERNELAPI NTSTATUS NTAPI ObReferenceObjectByHandle(
    _In_ HANDLE Handle,
    _In_ ACCESS_MASK DesiredAccess,
    _In_opt_ POBJECT_TYPE ObjectType,
    _In_ KPROCESSOR_MODE AccessMode,
    _Out_ PVOID *Object,
    _Out_opt_ POBJECT_HANDLE_INFORMATION HandleInformation);

_IRQL_requires_max_(PASSIVE_LEVEL)
NTKERNELAPI NTSTATUS NTAPI ObReferenceObjectByHandleWithTag(
    _In_ HANDLE Handle,
    _In_ ACCESS_MASK DesiredAccess,
    _In_opt_ POBJECT_TYPE ObjectType,
    _In_ KPROCESSOR_MODE AccessMode,
    _In_ ULONG Tag,
    _Out_ PVOID *Object,
    _Out_opt_ POBJECT_HANDLE_INFORMATION HandleInformation);

_IRQL_requires_max_(DISPATCH_LEVEL)
NTKERNELAPI NTSTATUS NTAPI ObReferenceObjectByPointer(
    _In_ PVOID Object,
    _In_ ACCESS_MASK DesiredAccess,
    _In_opt_ POBJECT_TYPE ObjectType,
    _In_ KPROCESSOR_MODE AccessMode);

_IRQL_requires_max_(DISPATCH_LEVEL)
NTKERNELAPI LONG_PTR FASTCALL ObfReferenceObject(
    _In_ PVOID Object);

_IRQL_requires_max_(DISPATCH_LEVEL)
NTKERNELAPI LONG_PTR FASTCALL ObfDereferenceObject(
    _In_ PVOID Object);

_IRQL_requires_max_(DISPATCH_LEVEL)
LONG_PTR ObReferenceObject(
    _In_ PVOID Object);

_IRQL_requires_max_(DISPATCH_LEVEL)
LONG_PTR ObDereferenceObject(
    _In_ PVOID Object);

_IRQL_requires_max_(DISPATCH_LEVEL)
NTKERNELAPI LONG_PTR FASTCALL ObfReferenceObjectWithTag(
    _In_ PVOID Object,
    _In_ ULONG Tag);

_IRQL_requires_max_(DISPATCH_LEVEL)
NTKERNELAPI LONG_PTR FASTCALL ObfDereferenceObjectWithTag(
    _In_ PVOID Object,
    _In_ ULONG Tag);

_IRQL_requires_max_(DISPATCH_LEVEL)
LONG_PTR ObReferenceObjectWithTag(
    _In_ PVOID Object,
    _In_ ULONG Tag);

_IRQL_requires_max_(DISPATCH_LEVEL)
LONG_PTR ObDereferenceObjectWithTag(
    _In_ PVOID Object,
    _In_ ULONG Tag);

_IRQL_requires_max_(APC_LEVEL)
NTKERNELAPI VOID NTAPI ObDereferenceObjectDeferDelete(
    _In_ PVOID Object);

_IRQL_requires_max_(PASSIVE_LEVEL)
NTKERNELAPI NTSTATUS NTAPI ObGetObjectSecurity(
    _In_ PVOID Object,
    _Out_ PSECURITY_DESCRIPTOR *SecurityDescriptor,
    _Out_ PBOOLEAN MemoryAllocated);

_IRQL_requires_max_(PASSIVE_LEVEL)
NTKERNELAPI VOID NTAPI ObReleaseObjectSecurity(
    _In_ PSECURITY_DESCRIPTOR SecurityDescriptor,
    _In_ BOOLEAN MemoryAllocated);

_IRQL_requires_max_(PASSIVE_LEVEL)
NTSYSAPI NTSTATUS NTAPI RtlCreateSecurityDescriptor(
    _Out_ PSECURITY_DESCRIPTOR SecurityDescriptor,
    _In_ ULONG Revision);

_IRQL_requires_max_(APC_LEVEL)
NTSYSAPI NTSTATUS NTAPI RtlSetDaclSecurityDescriptor(
    _Inout_ PSECURITY_DESCRIPTOR SecurityDescriptor,
    _In_ BOOLEAN DaclPresent,
    _In_opt_ PACL Dacl,
    _In_opt_ BOOLEAN DaclDefaulted);

_IRQL_requires_max_(APC_LEVEL)
NTSYSAPI ULONG NTAPI RtlLengthSecurityDescriptor(
    _In_ PSECURITY_DESCRIPTOR SecurityDescriptor);

/* ======================================================================
 * Zw routines (all PASSIVE_LEVEL)
 * ==================================================================== */
_IRQL_requires_max_(PASSIVE_LEVEL)
NTSYSAPI NTSTATUS NTAPI ZwClose(
    _In_ HANDLE Handle);

_IRQL_requires_max_(PASSIVE_LEVEL)
NTSYSAPI NTSTATUS NTAPI ZwCreateFile(
    _Out_ PHANDLE FileHandle,
    _In_ ACCESS_MASK DesiredAccess,
    _In_ POBJECT_ATTRIBUTES ObjectAttributes,
    _Out_ PIO_STATUS_BLOCK IoStatusBlock,
    _In_opt_ PLARGE_INTEGER AllocationSize,
    _In_ ULONG FileAttributes,
    _In_ ULONG ShareAccess,
    _In_ ULONG CreateDisposition,
    _In_ ULONG CreateOptions,
    _In_reads_bytes_opt_(EaLength) PVOID EaBuffer,
    _In_ ULONG EaLength);

_IRQL_requires_max_(PASSIVE_LEVEL)
NTSYSAPI NTSTATUS NTAPI ZwOpenFile(
    _Out_ PHANDLE FileHandle,
    _In_ ACCESS_MASK DesiredAccess,
    _In_ POBJECT_ATTRIBUTES ObjectAttributes,
    _Out_ PIO_STATUS_BLOCK IoStatusBlock,
    _In_ ULONG ShareAccess,
    _In_ ULONG OpenOptions);

_IRQL_requires_max_(PASSIVE_LEVEL)
NTSYSAPI NTSTATUS NTAPI ZwReadFile(
    _In_ HANDLE FileHandle,
    _In_opt_ HANDLE Event,
    _In_opt_ PIO_APC_ROUTINE ApcRoutine,
    _In_opt_ PVOID ApcContext,
    _Out_ PIO_STATUS_BLOCK IoStatusBlock,
    _Out_writes_bytes_(Length) PVOID Buffer,
    _In_ ULONG Length,
    _In_opt_ PLARGE_INTEGER ByteOffset,
    _In_opt_ PULONG Key);

_IRQL_requires_max_(PASSIVE_LEVEL)
NTSYSAPI NTSTATUS NTAPI ZwWriteFile(
    _In_ HANDLE FileHandle,
    _In_opt_ HANDLE Event,
    _In_opt_ PIO_APC_ROUTINE ApcRoutine,
    _In_opt_ PVOID ApcContext,
    _Out_ PIO_STATUS_BLOCK IoStatusBlock,
    _In_reads_bytes_(Length) PVOID Buffer,
    _In_ ULONG Length,
    _In_opt_ PLARGE_INTEGER ByteOffset,
    _In_opt_ PULONG Key);

_IRQL_requires_max_(PASSIVE_LEVEL)
NTSYSAPI NTSTATUS NTAPI ZwQueryInformationFile(
    _In_ HANDLE FileHandle,
    _Out_ PIO_STATUS_BLOCK IoStatusBlock,
    _Out_writes_bytes_(Length) PVOID FileInformation,
    _In_ ULONG Length,
    _In_ FILE_INFORMATION_CLASS FileInformationClass);

_IRQL_requires_max_(PASSIVE_LEVEL)
NTSYSAPI NTSTATUS NTAPI ZwSetInformationFile(
    _In_ HANDLE FileHandle,
    _Out_ PIO_STATUS_BLOCK IoStatusBlock,
    _In_reads_bytes_(Length) PVOID FileInformation,
    _In_ ULONG Length,
    _In_ FILE_INFORMATION_CLASS FileInformationClass);

_IRQL_requires_max_(PASSIVE_LEVEL)
NTSYSAPI NTSTATUS NTAPI ZwOpenKey(
    _Out_ PHANDLE KeyHandle,
    _In_ ACCESS_MASK DesiredAccess,
    _In_ POBJECT_ATTRIBUTES ObjectAttributes);

_IRQL_requires_max_(PASSIVE_LEVEL)
NTSYSAPI NTSTATUS NTAPI ZwCreateKey(
    _Out_ PHANDLE KeyHandle,
    _In_ ACCESS_MASK DesiredAccess,
    _In_ POBJECT_ATTRIBUTES ObjectAttributes,
    _Reserved_ ULONG TitleIndex,
    _In_opt_ PUNICODE_STRING Class,
    _In_ ULONG CreateOptions,
    _Out_opt_ PULONG Disposition);

_IRQL_requires_max_(PASSIVE_LEVEL)
NTSYSAPI NTSTATUS NTAPI ZwDeleteKey(
    _In_ HANDLE KeyHandle);

_IRQL_requires_max_(PASSIVE_LEVEL)
NTSYSAPI NTSTATUS NTAPI ZwQueryValueKey(
    _In_ HANDLE KeyHandle,
    _In_ PUNICODE_STRING ValueName,
    _In_ KEY_VALUE_INFORMATION_CLASS KeyValueInformationClass,
    _Out_writes_bytes_to_opt_(Length, *ResultLength) PVOID KeyValueInformation,
    _In_ ULONG Length,
    _Out_ PULONG ResultLength);

_IRQL_requires_max_(PASSIVE_LEVEL)
NTSYSAPI NTSTATUS NTAPI ZwSetValueKey(
    _In_ HANDLE KeyHandle,
    _In_ PUNICODE_STRING ValueName,
    _In_opt_ ULONG TitleIndex,
    _In_ ULONG Type,
    _In_reads_bytes_opt_(DataSize) PVOID Data,
    _In_ ULONG DataSize);

_IRQL_requires_max_(PASSIVE_LEVEL)
NTSYSAPI NTSTATUS NTAPI ZwDeleteValueKey(
    _In_ HANDLE KeyHandle,
    _In_ PUNICODE_STRING ValueName);

_IRQL_requires_max_(PASSIVE_LEVEL)
NTSYSAPI NTSTATUS NTAPI ZwEnumerateKey(
    _In_ HANDLE KeyHandle,
    _In_ ULONG Index,
    _In_ KEY_INFORMATION_CLASS KeyInformationClass,
    _Out_writes_bytes_opt_(Length) PVOID KeyInformation,
    _In_ ULONG Length,
    _Out_ PULONG ResultLength);

_IRQL_requires_max_(PASSIVE_LEVEL)
NTSYSAPI NTSTATUS NTAPI ZwEnumerateValueKey(
    _In_ HANDLE KeyHandle,
    _In_ ULONG Index,
    _In_ KEY_VALUE_INFORMATION_CLASS KeyValueInformationClass,
    _Out_writes_bytes_opt_(Length) PVOID KeyValueInformation,
    _In_ ULONG Length,
    _Out_ PULONG ResultLength);

_IRQL_requires_max_(PASSIVE_LEVEL)
NTSYSAPI NTSTATUS NTAPI ZwQueryKey(
    _In_ HANDLE KeyHandle,
    _In_ KEY_INFORMATION_CLASS KeyInformationClass,
    _Out_writes_bytes_opt_(Length) PVOID KeyInformation,
    _In_ ULONG Length,
    _Out_ PULONG ResultLength);

_IRQL_requires_max_(PASSIVE_LEVEL)
NTSYSAPI NTSTATUS NTAPI ZwFlushKey(
    _In_ HANDLE KeyHandle);

_IRQL_requires_max_(PASSIVE_LEVEL)
NTSYSAPI NTSTATUS NTAPI ZwWaitForSingleObject(
    _In_ HANDLE Handle,
    _In_ BOOLEAN Alertable,
    _In_opt_ PLARGE_INTEGER Timeout);

_IRQL_requires_max_(PASSIVE_LEVEL)
NTSYSAPI NTSTATUS NTAPI ZwCreateEvent(
    _Out_ PHANDLE EventHandle,
    _In_ ACCESS_MASK DesiredAccess,
    _In_opt_ POBJECT_ATTRIBUTES ObjectAttributes,
    _In_ EVENT_TYPE EventType,
    _In_ BOOLEAN InitialState);

_IRQL_requires_max_(PASSIVE_LEVEL)
NTSYSAPI NTSTATUS NTAPI ZwSetEvent(
    _In_ HANDLE EventHandle,
    _Out_opt_ PLONG PreviousState);

_IRQL_requires_max_(PASSIVE_LEVEL)
NTSYSAPI NTSTATUS NTAPI ZwDeviceIoControlFile(
    _In_ HANDLE FileHandle,
    _In_opt_ HANDLE Event,
    _In_opt_ PIO_APC_ROUTINE ApcRoutine,
    _In_opt_ PVOID ApcContext,
    _Out_ PIO_STATUS_BLOCK IoStatusBlock,
    _In_ ULONG IoControlCode,
    _In_reads_bytes_opt_(InputBufferLength) PVOID InputBuffer,
    _In_ ULONG InputBufferLength,
    _Out_writes_bytes_opt_(OutputBufferLength) PVOID OutputBuffer,
    _In_ ULONG OutputBufferLength);

#define ZwCurrentProcess() NtCurrentProcess()
#define NtCurrentProcess() ((HANDLE)(LONG_PTR)-1)
#define ZwCurrentThread()  NtCurrentThread()
#define NtCurrentThread()  ((HANDLE)(LONG_PTR)-2)

/* ======================================================================
 * I/O manager: device objects
 * ==================================================================== */
_IRQL_requires_max_(APC_LEVEL)
_Ret_range_(<=, 0)
_Must_inspect_result_
NTKERNELAPI NTSTATUS NTAPI IoCreateDevice(
    _In_ PDRIVER_OBJECT DriverObject,
    _In_ ULONG DeviceExtensionSize,
    _In_opt_ PUNICODE_STRING DeviceName,
    _In_ DEVICE_TYPE DeviceType,
    _In_ ULONG DeviceCharacteristics,
    _In_ BOOLEAN Exclusive,
    _Outptr_result_nullonfailure_ PDEVICE_OBJECT *DeviceObject);

_IRQL_requires_max_(APC_LEVEL)
NTKERNELAPI VOID NTAPI IoDeleteDevice(
    _In_ __drv_freesMem(Mem) PDEVICE_OBJECT DeviceObject);

_IRQL_requires_max_(PASSIVE_LEVEL)
NTKERNELAPI NTSTATUS NTAPI IoCreateSymbolicLink(
    _In_ PUNICODE_STRING SymbolicLinkName,
    _In_ PUNICODE_STRING DeviceName);

_IRQL_requires_max_(PASSIVE_LEVEL)
NTKERNELAPI NTSTATUS NTAPI IoDeleteSymbolicLink(
    _In_ PUNICODE_STRING SymbolicLinkName);

_IRQL_requires_max_(DISPATCH_LEVEL)
_Must_inspect_result_
NTKERNELAPI PDEVICE_OBJECT NTAPI IoAttachDeviceToDeviceStack(
    _In_ PDEVICE_OBJECT SourceDevice,
    _In_ PDEVICE_OBJECT TargetDevice);

_IRQL_requires_max_(PASSIVE_LEVEL)
_Must_inspect_result_
NTKERNELAPI NTSTATUS NTAPI IoAttachDeviceToDeviceStackSafe(
    _In_ PDEVICE_OBJECT SourceDevice,
    _In_ PDEVICE_OBJECT TargetDevice,
    _Outptr_ PDEVICE_OBJECT *AttachedToDeviceObject);

_IRQL_requires_max_(PASSIVE_LEVEL)
NTKERNELAPI VOID NTAPI IoDetachDevice(
    _Inout_ PDEVICE_OBJECT TargetDevice);

_IRQL_requires_max_(PASSIVE_LEVEL)
_Must_inspect_result_
NTKERNELAPI NTSTATUS NTAPI IoGetDeviceObjectPointer(
    _In_ PUNICODE_STRING ObjectName,
    _In_ ACCESS_MASK DesiredAccess,
    _Out_ PFILE_OBJECT *FileObject,
    _Out_ PDEVICE_OBJECT *DeviceObject);

_IRQL_requires_max_(DISPATCH_LEVEL)
NTKERNELAPI PDEVICE_OBJECT NTAPI IoGetAttachedDeviceReference(
    _In_ PDEVICE_OBJECT DeviceObject);

_IRQL_requires_max_(DISPATCH_LEVEL)
NTKERNELAPI PDEVICE_OBJECT NTAPI IoGetRelatedDeviceObject(
    _In_ PFILE_OBJECT FileObject);

_IRQL_requires_max_(PASSIVE_LEVEL)
NTKERNELAPI NTSTATUS NTAPI IoRegisterShutdownNotification(
    _In_ PDEVICE_OBJECT DeviceObject);

_IRQL_requires_max_(PASSIVE_LEVEL)
NTKERNELAPI NTSTATUS NTAPI IoRegisterLastChanceShutdownNotification(
    _In_ PDEVICE_OBJECT DeviceObject);

_IRQL_requires_max_(PASSIVE_LEVEL)
NTKERNELAPI VOID NTAPI IoUnregisterShutdownNotification(
    _In_ PDEVICE_OBJECT DeviceObject);

_IRQL_requires_max_(PASSIVE_LEVEL)
NTKERNELAPI VOID NTAPI IoRegisterDriverReinitialization(
    _In_ PDRIVER_OBJECT DriverObject,
    _In_ PDRIVER_REINITIALIZE DriverReinitializationRoutine,
    _In_opt_ PVOID Context);

_IRQL_requires_max_(DISPATCH_LEVEL)
NTKERNELAPI BOOLEAN NTAPI IoIsWdmVersionAvailable(
    _In_ UCHAR MajorVersion,
    _In_ UCHAR MinorVersion);

_IRQL_requires_max_(PASSIVE_LEVEL)
NTKERNELAPI NTSTATUS NTAPI IoWMIRegistrationControl(
    _In_ PDEVICE_OBJECT DeviceObject,
    _In_ ULONG Action);

_IRQL_requires_max_(PASSIVE_LEVEL)
NTKERNELAPI NTSTATUS NTAPI IoInitializeTimer(
    _In_ PDEVICE_OBJECT DeviceObject,
    _In_ PIO_TIMER_ROUTINE TimerRoutine,
    _In_opt_ __drv_aliasesMem PVOID Context);

_IRQL_requires_max_(DISPATCH_LEVEL)
NTKERNELAPI VOID NTAPI IoStartTimer(
    _In_ PDEVICE_OBJECT DeviceObject);

_IRQL_requires_max_(DISPATCH_LEVEL)
NTKERNELAPI VOID NTAPI IoStopTimer(
    _In_ PDEVICE_OBJECT DeviceObject);

_IRQL_requires_max_(APC_LEVEL)
NTKERNELAPI VOID NTAPI IoGetStackLimits(
    _Out_ PULONG_PTR LowLimit,
    _Out_ PULONG_PTR HighLimit);

_IRQL_requires_max_(APC_LEVEL)
NTKERNELAPI ULONG_PTR NTAPI IoGetRemainingStackSize(VOID);

_IRQL_requires_max_(PASSIVE_LEVEL)
NTKERNELAPI NTSTATUS NTAPI ExCreateCallback(
    _Outptr_ PCALLBACK_OBJECT *CallbackObject,
    _In_ POBJECT_ATTRIBUTES ObjectAttributes,
    _In_ BOOLEAN Create,
    _In_ BOOLEAN AllowMultipleCallbacks);

_IRQL_requires_max_(APC_LEVEL)
NTKERNELAPI PVOID NTAPI ExRegisterCallback(
    _Inout_ PCALLBACK_OBJECT CallbackObject,
    _In_ PCALLBACK_FUNCTION CallbackFunction,
    _In_opt_ PVOID CallbackContext);

_IRQL_requires_max_(APC_LEVEL)
NTKERNELAPI VOID NTAPI ExUnregisterCallback(
    _Inout_ PVOID CallbackRegistration);

/* ======================================================================
 * Remove locks (simplified layout)
 * ==================================================================== */
typedef struct _IO_REMOVE_LOCK_COMMON_BLOCK {
    BOOLEAN Removed;
    BOOLEAN Reserved[3];
    volatile LONG IoCount;
    KEVENT RemoveEvent;
} IO_REMOVE_LOCK_COMMON_BLOCK;

typedef struct _IO_REMOVE_LOCK {
    IO_REMOVE_LOCK_COMMON_BLOCK Common;
} IO_REMOVE_LOCK;

_IRQL_requires_max_(PASSIVE_LEVEL)
VOID IoInitializeRemoveLock(
    _Out_ PIO_REMOVE_LOCK Lock,
    _In_ ULONG AllocateTag,
    _In_ ULONG MaxLockedMinutes,
    _In_ ULONG HighWatermark);

_IRQL_requires_max_(DISPATCH_LEVEL)
_Must_inspect_result_
NTSTATUS IoAcquireRemoveLock(
    _Inout_ PIO_REMOVE_LOCK RemoveLock,
    _In_opt_ PVOID Tag);

_IRQL_requires_max_(DISPATCH_LEVEL)
VOID IoReleaseRemoveLock(
    _Inout_ PIO_REMOVE_LOCK RemoveLock,
    _In_opt_ PVOID Tag);

_IRQL_requires_max_(PASSIVE_LEVEL)
VOID IoReleaseRemoveLockAndWait(
    _Inout_ PIO_REMOVE_LOCK RemoveLock,
    _In_opt_ PVOID Tag);

_IRQL_requires_max_(APC_LEVEL)
NTKERNELAPI BOOLEAN NTAPI IoIs32bitProcess(
    _In_opt_ PIRP Irp);

/* ======================================================================
 * Time conversion
 * ==================================================================== */
typedef struct _TIME_FIELDS {
    CSHORT Year;
    CSHORT Month;
    CSHORT Day;
    CSHORT Hour;
    CSHORT Minute;
    CSHORT Second;
    CSHORT Milliseconds;
    CSHORT Weekday;
} TIME_FIELDS, *PTIME_FIELDS;

NTSYSAPI VOID NTAPI RtlTimeToTimeFields(
    _In_ PLARGE_INTEGER Time,
    _Out_ PTIME_FIELDS TimeFields);

NTSYSAPI BOOLEAN NTAPI RtlTimeFieldsToTime(
    _In_ PTIME_FIELDS TimeFields,
    _Out_ PLARGE_INTEGER Time);

NTKERNELAPI VOID NTAPI ExSystemTimeToLocalTime(
    _In_ PLARGE_INTEGER SystemTime,
    _Out_ PLARGE_INTEGER LocalTime);

/* ======================================================================
 * Probing user buffers, previous mode, exceptions
 * ==================================================================== */
_IRQL_requires_max_(APC_LEVEL)
NTKERNELAPI VOID NTAPI ProbeForRead(
    _In_reads_bytes_(Length) volatile VOID *Address,
    _In_ SIZE_T Length,
    _In_ ULONG Alignment);

_IRQL_requires_max_(APC_LEVEL)
NTKERNELAPI VOID NTAPI ProbeForWrite(
    _Inout_updates_bytes_(Length) volatile VOID *Address,
    _In_ SIZE_T Length,
    _In_ ULONG Alignment);

NTKERNELAPI KPROCESSOR_MODE NTAPI ExGetPreviousMode(VOID);

_IRQL_requires_max_(DISPATCH_LEVEL)
DECLSPEC_NORETURN
NTKERNELAPI VOID NTAPI ExRaiseStatus(
    _In_ NTSTATUS Status);

_IRQL_requires_max_(DISPATCH_LEVEL)
DECLSPEC_NORETURN
NTKERNELAPI VOID NTAPI ExRaiseAccessViolation(VOID);

_IRQL_requires_max_(DISPATCH_LEVEL)
DECLSPEC_NORETURN
NTKERNELAPI VOID NTAPI ExRaiseDatatypeMisalignment(VOID);

NTKERNELAPI BOOLEAN NTAPI ExIsProcessorFeaturePresent(
    _In_ ULONG ProcessorFeature);

/* ======================================================================
 * Run-time library: strings and memory
 * ==================================================================== */
_IRQL_requires_max_(DISPATCH_LEVEL)
NTSYSAPI VOID NTAPI RtlInitUnicodeString(
    _Out_ PUNICODE_STRING DestinationString,
    _In_opt_z_ __drv_aliasesMem PCWSTR SourceString);

_IRQL_requires_max_(DISPATCH_LEVEL)
NTSYSAPI NTSTATUS NTAPI RtlInitUnicodeStringEx(
    _Out_ PUNICODE_STRING DestinationString,
    _In_opt_z_ __drv_aliasesMem PCWSTR SourceString);

/* Inline in the real WDK; declared as functions here. */
VOID RtlInitEmptyUnicodeString(
    _Out_ PUNICODE_STRING UnicodeString,
    _Writable_bytes_(BufferSize) __drv_aliasesMem PWCHAR Buffer,
    _In_ USHORT BufferSize);

VOID RtlInitEmptyAnsiString(
    _Out_ PANSI_STRING AnsiString,
    _Pre_readable_size_(BufferSize) __drv_aliasesMem PCHAR Buffer,
    _In_ USHORT BufferSize);

_IRQL_requires_max_(DISPATCH_LEVEL)
NTSYSAPI VOID NTAPI RtlInitAnsiString(
    _Out_ PANSI_STRING DestinationString,
    _In_opt_z_ __drv_aliasesMem PCSZ SourceString);

_IRQL_requires_max_(DISPATCH_LEVEL)
NTSYSAPI VOID NTAPI RtlInitString(
    _Out_ PSTRING DestinationString,
    _In_opt_z_ __drv_aliasesMem PCSZ SourceString);

_IRQL_requires_max_(DISPATCH_LEVEL)
NTSYSAPI VOID NTAPI RtlCopyUnicodeString(
    _Inout_ PUNICODE_STRING DestinationString,
    _In_opt_ PCUNICODE_STRING SourceString);

_IRQL_requires_max_(DISPATCH_LEVEL)
NTSYSAPI NTSTATUS NTAPI RtlAppendUnicodeStringToString(
    _Inout_ PUNICODE_STRING Destination,
    _In_ PCUNICODE_STRING Source);

_IRQL_requires_max_(DISPATCH_LEVEL)
NTSYSAPI NTSTATUS NTAPI RtlAppendUnicodeToString(
    _Inout_ PUNICODE_STRING Destination,
    _In_opt_z_ PCWSTR Source);

_IRQL_requires_max_(PASSIVE_LEVEL)
NTSYSAPI LONG NTAPI RtlCompareUnicodeString(
    _In_ PCUNICODE_STRING String1,
    _In_ PCUNICODE_STRING String2,
    _In_ BOOLEAN CaseInSensitive);

_IRQL_requires_max_(PASSIVE_LEVEL)
NTSYSAPI BOOLEAN NTAPI RtlEqualUnicodeString(
    _In_ PCUNICODE_STRING String1,
    _In_ PCUNICODE_STRING String2,
    _In_ BOOLEAN CaseInSensitive);

_IRQL_requires_max_(PASSIVE_LEVEL)
NTSYSAPI BOOLEAN NTAPI RtlPrefixUnicodeString(
    _In_ PCUNICODE_STRING String1,
    _In_ PCUNICODE_STRING String2,
    _In_ BOOLEAN CaseInSensitive);

_IRQL_requires_max_(PASSIVE_LEVEL)
NTSYSAPI VOID NTAPI RtlFreeUnicodeString(
    _Inout_ PUNICODE_STRING UnicodeString);

_IRQL_requires_max_(PASSIVE_LEVEL)
NTSYSAPI VOID NTAPI RtlFreeAnsiString(
    _Inout_ PANSI_STRING AnsiString);

_IRQL_requires_max_(PASSIVE_LEVEL)
NTSYSAPI NTSTATUS NTAPI RtlUnicodeStringToAnsiString(
    _Inout_ PANSI_STRING DestinationString,
    _In_ PCUNICODE_STRING SourceString,
    _In_ BOOLEAN AllocateDestinationString);

_IRQL_requires_max_(PASSIVE_LEVEL)
NTSYSAPI NTSTATUS NTAPI RtlAnsiStringToUnicodeString(
    _Inout_ PUNICODE_STRING DestinationString,
    _In_ PCANSI_STRING SourceString,
    _In_ BOOLEAN AllocateDestinationString);

_IRQL_requires_max_(PASSIVE_LEVEL)
NTSYSAPI NTSTATUS NTAPI RtlUpcaseUnicodeString(
    _Inout_ PUNICODE_STRING DestinationString,
    _In_ PCUNICODE_STRING SourceString,
    _In_ BOOLEAN AllocateDestinationString);

_IRQL_requires_max_(PASSIVE_LEVEL)
NTSYSAPI NTSTATUS NTAPI RtlUnicodeStringToInteger(
    _In_ PCUNICODE_STRING String,
    _In_opt_ ULONG Base,
    _Out_ PULONG Value);

_IRQL_requires_max_(PASSIVE_LEVEL)
NTSYSAPI NTSTATUS NTAPI RtlIntegerToUnicodeString(
    _In_ ULONG Value,
    _In_opt_ ULONG Base,
    _Inout_ PUNICODE_STRING String);

_IRQL_requires_max_(PASSIVE_LEVEL)
NTSYSAPI NTSTATUS NTAPI RtlCharToInteger(
    _In_z_ PCSZ String,
    _In_opt_ ULONG Base,
    _Out_ PULONG Value);

_IRQL_requires_max_(APC_LEVEL)
NTSYSAPI NTSTATUS NTAPI RtlStringFromGUID(
    _In_ REFGUID Guid,
    _Out_ PUNICODE_STRING GuidString);

_IRQL_requires_max_(PASSIVE_LEVEL)
NTSYSAPI NTSTATUS NTAPI RtlGUIDFromString(
    _In_ PCUNICODE_STRING GuidString,
    _Out_ GUID *Guid);

/* Macros over memcpy/memset in the real WDK; declared as functions here. */
VOID RtlCopyMemory(
    _Out_writes_bytes_all_(Length) PVOID Destination,
    _In_reads_bytes_(Length) CONST VOID *Source,
    _In_ SIZE_T Length);

VOID RtlMoveMemory(
    _Out_writes_bytes_all_(Length) PVOID Destination,
    _In_reads_bytes_(Length) CONST VOID *Source,
    _In_ SIZE_T Length);

VOID RtlZeroMemory(
    _Out_writes_bytes_all_(Length) PVOID Destination,
    _In_ SIZE_T Length);

VOID RtlFillMemory(
    _Out_writes_bytes_all_(Length) PVOID Destination,
    _In_ SIZE_T Length,
    _In_ UCHAR Fill);

LOGICAL RtlEqualMemory(
    _In_reads_bytes_(Length) CONST VOID *Source1,
    _In_reads_bytes_(Length) CONST VOID *Source2,
    _In_ SIZE_T Length);

PVOID RtlSecureZeroMemory(
    _Out_writes_bytes_all_(Cnt) PVOID Ptr,
    _In_ SIZE_T Cnt);

NTSYSAPI SIZE_T NTAPI RtlCompareMemory(
    _In_ const VOID *Source1,
    _In_ const VOID *Source2,
    _In_ SIZE_T Length);

NTSYSAPI VOID NTAPI RtlCopyMemoryNonTemporal(
    _Out_writes_bytes_all_(Length) PVOID Destination,
    _In_reads_bytes_(Length) CONST VOID *Source,
    _In_ SIZE_T Length);

NTSYSAPI USHORT FASTCALL RtlUshortByteSwap(
    _In_ USHORT Source);

NTSYSAPI ULONG FASTCALL RtlUlongByteSwap(
    _In_ ULONG Source);

NTSYSAPI ULONGLONG FASTCALL RtlUlonglongByteSwap(
    _In_ ULONGLONG Source);

_IRQL_requires_max_(APC_LEVEL)
NTSYSAPI ULONG NTAPI RtlRandomEx(
    _Inout_ PULONG Seed);

_IRQL_requires_max_(APC_LEVEL)
NTSYSAPI ULONG NTAPI RtlRandom(
    _Inout_ PULONG Seed);

typedef struct _OSVERSIONINFOW {
    ULONG dwOSVersionInfoSize;
    ULONG dwMajorVersion;
    ULONG dwMinorVersion;
    ULONG dwBuildNumber;
    ULONG dwPlatformId;
    WCHAR szCSDVersion[128];
} OSVERSIONINFOW, *POSVERSIONINFOW, *LPOSVERSIONINFOW, RTL_OSVERSIONINFOW, *PRTL_OSVERSIONINFOW;

typedef struct _OSVERSIONINFOEXW {
    ULONG dwOSVersionInfoSize;
    ULONG dwMajorVersion;
    ULONG dwMinorVersion;
    ULONG dwBuildNumber;
    ULONG dwPlatformId;
    WCHAR szCSDVersion[128];
    USHORT wServicePackMajor;
    USHORT wServicePackMinor;
    USHORT wSuiteMask;
    UCHAR wProductType;
    UCHAR wReserved;
} OSVERSIONINFOEXW, *POSVERSIONINFOEXW, *LPOSVERSIONINFOEXW, RTL_OSVERSIONINFOEXW, *PRTL_OSVERSIONINFOEXW;

_IRQL_requires_max_(PASSIVE_LEVEL)
NTSYSAPI NTSTATUS NTAPI RtlGetVersion(
    _Out_ PRTL_OSVERSIONINFOW lpVersionInformation);

typedef NTSTATUS NTAPI RTL_QUERY_REGISTRY_ROUTINE(
    _In_z_ PWSTR ValueName,
    _In_ ULONG ValueType,
    _In_reads_bytes_opt_(ValueLength) PVOID ValueData,
    _In_ ULONG ValueLength,
    _In_opt_ PVOID Context,
    _In_opt_ PVOID EntryContext);
typedef RTL_QUERY_REGISTRY_ROUTINE *PRTL_QUERY_REGISTRY_ROUTINE;

typedef struct _RTL_QUERY_REGISTRY_TABLE {
    PRTL_QUERY_REGISTRY_ROUTINE QueryRoutine;
    ULONG Flags;
    PWSTR Name;
    PVOID EntryContext;
    ULONG DefaultType;
    PVOID DefaultData;
    ULONG DefaultLength;
} RTL_QUERY_REGISTRY_TABLE, *PRTL_QUERY_REGISTRY_TABLE;

#define RTL_REGISTRY_ABSOLUTE     0
#define RTL_REGISTRY_SERVICES     1
#define RTL_REGISTRY_CONTROL      2
#define RTL_REGISTRY_WINDOWS_NT   3
#define RTL_REGISTRY_DEVICEMAP    4
#define RTL_REGISTRY_USER         5
#define RTL_REGISTRY_OPTIONAL     0x80000000

#define RTL_QUERY_REGISTRY_SUBKEY   0x00000001
#define RTL_QUERY_REGISTRY_TOPKEY   0x00000002
#define RTL_QUERY_REGISTRY_REQUIRED 0x00000004
#define RTL_QUERY_REGISTRY_NOVALUE  0x00000008
#define RTL_QUERY_REGISTRY_NOEXPAND 0x00000010
#define RTL_QUERY_REGISTRY_DIRECT   0x00000020
#define RTL_QUERY_REGISTRY_DELETE   0x00000040

_IRQL_requires_max_(PASSIVE_LEVEL)
NTSYSAPI NTSTATUS NTAPI RtlQueryRegistryValues(
    _In_ ULONG RelativeTo,
    _In_ PCWSTR Path,
    _Inout_ PRTL_QUERY_REGISTRY_TABLE QueryTable,
    _In_opt_ PVOID Context,
    _In_opt_ PVOID Environment);

NTSYSAPI VOID NTAPI RtlAssert(
    _In_ PVOID VoidFailedAssertion,
    _In_ PVOID VoidFileName,
    _In_ ULONG LineNumber,
    _In_opt_ PSTR MutableMessage);

/* ======================================================================
 * Debug output
 * ==================================================================== */
typedef enum _DPFLTR_TYPE {
    DPFLTR_SYSTEM_ID = 0,
    DPFLTR_TERMSRV_ID = 61,
    DPFLTR_W32TIME_ID = 62,
    DPFLTR_PREFETCHER_ID = 63,
    DPFLTR_RSFILTER_ID = 64,
    DPFLTR_FCPORT_ID = 65,
    DPFLTR_PCI_ID = 66,
    DPFLTR_DMIO_ID = 67,
    DPFLTR_DMCONFIG_ID = 68,
    DPFLTR_DMADMIN_ID = 69,
    DPFLTR_WSOCKTRANSPORT_ID = 70,
    DPFLTR_VSS_ID = 71,
    DPFLTR_PNPMEM_ID = 72,
    DPFLTR_PROCESSOR_ID = 73,
    DPFLTR_DMSERVER_ID = 74,
    DPFLTR_SR_ID = 75,
    DPFLTR_INFINIBAND_ID = 76,
    DPFLTR_IHVDRIVER_ID = 77,
    DPFLTR_IHVVIDEO_ID = 78,
    DPFLTR_IHVAUDIO_ID = 79,
    DPFLTR_IHVNETWORK_ID = 80,
    DPFLTR_IHVSTREAMING_ID = 81,
    DPFLTR_IHVBUS_ID = 82,
    DPFLTR_HPS_ID = 83,
    DPFLTR_RTLTHREADPOOL_ID = 84,
    DPFLTR_LDR_ID = 85,
    DPFLTR_TCPIP6_ID = 86,
    DPFLTR_ISAPNP_ID = 87,
    DPFLTR_SHPC_ID = 88,
    DPFLTR_STORPORT_ID = 89,
    DPFLTR_STORMINIPORT_ID = 90,
    DPFLTR_PRINTSPOOLER_ID = 91,
    DPFLTR_VSSDYNDISK_ID = 92,
    DPFLTR_VERIFIER_ID = 93,
    DPFLTR_VDS_ID = 94,
    DPFLTR_VDSBAS_ID = 95,
    DPFLTR_VDSDYN_ID = 96,
    DPFLTR_VDSDYNDR_ID = 97,
    DPFLTR_VDSLDR_ID = 98
} DPFLTR_TYPE;

#define DPFLTR_ERROR_LEVEL   0
#define DPFLTR_WARNING_LEVEL 1
#define DPFLTR_TRACE_LEVEL   2
#define DPFLTR_INFO_LEVEL    3
#define DPFLTR_MASK          0x80000000

ULONG __cdecl DbgPrint(
    _In_z_ _Printf_format_string_ PCSTR Format,
    ...);

NTSYSAPI ULONG __cdecl DbgPrintEx(
    _In_ ULONG ComponentId,
    _In_ ULONG Level,
    _In_z_ _Printf_format_string_ PCSTR Format,
    ...);

NTSYSAPI ULONG NTAPI vDbgPrintEx(
    _In_ ULONG ComponentId,
    _In_ ULONG Level,
    _In_z_ PCCH Format,
    _In_ va_list arglist);

NTSYSAPI ULONG NTAPI vDbgPrintExWithPrefix(
    _In_z_ PCCH Prefix,
    _In_ ULONG ComponentId,
    _In_ ULONG Level,
    _In_z_ PCCH Format,
    _In_ va_list arglist);

NTSYSAPI VOID NTAPI DbgBreakPoint(VOID);

NTSYSAPI VOID NTAPI DbgBreakPointWithStatus(
    _In_ ULONG Status);

/* KdPrint always expands here (the WDK drops it in free builds) so that
   calls and their arguments stay visible to the analyzer. */
#define KdPrint(_x_)    DbgPrint _x_
#define KdPrintEx(_x_)  DbgPrintEx _x_
#define vKdPrintEx(_x_) vDbgPrintEx _x_
#define KdBreakPoint()  DbgBreakPoint()

#if DBG
#define ASSERT(exp) \
    ((!(exp)) ? (RtlAssert((PVOID)#exp, (PVOID)__FILE__, __LINE__, NULL), FALSE) : TRUE)
#define ASSERTMSG(msg, exp) \
    ((!(exp)) ? (RtlAssert((PVOID)#exp, (PVOID)__FILE__, __LINE__, (PCHAR)(msg)), FALSE) : TRUE)
#define NT_ASSERT(exp)            ASSERT(exp)
#define NT_ASSERTMSG(msg, exp)    ASSERTMSG(msg, exp)
#define NT_ASSERTMSGW(msg, exp)   ASSERT(exp)
#else
#define ASSERT(exp)               ((void)0)
#define ASSERTMSG(msg, exp)       ((void)0)
#define NT_ASSERT(exp)            ((void)0)
#define NT_ASSERTMSG(msg, exp)    ((void)0)
#define NT_ASSERTMSGW(msg, exp)   ((void)0)
#endif
#define NT_VERIFY(exp)            ((exp) ? TRUE : FALSE)
#define NT_VERIFYMSG(msg, exp)    ((exp) ? TRUE : FALSE)
#define NT_ASSERT_ASSUME(exp)     NT_ASSERT(exp)
#define NT_FRE_ASSERT(exp)        ((void)0)

/* The WDK enables section pragmas (alloc_text, code_seg) on x86/x64; drivers test these macros. */
#ifndef ALLOC_PRAGMA
#define ALLOC_PRAGMA 1
#endif
#ifndef ALLOC_DATA_PRAGMA
#define ALLOC_DATA_PRAGMA 1
#endif

#define PAGED_CODE()         ((void)0)
#define PAGED_CODE_LOCKED()  ((void)0)
#define NT_ANALYSIS_ASSUME(exp) ((void)0)

/* ======================================================================
 * Doubly and singly linked lists (inline in the real WDK too)
 * ==================================================================== */
FORCEINLINE VOID InitializeListHead(_Out_ PLIST_ENTRY ListHead)
{
    ListHead->Flink = ListHead->Blink = ListHead;
}

_Must_inspect_result_
FORCEINLINE BOOLEAN IsListEmpty(_In_ const LIST_ENTRY *ListHead)
{
    return (BOOLEAN)(ListHead->Flink == ListHead);
}

FORCEINLINE BOOLEAN RemoveEntryList(_In_ PLIST_ENTRY Entry)
{
    PLIST_ENTRY Blink = Entry->Blink;
    PLIST_ENTRY Flink = Entry->Flink;
    Blink->Flink = Flink;
    Flink->Blink = Blink;
    return (BOOLEAN)(Flink == Blink);
}

FORCEINLINE PLIST_ENTRY RemoveHeadList(_Inout_ PLIST_ENTRY ListHead)
{
    PLIST_ENTRY Entry = ListHead->Flink;
    PLIST_ENTRY Flink = Entry->Flink;
    ListHead->Flink = Flink;
    Flink->Blink = ListHead;
    return Entry;
}

FORCEINLINE PLIST_ENTRY RemoveTailList(_Inout_ PLIST_ENTRY ListHead)
{
    PLIST_ENTRY Entry = ListHead->Blink;
    PLIST_ENTRY Blink = Entry->Blink;
    ListHead->Blink = Blink;
    Blink->Flink = ListHead;
    return Entry;
}

FORCEINLINE VOID InsertTailList(_Inout_ PLIST_ENTRY ListHead, _Out_ __drv_aliasesMem PLIST_ENTRY Entry)
{
    PLIST_ENTRY Blink = ListHead->Blink;
    Entry->Flink = ListHead;
    Entry->Blink = Blink;
    Blink->Flink = Entry;
    ListHead->Blink = Entry;
}

FORCEINLINE VOID InsertHeadList(_Inout_ PLIST_ENTRY ListHead, _Out_ __drv_aliasesMem PLIST_ENTRY Entry)
{
    PLIST_ENTRY Flink = ListHead->Flink;
    Entry->Flink = Flink;
    Entry->Blink = ListHead;
    Flink->Blink = Entry;
    ListHead->Flink = Entry;
}

FORCEINLINE VOID AppendTailList(_Inout_ PLIST_ENTRY ListHead, _Inout_ PLIST_ENTRY ListToAppend)
{
    PLIST_ENTRY ListEnd = ListHead->Blink;
    ListHead->Blink->Flink = ListToAppend;
    ListHead->Blink = ListToAppend->Blink;
    ListToAppend->Blink->Flink = ListHead;
    ListToAppend->Blink = ListEnd;
}

FORCEINLINE PSINGLE_LIST_ENTRY PopEntryList(_Inout_ PSINGLE_LIST_ENTRY ListHead)
{
    PSINGLE_LIST_ENTRY FirstEntry = ListHead->Next;
    if (FirstEntry != NULL) {
        ListHead->Next = FirstEntry->Next;
    }
    return FirstEntry;
}

FORCEINLINE VOID PushEntryList(_Inout_ PSINGLE_LIST_ENTRY ListHead, _Inout_ __drv_aliasesMem PSINGLE_LIST_ENTRY Entry)
{
    Entry->Next = ListHead->Next;
    ListHead->Next = Entry;
}

_IRQL_requires_max_(HIGH_LEVEL)
NTKERNELAPI PLIST_ENTRY FASTCALL ExInterlockedInsertHeadList(
    _Inout_ PLIST_ENTRY ListHead,
    _Inout_ __drv_aliasesMem PLIST_ENTRY ListEntry,
    _Inout_ _Requires_lock_not_held_(*_Curr_) PKSPIN_LOCK Lock);

_IRQL_requires_max_(HIGH_LEVEL)
NTKERNELAPI PLIST_ENTRY FASTCALL ExInterlockedInsertTailList(
    _Inout_ PLIST_ENTRY ListHead,
    _Inout_ __drv_aliasesMem PLIST_ENTRY ListEntry,
    _Inout_ _Requires_lock_not_held_(*_Curr_) PKSPIN_LOCK Lock);

_IRQL_requires_max_(HIGH_LEVEL)
NTKERNELAPI PLIST_ENTRY FASTCALL ExInterlockedRemoveHeadList(
    _Inout_ PLIST_ENTRY ListHead,
    _Inout_ _Requires_lock_not_held_(*_Curr_) PKSPIN_LOCK Lock);

_IRQL_requires_max_(HIGH_LEVEL)
NTKERNELAPI PSINGLE_LIST_ENTRY FASTCALL ExInterlockedPopEntryList(
    _Inout_ PSINGLE_LIST_ENTRY ListHead,
    _Inout_ _Requires_lock_not_held_(*_Curr_) PKSPIN_LOCK Lock);

_IRQL_requires_max_(HIGH_LEVEL)
NTKERNELAPI PSINGLE_LIST_ENTRY FASTCALL ExInterlockedPushEntryList(
    _Inout_ PSINGLE_LIST_ENTRY ListHead,
    _Inout_ __drv_aliasesMem PSINGLE_LIST_ENTRY ListEntry,
    _Inout_ _Requires_lock_not_held_(*_Curr_) PKSPIN_LOCK Lock);

VOID InitializeSListHead(
    _Out_ PSLIST_HEADER SListHead);

VOID ExInitializeSListHead(
    _Out_ PSLIST_HEADER SListHead);

USHORT ExQueryDepthSList(
    _In_ PSLIST_HEADER SListHead);

NTKERNELAPI PSLIST_ENTRY NTAPI InterlockedPushEntrySList(
    _Inout_ PSLIST_HEADER ListHead,
    _Inout_ __drv_aliasesMem PSLIST_ENTRY ListEntry);

NTKERNELAPI PSLIST_ENTRY NTAPI InterlockedPopEntrySList(
    _Inout_ PSLIST_HEADER ListHead);

NTKERNELAPI PSLIST_ENTRY NTAPI InterlockedFlushSList(
    _Inout_ PSLIST_HEADER ListHead);

PSLIST_ENTRY ExInterlockedPushEntrySList(
    _Inout_ PSLIST_HEADER ListHead,
    _Inout_ __drv_aliasesMem PSLIST_ENTRY ListEntry,
    _Inout_opt_ PKSPIN_LOCK Lock);

PSLIST_ENTRY ExInterlockedPopEntrySList(
    _Inout_ PSLIST_HEADER ListHead,
    _Inout_opt_ PKSPIN_LOCK Lock);

PSLIST_ENTRY ExInterlockedFlushSList(
    _Inout_ PSLIST_HEADER ListHead);

/* ======================================================================
 * Interlocked operations (intrinsic macros in the real WDK; functions here)
 * ==================================================================== */
LONG InterlockedIncrement(_Inout_ _Interlocked_operand_ LONG volatile *Addend);
LONG InterlockedDecrement(_Inout_ _Interlocked_operand_ LONG volatile *Addend);
LONG InterlockedExchange(_Inout_ _Interlocked_operand_ LONG volatile *Target, _In_ LONG Value);
LONG InterlockedExchangeAdd(_Inout_ _Interlocked_operand_ LONG volatile *Addend, _In_ LONG Value);
LONG InterlockedAdd(_Inout_ _Interlocked_operand_ LONG volatile *Addend, _In_ LONG Value);
LONG InterlockedCompareExchange(_Inout_ _Interlocked_operand_ LONG volatile *Destination, _In_ LONG ExChange, _In_ LONG Comperand);
LONG InterlockedOr(_Inout_ _Interlocked_operand_ LONG volatile *Destination, _In_ LONG Value);
LONG InterlockedAnd(_Inout_ _Interlocked_operand_ LONG volatile *Destination, _In_ LONG Value);
LONG InterlockedXor(_Inout_ _Interlocked_operand_ LONG volatile *Destination, _In_ LONG Value);
SHORT InterlockedIncrement16(_Inout_ _Interlocked_operand_ SHORT volatile *Addend);
SHORT InterlockedDecrement16(_Inout_ _Interlocked_operand_ SHORT volatile *Addend);
SHORT InterlockedCompareExchange16(_Inout_ _Interlocked_operand_ SHORT volatile *Destination, _In_ SHORT ExChange, _In_ SHORT Comperand);
LONG64 InterlockedIncrement64(_Inout_ _Interlocked_operand_ LONG64 volatile *Addend);
LONG64 InterlockedDecrement64(_Inout_ _Interlocked_operand_ LONG64 volatile *Addend);
LONG64 InterlockedExchange64(_Inout_ _Interlocked_operand_ LONG64 volatile *Target, _In_ LONG64 Value);
LONG64 InterlockedExchangeAdd64(_Inout_ _Interlocked_operand_ LONG64 volatile *Addend, _In_ LONG64 Value);
LONG64 InterlockedAdd64(_Inout_ _Interlocked_operand_ LONG64 volatile *Addend, _In_ LONG64 Value);
LONG64 InterlockedCompareExchange64(_Inout_ _Interlocked_operand_ LONG64 volatile *Destination, _In_ LONG64 ExChange, _In_ LONG64 Comperand);
LONG64 InterlockedOr64(_Inout_ _Interlocked_operand_ LONG64 volatile *Destination, _In_ LONG64 Value);
LONG64 InterlockedAnd64(_Inout_ _Interlocked_operand_ LONG64 volatile *Destination, _In_ LONG64 Value);
PVOID InterlockedExchangePointer(_Inout_ _Interlocked_operand_ PVOID volatile *Target, _In_opt_ PVOID Value);
PVOID InterlockedCompareExchangePointer(_Inout_ _Interlocked_operand_ PVOID volatile *Destination, _In_opt_ PVOID ExChange, _In_opt_ PVOID Comperand);
SIZE_T InterlockedIncrementSizeT(_Inout_ _Interlocked_operand_ SIZE_T volatile *Addend);
SIZE_T InterlockedDecrementSizeT(_Inout_ _Interlocked_operand_ SIZE_T volatile *Addend);
SIZE_T InterlockedExchangeAddSizeT(_Inout_ _Interlocked_operand_ SIZE_T volatile *Addend, _In_ SIZE_T Value);
BOOLEAN InterlockedBitTestAndSet(_Inout_ _Interlocked_operand_ LONG volatile *Base, _In_ LONG Bit);
BOOLEAN InterlockedBitTestAndReset(_Inout_ _Interlocked_operand_ LONG volatile *Base, _In_ LONG Bit);

LONG ReadNoFence(_In_ _Interlocked_operand_ LONG const volatile *Source);
LONG ReadAcquire(_In_ _Interlocked_operand_ LONG const volatile *Source);
VOID WriteNoFence(_Out_ _Interlocked_operand_ LONG volatile *Destination, _In_ LONG Value);
VOID WriteRelease(_Out_ _Interlocked_operand_ LONG volatile *Destination, _In_ LONG Value);
LONG64 ReadNoFence64(_In_ _Interlocked_operand_ LONG64 const volatile *Source);
VOID WriteNoFence64(_Out_ _Interlocked_operand_ LONG64 volatile *Destination, _In_ LONG64 Value);
PVOID ReadPointerNoFence(_In_ _Interlocked_operand_ PVOID const volatile *Source);
PVOID ReadPointerAcquire(_In_ _Interlocked_operand_ PVOID const volatile *Source);
VOID WritePointerNoFence(_Out_ _Interlocked_operand_ PVOID volatile *Destination, _In_opt_ PVOID Value);
VOID WritePointerRelease(_Out_ _Interlocked_operand_ PVOID volatile *Destination, _In_opt_ PVOID Value);
UCHAR ReadUCharNoFence(_In_ _Interlocked_operand_ UCHAR const volatile *Source);
VOID WriteUCharNoFence(_Out_ _Interlocked_operand_ UCHAR volatile *Destination, _In_ UCHAR Value);
BOOLEAN ReadBooleanNoFence(_In_ _Interlocked_operand_ BOOLEAN const volatile *Source);
VOID WriteBooleanNoFence(_Out_ _Interlocked_operand_ BOOLEAN volatile *Destination, _In_ BOOLEAN Value);

VOID MemoryBarrier(VOID);
VOID YieldProcessor(VOID);

#ifdef __cplusplus
}
#endif

#include <ip2string.h>

#endif /* _WSKLINT_WDM_H */
