/* A source file that starts with a UTF-8 byte-order mark. */
#include <ntddk.h>

ULONG Twice(ULONG x)
{
    return x * 2;
}
