/* Records the local address of each listener in a table. */
#include <ntddk.h>
#include <wsk.h>

typedef struct _ENTRY {
    PSOCKADDR Local;
    ULONG Hits;
} ENTRY, *PENTRY;

ENTRY g_Table[8];

VOID TableRecord(ULONG Slot, PSOCKADDR Local)
{
    g_Table[Slot & 7].Local = Local;
    g_Table[Slot & 7].Hits++;
}
