#pragma once
#define PROTO_HEADER_SIZE 8
typedef struct _PROTO_HEADER {
    USHORT Type;
    USHORT Flags;
    ULONG PayloadLength;
} PROTO_HEADER;
