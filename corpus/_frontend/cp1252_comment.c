/* A comment in Windows-1252: café « quoted ». */
#include <ntddk.h>

ULONG Thrice(ULONG x)
{
    return x * 3;
}
