/* Windows habits: a backslash in the include path and a different letter case than the file. */
#include <ntddk.h>
#include "inc\Protocol.H"

ULONG FrameLength(const PROTO_HEADER *Header)
{
    return PROTO_HEADER_SIZE + Header->PayloadLength;
}
