#pragma once
#include <ntddk.h>
#include <wsk.h>
#include <bcrypt.h>

typedef struct _STREAM_CTX {
    BCRYPT_ALG_HANDLE HmacAlg;
    UCHAR Secret[32];
    UCHAR Digest[32];
} STREAM_CTX, *PSTREAM_CTX;

NTSTATUS StreamVerifyChunk(PSTREAM_CTX Ctx, PUCHAR Data, ULONG Length);
